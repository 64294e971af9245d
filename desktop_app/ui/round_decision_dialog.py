"""DecisionDialog: the commune chairman's Giấy khen decision — number, date, signer; the approved nominees
get the award in their history (chuyên đề)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from desktop_app.core.dates import DateParseError, format_vn_date, parse_vn_date
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import rounds

from .forms import FieldErrors, date_edit
from .operations import OperationRunner


class DecisionDialog(QDialog):
    def __init__(self, runner: OperationRunner, round_, approved: list[str], parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.round = round_
        commune = self.session.home_commune()   # as stored now: the chairman may have changed since
        signer = commune.chairman_name if commune is not None else ""
        self.decision = None
        self.setWindowTitle(self.tr("Giấy khen decision — round %1").replace("%1", str(round_.number)))
        self.setMinimumWidth(520)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Approved by the council, they will get the Giấy khen in their award history "
                               "(thematic — it does not count towards annual-merit awards):") + "\n• "
                       + "\n• ".join(approved))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.number = self.errors.add_row(form, self.tr("Decision number"), "number", QLineEdit(placeholderText="18/QĐ-UBND"))
        self.date = self.errors.add_row(form, self.tr("Date signed"), "decided_on", date_edit())
        self.date.setText(format_vn_date(self.session.clock.today()))
        self.signer = self.errors.add_row(form, self.tr("Signed by"), "signer", QLineEdit(signer))
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.save_button = buttons.addButton(self.tr("Record the decision"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        fields = {}
        try:
            when = parse_vn_date(self.date.text())
        except DateParseError as error:
            when, fields["decided_on"] = None, error.code
        if when is None and "decided_on" not in fields:
            fields["decided_on"] = "field.required"
        for name, widget in (("number", self.number), ("signer", self.signer)):
            if not widget.text().strip():
                fields[name] = "field.required"
        if fields:
            self.errors.show(ValidationError(fields))
            return
        self.save_button.setEnabled(False)
        self.runner.run(rounds.record_decision, self.round.id, self.number.text(), when, self.signer.text(),
                        parent=self, on_success=self._recorded, on_failure=self._failed)

    def _recorded(self, decision) -> None:
        self.decision = decision
        self.accept()

    def _failed(self, error: UserError) -> None:
        self.save_button.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), str(error))
