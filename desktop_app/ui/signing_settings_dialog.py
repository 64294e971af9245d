"""SigningSettingsDialog ("Chữ ký số"): the token's PKCS#11 library (the usual drivers of the Vietnamese CAs offered
when installed), an optional timestamp server, the trusted root and intermediate certificates (installed from files
the Ban Cơ yếu Chính phủ or the province gives — never fetched), and the images the signatures show: the signer's
signature and the commune's seal (PNG with a transparent background, printed at their real size)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.errors import UserError
from desktop_app.core.register.communes import is_receiver
from desktop_app.core.signatures import certificates, records
from desktop_app.core.signatures.token import known_libraries

from .layout import fit_to_screen, scroll_contents
from .operations import OperationRunner


class SigningSettingsDialog(QDialog):
    def __init__(self, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.receiver = is_receiver(self.session)
        self.setWindowTitle(self.tr("Digital signatures"))
        layout = QVBoxLayout(self)

        if not self.receiver:
            token_box = QGroupBox(self.tr("USB token"))
            form = QFormLayout(token_box)
            row = QHBoxLayout()
            self.library_combo = QComboBox()
            self.library_combo.setObjectName("library_combo")
            self.library_combo.setEditable(True)
            self.library_combo.setMinimumWidth(420)
            for name, path in known_libraries():
                self.library_combo.addItem(f"{name} — {path}", path)
            current = records.signing_settings(self.session)
            self._set_library(current.library)
            row.addWidget(self.library_combo, 1)
            browse = QPushButton(self.tr("Choose file…"))
            browse.setObjectName("library_browse")
            browse.clicked.connect(self.choose_library)
            row.addWidget(browse)
            form.addRow(self.tr("Token driver (PKCS#11):"), row)
            hint = QLabel(self.tr("The driver is installed with the token (Ban Cơ yếu Chính phủ, VNPT-CA, "
                                  "Viettel-CA, …); it is a .dll file, usually in C:\\Windows\\System32. The PIN is "
                                  "asked each time you sign and is never stored."))
            hint.setWordWrap(True)
            form.addRow(hint)
            self.tsa_edit = QLineEdit(current.tsa_url)
            self.tsa_edit.setObjectName("tsa_edit")
            self.tsa_edit.setPlaceholderText(self.tr("empty: sign offline (PAdES B-B)"))
            form.addRow(self.tr("Timestamp server (optional):"), self.tsa_edit)
            layout.addWidget(token_box)

        roots_box = QGroupBox(self.tr("Trusted root certificates"))
        roots = QVBoxLayout(roots_box)
        intro = QLabel(self.tr("Signatures are trusted only when their certificate leads to a root installed here "
                               "(the Ban Cơ yếu Chính phủ's root, given by the province as a .cer/.crt file). "
                               "Nothing is downloaded."))
        intro.setWordWrap(True)
        roots.addWidget(intro)
        self.roots_table = QTableWidget(0, 3)
        self.roots_table.setObjectName("roots_table")
        self.roots_table.setHorizontalHeaderLabels([self.tr("Certificate"), self.tr("Kind"), self.tr("Valid until")])
        self.roots_table.verticalHeader().setVisible(False)
        self.roots_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.roots_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.roots_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.roots_table.horizontalHeader().setStretchLastSection(True)
        self.roots_table.setColumnWidth(0, 360)
        self.roots_table.setColumnWidth(1, 110)
        self.roots_table.setMinimumHeight(100)
        roots.addWidget(self.roots_table)
        buttons_row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Install a root certificate…"))
        self.import_button.setObjectName("import_root_button")
        self.import_button.clicked.connect(lambda: self.import_root())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_root_button")
        self.remove_button.clicked.connect(self.remove_root)
        buttons_row.addWidget(self.import_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch()
        roots.addLayout(buttons_row)
        layout.addWidget(roots_box)

        if not self.receiver:
            images_box = QGroupBox(self.tr("Images on the signed document (NĐ 30/2020, Phụ lục I)"))
            grid = QFormLayout(images_box)
            sig_row = QHBoxLayout()
            self.person_edit = QLineEdit()
            self.person_edit.setObjectName("person_edit")
            self.person_edit.setPlaceholderText(self.tr("signer's name as on the certificate"))
            sig_row.addWidget(self.person_edit, 1)
            self.signature_mm = QSpinBox()
            self.signature_mm.setRange(10, 80)
            self.signature_mm.setValue(records.DEFAULT_SIGNATURE_MM)
            self.signature_mm.setSuffix(" mm")
            sig_row.addWidget(self.signature_mm)
            self.signature_button = QPushButton(self.tr("Signature image…"))
            self.signature_button.setObjectName("signature_image_button")
            self.signature_button.clicked.connect(lambda: self.choose_image("signature"))
            sig_row.addWidget(self.signature_button)
            grid.addRow(self.tr("Signature (blue, transparent PNG):"), sig_row)
            seal_row = QHBoxLayout()
            self.seal_mm = QSpinBox()
            self.seal_mm.setRange(10, 80)
            self.seal_mm.setValue(records.DEFAULT_SEAL_MM)
            self.seal_mm.setSuffix(" mm")
            self.seal_mm.setToolTip(self.tr("The seal's real diameter: it is printed at this size."))
            seal_row.addWidget(QLabel(self.tr("diameter")))
            seal_row.addWidget(self.seal_mm)
            self.seal_button = QPushButton(self.tr("Seal image…"))
            self.seal_button.setObjectName("seal_image_button")
            self.seal_button.clicked.connect(lambda: self.choose_image("seal"))
            seal_row.addWidget(self.seal_button)
            seal_row.addStretch()
            grid.addRow(self.tr("Seal (red, transparent PNG):"), seal_row)
            self.images_label = QLabel()
            self.images_label.setObjectName("images_label")
            self.images_label.setWordWrap(True)
            grid.addRow(self.images_label)
            self.preview = QHBoxLayout()
            grid.addRow(self.preview)
            layout.addWidget(images_box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close if not self.receiver
                                        else QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.reject)
        save = self.buttons.button(QDialogButtonBox.Save)
        if save is not None:
            save.setObjectName("save_button")
            save.clicked.connect(self.save)
        layout.addWidget(self.buttons)
        scroll = scroll_contents(layout, keep_last=1)
        fit_to_screen(self, scroll, min_width=720)
        self.reload()

    # ------------------------------------------------------------------------------------------------

    def _set_library(self, path: str) -> None:
        if not path:
            self.library_combo.setCurrentIndex(0 if self.library_combo.count() else -1)
            return
        index = self.library_combo.findData(path)
        if index < 0:
            self.library_combo.addItem(path, path)
            index = self.library_combo.count() - 1
        self.library_combo.setCurrentIndex(index)

    def library(self) -> str:
        data = self.library_combo.currentData()
        text = self.library_combo.currentText().strip()
        return data if data and self.library_combo.itemText(self.library_combo.currentIndex()) == text else text

    def choose_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Token driver"), "C:\\Windows\\System32",
                                              self.tr("PKCS#11 library (*.dll *.so *.dylib)"))
        if path:
            self._set_library(path)

    def reload(self) -> None:
        rows = certificates.trusted_certificates(self.session)
        self.roots_table.setRowCount(len(rows))
        kinds = {"root": self.tr("root"), "intermediate": self.tr("intermediate")}
        for i, r in enumerate(rows):
            for col, text in enumerate((r.subject, kinds.get(r.kind, r.kind), r.not_after[:10])):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, r.sha256)
                item.setToolTip(f"SHA-256: {r.sha256}\n{r.source}")
                self.roots_table.setItem(i, col, item)
        if not self.receiver:
            images = records.signature_images(self.session)
            names = [self.tr("seal (%1 mm)").replace("%1", str(i.width_mm)) if i.kind == "seal"
                     else self.tr("signature of %1 (%2 mm)").replace("%1", i.person or self.tr("any signer"))
                     .replace("%2", str(i.width_mm)) for i in images]
            self.images_label.setText(self.tr("Stored: %1").replace("%1", ", ".join(names)) if names
                                      else self.tr("No image stored yet: the signature shows its text only."))
            while self.preview.count():
                w = self.preview.takeAt(0).widget()
                if w is not None:
                    w.deleteLater()
            for img in images:
                pix = QPixmap()
                pix.loadFromData(img.png)
                label = QLabel()
                label.setPixmap(pix.scaledToHeight(60, Qt.SmoothTransformation))
                label.setToolTip(img.person or img.kind)
                self.preview.addWidget(label)
            self.preview.addStretch()

    def import_root(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Root certificate"), "",
                                                  self.tr("Certificates (*.cer *.crt *.pem *.der)"))
            if not path:
                return
        self.runner.run(certificates.import_certificates, path, on_success=lambda _i: self.reload(),
                        on_failure=self._failed)

    def remove_root(self) -> None:
        rows = self.roots_table.selectionModel().selectedRows()
        if not rows:
            return
        sha = self.roots_table.item(rows[0].row(), 0).data(Qt.UserRole)
        name = self.roots_table.item(rows[0].row(), 0).text()
        if QMessageBox.question(self, self.windowTitle(), self.tr("Stop trusting “%1”? Signatures that lead to it "
                                                                  "will show as not trusted.").replace("%1", name)) \
                != QMessageBox.Yes:
            return
        self.runner.run(certificates.remove_trusted_certificate, sha, on_success=lambda _r: self.reload(),
                        on_failure=self._failed)

    def choose_image(self, kind: str, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Image"), "", self.tr("PNG image (*.png)"))
            if not path:
                return
        if kind == "seal":
            self.runner.run(records.save_signature_image, "seal", path, self.seal_mm.value(),
                            on_success=lambda _r: self.reload(), on_failure=self._failed)
        else:
            self.runner.run(records.save_signature_image, "signature", path, self.signature_mm.value(),
                            person=self.person_edit.text(), on_success=lambda _r: self.reload(),
                            on_failure=self._failed)

    def save(self) -> None:
        self.runner.run(records.save_signing_settings, self.library(), self.tsa_edit.text(),
                        on_success=lambda _r: self.accept(), on_failure=self._failed)

    def _failed(self, exc: UserError) -> None:
        QMessageBox.warning(self, self.windowTitle(), str(exc))
