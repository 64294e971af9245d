"""The window side of backups: a damaged database at start is offered a restore (answered here by monkeypatch),
"Sao lưu ra USB" writes a checked file, "Khôi phục" puts the data back into a fresh main window."""
from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from desktop_app import app as app_module
from desktop_app.app import WindowHost
from desktop_app.core.demo import create_demo_commune
from desktop_app.core.exchange.packets import RemovableDrive
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage import backup, snapshots
from desktop_app.core.storage.models import Participant
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
from desktop_app.ui.backup_dialog import BackupDialog, RestoreDialog

YESTERDAY = datetime.now() - timedelta(days=1)


@pytest.fixture
def no_log_handlers(tmp_path):
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if str(getattr(handler, "baseFilename", "")).startswith(str(tmp_path)):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered without a person: questions get `answers.reply`, every text is recorded."""
    class Answers:
        reply = QMessageBox.Yes
        asked: list[str] = []
        told: list[str] = []

    a = Answers()
    a.asked, a.told = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: a.asked.append(text) or a.reply)
    for name in ("information", "critical", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *rest: a.told.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs the crash reporter
    return a


def damaged_workspace(tmp_path):
    ws = open_workspace(tmp_path / "ws", secrets=SecretStore(InMemoryKeyring()))
    create_demo_commune(ws)
    for i in range(300):
        save_participant(ws, {"kind": "individual", "category": "nguoi_dan", "gender": "nam",
                              "name": f"Người thứ {i}"})
    taken = snapshots.daily_backup(ws, now=YESTERDAY)
    ws.close()
    with open(ws.paths.database, "r+b") as fh:
        fh.truncate(ws.paths.database.stat().st_size // 3)  # a power cut while the disk was writing
    return ws.paths, taken


def run_gui_without_event_loop(monkeypatch, data_dir) -> int:
    shown = []

    def fake_exec():
        shown.extend(w for w in QApplication.topLevelWidgets() if w.isVisible())
        for w in shown:
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    code = app_module.run_gui(data_dir)
    return code, shown


def test_damaged_database_at_start_is_restored_from_the_latest_backup(qtbot, tmp_path, monkeypatch, answers,
                                                                       no_log_handlers):
    paths, taken = damaged_workspace(tmp_path)
    damaged = paths.database.read_bytes()
    code, shown = run_gui_without_event_loop(monkeypatch, paths.root)
    assert code == 0
    assert len(answers.asked) == 1 and "bị hỏng" in answers.asked[0]
    assert YESTERDAY.strftime("%d/%m/%Y %H:%M") in answers.asked[0]  # which backup, so the officer knows
    assert any("Đã khôi phục" in text for text in answers.told)
    assert any(type(w).__name__ == "MainWindow" for w in shown)
    # The data is back, and the damaged file is kept aside untouched.
    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM participant WHERE name = 'Người thứ 299'").fetchone()[0] == 1
    finally:
        conn.close()
    kept = [p for p in paths.backups_dir.iterdir() if p.name.startswith("tep-hong-") and p.suffix == ".sqlite3"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert taken.exists()


def test_declined_restore_leaves_the_damaged_file_alone(qtbot, tmp_path, monkeypatch, answers, no_log_handlers):
    paths, _ = damaged_workspace(tmp_path)
    damaged = paths.database.read_bytes()
    answers.reply = QMessageBox.No
    code, shown = run_gui_without_event_loop(monkeypatch, paths.root)
    assert code == 1 and shown == []
    assert any("không bị xóa" in text for text in answers.told)
    assert paths.database.read_bytes() == damaged
    assert not [p for p in paths.backups_dir.iterdir() if p.name.startswith("tep-hong-")]


def test_self_test_reports_a_damaged_database(tmp_path):
    paths, taken = damaged_workspace(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(root / "main.py"), "--self-test", "--data-dir", str(paths.root)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert "damaged database" in result.stderr and str(taken) in result.stderr


def choose_file(monkeypatch, path):
    """The file dialog answers with `path`, as if the officer had picked it on the stick."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_backup_to_usb_then_restore_in_the_window(qtbot, tmp_path, session, demo, answers, no_log_handlers,
                                                  monkeypatch):
    host = WindowHost(session.paths.root)
    window = host.open(session)
    qtbot.addWidget(window)
    window.show()
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    dialog = BackupDialog(host.runner, parent=window, drives=[RemovableDrive(str(stick), "KINGSTON", 7_500_000_000)])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.target.itemText(0) == "Ổ USB KINGSTON (còn trống 7 GB)"  # 7.5e9 bytes: 6.98 GB as Windows counts
    assert "Khóa ký của xã không nằm trong tệp này" in dialog.findChild(QLabel, "key_note").text()
    qtbot.mouseClick(dialog.start_button, Qt.LeftButton)
    assert dialog.runner.wait()
    assert dialog.written is not None and dialog.written.parent == stick
    assert any("Tháo thiết bị an toàn" in text or str(dialog.written) in text for text in answers.told)
    assert backup.verify_backup(dialog.written)["commune_code"] == "02095"

    Participant.update(name="Ghi đè nhầm").where(Participant.name == "Nông Thị Hoa").execute()
    restore = RestoreDialog(host.runner, parent=window)
    qtbot.addWidget(restore)
    restore.show()
    choose_file(monkeypatch, dialog.written)
    qtbot.mouseClick(restore.file_button, Qt.LeftButton)
    replacement = window.replaced_by
    qtbot.addWidget(replacement)
    try:
        assert any(dialog.written.name in text for text in answers.asked)   # the officer confirmed
        assert restore.result_info.previous_copy.exists()
        assert any("Đã khôi phục dữ liệu từ" in text and str(dialog.written) in text for text in answers.told)
        assert Participant.select().where(Participant.name == "Nông Thị Hoa").count() == 1
        assert replacement.participants.model.rowCount() == 30
        assert not window.isVisible() and replacement.isVisible()
        assert host.window is replacement and host.session is not session and replacement.runner is host.runner
    finally:
        host.close()


def test_a_tampered_file_is_refused_and_the_window_keeps_working(qtbot, tmp_path, session, demo, answers,
                                                                 monkeypatch):
    host = WindowHost(session.paths.root)
    window = host.open(session)
    qtbot.addWidget(window)
    bad = tmp_path / "saoluu.zip"
    bad.write_bytes(b"PK\x03\x04 garbage")
    restore = RestoreDialog(host.runner, parent=window)
    qtbot.addWidget(restore)
    restore.show()
    choose_file(monkeypatch, bad)
    qtbot.mouseClick(restore.file_button, Qt.LeftButton)
    assert restore.result_info is None
    assert any("không phải bản sao lưu" in text for text in answers.told)
    assert Participant.select().count() == 30  # the database connection works again
    assert not hasattr(window, "replaced_by")
    assert host.window is window and host.session is session
    # The window's runner still works on the same session.
    counted = []
    host.runner.run(lambda s: Participant.select().count(), on_success=counted.append)
    assert host.runner.wait() and counted == [30]
