"""Automatic copies of the workspace database (backups/): taken with SQLite's online backup API, checked with
`PRAGMA quick_check` before they count, rotated; the damage check at start; a damaged database set aside.

Evidence files need no automatic copy: they are content-addressed (named by SHA-256) and never deleted from
`evidence/`, so every database copy still finds its files.
"""
from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import UserError
from . import migrations
from .files import fsync_dir, remove_quietly
from .models import MODELS, JSONField
from .paths import WorkspacePaths

log = logging.getLogger(__name__)

# Automatic backups: kind → file-name prefix. The time stamp in the name (not the file's mtime, which
# copying a folder changes) orders them.
DAILY, MIGRATION, IMPORT, RESTORE = "daily", "migration", "import", "restore"
PREFIXES = {DAILY: "tu-dong-", MIGRATION: "truoc-nang-cap-", IMPORT: "truoc-nhap-", RESTORE: "truoc-khoi-phuc-"}
KEEP_DAILY = 10
KEEP_EVENT_DAYS = 30
DAMAGED_PREFIX = "tep-hong-"          # a damaged database set aside: never rotated, never deleted
_STAMP = re.compile(r"(\d{8}-\d{6})(?:-\d+)?\.sqlite3$")
_TEMP_SUFFIX = ".partial"


@dataclass(frozen=True)
class AutoBackup:
    path: Path
    kind: str
    taken_at: datetime


def _paths(paths) -> WorkspacePaths:
    return getattr(paths, "paths", paths)  # a WorkspacePaths or an open session


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}{suffix}"
        n += 1
    return path


def backup_copy(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while the WAL holds recent pages)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        # The copy is one self-contained file: in WAL mode, every later reader of it (the read-only check below,
        # a restore) would leave -wal and -shm files beside it (issue 11).
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    return target


# ----- checking a database file ---------------------------------------------------------------------

def _text(raw: bytes) -> str:
    # Text read from a damaged file may be invalid UTF-8: it must never make the check itself fail.
    return raw.decode("utf-8", errors="replace")


def check_database(path: Path, *, deep: bool = True) -> str | None:
    """None when the file is a readable SQLite database that passes `PRAGMA quick_check` and that this app can
    read (the tables and columns its models use, valid JSON in every JSON cell); else why not, in a few words.

    A missing or empty file is not a database (whether that is a new workspace is for `health.database_damage`
    to say). Opens read-only, so a damaged file is not touched; any failure of the check is reported as damage.
    `deep=False` skips quick_check (the app-level part only, e.g. after a migration).
    """
    path = Path(path)
    try:
        if not path.exists():
            return "không có tệp"
        if path.stat().st_size == 0:
            return "tệp rỗng (0 byte)"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError) as exc:
        return str(exc)
    conn.text_factory = _text
    try:
        if deep:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                return "; ".join(rows[:3])[:500]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return _unreadable_for_the_app(conn)
    except Exception as exc:  # noqa: BLE001 — the check failing is itself damage
        return f"{type(exc).__name__}: {exc}"[:500]
    finally:
        conn.close()


