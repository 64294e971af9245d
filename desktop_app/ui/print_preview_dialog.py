"""PrintPreviewDialog: a list the officer asked to print (the register, a trích ngang) shown as it will be on
A4, with Print and Save as PDF. A PDF laid out for one printer (the Giấy khen, moved by that printer's offset) is
made again when the officer picks another printer in the print dialog, so the text lands in the boxes of the blank
on the printer it is printed on."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from desktop_app.core.documents.round_documents import save_files
from desktop_app.core.errors import UserError

from .layout import available_geometry
from .printing import a4_printer, print_dialog, print_pdf


class PrintPreviewDialog(QDialog):
    def __init__(self, title: str, pdf_bytes: bytes, file_name: str, parent: QWidget | None = None, *,
                 landscape: bool = False, made_for: str | None = None,
                 remake: Callable[[str, Callable[[bytes, str], None], Callable[[], None]], None] | None = None):
        super().__init__(parent)
        self.landscape = landscape   # certificates: A4 landscape, printed so
        # The printer the PDF was laid out for, and how to lay it out for another: remake(printer, done, failed)
        # calls done(pdf, title) or failed() later (it runs on the operation runner).
        self.made_for = made_for
        self.remake = remake
        self._printer = None
        self.setWindowTitle(title)
        self.pdf_bytes = pdf_bytes
        self.file_name = file_name
        layout = QVBoxLayout(self)
        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._load(pdf_bytes)
        self.pages = QLabel()
        self._show_page_count()
        layout.addWidget(self.pages)
        view = self.view = QPdfView()
        view.setObjectName("preview")
        view.setDocument(self.pdf)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(view, 1)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.AcceptRole)
        self.save_button = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ActionRole)
        # At 100 % QPdfView draws a point as 1/72 inch of the screen's logical resolution: the page at true size,
        # to hold a ruler (or a blank) against.
        self.true_size = buttons.addButton(self.tr("True size"), QDialogButtonBox.ActionRole)
        self.true_size.setCheckable(True)
        self.true_size.toggled.connect(self._zoom)
        buttons.addButton(QDialogButtonBox.Close)
        self.print_button.clicked.connect(self.print_now)
        self.save_button.clicked.connect(lambda: self.save_as())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        room = available_geometry(parent)
        self.resize(min(860, room.width() - 40), room.height() - 80)

    def _zoom(self, true_size: bool) -> None:
        if true_size:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(1.0)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _show_page_count(self) -> None:
        self.pages.setText(self.tr("%1 page(s), A4").replace("%1", str(self.pdf.pageCount())))

    def _load(self, pdf_bytes: bytes) -> None:
        self.pdf_bytes = pdf_bytes
        self.pdf.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(pdf_bytes))
        self._buffer.open(QIODevice.ReadOnly)
        self.pdf.load(self._buffer)

    def print_now(self) -> None:
        printer = a4_printer(self.landscape)
        printer.setDocName(self.file_name)
        if self.made_for:
            printer.setPrinterName(self.made_for)   # the printer the text was placed for, chosen already
        dialog = print_dialog(printer, self)
        if dialog.exec() != QPrintDialog.Accepted:
            return
        # Printing to a file is "any printer / PDF": the offset saved for no printer in particular.
        chosen = "" if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else printer.printerName()
        if self.remake is not None and chosen != (self.made_for or ""):
            # Another printer than the one the text was placed for: lay it out with that printer's offset first.
            self._printer = printer
            self.print_button.setEnabled(False)
            self.pages.setText(self.tr("Placing the text for the printer %1…").replace("%1", chosen or "PDF"))
            self.remake(chosen, lambda pdf, title: self._remade(chosen, pdf, title), self._remake_failed)
            return
        self._send(printer)

    def _remade(self, printer_name: str, pdf_bytes: bytes, title: str) -> None:
        self._load(pdf_bytes)
        self.made_for = printer_name
        self.setWindowTitle(title)
        self._show_page_count()
        self.print_button.setEnabled(True)
        printer, self._printer = self._printer, None
        self._send(printer)

    def _remake_failed(self) -> None:
        self._printer = None
        self.print_button.setEnabled(True)
        self._show_page_count()

    def _send(self, printer) -> None:
        # A document of its own for the printer, made from the bytes shown: printing never depends on the state of
        # the one the view is drawing (just reloaded for another printer).
        document, buffer = QPdfDocument(), QBuffer()
        buffer.setData(QByteArray(self.pdf_bytes))
        buffer.open(QIODevice.ReadOnly)
        document.load(buffer)
        try:
            if print_pdf(document, printer) == 0:
                QMessageBox.warning(self, self.windowTitle(), self.tr("The printer could not be started."))
        finally:
            document.close()
            buffer.close()

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
