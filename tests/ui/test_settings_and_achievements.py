"""First-run commune settings, achievements with evidence, and award history through their dialogs."""
from __future__ import annotations

import hashlib

from desktop_app.core.register import communes
from desktop_app.core.storage.models import Award, EvidenceFile, Participant
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.award_dialog import EditAwardDialog
from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog

from .conftest import type_text


def test_first_run_settings_validate_then_save(qtbot, workspace):
    dialog = CommuneSettingsDialog(None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["doc_prefix"].clear()
    dialog.save()
    assert dialog.isVisible()
    assert dialog.errors.text("name") == "Không được để trống."
    assert dialog.errors.text("doc_prefix") == "Không được để trống."
    assert communes.home_commune() is None
    type_text(dialog.fields["name"], "Bằng Vân")
    type_text(dialog.fields["admin_code"], "02083")
    type_text(dialog.fields["province"], "Thái Nguyên")
    type_text(dialog.fields["receiving_authority"], "Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)")
    type_text(dialog.fields["chairman_name"], "Triệu Văn Sáng")
    type_text(dialog.fields["doc_prefix"], "UBND")
    dialog.save()
    saved = communes.home_commune()
    assert saved.name == "Bằng Vân" and saved.chairman_name == "Triệu Văn Sáng" and saved.admin_code == "02083"


def test_changed_administrative_code_keeps_the_old_one(qtbot, workspace, demo):
    dialog = CommuneSettingsDialog(communes.home_commune())
    qtbot.addWidget(dialog)
    dialog.fields["admin_code"].setText("19999")
    dialog.save()
    commune = communes.home_commune()
    assert commune.admin_code == "19999" and commune.former_codes == ["02095"]


def test_achievement_with_evidence_copied_into_the_workspace(qtbot, workspace, demo, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    photo = usb / "Ảnh tập huấn VNeID.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 jpeg" * 100)
    person = Participant.get(Participant.name == "Hà Thị Thu")
    dialog = EditAchievementDialog(workspace.paths.evidence_dir, person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    assert dialog.errors.text("title") == "Không được để trống."
    type_text(dialog.fields["title"], "Tập huấn cài đặt VNeID cho người cao tuổi")
    type_text(dialog.fields["date_from"], "01/03/2025")
    type_text(dialog.fields["date_to"], "01/02/2025")
    dialog.save()
    assert dialog.errors.text("date_to") == "Ngày kết thúc phải sau ngày bắt đầu."
    dialog.fields["date_to"].setText("30/06/2025")
    dialog.content_checks["ND1"].setChecked(True)
    dialog.field_checks["LV10"].setChecked(True)
    dialog.add_evidence_paths([str(photo)])
    dialog.save()
    saved = dialog.saved_achievement
    assert saved is not None and saved.content_codes == ["ND1"]
    stored = EvidenceFile.get(EvidenceFile.achievement == saved)
    assert stored.original_name == "Ảnh tập huấn VNeID.jpg"
    assert stored.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    photo.unlink()  # the USB stick leaves
    copy = workspace.paths.evidence_dir / stored.stored_name
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored.sha256


def test_award_history_entry_kind_and_code_stay_consistent(qtbot, workspace, demo):
    person = Participant.get(Participant.name == "Hà Thị Thu")
    dialog = EditAwardDialog(person)
    qtbot.addWidget(dialog)
    dialog.fields["category"].setCurrentIndex(dialog.fields["category"].findData("danh_hieu"))
    codes = [dialog.code_box.itemData(i) for i in range(dialog.code_box.count())]
    assert "CSTDCS" in codes and "GIAY_KHEN" not in codes
    dialog.code_box.setCurrentIndex(dialog.code_box.findData("CSTDCS"))
    type_text(dialog.fields["year"], "2099")
    dialog.save()
    assert dialog.errors.text("year") == "Năm phải từ 1945 đến năm hiện tại."
    dialog.fields["year"].setText("2025")
    type_text(dialog.fields["decision_number"], "45/QĐ-UBND")
    dialog.fields["award_type"].setCurrentIndex(dialog.fields["award_type"].findData("cong_trang"))
    dialog.save()
    award = Award.get((Award.participant == person) & (Award.decision_number == "45/QĐ-UBND"))
    assert (award.category, award.name, award.year, award.award_type) == (
        "danh_hieu", "Chiến sĩ thi đua cơ sở", 2025, "cong_trang")


def test_first_run_can_make_this_computer_the_receiving_level(qtbot, workspace):
    from desktop_app.app import build_main_window
    from desktop_app.core.exchange import receiving

    dialog = CommuneSettingsDialog(None, first_run=True)
    qtbot.addWidget(dialog)
    button = dialog.findChild(type(dialog.buttons.buttons()[0]), "become_receiver")
    assert button.text() == "Máy này là nơi tiếp nhận hồ sơ (cấp trên)…"
    dialog.become_receiver(confirmed=True)
    assert dialog.became_receiver and receiving.is_receiver() and communes.home_commune() is None
    window = build_main_window(workspace)
    qtbot.addWidget(window)
    assert [window.nav.item(r).text() for r in range(window.nav.count())] == ["Tiếp nhận hồ sơ"]
    assert type(window.stack.currentWidget()).__name__ == "ReceivingScreen"


def test_settings_of_an_existing_commune_offer_no_receiver_button(qtbot, workspace, demo):
    dialog = CommuneSettingsDialog(communes.home_commune())
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.buttons.buttons()[0]), "become_receiver") is None
