"""AddNomineeDialog: propose a participant in a round from their checklist; a nominee who is not eligible
needs a written reason (kept and shown in the list). Also SummaryDialog: edit a nominee's short summary."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QVBoxLayout)

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.register.participants import ParticipantFilter, list_participants
from desktop_app.core.storage.models import Participant

from .forms import FieldErrors
from .labels import KIND_LABELS, label


class AddNomineeDialog(QDialog):
    def __init__(self, round_: rounds.NominationRound, parent=None):
        super().__init__(parent)
        self.round = round_
        self.added: rounds.Nominee | None = None
        self.participant: Participant | None = None
        self.setWindowTitle(self.tr("Add a nominee to round %1").replace("%1", str(round_.number)))
        self.resize(680, 640)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("nominee_search")
        self.search.setPlaceholderText(self.tr("Find a participant (accents not needed)"))
        layout.addWidget(self.search)
        self.people = QListWidget()
        self.people.setObjectName("nominee_people")
        layout.addWidget(self.people, 1)
        form = QFormLayout()
        layout.addLayout(form)
        self.form_combo = QComboBox()
        forms = {}
        for s in checklists.catalog().sets.values():
            forms.setdefault(s.award_form, s.award_form_name)
        for code in sorted(forms, key=lambda c: c != rounds.BANG_KHEN):
            self.form_combo.addItem(forms[code], code)
        self.errors.add_row(form, self.tr("Award form"), "award_form", self.form_combo)
        self.checklist_combo = QComboBox()
        self.errors.add_row(form, self.tr("Checklist"), "checklist", self.checklist_combo)
        self.verdict = QLabel()
        self.verdict.setObjectName("nominee_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)
        form.addRow("", self.verdict)
        self.override = QPlainTextEdit()
        self.override.setPlaceholderText(self.tr("Why propose this participant although the checklist does not show "
                                                 "them eligible? (required, kept with the round)"))
        self.override.setFixedHeight(70)
        self.errors.add_row(form, self.tr("Reason for proposing anyway"), "override_reason", self.override)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(90)
        self.errors.add_row(form, self.tr("Short summary of achievements"), "summary", self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.add_button = buttons.addButton(self.tr("Add to the round"), QDialogButtonBox.AcceptRole)
        self.add_button.setObjectName("add_nominee")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._timer.start())
        self.people.currentItemChanged.connect(self._person_changed)
        self.form_combo.currentIndexChanged.connect(self._fill_checklists)
        self.checklist_combo.currentIndexChanged.connect(self._show_verdict)
        self.apply_filter()
        self._fill_checklists()

    def apply_filter(self) -> None:
        self._timer.stop()
        self.people.clear()
        flt = ParticipantFilter(commune_id=self.round.commune_id, search=self.search.text())
        for p in list_participants(flt):
            item = QListWidgetItem(f"{p.name} — {label(KIND_LABELS, p.kind)}")
            item.setData(Qt.UserRole, p.id)
            self.people.addItem(item)

    def select_participant(self, participant_id: int) -> bool:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.UserRole) == participant_id:
                self.people.setCurrentRow(row)
                return True
        return False

    def _person_changed(self, current, _previous) -> None:
        ident = current.data(Qt.UserRole) if current is not None else None
        self.participant = Participant.get_by_id(ident) if ident is not None else None
        self.summary.setPlainText(rounds.default_summary(self.participant, self.round.campaign)
                                  if self.participant else "")
        self._fill_checklists()

    def _fill_checklists(self, *_args) -> None:
        self.checklist_combo.clear()
        if self.participant is not None:
            names = {"eligible": self.tr("eligible"), "not_eligible": self.tr("not eligible"),
                     "incomplete": self.tr("not finished")}
            for c in checklists.list_checklists(self.participant):
                if c.set_snapshot.get("award_form") != self.form_combo.currentData():
                    continue
                self.checklist_combo.addItem(f"{c.set_snapshot.get('route', {}).get('name', c.set_id)} — "
                                             f"{names.get(c.verdict, c.verdict)}", c.id)
        self.checklist_combo.addItem(self.tr("(no checklist)"), None)
        self._show_verdict()

    def selected_checklist(self) -> checklists.Checklist | None:
        ident = self.checklist_combo.currentData()
        return checklists.Checklist.get_by_id(ident) if ident is not None else None

    def _show_verdict(self, *_args) -> None:
        checklist = self.selected_checklist()
        eligible = checklist is not None and checklist.verdict == "eligible"
        if self.participant is None:
            self.verdict.setText("")
        elif eligible:
            self.verdict.setText("<span style='color:#1b5e20'>✔ " + escape(self.tr("Eligible by the checklist.")) + "</span>")
        else:
            reasons = [r["text"] for r in (checklist.assessment.get("reasons", []) if checklist else [])][:4]
            head = (self.tr("Not eligible or not finished by the checklist: a written reason is required.")
                    if checklist else self.tr("No checklist: a written reason is required."))
            self.verdict.setText("<span style='color:#b71c1c'>⚠ " + escape(head) + "</span>"
                                 + "".join(f"<br>• {escape(r)}" for r in reasons))
        self.override.setEnabled(self.participant is not None and not eligible)

    def save(self) -> None:
        self.errors.clear()
        if self.participant is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a participant in the list."))
            return
        try:
            self.added = rounds.add_nominee(self.round, self.participant, self.form_combo.currentData(),
                                            self.selected_checklist(),
                                            override_reason=self.override.toPlainText() if self.override.isEnabled() else "",
                                            summary=self.summary.toPlainText())
        except UserError as error:
            if error.code == "rounds.not_eligible":
                self.errors.show(ValidationError({"override_reason": error.code}, {"override_reason": error.params}))
            else:
                QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.accept()


class SummaryDialog(QDialog):
    """The nominee's short summary of achievements, as it will appear in the lists."""

    def __init__(self, nominee: rounds.Nominee, parent=None):
        super().__init__(parent)
        self.nominee = nominee
        self.setWindowTitle(self.tr("Summary of achievements — %1").replace("%1", nominee.participant.name))
        self.resize(560, 300)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(nominee.summary)
        self.text.setObjectName("summary_text")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            rounds.set_summary(self.nominee, self.text.toPlainText())
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.accept()
