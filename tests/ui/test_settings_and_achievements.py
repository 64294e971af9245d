"""First-run commune settings, achievements with evidence, and award history through their dialogs."""
from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMessageBox, QPushButton

from desktop_app.core.exchange.keys import commune_key_info, known_fingerprint
from desktop_app.core.register import communes
from desktop_app.core.storage.models import Award, EvidenceFile, Participant
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.award_dialog import EditAwardDialog
from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog
from desktop_app.ui.main_window import MainWindow

from .conftest import type_text


def click_save(qtbot, dialog, runner):
    """Press Save as the officer does, then wait for the save running on the operation runner."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert runner.wait()


def test_first_run_settings_validate_then_save(qtbot, session, runner):
    dialog = CommuneSettingsDialog(runner, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["doc_prefix"].clear()
    click_save(qtbot, dialog, runner)
    assert dialog.isVisible()
    assert dialog.errors.text("name") == "Không được để trống."
    assert dialog.errors.text("doc_prefix") == "Không được để trống."
    assert communes.home_commune(session) is None
    type_text(dialog.fields["name"], "Bằng Vân")
    type_text(dialog.fields["admin_code"], "02083")
    type_text(dialog.fields["province"], "Thái Nguyên")
    type_text(dialog.fields["receiving_authority"], "Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)")
    type_text(dialog.fields["chairman_name"], "Triệu Văn Sáng")
    type_text(dialog.fields["doc_prefix"], "UBND")
    click_save(qtbot, dialog, runner)
    assert dialog.result() == QDialog.Accepted
    saved = communes.home_commune(session)
    assert saved.name == "Bằng Vân" and saved.chairman_name == "Triệu Văn Sáng" and saved.admin_code == "02083"
    assert dialog.saved_commune.id == saved.id
    # The key is made with the commune, so the first Tờ trình already carries its fingerprint (issue 12, seen 8).
    info = commune_key_info(session.secrets, "02083")
    assert info is not None and known_fingerprint(session.secrets, saved) == info.fingerprint


def test_a_locked_keyring_does_not_lose_the_commune_settings(qtbot, session, runner, keyring_backend, monkeypatch):
    """The OS keyring refusing (locked, none on this PC) must not undo the commune's save: the key is made later,
    before the first cover document, with the keyring's message there."""
    import keyring.errors

    def locked(*_args):
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(keyring_backend, "set_password", locked)
    dialog = CommuneSettingsDialog(runner, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, text in (("name", "Bằng Vân"), ("admin_code", "02083"), ("province", "Thái Nguyên"),
                      ("receiving_authority", "Chủ tịch UBND tỉnh Thái Nguyên"), ("chairman_name", "Triệu Văn Sáng")):
        type_text(dialog.fields[key], text)
    click_save(qtbot, dialog, runner)
    assert dialog.result() == QDialog.Accepted
    assert communes.home_commune(session).name == "Bằng Vân"
    assert commune_key_info(session.secrets, "02083") is None


def test_changed_administrative_code_keeps_the_old_one(qtbot, session, runner, demo):
    dialog = CommuneSettingsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["admin_code"].setText("19999")
    click_save(qtbot, dialog, runner)
    commune = communes.home_commune(session)
    assert commune.admin_code == "19999" and commune.former_codes == ["02095"]


def test_achievement_with_evidence_copied_into_the_workspace(qtbot, session, runner, demo, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    photo = usb / "Ảnh tập huấn VNeID.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 jpeg" * 100)
    person = Participant.get(Participant.name == "Hà Thị Thu")
    dialog = EditAchievementDialog(runner, person)
    qtbot.addWidget(dialog)
    dialog.show()
    click_save(qtbot, dialog, runner)
    assert dialog.errors.text("title") == "Không được để trống."
    type_text(dialog.fields["title"], "Tập huấn cài đặt VNeID cho người cao tuổi")
    type_text(dialog.fields["date_from"], "01/03/2025")
    type_text(dialog.fields["date_to"], "01/02/2025")
    click_save(qtbot, dialog, runner)
    assert dialog.errors.text("date_to") == "Ngày kết thúc phải sau ngày bắt đầu."
    dialog.fields["date_to"].setText("30/06/2025")
    dialog.content_checks["ND1"].setChecked(True)
    dialog.field_checks["LV10"].setChecked(True)
    dialog.add_evidence_paths([str(photo)])
    # New evidence is stored with Save, in the same transaction as the achievement: nothing before.
    assert not EvidenceFile.select().where(EvidenceFile.original_name == "Ảnh tập huấn VNeID.jpg").exists()
    click_save(qtbot, dialog, runner)
    assert dialog.result() == QDialog.Accepted
    saved = dialog.saved_achievement
    assert saved is not None and saved.content_codes == ["ND1"]
    stored = EvidenceFile.get(EvidenceFile.achievement == saved)
    assert stored.original_name == "Ảnh tập huấn VNeID.jpg"
    assert stored.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    photo.unlink()  # the USB stick leaves
    copy = session.paths.evidence_dir / stored.stored_name
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == stored.sha256


def test_award_history_entry_kind_and_code_stay_consistent(qtbot, runner, demo):
    person = Participant.get(Participant.name == "Hà Thị Thu")
    dialog = EditAwardDialog(runner, person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["category"].setCurrentIndex(dialog.fields["category"].findData("danh_hieu"))
    codes = [dialog.code_box.itemData(i) for i in range(dialog.code_box.count())]
    assert "CSTDCS" in codes and "giay_khen" not in codes   # a title, not an award form
    dialog.code_box.setCurrentIndex(dialog.code_box.findData("CSTDCS"))
    type_text(dialog.fields["year"], "2099")
    click_save(qtbot, dialog, runner)
    assert dialog.errors.text("year") == "Năm phải từ 1945 đến năm hiện tại."
    dialog.fields["year"].setText("2025")
    type_text(dialog.fields["decision_number"], "45/QĐ-UBND")
    dialog.fields["award_type"].setCurrentIndex(dialog.fields["award_type"].findData("cong_trang"))
    click_save(qtbot, dialog, runner)
    award = Award.get((Award.participant == person) & (Award.decision_number == "45/QĐ-UBND"))
    assert (award.category, award.name, award.year, award.award_type) == (
        "danh_hieu", "Chiến sĩ thi đua cơ sở", 2025, "cong_trang")
    assert dialog.saved_award.id == award.id


def receiver_button(dialog) -> QPushButton | None:
    return dialog.findChild(QPushButton, "become_receiver")


def test_first_run_can_make_this_computer_the_receiving_level(qtbot, session, runner, monkeypatch):
    """The officer clicks the button with the mouse (a test that called the method once hid that the click
    passed its `checked` argument as `confirmed`)."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes)
    dialog = CommuneSettingsDialog(runner, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    button = receiver_button(dialog)
    assert button.text() == "Máy này là nơi tiếp nhận hồ sơ (cấp trên)…"
    qtbot.mouseClick(button, Qt.LeftButton)
    assert runner.wait()
    assert len(asked) == 1   # the officer was asked to confirm
    assert dialog.became_receiver and dialog.result() == QDialog.Accepted
    assert communes.is_receiver(session) and communes.home_commune(session) is None
    window = MainWindow(runner)
    qtbot.addWidget(window)
    assert [window.nav.item(r).text() for r in range(window.nav.count())] == ["Tiếp nhận hồ sơ"]
    assert type(window.stack.currentWidget()).__name__ == "ReceivingScreen"
    # A receiving workspace has no commune of its own: no "Commune information…" menu.
    actions = [a.text() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    assert "Thông tin xã…" not in actions and actions


def test_declining_the_receiver_question_changes_nothing(qtbot, session, runner, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    dialog = CommuneSettingsDialog(runner, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(receiver_button(dialog), Qt.LeftButton)
    assert runner.wait()
    assert dialog.isVisible() and not dialog.became_receiver
    assert not communes.is_receiver(session)


def test_settings_of_an_existing_commune_offer_no_receiver_button(qtbot, runner, demo):
    dialog = CommuneSettingsDialog(runner)
    qtbot.addWidget(dialog)
    assert receiver_button(dialog) is None
