"""EditParticipantDialog: create or edit a collective or an individual, saved as the officer types."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout)

from desktop_app.core.dates import format_vn_date
from desktop_app.core.errors import ValidationError
from desktop_app.core.register import participants as core
from desktop_app.core.vocabulary import CATEGORIES_BY_KIND, GENDERS, INDIVIDUAL

from .forms import DraftFormDialog, FieldErrors, date_edit, set_widget_value, widget_value
from .operations import OperationRunner


class EditParticipantDialog(DraftFormDialog):
    """One form for both kinds; only the fields of the chosen kind are shown and saved."""

    def __init__(self, runner: OperationRunner, kind: str, participant=None, draft_values: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.kind = participant.kind if participant else kind
        self.participant = participant
        individual = self.kind == INDIVIDUAL
        if participant is None:
            self.setWindowTitle(self.tr("New individual") if individual else self.tr("New collective"))
        else:
            self.setWindowTitle(self.tr("Edit: %1").replace("%1", participant.name))
        self.setMinimumWidth(560)
        self.errors = FieldErrors(self)
        self.fields: dict[str, object] = {}

        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        category = QComboBox()
        for term in CATEGORIES_BY_KIND[self.kind]:
            category.addItem(term.name, term.code)
        self._add(form, self.tr("Category"), "category", category)
        name = QLineEdit()
        name.setMaxLength(200)
        self._add(form, self.tr("Full name") if individual else self.tr("Name of the collective"), "name", name)
        if individual:
            gender = QComboBox()
            gender.addItem(self.tr("— choose —"), "")
            for term in GENDERS:
                gender.addItem(term.name, term.code)
            self._add(form, self.tr("Gender"), "gender", gender)
            self._add(form, self.tr("Date of birth"), "birth_date", date_edit())
            self._add(form, self.tr("Ethnicity"), "ethnicity", QLineEdit())
            self._add(form, self.tr("Position"), "position", QLineEdit())
            org = QComboBox()
            org.addItem(self.tr("— not in the list —"), None)
            for collective in core.list_collectives(self.session):
                org.addItem(collective.name, collective.id)
            org.currentIndexChanged.connect(self._org_changed)
            self._add(form, self.tr("Workplace (collective)"), "organization_id", org)
            self._add(form, self.tr("Workplace (as written)"), "workplace", QLineEdit())
            cccd = QLineEdit()
            cccd.setPlaceholderText(self.tr("12 digits, optional"))
            cccd.setMaxLength(14)
            self._add(form, self.tr("Citizen ID (CCCD)"), "cccd", cccd)
        else:
            self._add(form, self.tr("Address"), "address", QLineEdit())
            self._add(form, self.tr("Head"), "head_name", QLineEdit())
            self._add(form, self.tr("Members"), "member_count", QLineEdit())
            self._add(form, self.tr("Female members"), "female_count", QLineEdit())
        self._add(form, self.tr("Phone"), "phone", QLineEdit())

        principles = QGroupBox(self.tr("Blocking circumstances (no award while any applies)"))
        box = QVBoxLayout(principles)
        for key, text in (("under_discipline", self.tr("Under disciplinary action")),
                          ("under_inspection", self.tr("Under inspection or investigation")),
                          ("under_complaint", self.tr("Complaint or denunciation being examined"))):
            check = QCheckBox(text)
            check.setObjectName(key)
            box.addWidget(check)
            self.fields[key] = check
        layout.addWidget(principles)
        note = QPlainTextEdit()
        note.setMaximumHeight(70)
        note_form = QFormLayout()
        self._add(note_form, self.tr("Note"), "note", note)
        layout.addLayout(note_form)

        self.duplicate_label = QLabel()
        self.duplicate_label.setObjectName("duplicate_warning")
        self.duplicate_label.setStyleSheet("color: #8a5a00;")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.hide()
        layout.addWidget(self.duplicate_label)
        self._duplicate_confirmed = False

        key = f"participant:{participant.id}" if participant else f"participant:new:{self.kind}"
        self.finish_form(layout, key, core.participant_form_values(participant) if participant else None, draft_values)

    def _add(self, form, text, key, widget):
        self.fields[key] = self.errors.add_row(form, text, key, widget)

    def _org_changed(self) -> None:
        org = self.fields["organization_id"]
        workplace = self.fields["workplace"]
        if org.currentData() and not workplace.text():
            workplace.setText(org.currentText())

    def values(self) -> dict:
        values = {key: widget_value(widget) for key, widget in self.fields.items()}
        values["kind"] = self.kind
        return values

    def draft_payload(self) -> dict:
        return {"form": "participant", "kind": self.kind,
                "participant_id": self.participant.id if self.participant else None, "values": self.values()}

    def load(self, values: dict) -> None:
        for key, widget in self.fields.items():
            if key in values:
                set_widget_value(widget, values[key])

    def save(self) -> None:
        values = self.values()
        try:
            clean = core.validate_participant(self.session, values)
        except ValidationError as error:
            self.errors.show(error)
            return
        self.errors.clear()
        if self.kind == INDIVIDUAL and not self._duplicate_confirmed:
            dupes = core.find_duplicates(self.session, clean["name"], clean.get("birth_date"),
                                         exclude_id=self.participant.id if self.participant else None)
            if dupes:
                names = ", ".join(f"{p.name} ({format_vn_date(p.birth_date)})" for p in dupes)
                self.duplicate_label.setText(self.tr(
                    "Possible duplicate: %1 already has the same name and date of birth. "
                    "Press Save again to keep both.").replace("%1", names))
                self.duplicate_label.show()
                self._duplicate_confirmed = True
                return
        self.submit(core.save_participant, values, self.participant.id if self.participant else None)

    @property
    def saved_participant(self):
        """The stored participant once the save finished (None before)."""
        return self.saved_result
