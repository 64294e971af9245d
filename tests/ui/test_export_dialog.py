"""The "Gửi hồ sơ" export dialog (drives, background export, messages) and the signing-key settings dialog."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from desktop_app.core.exchange import sending as exports
from desktop_app.core.exchange.keys import get_commune_key
from desktop_app.core.exchange.packets import RemovableDrive, check_packet
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.key_settings_dialog import KeySettingsDialog


@pytest.fixture
def store(session):
    """The session's secret store (an in-memory keyring): the commune's key lives there."""
    return session.secrets


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def officer_sends_drafts(qtbot):
    """The demo round's documents are not issued: whenever the dialog warns that drafts would travel, this officer
    clicks "Vẫn gửi bản dự thảo" with the mouse (the tests below are about the export itself)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll():
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                anyway = next((b for b in box.buttons() if b.text() == "Vẫn gửi bản dự thảo"), None)
                if anyway is not None:
                    qtbot.mouseClick(anyway, Qt.LeftButton)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(30)
    yield timer
    timer.stop()


def make_dialog(qtbot, runner, drives):
    dialog = ExportDialog(runner, drives=lambda: drives)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.LeftButton)


def test_export_to_a_listed_usb_drive(qtbot, session, runner, demo, store, tmp_path, warnings):
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    dialog = make_dialog(qtbot, runner, [RemovableDrive(str(stick), "KINGSTON", 7 * 1024 ** 3)])
    assert dialog.round_box.count() == 1 and "1" in dialog.round_box.currentText()
    assert "KINGSTON" in dialog.target_box.currentText() and dialog.target_dir() == str(stick)
    click(qtbot, dialog.export_button)
    assert dialog.runner.wait(120000)
    assert warnings == []
    [packet] = stick.glob("02095_dot1_*.zip")
    assert check_packet(packet).is_valid
    fp = get_commune_key(store, "02095").fingerprint
    shown = "".join(dialog.fingerprint.text().split(":", 2)[-1].split()).lower()
    assert str(packet) in dialog.result.text() and shown == fp
    assert dialog.open_button.isVisible() or not dialog.isVisible()
    round_ = rounds.find_round(session, 1)
    assert round_.status == "sent" and len(exports.exports_of(session, round_.id)) == 1
    assert "đã gửi" in dialog.round_box.currentText()


def test_removed_stick_gives_a_clear_message_and_nothing_is_recorded(qtbot, session, runner, demo, store, tmp_path,
                                                                     warnings):
    gone = tmp_path / "pulled-out"
    dialog = make_dialog(qtbot, runner, [RemovableDrive(str(gone), "USB", 1024 ** 3)])
    click(qtbot, dialog.export_button)
    assert dialog.runner.wait(120000)
    assert len(warnings) == 1 and "rút ra" in warnings[0]
    assert "Chưa ghi được gói hồ sơ" in dialog.result.text()
    round_ = rounds.find_round(session, 1)
    assert round_.status == "draft" and exports.exports_of(session, round_.id) == []
    # a retry onto a folder chosen by hand succeeds
    other = tmp_path / "other"
    other.mkdir()
    dialog.set_target(other)
    assert dialog.export_button.isEnabled()
    click(qtbot, dialog.export_button)
    assert dialog.runner.wait(120000)
    assert len(list(other.glob("*.zip"))) == 1 and len(warnings) == 1


def test_no_drive_asks_for_a_folder(qtbot, runner, demo, store, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    dialog = make_dialog(qtbot, runner, [])
    assert dialog.target_dir() is None and "Không thấy ổ USB" in dialog.target_box.currentText()
    click(qtbot, dialog.export_button)
    assert shown and not dialog.runner.busy


def test_cancelled_export_writes_nothing_and_the_dialog_stays_usable(qtbot, session, runner, demo, store, tmp_path,
                                                                    monkeypatch, warnings):
    stick = tmp_path / "USB"
    stick.mkdir()
    real = exports.export_round

    def slow(s, round_id, target, progress=None, cancelled=None):
        # A big packet: still writing when the officer presses Cancel (or 20 s pass).
        deadline = time.monotonic() + 20
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(s, round_id, target, progress=progress, cancelled=cancelled)

    monkeypatch.setattr(exports, "export_round", slow)
    dialog = make_dialog(qtbot, runner, [RemovableDrive(str(stick), "USB", 1024 ** 3)])
    click(qtbot, dialog.export_button)
    assert not dialog.export_button.isEnabled()
    progress = lambda: [d for d in dialog.findChildren(QProgressDialog) if d.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: bool(progress()), timeout=5000)
    click(qtbot, next(b for b in progress()[0].findChildren(QPushButton) if b.isVisible()))
    assert runner.wait(120000)
    assert list(stick.glob("*.zip")) == [] and warnings == []
    round_ = rounds.find_round(session, 1)
    assert round_.status == "draft" and exports.exports_of(session, round_.id) == []
    # The dialog is usable again: Export works, and Close closes it.
    assert dialog.export_button.isEnabled() and not dialog.exporting
    assert "Chưa ghi được gói hồ sơ" in dialog.result.text()
    dialog.reject()
    assert not dialog.isVisible()


def test_key_settings_backup_restore_rotate(qtbot, runner, commune, store, tmp_path, monkeypatch):
    dialog = KeySettingsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Chưa có khóa" in dialog.fingerprint.text() and not dialog.backup_button.isEnabled()
    click(qtbot, dialog.create_button)
    assert runner.wait()
    first = get_commune_key(store, "02095").fingerprint
    assert dialog.fingerprint.text() == format_fingerprint(first)
    assert dialog.backup_button.isEnabled() and not dialog.create_button.isEnabled()
    backup = tmp_path / "khoa.pem"
    dialog.backup_to(backup, "mật khẩu dài đủ")
    assert runner.wait()
    assert b"ENCRYPTED PRIVATE KEY" in backup.read_bytes()
    assert str(backup) in dialog.status.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    click(qtbot, dialog.rotate_button)
    assert runner.wait()
    second = get_commune_key(store, "02095").fingerprint
    assert second != first and dialog.fingerprint.text() == format_fingerprint(second)
    # Restoring over another key asks first: "No" keeps the key in use.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.No)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning: {a[2]}"))
    dialog.restore_from(backup, "mật khẩu dài đủ")
    assert runner.wait()
    assert len(asked) == 1 and "Khôi phục sẽ thay thế khóa đó" in asked[0]
    assert get_commune_key(store, "02095").fingerprint == second
    assert dialog.fingerprint.text() == format_fingerprint(second)
    # "Yes" replaces it with the backed-up key.
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.Yes)
    dialog.restore_from(backup, "mật khẩu dài đủ")
    assert runner.wait()
    assert len(asked) == 2
    assert get_commune_key(store, "02095").fingerprint == first
    assert dialog.fingerprint.text() == format_fingerprint(first)


