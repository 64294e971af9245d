"""EditAchievementDialog: an achievement in a campaign, its contents, priority fields, results and evidence."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register import achievements as core
from desktop_app.core.register import campaigns

from .forms import DraftFormDialog, FieldErrors, date_edit, set_widget_value, widget_value
from .operations import OperationRunner


class EditAchievementDialog(DraftFormDialog):
    """Evidence files added or removed here take effect with Save, in the same transaction as the achievement."""

    def __init__(self, runner: OperationRunner, participant, achievement=None, draft_values: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.participant = participant
        self.achievement = achievement
        self.pending_files: list[str] = [str(f) for f in (draft_values or {}).get("pending_files", [])
                                         if isinstance(f, str)]
        self.removed_evidence: list[int] = [int(i) for i in (draft_values or {}).get("removed_evidence", [])
                                            if isinstance(i, int)]
        title = self.tr("New achievement of %1") if achievement is None else self.tr("Achievement of %1")
        self.setWindowTitle(title.replace("%1", participant.name))
        self.setMinimumWidth(700)
        self.errors = FieldErrors(self)
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.campaign_box = QComboBox()
        for campaign in campaigns.list_campaigns(self.session):
            self.campaign_box.addItem(campaigns.label(campaign), campaign.id)
        self.fields["campaign_id"] = self.errors.add_row(form, self.tr("Campaign"), "campaign_id", self.campaign_box)
        title_edit = QLineEdit()
        title_edit.setMaxLength(300)
        self.fields["title"] = self.errors.add_row(form, self.tr("Achievement"), "title", title_edit)
        self.fields["date_from"] = self.errors.add_row(form, self.tr("From (date)"), "date_from", date_edit())
        self.fields["date_to"] = self.errors.add_row(form, self.tr("To (date)"), "date_to", date_edit())
        description = QPlainTextEdit()
        description.setPlaceholderText(self.tr("What was done, and how (content and measures)"))
        self.fields["description"] = self.errors.add_row(form, self.tr("Content and measures"), "description", description)
        results = QPlainTextEdit()
        results.setPlaceholderText(self.tr("Measurable results: numbers, percentages, products"))
        self.fields["results"] = self.errors.add_row(form, self.tr("Results"), "results", results)

        self.contents_group = QGroupBox(self.tr("Contents of the movement"))
        self.fields_group = QGroupBox(self.tr("Priority fields"))
        self.content_checks: dict[str, QCheckBox] = {}
        self.field_checks: dict[str, QCheckBox] = {}
        layout.addWidget(self.contents_group)
        layout.addWidget(self.fields_group)
        self.campaign_box.currentIndexChanged.connect(self._fill_codes)
        self._fill_codes()

        evidence_box = QGroupBox(self.tr("Evidence files (copied into the workspace)"))
        ev_layout = QVBoxLayout(evidence_box)
        self.evidence_list = QListWidget()
        self.evidence_list.setObjectName("evidence_list")
        self.evidence_list.setMaximumHeight(90)
        self.evidence_list.itemDoubleClicked.connect(self.open_evidence)
        ev_layout.addWidget(self.evidence_list)
        ev_buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add file…"))
        add.clicked.connect(self.choose_evidence)
        open_button = QPushButton(self.tr("Open"))
        open_button.clicked.connect(lambda: self.open_evidence(self.evidence_list.currentItem()))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_evidence)
        for button in (add, open_button, remove):
            ev_buttons.addWidget(button)
        ev_buttons.addStretch()
        ev_layout.addLayout(ev_buttons)
        layout.addWidget(evidence_box)

        key = f"achievement:{achievement.id}" if achievement else f"achievement:new:{participant.id}"
        self.finish_form(layout, key, core.achievement_form_values(achievement) if achievement else None, draft_values)
        self._refresh_evidence()

    def _fill_codes(self) -> None:
        campaign = core.get_campaign(self.session, self.campaign_box.currentData())
        for group, checks, key in ((self.contents_group, self.content_checks, "contents"),
                                   (self.fields_group, self.field_checks, "priority_fields")):
            old = group.layout()
            if old is None:
                grid = QGridLayout(group)
            else:
                grid = old
                while grid.count():
                    item = grid.takeAt(0)
                    if item.widget():
                        item.widget().deleteLater()
            checks.clear()
            items = campaign.data.get(key, []) if campaign else []
            columns = 1 if key == "contents" else 2
            for index, item in enumerate(items):
                text = item["text"] if key != "contents" else f"{item['code'][-1]}. {item['text']}"
                check = QCheckBox(text)
                check.setObjectName(item["code"])
                check.setToolTip(item["text"])
                if key == "contents" and len(text) > 95:
                    check.setText(text[:92].rstrip(" ,;") + "…")
                check.toggled.connect(lambda *_: self.autosave.changed() if hasattr(self, "autosave") else None)
                grid.addWidget(check, index // columns, index % columns)
                checks[item["code"]] = check

    def values(self) -> dict:
        values = {key: widget_value(widget) for key, widget in self.fields.items()}
        values["content_codes"] = [code for code, check in self.content_checks.items() if check.isChecked()]
        values["field_codes"] = [code for code, check in self.field_checks.items() if check.isChecked()]
        return values

    def draft_payload(self) -> dict:
        values = self.values()
        values["pending_files"] = self.pending_files
        values["removed_evidence"] = self.removed_evidence
        return {"form": "achievement", "participant_id": self.participant.id,
                "achievement_id": self.achievement.id if self.achievement else None, "values": values}

    def load(self, values: dict) -> None:
        for key, widget in self.fields.items():
            if key in values:
                set_widget_value(widget, values[key])
        self._fill_codes()
        for code in values.get("content_codes", []):
            if code in self.content_checks:
                self.content_checks[code].setChecked(True)
        for code in values.get("field_codes", []):
            if code in self.field_checks:
                self.field_checks[code].setChecked(True)

    # --- evidence ---
    def _refresh_evidence(self) -> None:
        self.evidence_list.clear()
        if self.achievement is not None:
            for evidence in core.list_evidence(self.session, self.achievement.id):
                if evidence.id in self.removed_evidence:
                    continue
                item = QListWidgetItem(f"{evidence.original_name}  ({evidence.size // 1024 + 1} KB)")
                item.setData(Qt.UserRole, ("stored", evidence.id))
                self.evidence_list.addItem(item)
        for path in self.pending_files:
            item = QListWidgetItem(self.tr("%1 (added when you save)").replace("%1", Path(path).name))
            item.setData(Qt.UserRole, ("pending", path))
            self.evidence_list.addItem(item)

    def choose_evidence(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose evidence files"))
        self.add_evidence_paths(paths)

    def add_evidence_paths(self, paths: list[str]) -> None:
        self.pending_files.extend(str(p) for p in paths if str(p) not in self.pending_files)
        self.autosave.changed()
        self._refresh_evidence()

    def open_evidence(self, item) -> None:
        if item is None:
            return
        kind, ref = item.data(Qt.UserRole)
        try:
            if kind == "stored":
                path = core.evidence_path(self.session, core.get_evidence(self.session, ref))
            else:
                path = Path(ref)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Cannot open the file"), str(error))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_evidence(self) -> None:
        item = self.evidence_list.currentItem()
        if item is None:
            return
        kind, ref = item.data(Qt.UserRole)
        if kind == "stored":
            self.removed_evidence.append(ref)
        else:
            self.pending_files.remove(ref)
        self.autosave.changed()
        self._refresh_evidence()

    def save(self) -> None:
        try:
            campaign = core.get_campaign(self.session, self.campaign_box.currentData())
            core.validate_achievement(self.values(), campaign)
        except ValidationError as error:
            self.errors.show(error)
            return
        self.errors.clear()
        # A file that cannot be copied (the stick was pulled) fails the whole save: nothing is half stored,
        # the form and its draft stay, and the message names the file.
        self.submit(core.save_achievement, self.participant.id, self.values(),
                    self.achievement.id if self.achievement else None, new_evidence=list(self.pending_files),
                    removed_evidence=list(self.removed_evidence))

    @property
    def saved_achievement(self):
        return self.saved_result
