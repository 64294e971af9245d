"""Dialogs of the decisions that come back: ReturnedDecisionDialog (a decision typed from the paper: number, date,
issuer, level, signer, title), OutcomeDialog (one nominee: awarded with the certificate's text and the prize, or not
awarded with the reason given) and PrinterOffsetDialog (how far the printer puts the text off the blank's boxes)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QRadioButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from desktop_app.core.dates import format_vn_date
from desktop_app.core.documents import certificates
from desktop_app.core.documents.year_end import default_prize
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.formats import format_count
from desktop_app.core.nominations import outcomes as core
from desktop_app.core.vocabulary import AWARD_FORMS, AWARDED, DECISION_LEVELS, NOT_AWARDED

from .forms import DraftFormDialog, FieldErrors, date_edit, set_widget_value, widget_value
from .operations import OperationRunner


class ReturnedDecisionDialog(DraftFormDialog):
    def __init__(self, runner: OperationRunner, round_, award_form: str, decision=None,
                 draft_values: dict | None = None, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.round = round_
        self.setWindowTitle(self.tr("Decision received — round %1").replace("%1", str(round_.number)))
        self.setMinimumWidth(560)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Type the decision as it is printed on the paper that came back. Then record each "
                               "nominee's outcome."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = {}
        forms = QComboBox()
        for term in AWARD_FORMS:
            forms.addItem(term.name, term.code)
        self.fields["award_form"] = self.errors.add_row(form, self.tr("Award form"), "award_form", forms)
        self.fields["number"] = self.errors.add_row(form, self.tr("Decision number"), "number",
                                                    QLineEdit(placeholderText="2417/QĐ-UBND"))
        self.fields["decided_on"] = self.errors.add_row(form, self.tr("Date signed"), "decided_on", date_edit())
        self.fields["issuer"] = self.errors.add_row(form, self.tr("Issued by"), "issuer", QLineEdit())
        level = QComboBox()
        for term in DECISION_LEVELS:
            level.addItem(term.name, term.code)
        self.fields["level"] = self.errors.add_row(form, self.tr("Level"), "level", level)
        self.fields["signer"] = self.errors.add_row(form, self.tr("Signed by"), "signer", QLineEdit())
        self.fields["signer_title"] = self.errors.add_row(form, self.tr("Signer's title"), "signer_title",
                                                          QLineEdit("CHỦ TỊCH"))
        title = QPlainTextEdit()
        title.setFixedHeight(60)
        self.fields["title"] = self.errors.add_row(form, self.tr("Title of the decision"), "title", title)
        issuer, lvl = core.decision_issuer_default(self.session, award_form)
        set_widget_value(forms, award_form)
        self.fields["issuer"].setText(issuer)
        set_widget_value(level, lvl)
        stored = None
        if decision is not None:
            stored = {"award_form": decision.award_form, "number": decision.number,
                      "decided_on": format_vn_date(decision.decided_on), "issuer": decision.issuer,
                      "level": decision.level, "signer": decision.signer, "signer_title": decision.signer_title,
                      "title": decision.title}
        self.finish_form(layout, f"decision_back:{round_.id}", stored, draft_values)

    def values(self) -> dict:
        return {key: widget_value(widget) for key, widget in self.fields.items()}

    def draft_payload(self) -> dict:
        return {"form": "decision_back", "round_id": self.round.id, "values": self.values()}

    def load(self, values: dict) -> None:
        for key, widget in self.fields.items():
            if key in values:
                set_widget_value(widget, values[key])

    def save(self) -> None:
        try:
            core.validate_decision(self.session, self.values())
        except ValidationError as error:
            self.errors.show(error)
            return
        self.errors.clear()
        self.submit(core.record_decision_back, self.round.id, self.values())


class OutcomeDialog(DraftFormDialog):
    def __init__(self, runner: OperationRunner, round_, row, draft_values: dict | None = None, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.round = round_
        self.row = row
        self.setWindowTitle(self.tr("Outcome — %1").replace("%1", row.name))
        self.setMinimumWidth(600)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{row.name}</b> — {AWARD_FORMS.name(row.award_form)}")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.awarded = QRadioButton(self.tr("Awarded"))
        self.awarded.setObjectName("outcome_awarded")
        self.not_awarded = QRadioButton(self.tr("Not awarded"))
        self.not_awarded.setObjectName("outcome_not_awarded")
        layout.addWidget(self.awarded)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        layout.addLayout(form)
        self.fields = {}
        decision = QComboBox()
        for d in core.decisions_back(self.session, round_.id):
            if d.award_form == row.award_form:
                decision.addItem(self.tr("No. %1 of %2 — %3").replace("%1", d.number)
                                 .replace("%2", format_vn_date(d.decided_on)).replace("%3", d.issuer), d.id)
        self.fields["decision_id"] = self.errors.add_row(form, self.tr("Decision"), "decision_id", decision)
        text = QPlainTextEdit()
        text.setFixedHeight(70)
        text.setPlaceholderText(self.tr("The words printed on the certificate under the name"))
        self.fields["certificate_text"] = self.errors.add_row(form, self.tr("Text on the certificate"),
                                                              "certificate_text", text)
        prize = QLineEdit()
        suggested = default_prize(self.session, row.kind, row.award_form)
        prize.setPlaceholderText(self.tr("by the rules: %1 đồng").replace("%1", format_count(suggested))
                                 if suggested else "")
        self.fields["prize_amount"] = self.errors.add_row(form, self.tr("Prize money (đồng)"), "prize_amount", prize)
        layout.addWidget(self.not_awarded)
        form2 = QFormLayout()
        form2.setRowWrapPolicy(QFormLayout.WrapAllRows)
        layout.addLayout(form2)
        reason = QPlainTextEdit()
        reason.setFixedHeight(60)
        reason.setPlaceholderText(self.tr("The reason given in the reply"))
        self.fields["reason"] = self.errors.add_row(form2, self.tr("Reason"), "reason", reason)
        self.awarded.toggled.connect(self._enable)
        stored = {"awarded": row.outcome != NOT_AWARDED, "decision_id": row.decision_id,
                  "certificate_text": row.certificate_text, "reason": row.reason,
                  "prize_amount": "" if row.prize_amount is None else str(row.prize_amount)}
        self.awarded.setChecked(True)
        self.finish_form(layout, f"outcome:{row.nominee_id}", stored, draft_values)
        self._enable()

    def _enable(self, *_args) -> None:
        on = self.awarded.isChecked()
        for key in ("decision_id", "certificate_text", "prize_amount"):
            self.fields[key].setEnabled(on)
        self.fields["reason"].setEnabled(not on)

    def values(self) -> dict:
        return {"awarded": self.awarded.isChecked(),
                **{key: widget_value(widget) for key, widget in self.fields.items()}}

    def draft_payload(self) -> dict:
        return {"form": "outcome", "round_id": self.round.id, "nominee_id": self.row.nominee_id,
                "values": self.values()}

    def load(self, values: dict) -> None:
        for key, widget in self.fields.items():
            if key in values:
                set_widget_value(widget, values[key])
        (self.awarded if values.get("awarded", True) else self.not_awarded).setChecked(True)

    def save(self) -> None:
        v = self.values()
        fields = {}
        prize = None
        text = (v["prize_amount"] or "").replace(".", "").replace(" ", "")
        if self.awarded.isChecked():
            if v["decision_id"] is None:
                fields["decision_id"] = "outcomes.decision_required"
            if text and not text.isdigit():
                fields["prize_amount"] = "field.not_integer"
            prize = int(text) if text.isdigit() else None
        elif not (v["reason"] or "").strip():
            fields["reason"] = "outcomes.reason_required"
        if fields:
            self.errors.show(ValidationError(fields))
            return
        self.errors.clear()
        if self.awarded.isChecked():
            self.submit(core.set_outcome, self.row.nominee_id, AWARDED, decision_id=v["decision_id"],
                        certificate_text=v["certificate_text"], prize_amount=prize)
        else:
            self.submit(core.set_outcome, self.row.nominee_id, NOT_AWARDED, reason=v["reason"])


class PrinterOffsetDialog(QDialog):
    """How many millimetres to move the text on this printer, read off the calibration page laid over a blank."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.setWindowTitle(self.tr("Printer offset for certificates"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Print the calibration page on plain paper, lay it over a blank against the light and "
                               "measure how far the boxes are from the blank's lines. Right and down are positive."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.printer = QComboBox()
        self.printer.setObjectName("offset_printer")
        self.printer.addItem(self.tr("(any printer / PDF)"), "")
        for info in QPrinterInfo.availablePrinters():
            self.printer.addItem(info.printerName(), info.printerName())
        form.addRow(self.tr("Printer"), self.printer)
        self.dx = QDoubleSpinBox()
        self.dy = QDoubleSpinBox()
        for box, name in ((self.dx, "offset_dx"), (self.dy, "offset_dy")):
            box.setObjectName(name)
            box.setRange(-certificates.MAX_OFFSET_MM, certificates.MAX_OFFSET_MM)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setSuffix(" mm")
        form.addRow(self.tr("Move right by"), self.dx)
        form.addRow(self.tr("Move down by"), self.dy)
        self.printer.currentIndexChanged.connect(self._load)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self._load()

    def _load(self, *_args) -> None:
        dx, dy = certificates.printer_offset(self.session, self.printer.currentData())
        self.dx.setValue(dx)
        self.dy.setValue(dy)

    def save(self) -> None:
        self.buttons.setEnabled(False)
        self.runner.run(certificates.save_printer_offset, self.printer.currentData(), self.dx.value(), self.dy.value(),
                        parent=self, on_success=lambda _: self.accept(), on_failure=self._failed)

    def _failed(self, error: UserError) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), str(error))


