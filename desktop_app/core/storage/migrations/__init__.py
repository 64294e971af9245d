"""Numbered schema migrations: each module `mNNNN_*.py` defines `STEPS` (SQL statements) or `apply(conn)`.

Run by desktop_app.core.storage.database.migrate(): one transaction per migration, a copy of the database first.
PRAGMA user_version holds the number of the last migration applied.
"""
