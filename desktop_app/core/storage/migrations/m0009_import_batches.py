"""Imports from Excel (issue 14): each import is one batch — the file's name and SHA-256, the sheet, the list
kind, the counts, and what it changed (records created, and the fields of records updated as they were before),
so that it can be undone as a whole while nothing else has changed those records.

PROBE_TABLE makes it apply even on a database whose version already passed 9 without it (the integrator
renumbers it if another branch's migration takes number 9 first). This file is frozen: a later change is a new
migration.
"""

PROBE_TABLE = "import_batch"

STEPS = [
    """CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        list_kind TEXT NOT NULL CHECK (list_kind IN ('individuals', 'collectives', 'achievements', 'awards')),
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL DEFAULT '',
        counts TEXT NOT NULL DEFAULT '{}',
        changes TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        undone_at TEXT
    )""",
    "CREATE INDEX import_batch_commune ON import_batch(commune_id)",
    "CREATE INDEX import_batch_sha ON import_batch(file_sha256)",
]
