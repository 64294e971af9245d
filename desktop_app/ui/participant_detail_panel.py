"""ParticipantDetailPanel: the selected participant's achievements and award history, with their buttons."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from desktop_app.core.dates import format_vn_date
from desktop_app.core.register import achievements, awards
from desktop_app.core.storage.models import Achievement, Award, Participant

from .achievement_dialog import EditAchievementDialog
from .award_dialog import EditAwardDialog
from .labels import AWARD_CATEGORY_LABELS, AWARD_TYPE_LABELS, CATEGORY_LABELS, GENDER_LABELS, label
from .signals import emit


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.Stretch)
    return table


class ParticipantDetailPanel(QWidget):
    changed = Signal()

    def __init__(self, evidence_dir: Path, parent=None):
        super().__init__(parent)
        self.evidence_dir = evidence_dir
        self.participant: Participant | None = None
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
                                   self.tr("Decision")])
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

    def show_participant(self, participant: Participant | None) -> None:
        self.participant = participant
        enabled = participant is not None and participant.archived_at is None
        self.add_achievement_button.setEnabled(enabled)
        self.add_award_button.setEnabled(enabled)
        self.achievement_table.setRowCount(0)
        self.award_table.setRowCount(0)
        if participant is None:
            self.header.setText(self.tr("Choose a participant in the list."))
            return
        if participant.kind == "individual":
            facts = [label(GENDER_LABELS, participant.gender), format_vn_date(participant.birth_date),
                     participant.ethnicity, participant.position, participant.workplace]
        else:
            members = ""
            if participant.member_count is not None:
                members = self.tr("%1 members, %2 women").replace("%1", str(participant.member_count)).replace(
                    "%2", str(participant.female_count or 0))
            facts = [label(CATEGORY_LABELS, participant.category), participant.address, participant.head_name, members]
        text = f"<b style='font-size:14pt'>{participant.name}</b><br>" + " · ".join(f for f in facts if f)
        if participant.archived_at:
            text += "<br><i>" + self.tr("Archived") + "</i>"
        flags = [participant.under_discipline, participant.under_inspection, participant.under_complaint]
        if any(flags):
            text += "<br><span style='color:#b00020'>" + self.tr("Has a blocking circumstance") + "</span>"
        self.header.setText(text)
        for a in achievements.list_achievements(participant):
            r = self.achievement_table.rowCount()
            self.achievement_table.insertRow(r)
            item = QTableWidgetItem(a.title)
            item.setData(Qt.UserRole, a.id)
            item.setToolTip(a.results)
            self.achievement_table.setItem(r, 0, item)
            period = " – ".join(x for x in (format_vn_date(a.date_from), format_vn_date(a.date_to)) if x)
            self.achievement_table.setItem(r, 1, QTableWidgetItem(period))
            self.achievement_table.setItem(r, 2, QTableWidgetItem(str(len(achievements.list_evidence(a)))))
        for aw in awards.list_awards(participant):
            r = self.award_table.rowCount()
            self.award_table.insertRow(r)
            item = QTableWidgetItem(aw.name)
            item.setData(Qt.UserRole, aw.id)
            self.award_table.setItem(r, 0, item)
            self.award_table.setItem(r, 1, QTableWidgetItem(str(aw.year)))
            self.award_table.setItem(r, 2, QTableWidgetItem(label(AWARD_CATEGORY_LABELS, aw.category)))
            self.award_table.setItem(r, 3, QTableWidgetItem(label(AWARD_TYPE_LABELS, aw.award_type)))
            decision = " ".join(x for x in (aw.decision_number, format_vn_date(aw.decision_date)) if x)
            self.award_table.setItem(r, 4, QTableWidgetItem(decision))

    def _selected_id(self, table: QTableWidget) -> int | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.data(Qt.UserRole) if item else None

    def _after(self, dialog) -> None:
        if dialog.exec():
            self.show_participant(Participant.get_by_id(self.participant.id))
            emit(self.changed)

    def add_achievement(self) -> None:
        if self.participant is not None:
            self._after(EditAchievementDialog(self.evidence_dir, self.participant, parent=self))

    def edit_achievement(self, *_args) -> None:
        ident = self._selected_id(self.achievement_table)
        if ident is not None:
            self._after(EditAchievementDialog(self.evidence_dir, self.participant, Achievement.get_by_id(ident),
                                              parent=self))

    def archive_achievement(self) -> None:
        ident = self._selected_id(self.achievement_table)
        if ident is not None:
            achievements.set_archived(Achievement.get_by_id(ident), True)
            self.show_participant(self.participant)
            emit(self.changed)

    def add_award(self) -> None:
        if self.participant is not None:
            self._after(EditAwardDialog(self.participant, parent=self))

    def edit_award(self, *_args) -> None:
        ident = self._selected_id(self.award_table)
        if ident is not None:
            self._after(EditAwardDialog(self.participant, Award.get_by_id(ident), parent=self))

    def archive_award(self) -> None:
        ident = self._selected_id(self.award_table)
        if ident is not None:
            awards.set_archived(Award.get_by_id(ident), True)
            self.show_participant(self.participant)
            emit(self.changed)
