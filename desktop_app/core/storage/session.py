"""The open workspace: its folders, its database, the secret store, the clock. Made once by the composition root
(app.py, cli.py, a test fixture) and passed to every core service and every screen; nothing else opens a
database or a keyring.

Peewee models are bound to the session's database when it opens (peewee's run-time binding), so one process
works on one open workspace at a time; `Session.activate()` rebinds when a test or a command holds two (a commune
and a receiving workspace).

Transactions: `with session.write(Topic.X): …` is the one way to change the database. On SQLite it takes the
write lock at the start (BEGIN IMMEDIATE), so two writers queue instead of failing half-way; the topics are
recorded for the change notices only when the outermost transaction commits.
"""
from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterator

import peewee

from ..changes import Topic
from ..dates import VN_TZ
from .health import sqlite_error_code, storage_error
from .models import MODELS, Commune, Setting
from .paths import WorkspacePaths
from .secrets import SecretStore

log = logging.getLogger(__name__)


class Clock:
    """The time as Vietnamese documents write it (+07:00). Tests pass a FixedClock."""

    def now(self) -> datetime:
        return datetime.now(VN_TZ).replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()

    def now_iso(self) -> str:
        return self.now().isoformat()


@dataclass
class FixedClock(Clock):
    """A clock that shows the time it is given (tests, the demo)."""

    at: datetime

    def now(self) -> datetime:
        at = self.at if self.at.tzinfo else self.at.replace(tzinfo=VN_TZ)
        return at.replace(microsecond=0)


class _ThreadState(threading.local):
    def __init__(self) -> None:
        self.pending: set[Topic] = set()
        self.collectors: list[set[Topic]] = []


@dataclass(eq=False)
class Session:
    """One open workspace. Close it when done (the composition root does)."""

    paths: WorkspacePaths
    db: peewee.Database
    secrets: SecretStore = field(default_factory=SecretStore)
    clock: Clock = field(default_factory=Clock)
    problems: list = field(default_factory=list)   # things found at opening that the window shows once
    lock: object = None                            # the workspace lock (health.WorkspaceLock), while open
    _state: _ThreadState = field(default_factory=_ThreadState, repr=False)

    # ----- binding and connections ---------------------------------------------------------------------

    def activate(self) -> "Session":
        """Bind the models to this session's database (done at opening; again when switching workspaces)."""
        if Setting._meta.database is not self.db:
            self.db.bind(MODELS, bind_refs=False, bind_backrefs=False)
        return self

    def connection(self):
        """Context manager: a connection of this thread for the duration (background threads use it)."""
        self.activate()
        return self.db.connection_context()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # ----- writes and their change notices -----------------------------------------------------------------

    @property
    def is_sqlite(self) -> bool:
        return isinstance(self.db, peewee.SqliteDatabase)

    @contextlib.contextmanager
    def write(self, *topics: Topic) -> Iterator[None]:
        """One transaction that changes `topics`; nested writes are savepoints of the outer one."""
        self.activate()
        state = self._state
        outermost = self.db.transaction_depth() == 0
        kwargs = {"lock_type": "IMMEDIATE"} if outermost and self.is_sqlite else {}
        try:
            with self.db.atomic(**kwargs):
                yield
                state.pending.update(topics)
        except BaseException as exc:
            if outermost:
                state.pending.clear()
                # A full disk, a read-only file, a pulled-out stick: the user's message, not a crash. Nothing
                # of this transaction was stored; what was saved before is safe.
                known = storage_error(exc, self.paths) if isinstance(exc, Exception) and \
                    sqlite_error_code(exc) is not None else None
                if known is not None:
                    log.warning("write failed: %s", exc)
                    raise known from exc
            raise
        if outermost:
            self._publish(state.pending)
            state.pending = set()

    def changed(self, *topics: Topic) -> None:
        """Record a change made outside the database (the keyring, files), or right after a commit."""
        if self.db.transaction_depth() > 0:
            self._state.pending.update(topics)
        else:
            self._publish(set(topics))

    def _publish(self, topics: set[Topic]) -> None:
        for collected in self._state.collectors:
            collected.update(topics)

    @contextlib.contextmanager
    def collect_changes(self) -> Iterator[set[Topic]]:
        """Gather the topics of every write committed on this thread inside the block (the runner uses it)."""
        collected: set[Topic] = set()
        self._state.collectors.append(collected)
        try:
            yield collected
        finally:
            self._state.collectors.remove(collected)

    # ----- what every part asks of the workspace ------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        self.activate()
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else default

    def home_commune(self) -> Commune | None:
        """This workspace's own commune (None at the receiving level and before the first-run settings)."""
        self.activate()
        return Commune.get_or_none(Commune.is_home == True)  # noqa: E712 (peewee expression)
