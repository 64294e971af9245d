"""Numbered schema migrations: each module `mNNNN_*.py` defines `STEPS` (SQL statements) or `apply(conn)`.

Run by desktop_app.core.storage.database.migrate(): one transaction per migration, a copy of the database first.
PRAGMA user_version holds the number of the last migration applied.
"""
from __future__ import annotations

import pkgutil


def highest_number() -> int:
    """The number of the newest migration shipped (from the module names; nothing is imported)."""
    numbers = [int(m.name[1:5]) for m in pkgutil.iter_modules(__path__) if m.name.startswith("m") and
               m.name[1:5].isdigit()]
    return max(numbers, default=0)
