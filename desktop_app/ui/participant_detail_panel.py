"""ParticipantDetailPanel: the selected participant's achievements and award history, with their buttons."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_date
from desktop_app.core.register import achievements, awards, participants
from desktop_app.core.vocabulary import AWARD_CATEGORIES, COMMENDATION_TYPES, GENDERS, INDIVIDUAL, PARTICIPANT_CATEGORIES

from .operations import OperationRunner


def _escape(text: str) -> str:
    """Typed text for a rich-text label (html.escape's table; the html module's entity list is not loaded at
    start for two names)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _table(headers: list[str], widths: dict[int, int] | None = None) -> QTableWidget:
    """The first column takes the room left; columns given a width keep it and wrap their text onto a second line
    (on the 1366×768 screen the panel is about 550 px wide: nothing may be cut to "Lao…")."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.ElideNone)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.Fixed)
        header.resizeSection(column, width)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    return table


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


def _achievement_dialog():
    """The achievement form, loaded when first opened (with the forms' widgets, not before the first paint)."""
    from .achievement_dialog import EditAchievementDialog

    return EditAchievementDialog


def _award_dialog():
    """The award form, loaded when first opened."""
    from .award_dialog import EditAwardDialog

    return EditAwardDialog


class ParticipantDetailPanel(QWidget):
    """Shows one participant as stored now: it reloads when the runner announces a change to what it shows."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.participant = None
        runner.notifier.changed.connect(self._on_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(self.tr("Choose a participant in the list."))
        self.header.setObjectName("detail_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.RichText)
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        page = QWidget()
        box = QVBoxLayout(page)
        self.achievement_table = _table([self.tr("Achievement"), self.tr("Period"), self.tr("Evidence")])
        self.achievement_table.setObjectName("achievement_table")
        self.achievement_table.doubleClicked.connect(self.edit_achievement)
        box.addWidget(self.achievement_table)
        row = QHBoxLayout()
        self.add_achievement_button = QPushButton(self.tr("Add achievement…"))
        self.add_achievement_button.clicked.connect(self.add_achievement)
        edit = QPushButton(self.tr("Open"))
        edit.clicked.connect(self.edit_achievement)
        archive = QPushButton(self.tr("Archive"))
        archive.clicked.connect(self.archive_achievement)
        for button in (self.add_achievement_button, edit, archive):
            row.addWidget(button)
        row.addStretch()
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Achievements"))

        page = QWidget()
        box = QVBoxLayout(page)
        self.award_table = _table([self.tr("Title / form"), self.tr("Year"), self.tr("Kind"), self.tr("Type"),
                                   self.tr("Decision")], widths={2: 96, 3: 96, 4: 104})
        self.award_table.setObjectName("award_table")
        self.award_table.doubleClicked.connect(self.edit_award)
        box.addWidget(self.award_table)
        row = QHBoxLayout()
        self.add_award_button = QPushButton(self.tr("Add to award history…"))
        self.add_award_button.clicked.connect(self.add_award)
        edit = QPushButton(self.tr("Open"))
        edit.clicked.connect(self.edit_award)
        archive = QPushButton(self.tr("Archive"))
        archive.clicked.connect(self.archive_award)
        for button in (self.add_award_button, edit, archive):
            row.addWidget(button)
        row.addStretch()
        box.addLayout(row)
        self.tabs.addTab(page, self.tr("Award history"))
        self.show_participant(None)

    def _on_changed(self, changes) -> None:
        if self.participant is not None and touches(changes, Topic.PARTICIPANTS, Topic.ACHIEVEMENTS, Topic.AWARDS):
            self.show_participant_id(self.participant.id)

    def show_participant_id(self, participant_id: int | None) -> None:
        self.show_participant(participants.get_participant(self.session, participant_id))

    def show_participant(self, participant) -> None:
        self.participant = participant
        enabled = participant is not None and participant.archived_at is None
        self.add_achievement_button.setEnabled(enabled)
        self.add_award_button.setEnabled(enabled)
        self.achievement_table.setRowCount(0)
        self.award_table.setRowCount(0)
        if participant is None:
            self.header.setText(self.tr("Choose a participant in the list."))
            return
        if participant.kind == INDIVIDUAL:
            facts = [GENDERS.name(participant.gender), format_vn_date(participant.birth_date),
                     participant.ethnicity, participant.position, participant.workplace]
        else:
            members = ""
            if participant.member_count is not None:
                members = self.tr("%1 members, %2 women").replace("%1", str(participant.member_count)).replace(
                    "%2", str(participant.female_count or 0))
            facts = [PARTICIPANT_CATEGORIES.name(participant.category), participant.address, participant.head_name,
                     members]
        # Typed text is shown as text: a name with "<b>" in it is printed, never interpreted.
        text = (f"<b style='font-size:14pt'>{_escape(participant.name)}</b><br>"
                + " · ".join(_escape(f) for f in facts if f))
        if participant.archived_at:
            text += "<br><i>" + self.tr("Archived") + "</i>"
        flags = [participant.under_discipline, participant.under_inspection, participant.under_complaint]
        if any(flags):
            text += "<br><span style='color:#b00020'>" + self.tr("Has a blocking circumstance") + "</span>"
        self.header.setText(text)
        evidence = achievements.evidence_counts(self.session, participant.id)
        for a in achievements.list_achievements(self.session, participant.id):
            r = self.achievement_table.rowCount()
            self.achievement_table.insertRow(r)
            item = QTableWidgetItem(a.title)
            item.setData(Qt.UserRole, a.id)
            item.setToolTip(a.title + ("\n\n" + a.results if a.results else ""))
            self.achievement_table.setItem(r, 0, item)
            period = " – ".join(x for x in (format_vn_date(a.date_from), format_vn_date(a.date_to)) if x)
            self.achievement_table.setItem(r, 1, QTableWidgetItem(period))
            self.achievement_table.setItem(r, 2, QTableWidgetItem(str(evidence.get(a.id, 0))))
        for aw in awards.list_awards(self.session, participant.id):
            r = self.award_table.rowCount()
            self.award_table.insertRow(r)
            item = _cell(aw.name)
            item.setData(Qt.UserRole, aw.id)
            self.award_table.setItem(r, 0, item)
            self.award_table.setItem(r, 1, _cell(str(aw.year)))
            self.award_table.setItem(r, 2, _cell(AWARD_CATEGORIES.name(aw.category)))
            self.award_table.setItem(r, 3, _cell(COMMENDATION_TYPES.name(aw.award_type)))
            decision = " ".join(x for x in (aw.decision_number, format_vn_date(aw.decision_date)) if x)
            self.award_table.setItem(r, 4, _cell(decision))

    def _selected_id(self, table: QTableWidget) -> int | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(Qt.UserRole) if item else None

    def add_achievement(self) -> None:
        if self.participant is not None:
            _achievement_dialog()(self.runner, self.participant, parent=self).exec()

    def edit_achievement(self, *_args) -> None:
        record = achievements.get_achievement(self.session, self._selected_id(self.achievement_table))
        if record is not None:
            _achievement_dialog()(self.runner, self.participant, record, parent=self).exec()

    def archive_achievement(self) -> None:
        ident = self._selected_id(self.achievement_table)
        if ident is not None:
            self.runner.run(achievements.set_archived, ident, True, parent=self)

    def add_award(self) -> None:
        if self.participant is not None:
            _award_dialog()(self.runner, self.participant, parent=self).exec()

    def edit_award(self, *_args) -> None:
        record = awards.get_award(self.session, self._selected_id(self.award_table))
        if record is not None:
            _award_dialog()(self.runner, self.participant, record, parent=self).exec()

    def archive_award(self) -> None:
        ident = self._selected_id(self.award_table)
        if ident is not None:
            self.runner.run(awards.set_archived, ident, True, parent=self)
