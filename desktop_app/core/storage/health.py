"""Is the workspace fit to open, and what went wrong when it is not — told apart before anything is written.

A commune PC meets power cuts, full system disks, write-protected and pulled-out USB sticks. Each has its own
Vietnamese message with what to do; none is mistaken for another. Above all, damage is never taken for a new
install: an empty, truncated, missing or unreadable database next to automatic backups (or evidence files) is
damage, and any failure of the check itself is treated as damage. The check only reads; the damaged file is
left byte-identical (the restore moves it aside, never edits it).

Also here: the SQLite and OS errors of a write while the window is open (disk full, read-only, pulled stick)
as UserErrors, and the leftovers of interrupted work removed at the next start (only ours, by their names).
"""
from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import sys
import uuid
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
if sys.platform != "win32":
    import fcntl

from ..errors import UserError
from .files import fsync_dir, remove_quietly
from .paths import WorkspacePaths
from .snapshots import DAMAGED_PREFIX, PREFIXES, check_database

log = logging.getLogger(__name__)

#: Below this much free space the workspace is not opened: a save would fail half-way through a day's typing.
MIN_FREE_BYTES = 8 * 1024 * 1024
_PROBE_BYTES = 64 * 1024

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 10, 11, 13, 14, 26
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PERM = 5, 6, 3

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ENOMEDIUM", -1),
         getattr(errno, "ESTALE", -1)}
_WIN_FULL, _WIN_READ_ONLY, _WIN_GONE = {39, 112}, {5, 19, 32, 33}, {2, 3, 15, 21, 31, 55, 1006, 1117, 1167}


class DamagedDatabase(UserError):
    """The workspace database cannot be trusted (the composition root offers the newest good backup)."""

    def __init__(self, path: Path, detail: str):
        super().__init__("db.corrupt", path=str(path), detail=detail)


