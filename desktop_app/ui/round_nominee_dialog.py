"""AddNomineeDialog: propose a participant in a round from their checklist; a nominee who is not eligible
needs a written reason (kept and shown in the list). Also SummaryDialog: edit a nominee's short summary."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPlainTextEdit, QVBoxLayout)

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.register.participants import ParticipantFilter, get_participant, list_participants
from desktop_app.core.vocabulary import ELIGIBLE, NOMINATION_FORMS, PARTICIPANT_KINDS

from .forms import FieldErrors
from .operations import OperationRunner


class AddNomineeDialog(QDialog):
    def __init__(self, runner: OperationRunner, round_, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.round = round_
        self.added = None
        self.participant = None
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
        for code, award_form in NOMINATION_FORMS.items():
            self.form_combo.addItem(award_form.name, code)
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
        self.buttons = buttons

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
        """The people matching the search; nobody is chosen for the officer (a click chooses), except the one
        already chosen when they still match."""
        self._timer.stop()
        chosen = self.participant.id if self.participant is not None else None
        self.people.blockSignals(True)
        self.people.clear()
        flt = ParticipantFilter(commune_id=self.round.commune_id, search=self.search.text())
        for p in list_participants(self.session, flt):
            item = QListWidgetItem(f"{p.name} — {PARTICIPANT_KINDS.name(p.kind)}")
            item.setData(Qt.UserRole, p.id)
            self.people.addItem(item)
        self.people.setCurrentRow(-1)
        self.people.blockSignals(False)
        if chosen is None or not self.select_participant(chosen):
            self._person_changed(None, None)

    def select_participant(self, participant_id: int) -> bool:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.UserRole) == participant_id:
                self.people.setCurrentRow(row)
                return True
        return False

    def _person_changed(self, current, _previous) -> None:
        ident = current.data(Qt.UserRole) if current is not None else None
        self.participant = get_participant(self.session, ident)
        self.summary.setPlainText(rounds.default_summary(self.session, self.participant.id, self.round.campaign_id)
                                  if self.participant else "")
        if self.participant is not None:
            # Start on the award form the participant has a checklist for (an eligible one first): a person whose
            # only checklist is a complete Giấy khen one is proposed for the Giấy khen.
            found = checklists.list_checklists(self.session, self.participant.id)
            found.sort(key=lambda c: c.verdict != ELIGIBLE)
            form = next((c.set_snapshot.get("award_form") for c in found
                         if self.form_combo.findData(c.set_snapshot.get("award_form")) >= 0), None)
            if form is not None:
                self.form_combo.blockSignals(True)
                self.form_combo.setCurrentIndex(self.form_combo.findData(form))
                self.form_combo.blockSignals(False)
        self._fill_checklists()

    def _fill_checklists(self, *_args) -> None:
        self.checklist_combo.clear()
        if self.participant is not None:
            names = {"eligible": self.tr("eligible"), "not_eligible": self.tr("not eligible"),
                     "incomplete": self.tr("not finished")}
            for c in checklists.list_checklists(self.session, self.participant.id):
                if c.set_snapshot.get("award_form") != self.form_combo.currentData():
                    continue
                self.checklist_combo.addItem(f"{c.set_snapshot.get('route', {}).get('name', c.set_id)} — "
                                             f"{names.get(c.verdict, c.verdict)}", c.id)
        self.checklist_combo.addItem(self.tr("(no checklist)"), None)
        self._show_verdict()

    def selected_checklist(self):
        return checklists.get_checklist(self.session, self.checklist_combo.currentData())

    def _show_verdict(self, *_args) -> None:
        checklist = self.selected_checklist()
        eligible = checklist is not None and checklist.verdict == ELIGIBLE
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
        self.buttons.setEnabled(False)
        self.runner.run(rounds.add_nominee, self.round.id, self.participant.id, self.form_combo.currentData(),
                        self.checklist_combo.currentData(),
                        override_reason=self.override.toPlainText() if self.override.isEnabled() else "",
                        summary=self.summary.toPlainText(), parent=self, on_success=self._added,
                        on_failure=self._failed)

    def _added(self, nominee) -> None:
        self.added = nominee
        self.accept()

    def _failed(self, error: UserError) -> None:
        self.buttons.setEnabled(True)
        if error.code == "rounds.not_eligible":
            self.errors.show(ValidationError({"override_reason": error.code}, {"override_reason": error.params}))
        else:
            QMessageBox.warning(self, self.windowTitle(), str(error))


class SummaryDialog(QDialog):
    """The nominee's short summary of achievements, as it will appear in the lists."""

    def __init__(self, runner: OperationRunner, nominee, parent=None):
        super().__init__(parent)
        self.runner = runner
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
        self.buttons = buttons

    def save(self) -> None:
        self.buttons.setEnabled(False)

        def failed(error: UserError) -> None:
            self.buttons.setEnabled(True)
            QMessageBox.warning(self, self.windowTitle(), str(error))

        self.runner.run(rounds.set_summary, self.nominee.id, self.text.toPlainText(), parent=self,
                        on_success=lambda _: self.accept(), on_failure=failed)
