"""Lists stay current (issue 12, seen 5): a change made anywhere shows wherever it is listed, without a search or a
restart — the register after a recovered draft is saved, the checklist screen after a participant is added from the
register. Driven by mouse and keys on the main window at 1366×728."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.core.storage import drafts
from desktop_app.ui.draft_recovery import offer_recovery
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.participant_dialog import EditParticipantDialog

from .conftest import type_text


def open_window(qtbot, runner):
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1366, 696)
    window.show()
    qtbot.waitExposed(window)
    return window


def register_names(screen) -> list[str]:
    model = screen.model
    while model.canFetchMore():
        model.fetchMore()
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def checklist_names(screen) -> list[str]:
    return [screen.participant_list.item(row).text() for row in range(screen.participant_list.count())]


def counted(screen, qtbot) -> str:
    qtbot.waitUntil(lambda: screen.count_label.text() and "…" not in screen.count_label.text(), timeout=5000)
    return screen.count_label.text()


def fill_participant_when_open(qtbot, runner, name: str, done: list) -> None:
    """When the participant dialog opens (modal), type the name as the officer does and click Lưu."""
    def poll():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, EditParticipantDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        type_text(dialog.fields["name"], name)
        dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("nam"))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
        done.append(dialog)
    QTimer.singleShot(0, poll)


def test_a_recovered_draft_saved_appears_in_the_register(qtbot, session, runner, demo):
    window = open_window(qtbot, runner)
    register = window.screen_named("participants")
    before = counted(register, qtbot)
    # Yesterday's typing, cut by a power cut: the draft is in the database, the dialog never closed.
    typing = EditParticipantDialog(runner, "individual")
    qtbot.addWidget(typing)
    typing.show()
    type_text(typing.fields["name"], "Hoàng Thị Lụa")
    qtbot.waitUntil(lambda: drafts.get_draft(session, "participant:new:individual") is not None, timeout=3000)
    runner.wait()
    typing.autosave.enabled = False   # the process died: nothing more is written, nothing asked
    typing.autosave.dirty = False
    typing.hide()
    opened = offer_recovery(runner, window, ask=lambda d: True)
    recovered = opened[0]
    qtbot.addWidget(recovered)
    recovered.show()
    gender = recovered.fields["gender"]
    gender.setCurrentIndex(gender.findData("nu"))
    qtbot.mouseClick(recovered.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert runner.wait()
    qtbot.waitUntil(lambda: "Hoàng Thị Lụa" in register_names(register), timeout=5000)
    after = counted(register, qtbot)
    assert int(after.split()[0].replace(".", "")) == int(before.split()[0].replace(".", "")) + 1


def test_a_participant_added_in_the_register_appears_in_the_open_checklist_screen(qtbot, session, runner, demo):
    window = open_window(qtbot, runner)
    window.show_screen("checklists")
    checklists = window.screen_named("checklists")
    assert "Lường Văn Tám — Cá nhân" not in checklist_names(checklists)
    window.show_screen("participants")
    register = window.screen_named("participants")
    done: list = []
    fill_participant_when_open(qtbot, runner, "Lường Văn Tám", done)
    qtbot.mouseClick(register.add_individual_button, Qt.LeftButton)
    assert done and runner.wait()
    # No search typed, no restart: the checklist screen lists the new person.
    window.show_screen("checklists")
    qtbot.waitUntil(lambda: "Lường Văn Tám — Cá nhân" in checklist_names(checklists), timeout=5000)
    # And the register selected the new row.
    assert register.selected().name == "Lường Văn Tám"
