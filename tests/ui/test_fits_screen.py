"""Every window and dialog fits the officers' screen — 1366×768 with the Windows taskbar, 1366×728 usable (the
tests' screen, tests/data/screen-1366x728.json) — with every button in view: long forms scroll inside."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.register import participants
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.award_dialog import EditAwardDialog
from desktop_app.ui.backup_dialog import BackupDialog, RestoreDialog
from desktop_app.ui.checklist_dialog import MigrateChecklistDialog
from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.key_settings_dialog import KeySettingsDialog, PassphraseDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.core.exchange.packets import RemovableDrive
from desktop_app.ui.participant_dialog import EditParticipantDialog
from desktop_app.ui.round_correction_dialog import CorrectionDialog
from desktop_app.ui.round_decision_dialog import DecisionDialog
from desktop_app.ui.round_new_dialog import NewRoundDialog
from desktop_app.ui.round_nominee_dialog import AddNomineeDialog, SummaryDialog

TITLE_BAR = 32  # the window manager's frame above a dialog, outside its geometry


def screen() -> QRect:
    return QApplication.primaryScreen().availableGeometry()


def test_the_tests_run_on_the_officers_screen(qapp):
    assert (screen().width(), screen().height()) == (1366, 728)


def check_fits(window: QWidget) -> None:
    """The window fits the usable screen, and every enabled, visible button lies inside it."""
    window.show()
    QApplication.processEvents()
    room = screen()
    assert window.width() <= room.width() and window.height() + TITLE_BAR <= room.height(), \
        f"{window.windowTitle()}: {window.width()}×{window.height()} does not fit {room.width()}×{room.height()}"
    assert window.minimumSizeHint().height() + TITLE_BAR <= room.height(), window.windowTitle()
    inside = QRect(QPoint(0, 0), window.size())
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.objectName() == "qt_scrollarea_viewport":
            continue
        if _in_scroll_area(button, window):
            continue  # reachable by scrolling the form
        top_left = button.mapTo(window, QPoint(0, 0))
        assert inside.contains(QRect(top_left, button.size())), \
            f"{window.windowTitle()}: “{button.text()}” at {top_left.x()},{top_left.y()} is outside the window"
    check_wrapped_labels_whole(window)


def check_wrapped_labels_whole(window: QWidget) -> None:
    """Seen 11: wrapped lines cut through their diacritics (the backup dialog). A word-wrapped label is as tall as
    its text needs at the width it got."""
    from PySide6.QtWidgets import QLabel

    for label in window.findChildren(QLabel):
        if not label.wordWrap() or not label.isVisibleTo(window) or not label.text():
            continue
        need = label.heightForWidth(label.width())
        assert label.height() >= need, \
            f"{window.windowTitle()}: “{label.text()[:40]}…” is {label.height()} px high, its text needs {need}"


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


@pytest.fixture
def people(demo, session):
    by_name = {p.name: p for p in participants.list_participants(session, participants.ParticipantFilter(
        commune_id=session.home_commune().id), limit=500)}
    return by_name


def dialogs(runner, session, people):
    person = people["Nông Thị Hoa"]
    collective = people["Thôn Nà Khoang"]
    from desktop_app.core.register import achievements, awards

    achievement = achievements.list_achievements(session, person.id)[0]
    award = awards.list_awards(session, person.id)[0]
    round_ = rounds.current_rounds(session)[0]
    nominee = rounds.nominees_of(session, round_.id)[0]
    checklist = checklists.list_checklists(session, person.id)[0]
    return [
        ("new individual", lambda: EditParticipantDialog(runner, "individual")),
        ("edit collective", lambda: EditParticipantDialog(runner, "collective", collective)),
        ("new achievement", lambda: EditAchievementDialog(runner, person)),
        ("achievement with evidence", lambda: EditAchievementDialog(runner, person, achievement)),
        ("award", lambda: EditAwardDialog(runner, person, award)),
        ("commune settings", lambda: CommuneSettingsDialog(runner)),
        ("new round", lambda: NewRoundDialog(runner)),
        ("add nominee", lambda: AddNomineeDialog(runner, round_)),
        ("summary", lambda: SummaryDialog(runner, nominee)),
        ("decision", lambda: DecisionDialog(runner, round_, ["Đặng Thị Huyền", "Lý Thị Hằng"])),
        ("correction", lambda: CorrectionDialog(runner, round_)),
        ("migrate checklist", lambda: MigrateChecklistDialog(runner, checklist)),
        ("export", lambda: ExportDialog(runner, round_.id, drives=lambda: [])),
        ("key settings", lambda: KeySettingsDialog(runner)),
        ("passphrase", lambda: PassphraseDialog("Mật khẩu", True)),
        ("backup", lambda: BackupDialog(runner, drives=[])),
        ("backup to a stick", lambda: BackupDialog(runner, drives=[RemovableDrive("/media/usb", "KINGSTON", 7 << 30)])),
        ("first run", lambda: CommuneSettingsDialog(runner, first_run=True)),
        ("restore", lambda: RestoreDialog(runner, restore=lambda source: None)),
        ("crash", lambda: CrashDialog("Traceback (most recent call last):\n" + "  File …\n" * 200, None)),
    ]


def test_every_dialog_fits_with_its_buttons_in_view(qtbot, runner, session, people):
    for name, make in dialogs(runner, session, people):
        dialog = make()
        qtbot.addWidget(dialog)
        check_fits(dialog)
        dialog.close()


def test_the_first_run_dialog_fits(qtbot, tmp_path):
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace
    from desktop_app.ui.operations import OperationRunner

    session = open_workspace(tmp_path / "new", secrets=SecretStore(InMemoryKeyring()))
    runner = OperationRunner(session)
    dialog = CommuneSettingsDialog(runner, first_run=True)
    qtbot.addWidget(dialog)
    check_fits(dialog)
    dialog.close()
    runner.shutdown()
    session.close()


def test_every_screen_of_the_main_window_fits(qtbot, runner, demo):
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(screen().width(), screen().height() - TITLE_BAR)
    for key in ("participants", "checklists", "rounds", "dossier"):
        window.show_screen(key)
        runner.wait()
        check_fits(window)
    window.close()


def test_a_long_form_scrolls_and_its_save_button_stays_in_view(qtbot, runner, people):
    dialog = EditAchievementDialog(runner, people["Nông Thị Hoa"])
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert save.isVisible() and save.mapTo(dialog, QPoint(0, 0)).y() + save.height() <= dialog.height()
    # The form is taller than the dialog: it scrolls inside.
    assert dialog.scroll.widget().sizeHint().height() > dialog.scroll.viewport().height()