def _unreadable_for_the_app(conn: sqlite3.Connection) -> str | None:
    """What this app would fail on at start although SQLite finds the file sound: a table or column its models
    use is missing or renamed (a damaged schema text), a JSON cell that does not parse. Only for a database at
    this app's schema version (an older one is checked again after its migration)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != migrations.highest_number():
        return None
    for model in MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
        if not columns:
            return f"thiếu bảng {table}"
        missing = [f.column_name for f in model._meta.sorted_fields if f.column_name not in columns]
        if missing:
            return f"bảng {table} thiếu cột {', '.join(missing)}"
        for field in model._meta.sorted_fields:
            if isinstance(field, JSONField):
                bad = conn.execute(f'SELECT rowid FROM "{table}" WHERE "{field.column_name}" IS NOT NULL AND '
                                   f'"{field.column_name}" <> \'\' AND NOT json_valid("{field.column_name}") '
                                   f'LIMIT 1').fetchone()
                if bad is not None:
                    return f"ô JSON hỏng ở bảng {table}, cột {field.column_name}, dòng {bad[0]}"
    return None


def _has_data(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM commune").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False


# ----- automatic backups ----------------------------------------------------------------------------

def take_automatic_backup(paths, kind: str, *, label: str = "", now: datetime | None = None) -> Path:
    """Copy the workspace database into backups/ (temporary name, checked, renamed), then rotate."""
    ws = _paths(paths)
    folder = ws.backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    final = free_name(folder, f"{PREFIXES[kind]}{label}{stamp(now)}", ".sqlite3")
    tmp = folder / f".{final.name}.{uuid.uuid4().hex[:8]}{_TEMP_SUFFIX}"
    try:
        backup_copy(ws.database, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        problem = check_database(tmp)
        if problem:
            # Never let a damaged copy push good ones out of the rotation.
            raise UserError("backup.source_damaged", path=str(ws.database), detail=problem)
        os.replace(tmp, final)
        fsync_dir(folder)
    except (OSError, sqlite3.Error) as exc:
        _remove_copy(tmp)
        full = getattr(exc, "errno", None) == errno.ENOSPC or (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == 13
        raise UserError("backup.auto_failed", path=str(folder),
                        detail="ổ đĩa đã đầy" if full else getattr(exc, "strerror", None) or str(exc)) from exc
    except BaseException:
        _remove_copy(tmp)
        raise
    log.info("automatic backup (%s): %s", kind, final)
    rotate(folder, now=now)
    return final


def _remove_copy(tmp: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        remove_quietly(Path(f"{tmp}{suffix}"))


def backup_before_import(paths) -> Path:
    """Called before every import of a packet: a copy of the database to go back to."""
    return take_automatic_backup(paths, IMPORT)


def daily_backup(paths, *, now: datetime | None = None) -> Path | None:
    """At start: one copy per calendar day, only when the workspace holds data. None when not needed."""
    ws = _paths(paths)
    now = now or datetime.now()
    if not ws.database.exists() or not _has_data(ws.database):
        return None
    if any(b.kind == DAILY and b.taken_at.date() == now.date() for b in list_automatic_backups(ws)):
        return None
    return take_automatic_backup(ws, DAILY, now=now)


def list_automatic_backups(paths) -> list[AutoBackup]:
    """Automatic backups in backups/, newest first."""
    folder = _paths(paths).backups_dir if not isinstance(paths, Path) else paths
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        kind = next((k for k, p in PREFIXES.items() if entry.name.startswith(p)), None)
        m = _STAMP.search(entry.name)
        if kind is None or m is None or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(AutoBackup(Path(entry.path), kind, taken))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def rotate(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Keep the newest KEEP_DAILY daily copies, and the others for KEEP_EVENT_DAYS days (always the newest
    of each kind). Files of other names (a damaged database set aside, the user's own) are never touched."""
    now = now or datetime.now()
    removed = []
    by_kind: dict[str, list[AutoBackup]] = {}
    for b in list_automatic_backups(Path(folder)):
        by_kind.setdefault(b.kind, []).append(b)
    for kind, backups in by_kind.items():
        if kind == DAILY:
            doomed = backups[KEEP_DAILY:]
        else:
            doomed = [b for b in backups[1:] if now - b.taken_at > timedelta(days=KEEP_EVENT_DAYS)]
        for b in doomed:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", b.path, exc)
    return removed


def latest_good_backup(paths) -> AutoBackup | None:
    """The newest automatic backup that passes quick_check (what a damaged start offers to restore)."""
    for b in list_automatic_backups(paths):
        if check_database(b.path) is None and b.path.stat().st_size > 0:
            return b
    return None


def set_damaged_aside(paths, *, now: datetime | None = None) -> Path:
    """Move a damaged database (and its -wal/-shm) into backups/ under tep-hong-…; it is kept, never deleted."""
    ws = _paths(paths)
    ws.backups_dir.mkdir(parents=True, exist_ok=True)
    kept = free_name(ws.backups_dir, f"{DAMAGED_PREFIX}{stamp(now)}", ".sqlite3")
    os.replace(ws.database, kept)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{ws.database}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{kept}{suffix}"))
    fsync_dir(ws.backups_dir)
    log.warning("damaged database moved aside to %s", kept)
    return kept


