"""The product's rules and storage. Never imports PySide6 (tests/core/test_no_qt.py proves it)."""
import sys as _sys

#: PostgreSQL drivers peewee looks for when it is imported. psycopg 3 is installed for the receiving level's server
#: (issue 16) and costs 0.2–0.5 s to import: a commune's start never needs it. They are hidden while peewee loads;
#: `storage.engines` hands psycopg to peewee when a server workspace is opened.
SERVER_DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


def _load_peewee_without_server_drivers() -> None:
    if "peewee" in _sys.modules:
        return
    hidden = [name for name in SERVER_DRIVERS if name not in _sys.modules]
    for name in hidden:
        _sys.modules[name] = None      # "import psycopg" inside peewee raises ImportError: no driver, no cost
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if _sys.modules.get(name, "") is None:
                del _sys.modules[name]


_load_peewee_without_server_drivers()