class ReturnedDossierDialog(QDialog):
    """The dossier came back for more information (trả lại): the reply's reason, and what each named nominee must
    add. Saving reopens the round as a correction version (its documents are issued again with new numbers)."""

    def __init__(self, runner: OperationRunner, round_, rows, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.round = round_
        self.rows = rows
        self.fresh = None
        self.setWindowTitle(self.tr("Dossier returned — round %1").replace("%1", str(round_.number)))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The round is reopened as a correction version: add what is asked, then issue its "
                               "documents again and send it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason given in the reply:")))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("returned_reason")
        self.reason.setFixedHeight(70)
        layout.addWidget(self.reason)
        layout.addWidget(QLabel(self.tr("What each nominee must add (leave empty when not named):")))
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("returned_nominees")
        self.table.setHorizontalHeaderLabels([self.tr("Nominee"), self.tr("To add")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setFlags(name.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(""))
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = self.buttons.addButton(self.tr("Reopen as a correction"), QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def reasons(self) -> dict[int, str]:
        return {row.nominee_id: self.table.item(r, 1).text() for r, row in enumerate(self.rows)
                if self.table.item(r, 1).text().strip()}

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.runner.run(core.return_for_more_information, self.round.id, self.reason.toPlainText(), self.reasons(),
                        parent=self, on_success=self._done, on_failure=self._failed)

    def _done(self, fresh) -> None:
        self.fresh = fresh
        self.accept()

    def _failed(self, error: UserError) -> None:
        self.save_button.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), str(error))
