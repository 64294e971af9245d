"""The workspace database: open with safe pragmas, refuse a newer schema, run numbered migrations."""
from __future__ import annotations

import importlib
import logging
import pkgutil
import sqlite3
from datetime import datetime
from pathlib import Path

import peewee

from ..errors import UserError
from . import migrations as _migrations_pkg
from .health import DamagedDatabase
from .snapshots import backup_copy, rotate

log = logging.getLogger(__name__)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    # FULL in WAL mode: every commit is fsynced to the -wal before the window is told "saved", so a power cut
    # loses nothing it showed as saved (NORMAL fsyncs only at checkpoints: 600 commits → 13 fdatasync).
    "synchronous": "full",
    # Checkpoint after every commit (passive: never waits for a reader): committed pages reach the main file at
    # once, so a -wal lost or damaged later (copied without it, cleaned by a tool, a bad sector) loses nothing
    # that was committed before. Measured in bench/ (docs/performance.md).
    "wal_autocheckpoint": 1,
    "busy_timeout": 5000,
    "cache_size": -8000,   # per connection: 8 MB kept the search as fast and the window 20 MB lighter (bench)
    # Sorts, temporary indexes and statement journals in memory, never as files in the system's temp folder:
    # they hold the data of the transaction (a packet being imported), which stays in the workspace (issue 11).
    "temp_store": "memory",
}


def discover_migrations() -> list[tuple[int, object]]:
    """(number, module) for every desktop_app/core/migrations/mNNNN_*.py, in order."""
    found = []
    for info in pkgutil.iter_modules(_migrations_pkg.__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{_migrations_pkg.__name__}.{info.name}")
            found.append((int(info.name[1:5]), module))
    found.sort(key=lambda pair: pair[0])
    numbers = [n for n, _ in found]
    if len(set(numbers)) != len(numbers) or (numbers and numbers[0] < 1):
        raise RuntimeError(f"migration numbers must be unique and start at 1, got {numbers}")
    return found


def latest_version() -> int:
    steps = discover_migrations()
    return steps[-1][0] if steps else 0


def schema_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _missing_below(conn: sqlite3.Connection, steps, current: int) -> list[tuple[int, object]]:
    """Migrations numbered at or below `current` that the file nevertheless lacks. Migration 0003 was added
    after 0004 had shipped, so a database written in between says version 4 without 0003's tables; a migration
    that can tell whether it was applied declares the table it creates (PROBE_TABLE)."""
    missing = []
    for number, module in steps:
        probe = getattr(module, "PROBE_TABLE", None)
        if number <= current and probe and conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (probe,)).fetchone() is None:
            missing.append((number, module))
    return missing


def migrate(path: Path, backups_dir: Path, target: int | None = None) -> list[int]:
    """Bring the database at `path` up to `target` (default: latest). Returns the numbers applied.

    Each migration runs in its own transaction; before the first one on an existing database a copy
    is written to backups_dir. A database newer than this program is refused (UserError).
    """
    steps = discover_migrations()
    latest = steps[-1][0] if steps else 0
    target = latest if target is None else target
    existed = path.exists() and path.stat().st_size > 0
    current = schema_version(path) if existed else 0
    if current > latest:
        raise UserError("db.newer_version", found=current, supported=latest)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        pending = _missing_below(conn, steps, current) if existed else []
        pending += [(n, m) for n, m in steps if current < n <= target]
        if not pending:
            return []
        if existed and current > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy = backup_copy(path, backups_dir / f"truoc-nang-cap-v{current}-{stamp}.sqlite3")
            log.info("database copied to %s before migrating from v%s", copy, current)
            rotate(backups_dir)
        conn.execute("PRAGMA foreign_keys=OFF")  # table rebuilds inside migrations need it off
        for number, module in pending:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if hasattr(module, "apply"):
                    module.apply(conn)
                for sql in getattr(module, "STEPS", []):
                    conn.execute(sql)
                conn.execute(f"PRAGMA user_version = {max(number, current)}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            log.info("migration %04d applied", number)
    finally:
        conn.close()
    return [n for n, _ in pending]


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


class WorkspaceDatabase(peewee.SqliteDatabase):
    """The workspace's SQLite database. A text cell that is not valid UTF-8 (a byte changed on a failing disk;
    `quick_check` does not look inside cells) reads with a replacement character instead of raising in every
    screen that shows it — one damaged name, not a window that cannot start."""

    def _add_conn_hooks(self, conn) -> None:
        super()._add_conn_hooks(conn)
        conn.text_factory = _lenient_text


def open_database(path: Path, backups_dir: Path) -> peewee.SqliteDatabase:
    """Migrate then open the workspace database (the session binds the models to it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        version = schema_version(path) if path.exists() and path.stat().st_size > 0 else 0
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(path, str(exc)) from exc
    try:
        migrate(path, backups_dir)
    except sqlite3.DatabaseError as exc:
        # The file opened but a migration failed: its transaction was rolled back and a copy was taken.
        raise UserError("db.migration_failed", path=str(path), version=version, detail=str(exc)) from exc
    database = WorkspaceDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    database.connect(reuse_if_open=True)
    return database
