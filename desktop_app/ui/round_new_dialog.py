"""NewRoundDialog: a new nomination round (đợt đề nghị) — campaign, date and title."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QVBoxLayout

from desktop_app.core.dates import DateParseError, format_vn_date, parse_vn_date
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import rounds
from desktop_app.core.register import campaigns

from .forms import FieldErrors, date_edit
from .operations import OperationRunner


class NewRoundDialog(QDialog):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.created = None
        self.setWindowTitle(self.tr("New nomination round"))
        self.setMinimumWidth(560)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.campaign = QComboBox()
        for c in campaigns.list_campaigns(self.session):
            self.campaign.addItem(campaigns.label(c), c.id)
        self.errors.add_row(form, self.tr("Emulation movement"), "campaign", self.campaign)
        self.date = date_edit()
        self.date.setText(format_vn_date(self.session.clock.today()))
        self.errors.add_row(form, self.tr("Date of the round"), "round_date", self.date)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Proposal for the digital transformation movement 2022–2025"))
        self.errors.add_row(form, self.tr("Title"), "title", self.title)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def save(self) -> None:
        self.errors.clear()
        try:
            when = parse_vn_date(self.date.text())
        except DateParseError as error:
            self.errors.show(ValidationError({"round_date": error.code}, {"round_date": error.params}))
            return
        if when is None:
            self.errors.show(ValidationError({"round_date": "field.required"}))
            return
        if self.campaign.currentData() is None:
            self.errors.show(ValidationError({"campaign": "field.required"}))
            return
        self.buttons.setEnabled(False)
        self.runner.run(rounds.create_round, self.campaign.currentData(), when, self.title.text(), parent=self,
                        on_success=self._created, on_failure=self._failed)

    def _created(self, round_) -> None:
        self.created = round_
        self.accept()

    def _failed(self, error: UserError) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), str(error))
