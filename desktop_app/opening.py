"""Opening the workspace for the composition roots (the window in app.py, the commands in cli.py): the Session,
and the workspace's log file for the whole process (the core itself only logs through `logging`)."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .core.workspace import open_workspace


def setup_logging(log_file: Path) -> None:
    """The workspace's log file for the whole process (the core only logs through `logging`)."""
    root = logging.getLogger()
    # A full or pulled-out disk must not print a traceback for every log line (the log is the one thing that
    # may fail quietly; the failed write itself is reported to the user).
    logging.raiseExceptions = False
    if any(getattr(h, "baseFilename", None) == str(log_file) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_session(data_dir, *, log_to_file: bool = True):
    """Open the workspace in `data_dir` (None: the user's data folder) as a Session."""
    session = open_workspace(data_dir)
    if log_to_file:
        setup_logging(session.paths.log_file)
    return session


