"""Opening a workspace: its folders, its database (migrated), the campaigns shipped in resources/ — the one
function a composition root (app.py, cli.py, a test fixture) calls to get a Session."""
from __future__ import annotations

import logging
import os

from .errors import UserError
from .register.campaigns import sync_campaigns
from .resources import resource_path
from .storage.database import latest_version, open_database, schema_version
from .storage.health import (DamagedDatabase, WorkspaceLock, check_folder, clean_leftovers, database_damage,
                             storage_error)
from .storage.paths import workspace_for
from .storage.secrets import SecretStore
from .storage.session import Clock, Session
from .storage.snapshots import check_database

log = logging.getLogger(__name__)


def open_workspace(data_dir: str | os.PathLike | None, *, secrets: SecretStore | None = None,
                   clock: Clock | None = None) -> Session:
    """Open (creating it where needed) the workspace in `data_dir` (None: the user's data folder)."""
    paths = workspace_for(data_dir)
    check_folder(paths)                  # missing stick, read-only folder or file, full disk: each named
    damage = database_damage(paths)      # an empty file next to backups is damage, never a new install
    if damage is not None:
        log.error("damaged database %s: %s", paths.database, damage)
        raise DamagedDatabase(paths.database, damage)
    lock = WorkspaceLock(paths)
    if lock.acquire():                   # no other window works here: its working files are leftovers
        clean_leftovers(paths)
    db = None
    try:
        before = schema_version(paths.database) if paths.database.exists() else 0
        db = open_database(paths.database, paths.backups_dir)
        if 0 < before < latest_version():
            damage = check_database(paths.database, deep=False)   # what the migration could not see
            if damage is not None:
                raise DamagedDatabase(paths.database, damage)
        session = Session(paths=paths, db=db, secrets=secrets or SecretStore(), clock=clock or Clock()).activate()
        session.lock = lock
        session.problems = sync_campaigns(session, resource_path("campaigns"))
    except BaseException as exc:
        if db is not None:
            db.close()
        lock.release()
        if isinstance(exc, UserError) or not isinstance(exc, Exception):
            raise
        known = storage_error(exc, paths)
        if known is not None and known.code != "storage.damaged":
            raise known from exc
        # Whatever else makes opening fail is treated as damage: the restore is offered, the file kept as it is.
        log.exception("opening %s failed", paths.database)
        raise DamagedDatabase(paths.database, f"{type(exc).__name__}: {exc}") from exc
    log.info("workspace opened: %s", paths.root)
    return session
