"""ParticipantListScreen: the register — search as you type, filter by kind, archive/restore, details."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop_app.core.register import participants as core
from desktop_app.core.storage.models import Commune, Participant, database_proxy

from .participant_detail_panel import ParticipantDetailPanel
from .participant_dialog import EditParticipantDialog
from .participant_table_model import OBJECT_ROLE, ParticipantTableModel
from .signals import emit

SEARCH_DELAY_MS = 150


class _CountSignals(QObject):
    counted = Signal(object, int, bool)


class _CountTask(QRunnable):
    """Counts the matches of one search on a pool thread (its own SQLite connection, WAL lets it read)."""

    def __init__(self, flt):
        super().__init__()
        self.flt = flt
        self.signals = _CountSignals()

    def run(self) -> None:
        try:
            total, more = core.count_participants_capped(self.flt)
        finally:
            database_proxy.close()  # this pool thread's own connection: never left open on the file
        emit(self.signals.counted, self.flt, total, more)


class ParticipantListScreen(QWidget):
    def __init__(self, commune: Commune, evidence_dir: Path, parent=None):
        super().__init__(parent)
        self.commune = commune
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
        self.kind_filter.addItem(self.tr("Collectives"), "collective")
        self.kind_filter.addItem(self.tr("Individuals"), "individual")
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
        self.add_individual_button.clicked.connect(lambda: self.add("individual"))
        self.add_collective_button.clicked.connect(lambda: self.add("collective"))
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
        self.model = ParticipantTableModel(commune.id, self, count_later=True)
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
        self.detail = ParticipantDetailPanel(evidence_dir)
        self.detail.changed.connect(self.reload)
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
        self._update_count()
        self._update_buttons()
        self.select_first()

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
        task = _CountTask(flt)
        task.signals.counted.connect(self.model.set_count)
        QThreadPool.globalInstance().start(task)

    def wait_for_count(self, timeout_ms: int = 5000) -> bool:
        return QThreadPool.globalInstance().waitForDone(timeout_ms)

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
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.archive_button.setEnabled(has)

    def _selection_changed(self, current, _previous) -> None:
        self.detail.show_participant(self.selected())
        self._update_buttons()

    def selected(self) -> Participant | None:
        index = self.table.currentIndex()
        return self.model.data(self.model.index(index.row(), 0), OBJECT_ROLE) if index.isValid() else None

    def reload(self) -> None:
        current = self.selected()
        self.model.refresh()
        self._update_count()
        if current is not None:
            self.select_participant(current.id)

    def select_participant(self, participant_id: int) -> bool:
        while True:
            for row in range(self.model.rowCount()):
                if self.model.id_at(row) == participant_id:
                    self.table.selectRow(row)
                    self.table.setCurrentIndex(self.model.index(row, 0))
                    self.detail.show_participant(Participant.get_by_id(participant_id))
                    return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def add(self, kind: str) -> None:
        dialog = EditParticipantDialog(self.commune, kind, parent=self)
        self.open_dialog(dialog)

    def open_dialog(self, dialog: EditParticipantDialog) -> None:
        if dialog.exec() and dialog.saved_participant is not None:
            self.model.refresh()
            self._update_count()
            self.select_participant(dialog.saved_participant.id)

    def edit_selected(self, *_args) -> None:
        participant = self.selected()
        if participant is not None:
            self.open_dialog(EditParticipantDialog(self.commune, participant.kind, participant, parent=self))

    def toggle_archive(self) -> None:
        participant = self.selected()
        if participant is None:
            return
        core.set_archived(participant, archived=participant.archived_at is None)
        self.reload()
        self.detail.show_participant(None)
