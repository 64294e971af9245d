"""Registrations imported from Excel (issue 15 with issue 14's machinery): an import batch may hold a registration
list (list_kind 'registrations'). SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows and
indexes; PostgreSQL swaps the constraint.

This file is frozen: a later change is a new migration.
"""

KINDS = "('individuals', 'collectives', 'achievements', 'awards', 'registrations')"


def apply(conn) -> None:
    if getattr(conn, "engine", "sqlite") == "postgresql":
        conn.execute("ALTER TABLE import_batch DROP CONSTRAINT IF EXISTS import_batch_list_kind_check")
        conn.execute(f"ALTER TABLE import_batch ADD CONSTRAINT import_batch_list_kind_check CHECK (list_kind IN {KINDS})")
        return
    conn.execute(f"""CREATE TABLE import_batch_new (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        list_kind TEXT NOT NULL CHECK (list_kind IN {KINDS}),
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL DEFAULT '',
        counts TEXT NOT NULL DEFAULT '{{}}',
        changes TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        undone_at TEXT
    )""")
    conn.execute("""INSERT INTO import_batch_new (id, uid, commune_id, list_kind, file_name, file_sha256, sheet, counts,
                    changes, created_at, undone_at)
                    SELECT id, uid, commune_id, list_kind, file_name, file_sha256, sheet, counts, changes, created_at,
                    undone_at FROM import_batch""")
    conn.execute("DROP TABLE import_batch")
    conn.execute("ALTER TABLE import_batch_new RENAME TO import_batch")
    conn.execute("CREATE INDEX import_batch_commune ON import_batch(commune_id)")
    conn.execute("CREATE INDEX import_batch_sha ON import_batch(file_sha256)")
