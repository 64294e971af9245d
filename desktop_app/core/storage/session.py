"""Opening a workspace: folders, log file, database (migrated), campaigns from resources."""
from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass, field

import peewee

from ..errors import UserError
from ..register.campaigns import CampaignLoadProblem, sync_campaigns
from ..resources import resource_path
from .database import open_database
from .paths import Workspace, workspace_for

log = logging.getLogger(__name__)


@dataclass
class OpenWorkspace:
    """A workspace in use: its folders and its open database. Close it when done."""

    paths: Workspace
    db: peewee.SqliteDatabase
    problems: list[CampaignLoadProblem] = field(default_factory=list)

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()


def setup_logging(paths: Workspace) -> None:
    root = logging.getLogger()
    target = str(paths.log_file)
    if any(getattr(h, "baseFilename", None) == target for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_workspace(data_dir: str | os.PathLike | None, *, log_to_file: bool = True) -> OpenWorkspace:
    paths = workspace_for(data_dir)
    try:
        paths.ensure()
    except OSError as exc:
        raise UserError("workspace.not_writable", path=str(paths.root), detail=exc.strerror or str(exc)) from exc
    if log_to_file:
        setup_logging(paths)
    db = open_database(paths.database, paths.backups_dir)
    problems = sync_campaigns(resource_path("campaigns"))
    log.info("workspace opened: %s", paths.root)
    return OpenWorkspace(paths=paths, db=db, problems=problems)
