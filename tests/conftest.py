"""Shared fixtures: a fresh workspace on disk (a real SQLite file, real folders) opened as a Session with an
in-memory keyring, and its home commune. Qt setup lives in tests/ui/conftest.py.

Tests never touch the real HOME or the OS keyring: HOME and the XDG folders point into the test's temporary
folder, and keyring's own default is the fail backend, so anything that forgot to take the session's secret
store fails loudly instead of writing into a real keyring."""
from __future__ import annotations

import os
import sys
import time
import uuid

# The app's day is Vietnam's (+07:00), never the computer's zone (Clock, dates.current_date). The tests run in a
# zone 19 hours behind Vietnam, so a date taken from the computer's zone by mistake differs from the app's day
# for most of the day, wherever and whenever CI runs, instead of only in the hours after midnight in Hà Nội.
os.environ["TZ"] = "Etc/GMT+12"
time.tzset()

# Before anything can load Qt: tests run without a display, on a screen the size the officers have — 1366×768
# with the Windows taskbar taking 40 px (tests/data/screen-1366x728.json, Qt's offscreen platform).
SCREEN = os.path.join(os.path.dirname(__file__), "data", "screen-1366x728.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"

import keyring  # noqa: E402
import keyring.backends.fail  # noqa: E402
import pytest  # noqa: E402

from desktop_app.core.register.communes import save_commune_settings  # noqa: E402
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore  # noqa: E402
from desktop_app.core.workspace import open_workspace  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(__file__)), "tools"))
import pgcluster  # noqa: E402

COMMUNE_SETTINGS = {
    "name": "Xã Thượng Quan",
    "admin_code": "02095",
    "province": "Thái Nguyên",
    "receiving_authority": "Sở Nội vụ tỉnh Thái Nguyên",
    "receiving_level": "so_noi_vu",
    "chairman_name": "Hoàng Văn Thắng",
    "doc_prefix": "UBND",
}


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """No test reads or writes the real HOME, XDG folders or OS keyring."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "LOCALAPPDATA", "APPDATA"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield home
    keyring.set_keyring(previous)


@pytest.fixture
def keyring_backend():
    """The in-memory keyring behind the test session's secret store."""
    return InMemoryKeyring()


@pytest.fixture
def session(tmp_path, keyring_backend):
    """A freshly created workspace under tmp_path/ws, opened as a Session (keys in memory)."""
    s = open_workspace(tmp_path / "ws", secrets=SecretStore(keyring_backend))
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def workspace(session):
    """The same open workspace (older tests name it so)."""
    return session


@pytest.fixture
def commune(session):
    """The workspace's own commune, configured as on first run."""
    return save_commune_settings(session, dict(COMMUNE_SETTINGS))


# ----- PostgreSQL (issue 16): the receiving tests run against both engines ---------------------------------------

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_server():
    """The superuser URL of a real local PostgreSQL server: the one `tasks.py test` / tools/pgcluster.py started
    (SOTHIDUA_TEST_POSTGRES), else a throwaway cluster started here and stopped at the end. Where none can be
    started, every PostgreSQL test is reported skipped with the reason — never passed."""
    url = os.environ.get(pgcluster.URL_ENV)
    if url:
        yield url
        return
    if os.environ.get(pgcluster.SKIP_ENV):
        pytest.skip(f"PostgreSQL: {os.environ[pgcluster.SKIP_ENV]}")
    try:
        cluster = pgcluster.start()
    except pgcluster.Unavailable as exc:
        pytest.skip(f"PostgreSQL: {exc}")
    try:
        yield cluster.url
    finally:
        cluster.stop()


def _admin(url: str):
    import psycopg  # noqa: PLC0415 (only where a server is used)
    return psycopg.connect(url, autocommit=True)


def server_url(superuser_url: str, database: str, user: str = "postgres", password: str | None = None) -> str:
    base = superuser_url.split("://", 1)[1].split("@", 1)[1].rsplit("/", 1)[0]
    auth = f"{user}:{password}" if password else user
    return f"postgresql://{auth}@{base}/{database}"


@pytest.fixture(scope="session")
def postgres_template(postgres_server, tmp_path_factory):
    """A database migrated by the app's migrations (and its campaigns synced), copied for every test."""
    name = f"tmpl_{uuid.uuid4().hex[:8]}"
    with _admin(postgres_server) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    s = open_workspace(tmp_path_factory.mktemp("pg-template"), secrets=SecretStore(InMemoryKeyring()),
                       database=server_url(postgres_server, name))
    s.close()
    return name


@pytest.fixture
def postgres_url(postgres_server, postgres_template):
    """A fresh receiving database for this test (the superuser's URL to it); dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with _admin(postgres_server) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {postgres_template}")
    yield server_url(postgres_server, name)
    with _admin(postgres_server) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=ENGINES)
def engine(request):
    """'sqlite' or 'postgresql': a test taking it runs once on each engine."""
    return request.param


@pytest.fixture
def receiver_database(engine, request):
    """None for SQLite (the workspace's own file), else the URL of a fresh PostgreSQL database."""
    return request.getfixturevalue("postgres_url") if engine == "postgresql" else None