def _free_text(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB".replace(".", ",")


def os_error_at_workspace(exc: OSError, where: Path) -> UserError:
    """An OSError while reading or writing the workspace folder → the message that names its cause."""
    code, win = exc.errno, getattr(exc, "winerror", None)
    if code in _FULL or win in _WIN_FULL:
        try:
            free = shutil.disk_usage(where if Path(where).exists() else Path(where).parent).free
        except OSError:
            free = 0
        return UserError("workspace.disk_full", path=str(where), free=_free_text(free))
    if code in _READ_ONLY or win in _WIN_READ_ONLY:
        return UserError("workspace.read_only", path=str(where))
    if code in _GONE or win in _WIN_GONE:
        return UserError("workspace.missing_drive", path=str(where))
    if code == errno.ENOTDIR:
        return UserError("workspace.not_a_folder", path=str(where))
    return UserError("workspace.not_writable", path=str(where), detail=exc.strerror or str(exc))


_ENVIRONMENT_CODES = (SQLITE_FULL, SQLITE_READONLY, SQLITE_PERM, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_BUSY,
                      SQLITE_LOCKED, SQLITE_CORRUPT, SQLITE_NOTADB)


def _sqlite_codes(exc: BaseException | None) -> list[int]:
    codes, seen = [], set()
    stack = [exc]
    while stack:
        exc = stack.pop()
        if exc is None or id(exc) in seen:
            continue
        seen.add(id(exc))
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            codes.append(code & 0xFF)
        stack += [a for a in exc.args if isinstance(a, BaseException)] + [exc.__cause__, exc.__context__]
    return codes


def sqlite_error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind an exception (peewee wraps sqlite3's in its own class). A commit
    that failed for a full disk is followed by a failed rollback ("no transaction is active"): the chain is
    searched, and the environment's cause wins."""
    codes = _sqlite_codes(exc)
    return next((c for c in codes if c in _ENVIRONMENT_CODES), codes[0] if codes else None)


def storage_error(exc: BaseException, paths: WorkspacePaths) -> UserError | None:
    """A failed database write or read as the user's message (None: not an environment problem, a bug)."""
    if isinstance(exc, OSError):
        return os_error_at_workspace(exc, paths.root)
    code = sqlite_error_code(exc)
    if code == SQLITE_IOERR:
        # SQLite says "disk I/O error" for EROFS and ENOSPC alike: ask the filesystem which it is.
        code = _filesystem_state(paths.root) or code
    if code == SQLITE_FULL:
        return UserError("storage.disk_full", path=str(paths.root))
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return UserError("storage.read_only", path=str(paths.database))
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return UserError("storage.io_error", path=str(paths.database), detail=str(exc))
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return UserError("storage.busy", path=str(paths.database))
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return UserError("storage.damaged", path=str(paths.database), detail=str(exc))
    return None


def _filesystem_state(root: Path) -> int | None:
    try:
        st = os.statvfs(root) if hasattr(os, "statvfs") else None
        if st is not None and st.f_flag & os.ST_RDONLY:
            return SQLITE_READONLY
        if shutil.disk_usage(root).free < 64 * 1024:
            return SQLITE_FULL
    except OSError:
        return None
    return None


# ----- before opening ------------------------------------------------------------------------------------------

def _has_traces(paths: WorkspacePaths) -> bool:
    """Signs that this workspace held data: automatic copies, a damaged file kept, evidence files."""
    prefixes = tuple(PREFIXES.values()) + (DAMAGED_PREFIX,)
    try:
        with os.scandir(paths.backups_dir) as entries:
            if any(e.name.startswith(prefixes) and e.name.endswith(".sqlite3") and e.is_file() for e in entries):
                return True
    except OSError:
        pass
    try:
        with os.scandir(paths.evidence_dir) as subs:
            for sub in subs:
                if sub.is_dir():
                    with os.scandir(sub.path) as files:
                        if any(f.is_file() for f in files):
                            return True
    except OSError:
        pass
    return False


def check_folder(paths: WorkspacePaths) -> None:
    """The workspace folder exists (or can be made), is a folder, can be written, and has room: else the
    UserError naming the cause. Writes and fsyncs a small probe file (then removes it): a write-protected stick
    or a full disk shows here, not as "damaged" later."""
    root = paths.root
    if root.exists() and not root.is_dir():
        raise UserError("workspace.not_a_folder", path=str(root))
    try:
        paths.ensure()
    except OSError as exc:
        raise os_error_at_workspace(exc, root) from exc
    probe = root / f".sothidua-ghi-thu-{uuid.uuid4().hex[:8]}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"\0" * _PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise os_error_at_workspace(exc, root) from exc
    finally:
        remove_quietly(probe)
    try:
        free = shutil.disk_usage(root).free
    except OSError:
        free = MIN_FREE_BYTES
    if free < MIN_FREE_BYTES:
        raise UserError("workspace.disk_full", path=str(root), free=_free_text(free))
    db = paths.database
    if db.exists() and not os.access(db, os.W_OK) or _read_only_attribute(db):
        raise UserError("db.read_only", path=str(db))


def _read_only_attribute(path: Path) -> bool:
    if sys.platform != "win32" or not path.exists():
        return False
    return bool(getattr(os.stat(path), "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_READONLY)


def database_damage(paths: WorkspacePaths) -> str | None:
    """Why the workspace database must not be opened (None: it is fine, or this is a new workspace).

    A missing or empty file is a new workspace only when nothing shows that data lived here; next to automatic
    copies or evidence files it is damage (a power cut cuts files to 0 bytes). Any failure of the check is
    damage too. Only reads."""
    db = paths.database
    try:
        size = db.stat().st_size if db.exists() else None
        if size is None or size == 0:
            if not _has_traces(paths):
                return None
            return "tệp dữ liệu không còn" if size is None else "tệp dữ liệu rỗng (0 byte)"
        return check_database(db)
    except Exception as exc:  # the check failing is itself a sign of damage
        log.exception("the start-up check of %s failed", db)
        return f"không kiểm tra được ({type(exc).__name__}: {exc})"


# ----- leftovers of interrupted work ---------------------------------------------------------------------------

#: (folder, name prefix, name suffix) of what our interrupted writes leave behind; nothing else is touched.
def _leftover_patterns(paths: WorkspacePaths):
    return [
        (paths.backups_dir, ".saoluu-", ""),            # a manual backup's working copy
        (paths.backups_dir, ".khoiphuc-", ""),          # a restore's extracted files
        (paths.backups_dir, ".", ".partial"),           # an automatic copy cut short
        (paths.backups_dir, ".", ".partial-wal"),
        (paths.backups_dir, ".", ".partial-shm"),
        (paths.backups_dir, ".", ".partial-journal"),
        (paths.root, ".xem-truoc", ""),                 # the dossier preview folder
        (paths.root, ".sothidua-ghi-thu-", ""),         # a start-up probe
        (paths.documents_dir, ".", ".partial"),
        (paths.outbox_dir, ".", ".partial"),
        (paths.outbox_dir, ".sothidua-", ".partial"),
        (paths.inbox_dir, ".extracting-", ""),
    ]


def clean_leftovers(paths: WorkspacePaths) -> list[Path]:
    """Remove what interrupted backups, restores, exports, copies and previews left (by their names only).
    Call only when no other instance works in this workspace (the session holds the workspace lock)."""
    removed: list[Path] = []

    def remove(path: Path) -> None:
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("could not remove leftover %s: %s", path, exc)

    for folder, prefix, suffix in _leftover_patterns(paths):
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(suffix) and entry.name not in (".", ".."):
                remove(Path(entry.path))
    # Evidence copies cut short: "<sha>.ext.part" (older) and ".<name>.<id>.partial".
    try:
        with os.scandir(paths.evidence_dir) as subs:
            folders = [sub.path for sub in subs if sub.is_dir()]
        for folder in folders:
            with os.scandir(folder) as files:
                doomed = [Path(f.path) for f in files if f.name.endswith((".part", ".partial"))]
            for path in doomed:
                remove(path)
    except OSError:
        pass
    for folder in {p.parent for p in removed}:
        try:
            fsync_dir(folder)
        except OSError:
            pass
    if removed:
        log.info("removed %d leftovers of interrupted work: %s", len(removed), [str(p) for p in removed])
    return removed


class WorkspaceLock:
    """Held while a session is open: another instance of the app on the same workspace does not get it, so the
    leftovers cleaning never removes the working files of a backup running in another window."""

    def __init__(self, paths: WorkspacePaths):
        self.path = paths.root / ".sothidua.lock"
        self._fh = None

    def acquire(self) -> bool:
        try:
            fh = open(self.path, "a+b")
        except OSError:
            return False
        try:
            if sys.platform == "win32":
                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
