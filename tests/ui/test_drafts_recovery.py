"""Nothing typed is lost: drafts are written while typing and offered back after a crash."""
from __future__ import annotations

from desktop_app.core.storage import drafts
from desktop_app.core.storage.models import Achievement, Participant
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.draft_recovery import offer_recovery
from desktop_app.ui.participant_dialog import EditParticipantDialog

from .conftest import type_text


def test_typing_writes_a_draft_that_survives_a_crash(qtbot, workspace, demo):
    dialog = EditParticipantDialog(demo["commune"], "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Triệu Thị Hương")
    qtbot.waitUntil(lambda: drafts.get_draft("participant:new:individual") is not None, timeout=3000)
    draft = drafts.get_draft("participant:new:individual")
    assert draft.payload["values"]["name"] == "Triệu Thị Hương"
    # The process dies here: the dialog never closes. Next start offers the draft back.
    dialog.autosave.enabled = False
    dialog.hide()
    asked = []
    opened = offer_recovery(None, demo["commune"], workspace.paths.evidence_dir,
                            ask=lambda d: asked.append(d.title) or True)
    assert asked == ["Thêm cá nhân"]
    assert len(opened) == 1
    recovered = opened[0]
    qtbot.addWidget(recovered)
    assert recovered.fields["name"].text() == "Triệu Thị Hương"
    recovered.fields["gender"].setCurrentIndex(recovered.fields["gender"].findData("nu"))
    recovered.save()
    assert Participant.get(Participant.name == "Triệu Thị Hương").gender == "nu"
    assert drafts.get_draft("participant:new:individual") is None


def test_declined_recovery_discards_the_draft(qtbot, workspace, demo):
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    dialog = EditAchievementDialog(workspace.paths.evidence_dir, person)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["title"], "Hướng dẫn người dân dùng VNeID")
    dialog.autosave.save_now()
    assert drafts.get_draft(f"achievement:new:{person.id}") is not None
    opened = offer_recovery(None, demo["commune"], workspace.paths.evidence_dir, ask=lambda d: False)
    assert opened == []
    assert drafts.pending_drafts() == []


def test_achievement_draft_reopens_with_its_ticks_and_pending_files(qtbot, workspace, demo, tmp_path):
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    evidence = tmp_path / "anh-hoi-nghi.jpg"
    evidence.write_bytes(b"\xff\xd8 not really a jpeg")
    dialog = EditAchievementDialog(workspace.paths.evidence_dir, person)
    qtbot.addWidget(dialog)
    type_text(dialog.fields["title"], "Số hóa hồ sơ hộ tịch")
    dialog.content_checks["ND4"].setChecked(True)
    dialog.field_checks["LV10"].setChecked(True)
    dialog.add_evidence_paths([str(evidence)])
    dialog.autosave.save_now()
    dialog.autosave.enabled = False
    opened = offer_recovery(None, demo["commune"], workspace.paths.evidence_dir, ask=lambda d: True)
    recovered = opened[0]
    qtbot.addWidget(recovered)
    assert recovered.fields["title"].text() == "Số hóa hồ sơ hộ tịch"
    assert recovered.content_checks["ND4"].isChecked() and recovered.field_checks["LV10"].isChecked()
    assert recovered.pending_files == [str(evidence)]
    recovered.save()
    saved = Achievement.get((Achievement.participant == person) & (Achievement.title == "Số hóa hồ sơ hộ tịch"))
    assert saved.content_codes == ["ND4"] and saved.field_codes == ["LV10"]
    assert [e.original_name for e in saved.evidence] == ["anh-hoi-nghi.jpg"]
