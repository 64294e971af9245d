"""The power-cut test's child: the window of tests/ui/save_child.py; with SOTHIDUA_MUTATE_SYNC=1 the database
settings from before issue 10 (synchronous=NORMAL, checkpoint every 1,000 pages) — the mutation check."""
from __future__ import annotations

import os

from desktop_app.core.storage import database

if os.environ.get("SOTHIDUA_MUTATE_SYNC") == "1":
    database.PRAGMAS.update(synchronous="normal", wal_autocheckpoint=1000)

from tests.ui import save_child  # noqa: E402

if __name__ == "__main__":
    save_child.main()
