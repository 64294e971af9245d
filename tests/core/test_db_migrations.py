"""Numbered migrations on real SQLite files: fresh, databases saved by older releases (tests/data/schema/) opened
by the app, newer refused, copy before migrating, rollback."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
import types
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import peewee
import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving, sending
from desktop_app.core.exchange.packets import check_packet
from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.register.communes import is_receiver
from desktop_app.core.register.participants import ParticipantFilter, list_participants
from desktop_app.core.storage import database as dbmod
from desktop_app.core.storage.database import (PRAGMAS, discover_migrations, latest_version, migrate, open_database,
                                               schema_version)
from desktop_app.core.storage.models import Campaign, Checklist
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.vocabulary import AWARD_FORMS, NOMINATION_FORMS
from desktop_app.core.workspace import open_workspace

NOW = "2024-05-01T08:00:00+07:00"


def schema(path) -> dict[str, str]:
    """Every table, index, trigger and view, its SQL with whitespace normalised, by name."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    finally:
        conn.close()
    return {f"{kind}:{name}": " ".join((sql or "").split()) for kind, name, sql in rows}


def fill_v1(path) -> None:
    """Rows written as the first release would have written them: plain SQL, no models."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO commune (id, uid, name, province, is_home, created_at, updated_at) "
                     "VALUES (1, 'c1', 'Xã Thượng Quan', 'Thái Nguyên', 1, ?, ?)", (NOW, NOW))
        conn.execute("INSERT INTO participant (id, uid, commune_id, kind, category, name, sort_key, search_text, "
                     "gender, birth_date, created_at, updated_at) VALUES "
                     "(7, 'p7', 1, 'individual', 'cong_chuc', 'Nguyễn Văn Đức', 'duc nguyen van duc', "
                     "'nguyen van duc', 'nam', '1988-03-12', ?, ?)", (NOW, NOW))
        conn.execute("INSERT INTO participant_fts(rowid, search_text) VALUES (7, 'nguyen van duc')")
        conn.execute("INSERT INTO draft (form_key, title, payload, updated_at) VALUES "
                     "('participant:new', 'Thêm cá nhân', '{\"name\": \"Hà Thị Thu\"}', ?)", (NOW,))
    conn.close()


def fake_migrations(monkeypatch, *extra_steps: list[str]) -> int:
    """The real migrations followed by extra ones (each a list of SQL statements); returns the new latest."""
    real = discover_migrations()
    modules = list(real)
    for steps in extra_steps:
        number = len(modules) + 1
        modules.append((number, types.SimpleNamespace(__name__=f"m{number:04d}_test", STEPS=steps)))
    monkeypatch.setattr(dbmod, "discover_migrations", lambda: list(modules))
    return len(modules)


def test_migration_files_are_numbered_from_one():
    numbers = [n for n, _ in discover_migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert latest_version() == len(numbers) >= 1


def test_fresh_database_is_at_latest_version(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    applied = migrate(path, tmp_path / "backups")
    assert applied == list(range(1, latest_version() + 1))
    assert schema_version(path) == latest_version()
    assert "table:participant" in schema(path)
    # A fresh database has nothing to protect: no backup copy.
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
    # Running again is a no-op.
    assert migrate(path, tmp_path / "backups") == []


# ----- databases saved by older releases (tests/data/schema/, see its README.md) -------------------------------

SCHEMA_DATA = Path(__file__).resolve().parents[1] / "data" / "schema"
SAVED_VERSION = {"v1": 1, "v2": 2, "v4-without-m0003": 4, "v4": 4, "v5": 5, "receiver-v4": 4, "receiver-v5": 5}
COMMUNE_FILES = ["v1", "v2", "v4-without-m0003", "v4", "v5"]
RECEIVER_FILES = {"receiver-v4": "v4", "receiver-v5": "v5"}  # receiving file → the commune file that sent to it
PACKET_TABLES = ("packet_export", "received_packet", "trusted_key", "imported_round")
COMMUNE_COLUMN = ("nominee", "council_meeting", "award_decision", "packet_export", "imported_round")

# The README's row counts (None: the table does not exist in that schema).
_README = """
achievement        47 47 47 47 47 15 15
achievement_fts    47 47 47 47 46 15 15
award              131 133 134 134 134 41 41
award_decision     -  1  1  2  2  2  2
campaign           1  1  1  1  1  1  1
checklist          -  8  13 13 13 9  9
commune            1  1  1  1  1  1  1
council_meeting    -  1  1  2  2  2  2
document_number    -  2  2  5  5  0  0
draft              3  3  3  3  3  0  0
evidence_file      5  10 14 14 14 9  9
imported_round     -  -  -  0  0  2  2
nomination_round   -  1  1  2  2  2  2
nominee            -  6  9  18 18 18 18
packet_export      -  -  -  2  2  0  0
participant        31 31 31 31 31 12 12
participant_fts    31 31 31 31 31 12 12
received_packet    -  -  -  0  0  3  3
setting            0  0  0  0  0  1  1
trusted_key        -  -  -  0  0  1  1
"""
README_COUNTS = {
    name: {row.split()[0]: (None if row.split()[1 + i] == "-" else int(row.split()[1 + i]))
           for row in _README.strip().splitlines()}
    for i, name in enumerate(SAVED_VERSION)
}


def _tables(conn: sqlite3.Connection) -> list[str]:
    """Every table but SQLite's own and the FTS5 shadow tables (participant_fts_data, …)."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    fts = [n for n in names if conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (n,)).fetchone()[0]
           .upper().startswith("CREATE VIRTUAL TABLE")]
    return [n for n in names if not any(n.startswith(f + "_") for f in fts)]


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}
    finally:
        conn.close()


