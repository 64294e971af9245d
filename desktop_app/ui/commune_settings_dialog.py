"""CommuneSettingsDialog: the commune's identity used on every document and packet (first run, and later)."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QVBoxLayout)

from desktop_app.core.errors import ValidationError
from desktop_app.core.register import communes as core
from desktop_app.core.vocabulary import RECEIVING_LEVELS

from .forms import DraftFormDialog, FieldErrors, set_widget_value, widget_value
from .operations import OperationRunner


class CommuneSettingsDialog(DraftFormDialog):
    def __init__(self, runner: OperationRunner, draft_values: dict | None = None, parent=None, first_run=False):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.commune = commune = self.session.home_commune()
        self.setWindowTitle(self.tr("Commune information"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(self.tr("Welcome to Sổ Thi đua. Enter your commune's information once; "
                                   "it appears on every document you print and every packet you send."))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.errors = FieldErrors(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = {}
        self.fields["name"] = self.errors.add_row(form, self.tr("Commune name"), "name",
                                                  QLineEdit(placeholderText=self.tr("e.g. Thượng Quan")))
        self.fields["admin_code"] = self.errors.add_row(form, self.tr("Administrative code"), "admin_code", QLineEdit())
        self.fields["province"] = self.errors.add_row(form, self.tr("Province"), "province", QLineEdit())
        level = QComboBox()
        for term in RECEIVING_LEVELS:
            level.addItem(term.name, term.code)
        self.fields["receiving_level"] = self.errors.add_row(form, self.tr("Receiving level"), "receiving_level", level)
        self.fields["receiving_authority"] = self.errors.add_row(
            form, self.tr("Receiving authority"), "receiving_authority",
            QLineEdit(placeholderText=self.tr("e.g. Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)")))
        self.fields["chairman_name"] = self.errors.add_row(form, self.tr("Chairman of the commune"), "chairman_name",
                                                           QLineEdit())
        self.fields["doc_prefix"] = self.errors.add_row(form, self.tr("Document number suffix"), "doc_prefix",
                                                        QLineEdit(placeholderText="UBND"))
        if commune is not None and commune.former_codes:
            layout.addWidget(QLabel(self.tr("Former administrative codes: %1").replace(
                "%1", ", ".join(commune.former_codes))))
        stored = {key: getattr(commune, key) for key in self.fields} if commune is not None else {
            "doc_prefix": "UBND", "receiving_level": "so_noi_vu"}
        self.finish_form(layout, "commune_settings", stored, draft_values)
        self.became_receiver = False
        if first_run:
            # The receiving level (Sở Nội vụ) installs the same program: one click instead of a command line.
            receiver = self.buttons.addButton(self.tr("This computer receives dossiers (upper level)…"),
                                              QDialogButtonBox.ActionRole)
            receiver.setObjectName("become_receiver")
            # clicked(bool) would pass its `checked` argument as `confirmed`: call without it.
            receiver.clicked.connect(lambda: self.become_receiver())

    def become_receiver(self, confirmed: bool | None = None) -> None:
        """Make this workspace a receiving workspace (no commune of its own; it receives packets)."""
        if confirmed is None:
            confirmed = QMessageBox.question(self, self.tr("Receive dossiers"), self.tr(
                "This data folder will receive the communes' dossier packets and will not keep a commune's own "
                "register. Continue?")) == QMessageBox.Yes
        if not confirmed:
            return
        self.autosave.stop()
        self.runner.run(core.make_receiver_workspace, parent=self, on_success=self._became_receiver)

    def _became_receiver(self, _result) -> None:
        self.became_receiver = True
        self.autosave.discard()
        self.accept()

    def values(self) -> dict:
        return {key: widget_value(widget) for key, widget in self.fields.items()}

    def draft_payload(self) -> dict:
        return {"form": "commune_settings", "values": self.values()}

    def load(self, values: dict) -> None:
        for key, value in values.items():
            if key in self.fields:
                set_widget_value(self.fields[key], value)

    def save(self) -> None:
        try:
            core.validate_commune_settings(self.values())
        except ValidationError as error:
            self.errors.show(error)
            return
        self.errors.clear()
        # The key code (cryptography) loads when the commune is saved, not with the main window's menus.
        from desktop_app.core.exchange.keys import save_commune_and_key

        self.submit(save_commune_and_key, self.values())

    @property
    def saved_commune(self):
        return self.saved_result

    def reject(self) -> None:
        # Keep the draft if the officer closes the first-run form half filled: it comes back next time.
        self.autosave.save_now()
        QDialog.reject(self)
