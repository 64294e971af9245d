"""ServerConnectionDialog ("Kết nối cơ sở dữ liệu dùng chung của Sở"): which PostgreSQL server, database and account
this PC opens, and the shared folder of the files. The password goes to the OS keyring, never to a file; the
connection is checked before it is saved; the app opens it at the next start."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout)

from desktop_app.core.errors import UserError
from desktop_app.core.storage import engines
from desktop_app.core.storage.paths import user_config_dir

from .layout import fit_to_screen, scroll_contents
from .operations import OperationRunner


def check_connection(_session, url: str, password: str) -> str:
    """Sign in once with what was typed (an op for the runner: the window stays responsive meanwhile)."""
    db = engines.connect_postgres(url, password)
    try:
        return db.execute_sql("SELECT session_user").fetchone()[0]
    finally:
        db.close()


class ServerConnectionDialog(QDialog):
    def __init__(self, runner: OperationRunner, parent=None, config_dir=None, ask_folder=None):
        super().__init__(parent)
        self.runner = runner
        self.config_dir = config_dir or user_config_dir()
        self.ask_folder = ask_folder or (lambda: QFileDialog.getExistingDirectory(self, self.tr("Shared folder")))
        self.setWindowTitle(self.tr("Connect to the Sở's shared database"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("For a Sở Nội vụ with several officers: the receiving data lives on the Sở's "
                               "PostgreSQL server, the files in a shared folder. Your password is kept in "
                               "this computer's keyring, never in a file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setObjectName("host")
        self.host.setPlaceholderText("may-chu-snv")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("sothidua")
        self.database.setObjectName("database")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText("S:\\SoThiDua")
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("browse")
        browse.clicked.connect(lambda: self.folder.setText(self.ask_folder() or self.folder.text()))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Your account"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Shared folder of the files"), folder_row)
        layout.addLayout(form)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)   # a server's refusal takes 3–4 lines
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.forget_button = self.buttons.addButton(self.tr("Use this computer's folder again"),
                                                    QDialogButtonBox.ResetRole)
        self.buttons.accepted.connect(self.check_and_save)
        self.buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self.forget)
        layout.addWidget(self.buttons)
        saved = engines.saved_connection(self.config_dir)
        if saved is not None:
            parts = urlsplit(saved["database"])
            self.host.setText(parts.hostname or "")
            self.port.setValue(parts.port or 5432)
            self.database.setText(unquote(parts.path.lstrip("/")))
            self.user.setText(unquote(parts.username or ""))
            self.folder.setText(saved["data_dir"])
        fit_to_screen(self, scroll_contents(layout, keep_last=1), min_width=620)
        self.resize(620, self.height())

    def url(self) -> str:
        return engines.build_url(self.host.text(), self.port.value(), self.database.text(), self.user.text())

    def check_and_save(self) -> None:
        try:
            url = self.url()
        except UserError as exc:
            self.status.setText(str(exc))
            return
        if not self.folder.text().strip():
            self.status.setText(self.tr("Choose the shared folder of the files."))
            return
        self.status.setText(self.tr("Checking the connection…"))
        password = self.password.text()

        def saved(role: str) -> None:
            try:
                self.runner.session.secrets.set(engines.password_key(url), password)
                engines.save_connection(self.config_dir, url, self.folder.text().strip())
            except UserError as exc:
                self.status.setText(str(exc))
                return
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Connected as %1. The app opens the shared database at its next start.").replace("%1", role))
            self.accept()

        self.runner.run(check_connection, url, password, on_success=saved,
                        on_failure=lambda exc: self.status.setText(str(exc)), read=True)

    def forget(self) -> None:
        engines.forget_connection(self.config_dir)
        self.status.setText(self.tr("This computer opens its own data folder at the next start."))
