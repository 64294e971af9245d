"""One receiver at a time per workspace: a lock file in the workspace that says who holds it (process, computer,
since when) and that a crash cannot leave behind.

The holder keeps `receiving.lock` open with an operating-system lock on it (fcntl on POSIX, msvcrt on Windows); the
system drops that lock when the process ends however it ends, so a lock whose file still names a holder but that
nobody holds is stale and is taken over. Where the file system has no such locks (some network shares), the
recorded process is looked up instead: on this computer, a process that no longer runs is stale; a holder on
another computer is stale after STALE_AFTER. The lock is re-entrant within a process (a batch holds it while each
of its packets is received).
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import importlib
import json
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

# The lock of the operating system: msvcrt on Windows, fcntl elsewhere (each exists on its platform only).
msvcrt = importlib.import_module("msvcrt") if os.name == "nt" else None
fcntl = None if os.name == "nt" else importlib.import_module("fcntl")

from ...errors import UserError
from ...storage import engines
from ...storage.session import Session

LOCK_NAME = "receiving.lock"
STALE_AFTER = timedelta(hours=12)
_LOCK_BYTE = 1 << 20  # msvcrt locks a byte range; lock one far from the text so others can still read who holds it

_held: dict[str, "_Held"] = {}
_guard = threading.Lock()


@dataclass
class _Held:
    fh: object
    depth: int
    os_locked: bool


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    since: str

    def describe(self) -> str:
        try:
            since = datetime.fromisoformat(self.since).strftime("%H:%M %d/%m/%Y")
        except ValueError:
            since = self.since
        return f"tiến trình {self.pid} trên máy {self.host}, từ {since}"


def _read_holder(path: Path) -> Holder | None:
    try:
        raw = path.read_bytes()[:4096]
        d = json.loads(raw.decode("utf-8"))
        return Holder(int(d["pid"]), str(d["host"])[:100], str(d["since"])[:40])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _os_lock(fh) -> bool | None:
    """True: locked; False: someone else holds it; None: the file system cannot lock."""
    try:
        if msvcrt is not None:
            fh.seek(_LOCK_BYTE)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        elif fcntl is not None:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            return None
        return True
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLK", -1)):
            return False
        return None


def _os_unlock(fh) -> None:
    try:
        if msvcrt is not None:
            fh.seek(_LOCK_BYTE)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        elif fcntl is not None:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale_without_os_lock(holder: Holder | None, now: datetime) -> bool:
    if holder is None:
        return True
    if holder.host == socket.gethostname():
        return holder.pid != os.getpid() and not _pid_alive(holder.pid)
    try:
        return now - datetime.fromisoformat(holder.since) > STALE_AFTER
    except (TypeError, ValueError):
        return True


def _busy(path: Path) -> UserError:
    holder = _read_holder(path)
    return UserError("receiving.busy", holder=holder.describe() if holder else "một cửa sổ hoặc lệnh khác")


@contextlib.contextmanager
def receiver_lock(session: Session) -> Iterator[None]:
    """Hold the workspace's receiving lock for the block; UserError('receiving.busy', naming the holder) when
    another window or command holds it. On a PostgreSQL server several officers receive at once: nothing to hold
    here, each packet holds its commune's lock instead (commune_lock)."""
    if session.is_postgres:
        yield
        return
    path = session.paths.root / LOCK_NAME
    key = str(path.resolve())
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.depth += 1
        else:
            _held[key] = _acquire(path, session.clock.now())
    try:
        yield
    finally:
        with _guard:
            held = _held[key]
            held.depth -= 1
            if held.depth == 0:
                del _held[key]
                _release(held)


def _acquire(path: Path, now: datetime) -> _Held:
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+b")  # never truncates what another holder wrote
    try:
        locked = _os_lock(fh)
        if locked is False:
            raise _busy(path)
        if locked is None and not _stale_without_os_lock(_read_holder(path), now):
            raise _busy(path)
        # Ours now (a stale holder is simply replaced): say who holds it.
        info = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": now.isoformat()}).encode()
        fh.seek(0)
        fh.truncate()
        fh.write(info)
        fh.flush()
        os.fsync(fh.fileno())
        return _Held(fh, 1, bool(locked))
    except BaseException:
        fh.close()
        raise


def _release(held: _Held) -> None:
    fh = held.fh
    try:
        fh.seek(0)
        fh.truncate()  # nobody holds it; an empty file is not a holder
        fh.flush()
    except OSError:
        pass
    if held.os_locked:
        _os_unlock(fh)
    fh.close()


def current_holder(session: Session) -> Holder | None:
    """Who holds the receiving lock of this workspace now (None: nobody)."""
    path = session.paths.root / LOCK_NAME
    if not path.exists():
        return None
    with open(path, "a+b") as fh:
        locked = _os_lock(fh)
        if locked:
            _os_unlock(fh)
            return None
    holder = _read_holder(path)
    if locked is None and _stale_without_os_lock(holder, session.clock.now()):
        return None
    return holder


@contextlib.contextmanager
def commune_lock(session: Session, commune_code: str) -> Iterator[None]:
    """On a PostgreSQL server: one packet of a commune at a time, across every officer's PC (an advisory lock of
    the server, held by this connection; a crash of the PC frees it with the connection). Its trust, duplicate and
    sequence checks then always see the commune's previous packet committed. On SQLite the workspace's receiving
    lock already serializes every packet."""
    if not session.is_postgres:
        yield
        return
    with engines.advisory_lock(session.db, engines.lock_key("commune:" + commune_code)):
        yield
