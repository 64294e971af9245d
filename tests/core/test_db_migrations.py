"""Numbered migrations on real SQLite files: fresh, from the first schema, newer refused, rollback."""
from __future__ import annotations

import sqlite3
import types

import peewee
import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.register.participants import ParticipantFilter, list_participants
from desktop_app.core.storage import database as dbmod
from desktop_app.core.storage.database import (PRAGMAS, discover_migrations, latest_version, migrate, open_database,
                                               schema_version)
from desktop_app.core.storage.models import Participant

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


def test_database_from_first_schema_is_migrated_keeping_rows(tmp_path):
    old = tmp_path / "ws" / "sothidua.sqlite3"
    old.parent.mkdir()
    backups = tmp_path / "ws" / "backups"
    assert migrate(old, backups, target=1) == [1]
    assert schema_version(old) == 1
    fill_v1(old)

    database = open_database(old, backups)
    try:
        assert schema_version(old) == latest_version()
        p = Participant.get_by_id(7)
        assert p.name == "Nguyễn Văn Đức"
        assert str(p.birth_date) == "1988-03-12"
        # The old search index still answers after the upgrade.
        found = list_participants(ParticipantFilter(commune_id=1, search="nguyen van duc"))
        assert [x.id for x in found] == [7]
    finally:
        database.close()

    copies = sorted(backups.glob("*.sqlite3")) if backups.exists() else []
    if latest_version() > 1:
        assert len(copies) == 1 and schema_version(copies[0]) == 1
    else:
        assert copies == []  # nothing to migrate, nothing copied

    fresh = tmp_path / "fresh.sqlite3"
    migrate(fresh, tmp_path / "unused")
    assert schema(old) == schema(fresh)


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
