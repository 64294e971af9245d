"""Tệp › Nhập từ Excel…: choose a file, confirm how its columns map (with each column's detected encoding, which
the officer can override), see every row's verdict before anything is written, import all valid rows or none,
save the errors as an .xlsx to fix, and undo the import as a whole."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QSpinBox, QStackedWidget, QTableView,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.dates import format_vn_datetime
from desktop_app.core.formats import format_count
from desktop_app.core.legacy_text import ENCODING_NAMES, ENCODINGS
from desktop_app.core.register.campaigns import label as campaign_label
from desktop_app.core.register.campaigns import list_campaigns
from desktop_app.core.spreadsheets import columns as cols
from desktop_app.core.spreadsheets import importing
from desktop_app.core.vocabulary import CATEGORIES_BY_KIND, COLLECTIVE, INDIVIDUAL

from .forms import date_edit
from .layout import SCREEN_MARGIN, TITLE_BAR, available_geometry, fit_to_screen
from .operations import OperationRunner

EXCEL_FILTER = "Excel (*.xlsx *.xlsm *.xls)"
_COLOURS = {importing.NEW: "#e6f4ea", importing.UPDATE: "#fff4d6", importing.ERROR: "#fde2e1",
            importing.DUPLICATE: "#eeeeee", importing.SKIPPED: "#f5f5f5"}


class PlanRowsModel(QAbstractTableModel):
    """The preview: one line per row of the file (row number, verdict, name, what happens or why not)."""

    COLUMNS = 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[importing.RowResult] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Row"), self.tr("Result"), self.tr("Name"), self.tr("Details"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            column = index.column()
            if column == 0:
                return r.row
            if column == 1:
                return importing.VERDICT_LABELS[r.verdict]
            if column == 2:
                return r.name
            details = "; ".join(f"{label}: {old or '∅'} → {new or '∅'}" for label, old, new in r.changes)
            return "; ".join(x for x in (details, r.reason) if x)
        if role == Qt.BackgroundRole:
            colour = _COLOURS.get(r.verdict)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.UserRole:
            return r.verdict
        return None


class ExcelImportDialog(QDialog):
    """Three steps on one dialog: 1 columns, 2 preview, 3 result."""

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None, path: str | None = None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.plan: importing.ImportPlan | None = None
        self._asked = 0   # the latest reading or replanning asked for: an older one finishing later is dropped
        self.result: importing.ImportResult | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Import from Excel"))
        layout = QVBoxLayout(self)

        # --- the file and how to read it
        top = QFormLayout()
        file_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen"))
        self.file_label.setObjectName("file_label")
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("choose_file")
        self.choose_button.clicked.connect(self.choose_file)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        top.addRow(self.tr("File:"), file_row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        top.addRow(self.tr("Sheet:"), self.sheet_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("list_kind")
        for key, name in cols.LIST_KINDS.items():
            self.kind_combo.addItem(name, key)
        self.kind_combo.activated.connect(self._kind_chosen)
        top.addRow(self.tr("The list holds:"), self.kind_combo)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("default_category")
        self.category_combo.activated.connect(self._options_changed)
        self.category_label = QLabel(self.tr("Category of new ones (when the file has no such column):"))
        self.category_label.setWordWrap(True)
        top.addRow(self.category_label, self.category_combo)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setObjectName("campaign")
        for campaign in list_campaigns(self.session):
            self.campaign_combo.addItem(campaign_label(campaign), campaign.id)
        self.campaign_combo.activated.connect(self._options_changed)
        self.campaign_label = QLabel(self.tr("Movement of the achievements:"))
        top.addRow(self.campaign_label, self.campaign_combo)
        # A registration list (đăng ký thi đua) often says its year and date only in its title: asked here.
        self.year_box = QSpinBox()
        self.year_box.setObjectName("registration_year")
        self.year_box.setRange(1945, 2200)
        self.year_box.setValue(self.session.clock.today().year)
        self.year_box.editingFinished.connect(self._options_changed)
        self.year_label = QLabel(self.tr("Year registered for:"))
        self.year_box.setToolTip(self.tr("Used for the rows when the file has no \"Year\" column."))
        top.addRow(self.year_label, self.year_box)
        self.date_field = date_edit()
        self.date_field.setObjectName("registration_date")
        self.date_field.editingFinished.connect(self._options_changed)
        self.date_label = QLabel(self.tr("Date of the registration list:"))
        self.date_field.setToolTip(self.tr("Used for the rows when the file has no \"Registration date\" column."))
        top.addRow(self.date_label, self.date_field)
        for w in (self.year_box, self.year_label, self.date_field, self.date_label):
            w.setVisible(False)
        layout.addLayout(top)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())
        layout.addWidget(self.pages, 1)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("< Back to the columns"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0) or self._update_buttons())
        self.errors_button = QPushButton(self.tr("Save the rows to fix as Excel…"))
        self.errors_button.setObjectName("save_errors")
        self.errors_button.clicked.connect(self.save_errors)
        self.next_button = QPushButton(self.tr("Preview >"))
        self.next_button.setObjectName("preview")
        self.next_button.clicked.connect(self.show_preview)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        for b in (self.back_button, self.errors_button, self.next_button, self.close_button, self.choose_button):
            b.setAutoDefault(False)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.errors_button)
        buttons.addStretch()
        for b in (self.next_button, self.import_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._update_buttons()
        # A working dialog: as large as an officer's screen allows (1366×768), never larger.
        fit_to_screen(self, min_width=1240)
        room = available_geometry(parent)
        self.resize(min(1240, self.maximumWidth()), min(room.height() - 2 * SCREEN_MARGIN - TITLE_BAR, 700))
        if path:
            self.load(path)

    # --- pages ------------------------------------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.mapping_note = QLabel(self.tr("Choose the Excel file of the list (.xlsx, .xlsm or .xls)."))
        self.mapping_note.setObjectName("mapping_note")
        self.mapping_note.setWordWrap(True)
        # Up to three lines of explanation, never cut by the table below it.
        self.mapping_note.setMinimumHeight(3 * self.mapping_note.fontMetrics().lineSpacing() + 6)
        self.mapping_note.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        v.addWidget(self.mapping_note)
        self.mapping_table = QTableWidget(0, 5)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("Heading in the file"), self.tr("First values (as read)"),
            self.tr("Import into"), self.tr("Encoding")])
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.setSectionResizeMode(4, QHeaderView.Interactive)
        self.mapping_table.setColumnWidth(1, 230)
        self.mapping_table.setColumnWidth(3, 280)
        self.mapping_table.setColumnWidth(4, 190)
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setSelectionMode(QAbstractItemView.NoSelection)
        v.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        v.addWidget(self.summary_label)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        self.verdict_filter = QComboBox()
        self.verdict_filter.setObjectName("verdict_filter")
        self.verdict_filter.addItem(self.tr("All rows"), "")
        for code, label in importing.VERDICT_LABELS.items():
            self.verdict_filter.addItem(label, code)
        self.verdict_filter.currentIndexChanged.connect(self._filter_rows)
        row.addWidget(self.verdict_filter)
        row.addStretch()
        v.addLayout(row)
        self.rows_model = PlanRowsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.rows_model)
        self.proxy.setFilterRole(Qt.UserRole)
        self.proxy.setFilterKeyColumn(1)
        self.preview_table = QTableView()
        self.preview_table.setObjectName("preview_table")
        self.preview_table.setModel(self.proxy)
        self.preview_table.verticalHeader().setVisible(False)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.preview_table.setWordWrap(False)
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Interactive)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.preview_table.setColumnWidth(2, 220)
        v.addWidget(self.preview_table, 1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        v.addWidget(self.result_label)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.setObjectName("undo_import")
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch()
        v.addLayout(row)
        v.addStretch()
        return page

    # --- reading --------------------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Excel file"), "", EXCEL_FILTER)
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        self.file_label.setText(Path(path).name)
        self.mapping_note.setText(self.tr("Reading the file…"))
        self.runner.run(importing.read_import, path, sheet=sheet, read=True, parent=self,
                        campaign_id=self.campaign_combo.currentData(), year=self.year_box.value(),
                        registered_on=self.date_field.text().strip(),
                        progress=self.tr("Reading the Excel file…"), on_success=self._latest(),
                        on_failure=self._failed, on_cancelled=self._read_cancelled)

    def _read_cancelled(self) -> None:
        self.mapping_note.setText(self.tr("Reading was cancelled. Choose the file again to import it."))
        self._update_buttons()

    def _failed(self, error) -> None:
        self.mapping_note.setText(str(error))
        QMessageBox.warning(self, self.tr("Import from Excel"), str(error))
        self._update_buttons()

    def _latest(self):
        """A plan's callback that shows it only if nothing was asked for after it (two quick changes — the year,
        then the date — are planned on two threads and may finish in either order)."""
        self._asked += 1
        asked = self._asked
        return lambda plan: self._planned(plan) if asked == self._asked else None

    def _planned(self, plan: importing.ImportPlan) -> None:
        self.plan = plan
        self._filling = True
        try:
            self.sheet_combo.clear()
            self.sheet_combo.addItems(plan.sheet_names)
            self.sheet_combo.setCurrentText(plan.sheet)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(plan.kind))
            self._fill_categories(plan.kind, plan.default_category)
            self._fill_mapping(plan)
        finally:
            self._filling = False
        self.rows_model.set_rows(plan.rows)
        self._show_summary()
        self._update_buttons()

    def _fill_categories(self, kind: str, chosen: str) -> None:
        self.category_combo.clear()
        participant_kind = COLLECTIVE if kind == cols.COLLECTIVES else INDIVIDUAL
        for term in CATEGORIES_BY_KIND[participant_kind]:
            self.category_combo.addItem(term.name, term.code)
        default = chosen or importing.DEFAULT_CATEGORY[participant_kind]
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(default)))
        for w in (self.category_combo, self.category_label):
            w.setVisible(kind in (cols.INDIVIDUALS, cols.COLLECTIVES))
        for w in (self.campaign_combo, self.campaign_label):
            w.setVisible(kind in (cols.ACHIEVEMENTS, cols.REGISTRATIONS))
        self.campaign_label.setText(self.tr("Movement registered in:") if kind == cols.REGISTRATIONS
                                    else self.tr("Movement of the achievements:"))
        for w in (self.year_box, self.year_label, self.date_field, self.date_label):
            w.setVisible(kind == cols.REGISTRATIONS)

    def _fill_mapping(self, plan: importing.ImportPlan) -> None:
        fields = cols.fields_for(plan.kind)
        self.mapping_table.setRowCount(len(plan.headings))
        for i, heading in enumerate(plan.headings):
            letter = cols.column_letter(i)
            hidden = i in plan.hidden_columns
            item = QTableWidgetItem(letter + (" " + self.tr("(hidden)") if hidden else ""))
            item.setFlags(Qt.ItemIsEnabled)
            self.mapping_table.setItem(i, 0, item)
            item = QTableWidgetItem(" ".join(heading.split()))
            item.setFlags(Qt.ItemIsEnabled)
            self.mapping_table.setItem(i, 1, item)
            shown = plan.column_samples(i)
            item = QTableWidgetItem(" · ".join(shown))
            item.setFlags(Qt.ItemIsEnabled)
            item.setToolTip("\n".join(shown))
            self.mapping_table.setItem(i, 2, item)
            field_combo = QComboBox()
            field_combo.setObjectName(f"map_{letter}")
            field_combo.addItem(self.tr("(do not import)"), cols.IGNORE)
            for f in fields:
                field_combo.addItem(f.label, f.key)
            field_combo.setCurrentIndex(max(0, field_combo.findData(plan.mapping[i])))
            field_combo.activated.connect(self._options_changed)
            self.mapping_table.setCellWidget(i, 3, field_combo)
            enc_combo = QComboBox()
            enc_combo.setObjectName(f"encoding_{letter}")
            for code in ENCODINGS:
                name = ENCODING_NAMES[code]
                if code == plan.detected[i] and code != "unicode":
                    name += " " + self.tr("(detected)")
                enc_combo.addItem(name, code)
            enc_combo.setCurrentIndex(enc_combo.findData(plan.encodings[i]))
            enc_combo.activated.connect(self._options_changed)
            self.mapping_table.setCellWidget(i, 4, enc_combo)
        converted = [f"{cols.column_letter(i)} ({ENCODING_NAMES[e]})" for i, e in enumerate(plan.detected)
                     if e != "unicode"]
        parts = [self.tr("Header found on row %1 of sheet \"%2\"; %3 data rows.").replace(
            "%1", str(plan.header_row)).replace("%2", plan.sheet).replace("%3", format_count(len(plan.rows)))]
        if plan.remembered:
            parts.append(self.tr("The columns are mapped as you confirmed for a file with the same headings."))
        if converted:
            parts.append(self.tr("Old-font text found in columns %1: converted to Unicode (change it in the "
                                 "Encoding column if a column is not).").replace("%1", ", ".join(converted)))
        if plan.already_imported:
            parts.append(self.tr("This very file was imported on %1: importing it again adds nothing.").replace(
                "%1", format_vn_datetime(plan.already_imported)))
        parts.append(self.tr("Check each column, then click Preview."))
        self.mapping_note.setText(" ".join(parts))

    def _current_mapping(self) -> tuple[list[str], list[str]]:
        mapping, encodings = [], []
        for i in range(self.mapping_table.rowCount()):
            mapping.append(self.mapping_table.cellWidget(i, 3).currentData())
            encodings.append(self.mapping_table.cellWidget(i, 4).currentData())
        return mapping, encodings

    def _sheet_chosen(self) -> None:
        if self.plan is not None and not self._filling:
            self.load(self.plan.path, self.sheet_combo.currentText())

    def _kind_chosen(self) -> None:
        if self.plan is None or self._filling:
            return
        self._replan(kind=self.kind_combo.currentData(), default_category="")

    def _options_changed(self) -> None:
        if self.plan is None or self._filling:
            return
        mapping, encodings = self._current_mapping()
        self._replan(mapping=mapping, encodings=encodings, default_category=self.category_combo.currentData() or "",
                     campaign_id=self.campaign_combo.currentData(), year=self.year_box.value(),
                     registered_on=self.date_field.text().strip())

    def _replan(self, **changes) -> None:
        self.runner.run(importing.replan, self.plan, read=True, parent=self, on_success=self._latest(),
                        on_failure=self._failed, **changes)

    # --- preview and import -------------------------------------------------------------------------------

    def _show_summary(self) -> None:
        if self.plan is None:
            return
        text = self.plan.summary()
        if self.plan.errors:
            text += " " + self.tr("Rows with errors are not imported: save them as Excel, fix and import them "
                                  "again.")
        self.summary_label.setText(text)

    def _filter_rows(self) -> None:
        code = self.verdict_filter.currentData()
        self.proxy.setFilterFixedString(code or "")

    def show_preview(self) -> None:
        self.pages.setCurrentIndex(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        have = self.plan is not None
        self.next_button.setVisible(page == 0)
        self.next_button.setEnabled(have)
        self.back_button.setVisible(page == 1)
        self.errors_button.setVisible(page == 1 and have and bool(self.plan.errors or
                                                                  self.plan.count(importing.DUPLICATE)))
        self.import_button.setVisible(page == 1)
        count = self.plan.importable if have else 0
        self.import_button.setEnabled(count > 0)
        self.import_button.setText(self.tr("Import %1 valid rows").replace("%1", format_count(count)))
        for w in (self.sheet_combo, self.kind_combo, self.category_combo, self.campaign_combo, self.choose_button,
                  self.year_box, self.date_field):
            w.setEnabled(page != 2)
        self.close_button.setText(self.tr("Close") if page == 2 or not have else self.tr("Cancel"))

    def save_errors(self) -> None:
        if self.plan is None:
            return
        suggested = str(Path(self.plan.path).with_name(Path(self.plan.path).stem + "_can-sua.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the rows to fix"), suggested, "Excel (*.xlsx)")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.runner.run(importing.write_error_report, self.plan, path, read=True, parent=self,
                        on_success=lambda written: QMessageBox.information(
                            self, self.tr("Import from Excel"),
                            self.tr("Saved %1. Fix the rows (the reason is in the last column), save, and import "
                                    "this file again.").replace("%1", str(written))))

    def start_import(self) -> None:
        if self.plan is None or not self.plan.importable:
            return
        self.import_button.setEnabled(False)
        self.runner.run(importing.apply_import, self.plan, parent=self, progress=self.tr("Importing…"),
                        on_success=self._imported, on_failure=self._failed,
                        on_cancelled=self._import_cancelled)

    def _import_cancelled(self) -> None:
        self.summary_label.setText(self.plan.summary() + " " + self.tr("The import was cancelled: nothing was "
                                                                        "written."))
        self._update_buttons()

    def _imported(self, result: importing.ImportResult) -> None:
        self.result = result
        self.plan = result.plan
        lines = [self.tr("Imported from %1:").replace("%1", self.plan.file_name),
                 self.tr("%1 new, %2 updated, %3 already there unchanged.").replace(
                     "%1", format_count(result.created)).replace("%2", format_count(result.updated)).replace(
                     "%3", format_count(result.unchanged))]
        if result.not_imported:
            lines.append(self.tr("%1 rows were not imported (errors or duplicates in the file).").replace(
                "%1", format_count(result.not_imported)))
        if result.batch_id:
            lines.append(self.tr("The import is recorded with the file's name and fingerprint; it can be undone as "
                                 "a whole while nothing else has changed these records."))
        self.result_label.setText("\n".join(lines))
        self.undo_button.setVisible(result.batch_id is not None)
        self.undo_button.setEnabled(result.batch_id is not None)
        self.pages.setCurrentIndex(2)
        self._update_buttons()

    def undo(self) -> None:
        if self.result is None or self.result.batch_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Undo this import"), self.tr(
            "Remove what this import added and give the updated records their earlier values back?"))
        if answer != QMessageBox.Yes:
            return

        def undone(count: int) -> None:
            self.undo_button.setEnabled(False)
            self.result_label.setText(self.result_label.text() + "\n\n" + self.tr(
                "Undone: %1 records.").replace("%1", format_count(count)))

        self.runner.run(importing.undo_import, self.result.batch_id, parent=self, on_success=undone)


class ImportHistoryDialog(QDialog):
    """Tệp › Các lần nhập từ Excel…: every import with its file, counts and state; one can be undone as a whole."""

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.batches: list[importing.BatchRow] = []
        self.setWindowTitle(self.tr("Imports from Excel"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("batches")
        self.table.setHorizontalHeaderLabels([self.tr("Imported at"), self.tr("File"), self.tr("List"),
                                              self.tr("Rows"), self.tr("State")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeToContents)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("Undo the selected import…"))
        self.undo_button.setObjectName("undo_batch")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_selected)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row.addWidget(self.undo_button)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update)
        runner.notifier.changed.connect(lambda _changes: self.reload())
        self.resize(1000, 420)
        fit_to_screen(self, min_width=1000)
        self.reload()

    def reload(self) -> None:
        self.batches = importing.import_batches(self.runner.session)
        self.table.setRowCount(len(self.batches))
        for i, b in enumerate(self.batches):
            counts = b.counts or {}
            text = self.tr("%1 new, %2 updated, %3 unchanged, %4 not imported").replace(
                "%1", format_count(counts.get("new", 0))).replace("%2", format_count(counts.get("update", 0))).replace(
                "%3", format_count(counts.get("same", 0))).replace(
                "%4", format_count(counts.get("error", 0) + counts.get("duplicate", 0)))
            state = (self.tr("undone on %1").replace("%1", format_vn_datetime(b.undone_at)) if b.undone_at
                     else self.tr("in effect"))
            for column, value in enumerate((format_vn_datetime(b.created_at), b.file_name,
                                            cols.LIST_KINDS.get(b.kind, b.kind), text, state)):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setToolTip("SHA-256: " + b.sha256)
                self.table.setItem(i, column, item)
        self._update()

    def selected(self) -> importing.BatchRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _update(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and not batch.undone_at)

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at:
            return
        answer = QMessageBox.question(self, self.tr("Undo the import"), self.tr(
            "Undo the import of %1 (%2): remove what it added and give the updated records their earlier "
            "values back?").replace("%1", batch.file_name).replace("%2", format_vn_datetime(batch.created_at)))
        if answer != QMessageBox.Yes:
            return
        self.runner.run(importing.undo_import, batch.id, parent=self,
                        on_success=lambda count: QMessageBox.information(
                            self, self.tr("Undo the import"),
                            self.tr("Undone: %1 records.").replace("%1", format_count(count))))
