"""Opening a workspace: its folders, its database (migrated), the campaigns shipped in resources/ — the one
function a composition root (app.py, cli.py, a test fixture) calls to get a Session."""
from __future__ import annotations

import logging
import os

from .errors import UserError
from .register.campaigns import sync_campaigns
from .resources import resource_path
from .storage.database import open_database
from .storage.paths import workspace_for
from .storage.secrets import SecretStore
from .storage.session import Clock, Session

log = logging.getLogger(__name__)


def open_workspace(data_dir: str | os.PathLike | None, *, secrets: SecretStore | None = None,
                   clock: Clock | None = None) -> Session:
    """Open (creating it where needed) the workspace in `data_dir` (None: the user's data folder)."""
    paths = workspace_for(data_dir)
    try:
        paths.ensure()
    except OSError as exc:
        raise UserError("workspace.not_writable", path=str(paths.root), detail=exc.strerror or str(exc)) from exc
    db = open_database(paths.database, paths.backups_dir)
    session = Session(paths=paths, db=db, secrets=secrets or SecretStore(), clock=clock or Clock()).activate()
    session.problems = sync_campaigns(session, resource_path("campaigns"))
    log.info("workspace opened: %s", paths.root)
    return session
