"""Opening a workspace: its folders, its database (migrated), the campaigns shipped in resources/ — the one
function a composition root (app.py, cli.py, a test fixture) calls to get a Session."""
from __future__ import annotations

import logging
import os

from .errors import UserError
from .register.campaigns import sync_campaigns
from .resources import resource_path
from .storage import engines
from .storage.database import open_database, open_postgres_database
from .storage.paths import workspace_for
from .storage.secrets import SecretStore
from .storage.session import Clock, Session

log = logging.getLogger(__name__)


def open_workspace(data_dir: str | os.PathLike | None, *, secrets: SecretStore | None = None,
                   clock: Clock | None = None, database: str | None = None) -> Session:
    """Open (creating it where needed) the workspace in `data_dir` (None: the user's data folder).

    database: a receiving workspace on a PostgreSQL server (postgresql://role@host/dbname); its files (inbox,
    quarantine, evidence, documents) then live in `data_dir`, the folder every officer's PC shares. The role's
    password comes from the OS keyring (entry `engines.password_key(url)`), never from a file."""
    paths = workspace_for(data_dir)
    try:
        paths.ensure()
    except OSError as exc:
        raise UserError("workspace.not_writable", path=str(paths.root), detail=exc.strerror or str(exc)) from exc
    secrets = secrets or SecretStore()
    if engines.is_postgres_url(database):
        password, keyring_problem = None, None
        if not engines.has_password(database):
            try:
                password = secrets.get(engines.password_key(database))
            except UserError as exc:  # no keyring here: fine for a server that asks no password of this PC
                keyring_problem = exc
        try:
            db = open_postgres_database(database, password)
        except UserError as exc:
            if keyring_problem is not None and "password" in str(exc.params.get("detail", "")):
                raise keyring_problem from exc
            raise
        session = Session(paths=paths, db=db, secrets=secrets, clock=clock or Clock()).activate()
        with engines.advisory_lock(db, engines.MIGRATION_LOCK):  # several officers may open it at the same moment
            session.problems = sync_campaigns(session, resource_path("campaigns"))
        log.info("receiving workspace opened: %s, files in %s", engines.redact(database), paths.root)
        return session
    db = open_database(paths.database, paths.backups_dir)
    session = Session(paths=paths, db=db, secrets=secrets, clock=clock or Clock()).activate()
    session.problems = sync_campaigns(session, resource_path("campaigns"))
    log.info("workspace opened: %s", paths.root)
    return session
