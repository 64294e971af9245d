"""The power-cut test's child: the window of tests/ui/crash_child.py; with SOTHIDUA_MUTATE_SYNC=1 the database
settings from before issue 10 (synchronous=NORMAL, checkpoint every 1,000 pages) — the power cut's mutation
check; with SOTHIDUA_MUTATE_JOURNAL=1 no journal at all — the kill -9 replay's mutation check."""
from __future__ import annotations

import os

from desktop_app.core.storage import database

if os.environ.get("SOTHIDUA_MUTATE_SYNC") == "1":
    database.PRAGMAS.update(synchronous="normal", wal_autocheckpoint=1000)
if os.environ.get("SOTHIDUA_MUTATE_JOURNAL") == "1":   # the kill -9 test's mutation: no journal at all
    database.PRAGMAS.update(journal_mode="off")

from tests.ui import crash_child

if __name__ == "__main__":
    crash_child.main()
