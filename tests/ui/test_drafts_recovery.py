"""Nothing typed is lost: drafts are written while typing and offered back after a crash."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop_app.core.storage import drafts
from desktop_app.core.storage.models import Achievement, Participant
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.draft_recovery import offer_recovery
from desktop_app.ui.participant_dialog import EditParticipantDialog

from .conftest import answer_next_message, type_text
from .test_backup_dialog import no_log_handlers  # noqa: F401 (fixture)


def click_save(qtbot, dialog, runner):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert runner.wait()


def test_typing_writes_a_draft_that_survives_a_crash(qtbot, session, runner, demo):
    dialog = EditParticipantDialog(runner, "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Triệu Thị Hương")
    qtbot.waitUntil(lambda: drafts.get_draft(session, "participant:new:individual") is not None, timeout=3000)
    assert runner.wait()
    draft = drafts.get_draft(session, "participant:new:individual")
    assert draft.payload["values"]["name"] == "Triệu Thị Hương"
    # The process dies here: the dialog never closes. Next start offers the draft back.
    dialog.autosave.enabled = False
    dialog.hide()
    asked = []
    opened = offer_recovery(runner, None, ask=lambda d: asked.append(d.title) or True)
    assert asked == ["Thêm cá nhân"]
    assert len(opened) == 1
    recovered = opened[0]
    qtbot.addWidget(recovered)
    recovered.show()
    assert recovered.fields["name"].text() == "Triệu Thị Hương"
    recovered.fields["gender"].setCurrentIndex(recovered.fields["gender"].findData("nu"))
    click_save(qtbot, recovered, runner)
    assert Participant.get(Participant.name == "Triệu Thị Hương").gender == "nu"
    assert drafts.get_draft(session, "participant:new:individual") is None


def test_declined_recovery_discards_the_draft(qtbot, session, runner, demo):
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    dialog = EditAchievementDialog(runner, person)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["title"], "Hướng dẫn người dân dùng VNeID")
    dialog.autosave.save_now()
    assert runner.wait()
    assert drafts.get_draft(session, f"achievement:new:{person.id}") is not None
    opened = offer_recovery(runner, None, ask=lambda d: False)
    assert opened == []
    assert runner.wait()
    assert drafts.pending_drafts(session) == []


def test_achievement_draft_reopens_with_its_ticks_and_pending_files(qtbot, session, runner, demo, tmp_path):
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    evidence = tmp_path / "anh-hoi-nghi.jpg"
    evidence.write_bytes(b"\xff\xd8 not really a jpeg")
    dialog = EditAchievementDialog(runner, person)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["title"], "Số hóa hồ sơ hộ tịch")
    dialog.content_checks["ND4"].setChecked(True)
    dialog.field_checks["LV10"].setChecked(True)
    dialog.add_evidence_paths([str(evidence)])
    dialog.autosave.save_now()
    dialog.autosave.enabled = False
    assert runner.wait()
    opened = offer_recovery(runner, None, ask=lambda d: True)
    recovered = opened[0]
    qtbot.addWidget(recovered)
    recovered.show()
    assert recovered.fields["title"].text() == "Số hóa hồ sơ hộ tịch"
    assert recovered.content_checks["ND4"].isChecked() and recovered.field_checks["LV10"].isChecked()
    assert recovered.pending_files == [str(evidence)]
    click_save(qtbot, recovered, runner)
    saved = Achievement.get((Achievement.participant == person) & (Achievement.title == "Số hóa hồ sơ hộ tịch"))
    assert saved.content_codes == ["ND4"] and saved.field_codes == ["LV10"]
    assert [e.original_name for e in saved.evidence] == ["anh-hoi-nghi.jpg"]
    assert drafts.pending_drafts(session) == []


def start_after_a_power_cut(tmp_path, monkeypatch):
    """A demo workspace whose officer was typing a new person when the power went; the app started on it."""
    import sys

    from desktop_app.app import start_gui
    from desktop_app.core.demo import create_demo_commune
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace

    ws = open_workspace(tmp_path / "ws", secrets=SecretStore(InMemoryKeyring()))
    create_demo_commune(ws)
    drafts.save_draft(ws, "participant:new:individual", "Thêm cá nhân", {"values": {"name": "Triệu Thị Hương"}})
    ws.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # start_gui installs the crash reporter
    return start_gui(tmp_path / "ws")


def visible_questions() -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_start_shows_the_register_first_then_offers_the_draft(qtbot, tmp_path, no_log_handlers, monkeypatch):
    """After a power cut the next start paints the window first (nothing that can wait comes before it), then
    asks about the draft; the officer's No (a mouse click on the question box) discards it."""
    from desktop_app.ui import draft_recovery

    offer = draft_recovery.offer_recovery
    exposed_when_asked = []
    monkeypatch.setattr(draft_recovery, "offer_recovery", lambda runner, window: (
        exposed_when_asked.append(window.windowHandle().isExposed()), offer(runner, window))[1])
    host = start_after_a_power_cut(tmp_path, monkeypatch)
    try:
        window = host.window
        assert window.isVisible() and window.participants.model.rowCount() > 0
        assert visible_questions() == [] and exposed_when_asked == []
        asked = answer_next_message(QMessageBox.No)
        qtbot.waitUntil(lambda: "text" in asked, timeout=5000)
        assert "Thêm cá nhân" in asked["text"], asked
        assert exposed_when_asked == [True]     # asked once the window was on screen, painted
        assert host.runner.wait()
        assert drafts.pending_drafts(host.session) == []
    finally:
        host.window.close()
        host.close()


def test_a_window_closed_before_the_offer_is_asked_nothing(qtbot, tmp_path, no_log_handlers, monkeypatch):
    host = start_after_a_power_cut(tmp_path, monkeypatch)
    host.window.close()
    host.close()
    for _ in range(5):
        QApplication.processEvents()
    assert visible_questions() == []
