"""The crash dialog: what went wrong, to copy or to save on the USB stick (shown by ui/error_reporter.py)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout)

from desktop_app import __version__
from desktop_app.core.errors import UserError

from .layout import fit_to_screen


class CrashDialog(QDialog):
    """What went wrong, with the two things an officer can do with it: copy it (to paste in a message) or save
    it as a file on the USB stick for whoever supports the software."""

    def __init__(self, details: str, log_path: Path | None, parent=None, drives=None):
        super().__init__(parent)
        self.log_path = log_path
        self._drives = drives
        self.report_path: Path | None = None
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
            path_label.setTextFormat(Qt.PlainText)
            path_label.setWordWrap(True)
            path_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            layout.addWidget(path_label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        self.result_label = QLabel()
        self.result_label.setObjectName("report_result")
        self.result_label.setTextFormat(Qt.PlainText)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ActionRole)
        self.copy_button.setObjectName("copy_details")
        self.save_button = buttons.addButton(self.tr("Save the error report to USB…"), QDialogButtonBox.ActionRole)
        self.save_button.setObjectName("save_report")
        close = buttons.addButton(QDialogButtonBox.Close)
        close.setDefault(True)
        self.copy_button.setAutoDefault(False)
        self.save_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        self.save_button.clicked.connect(self.save_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, min_width=620)

    def copy_details(self) -> None:
        text = self.details.toPlainText()
        if self.log_path is not None:
            text = self.tr("Log file: %1").replace("%1", str(self.log_path)) + "\n\n" + text
        QApplication.clipboard().setText(text)
        self.result_label.setText(self.tr("Copied. Paste it (Ctrl+V) into a message to the person who supports "
                                          "the software."))

    def report_folder(self) -> str | None:
        """The USB stick when exactly one is plugged in; otherwise the officer chooses the folder."""
        # Loaded when asked for: the crash dialog's module is imported at every start, the packet code is not.
        from desktop_app.core.exchange.packets.drives import list_removable_drives

        drives = list_removable_drives() if self._drives is None else self._drives
        if len(drives) == 1:
            return drives[0].path
        start = drives[0].path if drives else ""
        return QFileDialog.getExistingDirectory(self, self.tr("Choose where to save the error report"), start) or None

    def save_report(self) -> None:
        folder = self.report_folder()
        if not folder:
            return
        from desktop_app.core.storage.error_report import write_error_report

        try:
            self.report_path = write_error_report(folder, self.details.toPlainText(), self.log_path,
                                                  version=__version__)
        except UserError as error:
            self.result_label.setText(self.tr("The error report was not saved: %1").replace("%1", str(error)))
            return
        except OSError as error:  # the stick pulled out between the listing and the write
            self.result_label.setText(self.tr("The error report was not saved: %1")
                                      .replace("%1", error.strerror or str(error)))
            return
        self.result_label.setText(self.tr("The error report was saved: %1\nGive this file to the person who "
                                          "supports the software.").replace("%1", str(self.report_path)))
