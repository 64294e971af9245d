"""OutcomeScreen: the decisions that came back for a round and each nominee's outcome (awarded — decision, the text
on the certificate, the prize; or not awarded — the reason), the Giấy khen printed onto the blank or plain A4 (with
the calibration page and the printer's offset), the ceremony list and the prize payout list (PDF, .xlsx)."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QMessageBox, QPushButton, QTableWidget, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_date
from desktop_app.core.documents import certificates, year_end
from desktop_app.core.documents.round_documents import save_files
from desktop_app.core.errors import UserError
from desktop_app.core.exchange import return_intake
from desktop_app.core.formats import format_count
from desktop_app.core.nominations import outcomes as core
from desktop_app.core.nominations.rounds import get_round
from desktop_app.core.vocabulary import AWARD_FORMS, AWARDED, NOMINATION_FORMS, NOT_AWARDED, OUTCOMES

from .layout import read_only_item
from .operations import OperationRunner
from .outcome_dialogs import OutcomeDialog, PrinterOffsetDialog, ReturnedDecisionDialog, ReturnedDossierDialog


class OutcomeScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.rows = []
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Decisions received, certificates and prize money"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        box.addWidget(title)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Round:")))
        self.round_box = QComboBox()
        self.round_box.setObjectName("outcome_round")
        top.addWidget(self.round_box, 1)
        box.addLayout(top)
        self.decisions = QLabel()
        self.decisions.setObjectName("outcome_decisions")
        self.decisions.setWordWrap(True)
        box.addWidget(self.decisions)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("outcome_table")
        self.table.setHorizontalHeaderLabels([self.tr("Nominee"), self.tr("Award form"), self.tr("Outcome"),
                                              self.tr("Decision"), self.tr("Text on the certificate / reason"),
                                              self.tr("Prize (đồng)")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        # Rows as tall as their wrapped text at the columns' real widths: measured again once the table is laid
        # out or a column changes width (measured before, a long reason wrapped at a few pixels made a row the
        # height of the screen).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.doubleClicked.connect(lambda *_: self.record_outcome())
        box.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("outcome_summary")
        box.addWidget(self.summary)
        row1 = QHBoxLayout()
        self.decision_button = QPushButton(self.tr("Enter a decision received…"))
        self.decision_button.setObjectName("outcome_enter_decision")
        self.outcome_button = QPushButton(self.tr("Record the outcome…"))
        self.outcome_button.setObjectName("outcome_record")
        self.returned_button = QPushButton(self.tr("Dossier returned for more information…"))
        self.returned_button.setObjectName("outcome_returned")
        self.packet_button = QPushButton(self.tr("Receive the province's return packet…"))
        self.packet_button.setObjectName("outcome_return_packet")
        self.packet_button.setToolTip(self.tr("The signed packet the Sở Nội vụ sent back (SNV_tra_….zip): its decision "
                                              "or its request for more information is entered for you."))
        row1.addWidget(self.packet_button)
        row1.addWidget(self.decision_button)
        row1.addWidget(self.outcome_button)
        row1.addWidget(self.returned_button)
        row1.addStretch(1)
        box.addLayout(row1)
        row2 = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print the Giấy khen…"))
        self.print_button.setObjectName("outcome_print_certificates")
        self.calibrate_button = QPushButton(self.tr("Calibration page…"))
        self.offset_button = QPushButton(self.tr("Printer offset…"))
        self.ceremony_button = QPushButton(self.tr("Ceremony list…"))
        self.ceremony_button.setObjectName("outcome_ceremony")
        self.payout_button = QPushButton(self.tr("Prize payout list…"))
        self.payout_button.setObjectName("outcome_payout")
        self.excel_button = QPushButton(self.tr("Save both lists as Excel…"))
        for b in (self.print_button, self.calibrate_button, self.offset_button):
            row2.addWidget(b)
        row2.addStretch(1)
        for b in (self.ceremony_button, self.payout_button, self.excel_button):
            row2.addWidget(b)
        box.addLayout(row2)
        self.decision_button.clicked.connect(self.enter_decision)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.returned_button.clicked.connect(self.dossier_returned)
        self.packet_button.clicked.connect(lambda: self.receive_return_packet())
        self.print_button.clicked.connect(self.print_certificates)
        self.calibrate_button.clicked.connect(self.print_calibration)
        self.offset_button.clicked.connect(lambda: PrinterOffsetDialog(self.runner, self).exec())
        self.ceremony_button.clicked.connect(lambda: self._list(year_end.print_ceremony_list,
                                                                self.tr("Ceremony list"), "Danh_sach_khen_thuong.pdf"))
        self.payout_button.clicked.connect(lambda: self._list(year_end.print_payout_list,
                                                              self.tr("Prize payout list"), "Danh_sach_chi_thuong.pdf"))
        self.excel_button.clicked.connect(self.save_excel)
        self.round_box.currentIndexChanged.connect(lambda *_: self.reload())
        self.table.itemSelectionChanged.connect(self._enable)
        runner.notifier.changed.connect(self._on_changed)
        self._fill_rounds()

    # --- loading ------------------------------------------------------------------------------------
    def _fill_rounds(self) -> None:
        chosen = self.round_box.currentData()
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for r in core.rounds_with_outcomes(self.session):
            label = self.tr("Round %1 (version %2) — %3").replace("%1", str(r.number)).replace("%2", str(r.version)) \
                .replace("%3", r.title or format_vn_date(r.round_date))
            self.round_box.addItem(label, r.id)
        index = self.round_box.findData(chosen)
        self.round_box.setCurrentIndex(index if index >= 0 else 0)
        self.round_box.blockSignals(False)
        self.reload()

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.ROUNDS):
            self._fill_rounds()
        elif touches(changes, Topic.AWARDS, Topic.PARTICIPANTS):
            self.reload()

    @property
    def round(self):
        return get_round(self.session, self.round_box.currentData())

    def reload(self) -> None:
        round_id = self.round_box.currentData()
        self.rows = core.outcomes_of(self.session, round_id) if round_id else []
        selected = {self.table.item(i.row(), 0).data(Qt.UserRole) for i in self.table.selectedItems()}
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            outcome = OUTCOMES.name(row.outcome) if row.outcome else self.tr("Not known yet")
            decision = f"{row.decision_number} ({format_vn_date(row.decided_on)})" if row.decision_number else ""
            detail = row.certificate_text if row.outcome == AWARDED else row.reason
            if not row.outcome and row.return_reason:
                detail = self.tr("Returned — to add: %1").replace("%1", row.return_reason)
            prize = row.prize_amount if row.prize_amount is not None else (
                year_end.default_prize(self.session, row.kind, row.award_form) if row.outcome == AWARDED else None)
            cells = (row.name, AWARD_FORMS.short_name(row.award_form), outcome, decision, detail,
                     format_count(prize) if prize else "")
            for c, text in enumerate(cells):
                item = read_only_item(text, row.nominee_id if c == 0 else None)
                if c == 2:
                    item.setForeground(QColor("#1b5e20" if row.outcome == AWARDED else
                                              "#b00020" if row.outcome == NOT_AWARDED else "#555555"))
                self.table.setItem(r, c, item)
            if row.nominee_id in selected:
                self.table.selectRow(r)
        self._fit_rows.start()
        decisions = core.decisions_back(self.session, round_id) if round_id else []
        self.decisions.setText(self.tr("Decisions: %1").replace("%1", "; ".join(
            self.tr("%1 of %2 — %3").replace("%1", d.number).replace("%2", format_vn_date(d.decided_on))
            .replace("%3", d.issuer) for d in decisions))
            if decisions else self.tr("No decision has come back for this round yet."))
        awarded = sum(1 for x in self.rows if x.outcome == AWARDED)
        refused = sum(1 for x in self.rows if x.outcome == NOT_AWARDED)
        self.summary.setText(self.tr("%1 awarded, %2 not awarded, %3 waiting for a decision.")
                             .replace("%1", format_count(awarded)).replace("%2", format_count(refused))
                             .replace("%3", format_count(len(self.rows) - awarded - refused)))
        self._enable()

    def selected_rows(self) -> list:
        ids = {self.table.item(i.row(), 0).data(Qt.UserRole) for i in self.table.selectedItems()}
        return [r for r in self.rows if r.nominee_id in ids]

    def _enable(self) -> None:
        has_round = self.round_box.currentData() is not None
        self.decision_button.setEnabled(has_round)
        round_ = self.round if has_round else None
        self.returned_button.setEnabled(round_ is not None and round_.status != "draft")
        self.outcome_button.setEnabled(len(self.selected_rows()) == 1)
        here = any(r.outcome == AWARDED and NOMINATION_FORMS.get(r.award_form) and
                   NOMINATION_FORMS[r.award_form].decided_here for r in self.rows)
        self.print_button.setEnabled(here)
        any_awarded = any(r.outcome == AWARDED for r in self.rows)
        for b in (self.ceremony_button, self.payout_button, self.excel_button):
            b.setEnabled(any_awarded)

    # --- actions ------------------------------------------------------------------------------------
    def enter_decision(self) -> None:
        chosen = self.selected_rows()
        form = chosen[0].award_form if chosen else next(
            (r.award_form for r in self.rows if not NOMINATION_FORMS.get(r.award_form) or
             not NOMINATION_FORMS[r.award_form].decided_here), "bang_khen_tinh")
        ReturnedDecisionDialog(self.runner, self.round, form, parent=self).exec()

    def receive_return_packet(self, path: str | None = None) -> None:
        """The province's signed return packet, from a USB stick: verified, then its decision or its request for
        more information lands in the round. The first packet waits for the fingerprint compared on paper."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("The province's return packet"), "",
                                                  self.tr("Return packet (*.zip)"))
            if not path:
                return
        self._import_return(path, None)

    def _import_return(self, path: str, trust: str | None) -> None:
        def failed(error: UserError) -> None:
            if error.code in ("returns.confirm_fingerprint", "returns.key_changed") and trust is None:
                if self._confirm_province_key(error):
                    self._import_return(path, error.params["signer"])
                return
            self._warn(error)

        def done(result) -> None:
            self._fill_rounds()
            index = self.round_box.findData(result.round_id)
            if index >= 0:
                self.round_box.setCurrentIndex(index)
            QMessageBox.information(self, self.tr("Return packet received"), return_intake.describe(result))

        self.runner.run(return_intake.import_return_packet, path, trust_fingerprint=trust, on_success=done,
                        on_failure=failed, parent=self)

    def _confirm_province_key(self, error: UserError) -> bool:
        """Compare the key's fingerprint with the one printed on the province's letter; the default is not to trust."""
        box = QMessageBox(QMessageBox.Question, self.tr("The province's signing key"),
                          str(error) + "\n\n" + self.tr("Is it exactly the fingerprint printed on the Sở Nội vụ's "
                                                          "letter? Compare it group by group."), parent=self)
        trust = box.addButton(self.tr("Same as on paper — trust and receive"), QMessageBox.AcceptRole)
        later = box.addButton(self.tr("Not now"), QMessageBox.RejectRole)
        box.setDefaultButton(later)
        box.setEscapeButton(later)
        box.exec()
        return box.clickedButton() is trust

    def dossier_returned(self) -> None:
        dialog = ReturnedDossierDialog(self.runner, self.round, self.rows, parent=self)
        if dialog.exec() and dialog.fresh is not None:
            index = self.round_box.findData(dialog.fresh.id)
            if index >= 0:
                self.round_box.setCurrentIndex(index)

    def record_outcome(self) -> None:
        chosen = self.selected_rows()
        if len(chosen) == 1:
            OutcomeDialog(self.runner, self.round, chosen[0], parent=self).exec()

    def _warn(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Decisions and certificates"), str(error))

    def print_certificates(self) -> None:
        designs = certificates.list_designs()
        names = [d.name for d in designs]
        current = certificates.chosen_design(self.session)
        start = next((i for i, d in enumerate(designs) if d.id == current), 0)
        choice, ok = QInputDialog.getItem(self, self.tr("Print the Giấy khen"),
                                          self.tr("Print onto (the selected nominees, or everyone awarded):"),
                                          names, start, False)
        if not ok:
            return
        design = designs[names.index(choice)]
        if design.id != current:
            self.runner.run(certificates.choose_design, design.id, parent=self)
        chosen = [r.nominee_id for r in self.selected_rows() if r.outcome == AWARDED] or None
        round_id = self.round.id

        def make(printer: str, done, failed=None) -> None:
            # The text moved by this printer's saved offset (or the one for any printer); the title says by how much.
            dx, dy = certificates.printer_offset(self.session, printer)
            title = self.tr("Giấy khen for the printer %3 — offset: right %1 mm, down %2 mm") \
                .replace("%1", f"{dx:g}").replace("%2", f"{dy:g}").replace("%3", printer or "PDF")
            self.runner.run(certificates.print_certificates, round_id, chosen, design.id, printer, read=True,
                            parent=self, on_failure=lambda error: (self._warn(error), failed and failed()),
                            on_success=lambda pdf: done(pdf, title))

        printer = QPrinterInfo.defaultPrinterName()
        make(printer, lambda pdf, title: self._preview(pdf, title, "Giay_khen.pdf", True, printer, make))

    def print_calibration(self) -> None:
        def make(printer: str, done, failed=None) -> None:
            self.runner.run(certificates.print_calibration, None, printer, read=True, parent=self,
                            on_failure=lambda error: (self._warn(error), failed and failed()),
                            on_success=lambda pdf: done(pdf, self.tr("Calibration page")))

        printer = QPrinterInfo.defaultPrinterName()
        make(printer, lambda pdf, title: self._preview(pdf, title, "Trang_can_chinh.pdf", True, printer, make))

    def _list(self, op, title: str, file_name: str) -> None:
        self.runner.run(op, self.round.id, read=True, parent=self, on_failure=self._warn,
                        on_success=lambda pdf: self._preview(pdf, title, file_name, False))

    def _preview(self, pdf: bytes, title: str, file_name: str, landscape: bool, made_for: str | None = None,
                 remake=None) -> None:
        from .print_preview_dialog import PrintPreviewDialog

        self.preview = PrintPreviewDialog(title, pdf, file_name, self, landscape=landscape, made_for=made_for,
                                          remake=remake)
        self.preview.open()

    def save_excel(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the lists in…"))
            if not folder:
                return
        round_id = self.round.id

        def write(session):
            return save_files([("Danh_sach_khen_thuong.xlsx", year_end.ceremony_xlsx(session, round_id)),
                               ("Danh_sach_chi_thuong.xlsx", year_end.payout_xlsx(session, round_id))], folder)

        self.runner.run(write, read=True, parent=self, on_failure=self._warn,
                        on_success=lambda paths: QMessageBox.information(
                            self, self.tr("Saved"), "\n".join(str(p) for p in paths)))
