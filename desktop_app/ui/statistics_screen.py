"""StatisticsScreen: the movement's results per campaign and year range — every figure in a tree that opens the
records behind it, the charts (ReportLab's, shown as SVG), and the summary report (báo cáo tổng kết) as PDF or .docx."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.documents import movement_report, year_end
from desktop_app.core.documents.round_documents import save_files
from desktop_app.core.errors import UserError
from desktop_app.core.formats import format_count
from desktop_app.core.nominations import statistics as core
from desktop_app.core.register.campaigns import label as campaign_label
from desktop_app.core.register.campaigns import list_campaigns

from .operations import OperationRunner
from .report_dialog import ReportTextsDialog

KEY_ROLE = Qt.UserRole


class ChartView(QWidget):
    """Draws one SVG chart, scaled to the widget and keeping its proportions."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.renderer = QSvgRenderer(self)
        self.setMinimumHeight(200)

    def set_svg(self, data: bytes) -> None:
        self.renderer.load(QByteArray(data))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, 360)

    def paintEvent(self, _event) -> None:
        if not self.renderer.isValid():
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.white)
        size = self.renderer.defaultSize().scaled(self.size(), Qt.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        self.renderer.render(painter, QRectF(x, 0, size.width(), size.height()))
        painter.end()


class StatisticsScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.svgs: dict[str, bytes] = {}
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Results of the movement"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        box.addWidget(title)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Campaign:")))
        self.campaign = QComboBox()
        self.campaign.setObjectName("statistics_campaign")
        self.campaign.setMinimumWidth(360)
        for c in list_campaigns(self.session):
            self.campaign.addItem(campaign_label(c), c.id)
        top.addWidget(self.campaign, 1)
        top.addWidget(QLabel(self.tr("From")))
        self.year_from = QSpinBox()
        self.year_from.setObjectName("statistics_from")
        top.addWidget(self.year_from)
        top.addWidget(QLabel(self.tr("to")))
        self.year_to = QSpinBox()
        self.year_to.setObjectName("statistics_to")
        top.addWidget(self.year_to)
        for spin in (self.year_from, self.year_to):
            spin.setRange(2000, 2100)
        self.busy = QLabel(self.tr("Counting…"))
        self.busy.setObjectName("statistics_busy")
        self.busy.setStyleSheet("color: #7a4a00;")
        top.addWidget(self.busy)
        box.addLayout(top)
        split = QSplitter(Qt.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setObjectName("statistics_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Figure"), self.tr("Number")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        split.addWidget(self.tree)
        self.tabs = QTabWidget()
        records = QWidget()
        rbox = QVBoxLayout(records)
        self.records_title = QLabel(self.tr("Click a figure to see the records behind it."))
        self.records_title.setObjectName("statistics_records_title")
        self.records_title.setWordWrap(True)
        rbox.addWidget(self.records_title)
        self.records = QTableWidget(0, 2)
        self.records.setObjectName("statistics_records")
        self.records.setHorizontalHeaderLabels([self.tr("Collective / person"), self.tr("Details")])
        self.records.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.records.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.records.verticalHeader().setVisible(False)
        self.records.setEditTriggers(QTableWidget.NoEditTriggers)
        rbox.addWidget(self.records, 1)
        self.tabs.addTab(records, self.tr("Records"))
        charts = QWidget()
        cbox = QVBoxLayout(charts)
        self.chart_choice = QComboBox()
        self.chart_choice.setObjectName("statistics_chart_choice")
        for key, name in (("content", self.tr("Achievements by content")), ("field", self.tr("Achievements by field")),
                          ("year", self.tr("Trend by year")), ("women", self.tr("Share of women")),
                          ("registrations", self.tr("Registered and reached"))):
            self.chart_choice.addItem(name, key)
        cbox.addWidget(self.chart_choice)
        self.chart = ChartView()
        self.chart.setObjectName("statistics_chart")
        cbox.addWidget(self.chart, 1)
        self.tabs.addTab(charts, self.tr("Charts"))
        split.addWidget(self.tabs)
        split.setSizes([460, 640])
        box.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.texts_button = QPushButton(self.tr("Write the officer's parts of the report…"))
        self.report_button = QPushButton(self.tr("Summary report (PDF)…"))
        self.report_button.setObjectName("statistics_report")
        self.docx_button = QPushButton(self.tr("Save the report as .docx…"))
        self.form_button = QPushButton(self.tr("Yearly award statistics form…"))
        self.form_button.setObjectName("statistics_form")
        buttons.addWidget(self.texts_button)
        buttons.addWidget(self.form_button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.docx_button)
        box.addLayout(buttons)
        self.texts_button.clicked.connect(
            lambda: ReportTextsDialog(self.runner, self.campaign.currentData(), parent=self).exec())
        self.report_button.clicked.connect(self.show_report)
        self.docx_button.clicked.connect(lambda: self.save_docx())
        self.form_button.clicked.connect(lambda: self.save_form())
        self.tree.currentItemChanged.connect(self._figure_chosen)
        self.chart_choice.currentIndexChanged.connect(self._show_chart)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.year_from.valueChanged.connect(lambda *_: self.reload())
        self.year_to.valueChanged.connect(lambda *_: self.reload())
        runner.notifier.changed.connect(self._on_changed)
        self._campaign_changed()

    def _campaign_changed(self) -> None:
        c = next((c for c in list_campaigns(self.session) if c.id == self.campaign.currentData()), None)
        today = self.session.clock.today().year
        for spin, value in ((self.year_from, c.period_start if c and c.period_start else today),
                            (self.year_to, c.period_end if c and c.period_end else today)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.reload()

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.ACHIEVEMENTS, Topic.AWARDS, Topic.PARTICIPANTS, Topic.REGISTRATIONS, Topic.ROUNDS):
            self.reload()

    def years(self) -> tuple[int, int]:
        a, b = self.year_from.value(), self.year_to.value()
        return min(a, b), max(a, b)

    def reload(self) -> None:
        campaign_id = self.campaign.currentData()
        if campaign_id is None:
            return
        y0, y1 = self.years()
        # On a large register the counting takes seconds (docs/performance.md): say so while it runs.
        self.busy.show()
        self.runner.run(core.movement_statistics, campaign_id, y0, y1, read=True, on_success=self._show,
                        on_failure=lambda e: (self.busy.hide(), self._warn(e)))
        self.runner.run(movement_report.chart_svgs, campaign_id, y0, y1, read=True, on_success=self._charts)

    def _show(self, s: core.Statistics) -> None:
        self.busy.hide()
        chosen = self.tree.currentItem().data(0, KEY_ROLE) if self.tree.currentItem() else None
        self.tree.clear()
        sections = [
            (self.tr("Taking part"), s.participants),
            (self.tr("Achievements by content of the plan"), s.by_content),
            (self.tr("Achievements by priority field"), s.by_field),
            (self.tr("Achievements by thôn / unit"), s.by_unit),
            (self.tr("Achievements by year"), s.by_year),
            (self.tr("Registered (and reached)"), tuple(x for pair in s.registrations for x in pair)),
            (self.tr("Awards by form and type"), s.awards),
            (self.tr("Women"), s.women),
            (self.tr("Nomination rounds"), s.rounds),
            (self.tr("Outcomes of the nominations"), s.outcomes),
        ]
        for name, figures in sections:
            head = QTreeWidgetItem(self.tree, [name, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for f in figures:
                label = f.label
                if f.key.startswith("reached:"):
                    label = self.tr("— reached: %1").replace("%1", f.label)
                elif f.key.startswith("reg:"):
                    label = self.tr("Registered: %1").replace("%1", f.label)
                value = format_count(f.value) if f.total is None else \
                    f"{format_count(f.value)}/{format_count(f.total)}"
                item = QTreeWidgetItem(head, [label, value])
                item.setData(0, KEY_ROLE, f.key)
                item.setTextAlignment(1, Qt.AlignRight | Qt.AlignVCenter)
                if f.key == chosen:
                    self.tree.setCurrentItem(item)
            head.setExpanded(True)
        self.total = s.achievements_total

    def _figure_chosen(self, current, _previous) -> None:
        key = current.data(0, KEY_ROLE) if current is not None else None
        if not key:
            return
        y0, y1 = self.years()
        label = current.text(0)
        self.runner.run(core.figure_records, self.campaign.currentData(), y0, y1, key, read=True,
                        on_success=lambda rows: self._show_records(label, rows))

    def _show_records(self, label: str, rows) -> None:
        self.records_title.setText(self.tr("%1 — %2 record(s)").replace("%1", label)
                                   .replace("%2", format_count(len(rows))))
        self.records.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.records.setItem(r, 0, QTableWidgetItem(row.name))
            self.records.setItem(r, 1, QTableWidgetItem(row.detail))
        self.tabs.setCurrentIndex(0)

    def _charts(self, svgs: dict) -> None:
        self.svgs = svgs
        self._show_chart()

    def _show_chart(self, *_args) -> None:
        data = self.svgs.get(self.chart_choice.currentData())
        if data:
            self.chart.set_svg(data)

    def _warn(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Summary report"), str(error))

    def show_report(self) -> None:
        y0, y1 = self.years()
        self.runner.run(movement_report.print_summary_report, self.campaign.currentData(), y0, y1, read=True,
                        parent=self, on_failure=self._warn, on_success=self._preview)

    def _preview(self, pdf: bytes) -> None:
        from .print_preview_dialog import PrintPreviewDialog

        y0, y1 = self.years()
        self.preview = PrintPreviewDialog(self.tr("Summary report of the movement"), pdf,
                                          f"Bao_cao_tong_ket_{y0}-{y1}.pdf", self)
        self.preview.open()

    def save_form(self, folder: str | None = None) -> None:
        """The year's award statistics (biểu 0603.N structure, headings unverified) of the last year, PDF and .xlsx."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the form in…"))
            if not folder:
                return
        year = self.years()[1]

        def write(session):
            return save_files([(f"Bieu_so_lieu_khen_thuong_{year}.pdf", year_end.print_statistics_form(session, year)),
                               (f"Bieu_so_lieu_khen_thuong_{year}.xlsx", year_end.statistics_form_xlsx(session, year))],
                              folder)

        self.runner.run(write, read=True, parent=self, on_failure=self._warn,
                        on_success=lambda paths: QMessageBox.information(
                            self, self.tr("Saved"), "\n".join(str(p) for p in paths)))

    def save_docx(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the report in…"))
            if not folder:
                return
        y0, y1 = self.years()
        campaign_id = self.campaign.currentData()

        def write(session):
            data = movement_report.print_summary_report(session, campaign_id, y0, y1, "docx")
            return save_files([(f"Bao_cao_tong_ket_{y0}-{y1}.docx", data)], folder)

        self.runner.run(write, read=True, parent=self, on_failure=self._warn,
                        on_success=lambda paths: QMessageBox.information(self, self.tr("Saved"), str(paths[0])))
