"""ParticipantListScreen: the register — search as you type, filters an officer reaches for (kind, category,
thôn/unit, gender, award year and title/form, checklist verdict), archive/restore with a question, printing the
list and a person's trích ngang, and the details of the selected row."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.formats import format_count
from desktop_app.core.register import participants as core
from desktop_app.core.vocabulary import (AWARD_CODES_BY_CATEGORY, COLLECTIVE, GENDERS, INDIVIDUAL,
                                         PARTICIPANT_CATEGORIES, VERDICTS)

from .first_paint import after_first_paint
from .operations import OperationRunner
from .participant_detail_panel import ParticipantDetailPanel
from .participant_table_model import ID_ROLE, ParticipantTableModel

SEARCH_DELAY_MS = 150


def _participant_dialog():
    """The participant form, loaded when first opened (with the forms' widgets, not before the first paint)."""
    from .participant_dialog import EditParticipantDialog

    return EditParticipantDialog


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
        layout.addLayout(self._filter_bar())

        buttons = QHBoxLayout()
        self.add_individual_button = QPushButton(self.tr("+ Individual"))
        self.add_collective_button = QPushButton(self.tr("+ Collective"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.add_individual_button.clicked.connect(lambda: self.add(INDIVIDUAL))
        self.add_collective_button.clicked.connect(lambda: self.add(COLLECTIVE))
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button.clicked.connect(self.toggle_archive)
        self.print_button = QPushButton(self.tr("Print the list…"))
        self.print_button.setObjectName("print_list")
        self.print_button.setToolTip(self.tr("Print the list as it is shown now (search and filters)"))
        self.print_button.clicked.connect(self.print_list)
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.excel_button.setObjectName("export_excel")
        self.excel_button.setToolTip(self.tr("Save the list as it is shown now (search and filters) as an Excel file"))
        self.excel_button.clicked.connect(self.export_excel)
        self.extract_button = QPushButton(self.tr("Award history extract…"))
        self.extract_button.setObjectName("print_extract")
        self.extract_button.setToolTip(self.tr("Print the selected participant's award history (trích ngang)"))
        self.extract_button.clicked.connect(self.print_extract)
        for button in (self.add_individual_button, self.add_collective_button, self.edit_button, self.archive_button,
                       self.print_button, self.excel_button, self.extract_button):
            buttons.addWidget(button)
        self.add_individual_button.setToolTip("Ctrl+N")
        self.search.setToolTip("Ctrl+F")
        buttons.addStretch()
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        # Widgets are made inside their parents: a finished widget tree moved under a new parent is styled
        # again, child by child (the app's style sheet), which the start paid twice over.
        splitter = QSplitter(Qt.Horizontal, self)
        self.model = ParticipantTableModel(self.session, commune.id, self, count_later=True)
        self.model.count_needed.connect(self._count_in_background)
        self.model.count_changed.connect(self._update_count)
        self._count_in_background(self.model.filter)   # the first page was listed before anyone listened
        self.table = QTableView(splitter)
        self.table.setObjectName("participant_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        # The model lists by name already: the indicator first, so switching sorting on asks for that same order.
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 230), (1, 75), (2, 115), (3, 90), (4, 160), (5, 100)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(ParticipantTableModel.COL_PHONE, True)
        # Enter and a double click both "activate" a row (Qt sends one signal for either): it opens the record.
        self.table.activated.connect(self.edit_selected)
        splitter.addWidget(self.table)
        self.detail = ParticipantDetailPanel(runner, splitter)
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
        for combo in self.filters.values():
            combo.currentIndexChanged.connect(self.apply_filter)
        QShortcut(QKeySequence.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence.New, self, activated=lambda: self.add(INDIVIDUAL))
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, activated=lambda: self.add(COLLECTIVE))

        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        runner.notifier.changed.connect(self._on_changed)
        self._update_count()
        self._update_buttons()
        self.select_first()

    def _filter_bar(self) -> QHBoxLayout:
        """Combo boxes for what an officer narrows a list by; "—" in each means no filter."""
        row = QHBoxLayout()
        self.filters: dict[str, QComboBox] = {}

        def combo(key: str, label: str, items: list[tuple[str, object]]) -> QComboBox:
            box = QComboBox()
            box.setObjectName(f"filter_{key}")
            box.addItem(label, None)
            for text, value in items:
                box.addItem(text, value)
            box.setToolTip(label)
            self.filters[key] = box
            row.addWidget(box)
            return box

        combo("category", self.tr("Category: all"), [(t.name, t.code) for t in PARTICIPANT_CATEGORIES])
        combo("unit", self.tr("Village / unit: all"), [])
        combo("gender", self.tr("Gender: all"), [(t.name, t.code) for t in GENDERS])
        combo("award_year", self.tr("Award year: all"), [])
        combo("award_code", self.tr("Title / award form: all"),
              [(t.name, t.code) for terms in AWARD_CODES_BY_CATEGORY.values() for t in terms])
        combo("verdict", self.tr("Checklist: all"), [(t.name, t.code) for t in VERDICTS])
        self.clear_filters_button = QPushButton(self.tr("Clear filters"))
        self.clear_filters_button.setObjectName("clear_filters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.clear_filters_button.setEnabled(False)
        row.addWidget(self.clear_filters_button)
        row.addStretch()
        # Units and years need queries: filled once the window is painted, not before.
        after_first_paint(self, self._fill_dynamic_filters)
        return row

    def _fill_dynamic_filters(self) -> None:
        """The units and years to choose from come from the data (kept as they are while listing)."""
        for key, items in (("unit", [(c.name, c.id) for c in core.list_collectives(self.session)]),
                           ("award_year", [(str(y), y) for y in core.award_years(self.session)])):
            box = self.filters[key]
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for text, value in items:
                box.addItem(text, value)
            index = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(0, index))
            box.blockSignals(False)

    def clear_filters(self) -> None:
        for box in self.filters.values():
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.apply_filter()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_changed(self, changes) -> None:
        """A participant added, edited, archived or found by new words anywhere: the list shows it at once."""
        if touches(changes, Topic.PARTICIPANTS, Topic.AWARDS):
            self._fill_dynamic_filters()
        if touches(changes, Topic.PARTICIPANTS, Topic.ACHIEVEMENTS, Topic.AWARDS, Topic.CHECKLISTS):
            self.reload()

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def apply_filter(self) -> None:
        self._search_timer.stop()
        f = {key: box.currentData() for key, box in self.filters.items()}
        self.model.set_filter(search=self.search.text(), kind=self.kind_filter.currentData(),
                              archived=self.archived.isChecked(), category=f["category"], unit_id=f["unit"],
                              gender=f["gender"], award_year=f["award_year"], award_code=f["award_code"],
                              verdict=f["verdict"])
        self.clear_filters_button.setEnabled(self.model.filter.narrowed)
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
        count = format_count(self.model.total)
        if self.model.more:
            self.count_label.setText(self.tr("more than %1 found").replace("%1", count))
        else:
            self.count_label.setText(self.tr("%1 found").replace("%1", count))

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.archive_button.setEnabled(has)
        self.extract_button.setEnabled(has)
        self.print_button.setEnabled(self.model.rowCount() > 0)
        self.excel_button.setEnabled(self.model.rowCount() > 0)

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
        self.open_dialog(_participant_dialog()(self.runner, kind, parent=self))

    def open_dialog(self, dialog) -> None:
        if dialog.exec() and dialog.saved_participant is not None:
            self.select_participant(dialog.saved_participant.id)

    def edit_selected(self, *_args) -> None:
        participant = self.selected()
        if participant is not None:
            self.open_dialog(_participant_dialog()(self.runner, participant.kind, participant, parent=self))

    def toggle_archive(self) -> None:
        participant = self.selected()
        if participant is None:
            return
        archive = participant.archived_at is None
        question = (self.tr("Archive %1? It leaves the lists but nothing is deleted; you can restore it from "
                            "“Show archived”.") if archive else self.tr("Restore %1 to the lists?"))
        if QMessageBox.question(self, self.tr("Register"), question.replace("%1", participant.name)) != \
                QMessageBox.Yes:
            return
        self.runner.run(core.set_archived, participant.id, archive, parent=self)

    def filter_description(self) -> str:
        """What the printed list shows, in words ("Thôn Nà Khoang · Nữ · tìm: hoa")."""
        parts = [box.currentText() for box in self.filters.values() if box.currentData() is not None]
        if self.kind_filter.currentData():
            parts.insert(0, self.kind_filter.currentText())
        if self.search.text().strip():
            parts.append(self.tr("search: %1").replace("%1", self.search.text().strip()))
        if self.archived.isChecked():
            parts.append(self.tr("archived"))
        return " · ".join(parts)

    def print_list(self) -> None:
        # The document code (ReportLab) loads only when something is printed: start-up never pays for it.
        from desktop_app.core.documents import lists

        from .print_preview_dialog import PrintPreviewDialog

        def show(pdf: bytes) -> None:
            PrintPreviewDialog(self.tr("Print the list"), pdf, "Danh_sach_doi_tuong.pdf", self).exec()

        self.runner.run(lists.print_register_list, self.model.filter, self.filter_description(), read=True,
                        progress=self.tr("Preparing the list…"), parent=self, on_success=show)

    def export_excel(self) -> None:
        from . import excel_export

        excel_export.export_register(self.runner, self, self.model.filter, self.filter_description())

    def print_extract(self) -> None:
        from desktop_app.core.documents import lists
        from desktop_app.core.documents.build import ascii_name

        from .print_preview_dialog import PrintPreviewDialog

        participant = self.selected()
        if participant is None:
            return

        def show(pdf: bytes) -> None:
            PrintPreviewDialog(self.tr("Award history extract"), pdf,
                               f"Trich_ngang_{ascii_name(participant.name)}.pdf", self).exec()

        self.runner.run(lists.print_award_history, participant.id, read=True, parent=self, on_success=show)
