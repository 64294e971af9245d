"""One place where errors reach the user: UserError → a Vietnamese message; anything else → the crash dialog."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout

from desktop_app.core.errors import UserCancelled, UserError

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        text = self.tr("Sổ Thi đua met an unexpected error. Your saved data is safe; the form you were typing "
                       "is kept as a draft. Please send the details below and the log file to the person who "
                       "supports the software.")
        message = QLabel(text)
        message.setWordWrap(True)
        layout.addWidget(message)
        if log_path is not None:
            path_label = QLabel(self.tr("Log file: %1").replace("%1", str(log_path)))
            path_label.setObjectName("log_path")
            path_label.setTextInteractionFlags(path_label.textInteractionFlags() | path_label.textInteractionFlags().TextSelectableByMouse)
            layout.addWidget(path_label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


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
            CrashDialog(details, self.log_path, parent).exec()
        finally:
            self.showing = False
