"""EditAwardDialog: one entry of a participant's award history (title, award form, rating or initiative)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout

from desktop_app.core.errors import ValidationError
from desktop_app.core.register import awards as core
from desktop_app.core.vocabulary import AWARD_CATEGORIES, AWARD_CODES_BY_CATEGORY, COMMENDATION_TYPES

from .forms import DraftFormDialog, FieldErrors, date_edit, set_widget_value, widget_value
from .operations import OperationRunner


class EditAwardDialog(DraftFormDialog):
    def __init__(self, runner: OperationRunner, participant, award=None, draft_values: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.participant = participant
        self.award = award
        self.setWindowTitle(self.tr("Award history of %1").replace("%1", participant.name))
        self.setMinimumWidth(480)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = {}
        category = QComboBox()
        for term in AWARD_CATEGORIES:
            category.addItem(term.name, term.code)
        self.fields["category"] = self.errors.add_row(form, self.tr("Kind"), "category", category)
        self.code_box = QComboBox()
        self.fields["code"] = self.errors.add_row(form, self.tr("Title / form"), "code", self.code_box)
        category.currentIndexChanged.connect(self._fill_codes)
        self._fill_codes()
        year = QLineEdit()
        year.setMaxLength(4)
        self.fields["year"] = self.errors.add_row(form, self.tr("Year"), "year", year)
        self.fields["decision_number"] = self.errors.add_row(form, self.tr("Decision number"), "decision_number",
                                                             QLineEdit(placeholderText="12/QĐ-UBND"))
        self.fields["decision_date"] = self.errors.add_row(form, self.tr("Decision date"), "decision_date", date_edit())
        self.fields["issuer"] = self.errors.add_row(form, self.tr("Issued by"), "issuer", QLineEdit())
        award_type = QComboBox()
        for term in COMMENDATION_TYPES:
            award_type.addItem(term.name, term.code)
        self.fields["award_type"] = self.errors.add_row(form, self.tr("Award type"), "award_type", award_type)
        self.fields["note"] = self.errors.add_row(form, self.tr("Note"), "note", QLineEdit())
        key = f"award:{award.id}" if award else f"award:new:{participant.id}"
        self.finish_form(layout, key, core.award_form_values(award) if award else None, draft_values)

    def _fill_codes(self) -> None:
        category = self.fields["category"].currentData()
        self.code_box.clear()
        for term in AWARD_CODES_BY_CATEGORY.get(category, ()):
            self.code_box.addItem(term.name, term.code)

    def values(self) -> dict:
        return {key: widget_value(widget) for key, widget in self.fields.items()}

    def draft_payload(self) -> dict:
        return {"form": "award", "participant_id": self.participant.id,
                "award_id": self.award.id if self.award else None, "values": self.values()}

    def load(self, values: dict) -> None:
        set_widget_value(self.fields["category"], values.get("category"))
        self._fill_codes()
        for key, widget in self.fields.items():
            if key != "category" and key in values:
                set_widget_value(widget, values[key])

    def save(self) -> None:
        try:
            core.validate_award(self.session, self.values())
        except ValidationError as error:
            self.errors.show(error)
            return
        self.errors.clear()
        self.submit(core.save_award, self.participant.id, self.values(), self.award.id if self.award else None)

    @property
    def saved_award(self):
        return self.saved_result
