"""ReportTextsDialog: the parts of the movement's summary report only a person can write (situation, organisation,
shortcomings, proposals), kept per campaign; what is typed is kept as a draft until saved."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

from desktop_app.core.documents import movement_report as core

from .forms import DraftFormDialog, FieldErrors, set_widget_value, widget_value
from .operations import OperationRunner

class ReportTextsDialog(DraftFormDialog):
    def __init__(self, runner: OperationRunner, campaign_id: int, draft_values: dict | None = None, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.campaign_id = campaign_id
        self.setWindowTitle(self.tr("Summary report — the officer's text"))
        self.setMinimumWidth(720)
        self.errors = FieldErrors(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The figures, charts and typical examples come from the data. Write here what only you "
                               "can write; an empty part is marked in the report for you to fill in."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapAllRows)   # each part's title above its text: the text gets the width
        layout.addLayout(form)
        self.fields = {}
        titles = {"situation": self.tr("Situation of the commune (advantages, difficulties)"),
                  "organisation": self.tr("Direction, launching and communication of the movement"),
                  "shortcomings": self.tr("Shortcomings and their causes"),
                  "proposals": self.tr("Directions, proposals and recommendations")}
        for part in core.OFFICER_PARTS:
            edit = QPlainTextEdit()
            edit.setMinimumHeight(120)
            self.fields[part] = self.errors.add_row(form, titles[part], part, edit)
        self.finish_form(layout, f"report_texts:{campaign_id}", core.report_texts(self.session, campaign_id),
                         draft_values)

    def values(self) -> dict:
        return {key: widget_value(widget) for key, widget in self.fields.items()}

    def draft_payload(self) -> dict:
        return {"form": "report_texts", "campaign_id": self.campaign_id, "values": self.values()}

    def load(self, values: dict) -> None:
        for key, widget in self.fields.items():
            if key in values:
                set_widget_value(widget, values[key])

    def save(self) -> None:
        self.submit(core.save_report_texts, self.campaign_id, self.values())
