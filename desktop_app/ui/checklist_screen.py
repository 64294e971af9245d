"""ChecklistScreen: pick a participant and an award form, walk through the criteria, see the verdict and why.

Every answer is written to the database the moment it is given (checklists.save_answer, on the operation
runner), and the panel says so ("Đã lưu lúc 10:42"); a power cut loses at most the note being typed. Old
checklists (moved to a newer criteria version) are shown read-only.
"""
from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFileDialog, QFrame, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QRadioButton,
                               QScrollArea, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from desktop_app.core import legal
from desktop_app.core.changes import Topic, touches
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import checklists
from desktop_app.core.nominations.criteria import Criterion
from desktop_app.core.register import achievements
from desktop_app.core.register.participants import ParticipantFilter, get_participant, list_participants
from desktop_app.core.vocabulary import NOMINATION_FORMS, PARTICIPANT_KINDS

from .checklist_dialog import MigrateChecklistDialog
from .operations import OperationRunner
from .signals import emit

SEARCH_DELAY_MS = 150
NOTE_SAVE_DELAY_MS = 600

VERDICT_STYLE = {
    "eligible": ("#1b5e20", "#e8f5e9", "#2e7d32"),
    "not_eligible": ("#b71c1c", "#ffebee", "#c62828"),
    "incomplete": ("#7a4a00", "#fff4e0", "#e0a030"),
}
OUTCOME_STYLE = {"met": "#2e7d32", "not_met": "#c62828", "not_applicable": "#555555", "pending": "#a36200"}
STATUSES = ("met", "not_met", "not_applicable")


def verdict_banner_html(verdict: str, verdict_text: str, reasons: list[str], empty_text: str) -> str:
    fg, _bg, _border = VERDICT_STYLE.get(verdict, VERDICT_STYLE["incomplete"])
    items = "".join(f"<li>{escape(r)}</li>" for r in reasons) or f"<li>{escape(empty_text)}</li>"
    return (f"<div style='color:{fg}'><span style='font-size:15pt; font-weight:bold'>{escape(verdict_text.upper())}"
            f"</span><ul style='margin-left:-20px'>{items}</ul></div>")


def banner_style(verdict: str) -> str:
    fg, bg, border = VERDICT_STYLE.get(verdict, VERDICT_STYLE["incomplete"])
    return f"QLabel {{ background: {bg}; border: 2px solid {border}; border-radius: 4px; padding: 8px; color: {fg}; }}"


