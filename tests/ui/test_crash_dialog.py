"""The crash dialog gives the officer two ways to pass the error on (issue 12, seen 13): "Sao chép" puts the details
on the clipboard, "Lưu báo cáo lỗi ra USB" writes one text file with the details and the end of the log onto the
stick; a removed or full stick is a sentence in the dialog, which stays open."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.core.exchange.packets.drives import RemovableDrive
from desktop_app.ui.crash_dialog import CrashDialog

DETAILS = "Traceback (most recent call last):\n  File \"round_screen.py\", line 12\nZeroDivisionError: boom\n"


@pytest.fixture
def log_file(tmp_path):
    log = tmp_path / "logs" / "sothidua.log"
    log.parent.mkdir()
    # a long log: only its end travels; the first line must not be in the report
    log.write_text("DÒNG ĐẦU TIÊN\n" + "x" * 400_000 + "\nmở đợt đề nghị số 3 — lỗi ngay sau đây\n", encoding="utf-8")
    return log


def open_dialog(qtbot, log_file, drives):
    dialog = CrashDialog(DETAILS, log_file, drives=drives)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_copy_puts_the_details_and_the_log_path_on_the_clipboard(qtbot, log_file):
    dialog = open_dialog(qtbot, log_file, drives=[])
    QApplication.clipboard().clear()
    assert dialog.copy_button.text() == "Sao chép"
    QTest.mouseClick(dialog.copy_button, Qt.LeftButton)
    copied = QApplication.clipboard().text()
    assert "ZeroDivisionError: boom" in copied and str(log_file) in copied
    assert "Đã chép" in dialog.result_label.text()
    assert dialog.isVisible()


def test_save_writes_one_report_file_onto_the_only_usb_stick(qtbot, tmp_path, log_file):
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    dialog = open_dialog(qtbot, log_file, drives=[RemovableDrive(str(stick), "KINGSTON", 7 << 30)])
    assert dialog.save_button.text() == "Lưu báo cáo lỗi ra USB…"
    QTest.mouseClick(dialog.save_button, Qt.LeftButton)
    written = list(stick.iterdir())
    assert len(written) == 1 and written[0].name.startswith("bao-cao-loi-sothidua-") and written[0].suffix == ".txt"
    text = written[0].read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in text
    assert "mở đợt đề nghị số 3 — lỗi ngay sau đây" in text          # the end of the log
    assert "DÒNG ĐẦU TIÊN" not in text and len(text) < 300_000        # not the whole log
    assert str(written[0]) in dialog.result_label.text() and "Đã lưu" in dialog.result_label.text()
    assert dialog.isVisible()


def test_a_stick_pulled_out_is_a_sentence_and_the_dialog_stays(qtbot, tmp_path, log_file):
    gone = tmp_path / "E_drive_removed"
    dialog = open_dialog(qtbot, log_file, drives=[RemovableDrive(str(gone), "USB", 1 << 30)])
    QTest.mouseClick(dialog.save_button, Qt.LeftButton)
    said = dialog.result_label.text()
    assert "Chưa lưu được báo cáo lỗi" in said and "thẻ nhớ USB đã bị rút ra" in said
    assert dialog.isVisible() and not gone.exists()


def test_a_place_that_cannot_be_written_is_named(qtbot, tmp_path, log_file):
    not_a_folder = tmp_path / "a_file"
    not_a_folder.write_text("x")
    dialog = open_dialog(qtbot, log_file, drives=[RemovableDrive(str(not_a_folder), "USB", 1 << 30)])
    QTest.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "khóa ghi hoặc thư mục chỉ cho đọc" in dialog.result_label.text()
    assert not_a_folder.read_text() == "x"


def test_several_sticks_ask_where(qtbot, tmp_path, log_file, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    a, b = tmp_path / "A", tmp_path / "B"
    a.mkdir(), b.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: asked.append((title, start)) or str(b))
    dialog = open_dialog(qtbot, log_file, drives=[RemovableDrive(str(a), "A", 1), RemovableDrive(str(b), "B", 1)])
    QTest.mouseClick(dialog.save_button, Qt.LeftButton)
    assert asked and asked[0][0] == "Chọn nơi lưu báo cáo lỗi"
    assert list(a.iterdir()) == [] and len(list(b.iterdir())) == 1


def test_enter_closes_and_does_not_save(qtbot, tmp_path, log_file):
    stick = tmp_path / "S"
    stick.mkdir()
    dialog = open_dialog(qtbot, log_file, drives=[RemovableDrive(str(stick), "S", 1)])
    QTest.keyClick(dialog, Qt.Key_Return)
    assert not dialog.isVisible() and list(stick.iterdir()) == []
