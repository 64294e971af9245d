"""KeySettingsDialog: the commune's signing key — fingerprint, passphrase-protected backup, restore, rotation."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import keys
from desktop_app.core.register.communes import commune_code_of

from .operations import OperationRunner


class PassphraseDialog(QDialog):
    """Asks a passphrase (twice when creating a backup)."""

    def __init__(self, title: str, confirm: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("Passphrase:"), self.first)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.Password)
        if confirm:
            form.addRow(self.tr("Repeat it:"), self.second)
            hint = QLabel(self.tr("At least 8 characters. Write it down and keep it apart from the backup file: "
                                  "without it the backup cannot be opened."))
            hint.setWordWrap(True)
            form.addRow(hint)
        self.confirm = confirm
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def check(self) -> None:
        if self.confirm and self.first.text() != self.second.text():
            QMessageBox.warning(self, self.windowTitle(), self.tr("The two passphrases differ."))
            return
        self.accept()

    def passphrase(self) -> str:
        return self.first.text()


class KeySettingsDialog(QDialog):
    def __init__(self, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signing key of the commune"))
        self.setMinimumWidth(620)
        self.runner = runner
        self.session = runner.session
        self.commune = self.session.home_commune()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Packets sent to the receiving level are signed with the commune's key. The key is kept in the "
            "operating system's keyring on this computer only. Its fingerprint is printed on the Tờ trình so the "
            "receiving level can compare it on paper."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setWordWrap(True)
        font = QFont("Liberation Mono")
        font.setPointSize(13)
        font.setBold(True)
        self.fingerprint.setFont(font)
        layout.addWidget(self.fingerprint)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Create the key now"))
        self.backup_button = QPushButton(self.tr("Back up the key…"))
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.rotate_button = QPushButton(self.tr("Change the key…"))
        for b in (self.create_button, self.backup_button, self.restore_button, self.rotate_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.create_button.clicked.connect(lambda: self._guard(self.create_key))
        self.backup_button.clicked.connect(lambda: self._guard(self.ask_backup))
        self.restore_button.clicked.connect(lambda: self._guard(self.ask_restore))
        self.rotate_button.clicked.connect(lambda: self._guard(self.ask_rotate))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _guard(self, func) -> None:
        try:
            func()
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            self.refresh()

    @property
    def code(self) -> str:
        return commune_code_of(self.commune)

    def refresh(self) -> None:
        try:
            info = keys.commune_key_info(self.session.secrets, self.code)
        except UserError as error:
            self.fingerprint.setText("")
            self.status.setText(str(error))
            for b in (self.create_button, self.backup_button, self.rotate_button):
                b.setEnabled(False)
            return
        if info is None:
            self.fingerprint.setText(self.tr("No key yet."))
            self.status.setText(self.tr("The key is created at the first export, or now with the button below. "
                                        "If this commune already had a key on another computer, restore its backup "
                                        "instead."))
        else:
            self.fingerprint.setText(info.fingerprint_display)
            self.status.setText(self.tr("Back up the key onto a USB stick and keep it locked away: if this "
                                        "computer breaks, the backup lets the commune keep its key."))
        self.create_button.setEnabled(info is None)
        self.backup_button.setEnabled(info is not None)
        self.rotate_button.setEnabled(info is not None)

    # --- actions (on the operation runner: the keyring and scrypt can take a while) -------------------------
    def _run(self, op, *args, on_success=None, on_failure=None, **kwargs) -> None:
        def done(result) -> None:
            self.refresh()
            if on_success is not None:
                on_success(result)

        self.runner.run(op, *args, parent=self, on_success=done, on_failure=on_failure, **kwargs)

    def create_key(self) -> None:
        self._run(keys.create_key, self.code)

    def backup_to(self, path: str | Path, passphrase: str) -> None:
        self._run(keys.back_up_key, self.code, str(path), passphrase, on_success=lambda written: self.status.setText(
            self.tr("Backup written: %1").replace("%1", str(written))))

    def restore_from(self, path: str | Path, passphrase: str, replace: bool = False) -> None:
        def failed(error: UserError) -> None:
            if error.code == "keys.restore_would_replace" and not replace and QMessageBox.question(
                    self, self.windowTitle(), str(error)) == QMessageBox.Yes:
                self.restore_from(path, passphrase, replace=True)
            elif error.code != "keys.restore_would_replace" or replace:
                QMessageBox.warning(self, self.windowTitle(), str(error))
            self.refresh()

        self._run(keys.restore_key, self.code, str(path), passphrase, replace=replace, on_failure=failed)

    def rotate(self) -> None:
        self._run(keys.rotate_key, self.code)

    def ask_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the key backup"),
                                              f"khoa-ky-xa-{self.code}.pem", self.tr("Key backup (*.pem)"))
        if not path:
            return
        dialog = PassphraseDialog(self.tr("Passphrase for the backup"), True, self)
        if dialog.exec():
            self.backup_to(path, dialog.passphrase())

    def ask_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a key backup"), "", self.tr("Key backup (*.pem)"))
        if not path:
            return
        dialog = PassphraseDialog(self.tr("Passphrase of the backup"), False, self)
        if not dialog.exec():
            return
        self.restore_from(path, dialog.passphrase())

    def ask_rotate(self) -> None:
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Create a new key? The next packet carries an announcement signed by the current key, so the receiving "
            "level accepts the new key. Print the new fingerprint on the next Tờ trình and make a new backup."))
        if answer == QMessageBox.Yes:
            self.rotate()