class CriterionCard(QFrame):
    """One criterion: its text, legal citation and help; the answer, note and evidence for a judgement;
    the value and where it came from for a computed one; a heading for a group."""

    answer_changed = Signal(str)
    add_evidence_requested = Signal(str)

    def __init__(self, criterion: Criterion, depth: int, in_one_of: bool, parent=None):
        super().__init__(parent)
        self.criterion = criterion
        self.setObjectName(f"card_{criterion.code}")
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet(f"#card_{criterion.code} {{ background: {'#f7f7f7' if criterion.is_group else 'white'}; "
                           "border: 1px solid #cfcfcf; border-radius: 4px; }")
        self.buttons: dict[str, QRadioButton] = {}
        self.evidence_boxes: dict[int, QCheckBox] = {}
        self._loading = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(10 + 24 * depth, 8, 10, 8)
        box = QVBoxLayout()
        outer.addLayout(box, 1)
        head = QHBoxLayout()
        title = QLabel(escape(criterion.text))
        title.setWordWrap(True)
        title.setTextFormat(Qt.RichText)
        title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        head.addWidget(title, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setAlignment(Qt.AlignRight | Qt.AlignTop)
        head.addWidget(self.status)
        box.addLayout(head)
        citation = QLabel(self.tr("Legal basis: %1").replace("%1", criterion.citation))
        citation.setWordWrap(True)
        citation.setStyleSheet("color: #555;")
        box.addWidget(citation)
        if criterion.help:
            help_label = QLabel(criterion.help)
            help_label.setWordWrap(True)
            help_label.setStyleSheet("color: #333; font-style: italic;")
            box.addWidget(help_label)
        if criterion.kind == "one_of":
            hint = QLabel(self.tr("Meeting ONE of the criteria below is enough."))
            hint.setStyleSheet("color: #0d47a1;")
            box.addWidget(hint)
        elif criterion.kind == "all_of":
            hint = QLabel(self.tr("ALL the criteria below must be met."))
            hint.setStyleSheet("color: #0d47a1;")
            box.addWidget(hint)
        self.value_label = QLabel()
        self.value_label.setObjectName("value_label")
        self.value_label.setWordWrap(True)
        self.value_label.setTextFormat(Qt.RichText)
        if criterion.kind == "computed":
            box.addWidget(self.value_label)
        if criterion.kind != "judgement":
            return
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        names = {"met": self.tr("Met"), "not_met": self.tr("Not met"), "not_applicable": self.tr("Not applicable")}
        for status in STATUSES:
            button = QRadioButton(names[status])
            button.setObjectName(f"answer_{status}")
            self.group.addButton(button)
            self.buttons[status] = button
            row.addWidget(button)
            button.toggled.connect(self._toggled)
        if not (in_one_of or criterion.not_applicable_allowed):
            self.buttons["not_applicable"].setEnabled(False)
            self.buttons["not_applicable"].setToolTip(self.tr("This criterion cannot be marked not applicable."))
        row.addStretch()
        box.addLayout(row)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Note (what the assessment is based on)"))
        box.addWidget(self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._emit)
        self.note.textEdited.connect(lambda *_: self._note_timer.start())
        self.note.editingFinished.connect(self.flush_note)
        self.evidence_box = QGroupBox(self.tr("Evidence (required)") if criterion.evidence_required
                                      else self.tr("Evidence (optional)"))
        self.evidence_layout = QVBoxLayout(self.evidence_box)
        self.add_evidence_button = QPushButton(self.tr("Add a new evidence file…"))
        self.add_evidence_button.setObjectName("add_evidence")
        self.add_evidence_button.clicked.connect(lambda: emit(self.add_evidence_requested, criterion.code))
        box.addWidget(self.evidence_box)

    def _toggled(self, checked: bool) -> None:
        # A named slot returning None: a lambda returning a bool here is a PySide6 refcount hazard
        # ("bool_dealloc" at interpreter exit).
        if checked:
            self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self._note_timer.stop()
            emit(self.answer_changed, self.criterion.code)

    def flush_note(self) -> None:
        if self.criterion.kind == "judgement" and self._note_timer.isActive():
            self._emit()

    def set_evidence_choices(self, files: list[tuple[int, str]]) -> None:
        if self.criterion.kind != "judgement":
            return
        while self.evidence_layout.count():
            item = self.evidence_layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.add_evidence_button:
                item.widget().deleteLater()
        self.evidence_boxes = {}
        if not files:
            empty = QLabel(self.tr("This participant has no evidence file yet."))
            empty.setStyleSheet("color: #555;")
            self.evidence_layout.addWidget(empty)
        for ident, text in files:
            check = QCheckBox(text)
            check.setObjectName(f"evidence_{ident}")
            check.toggled.connect(lambda *_: self._emit())
            self.evidence_boxes[ident] = check
            self.evidence_layout.addWidget(check)
        self.evidence_layout.addWidget(self.add_evidence_button, 0, Qt.AlignLeft)

    def load_answer(self, answer) -> None:
        if self.criterion.kind != "judgement":
            return
        self._loading = True
        try:
            self.group.setExclusive(False)
            for status, button in self.buttons.items():
                button.setChecked(answer is not None and answer.status == status)
            self.group.setExclusive(True)
            self.note.setText(answer.note if answer else "")
            chosen = set(answer.evidence_ids) if answer else set()
            for ident, check in self.evidence_boxes.items():
                check.setChecked(ident in chosen)
        finally:
            self._loading = False

    def answer(self) -> tuple[str | None, str, list[int]]:
        status = next((s for s, b in self.buttons.items() if b.isChecked()), None)
        evidence = [ident for ident, check in self.evidence_boxes.items() if check.isChecked()]
        return status, self.note.text(), evidence

    def set_read_only(self, read_only: bool) -> None:
        if self.criterion.kind != "judgement":
            return
        for status, button in self.buttons.items():
            allowed = status != "not_applicable" or button.toolTip() == ""
            button.setEnabled(not read_only and allowed)
        self.note.setReadOnly(read_only)
        for check in self.evidence_boxes.values():
            check.setEnabled(not read_only)
        self.add_evidence_button.setVisible(not read_only)

    def show_result(self, outcome: str, computed: dict | None) -> None:
        """outcome: met | not_met | not_applicable | pending ("" = no badge)."""
        texts = {"met": self.tr("✔ Met"), "not_met": self.tr("✘ Not met"),
                 "not_applicable": self.tr("– Not applicable"), "pending": self.tr("… Not finished")}
        self.outcome = outcome
        self.status.setText(texts.get(outcome, ""))
        self.status.setStyleSheet(f"color: {OUTCOME_STYLE.get(outcome, '#555')}; font-weight: bold;")
        if self.criterion.kind == "computed" and computed is not None:
            lines = [self.tr("Computed from the award history: %1").replace("%1", escape(computed["value_text"]))]
            if computed.get("provenance_text"):
                lines.append(self.tr("Based on: %1").replace("%1", escape(computed["provenance_text"])))
            if computed.get("excluded_text"):
                lines.append(f"<span style='color:#b71c1c'>{escape(computed['excluded_text'])}</span>")
            self.value_label.setText("<br>".join(lines))


class ChecklistPanel(QWidget):
    """The checklist being filled: verdict banner, principles, criteria cards."""

    migrated = Signal(int)

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.checklist = None
        self.cards: dict[str, CriterionCard] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Choose a participant, then start a checklist or open one."))
        self.title.setObjectName("checklist_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)
        layout.addWidget(self.title)
        self.old_banner = QLabel()
        self.old_banner.setObjectName("old_banner")
        self.old_banner.setWordWrap(True)
        self.old_banner.setStyleSheet("QLabel { background: #eeeeee; border: 1px solid #999; padding: 6px; }")
        layout.addWidget(self.old_banner)
        self.outdated_box = QFrame()
        self.outdated_box.setStyleSheet("QFrame { background: #e3f2fd; border: 1px solid #64b5f6; }")
        row = QHBoxLayout(self.outdated_box)
        self.outdated_label = QLabel(self.tr("The criteria set was changed after this checklist was filled."))
        self.outdated_label.setWordWrap(True)
        row.addWidget(self.outdated_label, 1)
        self.migrate_button = QPushButton(self.tr("Move to the new criteria version…"))
        self.migrate_button.setObjectName("migrate_button")
        self.migrate_button.clicked.connect(self.offer_migration)
        row.addWidget(self.migrate_button)
        layout.addWidget(self.outdated_box)
        self.verdict_banner = QLabel()
        self.verdict_banner.setObjectName("verdict_banner")
        self.verdict_banner.setWordWrap(True)
        self.verdict_banner.setTextFormat(Qt.RichText)
        self.verdict_banner.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.verdict_banner)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        self.saved_label.setStyleSheet("color: #2e7d32;")
        layout.addWidget(self.saved_label)
        runner.notifier.changed.connect(self._on_changed)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.show_checklist(None)

    # --- building -------------------------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        """The participant's record changed elsewhere (a flag, an award): the verdict is judged again."""
        if self.checklist is not None and touches(changes, Topic.PARTICIPANTS, Topic.AWARDS, Topic.ACHIEVEMENTS):
            fresh = checklists.get_checklist(self.session, self.checklist.id)
            if fresh is not None:
                self.checklist = fresh
                self.refresh_verdict()

    def show_checklist_id(self, checklist_id: int | None) -> None:
        self.show_checklist(checklists.get_checklist(self.session, checklist_id))

    def show_checklist(self, checklist) -> None:
        self.checklist = checklist
        self.cards = {}
        self.saved_label.setText(self.tr("Every answer is saved as soon as you give it.") if checklist else "")
        body = QWidget()
        box = QVBoxLayout(body)
        box.setSpacing(8)
        if checklist is None:
            self.title.setText(self.tr("Choose a participant, then start a checklist or open one."))
            for w in (self.old_banner, self.outdated_box, self.verdict_banner):
                w.hide()
            box.addStretch()
            self.scroll.setWidget(body)
            return
        participant = get_participant(self.session, checklist.participant_id)
        criteria_set = checklists.criteria_set_of(checklist)
        basis = "; ".join(f"{b.text}{', ' + b.article if b.article else ''}" for b in criteria_set.legal_basis)
        self.title.setText(
            f"<b style='font-size:13pt'>{escape(participant.name)}</b> — {escape(criteria_set.title)}<br>"
            + escape(self.tr("Route: %1 · criteria version %2").replace("%1", criteria_set.route.name)
                     .replace("%2", str(checklist.set_version))))
        self.title.setToolTip(basis)
        read_only = checklist.archived_at is not None
        self.old_banner.setVisible(read_only)
        if read_only:
            self.old_banner.setText(self.tr(
                "Old checklist, filled against criteria version %1 — read only. It was moved to a newer "
                "version; open the current checklist in the list on the left.").replace("%1", str(checklist.set_version)))
        self.outdated_box.setVisible(not read_only and checklists.is_outdated(checklist))
        self.verdict_banner.show()

        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("Year assessed (last year of work considered):"))
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year_spin")
        this_year = self.session.clock.today().year
        self.year_spin.setRange(2000, this_year + 1)
        self.year_spin.setValue(checklist.assessment_year or this_year - 1)
        self.year_spin.setEnabled(not read_only)
        self.year_spin.valueChanged.connect(self._year_changed)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_spin)
        year_row.addStretch()
        box.addLayout(year_row)
        legal = QLabel(self.tr("Legal basis of these criteria: %1").replace("%1", basis))
        legal.setObjectName("legal_basis")
        legal.setWordWrap(True)
        legal.setStyleSheet("color: #555;")
        box.addWidget(legal)
        box.addWidget(self._principles_card(participant, checklist, read_only))
        heading = QLabel(self.tr("Criteria"))
        heading.setStyleSheet("font-weight: bold; font-size: 12pt; margin-top: 6px;")
        box.addWidget(heading)
        files = self._evidence_files(participant)
        answers = checklists.answers_of(checklist)

        def add(criterion: Criterion, depth: int, in_one_of: bool) -> None:
            card = CriterionCard(criterion, depth, in_one_of)
            card.set_evidence_choices(files)
            card.load_answer(answers.get(criterion.code))
            card.set_read_only(read_only)
            card.answer_changed.connect(self.save_card)
            card.add_evidence_requested.connect(self.choose_evidence_file)
            self.cards[criterion.code] = card
            box.addWidget(card)
            for child in criterion.children:
                add(child, depth + 1, criterion.kind == "one_of")

        for criterion in criteria_set.criteria:
            add(criterion, 0, False)
        box.addStretch()
        self.scroll.setWidget(body)
        self.refresh_verdict()

    def _principles_card(self, participant, checklist, read_only: bool) -> QWidget:
        card = QGroupBox(self.tr("Step 1 — Principles that block any award (%1)").replace(
            "%1", legal.source("nd_152_2025").reference("Điều 4")))
        card.setObjectName("principles_card")
        card.setStyleSheet("QGroupBox { font-weight: bold; }")
        box = QVBoxLayout(card)
        common = checklists.catalog().common
        for p in (common.principles if common else ()):
            recorded = bool(getattr(participant, p.flag, False))
            state = (self.tr("RECORDED in the participant's file") if recorded
                     else self.tr("not recorded"))
            line = QLabel(f"• {escape(p.text)} — <b style='color:{'#b71c1c' if recorded else '#2e7d32'}'>"
                          f"{escape(state)}</b>")
            line.setTextFormat(Qt.RichText)
            line.setWordWrap(True)
            line.setStyleSheet("font-weight: normal;")
            box.addWidget(line)
        self.principles_check = QCheckBox(self.tr(
            "I have checked: the participant is not under discipline, inspection or complaint investigation"))
        self.principles_check.setObjectName("principles_check")
        self.principles_check.setStyleSheet("font-weight: normal;")
        self.principles_check.setChecked(checklist.principles_confirmed)
        self.principles_check.setEnabled(not read_only)
        self.principles_check.toggled.connect(self._principles_toggled)
        box.addWidget(self.principles_check)
        return card

    def _evidence_files(self, participant) -> list[tuple[int, str]]:
        files = []
        for e in achievements.list_participant_evidence(self.session, participant.id):
            text = e.original_name
            if e.achievement_id is not None:
                text += " — " + e.achievement.title
            files.append((e.id, text))
        return files

    # --- saving --------------------------------------------------------------------------------

    def _run(self, op, *args) -> None:
        """Save one change of the checklist on the runner; the verdict and "saved at" follow when it is stored."""
        shown = self.checklist.id

        def stored(checklist) -> None:
            if self.checklist is not None and self.checklist.id == shown:
                self.checklist = checklist
                self.refresh_verdict()
                self.saved_label.setText(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M")))

        def failed(error: UserError) -> None:
            self.saved_label.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            QMessageBox.warning(self, self.tr("Checklist"), str(error))

        self.runner.run(op, shown, *args, parent=self, on_success=stored, on_failure=failed)

    def save_card(self, code: str) -> None:
        if self.checklist is None or self.checklist.archived_at is not None:
            return
        status, note, evidence = self.cards[code].answer()
        self._run(checklists.save_answer, code, status, note, evidence)

    def _principles_toggled(self, checked: bool) -> None:
        self._run(checklists.set_principles_confirmed, checked)

    def _year_changed(self, year: int) -> None:
        self._run(checklists.set_assessment_year, year)

    def refresh_verdict(self) -> None:
        checklist = self.checklist
        if checklist is None:
            return
        stored = checklist.assessment or {}
        verdict = checklist.verdict
        reasons = [r["text"] for r in stored.get("reasons", [])]
        if checklist.archived_at is None:
            # Live results: the record (flags, award history) may have changed since the last save.
            assessment = checklists.assess(self.session, checklist)
            if assessment.verdict != checklist.verdict or [r.text for r in assessment.reasons] != reasons:
                # Store the verdict as it is now; what is shown comes from the live assessment already.
                self.runner.run(checklists.reassess, checklist.id)
                stored = assessment.to_dict()
                verdict, reasons = assessment.verdict, [r.text for r in assessment.reasons]
            outcomes = {code: (assessment.result(code).outcome if assessment.result(code) else "pending")
                        for code in self.cards}
        else:
            # An old checklist is shown exactly as filled: answers and stored values, nothing recomputed.
            answers = checklists.answers_of(checklist)
            outcomes = {}
            for code, card in self.cards.items():
                if card.criterion.kind == "judgement":
                    outcomes[code] = answers[code].status if code in answers and answers[code].status else "pending"
                elif card.criterion.kind == "computed":
                    outcomes[code] = "met" if stored.get("computed", {}).get(code, {}).get("met") else "not_met"
                else:
                    outcomes[code] = ""
        computed = stored.get("computed", {})
        texts = {"eligible": self.tr("Eligible"), "not_eligible": self.tr("Not eligible"),
                 "incomplete": self.tr("Not finished")}
        answered = stored.get("answered", 0)
        head = texts.get(verdict, verdict)
        if verdict == "eligible":
            reasons_shown = [self.tr("Every criterion is met and the principles are confirmed (%1 answers).")
                             .replace("%1", str(answered))]
        else:
            reasons_shown = reasons
        self.verdict_banner.setText(verdict_banner_html(verdict, head, reasons_shown, ""))
        self.verdict_banner.setStyleSheet(banner_style(verdict))
        for code, card in self.cards.items():
            card.show_result(outcomes.get(code, ""), computed.get(code))

    def flush(self) -> None:
        for card in self.cards.values():
            card.flush_note()

    # --- evidence --------------------------------------------------------------------------------

    def choose_evidence_file(self, code: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an evidence file"))
        if path:
            self.add_evidence_file(code, path)

    def add_evidence_file(self, code: str, path: str) -> None:
        """Copy a file into the workspace, attach it to the participant's latest achievement and tick it."""
        if self.checklist is None:
            return
        participant = get_participant(self.session, self.checklist.participant_id)
        found = achievements.list_achievements(self.session, participant.id)
        self.runner.run(achievements.add_evidence, participant.id, path, found[0].id if found else None, parent=self,
                        on_success=lambda evidence: self._evidence_added(code, participant, evidence),
                        on_failure=lambda error: QMessageBox.warning(self, self.tr("Evidence"), str(error)))

    def _evidence_added(self, code: str, participant, evidence) -> None:
        if self.checklist is None or code not in self.cards:
            return
        files = self._evidence_files(participant)
        answers = checklists.answers_of(self.checklist)
        for c, card in self.cards.items():
            card.set_evidence_choices(files)
            card.load_answer(answers.get(c))
        self.cards[code].evidence_boxes[evidence.id].setChecked(True)

    # --- migration -------------------------------------------------------------------------------

    def offer_migration(self) -> None:
        if self.checklist is None:
            return
        dialog = MigrateChecklistDialog(self.runner, self.checklist, parent=self)
        if dialog.exec() and dialog.new_checklist is not None:
            self.show_checklist(dialog.new_checklist)
            emit(self.migrated, dialog.new_checklist.id)


class ChecklistScreen(QWidget):
    """Left: participants (search without accents) and their checklists; right: the checklist."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.commune = self.session.home_commune()
        self.participant = None
        splitter = QSplitter(Qt.Horizontal)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("checklist_search")
        self.search.setPlaceholderText(self.tr("Find a participant (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        side.addWidget(self.search)
        self.participant_list = QListWidget()
        self.participant_list.setObjectName("participant_list")
        self.participant_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        side.addWidget(self.participant_list, 2)

        start = QGroupBox(self.tr("New checklist"))
        form = QVBoxLayout(start)
        form.addWidget(QLabel(self.tr("Award form")))
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form_combo")
        for code, award_form in NOMINATION_FORMS.items():
            self.form_combo.addItem(award_form.name, code)
        form.addWidget(self.form_combo)
        form.addWidget(QLabel(self.tr("Route (criteria that fit this participant)")))
        self.route_combo = QComboBox()
        self.route_combo.setObjectName("route_combo")
        form.addWidget(self.route_combo)
        self.start_button = QPushButton(self.tr("Start the checklist"))
        self.start_button.setObjectName("start_button")
        self.start_button.clicked.connect(self.start)
        form.addWidget(self.start_button)
        side.addWidget(start)
        for problem in checklists.catalog().problems:
            warning = QLabel(problem.text)
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b00020;")
            side.addWidget(warning)

        side.addWidget(QLabel(self.tr("Checklists of this participant")))
        self.checklist_list = QListWidget()
        self.checklist_list.setObjectName("checklist_list")
        self.checklist_list.setWordWrap(True)
        self.checklist_list.setSpacing(2)
        side.addWidget(self.checklist_list, 1)
        splitter.addWidget(left)
        self.panel = ChecklistPanel(runner)
        self.panel.migrated.connect(self._after_migration)
        runner.notifier.changed.connect(self._on_changed)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 900])

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._search_timer.start())
        self.participant_list.currentItemChanged.connect(self._participant_changed)
        self.form_combo.currentIndexChanged.connect(self._fill_routes)
        self.checklist_list.currentItemChanged.connect(self._checklist_changed)
        self.apply_filter()
        self._participant_changed(None, None)

    def _on_changed(self, changes) -> None:
        """A participant added or renamed anywhere appears here at once; checklists re-list their verdicts."""
        if touches(changes, Topic.PARTICIPANTS):
            self.apply_filter()
        if touches(changes, Topic.CHECKLISTS, Topic.PARTICIPANTS):
            self._refresh_checklist_items()

    # --- participants ----------------------------------------------------------------------------

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.participant_list.blockSignals(True)
        self.participant_list.clear()
        for p in list_participants(self.session, ParticipantFilter(commune_id=self.commune.id,
                                                                    search=self.search.text())):
            item = QListWidgetItem(f"{p.name} — {PARTICIPANT_KINDS.name(p.kind)}")
            item.setData(Qt.UserRole, p.id)
            self.participant_list.addItem(item)
        self.participant_list.blockSignals(False)
        if self.participant is not None:
            self._select_row(self.participant_list, self.participant.id)

    @staticmethod
    def _select_row(widget: QListWidget, ident: int) -> bool:
        for row in range(widget.count()):
            if widget.item(row).data(Qt.UserRole) == ident:
                widget.setCurrentRow(row)
                return True
        return False

    def select_participant(self, participant_id: int) -> bool:
        if not self._select_row(self.participant_list, participant_id):
            self.search.clear()
            self.apply_filter()
            return self._select_row(self.participant_list, participant_id)
        return True

    def _participant_changed(self, current, _previous) -> None:
        self.panel.flush()
        ident = current.data(Qt.UserRole) if current is not None else None
        self.participant = get_participant(self.session, ident)
        self._fill_routes()
        self._refresh_checklist_items()
        self.start_button.setEnabled(self.participant is not None and self.route_combo.count() > 0)
        if self.participant is None:
            self.panel.show_checklist(None)
        elif self.checklist_list.count():
            self.checklist_list.setCurrentRow(0)
        else:
            self.panel.show_checklist(None)

    def _fill_routes(self, *_args) -> None:
        self.route_combo.clear()
        if self.participant is None:
            return
        for s in checklists.routes_for(self.participant, self.form_combo.currentData(), self.session):
            self.route_combo.addItem(s.route.name, s.id)
        self.start_button.setEnabled(self.route_combo.count() > 0)

    # --- checklists ------------------------------------------------------------------------------

    def _refresh_checklist_items(self) -> None:
        current = self.checklist_list.currentItem()
        current_id = current.data(Qt.UserRole) if current is not None else None
        self.checklist_list.blockSignals(True)
        self.checklist_list.clear()
        if self.participant is not None:
            verdicts = {"eligible": self.tr("eligible"), "not_eligible": self.tr("not eligible"),
                        "incomplete": self.tr("not finished")}
            for c in checklists.list_checklists(self.session, self.participant.id, include_archived=True):
                s = c.set_snapshot
                version = self.tr("version %1").replace("%1", str(c.set_version))
                text = f"{verdicts.get(c.verdict, c.verdict).upper()} — {s.get('title', c.set_id)} ({version})"
                if c.archived_at:
                    text = self.tr("[old, read only] %1").replace("%1", text)
                item = QListWidgetItem(text)
                item.setData(Qt.UserRole, c.id)
                item.setForeground(Qt.gray if c.archived_at else Qt.black)
                self.checklist_list.addItem(item)
        if current_id is not None:
            self._select_row(self.checklist_list, current_id)
        self.checklist_list.blockSignals(False)

    def _checklist_changed(self, current, _previous) -> None:
        self.panel.flush()
        ident = current.data(Qt.UserRole) if current is not None else None
        self.panel.show_checklist_id(ident)

    def open_checklist(self, checklist_id: int) -> None:
        checklist = checklists.get_checklist(self.session, checklist_id)
        self.select_participant(checklist.participant_id)
        self._refresh_checklist_items()
        self._select_row(self.checklist_list, checklist_id)
        self.panel.show_checklist_id(checklist_id)

    def start(self) -> None:
        set_id = self.route_combo.currentData()
        if self.participant is None or set_id is None:
            return
        self.runner.run(checklists.start_checklist, self.participant.id, set_id, parent=self,
                        on_success=lambda checklist: self.open_checklist(checklist.id),
                        on_failure=lambda error: QMessageBox.warning(self, self.tr("Checklist"), str(error)))

    def _after_migration(self, checklist_id: int) -> None:
        self._refresh_checklist_items()
        self._select_row(self.checklist_list, checklist_id)
