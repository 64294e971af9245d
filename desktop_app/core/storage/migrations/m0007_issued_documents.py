"""Issued documents (NĐ 30/2020 Điều 15, 18): a document is a draft until the officer issues it with a number and a
signing date; from then on its PDF and .docx are kept in the workspace with their SHA-256 and never rewritten. A
correction is a new document with a new number that names the one it replaces (replaces_id). The council meeting
records its voting method (bỏ phiếu kín / giơ tay) for the Biên bản.

PROBE_TABLE makes it apply even on a database whose version already passed 7 without it (should another branch's
migration take number 7 first, this one is renumbered when merged and still applies).
This file is frozen: a later change is a new migration.
"""

PROBE_TABLE = "issued_document"

STEPS = [
    """CREATE TABLE issued_document (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        round_id INTEGER NOT NULL REFERENCES nomination_round(id),
        code TEXT NOT NULL CHECK (code IN ('bien_ban', 'to_trinh', 'quyet_dinh', 'phieu_gui')),
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        signed_on TEXT NOT NULL,
        folder TEXT NOT NULL,
        files TEXT NOT NULL,
        replaces_id INTEGER REFERENCES issued_document(id),
        signer_fingerprint TEXT NOT NULL DEFAULT '',
        issued_at TEXT NOT NULL,
        UNIQUE (commune_id, series, year, number),
        UNIQUE (round_id, code)
    )""",
    "CREATE INDEX issued_document_commune ON issued_document(commune_id)",
    "CREATE INDEX issued_document_replaces ON issued_document(replaces_id)",
    # The Biên bản states how the council voted (NĐ 30/2020 Phụ lục III, Mẫu 1.9: the meeting's record).
    "ALTER TABLE council_meeting ADD COLUMN voting_method TEXT NOT NULL DEFAULT ''",
]
