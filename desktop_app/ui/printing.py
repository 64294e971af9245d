"""Printing a PDF the app made, on A4, edge to edge and unscaled (the PDF already carries its margins): each page
rendered at up to 300 dpi and drawn on the printer. Used by the print preview and the dossier screen."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

PRINT_DPI = 300          # enough for text on paper; a 1200 dpi printer would need 140 MB per page image


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def print_pdf(pdf: QPdfDocument, printer: QPrinter) -> int:
    """Render the pages the printer asks for (all, or its from–to range); returns the number of pages sent, 0 when
    the printer could not be started."""
    pages = pdf.pageCount()
    if pages == 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
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
            size_pt = pdf.pagePointSize(index)
            dpi = min(PRINT_DPI, printer.resolution())
            image = pdf.render(index, QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi)))
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
            sent += 1
    finally:
        painter.end()
    return sent


PRINT_DIALOG_MIN_WIDTH = 560   # Qt's own dialog is laid out for English: at its natural width "Từ trang" is cut


def print_dialog(printer: QPrinter, parent=None, title: str = "") -> QPrintDialog:
    """Qt's print dialog, wide enough for its Vietnamese labels (qt_vi.ts)."""
    dialog = QPrintDialog(printer, parent)
    if title:
        dialog.setWindowTitle(title)
    dialog.setMinimumWidth(PRINT_DIALOG_MIN_WIDTH)
    return dialog
