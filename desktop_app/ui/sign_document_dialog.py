"""SignDocumentDialog: sign an issued document with the officer's USB token — the person with authority first, then
the văn thư adds the organisation's signature. The PIN is typed here, used for one login and cleared; it is never
stored. The token's certificates are listed after the PIN (many tokens show them only then)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.dates import format_vn_date
from desktop_app.core.errors import UserError
from desktop_app.core.signatures import signing
from desktop_app.core.signatures.token import library_label

from .layout import fit_to_screen, scroll_contents
from .operations import OperationRunner


class SignDocumentDialog(QDialog):
    def __init__(self, runner: OperationRunner, document: signing.SignableDocument, document_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.document = document
        self.role = document.next_role
        self.contents = None
        self.outcome = None
        self.busy = False
        self.setWindowTitle(self.tr("Digital signature"))
        settings = signing.signing_settings(self.session)
        self.library = settings.library

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("%1 No. %2 — %3 PDF file(s) to sign").replace("%1", document_name)
                       .replace("%2", document.number_text).replace("%3", str(len(document.pdf_names))))
        title.setObjectName("sign_title")
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold")
        layout.addWidget(title)
        if self.role == signing.PERSONAL:
            who = self.tr("Signature of the person with authority (the chairman or a deputy chairman). It comes "
                          "first; the records officer (văn thư) adds the commune's signature after it.")
        else:
            who = self.tr("Signature of the commune (the “seal”), added by the records officer (văn thư) after the "
                          "person with authority has signed. Use the organisation's certificate.")
        self.role_label = QLabel(who)
        self.role_label.setObjectName("role_label")
        self.role_label.setWordWrap(True)
        layout.addWidget(self.role_label)
        if document.signatures:
            done = "\n".join(self.tr("Already signed by %1 at %2").replace("%1", s.signer_name)
                             .replace("%2", s.signed_at) for s in document.signatures)
            previous = QLabel(done)
            previous.setWordWrap(True)
            layout.addWidget(previous)

        form = QFormLayout()
        lib_text = (f"{library_label(self.library)} — {self.library}" if self.library
                    else self.tr("not chosen: Settings › Digital signatures…"))
        self.library_label = QLabel(lib_text)
        self.library_label.setObjectName("library_label")
        self.library_label.setWordWrap(True)
        self.library_label.setTextFormat(Qt.PlainText)
        form.addRow(self.tr("Token driver:"), self.library_label)
        pin_row = QHBoxLayout()
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pin_edit")
        self.pin_edit.setEchoMode(QLineEdit.Password)
        self.pin_edit.setMaxLength(64)
        self.pin_edit.setPlaceholderText(self.tr("the token's PIN (never stored)"))
        self.pin_edit.returnPressed.connect(self.read_token)
        self.pin_edit.textChanged.connect(self._update)
        pin_row.addWidget(self.pin_edit, 1)
        self.read_button = QPushButton(self.tr("Read the token"))
        self.read_button.setObjectName("read_button")
        self.read_button.clicked.connect(self.read_token)
        pin_row.addWidget(self.read_button)
        form.addRow(self.tr("PIN:"), pin_row)
        layout.addLayout(form)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("certificate_table")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"), self.tr("Valid until"),
                                              self.tr("Issued by")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 190)
        self.table.setColumnWidth(2, 150)
        self.table.setMinimumHeight(130)
        self.table.itemSelectionChanged.connect(self._update)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self.tr("Plug in the token, type its PIN and press “Read the token”."))
        self.status.setObjectName("sign_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("Sign"), QDialogButtonBox.AcceptRole)
        self.sign_button.setObjectName("sign_button")
        self.sign_button.clicked.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        scroll = scroll_contents(layout, keep_last=1)
        fit_to_screen(self, scroll, min_width=700)
        self._update()

    # ------------------------------------------------------------------------------------------------

    def selected_certificate(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.contents is None:
            return None
        return self.contents.certificates[rows[0].row()]

    def _update(self) -> None:
        has_pin = bool(self.pin_edit.text())
        self.read_button.setEnabled(has_pin and not self.busy and bool(self.library))
        self.sign_button.setEnabled(has_pin and not self.busy and self.selected_certificate() is not None)
        self.pin_edit.setEnabled(not self.busy)

    def read_token(self) -> None:
        if self.busy or not self.pin_edit.text():
            return
        self.busy = True
        self.status.setText(self.tr("Reading the token…"))
        self._update()
        self.runner.run(signing.read_token, self.pin_edit.text(), read=True, on_success=self._listed,
                        on_failure=self._failed)

    def _listed(self, contents) -> None:
        self.busy = False
        self.contents = contents
        self.table.setRowCount(len(contents.certificates))
        today = self.session.clock.now()
        for row, cert in enumerate(contents.certificates):
            info = cert.info
            expired = info.not_after < today
            until = format_vn_date(info.not_after.date()) + (self.tr(" (expired)") if expired else "")
            if not info.can_sign:
                until += self.tr(" (not for signing)")
            for col, text in enumerate((info.name, info.organisation, until, info.issuer)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        if not contents.certificates:
            self.status.setText(self.tr("The token holds no certificate that can sign."))
        else:
            self.status.setText(self.tr("Token “%1”: choose the certificate and press “Sign”.")
                                .replace("%1", contents.token_label))
            self.table.selectRow(self._best_row(contents))
        self._update()

    def _best_row(self, contents) -> int:
        """Preselect a certificate that may sign now: the organisation's for the seal, a person's for the personal
        signature."""
        now = self.session.clock.now()
        usable = [i for i, c in enumerate(contents.certificates) if c.info.can_sign and c.info.valid_at(now)]
        for i in usable:
            info = contents.certificates[i].info
            is_org = bool(info.organisation) and info.name == info.organisation
            if is_org == (self.role == signing.ORGANISATION):
                return i
        return usable[0] if usable else 0

    def sign(self) -> None:
        cert = self.selected_certificate()
        if cert is None or self.busy:
            return
        self.busy = True
        self._update()
        self.status.setText(self.tr("Signing…"))
        serial = self.contents.serial if self.contents is not None else ""
        self.runner.run(signing.sign_issued_document, self.document.document_id, role=self.role,
                        pin=self.pin_edit.text(), cka_id=cert.cka_id, serial=serial,
                        progress=self.tr("Signing the document…"), parent=self,
                        on_success=self._signed, on_failure=self._failed, on_cancelled=self._cancelled)

    def _signed(self, outcome) -> None:
        self.busy = False
        self.outcome = outcome
        self.pin_edit.clear()
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.busy = False
        self.status.setText(str(exc))
        QMessageBox.warning(self, self.tr("Digital signature"), str(exc))
        self.pin_edit.selectAll()
        self._update()

    def _cancelled(self) -> None:
        self.busy = False
        self.status.setText(self.tr("Cancelled: nothing was signed."))
        self._update()

    def done(self, result: int) -> None:
        self.pin_edit.clear()          # the PIN lives only as long as the dialog, and not in a draft
        super().done(result)
