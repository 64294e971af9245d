"""The receiving level at province scale (issue 16): officers and the communes assigned to them, the review of each
received round (states, reasons per nominee or document, the decision with the outcome per nominee), the return
packets sent back down, and an append-only audit log of every action with who and when.

Both engines get the same tables. What only a server has is added on PostgreSQL (`postgres_apply`): the duties as
group roles with their grants (import, review, decide, administer — an officer's own login role is a member of the
ones they hold), the audit log's actor and time set by the database itself (session_user, now()), and no UPDATE or
DELETE of the log for anyone but its owner (and a trigger refusing even that). On SQLite (one PC) triggers keep the
log append-only too.

A round reaches "đã có quyết định" only with its decision recorded (a trigger on both engines): on PostgreSQL only
the deciding duty may insert a decision, so a reviewer cannot decide even by writing the state.
This file is frozen: a later change is a new migration.
"""

PROBE_TABLE = "round_review"

REVIEW_STATES = ("'da_tiep_nhan', 'dang_tham_dinh', 'can_bo_sung', 'du_dieu_kien', 'da_co_quyet_dinh', "
                 "'da_tra_ket_qua'")

TABLES = [
    """CREATE TABLE officer (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE commune_assignment (
        id INTEGER PRIMARY KEY,
        commune_code TEXT NOT NULL UNIQUE,
        officer_id INTEGER NOT NULL REFERENCES officer(id),
        assigned_at TEXT NOT NULL
    )""",
    "CREATE INDEX commune_assignment_officer ON commune_assignment(officer_id)",
    f"""CREATE TABLE round_review (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL UNIQUE REFERENCES nomination_round(id),
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        state TEXT NOT NULL DEFAULT 'da_tiep_nhan' CHECK (state IN ({REVIEW_STATES})),
        reason TEXT NOT NULL DEFAULT '',
        deadline TEXT,
        updated_by TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX round_review_commune ON round_review(commune_id, state)",
    """CREATE TABLE review_note (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES round_review(id),
        nominee_id INTEGER REFERENCES nominee(id),
        document TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX review_note_review ON review_note(review_id)",
    """CREATE TABLE round_decision (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL UNIQUE REFERENCES round_review(id),
        number TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        signer TEXT NOT NULL,
        signer_title TEXT NOT NULL DEFAULT '',
        file_name TEXT NOT NULL DEFAULT '',
        file_sha256 TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE review_outcome (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES round_decision(id),
        nominee_id INTEGER NOT NULL REFERENCES nominee(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('awarded', 'not_awarded')),
        reason TEXT NOT NULL DEFAULT '',
        UNIQUE (decision_id, nominee_id)
    )""",
    """CREATE TABLE return_packet (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES round_review(id),
        commune_code TEXT NOT NULL,
        packet_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('quyet_dinh', 'bo_sung')),
        sequence INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        file_name TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (commune_code, sequence)
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX audit_log_subject ON audit_log(subject)",
    # Rounds received before this version start as received.
    """INSERT INTO round_review (round_id, commune_id, state, updated_at)
       SELECT r.id, r.commune_id, 'da_tiep_nhan', i.imported_at FROM imported_round i
       JOIN nomination_round r ON r.id = i.round_id""",
]

SQLITE_TRIGGERS = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER round_review_decided BEFORE UPDATE OF state ON round_review
       WHEN NEW.state IN ('da_co_quyet_dinh', 'da_tra_ket_qua') AND NEW.state <> OLD.state
            AND NOT EXISTS (SELECT 1 FROM round_decision d WHERE d.review_id = NEW.id)
            AND NOT (NEW.state = 'da_tra_ket_qua' AND OLD.state = 'can_bo_sung')
       BEGIN SELECT RAISE(ABORT, 'round_review needs its decision'); END""",
]

# The duties of the receiving level as PostgreSQL group roles (cluster-wide names; the grants are this database's).
DUTY_ROLES = {
    "import": "sothidua_tiep_nhan",
    "review": "sothidua_tham_dinh",
    "decide": "sothidua_quyet_dinh",
    "admin": "sothidua_quan_tri",
}

_IMPORT_TABLES = ("commune", "campaign", "participant", "achievement", "evidence_file", "award", "checklist",
                  "nomination_round", "nominee", "council_meeting", "award_decision", "received_packet",
                  "trusted_key", "imported_round")

POSTGRES_STEPS = [
    # Roles: created once per server by whoever may (the administrator who creates the database).
    "DO $$ BEGIN " + " ".join(
        f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} NOLOGIN; END IF;"
        for role in DUTY_ROLES.values()) + " END $$",
    # The log: who and when come from the server, never from the client; nobody rewrites it.
    """CREATE FUNCTION audit_log_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.actor := session_user;
         NEW.at := to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"');
         RETURN NEW;
       END $$""",
    "CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_stamp()",
    """CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$""",
    """CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()""",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log EXECUTE FUNCTION audit_log_refuse()",
    """CREATE FUNCTION round_review_decided() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.state IN ('da_co_quyet_dinh', 'da_tra_ket_qua') AND NEW.state <> OLD.state
            AND NOT EXISTS (SELECT 1 FROM round_decision d WHERE d.review_id = NEW.id)
            AND NOT (NEW.state = 'da_tra_ket_qua' AND OLD.state = 'can_bo_sung') THEN
           RAISE EXCEPTION 'round_review needs its decision' USING ERRCODE = 'check_violation';
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER round_review_decided BEFORE UPDATE OF state ON round_review
       FOR EACH ROW EXECUTE FUNCTION round_review_decided()""",
    # Grants: every duty reads everything and writes the log; each writes only what its work changes.
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
    *(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}" for role in DUTY_ROLES.values()),
    *(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}" for role in DUTY_ROLES.values()),
    *(f"GRANT INSERT ON audit_log TO {role}" for role in DUTY_ROLES.values()),
    # Tables of later migrations are readable by every duty too (their own grants come with them).
    *(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {role}" for role in DUTY_ROLES.values()),
    f"GRANT INSERT, UPDATE ON {', '.join(_IMPORT_TABLES)} TO {DUTY_ROLES['import']}",
    f"GRANT INSERT, DELETE ON participant_fts, achievement_fts TO {DUTY_ROLES['import']}",
    f"GRANT INSERT ON round_review TO {DUTY_ROLES['import']}",
    f"GRANT UPDATE (state, reason, deadline, updated_by, updated_at) ON round_review TO {DUTY_ROLES['review']}",
    f"GRANT INSERT ON review_note, return_packet TO {DUTY_ROLES['review']}",
    f"GRANT UPDATE (state, reason, updated_by, updated_at) ON round_review TO {DUTY_ROLES['decide']}",
    f"GRANT INSERT ON round_decision, review_outcome, return_packet TO {DUTY_ROLES['decide']}",
    f"GRANT INSERT, UPDATE, DELETE ON officer, commune_assignment, setting TO {DUTY_ROLES['admin']}",
    f"GRANT UPDATE (deadline) ON round_review TO {DUTY_ROLES['admin']}",
]


def apply(conn) -> None:
    """The tables on both engines (conn translates for PostgreSQL), then SQLite's triggers (PostgreSQL gets its
    own in postgres_apply)."""
    for sql in TABLES:
        conn.execute(sql)
    if getattr(conn, "engine", "sqlite") == "sqlite":
        for sql in SQLITE_TRIGGERS:
            conn.execute(sql)


def postgres_apply(conn) -> None:
    for sql in POSTGRES_STEPS:
        conn.db.execute_sql(sql)
