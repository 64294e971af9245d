"""User text is always shown as plain text (issue 12, seen 12): a name typed with angle brackets — or received that
way — is shown as typed on every screen, never read as formatting. The test puts such names into the register and a
round, opens every screen with them selected, and reads every label, button, list and table cell on the way."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6 import QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QListWidget, QTableWidget, QTreeWidget, QWidget

from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import Participant
from desktop_app.ui.main_window import MainWindow

NAME = "<b>Hoàng</b> <i>Thị</i> Lụa"


def rendered(label: QLabel) -> str:
    """What the officer reads on a label: rich text rendered, plain text as is."""
    text = label.text()
    rich = label.textFormat() == Qt.RichText or (label.textFormat() == Qt.AutoText and QtGui.Qt.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def shown(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text as the officer reads it) of every visible text under widget."""
    out = []
    for label in widget.findChildren(QLabel):
        out.append((f"QLabel {label.objectName()}", rendered(label)))
    for button in widget.findChildren(QAbstractButton):
        out.append(("button", button.text()))
    for box in widget.findChildren(QGroupBox):
        out.append(("group", box.title()))
    for lst in widget.findChildren(QListWidget):
        out += [("list", lst.item(i).text()) for i in range(lst.count())]
    for table in widget.findChildren(QTableWidget):
        out += [("table", table.item(r, c).text()) for r in range(table.rowCount())
                for c in range(table.columnCount()) if table.item(r, c)]
    for tree in widget.findChildren(QTreeWidget):
        it = tree.invisibleRootItem()
        stack = [it.child(i) for i in range(it.childCount())]
        while stack:
            item = stack.pop()
            out += [("tree", item.text(c)) for c in range(tree.columnCount())]
            stack += [item.child(i) for i in range(item.childCount())]
    return out


def with_marked_names(session):
    """The first nominee of the demo round gets a name with tags; a collective gets a unit name with tags."""
    round_ = rounds.find_round(session, 1)
    nominee = rounds.nominees_of(session, round_.id)[0]
    # As stored before the fields checked names, or as received in a packet: straight into the table.
    Participant.update(name=NAME).where(Participant.id == nominee.participant_id).execute()
    person = Participant.get_by_id(nominee.participant_id)
    return person.id, round_.id


def test_names_with_angle_brackets_are_shown_as_typed_everywhere(qtbot, session, runner, demo):
    person_id, round_id = with_marked_names(session)
    assert Participant.get_by_id(person_id).name == NAME
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1366, 696)
    window.show()
    seen: list[tuple[str, str, str]] = []

    register = window.screen_named("participants")
    window.show_screen("participants")
    assert register.select_participant(person_id)
    runner.wait()
    seen += [("register", *t) for t in shown(register)]

    window.show_screen("checklists")
    checklists = window.screen_named("checklists")
    runner.wait()
    checklists.select_participant(person_id)
    runner.wait()
    seen += [("checklists", *t) for t in shown(checklists)]

    window.show_screen("rounds")
    rounds_screen = window.screen_named("rounds")
    rounds_screen.select_round(round_id)
    runner.wait()
    seen += [("rounds", *t) for t in shown(rounds_screen)]

    window.show_screen("dossier")
    dossier = window.screen_named("dossier")
    dossier.select_round(round_id)
    runner.wait()
    seen += [("dossier", *t) for t in shown(dossier)]

    with_name = [s for s in seen if "Hoàng" in s[2] and "Lụa" in s[2]]
    screens = {s[0] for s in with_name}
    assert {"register", "checklists", "rounds"} <= screens, screens
    mangled = [s for s in with_name if NAME not in s[2]]
    assert not mangled, f"shown as formatting instead of as typed: {mangled}"
