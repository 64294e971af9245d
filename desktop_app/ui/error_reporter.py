"""One place where errors reach the user: UserError → a Vietnamese message; anything else → the crash dialog.

The crash dialog's module loads when it is first needed (its widgets are not part of the start)."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.core.errors import UserCancelled, UserError

log = logging.getLogger(__name__)


class ErrorReporter:
    """Installed as sys.excepthook while the window runs (Qt slots raising end up here)."""

    def __init__(self, log_path: Path | None):
        self.log_path = log_path
        self.showing = False

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, exc_type, exc, tb) -> None:
        if isinstance(exc, UserCancelled):
            return
        parent = QApplication.activeWindow()
        if isinstance(exc, UserError):
            log.info("user error: %s", exc)
            QMessageBox.warning(parent, QApplication.translate("ErrorReporter", "Cannot continue"), str(exc))
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", details)
        if self.showing:  # an error inside the crash dialog must not loop
            return
        self.showing = True
        try:
            from .crash_dialog import CrashDialog

            CrashDialog(details, self.log_path, parent).exec()
        finally:
            self.showing = False
