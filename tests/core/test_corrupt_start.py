"""A damaged database file at start (truncated by a power cut, overwritten with garbage): detected, the
damaged file kept aside, the latest good automatic backup restored, the data back."""
from __future__ import annotations

import os
import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage import backup, snapshots
from desktop_app.core.storage.models import Participant
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace

DAY = datetime(2026, 3, 9, 7, 30)


def opened(root: Path):
    """Open a workspace the way the app does, with keys in memory (never the OS keyring)."""
    return open_workspace(root, secrets=SecretStore(InMemoryKeyring()))


def truncate(db: Path) -> None:
    size = db.stat().st_size
    with open(db, "r+b") as fh:
        fh.truncate(size // 3)


def garbage_middle(db: Path) -> None:
    size = db.stat().st_size
    rng = random.Random(7)
    with open(db, "r+b") as fh:
        fh.seek(4096)  # keep page 1 (the header): the file still opens, the damage is inside
        fh.write(bytes(rng.randrange(256) for _ in range(size - 8192)))


def garbage_header(db: Path) -> None:
    with open(db, "r+b") as fh:
        fh.write(os.urandom(100))


@pytest.fixture
def yesterday_backup_then_more_work(tmp_path):
    """Demo workspace, yesterday's automatic backup, then one more person added today."""
    ws = opened(tmp_path / "ws")
    create_demo_commune(ws)
    # Enough rows that the file has many pages (damage lands in data, not only in free space).
    for i in range(300):
        save_participant(ws, {"kind": "individual", "category": "nguoi_dan", "gender": "nam", "name": f"Người thứ {i}"})
    daily = snapshots.daily_backup(ws, now=DAY - timedelta(days=1))
    save_participant(ws, {"kind": "individual", "category": "nguoi_dan", "gender": "nu", "name": "Thêm hôm nay"})
    ws.close()
    return ws.paths, daily


@pytest.mark.parametrize("damage", [truncate, garbage_middle, garbage_header])
def test_damaged_database_detected_and_latest_backup_restored(yesterday_backup_then_more_work, damage):
    paths, daily = yesterday_backup_then_more_work
    assert snapshots.check_database(paths.database) is None
    damage(paths.database)
    damaged_bytes = paths.database.read_bytes()
    problem = snapshots.check_database(paths.database)
    assert problem, "the damage was not detected"
    assert paths.database.read_bytes() == damaged_bytes  # checking is read-only

    latest = snapshots.latest_good_backup(paths)
    assert latest is not None and latest.path == daily
    result = backup.restore_latest_automatic(paths, now=DAY)
    # The damaged file is kept aside, byte for byte, never deleted.
    assert result.damaged_kept is not None and result.damaged_kept.read_bytes() == damaged_bytes
    assert result.damaged_kept.name == "tep-hong-20260309-073000.sqlite3"
    assert result.previous_copy is None
    assert snapshots.check_database(paths.database) is None
    conn = sqlite3.connect(paths.database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()

    ws = opened(paths.root)
    try:
        assert Participant.select().where(Participant.name == "Nguyễn Văn Đức").count() == 1
        assert Participant.select().where(Participant.name == "Người thứ 299").count() == 1
        # What was typed after the backup is lost; the officer is told which day the data comes from.
        assert Participant.select().where(Participant.name == "Thêm hôm nay").count() == 0
    finally:
        ws.close()
    # The damaged file survives later rotations.
    snapshots.rotate(paths.backups_dir, now=DAY + timedelta(days=400))
    assert result.damaged_kept.exists()


def test_open_workspace_refuses_a_damaged_header(yesterday_backup_then_more_work):
    paths, _ = yesterday_backup_then_more_work
    garbage_header(paths.database)
    with pytest.raises(UserError) as err:
        opened(paths.root)
    assert err.value.code == "db.corrupt"


def test_no_backup_means_a_clear_error_and_nothing_moved(tmp_path):
    ws = opened(tmp_path / "ws")
    create_demo_commune(ws)
    ws.close()
    truncate(ws.paths.database)
    before = ws.paths.database.read_bytes()
    assert snapshots.check_database(ws.paths.database)
    with pytest.raises(UserError) as err:
        backup.restore_latest_automatic(ws.paths)
    assert err.value.code == "backup.none"
    assert ws.paths.database.read_bytes() == before


def test_a_damaged_automatic_backup_is_skipped(yesterday_backup_then_more_work):
    paths, daily = yesterday_backup_then_more_work
    newer = paths.backups_dir / "truoc-nhap-20260309-060000.sqlite3"
    newer.write_bytes(daily.read_bytes()[:5000])  # a copy cut short by a power cut
    assert snapshots.latest_good_backup(paths).path == daily