def query(path: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def saved_copy(tmp_path: Path, name: str) -> Path:
    """A copy of the saved database as the workspace database of tmp_path/<name>; returns the workspace root."""
    root = tmp_path / name
    root.mkdir()
    shutil.copyfile(SCHEMA_DATA / f"{name}.sqlite3", root / "sothidua.sqlite3")
    return root


def restore_evidence_files(root: Path) -> int:
    """Put back the evidence files the old release kept next to its database (only the database is frozen). The
    script wrote them from the record itself (tests/data/schema/make_old_databases.py and the old demos), so each
    is rebuilt byte for byte and checked against the SHA-256 its row holds. Returns how many were written."""
    candidates = (
        lambda orig, who, title, results: f"{orig}\n{who}\n{title}\n{results}\n",
        lambda orig, who, title, results: f"BÁO CÁO SỐ LIỆU\n{who}\n{title}\n{results}\n",
        lambda orig, who, title, results: f"BÁO CÁO SỐ LIỆU (minh chứng mẫu)\n{who}\n{title}\n{results}\n",
    )
    rows = query(root / "sothidua.sqlite3",
                 "SELECT e.original_name, e.stored_name, e.sha256, p.name, a.title, a.results FROM evidence_file e "
                 "JOIN participant p ON p.id = e.participant_id LEFT JOIN achievement a ON a.id = e.achievement_id")
    for orig, stored, sha, who, title, results in rows:
        options = [make(orig, who, title, results).encode("utf-8") for make in candidates]
        options.append(b"\xff\xd8\xff\xe0 not the right photo")  # the file attached by mistake (archived)
        [content] = [c for c in options if hashlib.sha256(c).hexdigest() == sha]
        target = root / "evidence" / stored
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return len(rows)


@contextmanager
def opened(root: Path, secrets: SecretStore | None = None):
    """The workspace opened by the app (migrations run), keys in memory."""
    session = open_workspace(root, secrets=secrets or SecretStore(InMemoryKeyring()))
    try:
        yield session.activate()
    finally:
        session.close()


def test_saved_files_are_what_the_readme_says():
    for name, version in SAVED_VERSION.items():
        path = SCHEMA_DATA / f"{name}.sqlite3"
        assert schema_version(path) == version, name
        assert query(path, "PRAGMA integrity_check") == [("ok",)], name
        counts = row_counts(path)
        expected = {t: n for t, n in README_COUNTS[name].items() if n is not None}
        assert {t: counts.get(t) for t in expected} == expected, name
        assert not {t for t, n in README_COUNTS[name].items() if n is None} & set(counts), name


@pytest.mark.parametrize("name", list(SAVED_VERSION))
def test_saved_database_is_migrated_by_the_app_keeping_every_row(tmp_path, name):
    root = saved_copy(tmp_path, name)
    db = root / "sothidua.sqlite3"
    before = row_counts(db)
    old_forms = query(db, "SELECT id, code FROM award WHERE category = 'hinh_thuc'")
    decision_tables = "award_decision" in before
    old_decisions = query(db, "SELECT d.id, d.number, d.decided_on, r.commune_id FROM award_decision d "
                              "JOIN nomination_round r ON r.id = d.round_id") if decision_tables else []

    with opened(root) as session:
        assert session.problems == []
    assert schema_version(db) == latest_version()

    # Every row kept; the tables the file lacked exist now, empty — except the outcomes (issue 15, migration 0010):
    # every award a commune decision gave to a nominee of its round is that nominee's outcome, once; and the review
    # of each round received before (issue 16, migration 0011: it starts as received); and the statistics' counts
    # (migration 0014), counted from the records (tests/core/test_statistics_counts.py compares their figures).
    after = row_counts(db)
    assert {t: after.get(t) for t in before} == before
    filled = {"nominee_outcome"} if "nominee_outcome" not in before else set()
    filled |= {"achievement_count", "participant_activity", "registration_count", "award_count"}
    reviews = before.get("imported_round", 0) if "round_review" not in before else after["round_review"]
    assert {t: n for t, n in after.items() if t not in before and t not in filled} == \
        {t: (reviews if t == "round_review" else 0) for t in after if t not in before and t not in filled}
    if filled:
        given = query(db, "SELECT count(*) FROM award WHERE decision_id IS NOT NULL")[0][0]
        assert after["nominee_outcome"] == given
        assert query(db, """SELECT count(*) FROM nominee_outcome o JOIN nominee n ON n.id = o.nominee_id
                            JOIN award a ON a.id = o.award_id JOIN award_decision d ON d.id = o.decision_id
                            WHERE o.outcome = 'awarded' AND a.participant_id = n.participant_id
                              AND a.decision_id = d.id AND d.round_id = n.round_id
                              AND o.commune_id = n.commune_id""") == [(given,)]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    # The schema is exactly the one a new workspace gets (v4-without-m0003 included: m0003's packet tables).
    fresh = tmp_path / "fresh.sqlite3"
    migrate(fresh, tmp_path / "unused")
    assert schema(db) == schema(fresh)
    assert all(f"table:{t}" in schema(db) for t in PACKET_TABLES)

    # Every record of a round carries the round's commune.
    for table in COMMUNE_COLUMN:
        assert query(db, f"SELECT count(*) FROM {table} WHERE commune_id IS NULL") == [(0,)], table
        assert query(db, f"SELECT count(*) FROM {table} t JOIN nomination_round r ON r.id = t.round_id "
                         "WHERE t.commune_id != r.commune_id") == [(0,)], table
    assert query(db, "SELECT count(*) FROM received_packet WHERE round_id IS NOT NULL AND commune_id IS NULL") == [(0,)]

    # One code per award form, the vocabulary's (rows kept: same ids, only the code respelled).
    codes = set(AWARD_FORMS.codes)
    new_forms = dict(query(db, "SELECT id, code FROM award WHERE category = 'hinh_thuc'"))
    assert set(new_forms) == {i for i, _ in old_forms} and set(new_forms.values()) <= codes
    assert all(new_forms[i] == old.lower() for i, old in old_forms)  # GIAY_KHEN → giay_khen, …
    for table in ("nominee", "award_decision"):
        if table in before:
            assert {c for (c,) in query(db, f"SELECT DISTINCT award_form FROM {table}")} <= set(NOMINATION_FORMS)
    for table, column in (("nomination_round", "thresholds"), ("checklist", "set_snapshot"), ("campaign", "data"),
                          ("draft", "payload")):
        if table in before:
            assert query(db, f"SELECT count(*) FROM {table} WHERE {column} LIKE ?",
                         '%"bang_khen_chu_tich_tinh"%') == [(0,)], table

    # The Giấy khen each decision gave is linked to it (the awards of its number, date and commune); no other
    # award is linked to a decision.
    linked = query(db, "SELECT a.id, a.decision_id FROM award a WHERE a.decision_id IS NOT NULL")
    expected = {}
    for decision_id, number, decided_on, commune_id in old_decisions:
        for (award_id,) in query(db, "SELECT id FROM award WHERE category = 'hinh_thuc' AND code = 'giay_khen' "
                                     "AND award_type = 'chuyen_de' AND decision_number = ? AND decision_date = ? "
                                     "AND commune_id = ?", number, decided_on, commune_id):
            expected.setdefault(award_id, decision_id)  # a corrected round repeats the decision: the first gave it
    assert dict(linked) == expected
    if before.get("award_decision"):
        assert linked, "no award linked to its decision"

    # The copy taken before migrating is the file as it was.
    [copy] = (root / "backups").glob(f"truoc-nang-cap-v{SAVED_VERSION[name]}-*.sqlite3")
    assert schema_version(copy) == SAVED_VERSION[name] and row_counts(copy) == before


@pytest.mark.parametrize("name", COMMUNE_FILES)
def test_the_app_works_on_a_migrated_commune_file(tmp_path, name):
    root = saved_copy(tmp_path, name)
    assert restore_evidence_files(root) == README_COUNTS[name]["evidence_file"]
    with opened(root) as session:
        home = session.home_commune()
        assert (home.admin_code, home.name) == ("02095", "Thượng Quan")
        assert not is_receiver(session)
        # The list of participants, archived ones apart, and the search index of the old file.
        listed = list_participants(session, ParticipantFilter(commune_id=home.id))
        archived = list_participants(session, ParticipantFilter(commune_id=home.id, archived=True))
        assert (len(listed), [p.name for p in archived]) == (30, ["Phạm Thị Ngọc Ánh"])
        found = list_participants(session, ParticipantFilter(commune_id=home.id, search="nguyen van duc"))
        assert [(p.name, p.birth_date) for p in found] == [("Nguyễn Văn Đức", date(1988, 3, 12))]
        # The index was rebuilt with the prefixes of 4 and 5 letters (migration 0015): the same answers.
        [(fts,)] = query(root / "sothidua.sqlite3", "SELECT sql FROM sqlite_master WHERE name = 'participant_fts'")
        assert "prefix='1 2 3 4 5'" in fts
        found = list_participants(session, ParticipantFilter(commune_id=home.id, search="nguye van du"))
        assert [p.name for p in found] == ["Nguyễn Văn Đức"]

        # A new round, and a nominee in it (with the old checklist when the file has one).
        existing = rounds.current_rounds(session)
        new = rounds.create_round(session, Campaign.get().id, title="Đợt mới sau nâng cấp")
        assert new.number == 1 + max((r.number for r in existing), default=0)
        checklist = (Checklist.select().where(Checklist.set_id.startswith("bang_khen_tinh.")
                                              & Checklist.archived_at.is_null()).order_by(Checklist.id).first())
        person = checklist.participant_id if checklist else listed[0].id
        if checklist is not None:
            assert checklists.reassess(session, checklist.id).verdict in ("eligible", "not_eligible", "incomplete")
        rounds.add_nominee(session, new.id, person, rounds.BANG_KHEN, checklist.id if checklist else None,
                           override_reason="Hội đồng thống nhất xét (thử sau nâng cấp)")
        assert [(n.participant_id, n.award_form, n.commune_id) for n in rounds.nominees_of(session, new.id)] == [
            (person, "bang_khen_tinh", home.id)]

        if not existing:
            return  # v1: no round was ever made
        # The Giấy khen decision of round 1 and the awards it gave.
        round1 = rounds.find_round(session, 1)
        [decision] = [d for d in rounds.decisions_of(session, round1.id) if d.award_form == rounds.GIAY_KHEN]
        assert decision.number == "18/QĐ-UBND" and decision.commune_id == home.id
        given = rounds.decision_awards(session, decision.id)
        if round1.version == 1:
            assert given and all(a.code == "giay_khen" and a.decision_number == "18/QĐ-UBND" for a in given)
        else:  # the corrected version refers to the decision taken once; its awards hang on the first
            first = rounds.decisions_of(session, round1.supersedes_id)[0]
            assert rounds.decision_awards(session, first.id)

        # Export round 1 as a packet: the next in the commune's sequence, chained to the last one sent.
        last = sending.last_export(session, "02095")
        (tmp_path / "usb").mkdir()
        written = sending.export_round(session, round1.id, tmp_path / "usb")
        check = check_packet(written.path)
        assert check.is_valid
        assert (written.sequence, check.manifest.previous_packet_sha256) == (
            (last.sequence + 1, last.sha256) if last else (1, None))
        assert {n.award_form for n in check.data.nominees} <= set(NOMINATION_FORMS)
        assert [e.packet_id for e in sending.exports_of(session, round1.id)][-1] == written.packet_id
        assert rounds.require_round(session, round1.id).status == "sent"


@pytest.mark.parametrize("name", list(RECEIVER_FILES))
def test_a_migrated_receiver_file_receives_the_next_packet_of_its_migrated_commune(tmp_path, name):
    """The commune and the receiving level both upgraded: the commune sends round 1 again (sequence 3, chained to
    packet 2). Its old key was in the old release's test keyring, so the receiver confirms the new one."""
    commune_root = saved_copy(tmp_path, RECEIVER_FILES[name])
    restore_evidence_files(commune_root)
    (tmp_path / "usb").mkdir()
    with opened(commune_root) as commune:
        written = sending.export_round(commune, rounds.find_round(commune, 1).id, tmp_path / "usb")
    assert written.sequence == 3

    root = saved_copy(tmp_path, name)
    with opened(root) as session:
        assert is_receiver(session) and session.home_commune() is None
        assert [(r.number, r.version, r.status) for r in receiving.imported_rounds(session)] == [
            (1, 2, "sent"), (1, 1, "superseded")]
        assert receiving.commune_state(session, "02095").last_sequence == 2
        before = row_counts(root / "sothidua.sqlite3")

        result = receiving.receive_packet(session, written.path)
        assert result.needs_confirmation and result.record.reason == "unknown_signer"
        # A second key for a commune that has one: the same confirmation as a first packet is not enough …
        with pytest.raises(UserError) as refused:
            receiving.confirm_and_import(session, result.record.id, fingerprint=written.signer_fingerprint,
                                         trusted_by="Cán bộ tiếp nhận")
        assert refused.value.code == "receiving.second_key_needs_confirmation"
        [old_key] = receiving.trusted_keys(session, "02095")
        # … the officer must also name the key already trusted (issue 11).
        done = receiving.confirm_and_import(session, result.record.id, fingerprint=written.signer_fingerprint,
                                            second_key_over=old_key.fingerprint, trusted_by="Cán bộ tiếp nhận")
        assert (done.outcome, done.record.verdict) == (receiving.IMPORTED, "valid"), done.record.detail
        assert receiving.commune_state(session, "02095").last_sequence == 3
        assert len(receiving.trusted_keys(session, "02095")) == 2
        # The same round again: nothing doubled, the round still the one imported before.
        [current] = receiving.imported_rounds(session, include_superseded=False)
        assert (current.number, current.version) == (1, 2) and done.record.round_id == current.id
        assert {n.award_form for n in rounds.nominees_of(session, current.id)} <= set(NOMINATION_FORMS)
    after = row_counts(root / "sothidua.sqlite3")
    grew = {t: after[t] - before[t] for t in after if after[t] != before[t]}
    assert grew == {"received_packet": 1, "trusted_key": 1}, grew
    assert query(root / "sothidua.sqlite3", "PRAGMA foreign_key_check") == []


def test_upgrade_copies_the_database_first(tmp_path, monkeypatch):
    """With a (test) second migration the real upgrade path runs: backup copy, then the new schema."""
    path = tmp_path / "db.sqlite3"
    backups = tmp_path / "backups"
    migrate(path, backups, target=1)
    fill_v1(path)
    extra = ["CREATE TABLE note_tag (id INTEGER PRIMARY KEY, participant_id INTEGER REFERENCES participant(id))",
             "ALTER TABLE commune ADD COLUMN motto TEXT NOT NULL DEFAULT ''"]
    latest = fake_migrations(monkeypatch, extra)

    applied = migrate(path, backups)
    assert applied == list(range(2, latest + 1))
    assert schema_version(path) == latest
    copies = list(backups.glob("*.sqlite3"))
    assert len(copies) == 1
    assert "v1" in copies[0].name
    # The copy is the database as it was: first schema, with its rows.
    assert schema_version(copies[0]) == 1
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("SELECT name FROM participant WHERE id = 7").fetchone() == ("Nguyễn Văn Đức",)
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'note_tag'").fetchone() == (0,)
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT name, motto FROM commune").fetchall() == [("Xã Thượng Quan", "")]
        assert conn.execute("SELECT count(*) FROM participant").fetchone() == (1,)
    finally:
        conn.close()

    fresh = tmp_path / "fresh.sqlite3"
    migrate(fresh, tmp_path / "unused")
    assert schema(path) == schema(fresh)


def test_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "ws" / "sothidua.sqlite3"
    path.parent.mkdir()
    migrate(path, tmp_path / "backups")
    fill_v1(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())

    with pytest.raises(UserError) as info:
        open_database(path, tmp_path / "backups")
    assert info.value.code == "db.newer_version"
    assert info.value.params == {"found": latest_version() + 1, "supported": latest_version()}
    assert "phiên bản" in str(info.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


def test_garbage_file_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "sothidua.sqlite3"
    path.write_bytes(b"this is not a database, just a stray file " * 100)
    with pytest.raises(UserError) as info:
        open_database(path, tmp_path / "backups")
    assert info.value.code == "db.corrupt"


def test_wal_and_foreign_keys_are_on(workspace):
    db = workspace.db
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert PRAGMAS["journal_mode"] == "wal"
    # Foreign keys are really enforced, not just reported as on.
    with pytest.raises(peewee.IntegrityError):
        db.execute_sql("INSERT INTO participant (uid, commune_id, kind, category, name, sort_key, search_text, "
                       "created_at, updated_at) VALUES ('x', 999, 'individual', 'can_bo', 'A', 'a', 'a', ?, ?)",
                       (NOW, NOW))


def test_failing_migration_rolls_back_completely(tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite3"
    backups = tmp_path / "backups"
    migrate(path, backups, target=1)
    fill_v1(path)
    bad = ["CREATE TABLE half_done (id INTEGER PRIMARY KEY)",
           "INSERT INTO half_done (id) VALUES (1)",
           "UPDATE participant SET name = 'ĐÃ SỬA'",
           "ALTER TABLE commune ADD COLUMN motto TEXT",
           "THIS IS NOT SQL"]
    real_latest = latest_version()
    fake_migrations(monkeypatch, bad)
    with pytest.raises(sqlite3.OperationalError):
        migrate(path, backups)

    # The real migrations after the first may have committed; the failing one left nothing behind.
    assert schema_version(path) == real_latest
    tables = schema(path)
    assert "table:half_done" not in tables
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT name FROM participant").fetchall() == [("Nguyễn Văn Đức",)]
        columns = [row[1] for row in conn.execute("PRAGMA table_info(commune)")]
        assert "motto" not in columns
    finally:
        conn.close()


def test_failing_first_migration_leaves_version_zero(tmp_path, monkeypatch):
    monkeypatch.setattr(dbmod, "discover_migrations", lambda: [
        (1, types.SimpleNamespace(STEPS=["CREATE TABLE a (id INTEGER)", "CREATE TABLE a (id INTEGER)"]))])
    path = tmp_path / "db.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        migrate(path, tmp_path / "backups")
    assert schema_version(path) == 0
    assert schema(path) == {}


def fts_segments(path: Path, table: str) -> int:
    return query(path, f"SELECT count(DISTINCT segid) FROM {table}_idx")[0][0]


def test_migration_16_merges_the_search_indexes_into_one_segment(tmp_path):
    path = tmp_path / "db.sqlite3"
    migrate(path, tmp_path / "backups", target=15)
    conn = sqlite3.connect(path)
    for i in range(3):  # FTS5 writes a segment per commit
        with conn:
            conn.execute("INSERT INTO participant_fts(rowid, search_text) VALUES (?, ?)", (i + 1, f" nguyen duc{i} "))
            conn.execute("INSERT INTO achievement_fts(rowid, search_text) VALUES (?, ?)", (i + 1, f" so hoa{i} "))
    conn.close()
    assert (fts_segments(path, "participant_fts"), fts_segments(path, "achievement_fts")) == (3, 3)
    migrate(path, tmp_path / "backups")
    assert (fts_segments(path, "participant_fts"), fts_segments(path, "achievement_fts")) == (1, 1)
    assert query(path, "SELECT rowid FROM participant_fts WHERE participant_fts MATCH 'duc1*'") == [(2,)]
    assert query(path, "SELECT rowid FROM achievement_fts WHERE achievement_fts MATCH 'hoa2*'") == [(3,)]
