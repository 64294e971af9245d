"""DossierScreen ("Hồ sơ đề nghị"): choose a round, issue its numbers and generate its documents in the
background, preview them (QtPdf), print on A4, save a copy anywhere, open the folder."""
from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from desktop_app.core.changes import Topic, touches
from desktop_app.core.dates import format_vn_date
from desktop_app.core.documents import round_documents as core
from desktop_app.core.errors import UserError
from desktop_app.core.exchange.keys import known_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.vocabulary import DRAFT, LOCKED, SENT

from .operations import OperationRunner

PATH_ROLE = Qt.UserRole
PRINT_DPI = 300          # enough for text on paper; a 1200 dpi printer would need 140 MB per page image


class DossierScreen(QWidget):
    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.documents_dir = self.session.paths.documents_dir
        # One preview folder inside the workspace, emptied before each preview: previews never pile up.
        self.preview_dir = self.session.paths.root / ".xem-truoc"
        self.busy = False
        self.files: list[Path] = []
        self.folder: Path | None = None           # where the shown documents are (None: nothing yet)
        self.issued = False                       # the shown documents carry their numbers

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Nomination round:")))
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("round_combo")
        self.round_combo.setMinimumWidth(420)
        bar.addWidget(self.round_combo, 1)
        self.reload_button = QPushButton(self.tr("Refresh"))
        self.reload_button.clicked.connect(self.reload_rounds)
        bar.addWidget(self.reload_button)
        layout.addLayout(bar)

        self.numbers_label = QLabel()
        self.numbers_label.setObjectName("numbers_label")
        self.numbers_label.setWordWrap(True)
        self.numbers_label.setTextFormat(Qt.PlainText)
        layout.addWidget(self.numbers_label)

        actions = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Preview (no numbers)"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.setToolTip(self.tr("Makes the documents without using up document numbers: "
                                               "the number lines stay blank."))
        self.issue_button = QPushButton(self.tr("Issue numbers and create the dossier"))
        self.issue_button.setObjectName("issue_button")
        self.preview_button.clicked.connect(lambda: self.generate(issue=False))
        self.issue_button.clicked.connect(lambda: self.generate(issue=True))
        actions.addWidget(self.preview_button)
        actions.addWidget(self.issue_button)
        actions.addStretch()
        layout.addLayout(actions)

        splitter = QSplitter(Qt.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self.tr("No documents yet."))
        self.state_label.setObjectName("state_label")
        self.state_label.setWordWrap(True)
        left_layout.addWidget(self.state_label)
        self.document_list = QListWidget()
        self.document_list.setObjectName("document_list")
        self.document_list.currentItemChanged.connect(self._show_current)
        left_layout.addWidget(self.document_list, 1)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.open_button = QPushButton(self.tr("Open the folder"))
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.open_button.clicked.connect(self.open_folder)
        for button in (self.print_button, self.save_button, self.open_button):
            left_layout.addWidget(button)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        right_layout.addWidget(self.page_label)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        right_layout.addWidget(self.view, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([330, 800])
        layout.addWidget(splitter, 1)

        self.round_combo.currentIndexChanged.connect(self._round_changed)
        runner.notifier.changed.connect(self._on_changed)
        self.reload_rounds()

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.ROUNDS, Topic.DOCUMENTS) and not self.busy:
            self.reload_rounds()

    # --- rounds --------------------------------------------------------------------------------------

    def _status_text(self, status: str) -> str:
        return {DRAFT: self.tr("being prepared"), LOCKED: self.tr("locked"), SENT: self.tr("sent")}.get(
            status, status)

    def reload_rounds(self) -> None:
        keep = self.current_round_id()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in rounds.round_rows(self.session, include_superseded=False):
            count = r.nominee_count
            text = (self.tr("Round %1 (version %2) — %3 — %4 — nominees: %5")
                    .replace("%1", str(r.number)).replace("%2", str(r.version))
                    .replace("%3", format_vn_date(r.round_date)).replace("%4", self._status_text(r.status))
                    .replace("%5", str(count)))
            self.round_combo.addItem(text, r.id)
        self.round_combo.blockSignals(False)
        index = self.round_combo.findData(keep) if keep is not None else -1
        self.round_combo.setCurrentIndex(index if index >= 0 else 0)
        self._round_changed()

    def current_round_id(self) -> int | None:
        return self.round_combo.currentData()

    def current_round(self):
        return rounds.get_round(self.session, self.current_round_id())

    def select_round(self, round_id: int) -> None:
        self.round_combo.setCurrentIndex(self.round_combo.findData(round_id))

    def _doc_name(self, code: str) -> str:
        return {"to_trinh": self.tr("Submission (Tờ trình)"), "bien_ban": self.tr("Council minutes (Biên bản)"),
                "quyet_dinh": self.tr("Decision (Quyết định)")}.get(code, code)

    def _round_changed(self) -> None:
        self._clear_documents()
        self._refresh_numbers()

    def _refresh_numbers(self) -> None:
        """Say which numbers the round carries and which are still to be issued."""
        round_ = self.current_round()
        if round_ is None:
            self.numbers_label.setText(self.tr("There is no nomination round yet."))
            self._update_buttons()
            return
        issued = core.issued_numbers(self.session, round_.id)
        missing = core.missing_numbers(self.session, round_.id)
        lines = []
        if issued:
            parts = []
            for code, number, when in issued:
                part = f"{self._doc_name(code)} {number}"
                if when is not None:
                    part += self.tr(" dated %1").replace("%1", format_vn_date(when))
                parts.append(part)
            lines.append(self.tr("Numbers issued: %1.").replace("%1", "; ".join(parts)))
        if missing:
            lines.append(self.tr("Not numbered yet: %1. A preview leaves the number blank "
                                 "(“Số:      /TTr-UBND”); numbers are issued when you press “%2” and are never "
                                 "used again.").replace("%1", ", ".join(self._doc_name(c) for c in missing))
                         .replace("%2", self.tr("Issue numbers and create the dossier")))
        self.numbers_label.setText("\n".join(lines))
        self.issue_button.setText(self.tr("Issue numbers and create the dossier") if missing
                                  else self.tr("Create the dossier"))
        self._update_buttons()

    # --- generating ----------------------------------------------------------------------------------

    def confirm_issue(self, round_) -> bool:
        missing = core.missing_numbers(self.session, round_.id)
        if not missing:
            return True
        answer = QMessageBox.question(
            self, self.tr("Issue document numbers"),
            self.tr("Issue official numbers to %1 of round %2?\nA number once issued is never used again, "
                    "even if the document is not sent.").replace("%1", ", ".join(self._doc_name(c) for c in missing))
            .replace("%2", str(round_.number)))
        return answer == QMessageBox.Yes

    def generate(self, issue: bool) -> None:
        round_ = self.current_round()
        if round_ is None or self.busy:
            return
        if issue and not self.confirm_issue(round_):
            return
        if issue:
            target = self.documents_dir / core.round_folder_name(round_)
        else:
            self._drop_preview_dir()
            target = self.preview_dir
        fingerprint = known_fingerprint(self.session.secrets, self.session.home_commune())
        self._clear_documents()
        self.busy = True
        self._update_buttons()
        self.runner.run(core.write_dossier_with_labels, round_.id, target, issue=issue,
                        signer_fingerprint=fingerprint, progress=self.tr("Creating the dossier documents…"),
                        parent=self, on_success=lambda result: self._generated(result, target, issue),
                        on_failure=self._failed, on_cancelled=self._cancelled)

    def _generated(self, result, folder: Path, issue: bool) -> None:
        self.busy = False
        paths, labels = result
        self.files, self.folder, self.issued = paths, folder, issue
        self.document_list.clear()
        for path in paths:
            if path.suffix != ".pdf":
                continue
            item = QListWidgetItem(labels.get(path.stem, path.stem))
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(path.name)
            self.document_list.addItem(item)
        pdfs = self.document_list.count()
        if issue:
            self.state_label.setText(self.tr("%1 documents (PDF and Word) saved in %2.")
                                     .replace("%1", str(pdfs)).replace("%2", str(folder)))
        else:
            self.state_label.setText(self.tr("Preview of %1 documents, without numbers — not saved. "
                                             "To print the originals, issue the numbers first.").replace("%1", str(pdfs)))
        self._refresh_numbers()
        if pdfs:
            self.document_list.setCurrentRow(0)

    def _failed(self, exc: UserError) -> None:
        self.busy = False
        QMessageBox.warning(self, self.tr("Dossier"), str(exc))
        self._round_changed()

    def _cancelled(self) -> None:
        self.busy = False
        self._round_changed()

    # --- preview -------------------------------------------------------------------------------------

    def current_pdf(self) -> Path | None:
        item = self.document_list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _show_current(self, *_args) -> None:
        path = self.current_pdf()
        self.pdf.close()
        if path is None:
            self.page_label.setText("")
            self._update_buttons()
            return
        error = self.pdf.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.page_label.setText(self.tr("This file cannot be shown: %1").replace("%1", path.name))
        else:
            self.page_label.setText(self.tr("%1 — pages: %2").replace("%1", self.document_list.currentItem().text())
                                    .replace("%2", str(self.pdf.pageCount())))
        self._update_buttons()

    def _clear_documents(self) -> None:
        self.document_list.clear()
        self.pdf.close()
        self.files, self.folder, self.issued = [], None, False
        self.page_label.setText("")
        self.state_label.setText(self.tr("No documents yet."))

    def _drop_preview_dir(self) -> None:
        self.pdf.close()
        shutil.rmtree(self.preview_dir, ignore_errors=True)

    def _update_buttons(self, *_args) -> None:
        busy = self.busy
        has_round = self.current_round_id() is not None
        self.preview_button.setEnabled(has_round and not busy)
        self.issue_button.setEnabled(has_round and not busy)
        self.round_combo.setEnabled(not busy)
        has_pdf = self.current_pdf() is not None and self.pdf.pageCount() > 0
        self.print_button.setEnabled(has_pdf and not busy)
        self.save_button.setEnabled(bool(self.files) and not busy)
        self.open_button.setEnabled(self.issued and self.folder is not None and not busy)

    # --- print, save, open ---------------------------------------------------------------------------

    @staticmethod
    def a4_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        # The PDF already carries the NĐ 30/2020 margins: print the page edge to edge, unscaled.
        printer.setFullPage(True)
        return printer

    def print_current(self) -> None:
        if self.current_pdf() is None:
            return
        printer = self.a4_printer()
        printer.setDocName(self.current_pdf().stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.document_list.currentItem().text()))
        if dialog.exec() == QPrintDialog.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page of the shown PDF onto `printer`; returns the number of pages sent."""
        pages = self.pdf.pageCount()
        if pages == 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print"), self.tr("The printer could not be started."))
            return 0
        try:
            target = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            first, last = printer.fromPage(), printer.toPage()
            wanted = range(first - 1, last) if first > 0 and last >= first else range(pages)
            sent = 0
            for index in wanted:
                if index >= pages:
                    break
                if sent:
                    printer.newPage()
                size_pt = self.pdf.pagePointSize(index)
                dpi = min(PRINT_DPI, printer.resolution())
                image = self.pdf.render(index, QSize(round(size_pt.width() / 72 * dpi),
                                                     round(size_pt.height() / 72 * dpi)))
                painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
                sent += 1
        finally:
            painter.end()
        return sent

    def save_copy(self, folder: str | None = None) -> list[Path]:
        """Copy every file of the dossier (PDF and .docx) into a folder the officer chooses."""
        if not self.files:
            return []
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save a copy of the dossier in…"))
            if not folder:
                return []
        try:
            written = core.save_files(((p.name, p.read_bytes()) for p in self.files), folder)
        except UserError as error:
            QMessageBox.warning(self, self.tr("Dossier"), str(error))
            return []
        self.state_label.setText(self.tr("Copied %1 files to %2.").replace("%1", str(len(written)))
                                 .replace("%2", str(folder)))
        return written

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
