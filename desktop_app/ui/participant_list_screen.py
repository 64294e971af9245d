"""ParticipantListScreen: the register — search as you type, filter by kind, archive/restore, details."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.register import participants as core
from desktop_app.core.vocabulary import COLLECTIVE, INDIVIDUAL

from .operations import OperationRunner
from .participant_detail_panel import ParticipantDetailPanel
from .participant_dialog import EditParticipantDialog
from .participant_table_model import ID_ROLE, ParticipantTableModel

SEARCH_DELAY_MS = 150


class ParticipantListScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        commune = self.session.home_commune()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by name, position, achievement… (accents not needed)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(self.tr("All"), None)
        self.kind_filter.addItem(self.tr("Collectives"), COLLECTIVE)
        self.kind_filter.addItem(self.tr("Individuals"), INDIVIDUAL)
        bar.addWidget(self.kind_filter)
        self.archived = QCheckBox(self.tr("Show archived"))
        self.archived.setObjectName("show_archived")
        bar.addWidget(self.archived)
        layout.addLayout(bar)

        buttons = QHBoxLayout()
        self.add_individual_button = QPushButton(self.tr("+ Individual"))
        self.add_collective_button = QPushButton(self.tr("+ Collective"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.add_individual_button.clicked.connect(lambda: self.add(INDIVIDUAL))
        self.add_collective_button.clicked.connect(lambda: self.add(COLLECTIVE))
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archive)
        for button in (self.add_individual_button, self.add_collective_button, self.edit_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Horizontal)
        self.model = ParticipantTableModel(self.session, commune.id, self, count_later=True)
        self.model.count_needed.connect(self._count_in_background)
        self.model.count_changed.connect(self._update_count)
        self.table = QTableView()
        self.table.setObjectName("participant_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 230), (1, 75), (2, 115), (3, 90), (4, 160), (5, 100)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(ParticipantTableModel.COL_PHONE, True)
        self.table.doubleClicked.connect(self.edit_selected)
        splitter.addWidget(self.table)
        self.detail = ParticipantDetailPanel(runner)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda *_: self._search_timer.start())
        self.kind_filter.currentIndexChanged.connect(self.apply_filter)
        self.archived.toggled.connect(self.apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        runner.notifier.changed.connect(self._on_changed)
        self._update_count()
        self._update_buttons()
        self.select_first()

    def _on_changed(self, changes) -> None:
        """A participant added, edited, archived or found by new words anywhere: the list shows it at once."""
        if touches(changes, Topic.PARTICIPANTS, Topic.ACHIEVEMENTS):
            self.reload()

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(search=self.search.text(), kind=self.kind_filter.currentData(),
                              archived=self.archived.isChecked())
        self.archive_button.setText(self.tr("Restore") if self.archived.isChecked() else self.tr("Archive"))
        self.detail.show_participant(None)
        self._update_count()
        self._update_buttons()
        self.select_first()

    def _count_in_background(self, flt) -> None:
        self.runner.run(core.count_participants_capped, flt, read=True,
                        on_success=lambda counted: self.model.set_count(flt, *counted))

    def wait_for_count(self, timeout_ms: int = 5000) -> bool:
        return self.runner.wait(timeout_ms)

    def _update_count(self) -> None:
        if self.model.total is None:
            self.count_label.setText(self.tr("counting…"))
            return
        count = f"{self.model.total:,}".replace(",", ".")
        if self.model.more:
            self.count_label.setText(self.tr("more than %1 found").replace("%1", count))
        else:
            self.count_label.setText(self.tr("%1 found").replace("%1", count))

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.archive_button.setEnabled(has)

    def _selection_changed(self, current, _previous) -> None:
        self.detail.show_participant_id(self.selected_id())
        self._update_buttons()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(self.model.index(index.row(), 0), ID_ROLE) if index.isValid() else None

    def selected(self):
        """The selected participant as stored now (None when nothing is selected)."""
        return core.get_participant(self.session, self.selected_id())

    def reload(self) -> None:
        current = self.selected_id()
        self.model.refresh()
        self._update_count()
        if current is None or not self.select_participant(current):
            self.detail.show_participant_id(self.selected_id())
        self._update_buttons()

    def select_participant(self, participant_id: int) -> bool:
        while True:
            row = self.model.row_of(participant_id)
            if row is not None:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.detail.show_participant_id(participant_id)
                return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def add(self, kind: str) -> None:
        self.open_dialog(EditParticipantDialog(self.runner, kind, parent=self))

    def open_dialog(self, dialog: EditParticipantDialog) -> None:
        if dialog.exec() and dialog.saved_participant is not None:
            self.select_participant(dialog.saved_participant.id)

    def edit_selected(self, *_args) -> None:
        participant = self.selected()
        if participant is not None:
            self.open_dialog(EditParticipantDialog(self.runner, participant.kind, participant, parent=self))

    def toggle_archive(self) -> None:
        participant = self.selected()
        if participant is not None:
            self.runner.run(core.set_archived, participant.id, participant.archived_at is None, parent=self)
