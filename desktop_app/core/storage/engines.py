"""The receiving level's second engine: PostgreSQL through psycopg 3 (issue 16). The commune side stays on SQLite.

One schema, one set of migrations: the numbered migrations are written in SQLite's SQL; `translate()` turns the few
SQLite-only forms they use into PostgreSQL (an integer primary key becomes an identity column, an FTS5 table a plain
table of the same columns, a BEFORE-INSERT guard trigger a CHECK constraint, `a IS b` between columns `IS NOT
DISTINCT FROM`, SQLite's random uid `lower(hex(randomblob(16)))` gen_random_uuid() without its dashes), and
`migrate_postgres()` applies them in order, one transaction each, recording the number in the `schema_migration`
table (SQLite keeps it in PRAGMA user_version). A migration may add what only a server has
(roles, grants) in `postgres_apply(conn)`.

Values keep SQLite's storage forms on both engines (dates as ISO text, flags as 0/1 integers), so every query and
every stored row reads the same: the connection dumps Python dates as text and booleans as integers.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import peewee

from ..errors import UserError

log = logging.getLogger(__name__)

VERSION_TABLE = "schema_migration"
CONNECTION_FILE = "ket-noi-may-chu.json"   # in the user's config folder: which shared database this PC opens
MIGRATION_LOCK = 0x5354_4431   # pg_advisory_lock key: one process migrates (and syncs reference data) at a time



def is_postgres_url(value: str | None) -> bool:
    return bool(value) and str(value).startswith(("postgresql://", "postgres://"))


def redact(url: str) -> str:
    """The URL without any password (for logs, messages and the window)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{unquote(parts.username)}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, ""))


