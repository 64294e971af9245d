"""Issue 10 in the window: the start on an empty database next to backups (no first-run dialog, the restore
offered), a daily backup that fails with a real disk error (a message in the status bar, never a crash dialog
built on a worker — that was a segmentation fault), a full disk while typing and saving (one message, the form
kept open, no crash dialog), a read-only workspace at start (its own message, not "damaged")."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop_app.app import WindowHost
from desktop_app.core.demo import create_demo_commune
from desktop_app.core.storage import snapshots
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
from desktop_app.ui import commune_settings_dialog
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.participant_dialog import EditParticipantDialog
from tests.mounts import fill, needs_mount, read_only, small_disk

from .conftest import type_text
from .test_backup_dialog import answers, no_log_handlers, run_gui_without_event_loop  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
YESTERDAY = datetime.now() - timedelta(days=1)


@pytest.fixture
def crashes(monkeypatch):
    """Every crash dialog that would be shown (none may be)."""
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText()))
    return shown


def workspace_with_backup(root: Path) -> Path:
    ws = open_workspace(root, secrets=SecretStore(InMemoryKeyring()))
    create_demo_commune(ws)
    snapshots.daily_backup(ws, now=YESTERDAY)
    ws.close()
    return ws.paths.database


def test_1_empty_database_at_start_offers_the_backup_and_never_the_first_run_dialog(qtbot, tmp_path, monkeypatch,
                                                                                   answers, no_log_handlers):
    db = workspace_with_backup(tmp_path / "ws")
    db.write_bytes(b"")
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    first_run = []
    monkeypatch.setattr(commune_settings_dialog.CommuneSettingsDialog, "exec", lambda self: first_run.append(1) or 0)
    code, shown = run_gui_without_event_loop(monkeypatch, tmp_path / "ws")
    assert first_run == []
    assert len(answers.asked) == 1 and "bị hỏng" in answers.asked[0]
    assert code == 0 and any(type(w).__name__ == "MainWindow" for w in shown)
    kept = [p for p in db.parent.joinpath("backups").iterdir() if p.name.startswith("tep-hong-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b""


def test_1_self_test_says_damaged_for_an_empty_database_next_to_backups(tmp_path):
    db = workspace_with_backup(tmp_path / "ws")
    db.write_bytes(b"")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test", "--data-dir", str(db.parent)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stdout
    assert "damaged database" in result.stderr and "0 byte" in result.stderr
    assert db.read_bytes() == b""


@needs_mount
def test_3_daily_backup_failing_with_a_disk_error_is_a_status_message(qtbot, tmp_path, session, demo, crashes,
                                                                       monkeypatch):
    """The day's copy fails with SQLite's own "database or disk is full" (backups/ on a full disk): the status bar
    says so, on the GUI thread; no crash dialog (it was built on a worker thread: a segmentation fault)."""
    from desktop_app import app
    from desktop_app.app import _daily_backup_after_start

    monkeypatch.setattr(app, "DAILY_BACKUP_DELAY_MS", 0)   # taken a few seconds after the window; here at once

    backups = session.paths.backups_dir
    with small_disk(backups, "1m"):
        fill(backups)
        host = WindowHost(session.paths.root)
        window = host.open(session)
        qtbot.addWidget(window)
        window.show()
        _daily_backup_after_start(host)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=30000)
        assert host.runner.wait(30000)
        message = window.statusBar().currentMessage()
        assert "đầy" in message and str(backups) in message, message
        assert crashes == []
        assert not [p for p in backups.iterdir() if p.name != "filler.bin"]
        host.runner.shutdown()


@needs_mount
def test_6_full_disk_while_typing_and_saving_is_one_message_and_the_form_stays(qtbot, tmp_path, monkeypatch,
                                                                               crashes):
    disk = tmp_path / "disk"
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: told.append(text))
    with small_disk(disk, "12m"):
        ws = open_workspace(disk / "ws", secrets=SecretStore(InMemoryKeyring()))
        create_demo_commune(ws)
        ws.close()
        host = WindowHost(disk / "ws")
        window = host.open()
        qtbot.addWidget(window)
        dialog = EditParticipantDialog(host.runner, "collective", parent=window)
        dialog.show()
        fill(disk)
        type_text(dialog.fields["name"], "Thôn Khuổi Ỏ")
        dialog.fields["note"].setPlainText("Báo cáo dán vào từ tệp Word. " * 500)   # a long paste
        for _ in range(3):
            dialog.autosave.save_now()
            type_text(dialog.fields["name"], " ")
            host.runner.wait(10000)
        drafts_told = [t for t in told if "đầy" in t]
        assert len(drafts_told) == 1, told          # said once, not at every key
        dialog.fields["note"].setPlainText("Báo cáo ngắn gọn. " * 100)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
        assert host.runner.wait(10000)
        QApplication.processEvents()
        assert dialog.isVisible() and dialog.fields["name"].text().startswith("Thôn Khuổi Ỏ")
        assert any("đầy" in t and "Lưu" in t for t in told[1:]), told
        assert crashes == []
        (disk / "filler.bin").unlink()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
        assert host.runner.wait(10000)
        assert dialog.saved_participant is not None
        host.close()


@needs_mount
def test_7_read_only_workspace_at_start_is_named_and_nothing_offered(qtbot, tmp_path, monkeypatch, answers,
                                                                     no_log_handlers):
    db = workspace_with_backup(tmp_path / "ws")
    before = db.read_bytes()
    with read_only(db.parent):
        code, shown = run_gui_without_event_loop(monkeypatch, tmp_path / "ws")
    assert code == 1 and shown == [] and answers.asked == []
    assert any("chỉ cho đọc" in t and "khóa ghi" in t for t in answers.told), answers.told
    assert not any("hỏng" in t for t in answers.told)
    assert db.read_bytes() == before
