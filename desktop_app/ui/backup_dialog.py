"""Backup to a USB stick, restore from a backup, and the restore offer when the database is damaged at start."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QVBoxLayout, QWidget)

from desktop_app.core.dates import format_vn_datetime
from desktop_app.core.errors import UserError
from desktop_app.core.formats import format_size
from desktop_app.core.exchange.packets import list_removable_drives
from desktop_app.core.storage import backup, snapshots
from desktop_app.core.storage.paths import WorkspacePaths

from .layout import fit_to_screen
from .operations import OperationRunner

log = logging.getLogger(__name__)
OTHER_FOLDER = "__other__"


def _when(taken) -> str:
    return format_vn_datetime(taken)


def _kind_label(kind: str) -> str:
    return {
        snapshots.DAILY: QCoreApplication.translate("backup_dialog", "automatic, daily"),
        snapshots.MIGRATION: QCoreApplication.translate("backup_dialog", "before an upgrade"),
        snapshots.IMPORT: QCoreApplication.translate("backup_dialog", "before an import"),
        snapshots.RESTORE: QCoreApplication.translate("backup_dialog", "before a restore"),
    }.get(kind, kind)




class BackupDialog(QDialog):
    """'Back up to USB': choose a stick (or any folder) and write one backup file there."""

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None, drives=None):
        super().__init__(parent)
        self.runner = runner
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Back up to USB"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "All data of the commune (the register, achievements, awards, rounds) and the evidence files are "
            "written into one backup file on the chosen drive."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Write the backup to:")))
        self.target = QComboBox()
        self.target.setObjectName("backup_target")
        for drive in (list_removable_drives() if drives is None else drives):
            self.target.addItem(self.tr("USB drive %1 (%2 free)").replace("%1", drive.label or drive.path)
                                .replace("%2", format_size(drive.free_bytes)), drive.path)
        self.target.addItem(self.tr("Another folder…"), OTHER_FOLDER)
        layout.addWidget(self.target)
        key_note = QLabel(self.tr(
            "The commune's signing key is not in this file: it stays in the computer's key store. Back up the "
            "key separately (Settings › Signing key), keep it apart from this file."))
        key_note.setWordWrap(True)
        key_note.setObjectName("key_note")
        layout.addWidget(key_note)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Back up"), QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Close)
        self.start_button.clicked.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, min_width=560)

    def chosen_folder(self) -> str | None:
        value = self.target.currentData()
        if value == OTHER_FOLDER:
            return QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for the backup")) or None
        return value

    def start(self) -> None:
        folder = self.chosen_folder()
        if not folder:
            return
        self.start_button.setEnabled(False)
        self.runner.run(backup.export_backup, folder, progress=self.tr("Backing up…"), parent=self,
                        on_success=self._done, on_failure=self._failed,
                        on_cancelled=lambda: self.start_button.setEnabled(True))

    def _done(self, path: Path) -> None:
        self.written = path
        self.start_button.setEnabled(True)
        QMessageBox.information(self, self.tr("Backup finished"), self.tr(
            "The backup was written and checked:\n%1\n\nBefore pulling out the USB stick, use \"Safely remove "
            "hardware\" (the icon near the clock).").replace("%1", str(path)))
        self.accept()

    def _failed(self, error: UserError) -> None:
        self.start_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Backup not finished"), str(error))


class RestoreDialog(QDialog):
    """'Restore': pick an automatic backup or a backup file; the current data is kept in backups/ first."""

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None, restore=None):
        super().__init__(parent)
        self.runner = runner
        # Restoring replaces the open database: the composition root closes it, restores and reopens the
        # window (`restore(source)` comes from it through the main window).
        self.restore_and_reopen = restore or getattr(parent, "restore_and_reopen", None)
        self.result_info: backup.RestoreResult | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose the backup to go back to. The data as it is now is kept in the backups folder first, so a "
            "restore can be undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("automatic_backups")
        for item in snapshots.list_automatic_backups(runner.session.paths):
            entry = QListWidgetItem(self.tr("%1 — %2").replace("%1", _when(item.taken_at))
                                    .replace("%2", _kind_label(item.kind)), self.list)
            entry.setData(Qt.UserRole, str(item.path))
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            QListWidgetItem(self.tr("(no automatic backup yet)"), self.list).setFlags(Qt.NoItemFlags)
        layout.addWidget(QLabel(self.tr("Automatic backups in the data folder:")))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore the selected backup"), QDialogButtonBox.AcceptRole)
        self.file_button = buttons.addButton(self.tr("Restore from a backup file (USB)…"), QDialogButtonBox.ActionRole)
        buttons.addButton(QDialogButtonBox.Cancel)
        self.restore_button.setEnabled(self.list.count() > 0 and self.list.item(0).data(Qt.UserRole) is not None)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_file)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.UserRole):
            self.restore(Path(item.data(Qt.UserRole)), item.text())

    def restore_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the backup file"), "",
                                              self.tr("Sổ Thi đua backups (*.zip)"))
        if path:
            self.restore(Path(path), Path(path).name)

    def restore(self, source: Path, description: str) -> None:
        question = self.tr(
            "Replace the data now in use with the backup \"%1\"?\n\nWhat was entered after that backup will no "
            "longer be shown; the data as it is now is kept in the backups folder.").replace("%1", description)
        if QMessageBox.question(self, self.tr("Restore from a backup"), question) != QMessageBox.Yes:
            return
        try:
            self.result_info = self.restore_and_reopen(source)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Restore not done"), str(error))
            return
        self.accept()


def tell_restore_finished(window: QWidget, source: Path, result: backup.RestoreResult) -> None:
    """After a restore from the window (the composition root reopened it): where the data came from and where
    the data as it was before is kept."""
    QMessageBox.information(window, QCoreApplication.translate("backup_dialog", "Restore finished"),
                            QCoreApplication.translate(
        "backup_dialog", "The data was restored from:\n%1\n\nThe data as it was before is kept in:\n%2").replace(
        "%1", str(source)).replace("%2", str(result.previous_copy or result.damaged_kept or "-")))


def offer_restore_damaged(paths: WorkspacePaths, problem: str, parent: QWidget | None = None) -> bool:
    """At start, the database file is damaged: offer the newest good automatic backup (or a backup file).

    True when a backup was restored (open the workspace now); False when the user declined or nothing
    could be restored — the damaged file is then left exactly as it was.
    """
    title = QCoreApplication.translate("backup_dialog", "The data file is damaged")
    latest = snapshots.latest_good_backup(paths)
    if latest is not None:
        question = QCoreApplication.translate("backup_dialog", 
            "The data file cannot be read correctly (it may have been damaged by a power cut):\n%1\n\n"
            "Restore the latest automatic backup, made at %2? What was entered after that time will be missing. "
            "The damaged file is kept in the backups folder, not deleted.").replace(
            "%1", str(paths.database)).replace("%2", _when(latest.taken_at))
        if QMessageBox.question(parent, title, question) != QMessageBox.Yes:
            return False
        source = latest.path
    else:
        question = QCoreApplication.translate("backup_dialog", 
            "The data file cannot be read correctly (it may have been damaged by a power cut):\n%1\n\n"
            "There is no automatic backup in the data folder. Choose a backup file (for example on a USB "
            "stick) to restore from?").replace("%1", str(paths.database))
        if QMessageBox.question(parent, title, question) != QMessageBox.Yes:
            return False
        chosen, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("backup_dialog", "Choose the backup file"), "",
                                                QCoreApplication.translate("backup_dialog", "Sổ Thi đua backups (*.zip)"))
        if not chosen:
            return False
        source = Path(chosen)
    try:
        result = backup.restore_backup(paths, source)
    except UserError as error:
        QMessageBox.critical(parent, title, str(error))
        return False
    log.warning("damaged database replaced by %s; kept aside at %s (%s)", source, result.damaged_kept, problem)
    QMessageBox.information(parent, QCoreApplication.translate("backup_dialog", "Restore finished"), QCoreApplication.translate("backup_dialog", 
        "The data was restored from:\n%1\n\nThe damaged file is kept in:\n%2").replace(
        "%1", str(source)).replace("%2", str(result.damaged_kept or result.previous_copy or "-")))
    return True
