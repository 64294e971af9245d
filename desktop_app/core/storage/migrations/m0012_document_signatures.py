"""Digital signatures on issued documents (issue 17): PAdES signatures made with the officer's token, the
certificates the workspace trusts, and the images the signatures show (NĐ 30/2020 Phụ lục I).

- trusted_certificate: roots (trust anchors) and intermediates the officer or the province installed — data,
  imported from files, never fetched at run time; shared by the workspace (a receiving level has no commune);
- signature_image: per commune, the signer's handwritten signature (per person) and the seal, PNG with
  transparency (base64), with their printed width in millimetres (the seal at its real size);
- document_signature: one row per signature applied to an issued PDF, in order (1 the person with authority,
  2 the organisation); stored_name is the signed file kept beside the issued one, with its SHA-256.

PROBE_TABLE makes it apply even on a database whose version already passed 12 without it (it was numbered 0009
on its own branch, before issues 14–16 landed as 0009–0011).

This file is frozen: a later change is a new migration.
"""

PROBE_TABLE = "document_signature"

STEPS = [
    """CREATE TABLE trusted_certificate (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('root', 'intermediate')),
        subject TEXT NOT NULL,
        der TEXT NOT NULL,
        not_after TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        imported_at TEXT NOT NULL
    )""",
    """CREATE TABLE signature_image (
        id INTEGER PRIMARY KEY,
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        kind TEXT NOT NULL CHECK (kind IN ('signature', 'seal')),
        person TEXT NOT NULL DEFAULT '',
        png TEXT NOT NULL,
        width_mm INTEGER NOT NULL CHECK (width_mm BETWEEN 10 AND 80),
        updated_at TEXT NOT NULL,
        UNIQUE (commune_id, kind, person)
    )""",
    """CREATE TABLE document_signature (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES issued_document(id),
        file_name TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position IN (1, 2)),
        role TEXT NOT NULL CHECK (role IN ('personal', 'organisation')),
        signer_name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        certificate_sha256 TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('B-B', 'B-T')),
        stored_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        UNIQUE (document_id, file_name, position)
    )""",
    "CREATE INDEX document_signature_document ON document_signature(document_id)",
    "CREATE INDEX signature_image_commune ON signature_image(commune_id)",
]
