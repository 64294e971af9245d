"""Where a workspace's files live: the user's data folder (overridable with --data-dir) and the layout inside it."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "SoThiDua"


def user_config_dir() -> Path:
    """This user's settings of the app on this PC (the saved connection to a shared database)."""
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def default_data_dir() -> Path:
    """The per-user workspace: %LOCALAPPDATA%\\SoThiDua on Windows, the XDG data home elsewhere."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class WorkspacePaths:
    """All files of one workspace live under `root`, so a whole workspace can sit on a USB stick."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "sothidua.sqlite3"

    @property
    def evidence_dir(self) -> Path:
        return self.root / "evidence"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def log_file(self) -> Path:
        return self.logs_dir / "sothidua.log"

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    @property
    def inbox_dir(self) -> Path:
        return self.root / "inbox"

    @property
    def outbox_dir(self) -> Path:
        """A copy of every packet this commune sent, to send again if a stick is lost."""
        return self.root / "outbox"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    def ensure(self) -> "WorkspacePaths":
        for d in (self.root, self.evidence_dir, self.backups_dir, self.logs_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self


def workspace_for(data_dir: str | os.PathLike | None) -> WorkspacePaths:
    return WorkspacePaths(Path(data_dir).expanduser().resolve() if data_dir else default_data_dir())
