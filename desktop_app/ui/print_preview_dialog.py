"""PrintPreviewDialog: a list the officer asked to print (the register, a trích ngang) shown as it will be on
A4, with Print and Save as PDF."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from desktop_app.core.documents.round_documents import save_files
from desktop_app.core.errors import UserError

from .layout import available_geometry
from .printing import a4_printer, print_dialog, print_pdf


class PrintPreviewDialog(QDialog):
    def __init__(self, title: str, pdf_bytes: bytes, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pdf_bytes = pdf_bytes
        self.file_name = file_name
        layout = QVBoxLayout(self)
        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf_bytes))
        self._buffer.open(QIODevice.ReadOnly)
        self.pdf.load(self._buffer)
        self.pages = QLabel(self.tr("%1 page(s), A4").replace("%1", str(self.pdf.pageCount())))
        layout.addWidget(self.pages)
        view = QPdfView()
        view.setObjectName("preview")
        view.setDocument(self.pdf)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(view, 1)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.AcceptRole)
        self.save_button = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ActionRole)
        buttons.addButton(QDialogButtonBox.Close)
        self.print_button.clicked.connect(self.print_now)
        self.save_button.clicked.connect(lambda: self.save_as())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        room = available_geometry(parent)
        self.resize(min(860, room.width() - 40), room.height() - 80)

    def print_now(self) -> None:
        printer = a4_printer()
        printer.setDocName(self.file_name)
        dialog = print_dialog(printer, self)
        if dialog.exec() == QPrintDialog.Accepted and print_pdf(self.pdf, printer) == 0:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be started."))

    def save_as(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save the PDF in…"))
            if not folder:
                return
        try:
            written = save_files([(self.file_name, self.pdf_bytes)], folder)
        except UserError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        self.pages.setText(self.tr("Saved: %1").replace("%1", str(written[0])))
