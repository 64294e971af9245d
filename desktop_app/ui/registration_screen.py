"""RegistrationScreen: who registered (đăng ký thi đua) for what, per campaign and year; register, correct,
withdraw, and print a unit's registration list (bản đăng ký thi đua, NĐ 30/2020 layout)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QMessageBox, QPushButton, QSpinBox, QTableWidget, QVBoxLayout,
                               QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_date
from desktop_app.core.documents import year_end
from desktop_app.core.formats import format_count
from desktop_app.core.register import registrations as core
from desktop_app.core.register.campaigns import label as campaign_label
from desktop_app.core.register.campaigns import list_campaigns
from desktop_app.core.vocabulary import COLLECTIVE, PARTICIPANT_KINDS

from .layout import read_only_item
from .operations import OperationRunner
from .registration_dialog import RegistrationDialog

COLUMNS = 6


class RegistrationScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Emulation registration at the start of the year"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        box.addWidget(title)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Campaign:")))
        self.campaign = QComboBox()
        self.campaign.setObjectName("registration_campaign")
        self.campaign.setMinimumWidth(420)
        for c in list_campaigns(self.session):
            self.campaign.addItem(campaign_label(c), c.id)
        top.addWidget(self.campaign, 1)
        top.addWidget(QLabel(self.tr("Year:")))
        self.year = QSpinBox()
        self.year.setObjectName("registration_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(self.session.clock.today().year)
        top.addWidget(self.year)
        box.addLayout(top)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("registration_table")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"), self.tr("Registered for"),
                                              self.tr("On the list of"), self.tr("Date"), self.tr("Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (1, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        box.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("registration_summary")
        box.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Register…"))
        self.add_button.setObjectName("registration_add")
        self.edit_button = QPushButton(self.tr("Correct…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw the registration"))
        self.print_button = QPushButton(self.tr("Print the registration list…"))
        self.print_button.setObjectName("registration_print")
        for b in (self.add_button, self.edit_button, self.withdraw_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        box.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.print_button.clicked.connect(self.print_list)
        self.campaign.currentIndexChanged.connect(self._campaign_changed)
        self.year.valueChanged.connect(lambda *_: self.reload())
        self.table.itemSelectionChanged.connect(self._enable)
        runner.notifier.changed.connect(self._on_changed)
        self._campaign_changed()

    def _campaign_changed(self) -> None:
        c = next((c for c in list_campaigns(self.session) if c.id == self.campaign.currentData()), None)
        if c is not None and c.period_start and c.period_end:
            self.year.blockSignals(True)
            self.year.setRange(c.period_start, c.period_end)
            self.year.setValue(min(max(self.session.clock.today().year, c.period_start), c.period_end))
            self.year.blockSignals(False)
        self.reload()

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.REGISTRATIONS, Topic.PARTICIPANTS):
            self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        rows = core.list_registrations(self.session, self.campaign.currentData(), self.year.value())
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.name, PARTICIPANT_KINDS.name(row.kind), row.aim_name, row.collective_name,
                     format_vn_date(row.registered_on), row.note)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, read_only_item(text, row.id if c == 0 else None))
            if row.id == selected:
                self.table.selectRow(r)
        groups = sum(1 for x in rows if x.kind == COLLECTIVE)
        self.summary.setText(self.tr("%1 collective(s) and %2 individual(s) registered in %3.")
                             .replace("%1", format_count(groups)).replace("%2", format_count(len(rows) - groups))
                             .replace("%3", str(self.year.value())))
        self._enable()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return self.table.item(items[0].row(), 0).data(Qt.UserRole) if items else None

    def _enable(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.withdraw_button.setEnabled(chosen)
        self.print_button.setEnabled(self.table.rowCount() > 0)

    def add(self) -> None:
        RegistrationDialog(self.runner, self.campaign.currentData(), self.year.value(), parent=self).exec()

    def edit(self) -> None:
        registration = core.get_registration(self.session, self.selected_id())
        if registration is not None:
            RegistrationDialog(self.runner, registration=registration, parent=self).exec()

    def withdraw(self) -> None:
        ident = self.selected_id()
        if ident is None:
            return
        row = next(x for x in core.list_registrations(self.session, self.campaign.currentData(), self.year.value())
                   if x.id == ident)
        answer = QMessageBox.question(self, self.tr("Withdraw the registration"),
                                      self.tr("Withdraw the registration of %1 (%2)? It is kept, marked withdrawn.")
                                      .replace("%1", row.name).replace("%2", row.aim_name))
        if answer == QMessageBox.Yes:
            self.runner.run(core.withdraw_registration, ident, parent=self)

    def print_list(self) -> None:
        units = year_end.registration_units(self.session, self.campaign.currentData(), self.year.value())
        # The commune's list of everyone first, then each collective with its members.
        names = [self.tr("The commune's list (everyone who registered)")] + [n for i, n in units if i is not None]
        ids = [None] + [i for i, _ in units if i is not None]
        choice, ok = QInputDialog.getItem(self, self.tr("Print the registration list"), self.tr("Which unit's list:"),
                                          names, 0, False)
        if not ok:
            return
        unit = ids[names.index(choice)]
        self.runner.run(year_end.print_registration_list, self.campaign.currentData(), self.year.value(), unit,
                        read=True, parent=self, on_success=lambda pdf: self._preview(pdf, choice),
                        on_failure=lambda e: QMessageBox.warning(self, self.tr("Print"), str(e)))

    def _preview(self, pdf: bytes, unit: str) -> None:
        from .print_preview_dialog import PrintPreviewDialog

        self.preview = PrintPreviewDialog(self.tr("Registration list — %1").replace("%1", unit), pdf,
                                          f"Ban_dang_ky_thi_dua_{self.year.value()}.pdf", self)
        self.preview.open()


