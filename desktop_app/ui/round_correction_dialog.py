"""CorrectionDialog: a correction of a locked round is a new version that points at it; the reason is required."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout

from desktop_app.core.errors import UserError
from desktop_app.core.nominations import rounds

from .operations import OperationRunner


class CorrectionDialog(QDialog):
    def __init__(self, runner: OperationRunner, round_, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.round = round_
        self.created = None
        self.setWindowTitle(self.tr("Correction of round %1").replace("%1", str(round_.number)))
        self.resize(520, 260)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Version %1 stays as it was sent. A new version %2 is made from it, which you can "
                               "edit; it records why it replaces the old one.")
                       .replace("%1", str(round_.version)).replace("%2", str(round_.version + 1)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason for the correction (required)")))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("correction_reason")
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.create_button = buttons.addButton(self.tr("Create version %1").replace("%1", str(round_.version + 1)),
                                               QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.create_button.setEnabled(False)
        self.runner.run(rounds.new_version, self.round.id, self.reason.toPlainText(), parent=self,
                        on_success=self._created, on_failure=self._failed)

    def _created(self, round_) -> None:
        self.created = round_
        self.accept()

    def _failed(self, error: UserError) -> None:
        self.create_button.setEnabled(True)
        if error.code == "rounds.correction_reason_required":
            self.error.setText(str(error))
            self.error.show()
        else:
            QMessageBox.warning(self, self.windowTitle(), str(error))
