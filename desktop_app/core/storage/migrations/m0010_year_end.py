"""The two ends of the commune's year (issue 15).

- registration: at the start of the year each collective and individual registers (đăng ký thi đua) the title or
  award form it aims for, per campaign and year; a member may register on its collective's list (collective_id);
- award_decision learns where a decision came from and who issued it: issuer, level, title, source ('commune' —
  the commune's own Giấy khen decision, 'paper' — typed from a paper decision that came back, 'return_packet' —
  imported from the receiving level's signed return packet), and the decision file's name and SHA-256;
- nominee_outcome: a round's outcome per nominee, once (awarded with its decision, the certificate text and the
  prize money; or not awarded with the reason given). The award it put in the history is linked (award_id).
  The commune's own Giấy khen decisions recorded before this version get their outcomes here;
- nominee.return_reason: a dossier returned for more information (trả lại) reopens the round as a correction
  version; each nominee the reply names carries its reason there.

PROBE_TABLE makes it apply even on a database whose version already passed 10 without it (numbers are renumbered
when parallel branches are merged). This file is frozen: a later change is a new migration.
"""

PROBE_TABLE = "nominee_outcome"

STEPS = [
    """CREATE TABLE registration (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        campaign_id INTEGER NOT NULL REFERENCES campaign(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
        participant_id INTEGER NOT NULL REFERENCES participant(id),
        collective_id INTEGER REFERENCES participant(id),
        aim_category TEXT NOT NULL CHECK (aim_category IN ('danh_hieu', 'hinh_thuc')),
        aim_code TEXT NOT NULL,
        registered_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'window' CHECK (source IN ('window', 'excel', 'command')),
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (campaign_id, year, participant_id, aim_code)
    )""",
    "CREATE INDEX registration_commune_year ON registration(commune_id, year)",
    "CREATE INDEX registration_participant ON registration(participant_id)",
    "CREATE INDEX registration_collective ON registration(collective_id)",
    "ALTER TABLE award_decision ADD COLUMN issuer TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE award_decision ADD COLUMN level TEXT NOT NULL DEFAULT 'xa'",
    "ALTER TABLE award_decision ADD COLUMN title TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE award_decision ADD COLUMN source TEXT NOT NULL DEFAULT 'commune'",
    "ALTER TABLE award_decision ADD COLUMN file_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE award_decision ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE award_decision ADD COLUMN return_packet_id TEXT",
    """CREATE TRIGGER award_decision_source_insert BEFORE INSERT ON award_decision
       WHEN NOT (NEW.source IN ('commune', 'paper', 'return_packet') AND NEW.level IN ('xa', 'tinh', 'trung_uong'))
       BEGIN SELECT RAISE(ABORT, 'invalid award_decision.source'); END""",
    """CREATE TRIGGER award_decision_source_update BEFORE UPDATE OF source, level ON award_decision
       WHEN NOT (NEW.source IN ('commune', 'paper', 'return_packet') AND NEW.level IN ('xa', 'tinh', 'trung_uong'))
       BEGIN SELECT RAISE(ABORT, 'invalid award_decision.source'); END""",
    """UPDATE award_decision SET issuer = 'Chủ tịch UBND xã ' || (SELECT name FROM commune
       WHERE commune.id = award_decision.commune_id) WHERE source = 'commune' AND issuer = ''""",
    """CREATE TABLE nominee_outcome (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        commune_id INTEGER NOT NULL REFERENCES commune(id),
        nominee_id INTEGER NOT NULL UNIQUE REFERENCES nominee(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('awarded', 'not_awarded')),
        decision_id INTEGER REFERENCES award_decision(id),
        award_id INTEGER REFERENCES award(id),
        reason TEXT NOT NULL DEFAULT '',
        certificate_text TEXT NOT NULL DEFAULT '',
        prize_amount INTEGER CHECK (prize_amount IS NULL OR prize_amount >= 0),
        recorded_at TEXT NOT NULL,
        CHECK ((outcome = 'awarded' AND decision_id IS NOT NULL) OR (outcome = 'not_awarded' AND reason <> ''))
    )""",
    "CREATE INDEX nominee_outcome_decision ON nominee_outcome(decision_id)",
    "ALTER TABLE nominee ADD COLUMN return_reason TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX nominee_outcome_award ON nominee_outcome(award_id)",
    # The commune's own decisions recorded before: each award they gave is the outcome of its nominee.
    """INSERT INTO nominee_outcome (uid, commune_id, nominee_id, outcome, decision_id, award_id, recorded_at)
       SELECT lower(hex(randomblob(16))), n.commune_id, n.id, 'awarded', d.id, a.id, d.created_at
       FROM award_decision AS d
       JOIN nominee AS n ON n.round_id = d.round_id AND n.award_form = d.award_form
       JOIN award AS a ON a.decision_id = d.id AND a.participant_id = n.participant_id""",
]
