"""ExportDialog ("Gửi hồ sơ"): write a round's signed packet onto a USB stick or any folder, in the background."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from desktop_app.core.dates import format_vn_datetime
from desktop_app.core.errors import UserError
from desktop_app.core.exchange import sending as exports
from desktop_app.core.exchange.packets import list_removable_drives
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.formats import format_size
from desktop_app.core.vocabulary import SENT

from .operations import OperationRunner




class ExportDialog(QDialog):
    """Choose the round and where to write; Export runs on the background runner with progress and Cancel."""

    def __init__(self, runner: OperationRunner, round_id: int | None = None, parent: QWidget | None = None,
                 drives: Callable[[], list] = list_removable_drives):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send the dossier (signed packet)"))
        self.setMinimumSize(720, 460)
        self.runner = runner
        self.session = runner.session
        self.drives = drives
        self.exporting = False
        self.written = None
        self.error: str | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The round's documents, evidence and data are put into one signed file (.zip). Copy it onto a USB "
            "stick for the receiving level, together with the signed paper Tờ trình (or covering letter) that shows "
            "the key fingerprint. "
            "After sending, the round is locked: a change becomes a new corrected version."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.round_box = QComboBox()
        self.round_box.setObjectName("round")
        for r in exports.exportable_rounds(self.session):
            text = self.tr("Round %1 (version %2)").replace("%1", str(r.number)).replace("%2", str(r.version))
            if r.status == SENT:
                text += " — " + self.tr("already sent")
            self.round_box.addItem(text, r.id)
        if round_id is not None:
            self.round_box.setCurrentIndex(max(0, self.round_box.findData(round_id)))
        form.addRow(self.tr("Round:"), self.round_box)
        target = QHBoxLayout()
        self.target_box = QComboBox()
        self.target_box.setObjectName("target")
        self.target_box.setMinimumWidth(360)
        target.addWidget(self.target_box, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh_drives)
        target.addWidget(self.refresh_button)
        self.folder_button = QPushButton(self.tr("Choose a folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        target.addWidget(self.folder_button)
        form.addRow(self.tr("Write to:"), target)
        layout.addLayout(form)

        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(self.result.textInteractionFlags() | self.result.textInteractionFlags().TextSelectableByMouse)
        layout.addWidget(self.result)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setWordWrap(True)
        font = QFont("Liberation Mono")
        font.setPointSize(13)
        font.setBold(True)
        self.fingerprint.setFont(font)
        layout.addWidget(self.fingerprint)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.AcceptRole)
        self.export_button.setObjectName("export")
        self.open_button = buttons.addButton(self.tr("Open the folder"), QDialogButtonBox.ActionRole)
        self.open_button.setVisible(False)
        self.close_button = buttons.addButton(QDialogButtonBox.Close)
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh_drives()
        if self.round_box.count() == 0:
            self.export_button.setEnabled(False)
            self.result.setText(self.tr("No round has nominees yet: add nominees to a round first."))

    @Slot(bool)
    def _busy(self, busy: bool) -> None:
        self.exporting = busy
        self.export_button.setEnabled(not busy)

    # --- targets -----------------------------------------------------------------------------------------
    def refresh_drives(self) -> None:
        chosen = self.target_dir()
        self.target_box.clear()
        for d in self.drives():
            self.target_box.addItem(self.tr("USB drive %1 (%2 free)").replace("%1", d.label).replace(
                "%2", format_size(d.free_bytes)) + f" — {d.path}", d.path)
        if chosen and self.target_box.findData(chosen) < 0:
            self.target_box.addItem(chosen, chosen)
        if self.target_box.count() == 0:
            self.target_box.addItem(self.tr("No USB drive found — choose a folder"), None)
        elif chosen:
            self.target_box.setCurrentIndex(self.target_box.findData(chosen))

    def set_target(self, folder: str | Path) -> None:
        folder = str(folder)
        if self.target_box.findData(folder) < 0:
            if self.target_box.count() == 1 and self.target_box.itemData(0) is None:
                self.target_box.clear()
            self.target_box.addItem(folder, folder)
        self.target_box.setCurrentIndex(self.target_box.findData(folder))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to write the packet to"))
        if folder:
            self.set_target(folder)

    def target_dir(self) -> str | None:
        return self.target_box.currentData() if self.target_box.count() else None

    # --- export ------------------------------------------------------------------------------------------
    def start_export(self) -> None:
        target = self.target_dir()
        if not target:
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose a USB drive or a folder first."))
            return
        round_id = self.round_box.currentData()
        sent = exports.exports_of(self.session, round_id)
        if sent:
            choice = self.ask_send_again(sent[-1])
            if choice == "again":
                self._busy(True)
                self.runner.run(exports.copy_sent_packet, round_id, target, progress=self.tr("Copying the packet…"),
                                parent=self, on_success=self._copied, on_failure=self._failed,
                                on_cancelled=self._cancelled)
                return
            if choice != "new":
                return
        else:
            drafts = exports.unissued_documents(self.session, round_id)
            if drafts and not self.ask_send_drafts(drafts):
                return
        self.result.setText("")
        self.fingerprint.setText("")
        self.error = None
        self._busy(True)
        self.runner.run(exports.export_round, round_id, target,
                        progress=self.tr("Writing the packet…"), parent=self, on_success=self._done,
                        on_failure=self._failed, on_cancelled=self._cancelled)

    def ask_send_again(self, last) -> str:
        """This round was sent already: say which packet the receiving level has, and ask what to do — the same
        file again (a lost or broken stick), a new packet, or nothing. Returns "again", "new" or ""."""
        box = QMessageBox(QMessageBox.Question, self.windowTitle(), self.tr(
            "This round was already sent: packet no. %1 of %2 (%3).\n\nIf the USB stick was lost or broken, "
            "copy the same packet again: the receiving level gets it in order. Make a new packet only if the "
            "receiving level asked for it.").replace("%1", str(last.sequence)).replace(
            "%2", format_vn_datetime(last.created_at)).replace("%3", last.file_name), parent=self)
        again = box.addButton(self.tr("Copy packet no. %1 again").replace("%1", str(last.sequence)),
                              QMessageBox.AcceptRole)
        new = box.addButton(self.tr("Make a new packet"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(again)
        box.exec()
        return {again: "again", new: "new"}.get(box.clickedButton(), "")

    def ask_send_drafts(self, drafts: list[str]) -> bool:
        """Documents not issued yet travel as drafts: say so, and send only when the officer says "send anyway"
        (Enter and Esc keep the packet back)."""
        box = QMessageBox(QMessageBox.Warning, self.windowTitle(), self.tr(
            "Not issued yet: %1.\n\nA packet made now carries their drafts (marked \"DỰ THẢO\", no number), and "
            "the receiving level will send the dossier back. Issue them on the Dossier screen once signed, then "
            "send.").replace("%1", ", ".join(drafts)), parent=self)
        keep = box.addButton(self.tr("Do not send"), QMessageBox.RejectRole)
        anyway = box.addButton(self.tr("Send the drafts anyway"), QMessageBox.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is anyway

    def _copied(self, path) -> None:
        self._busy(False)
        self.result.setText(self.tr("Done. The same packet was copied again and checked on the drive:\n%1")
                            .replace("%1", str(path)))
        self.open_button.setVisible(True)
        self.written_path = path

    def _done(self, written) -> None:
        self._busy(False)
        self.written = written
        self.result.setText(self.tr(
            "Done. The packet was written and checked again from the drive:\n%1\nSize %2, packet no. %3. "
            "The round is now locked as sent.").replace("%1", str(written.path)).replace(
            "%2", format_size(written.size)).replace("%3", str(written.sequence)))
        groups = format_fingerprint(written.signer_fingerprint)[len("SHA256:"):].split()
        self.fingerprint.setText(self.tr("Key fingerprint (as printed on the Tờ trình or the covering letter):") + "\nSHA256: "
                                 + " ".join(groups[:8]) + "\n        " + " ".join(groups[8:]))
        self.open_button.setVisible(True)
        self.round_box.setItemText(self.round_box.currentIndex(),
                                   self.round_box.currentText().split(" — ")[0] + " — " + self.tr("already sent"))

    def _failed(self, exc: UserError) -> None:
        self._busy(False)
        self.error = str(exc)
        self.result.setText(self.tr("The packet was not written.") + "\n" + str(exc))
        QMessageBox.warning(self, self.windowTitle(), str(exc))

    def _cancelled(self) -> None:
        self._busy(False)
        self.result.setText(self.tr("The packet was not written."))

    def open_folder(self) -> None:
        path = self.written.path if self.written is not None else getattr(self, "written_path", None)
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

    def reject(self) -> None:
        if self.exporting:
            return  # the progress dialog's Cancel stops an export; the window never closes under it
        super().reject()
