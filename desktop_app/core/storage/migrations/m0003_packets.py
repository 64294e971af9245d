"""Signed packets: what a commune exported (packet_export), and at the receiving level every packet received
with its verdict, the communes' trusted keys, and which imported round came from which packet."""

# Shipped after 0004: a database of the versions in between says 4 without these tables (database.migrate).
PROBE_TABLE = "packet_export"

STEPS = [
    # Commune side: one row per packet written and verified. The next packet of the same commune code
    # takes sequence + 1 and chains to this row's sha256.
    """CREATE TABLE packet_export (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES nomination_round(id),
        commune_code TEXT NOT NULL,
        packet_id TEXT NOT NULL UNIQUE,
        sequence INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        written_to TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        supersedes_packet_id TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (commune_code, sequence)
    )""",
    "CREATE INDEX packet_export_round ON packet_export(round_id)",
    # Receiving side: every packet ever received, valid or not (never dropped). kept_path is relative to
    # the workspace root: inbox/packets/<sha256>.zip when accepted, quarantine/… otherwise.
    """CREATE TABLE received_packet (
        id INTEGER PRIMARY KEY,
        packet_id TEXT,
        commune_code TEXT,
        commune_name TEXT NOT NULL DEFAULT '',
        round_number INTEGER,
        round_version INTEGER,
        sequence INTEGER,
        previous_packet_sha256 TEXT,
        supersedes_packet_id TEXT,
        created_at TEXT,
        signer_fingerprint TEXT,
        signer_public_key TEXT,
        verdict TEXT NOT NULL,
        reason TEXT,
        detail TEXT NOT NULL DEFAULT '',
        file_sha256 TEXT NOT NULL,
        file_size INTEGER NOT NULL,
        original_name TEXT NOT NULL,
        source_path TEXT NOT NULL DEFAULT '',
        kept_path TEXT NOT NULL,
        extracted_path TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN
            ('imported', 'superseded', 'duplicate', 'rejected', 'needs_confirmation', 'resolved')),
        round_id INTEGER REFERENCES nomination_round(id),
        received_at TEXT NOT NULL
    )""",
    "CREATE INDEX received_packet_commune ON received_packet(commune_code, verdict, sequence)",
    "CREATE INDEX received_packet_id ON received_packet(packet_id)",
    """CREATE TABLE trusted_key (
        id INTEGER PRIMARY KEY,
        commune_code TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        public_key TEXT NOT NULL DEFAULT '',
        how TEXT NOT NULL CHECK (how IN ('paper', 'rotation')),
        trusted_at TEXT NOT NULL,
        trusted_by TEXT NOT NULL DEFAULT '',
        received_packet_id INTEGER REFERENCES received_packet(id),
        UNIQUE (commune_code, fingerprint)
    )""",
    # Which packet an imported round came from (the round's uid is the commune's, so a re-sent or
    # re-exported packet finds the same round). Its documents stay viewable in extracted_path.
    """CREATE TABLE imported_round (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL UNIQUE REFERENCES nomination_round(id),
        received_packet_id INTEGER NOT NULL REFERENCES received_packet(id),
        packet_id TEXT NOT NULL,
        commune_code TEXT NOT NULL,
        extracted_path TEXT NOT NULL,
        imported_at TEXT NOT NULL
    )""",
]
