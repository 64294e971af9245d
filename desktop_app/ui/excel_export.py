"""Lists out to Excel from the window: the register as shown (search and filters), the award history, a round's
danh sách, and the blank import templates — a save dialog (.xlsx, or CSV UTF-8 with BOM), the writing on the
operation runner (a read: nothing in the database changes), then a message with the file."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop_app.core.nominations import rounds
from desktop_app.core.spreadsheets import columns as cols
from desktop_app.core.spreadsheets import exporting, template
from desktop_app.core.vocabulary import ROUND_STATUSES

from .operations import OperationRunner


XLSX_FILTER = "Excel (*.xlsx)"
CSV_FILTER = "CSV UTF-8 (*.csv)"


def _target(parent: QWidget, title: str, name: str, *, allow_csv: bool = True) -> tuple[str, bool] | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
    filters = f"{XLSX_FILTER};;{CSV_FILTER}" if allow_csv else XLSX_FILTER
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), filters)
    if not path:
        return None
    as_csv = chosen == CSV_FILTER or path.lower().endswith(".csv")
    suffix = ".csv" if as_csv else ".xlsx"
    if not path.lower().endswith(suffix):
        path += suffix
    return path, as_csv


def _done(parent: QWidget, title: str):
    def show(path) -> None:
        QMessageBox.information(parent, title, QCoreApplication.translate("excel_export", "Saved: %1").replace("%1", str(path)))
    return show


def export_register(runner: OperationRunner, parent: QWidget, flt, description: str = "") -> None:
    title = QCoreApplication.translate("excel_export", "Export the list to Excel")
    chosen = _target(parent, title, "Danh_sach_doi_tuong.xlsx")
    if chosen:
        path, as_csv = chosen
        runner.run(exporting.export_register, flt, path, subtitle=description, as_csv=as_csv, read=True,
                   parent=parent, progress=QCoreApplication.translate("excel_export", "Writing the list…"), on_success=_done(parent, title))


def export_award_history(runner: OperationRunner, parent: QWidget) -> None:
    title = QCoreApplication.translate("excel_export", "Export the award history to Excel")
    chosen = _target(parent, title, "Lich_su_khen_thuong.xlsx")
    if chosen:
        path, as_csv = chosen
        runner.run(exporting.export_award_history, path, as_csv=as_csv, read=True, parent=parent,
                   progress=QCoreApplication.translate("excel_export", "Writing the list…"), on_success=_done(parent, title))


def export_round(runner: OperationRunner, parent: QWidget) -> None:
    title = QCoreApplication.translate("excel_export", "Export a round's list to Excel")
    rows = rounds.round_rows(runner.session)
    if not rows:
        QMessageBox.information(parent, title, QCoreApplication.translate("excel_export", "There is no nomination round yet."))
        return
    labels = [QCoreApplication.translate("excel_export", "Round %1 (version %2), %3 — %4 nominees").replace("%1", str(r.number)).replace(
        "%2", str(r.version)).replace("%3", ROUND_STATUSES.name(r.status)).replace("%4", str(r.nominee_count))
              for r in rows]
    label, ok = QInputDialog.getItem(parent, title, QCoreApplication.translate("excel_export", "Round:"), labels, 0, False)
    if not ok:
        return
    chosen_round = rows[labels.index(label)]
    chosen = _target(parent, title, f"Danh_sach_de_nghi_dot_{chosen_round.number}.xlsx")
    if chosen:
        path, as_csv = chosen
        runner.run(exporting.export_round, chosen_round.id, path, as_csv=as_csv, read=True, parent=parent,
                   on_success=_done(parent, title))


def export_checklists(runner: OperationRunner, parent: QWidget) -> None:
    title = QCoreApplication.translate("excel_export", "Export the checklist results to Excel")
    chosen = _target(parent, title, "Ket_qua_phieu_tieu_chuan.xlsx")
    if chosen:
        path, as_csv = chosen
        runner.run(exporting.export_checklists, path, as_csv=as_csv, read=True, parent=parent,
                   on_success=_done(parent, title))


TEMPLATE_FILES = {cols.INDIVIDUALS: "Mau_danh_sach_ca_nhan.xlsx", cols.COLLECTIVES: "Mau_danh_sach_tap_the.xlsx",
                  cols.ACHIEVEMENTS: "Mau_thanh_tich.xlsx", cols.AWARDS: "Mau_lich_su_khen_thuong.xlsx"}


def save_template(runner: OperationRunner, parent: QWidget, kind: str) -> None:
    title = QCoreApplication.translate("excel_export", "Blank Excel template")
    chosen = _target(parent, title, TEMPLATE_FILES[kind], allow_csv=False)
    if chosen:
        runner.run(template.write_template, kind, chosen[0], read=True, parent=parent,
                   on_success=_done(parent, title))
