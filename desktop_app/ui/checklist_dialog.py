"""MigrateChecklistDialog: before moving a checklist to a new criteria version, show what is kept and
what must be answered again; the old checklist stays readable as it was filled."""
from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QTextBrowser, QVBoxLayout

from desktop_app.core.errors import UserError
from desktop_app.core.nominations import checklists
from desktop_app.core.nominations.criteria import migrate_answers

from .operations import OperationRunner


class MigrateChecklistDialog(QDialog):
    def __init__(self, runner: OperationRunner, checklist, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.checklist = checklist
        self.new_checklist = None
        self.setWindowTitle(self.tr("Move to the new criteria version"))
        self.resize(640, 520)
        old_set = checklists.criteria_set_of(checklist)
        current = checklists.catalog().get(checklist.set_id)
        self.preview = migrate_answers(old_set, current, checklists.answers_of(checklist))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The criteria “%1” changed from version %2 to version %3. A new checklist is made on "
                               "the new version; this one stays as it was filled, read only.")
                       .replace("%1", current.title).replace("%2", str(old_set.version))
                       .replace("%3", str(current.version)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QTextBrowser()
        self.details.setObjectName("migration_details")
        self.details.setHtml(self._html(old_set))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox()
        self.move_button = buttons.addButton(self.tr("Move to the new version"), QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.migrate)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _status(self, status: str | None) -> str:
        return {"met": self.tr("Met"), "not_met": self.tr("Not met"),
                "not_applicable": self.tr("Not applicable")}.get(status, self.tr("not answered"))

    def _html(self, old_set) -> str:
        p = self.preview
        kept = self.tr("Answers kept (%1)").replace("%1", str(len(p.kept)))
        again = self.tr("To answer again (%1)").replace("%1", str(len(p.to_reanswer)))
        dropped = self.tr("Earlier answers not carried over (%1)").replace("%1", str(len(p.dropped)))
        parts = [f"<h3>{escape(kept)}</h3><ul>"]
        for code in p.kept:
            c = old_set.criterion(code)
            answer = p.answers[code]
            parts.append(f"<li>{escape(c.text if c else code)} — <b>{escape(self._status(answer.status))}</b></li>")
        parts.append("</ul>")
        parts.append(f"<h3 style='color:#a36200'>{escape(again)}</h3><ul>")
        for item in p.to_reanswer:
            why = self.tr("new criterion") if item.reason == "new" else self.tr("wording changed")
            line = f"<li>{escape(item.text)} <i>({escape(why)})</i>"
            if item.old_text:
                line += "<br><span style='color:#555'>" + escape(self.tr("Before: %1").replace("%1", item.old_text)) + "</span>"
            parts.append(line + "</li>")
        parts.append("</ul>")
        if p.dropped:
            parts.append(f"<h3>{escape(dropped)}</h3><ul>")
            for d in p.dropped:
                parts.append(f"<li>{escape(d.old_text or d.code)} — {escape(self._status(d.answer.status))}</li>")
            parts.append("</ul>")
        return "".join(parts)

    def migrate(self) -> None:
        self.move_button.setEnabled(False)

        def failed(error: UserError) -> None:
            self.move_button.setEnabled(True)
            QMessageBox.warning(self, self.windowTitle(), str(error))

        def done(result) -> None:
            self.new_checklist = result[0]
            self.accept()

        self.runner.run(checklists.migrate_checklist, self.checklist.id, parent=self, on_success=done,
                        on_failure=failed)

