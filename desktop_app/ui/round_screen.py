"""RoundScreen: nomination rounds (đợt đề nghị) — nominees, the council meeting and its votes, results and
ranking with their explanations, the Giấy khen decision, locking and corrections as new versions."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QStyle, QTableWidget,
                               QTableWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_date
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import rounds
from desktop_app.core.vocabulary import AWARD_FORMS, DRAFT, GIAY_KHEN, LOCKED, NOMINATION_FORMS, SENT, SUPERSEDED

from .forms import FieldErrors, date_edit
from .layout import widen_to_headers
from .operations import OperationRunner
from .round_correction_dialog import CorrectionDialog
from .round_decision_dialog import DecisionDialog
from .round_new_dialog import NewRoundDialog
from .round_nominee_dialog import AddNomineeDialog, SummaryDialog

OVERRIDE_BG = QColor("#fff3cd")
MEETING_FIELDS = ("held_on", "start_time", "end_time", "place", "chair", "chair_title", "secretary",
                  "secretary_title", "members_total", "members_present", "voting_method", "conclusion")


def award_form_names() -> dict[str, str]:
    """The award forms a round nominates for, Bằng khen first, with their full names."""
    return {code: form.name for code, form in NOMINATION_FORMS.items()}


def short_form_name(award_form: str) -> str:
    """'Bằng khen tỉnh', 'Giấy khen' for narrow table columns."""
    return AWARD_FORMS.short_name(award_form)


def shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _item(text: str, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    if data is not None:
        item.setData(Qt.UserRole, data)
    return item


class RoundScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.round = None
        self.forms = award_form_names()
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        box.addLayout(top)
        self.rounds_table = QTableWidget(0, 6)
        self.rounds_table.setObjectName("rounds_table")
        self.rounds_table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Version"), self.tr("Date"),
                                                     self.tr("Status"), self.tr("Nominees"), self.tr("Title")])
        self.rounds_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rounds_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.rounds_table.verticalHeader().hide()
        self.rounds_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.rounds_table.horizontalHeader().setStretchLastSection(True)
        self.rounds_table.setFixedHeight(130)
        top.addWidget(self.rounds_table, 1)
        side = QVBoxLayout()
        top.addLayout(side)
        self.new_round_button = QPushButton(self.tr("New round…"))
        self.lock_button = QPushButton(self.tr("Lock the round"))
        self.lock_button.setObjectName("lock_button")
        self.correction_button = QPushButton(self.tr("Create a correction…"))
        self.correction_button.setObjectName("correction_button")
        self.send_button = QPushButton(self.tr("Send to the upper level…"))
        self.send_button.setObjectName("send_button")
        self.send_button.setToolTip(self.tr("Write this round as a signed packet onto a USB stick"))
        for button in (self.new_round_button, self.lock_button, self.correction_button, self.send_button):
            side.addWidget(button)
        side.addStretch()
        self.new_round_button.clicked.connect(self.new_round)
        self.lock_button.clicked.connect(self.lock_current)
        self.correction_button.clicked.connect(self.correct_current)
        self.send_button.clicked.connect(self.send_current)

        self.header = QLabel()
        self.header.setObjectName("round_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.RichText)
        box.addWidget(self.header)
        self.banner = QLabel()
        self.banner.setObjectName("round_banner")
        self.banner.setWordWrap(True)
        box.addWidget(self.banner)
        self.tabs = QTabWidget()
        box.addWidget(self.tabs, 1)
        self.tabs.addTab(self._nominees_tab(), self.tr("Nominees"))
        self.tabs.addTab(self._meeting_tab(), self.tr("Council meeting"))
        self.tabs.addTab(self._votes_tab(), self.tr("Votes and results"))
        self.tabs.addTab(self._results_tab(), self.tr("Ranking"))
        self.tabs.addTab(self._decision_tab(), self.tr("Giấy khen decision"))
        self.tabs.addTab(self._readiness_tab(), self.tr("Before sending"))
        self._meeting_loaded: dict = {}
        self._votes_loaded: dict[int, tuple[int, int, int]] = {}
        self._shown_round_id: int | None = None
        self.rounds_table.itemSelectionChanged.connect(self._round_selected)
        runner.notifier.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.ROUNDS, Topic.PARTICIPANTS, Topic.CHECKLISTS, Topic.AWARDS, Topic.PACKETS,
                   Topic.DOCUMENTS, Topic.KEYS, Topic.COMMUNE):
            self.reload()

    # --- what is typed and not saved yet --------------------------------------------------------------

    def unsaved_parts(self) -> list[str]:
        """What the officer typed here and has not saved: the meeting, the votes (names for the question)."""
        if self.round is None or not rounds.is_editable(self.round):
            return []
        parts = []
        if self.meeting_values() != self._meeting_loaded:
            parts.append(self.tr("the council meeting"))
        if self.vote_values() != self._votes_loaded:
            parts.append(self.tr("the votes"))
        return parts

    def vote_values(self) -> dict[int, tuple[int, int, int]]:
        return {nid: tuple(spin.value() for spin in spins) for nid, spins in getattr(self, "vote_spins", {}).items()}

    def can_leave(self) -> bool:
        """Nothing typed is dropped without a word: before another round is shown or the officer goes to another
        screen, unsaved meeting details or votes are saved, discarded or kept (the officer stays), as they say."""
        parts = self.unsaved_parts()
        if not parts:
            return True
        box = QMessageBox(QMessageBox.Question, self.tr("Nomination round"), self.tr(
            "You have not saved %1 of round %2. Save now?").replace("%1", self.tr(" and ").join(parts))
            .replace("%2", str(self.round.number)), parent=self)
        save = box.addButton(self.tr("Save"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("Don't save"), QMessageBox.DestructiveRole)
        box.addButton(self.tr("Stay here"), QMessageBox.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        if box.clickedButton() is discard:
            self._meeting_loaded, self._votes_loaded = self.meeting_values(), self.vote_values()
            return True
        if box.clickedButton() is not save:
            return False
        saved = []
        if self.meeting_values() != self._meeting_loaded:
            self.save_meeting(then=lambda: saved.append("meeting"))
            self.runner.wait()
            if "meeting" not in saved:
                return False   # the meeting has an error: it is shown, the officer stays to correct it
        if self.vote_values() != self._votes_loaded:
            self.save_votes()
            self.runner.wait()
        return not self.unsaved_parts()

    def _run(self, op, *args, **kwargs) -> None:
        """A change of the round, on the runner; the screen reloads from the change notice."""
        self.runner.run(op, *args, parent=self, on_failure=kwargs.pop("on_failure", self._warn), **kwargs)

    # --- tabs --------------------------------------------------------------------------------------

    def _nominees_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.nominee_table = QTableWidget(0, 5)
        self.nominee_table.setObjectName("nominee_table")
        self.nominee_table.setHorizontalHeaderLabels([self.tr("Collective / individual"), self.tr("Award form"),
                                                      self.tr("Checklist"), self.tr("Proposed although not eligible — reason"),
                                                      self.tr("Summary of achievements")])
        self.nominee_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.nominee_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.nominee_table.setWordWrap(True)
        self.nominee_table.verticalHeader().hide()
        header = self.nominee_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        widen_to_headers(self.nominee_table, {0: 190, 1: 140, 2: 120, 3: 240})
        self.nominee_table.doubleClicked.connect(self.edit_summary)
        box.addWidget(self.nominee_table, 1)
        row = QHBoxLayout()
        self.add_nominee_button = QPushButton(self.tr("Add a nominee…"))
        self.add_nominee_button.setObjectName("add_nominee_button")
        self.summary_button = QPushButton(self.tr("Edit the summary…"))
        self.remove_button = QPushButton(self.tr("Remove from the round"))
        self.add_nominee_button.clicked.connect(self.add_nominee)
        self.summary_button.clicked.connect(self.edit_summary)
        self.remove_button.clicked.connect(self.remove_nominee)
        for b in (self.add_nominee_button, self.summary_button, self.remove_button):
            row.addWidget(b)
        row.addStretch()
        box.addLayout(row)
        return page

    def _meeting_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        page = QWidget()
        box = QVBoxLayout(page)
        group = QGroupBox(self.tr("Meeting of the commune's Emulation and Commendation Council"))
        form = QFormLayout(group)
        self.meeting_errors = FieldErrors(self)
        self.meeting: dict[str, QWidget] = {}
        labels = {"held_on": self.tr("Date"), "start_time": self.tr("Start time"), "end_time": self.tr("End time"),
                  "place": self.tr("Place"), "chair": self.tr("Chaired by"), "chair_title": self.tr("Chair's position"),
                  "secretary": self.tr("Secretary"), "secretary_title": self.tr("Secretary's position"),
                  "members_total": self.tr("Council members in total"),
                  "members_present": self.tr("Members present"), "voting_method": self.tr("Voting method"),
                  "conclusion": self.tr("Conclusion")}
        for name in MEETING_FIELDS:
            if name == "held_on":
                widget = date_edit()
            elif name == "conclusion":
                widget = QPlainTextEdit()
                widget.setFixedHeight(60)
            else:
                widget = QLineEdit()
                if name in ("start_time", "end_time"):
                    widget.setPlaceholderText("14:00")
                    widget.setMaxLength(5)
                if name in ("members_total", "members_present"):
                    widget.setMaxLength(3)
                if name == "voting_method":
                    widget.setPlaceholderText(self.tr("e.g. secret ballot (bỏ phiếu kín), show of hands (giơ tay)"))
            self.meeting[name] = self.meeting_errors.add_row(form, labels[name], f"meeting_{name}", widget)
        self.save_meeting_button = QPushButton(self.tr("Save the meeting"))
        self.save_meeting_button.setObjectName("save_meeting_button")
        self.save_meeting_button.clicked.connect(self.save_meeting)
        form.addRow("", self.save_meeting_button)
        box.addWidget(group)
        box.addStretch()
        scroll.setWidget(page)
        return scroll

    def _votes_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        thresholds = QGroupBox(self.tr("Approval threshold (share of ALL council members)"))
        tform = QFormLayout(thresholds)
        self.threshold_spins: dict[str, QSpinBox] = {}
        for code, name in self.forms.items():
            spin = QSpinBox()
            spin.setObjectName(f"threshold_{code}")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setSpecialValueText(self.tr("No threshold (none in the rules in force)"))
            spin.valueChanged.connect(lambda value, c=code: self.set_threshold(c, value))
            self.threshold_spins[code] = spin
            tform.addRow(name, spin)
        note = QLabel(self.tr("Without a threshold a nominee is approved when more members vote for than against."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        tform.addRow(note)
        box.addWidget(thresholds)

        votes = QGroupBox(self.tr("Votes per nominee"))
        vbox = QVBoxLayout(votes)
        self.votes_table = QTableWidget(0, 6)
        self.votes_table.setObjectName("votes_table")
        self.votes_table.setHorizontalHeaderLabels([self.tr("Collective / individual"), self.tr("Award form"),
                                                    self.tr("For"), self.tr("Against"), self.tr("Abstained"),
                                                    self.tr("Result")])
        self.votes_table.verticalHeader().hide()
        self.votes_table.setWordWrap(True)
        header = self.votes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        widen_to_headers(self.votes_table, {0: 190, 1: 110, 2: 60, 3: 90, 4: 110})
        vbox.addWidget(self.votes_table)
        self.save_votes_button = QPushButton(self.tr("Record the votes"))
        self.save_votes_button.setObjectName("save_votes_button")
        self.save_votes_button.clicked.connect(self.save_votes)
        vbox.addWidget(self.save_votes_button, 0, Qt.AlignLeft)
        box.addWidget(votes, 1)
        return page

    def _results_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Quota per award form (0 = no limit):")))
        self.quota = QSpinBox()
        self.quota.setObjectName("quota")
        self.quota.setRange(0, 999)
        self.quota.setSpecialValueText(self.tr("no limit"))
        self.quota.valueChanged.connect(lambda *_: self.show_results())
        row.addWidget(self.quota)
        row.addStretch()
        box.addLayout(row)
        self.results = QTextBrowser()
        self.results.setObjectName("results_text")
        box.addWidget(self.results, 1)
        return page

    def _readiness_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel(self.tr("What the dossier of this round still lacks before it can be sent to the upper level:"))
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.readiness = QTextBrowser()
        self.readiness.setObjectName("readiness")
        box.addWidget(self.readiness, 1)
        return page

    def _fill_readiness(self) -> None:
        from desktop_app.core.exchange.sending import missing_before_sending

        missing = missing_before_sending(self.session, self.round.id)
        if missing:
            head = escape(self.tr("Still missing:"))
            items = "".join(f"<li>{escape(text)}</li>" for text in missing)
            self.readiness.setHtml(f"<p style='color:#b71c1c'><b>✘ {head}</b></p><ul>{items}</ul>")
        else:
            head = escape(self.tr("Nothing is missing: the round can be sent."))
            self.readiness.setHtml(f"<p style='color:#1b5e20'><b>✔ {head}</b></p>")
        self.tabs.setTabText(self.tabs.indexOf(self.readiness.parentWidget()),
                             self.tr("Before sending (%1)").replace("%1", str(len(missing))) if missing
                             else self.tr("Before sending ✔"))

    def _decision_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.decision_label = QLabel()
        self.decision_label.setObjectName("decision_label")
        self.decision_label.setWordWrap(True)
        self.decision_label.setTextFormat(Qt.RichText)
        box.addWidget(self.decision_label)
        self.decision_button = QPushButton(self.tr("Record the Giấy khen decision…"))
        self.decision_button.setObjectName("decision_button")
        self.decision_button.clicked.connect(self.record_decision)
        box.addWidget(self.decision_button, 0, Qt.AlignLeft)
        box.addStretch()
        return page

    # --- list of rounds ----------------------------------------------------------------------------

    def status_text(self, status: str) -> str:
        return {DRAFT: self.tr("Being prepared"), LOCKED: self.tr("Locked"), SENT: self.tr("Sent"),
                SUPERSEDED: self.tr("Replaced (old version)")}.get(status, status)

    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and self.round is not None:
            select_id = self.round.id
        all_rounds = rounds.round_rows(self.session)
        self.rounds_table.blockSignals(True)
        self.rounds_table.setRowCount(0)
        for r in all_rounds:
            row = self.rounds_table.rowCount()
            self.rounds_table.insertRow(row)
            values = [str(r.number), str(r.version), format_vn_date(r.round_date), self.status_text(r.status),
                      str(r.nominee_count), r.title]
            for column, text in enumerate(values):
                item = _item(text, r.id)
                if r.status == SUPERSEDED:
                    item.setForeground(QBrush(QColor("#777777")))
                self.rounds_table.setItem(row, column, item)
        self.rounds_table.blockSignals(False)
        ids = [r.id for r in all_rounds]
        target = select_id if select_id in ids else (ids[0] if ids else None)
        if target is not None:
            self.select_round(target)
        else:
            self.show_round(None)

    def select_round(self, round_id: int) -> None:
        for row in range(self.rounds_table.rowCount()):
            if self.rounds_table.item(row, 0).data(Qt.UserRole) == round_id:
                self.rounds_table.selectRow(row)
                self.show_round(rounds.get_round(self.session, round_id))
                return

    def _round_selected(self) -> None:
        rows = self.rounds_table.selectionModel().selectedRows()
        if not rows:
            return
        wanted = self.rounds_table.item(rows[0].row(), 0).data(Qt.UserRole)
        if self.round is not None and wanted != self.round.id and not self.can_leave():
            self._reselect(self.round.id)   # the officer stays on the round they were typing in
            return
        self.show_round(rounds.get_round(self.session, wanted))

    def _reselect(self, round_id: int) -> None:
        self.rounds_table.blockSignals(True)
        for row in range(self.rounds_table.rowCount()):
            if self.rounds_table.item(row, 0).data(Qt.UserRole) == round_id:
                self.rounds_table.selectRow(row)
        self.rounds_table.blockSignals(False)

    # --- one round ---------------------------------------------------------------------------------

    def show_round(self, round_) -> None:
        self.round = round_
        has = round_ is not None
        editable = has and rounds.is_editable(round_)
        self.lock_button.setEnabled(editable)
        self.correction_button.setEnabled(has and round_.status in (LOCKED, SENT))
        self.send_button.setEnabled(has and round_.status != SUPERSEDED)
        for w in (self.add_nominee_button, self.summary_button, self.remove_button, self.save_meeting_button,
                  self.save_votes_button, *self.threshold_spins.values()):
            w.setEnabled(editable)
        for w in self.meeting.values():
            w.setReadOnly(not editable)
        if not has:
            self.header.setText(self.tr("No nomination round yet. Create one with “New round…”."))
            self.banner.hide()
            self.nominee_table.setRowCount(0)
            self.votes_table.setRowCount(0)
            self.results.clear()
            self.decision_label.setText("")
            self.decision_button.setEnabled(False)
            self.readiness.clear()
            self.vote_spins = {}
            self._votes_loaded, self._meeting_loaded, self._shown_round_id = {}, self.meeting_values(), None
            return
        campaign = round_.campaign
        heading = self.tr("Round %1 (version %2)").replace("%1", str(round_.number)).replace("%2", str(round_.version))
        self.header.setText(
            f"<b style='font-size:13pt'>{escape(heading)}</b>"
            f" — {escape(self.status_text(round_.status))}<br>{escape(round_.title)}<br>"
            f"<span style='color:#555'>{escape(campaign.number)} · {escape(format_vn_date(round_.round_date))}</span>")
        self._show_banner(round_)
        self._fill_nominees()
        self._fill_meeting()
        self._fill_votes()
        self.show_results()
        self._fill_decision()
        self._fill_readiness()
        self._shown_round_id = round_.id

    def _show_banner(self, r) -> None:
        texts = []
        style = "background: #e3f2fd; border: 1px solid #64b5f6;"
        if r.status == SUPERSEDED:
            newer = rounds.newer_version(self.session, r.id)
            texts.append(self.tr("Old version, read only: replaced by version %1.")
                         .replace("%1", str(newer.version if newer else r.version + 1)))
            style = "background: #eeeeee; border: 1px solid #999;"
        elif r.status in (LOCKED, SENT):
            texts.append(self.tr("This round is locked: nothing can be changed. To change it, create a correction "
                                 "(a new version that replaces this one)."))
            style = "background: #fff4e0; border: 1px solid #e0a030;"
        if r.supersedes_id is not None:
            texts.append(self.tr("Correction of version %1. Reason: %2")
                         .replace("%1", str(r.version - 1)).replace("%2", r.correction_reason))
        self.banner.setText("\n".join(texts))
        self.banner.setStyleSheet(f"QLabel {{ {style} padding: 6px; }}")
        self.banner.setVisible(bool(texts))

    def _verdict_text(self, verdict: str) -> str:
        return {"eligible": self.tr("eligible"), "not_eligible": self.tr("not eligible"),
                "incomplete": self.tr("not finished"), "": self.tr("no checklist")}.get(verdict, verdict)

    def _fill_nominees(self) -> None:
        table = self.nominee_table
        table.setRowCount(0)
        warn = self.style().standardIcon(QStyle.SP_MessageBoxWarning)
        for n in rounds.nominees_of(self.session, self.round.id):
            row = table.rowCount()
            table.insertRow(row)
            items = [_item(n.participant.name, n.id), _item(short_form_name(n.award_form)),
                     _item(self._verdict_text(n.verdict_at_add)), _item(n.override_reason), _item(shorten(n.summary, 170))]
            items[4].setToolTip(n.summary)
            if n.override_reason:
                items[0].setIcon(warn)
                items[3].setToolTip(n.override_reason)
                for item in items:
                    item.setBackground(QBrush(OVERRIDE_BG))
            for column, item in enumerate(items):
                table.setItem(row, column, item)
            # A fixed height of four lines: the full texts are in the tooltips (sizing to contents before
            # the table is laid out gave rows a screen high).
            table.setRowHeight(row, 76)

    def _stored_meeting_values(self) -> dict:
        m = rounds.meeting_of(self.session, self.round.id)
        values = {}
        for name in self.meeting:
            value = getattr(m, name) if m is not None else ""
            if name == "held_on":
                value = format_vn_date(value)
            values[name] = "" if value is None else str(value)
        return values

    def _fill_meeting(self) -> None:
        stored = self._stored_meeting_values()
        typed = self.meeting_values()
        if self._shown_round_id == self.round.id and typed != self._meeting_loaded and typed != stored:
            return  # a change elsewhere reloaded the screen: what the officer is typing here stays
        self.meeting_errors.clear()
        for name, widget in self.meeting.items():
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(stored[name])
            else:
                widget.setText(stored[name])
        self._meeting_loaded = self.meeting_values()
        for code, spin in self.threshold_spins.items():
            spin.blockSignals(True)
            value = (self.round.thresholds or {}).get(code)
            spin.setValue(int(value) if value is not None else 0)
            spin.blockSignals(False)

    def _fill_votes(self) -> None:
        typed = {}
        if self._shown_round_id == self.round.id:
            # Votes typed and not saved yet stay as typed when the screen reloads for a change elsewhere.
            typed = {nid: v for nid, v in self.vote_values().items() if v != self._votes_loaded.get(nid)}
        table = self.votes_table
        table.setRowCount(0)
        self._votes_loaded = {}
        results = rounds.vote_results(self.session, self.round.id)
        editable = rounds.is_editable(self.round)
        self.vote_spins: dict[int, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        for n in rounds.nominees_of(self.session, self.round.id):
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, _item(n.participant.name, n.id))
            table.setItem(row, 1, _item(short_form_name(n.award_form)))
            spins = []
            for column, value in ((2, n.votes_for), (3, n.votes_against), (4, n.votes_abstain)):
                spin = QSpinBox()
                spin.setRange(0, 200)
                spin.setValue(value or 0)
                spin.setEnabled(editable)
                spin.setObjectName(("votes_for", "votes_against", "votes_abstain")[column - 2])
                table.setCellWidget(row, column, spin)
                spins.append(spin)
            self.vote_spins[n.id] = tuple(spins)
            self._votes_loaded[n.id] = tuple(spin.value() for spin in spins)
            for spin, value in zip(spins, typed.get(n.id, ())):
                spin.setValue(value)
            result = results.get(n.id)
            item = _item(result.explanation if result else self.tr("Votes not recorded yet"))
            item.setToolTip(item.text())
            if result is not None:
                item.setForeground(QBrush(QColor("#1b5e20" if result.passed else "#b71c1c")))
            table.setItem(row, 5, item)
            table.setRowHeight(row, 46)

    def result_text(self, nominee_id: int) -> str:
        for row in range(self.votes_table.rowCount()):
            if self.votes_table.item(row, 0).data(Qt.UserRole) == nominee_id:
                return self.votes_table.item(row, 5).text()
        return ""

    def show_results(self) -> None:
        if self.round is None:
            return
        quota = self.quota.value() or None
        meeting = rounds.meeting_of(self.session, self.round.id)
        parts = []
        if meeting is None:
            parts.append("<p>" + escape(self.tr("Enter the council meeting and the votes first.")) + "</p>")
        else:
            parts.append("<p>" + escape(self.tr("Council: %1 members, %2 present, meeting of %3.")
                                        .replace("%1", str(meeting.members_total))
                                        .replace("%2", str(meeting.members_present))
                                        .replace("%3", format_vn_date(meeting.held_on))) + "</p>")
        for code, name in self.forms.items():
            ranked = rounds.ranking(self.session, self.round.id, code, quota)
            if not ranked:
                continue
            threshold = rounds.threshold_for(self.round, code, self.session)
            rule = (self.tr("no threshold (none in the rules in force)") if threshold is None
                    else self.tr("threshold %1% of all members").replace("%1", str(round(float(threshold) * 100))))
            parts.append(f"<h3>{escape(name)}</h3><p style='color:#555'>{escape(rule)}</p><table cellpadding='3'>")
            for r in ranked:
                mark = {True: "✔", False: "✘", None: "?"}[r.selected]
                colour = {True: "#1b5e20", False: "#b71c1c", None: "#7a4a00"}[r.selected]
                parts.append(f"<tr><td style='color:{colour}'><b>{r.position}. {mark}</b></td>"
                             f"<td><b>{escape(r.candidate.name)}</b><br>{escape(r.explanation)}</td></tr>")
            parts.append("</table>")
        self.results.setHtml("".join(parts))

    def _fill_decision(self) -> None:
        decisions = rounds.decisions_of(self.session, self.round.id)
        if decisions:
            lines = []
            for d in decisions:
                awarded = rounds.decision_awards(self.session, d.id)
                lines.append(escape(self.tr("Decision %1 of %2, signed by %3.").replace("%1", d.number)
                                    .replace("%2", format_vn_date(d.decided_on)).replace("%3", d.signer))
                             + "<br>" + escape(self.tr("Added to the award history of: %1")
                                               .replace("%1", ", ".join(a.participant.name for a in awarded))))
            self.decision_label.setText("<br><br>".join(lines))
        else:
            self.decision_label.setText(escape(self.tr(
                "The Giấy khen is decided by the commune chairman. Once the council has voted, record the decision "
                "here: everyone approved gets the Giấy khen in their award history.")))
        self.decision_button.setEnabled(not decisions and self.round.status != SUPERSEDED)

    # --- actions -----------------------------------------------------------------------------------

    def _warn(self, error: UserError) -> None:
        if isinstance(error, ValidationError):
            text = "\n".join(error.field_text(f) for f in error.fields)
        else:
            text = str(error)
        QMessageBox.warning(self, self.tr("Nomination round"), text)

    def new_round(self) -> None:
        dialog = NewRoundDialog(self.runner, parent=self)
        if dialog.exec() and dialog.created is not None:
            self.reload(dialog.created.id)

    def selected_nominee(self):
        row = self.nominee_table.currentRow()
        item = self.nominee_table.item(row, 0) if row >= 0 else None
        return rounds.get_nominee(self.session, item.data(Qt.UserRole)) if item is not None else None

    def add_nominee(self) -> None:
        if self.round is not None:
            AddNomineeDialog(self.runner, self.round, parent=self).exec()

    def edit_summary(self, *_args) -> None:
        nominee = self.selected_nominee()
        if nominee is not None and rounds.is_editable(self.round):
            SummaryDialog(self.runner, nominee, parent=self).exec()

    def remove_nominee(self) -> None:
        nominee = self.selected_nominee()
        if nominee is None:
            return
        if QMessageBox.question(self, self.tr("Nomination round"), self.tr(
                "Remove %1 from round %2? Their checklist and record stay in the register.").replace(
                "%1", nominee.participant.name).replace("%2", str(self.round.number))) != QMessageBox.Yes:
            return
        self._run(rounds.remove_nominee, nominee.id)

    def meeting_values(self) -> dict:
        return {name: (w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()) for name, w in self.meeting.items()}

    def save_meeting(self, then=None) -> None:
        """Save the meeting on the runner; `then()` runs once it is stored (the votes wait for it)."""
        self.meeting_errors.clear()

        def failed(error: UserError) -> None:
            if isinstance(error, ValidationError):
                self.meeting_errors.show(ValidationError({f"meeting_{k}": v for k, v in error.fields.items()},
                                                         {f"meeting_{k}": v for k, v in error.field_params.items()}))
            else:
                self._warn(error)

        self._run(rounds.save_meeting, self.round.id, self.meeting_values(), on_failure=failed,
                  on_success=(lambda _: then()) if then else None)

    def set_threshold(self, award_form: str, value: int) -> None:
        if self.round is None or not rounds.is_editable(self.round):
            return
        self._run(rounds.set_threshold, self.round.id, award_form, value or None)

    def send_current(self) -> None:
        """The export dialog (Gửi hồ sơ) for this round; it locks the round as sent once the packet is written."""
        window = self.window()
        if self.round is None or not hasattr(window, "send_packet"):
            return
        window.send_packet(self.round.id)

    def save_votes(self) -> None:
        if rounds.meeting_of(self.session, self.round.id) is None:
            self.save_meeting(then=self.save_votes)
            return
        votes = []
        for nominee in rounds.nominees_of(self.session, self.round.id):
            spins = self.vote_spins.get(nominee.id)
            if spins is None:
                continue
            if nominee.votes_for is None and not any(spin.value() for spin in spins):
                continue  # a row nobody filled in stays "not recorded", never a silent 0/0
            votes.append((nominee.id, spins[0].value(), spins[1].value(), spins[2].value()))
        self._run(rounds.set_round_votes, self.round.id, votes,
                  on_success=lambda problems: problems and QMessageBox.warning(
                      self, self.tr("Nomination round"), "\n".join(problems)))

    def record_decision(self) -> None:
        if self.round is None:
            return
        results = rounds.vote_results(self.session, self.round.id)
        approved = [n.participant.name for n in rounds.nominees_of(self.session, self.round.id)
                    if n.award_form == GIAY_KHEN and n.id in results and results[n.id].passed]
        if not approved:
            self._warn(UserError("rounds.no_approved_nominee"))
            return
        DecisionDialog(self.runner, self.round, approved, parent=self).exec()

    def lock_current(self) -> None:
        if self.round is None:
            return
        answer = QMessageBox.question(self, self.tr("Lock the round"), self.tr(
            "Lock round %1? After locking nothing can be changed; a change becomes a correction (a new version).")
            .replace("%1", str(self.round.number)))
        if answer != QMessageBox.Yes:
            return
        self._run(rounds.lock_round, self.round.id)

    def correct_current(self) -> None:
        if self.round is None:
            return
        dialog = CorrectionDialog(self.runner, self.round, parent=self)
        if dialog.exec() and dialog.created is not None:
            self.reload(dialog.created.id)
