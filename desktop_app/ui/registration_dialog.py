"""RegistrationDialog: one registration (đăng ký thi đua) — who, for which campaign and year, the title or award form
aimed at, the date; a collective also ticks the members who register on its list. Typed text is kept as a draft."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout)

from desktop_app.core.dates import format_vn_date
from desktop_app.core.errors import ValidationError
from desktop_app.core.register import registrations as core
from desktop_app.core.register.campaigns import label as campaign_label
from desktop_app.core.register.campaigns import list_campaigns
from desktop_app.core.register.participants import ParticipantFilter, get_participant, list_participants
from desktop_app.core.vocabulary import COLLECTIVE, PARTICIPANT_KINDS

from .forms import DraftFormDialog, FieldErrors, date_edit, set_widget_value, widget_value
from .operations import OperationRunner


class RegistrationDialog(DraftFormDialog):
    def __init__(self, runner: OperationRunner, campaign_id: int | None = None, year: int | None = None,
                 registration=None, draft_values: dict | None = None, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.registration = registration
        self.participant = None
        self.setWindowTitle(self.tr("Emulation registration"))
        self.setMinimumWidth(620)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = {}
        campaign = QComboBox()
        for c in list_campaigns(self.session):
            campaign.addItem(campaign_label(c), c.id)
        self.fields["campaign_id"] = self.errors.add_row(form, self.tr("Campaign"), "campaign_id", campaign)
        year_edit = QLineEdit()
        year_edit.setMaxLength(4)
        self.fields["year"] = self.errors.add_row(form, self.tr("Year"), "year", year_edit)
        self.search = QLineEdit()
        self.search.setObjectName("registration_search")
        self.search.setPlaceholderText(self.tr("Find a collective or a person (accents not needed)"))
        form.addRow(self.tr("Find"), self.search)
        self.people = QListWidget()
        self.people.setObjectName("registration_people")
        self.people.setMinimumHeight(130)
        self.errors.add_row(form, self.tr("Who registers"), "participant_id", self.people)
        self.aim = QComboBox()
        self.fields["aim"] = self.errors.add_row(form, self.tr("Title or award form aimed at"), "aim_code", self.aim)
        self.fields["registered_on"] = self.errors.add_row(form, self.tr("Date registered"), "registered_on",
                                                           date_edit())
        self.fields["note"] = self.errors.add_row(form, self.tr("Note"), "note", QLineEdit())
        self.members_label = QLabel(self.tr("Members who register on this collective's list (Lao động tiên tiến):"))
        self.members_label.setWordWrap(True)
        layout.addWidget(self.members_label)
        self.members = QListWidget()
        self.members.setObjectName("registration_members")
        self.members.setMinimumHeight(110)
        layout.addWidget(self.members)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._timer.start())
        self.people.currentItemChanged.connect(self._person_changed)
        self.apply_filter()
        if campaign_id is not None:
            set_widget_value(campaign, campaign_id)
        today = self.session.clock.today()
        year_edit.setText(str(year or today.year))
        # Today for this year's registration; for an earlier year the officer types the date from the paper.
        if (year or today.year) == today.year:
            self.fields["registered_on"].setText(format_vn_date(today))
        self._person_changed(None, None)
        key = f"registration:{registration.id}" if registration else "registration:new"
        self.finish_form(layout, key, core.registration_form_values(registration) if registration else None,
                         draft_values)
        # Choosing who, and ticking members, are changes of the form too (lists have no change signal of forms.py).
        self.people.currentItemChanged.connect(self.autosave.changed)
        self.members.itemChanged.connect(self.autosave.changed)

    # --- choosing who ----------------------------------------------------------------------------------
    def apply_filter(self) -> None:
        self._timer.stop()
        chosen = self.participant.id if self.participant is not None else None
        self.people.blockSignals(True)
        self.people.clear()
        commune = self.session.home_commune()
        for p in list_participants(self.session, ParticipantFilter(commune_id=commune.id, search=self.search.text())):
            item = QListWidgetItem(f"{p.name} — {PARTICIPANT_KINDS.name(p.kind)}")
            item.setData(Qt.UserRole, p.id)
            self.people.addItem(item)
        self.people.setCurrentRow(-1)
        self.people.blockSignals(False)
        if chosen is not None:
            self.select_participant(chosen)

    def select_participant(self, participant_id: int) -> bool:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.UserRole) == participant_id:
                self.people.setCurrentRow(row)
                return True
        participant = get_participant(self.session, participant_id)
        if participant is not None:   # not on this page of the search: show it alone
            self.search.blockSignals(True)
            self.search.setText(participant.name)
            self.search.blockSignals(False)
            self.apply_filter()
            return self.select_participant(participant_id) if self.people.count() else False
        return False

    def _person_changed(self, current, _previous) -> None:
        ident = current.data(Qt.UserRole) if current is not None else None
        self.participant = get_participant(self.session, ident)
        kind = self.participant.kind if self.participant else "individual"
        chosen = self.aim.currentData()
        self.aim.clear()
        for category, code, name in core.aims_for(kind):
            self.aim.addItem(name, f"{category}:{code}")
        if chosen:
            set_widget_value(self.aim, chosen)
        collective = self.participant is not None and self.participant.kind == COLLECTIVE and self.registration is None
        self.members.clear()
        if collective:
            flt = ParticipantFilter(commune_id=self.participant.commune_id, unit_id=self.participant.id,
                                    kind="individual")
            for m in list_participants(self.session, flt, limit=2000):
                item = QListWidgetItem(m.name)
                item.setData(Qt.UserRole, m.id)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Unchecked)
                self.members.addItem(item)
        self.members_label.setVisible(collective)
        self.members.setVisible(collective)

    # --- the form ------------------------------------------------------------------------------------
    def member_ids(self) -> list[int]:
        return [self.members.item(r).data(Qt.UserRole) for r in range(self.members.count())
                if self.members.item(r).checkState() == Qt.Checked]

    def values(self) -> dict:
        aim = widget_value(self.aim) or ":"
        category, _, code = aim.partition(":")
        return {"campaign_id": widget_value(self.fields["campaign_id"]), "year": self.fields["year"].text(),
                "participant_id": self.participant.id if self.participant else None,
                "aim_category": category, "aim_code": code,
                "registered_on": self.fields["registered_on"].text(), "note": self.fields["note"].text()}

    def draft_payload(self) -> dict:
        return {"form": "registration", "registration_id": self.registration.id if self.registration else None,
                "values": {**self.values(), "aim": widget_value(self.aim), "member_ids": self.member_ids()}}

    def load(self, values: dict) -> None:
        set_widget_value(self.fields["campaign_id"], values.get("campaign_id"))
        self.fields["year"].setText(str(values.get("year") or ""))
        if values.get("participant_id"):
            self.select_participant(values["participant_id"])
        aim = values.get("aim") or (f"{values.get('aim_category')}:{values.get('aim_code')}"
                                    if values.get("aim_code") else None)
        if aim:
            set_widget_value(self.aim, aim)
        for key in ("registered_on", "note"):
            if key in values:
                set_widget_value(self.fields[key], values[key])
        wanted = set(values.get("member_ids") or ())
        for r in range(self.members.count()):
            item = self.members.item(r)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)

    def save(self) -> None:
        values = self.values()
        try:
            core.validate_registration(self.session, values)
        except ValidationError as error:
            self.errors.show(error)
            return
        self.errors.clear()
        members = self.member_ids()
        if members:
            self.submit(core.register_collective, values, members)
        else:
            self.submit(core.save_registration, values, self.registration.id if self.registration else None)

    @property
    def saved_registration(self):
        result = self.saved_result
        return result[0] if isinstance(result, list) else result
