"""One schema source: the database the numbered migrations build must agree with the Peewee models (tables,
columns, types, nullability, foreign keys, unique keys), and the codes the database accepts must be exactly the
codes of core/vocabulary.py. A model changed without a migration (or the reverse) fails here."""
from __future__ import annotations

import re
import sqlite3

import peewee as pw
import pytest

from desktop_app.core import vocabulary as v
from desktop_app.core.storage.database import latest_version, migrate
from desktop_app.core.storage.models import MODELS

# SQLite declared type of each Peewee field class (by affinity).
INTEGER_FIELDS = (pw.IntegerField, pw.BooleanField, pw.ForeignKeyField, pw.AutoField)


def _declared(field: pw.Field) -> str:
    return "INTEGER" if isinstance(field, INTEGER_FIELDS) else "TEXT"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "db.sqlite3"
    migrate(path, path.parent / "backups")
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


def _triggers(conn) -> dict[str, str]:
    return {name: sql for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}


def test_every_model_has_its_table_and_no_table_is_left_without_a_model(migrated):
    tables = {r[0] for r in migrated.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    # FTS5 keeps its own shadow tables; they belong to the virtual tables the search uses.
    tables = {t for t in tables if not re.match(r"^(participant|achievement)_fts(_\w+)?$", t)}
    assert tables == {m._meta.table_name for m in MODELS}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.table_name)
def test_columns_types_and_nullability_agree(migrated, model):
    table = model._meta.table_name
    info = {row[1]: row for row in migrated.execute(f"PRAGMA table_info({table})")}
    triggers = _triggers(migrated)
    fields = {f.column_name: f for f in model._meta.sorted_fields}
    assert set(info) == set(fields), f"{table}: migrations {sorted(set(info) - set(fields))} / " \
                                     f"models {sorted(set(fields) - set(info))}"
    for name, field in fields.items():
        _cid, _name, declared, notnull, _default, pk = info[name]
        assert declared.upper() == _declared(field), f"{table}.{name}: {declared} vs {type(field).__name__}"
        if pk:
            assert field.primary_key, f"{table}.{name} is the primary key in the database only"
            continue
        # A column added later cannot be NOT NULL in SQLite: a trigger refusing NULL stands for it.
        guarded = any(f"NEW.{name} IS NOT NULL" in sql and f" ON {table}" in sql for sql in triggers.values())
        if field.null:
            assert not notnull, f"{table}.{name}: the model accepts None, the database refuses NULL"
        else:
            assert notnull or guarded, f"{table}.{name}: the database accepts NULL, the model not"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.table_name)
def test_foreign_keys_agree(migrated, model):
    table = model._meta.table_name
    in_db = {(row[3], row[2], row[4]) for row in migrated.execute(f"PRAGMA foreign_key_list({table})")}
    in_model = {(f.column_name, f.rel_model._meta.table_name, f.rel_field.column_name)
                for f in model._meta.sorted_fields if isinstance(f, pw.ForeignKeyField)}
    assert in_db == in_model


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.table_name)
def test_unique_columns_agree(migrated, model):
    table = model._meta.table_name
    unique_in_db = set()
    for _seq, name, unique, *_ in migrated.execute(f"PRAGMA index_list({table})"):
        if unique:
            columns = [row[2] for row in migrated.execute(f"PRAGMA index_info({name})")]
            if len(columns) == 1:
                unique_in_db.add(columns[0])
    unique_in_model = {f.column_name for f in model._meta.sorted_fields if f.unique or f.primary_key}
    pk = {row[1] for row in migrated.execute(f"PRAGMA table_info({table})") if row[5]}
    assert unique_in_db | pk == unique_in_model


def _codes_in(sql: str, column: str) -> set[str]:
    """The quoted codes of `NEW.<column> IN (…)` or `<column> IN (…)` in a CHECK or a trigger."""
    found = set()
    for m in re.finditer(rf"(?:NEW\.)?\b{column}\s+IN\s*\(([^)]*)\)", sql):
        found |= set(re.findall(r"'([^']*)'", m.group(1)))
    return found


def _table_sql(conn, table: str) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]


def test_the_database_accepts_exactly_the_vocabularys_codes(migrated):
    triggers = " ".join(_triggers(migrated).values())
    participant = _table_sql(migrated, "participant") + triggers
    assert _codes_in(participant, "kind") == set(v.PARTICIPANT_KINDS.codes)
    assert _codes_in(triggers, "category") == set(v.PARTICIPANT_CATEGORIES.codes)
    assert _codes_in(triggers, "gender") == set(v.GENDERS.codes) | {""}
    award = _table_sql(migrated, "award")
    assert _codes_in(award, "category") == set(v.AWARD_CATEGORIES.codes)
    assert _codes_in(award, "award_type") == set(v.COMMENDATION_TYPES.codes)
    award_code_guard = next(sql for name, sql in _triggers(migrated).items() if name == "award_code_insert")
    for category, terms in v.AWARD_CODES_BY_CATEGORY.items():
        m = re.search(rf"NEW\.category = '{category}' AND NEW\.code IN \(([^)]*)\)", award_code_guard)
        assert m and set(re.findall(r"'([^']*)'", m.group(1))) == set(terms.codes), category
    assert _codes_in(triggers, "award_form") == set(v.NOMINATION_FORMS)
    assert _codes_in(triggers, "verdict") == set(v.VERDICTS.codes)
    assert _codes_in(_table_sql(migrated, "nomination_round"), "status") == set(v.ROUND_STATUSES.codes)


def test_a_code_outside_the_vocabulary_is_refused_by_the_database(tmp_path):
    path = tmp_path / "db.sqlite3"
    migrate(path, tmp_path / "backups")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO commune (uid, name, is_home, created_at, updated_at) VALUES ('c', 'X', 1, '', '')")
    base = ("INSERT INTO participant (uid, commune_id, kind, category, name, sort_key, search_text, created_at, "
            "updated_at, gender) VALUES (?, 1, 'individual', ?, 'A', 'a', ' ', '', '', ?)")
    conn.execute(base, ("p1", "can_bo", "nu"))
    for uid, category, gender in (("p2", "khong_co", "nu"), ("p3", "can_bo", "x")):
        with pytest.raises(sqlite3.IntegrityError, match="invalid participant"):
            conn.execute(base, (uid, category, gender))
    with pytest.raises(sqlite3.IntegrityError, match="invalid award.code"):
        conn.execute("INSERT INTO award (uid, commune_id, participant_id, category, code, name, year, award_type, "
                     "created_at) VALUES ('a', 1, 1, 'hinh_thuc', 'GIAY_KHEN', 'x', 2025, 'chuyen_de', '')")
    conn.close()


def test_the_latest_version_is_the_last_migration(migrated):
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == latest_version()
