"""The "Gửi hồ sơ" export dialog (drives, background export, messages) and the signing-key settings dialog."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.exchange import sending as exports
from desktop_app.core.exchange.keys import get_commune_key
from desktop_app.core.exchange.packets import RemovableDrive, check_packet
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.register import communes
from desktop_app.core.storage.secrets import InMemoryKeyring, SecretStore
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.key_settings_dialog import KeySettingsDialog


@pytest.fixture
def store():
    return SecretStore(InMemoryKeyring())


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def make_dialog(qtbot, workspace, store, drives):
    dialog = ExportDialog(communes.home_commune(), workspace.paths.evidence_dir, store, drives=lambda: drives)
    qtbot.addWidget(dialog)
    return dialog


def test_export_to_a_listed_usb_drive(qtbot, demo, workspace, store, tmp_path, warnings):
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    dialog = make_dialog(qtbot, workspace, store, [RemovableDrive(str(stick), "KINGSTON", 7 * 1024 ** 3)])
    assert dialog.round_box.count() == 1 and "1" in dialog.round_box.currentText()
    assert "KINGSTON" in dialog.target_box.currentText() and dialog.target_dir() == str(stick)
    dialog.export_button.click()
    assert dialog.runner.wait(120000)
    assert warnings == []
    [packet] = stick.glob("02095_dot1_*.zip")
    assert check_packet(packet).is_valid
    fp = get_commune_key(store, "02095").fingerprint
    shown = "".join(dialog.fingerprint.text().split(":", 2)[-1].split()).lower()
    assert str(packet) in dialog.result.text() and shown == fp
    assert dialog.open_button.isVisible() or not dialog.isVisible()
    round_ = rounds.find_round(communes.home_commune(), 1)
    assert round_.status == "sent" and len(exports.exports_of(round_)) == 1
    assert "đã gửi" in dialog.round_box.currentText()


def test_removed_stick_gives_a_clear_message_and_nothing_is_recorded(qtbot, demo, workspace, store, tmp_path, warnings):
    gone = tmp_path / "pulled-out"
    dialog = make_dialog(qtbot, workspace, store, [RemovableDrive(str(gone), "USB", 1024 ** 3)])
    dialog.export_button.click()
    assert dialog.runner.wait(120000)
    assert len(warnings) == 1 and "rút ra" in warnings[0]
    assert "Chưa ghi được gói hồ sơ" in dialog.result.text()
    round_ = rounds.find_round(communes.home_commune(), 1)
    assert round_.status == "draft" and exports.exports_of(round_) == []
    # a retry onto a folder chosen by hand succeeds
    other = tmp_path / "other"
    other.mkdir()
    dialog.set_target(other)
    dialog.export_button.click()
    assert dialog.runner.wait(120000)
    assert len(list(other.glob("*.zip"))) == 1 and len(warnings) == 1


def test_no_drive_asks_for_a_folder(qtbot, demo, workspace, store, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    dialog = make_dialog(qtbot, workspace, store, [])
    assert dialog.target_dir() is None and "Không thấy ổ USB" in dialog.target_box.currentText()
    dialog.export_button.click()
    assert shown and not dialog.runner.busy


def test_key_settings_backup_restore_rotate(qtbot, commune, store, tmp_path):
    dialog = KeySettingsDialog(commune, store)
    qtbot.addWidget(dialog)
    assert "Chưa có khóa" in dialog.fingerprint.text() and not dialog.backup_button.isEnabled()
    dialog.create_key()
    first = get_commune_key(store, "02095").fingerprint
    assert dialog.fingerprint.text() == format_fingerprint(first)
    backup = dialog.backup_to(tmp_path / "khoa.pem", "mật khẩu dài đủ")
    assert b"ENCRYPTED PRIVATE KEY" in backup.read_bytes()
    dialog.rotate()
    second = get_commune_key(store, "02095").fingerprint
    assert second != first and dialog.fingerprint.text() == format_fingerprint(second)
    with pytest.raises(Exception) as err:
        dialog.restore_from(backup, "mật khẩu dài đủ")
    assert getattr(err.value, "code", "") == "keys.restore_would_replace"
    dialog.restore_from(backup, "mật khẩu dài đủ", replace=True)
    assert get_commune_key(store, "02095").fingerprint == first
    assert dialog.fingerprint.text() == format_fingerprint(first)


def test_key_settings_without_keyring_says_so(qtbot, commune):
    from keyring.backends import fail

    dialog = KeySettingsDialog(commune, SecretStore(fail.Keyring()))
    qtbot.addWidget(dialog)
    assert "kho khóa" in dialog.status.text() and not dialog.create_button.isEnabled()
