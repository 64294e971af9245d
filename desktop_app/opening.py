"""Opening the workspace for the composition roots (the window in app.py, the commands in cli.py): the Session,
and the workspace's log file for the whole process (the core itself only logs through `logging`)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .core.workspace import open_workspace


LOG_MAX_BYTES = 2_000_000   # a log file larger than this is set aside when a process opens it
LOG_KEPT = 3                # older logs kept next to it: app.log.1 (the newest) … app.log.3


def rotate_log(log_file: Path) -> None:
    """Set a large log aside before writing to it: app.log → app.log.1 → … → app.log.3 (the oldest is dropped).
    Done when a process opens the log, not while it writes (a window and a command may write the same file, and
    Windows refuses to rename a file another process holds open); a failure leaves the log where it is."""
    try:
        if log_file.stat().st_size < LOG_MAX_BYTES:
            return
        for number in range(LOG_KEPT - 1, 0, -1):
            older = log_file.with_name(f"{log_file.name}.{number}")
            if older.exists():
                os.replace(older, log_file.with_name(f"{log_file.name}.{number + 1}"))
        os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))
    except OSError:
        pass


def setup_logging(log_file: Path) -> None:
    """The workspace's log file for the whole process (the core only logs through `logging`)."""
    root = logging.getLogger()
    # A full or pulled-out disk must not print a traceback for every log line (the log is the one thing that
    # may fail quietly; the failed write itself is reported to the user).
    logging.raiseExceptions = False
    if any(getattr(h, "baseFilename", None) == str(log_file) for h in root.handlers):
        return
    rotate_log(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_session(data_dir, *, log_to_file: bool = True, database: str | None = None):
    """Open the workspace in `data_dir` (None: the user's data folder) as a Session; `database`: a receiving
    workspace's PostgreSQL URL (its files in `data_dir`, the shared folder)."""
    session = open_workspace(data_dir, database=database)
    if log_to_file:
        setup_logging(session.paths.log_file)
    return session