def build_url(host: str, port: int | str, database: str, user: str) -> str:
    """postgresql://user@host:port/database, each part quoted; never a password (that lives in the keyring)."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host or not database or not user:
        raise UserError("db.connection_incomplete")
    port_part = f":{int(port)}" if str(port).strip() else ""
    return f"postgresql://{quote(user, safe='')}@{host}{port_part}/{quote(database, safe='')}"


def saved_connection(config_dir: Path) -> dict | None:
    """This PC's saved connection to the Sở's shared database ({"database": url, "data_dir": folder}), or None."""
    try:
        raw = json.loads((config_dir / CONNECTION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(raw, dict) and is_postgres_url(raw.get("database")) and not has_password(raw["database"]) \
            and isinstance(raw.get("data_dir"), str):
        return {"database": raw["database"], "data_dir": raw["data_dir"]}
    return None


def save_connection(config_dir: Path, database: str, data_dir: str) -> Path:
    """Remember on this PC which shared database and folder the app opens (no password: it is in the keyring)."""
    if not is_postgres_url(database) or has_password(database):
        raise UserError("db.connection_incomplete")
    config_dir.mkdir(parents=True, exist_ok=True)
    target = config_dir / CONNECTION_FILE
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps({"database": database, "data_dir": data_dir}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)
    return target


def forget_connection(config_dir: Path) -> None:
    try:
        (config_dir / CONNECTION_FILE).unlink()
    except FileNotFoundError:
        pass


def url_user(url: str) -> str:
    return unquote(urlsplit(url).username or "")


def password_key(url: str) -> str:
    """The keyring entry holding the password of this role on this server and database."""
    return "postgresql:" + redact(url)


def has_password(url: str) -> bool:
    return urlsplit(url).password is not None


# ----- storing SQLite's forms on PostgreSQL ----------------------------------------------------------------------

_loaded: dict = {}


def load_psycopg():
    """psycopg, loaded only when a server workspace is opened (0.2–0.5 s: a commune's start never pays it), and
    handed to peewee, which was imported with the drivers hidden (desktop_app/core/__init__.py)."""
    if _loaded:
        return _loaded["psycopg"]
    import psycopg  # noqa: PLC0415 (late on purpose, see the docstring)
    from psycopg.adapt import Dumper  # noqa: PLC0415
    from psycopg.pq import Format, TransactionStatus  # noqa: PLC0415
    from psycopg.types.json import Json, Jsonb  # noqa: PLC0415

    if peewee.psycopg is None:
        peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
        peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
        adapter = peewee.Psycopg3Adapter
        adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown = (
            TransactionStatus.IDLE, TransactionStatus.INERROR, TransactionStatus.UNKNOWN)
    text_oid, int8_oid = psycopg.adapters.types["text"].oid, psycopg.adapters.types["int8"].oid

    class DateAsText(Dumper):
        """A date is stored as 'YYYY-MM-DD' text, as sqlite3 stores it."""

        oid = text_oid
        format = Format.TEXT

        def dump(self, obj):
            return obj.isoformat().encode()

    class DateTimeAsText(Dumper):
        oid = text_oid
        format = Format.TEXT

        def dump(self, obj):
            return obj.isoformat(" ").encode()

    class BoolAsInt(Dumper):
        """A flag is stored as 0/1, as SQLite stores it."""

        oid = int8_oid
        format = Format.TEXT

        def dump(self, obj):
            return b"1" if obj else b"0"

    _loaded.update(psycopg=psycopg, dumpers=((_dt.date, DateAsText), (_dt.datetime, DateTimeAsText),
                                             (bool, BoolAsInt)))
    return psycopg


class ReceivingPostgres(peewee.PostgresqlDatabase):
    """peewee's PostgreSQL database over psycopg 3, with SQLite's storage forms."""

    def _connect(self):
        load_psycopg()
        conn = super()._connect()
        for python_type, dumper in _loaded["dumpers"]:
            conn.adapters.register_dumper(python_type, dumper)
        return conn


def connect_postgres(url: str, password: str | None = None) -> ReceivingPostgres:
    """Open the receiving database at `url` as the role it names; `password` from the keyring (never a file)."""
    load_psycopg()
    params = {"connect_timeout": 10, "application_name": "SoThiDua"}
    if password is not None and not has_password(url):
        params["password"] = password
    db = ReceivingPostgres(url, prefer_psycopg3=True, **params)
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as exc:
        raise UserError("db.postgres_unreachable", url=redact(url), detail=_first_line(exc)) from exc
    return db


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


# ----- migrations -------------------------------------------------------------------------------------------------

_IDENTITY = re.compile(r"\bid INTEGER PRIMARY KEY\b")
_FTS = re.compile(r"CREATE VIRTUAL TABLE (\w+) USING fts5\((\w+)[^)]*\)", re.S)
_GUARD = re.compile(r"CREATE TRIGGER (\w+) BEFORE (INSERT|UPDATE OF [\w, ]+) ON (\w+)\s+WHEN NOT \((.*)\)\s+BEGIN\s+"
                    r"SELECT RAISE\(ABORT, '[^']*'\);\s+END\s*$", re.S)
_IS_COLUMNS = re.compile(r"\b(\w+\.\w+) IS (\w+\.\w+)\b")
# A fresh 32-hex-digit uid in SQL (migration 0010 gives old decisions' outcomes one): SQLite's randomblob as
# PostgreSQL's built-in gen_random_uuid() without its dashes.
_RANDOM_UID = re.compile(r"lower\(hex\(randomblob\(16\)\)\)", re.I)


def translate(sql: str) -> str | None:
    """A migration statement written for SQLite, as PostgreSQL says it (None: nothing to do there)."""
    text = sql.strip()
    m = _FTS.fullmatch(text)
    if m:
        # The search index of the commune's register: the receiving level searches with plain SQL.
        return f"CREATE TABLE {m.group(1)} (rowid BIGINT PRIMARY KEY, {m.group(2)} TEXT NOT NULL)"
    m = _GUARD.fullmatch(text)
    if m:
        name, when, table, condition = m.groups()
        if when != "INSERT":
            return None  # one CHECK constraint guards inserts and updates alike
        return f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition.replace('NEW.', '')})"
    if text.upper().startswith("PRAGMA"):
        return None
    text = _IDENTITY.sub("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", text)
    text = re.sub(r"\bINTEGER\b", "BIGINT", text)
    text = _RANDOM_UID.sub("replace(gen_random_uuid()::text, '-', '')", text)
    return _IS_COLUMNS.sub(r"\1 IS NOT DISTINCT FROM \2", text)


class PostgresMigrationConnection:
    """What a migration's apply(conn) is given on PostgreSQL: sqlite3's execute/executemany with '?' markers."""

    engine = "postgresql"

    def __init__(self, db: peewee.PostgresqlDatabase):
        self.db = db

    def execute(self, sql: str, params=()):
        statement = translate(sql)
        if statement is None:
            return _Empty()
        return self.db.execute_sql(statement.replace("%", "%%").replace("?", "%s") if params else statement, params)

    def executemany(self, sql: str, rows) -> None:
        statement = translate(sql)
        if statement is None:
            return
        cursor = self.db.cursor()
        cursor.executemany(statement.replace("%", "%%").replace("?", "%s"), list(rows))


class _Empty:
    def fetchall(self):
        return []

    def fetchone(self):
        return None

    def __iter__(self):
        return iter(())


def postgres_versions(db: peewee.PostgresqlDatabase) -> set[int]:
    """The numbers of every migration applied (a new database: none; its table is made by whoever migrates it).
    A set, not only the last: a migration renumbered below one already applied (parallel branches merged) is still
    found missing and applied, as PROBE_TABLE does for SQLite."""
    if db.execute_sql("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()[0] is None:
        db.execute_sql(f"CREATE TABLE {VERSION_TABLE} (version BIGINT NOT NULL)")
    return {int(r[0]) for r in db.execute_sql(f"SELECT version FROM {VERSION_TABLE}")}


def postgres_version(db: peewee.PostgresqlDatabase) -> int:
    return max(postgres_versions(db), default=0)


def migrate_postgres(db: peewee.PostgresqlDatabase, steps, target: int | None = None) -> list[int]:
    """Apply the numbered migrations the database lacks, one transaction each (the caller holds MIGRATION_LOCK)."""
    latest = steps[-1][0] if steps else 0
    target = latest if target is None else target
    done = postgres_versions(db)
    if max(done, default=0) > latest:
        raise UserError("db.newer_version", found=max(done), supported=latest)
    conn = PostgresMigrationConnection(db)
    applied = []
    for number, module in steps:
        if number in done or number > target:
            continue
        with db.atomic():
            if hasattr(module, "apply"):
                module.apply(conn)
            for sql in getattr(module, "STEPS", []):
                conn.execute(sql)
            if hasattr(module, "postgres_apply"):
                module.postgres_apply(conn)
            db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (number,))
        log.info("migration %04d applied (PostgreSQL)", number)
        applied.append(number)
    return applied


def advisory_lock(db: peewee.PostgresqlDatabase, key: int):
    """Context manager: a session-level advisory lock (another process waits for it)."""
    return _AdvisoryLock(db, key)


class _AdvisoryLock:
    def __init__(self, db, key: int):
        self.db, self.key = db, key

    def __enter__(self):
        self.db.execute_sql("SELECT pg_advisory_lock(%s)", (self.key,))
        return self

    def __exit__(self, *exc):
        self.db.execute_sql("SELECT pg_advisory_unlock(%s)", (self.key,))
        return False


def lock_key(text: str) -> int:
    """A stable 63-bit advisory-lock key for a name (a commune code)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") >> 1