def test_key_settings_without_keyring_says_so(qtbot, session, runner, commune, monkeypatch):
    from keyring.backends import fail

    monkeypatch.setattr(session, "secrets", SecretStore(fail.Keyring()))
    dialog = KeySettingsDialog(runner)
    qtbot.addWidget(dialog)
    assert "kho khóa" in dialog.status.text() and not dialog.create_button.isEnabled()


def test_sending_a_round_again_asks_and_copies_the_same_packet(qtbot, session, runner, demo, store, tmp_path,
                                                               warnings):
    """A round already sent: the officer is told which packet the receiving level has; "copy again" writes the very
    same file (same bytes, same number) onto the new stick; "make a new packet" is only taken when chosen."""
    from .conftest import answer_next_message

    first_stick, second_stick = tmp_path / "STICK1", tmp_path / "STICK2"
    first_stick.mkdir()
    second_stick.mkdir()
    dialog = make_dialog(qtbot, runner, [RemovableDrive(str(first_stick), "STICK1", 8 * 1024 ** 3)])
    click(qtbot, dialog.export_button)
    assert runner.wait(120000)
    [sent] = first_stick.glob("02095_dot1_*.zip")
    dialog.set_target(second_stick)
    asked = answer_next_message(text="Chép lại gói số 1")
    click(qtbot, dialog.export_button)
    assert runner.wait(120000)
    assert "gói số 1" in asked["text"] and sent.name in asked["text"]
    [again] = second_stick.glob("02095_dot1_*.zip")
    assert again.name == sent.name and again.read_bytes() == sent.read_bytes()
    round_ = rounds.find_round(session, 1)
    assert len(exports.exports_of(session, round_.id)) == 1          # nothing new recorded
    # Cancel writes nothing; "make a new packet" makes packet no. 2.
    third = tmp_path / "STICK3"
    third.mkdir()
    dialog.set_target(third)
    answer_next_message(QMessageBox.Cancel)
    click(qtbot, dialog.export_button)
    assert runner.wait() and list(third.iterdir()) == []
    answer_next_message(text="Tạo gói mới")
    click(qtbot, dialog.export_button)
    assert runner.wait(120000)
    assert [e.sequence for e in exports.exports_of(session, round_.id)] == [1, 2] and warnings == []


def test_unissued_documents_keep_the_packet_back_unless_the_officer_insists(qtbot, session, runner, demo, tmp_path,
                                                                           officer_sends_drafts):
    """Issue 13: a packet exported before the documents are issued carries drafts the Sở Nội vụ sends back. The
    dialog says which documents are not issued; Enter means "Không gửi" and writes nothing."""
    from .conftest import answer_next_message

    officer_sends_drafts.stop()            # this officer reads the warning
    stick = tmp_path / "STICK"
    stick.mkdir()
    round_ = rounds.find_round(session, 1)
    assert exports.unissued_documents(session, round_.id)[:2] == ["Biên bản họp Hội đồng", "Tờ trình"]
    assert any(line.startswith("Chưa ban hành: Biên bản họp Hội đồng, Tờ trình")
               for line in exports.missing_before_sending(session, round_.id))
    dialog = make_dialog(qtbot, runner, [RemovableDrive(str(stick), "STICK", 8 * 1024 ** 3)])
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = {}

    def press_enter():
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, press_enter)
            return
        seen["text"] = box.text()
        seen["default"] = box.defaultButton().text()
        qtbot.keyClick(box, Qt.Key_Return)
    QTimer.singleShot(0, press_enter)
    click(qtbot, dialog.export_button)
    assert runner.wait()
    assert "Chưa ban hành: Biên bản họp Hội đồng, Tờ trình" in seen["text"] and "DỰ THẢO" in seen["text"]
    assert seen["default"] == "Không gửi"
    assert list(stick.iterdir()) == [] and exports.exports_of(session, round_.id) == []
    answer_next_message(text="Vẫn gửi bản dự thảo")
    click(qtbot, dialog.export_button)
    assert runner.wait(120000)
    assert len(list(stick.glob("02095_dot1_*.zip"))) == 1
