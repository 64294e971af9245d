"""Tệp › Nhập từ Excel… driven by mouse at 1366×768: the file chosen, the columns confirmed (an old-font column
shown converted, one column left out), the preview with every row's verdict, the rows to fix saved as Excel, the
import, the register showing the new people, and the import undone. And the lists out to Excel."""
from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from desktop_app.core.register.participants import ParticipantFilter, count_participants
from desktop_app.ui.main_window import MainWindow

from ..core import xlsx_samples as samples
from .conftest import answer_next_message

SHOTS = os.environ.get("SOTHIDUA_SCREENSHOTS")
# Opening a menu by mouse makes the offscreen platform say it cannot raise windows or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")


def shot(widget, name: str, tmp_path: Path) -> Path:
    """A screenshot a person looks at (SOTHIDUA_SCREENSHOTS=DIR keeps them)."""
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, widget.rect().center())


def click_menu(qtbot, window, *names: str) -> None:
    """Open the File menu by mouse and click through the actions named (objectName), submenus included."""
    bar = window.menuBar()
    file_action = bar.actions()[0]
    QTest.mouseMove(window, window.rect().center())
    QTest.mouseMove(bar, bar.actionGeometry(file_action).center())
    QTest.mouseClick(bar, Qt.LeftButton, Qt.NoModifier, bar.actionGeometry(file_action).center())
    menu = file_action.menu()
    qtbot.waitUntil(menu.isVisible)
    qtbot.waitExposed(menu)
    qtbot.wait(150)   # a menu takes no click in the first moments after it opens (Qt's guard against a double click)
    for name in names:
        action = next(a for a in menu.actions() if a.objectName() == name or
                      (a.menu() is not None and a.menu().objectName() == name))
        where = menu.actionGeometry(action).center()
        # From elsewhere first: a move to where the cursor already is (the same item in an earlier test) is no move.
        QTest.mouseMove(menu, QPoint(where.x(), 2))
        QTest.mouseMove(menu, where)
        qtbot.waitUntil(lambda m=menu, a=action: m.activeAction() is a)
        QTest.mouseClick(menu, Qt.LeftButton, Qt.NoModifier, where)
        if action.menu() is not None:
            menu = action.menu()
            qtbot.waitUntil(menu.isVisible)
            qtbot.waitExposed(menu)
            qtbot.wait(150)


@pytest.fixture
def window(qtbot, runner, demo):
    w = MainWindow(runner)
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    qtbot.waitExposed(w)
    yield w
    runner.wait()


def test_import_by_mouse_from_the_file_menu(qtbot, window, runner, session, tmp_path, monkeypatch):
    source = samples.commune_individuals(tmp_path / "Danh sach thon Na Lang.xlsx", encoding="tcvn3")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    commune = session.home_commune()
    before = count_participants(session, ParticipantFilter(commune_id=commune.id))

    click_menu(qtbot, window, "import_excel")
    qtbot.waitUntil(lambda: getattr(window, "excel_import", None) is not None and window.excel_import.isVisible())
    dialog = window.excel_import
    assert dialog.width() <= 1366 and dialog.height() <= 728
    click(dialog.choose_button)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    table = dialog.mapping_table
    assert table.rowCount() == 8
    assert table.cellWidget(1, 3).currentData() == "name"
    assert table.cellWidget(1, 4).currentData() == "tcvn3"
    assert "Nguyễn Thị Đào" in table.item(1, 2).text()           # shown as it will be stored
    assert table.cellWidget(4, 4).currentData() == "vni"
    assert "(ẩn)" in table.item(6, 0).text()                      # the hidden column is told
    assert "TCVN3" in dialog.mapping_note.text() and "dòng 4" in dialog.mapping_note.text()
    shot(dialog, "excel-1-ghep-cot", tmp_path)

    # The officer leaves "Chức vụ" (column E) out: Home picks "(không nhập)".
    position = table.cellWidget(4, 3)
    position.setFocus()
    QTest.keyClick(position, Qt.Key_Home)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.plan.mapping[4] == "")

    click(dialog.next_button)
    assert dialog.pages.currentIndex() == 1
    assert "4 mới" in dialog.summary_label.text() and "1 lỗi" in dialog.summary_label.text()
    model = dialog.rows_model
    verdicts = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert verdicts == ["Mới", "Mới", "Mới", "Mới", "Lỗi", "Bỏ qua"]
    assert "Dòng 10, cột C: ngày sinh 31/02/1980 không có thật" in model.data(model.index(4, 3))
    assert "Import 4" not in dialog.import_button.text() and "4" in dialog.import_button.text()
    shot(dialog, "excel-2-xem-truoc", tmp_path)

    # Only the errors, then save them to fix
    dialog.verdict_filter.setFocus()
    QTest.keyClick(dialog.verdict_filter, Qt.Key_End)   # the last choices: "Bỏ qua"; one up: "Lỗi"
    QTest.keyClick(dialog.verdict_filter, Qt.Key_Up)
    assert dialog.verdict_filter.currentData() == "error"
    assert dialog.proxy.rowCount() == 1
    fix = tmp_path / "can-sua.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fix), "Excel (*.xlsx)"))
    seen = answer_next_message(QMessageBox.Ok)
    click(dialog.errors_button)
    runner.wait()
    qtbot.waitUntil(lambda: "title" in seen and not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()))
    assert fix.exists() and "can-sua.xlsx" in seen["text"]
    assert list(openpyxl.load_workbook(fix).active.values)[1][-1].endswith("không có thật")

    click(dialog.import_button)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2)
    assert "4 mới" in dialog.result_label.text()
    assert count_participants(session, ParticipantFilter(commune_id=commune.id)) == before + 4
    register = window.participants
    qtbot.waitUntil(lambda: register.model.rowCount() == before + 4)   # the register heard the change notice
    shot(dialog, "excel-3-ket-qua", tmp_path)
    shot(window, "excel-4-so-theo-doi", tmp_path)

    seen = answer_next_message(QMessageBox.Yes)
    click(dialog.undo_button)
    runner.wait()
    qtbot.waitUntil(lambda: not dialog.undo_button.isEnabled())
    assert "hoàn tác" in seen["title"].lower()
    assert count_participants(session, ParticipantFilter(commune_id=commune.id)) == before
    qtbot.waitUntil(lambda: register.model.rowCount() == before)
    click(dialog.close_button)


def test_a_bad_file_says_why_and_nothing_changes(qtbot, window, runner, session, tmp_path, monkeypatch):
    bad = tmp_path / "danh-sach.xlsx"
    bad.write_text("STT,Họ và tên\n1,Nguyễn Thị Đào\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    click_menu(qtbot, window, "import_excel")
    qtbot.waitUntil(lambda: getattr(window, "excel_import", None) is not None and window.excel_import.isVisible())
    dialog = window.excel_import
    seen = answer_next_message(QMessageBox.Ok)
    click(dialog.choose_button)
    runner.wait()
    qtbot.waitUntil(lambda: "text" in seen)
    assert "CSV" in seen["text"] and dialog.plan is None
    assert not dialog.next_button.isEnabled()
    click(dialog.close_button)


def test_the_register_as_shown_goes_to_excel(qtbot, window, runner, session, tmp_path, monkeypatch):
    register = window.participants
    register.search.setFocus()
    QTest.keyClicks(register.search, "nguyen")
    qtbot.waitUntil(lambda: register.model.filter.search == "nguyen", timeout=5000)
    runner.wait()
    target = tmp_path / "loc.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    seen = answer_next_message(QMessageBox.Ok)
    click(register.excel_button)
    runner.wait()
    qtbot.waitUntil(lambda: "text" in seen)
    rows = list(openpyxl.load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert rows and len(rows) == count_participants(session, register.model.filter)
    assert all("Nguyễn" in r[1] for r in rows)

    awards = tmp_path / "kt.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(awards), "CSV UTF-8 (*.csv)"))
    seen = answer_next_message(QMessageBox.Ok)
    click_menu(qtbot, window, "export_excel_menu", "export_awards")
    runner.wait()
    qtbot.waitUntil(lambda: "text" in seen)
    assert awards.read_bytes().startswith(b"\xef\xbb\xbfSTT,")

    blank = tmp_path / "mau.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blank), "Excel (*.xlsx)"))
    seen = answer_next_message(QMessageBox.Ok)
    click_menu(qtbot, window, "template_menu", "template_individuals")
    runner.wait()
    qtbot.waitUntil(lambda: "text" in seen)
    assert openpyxl.load_workbook(blank).sheetnames[:2] == ["Danh sách", "Hướng dẫn"]


def test_an_earlier_import_is_undone_from_the_list_of_imports(qtbot, window, runner, session, tmp_path):
    from desktop_app.core.spreadsheets import importing

    source = samples.collectives(tmp_path / "tap-the.xlsx")
    commune = session.home_commune()
    flt = ParticipantFilter(commune_id=commune.id)
    before = count_participants(session, flt)
    runner.run(importing.apply_import, importing.read_import(session, source))
    runner.wait()
    assert count_participants(session, flt) == before + 1      # Thôn Nà Làng was there: updated
    click_menu(qtbot, window, "import_history")
    qtbot.waitUntil(lambda: getattr(window, "excel_history", None) is not None and window.excel_history.isVisible())
    dialog = window.excel_history
    table = dialog.table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "tap-the.xlsx"
    assert "còn hiệu lực" == table.item(0, 4).text()
    assert not dialog.undo_button.isEnabled()
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, table.visualItemRect(table.item(0, 1)).center())
    assert dialog.undo_button.isEnabled()
    shot(dialog, "excel-5-cac-lan-nhap", tmp_path)
    asked = answer_next_message(QMessageBox.Yes)
    done = answer_next_message(QMessageBox.Ok, timeout_ms=15000)
    click(dialog.undo_button)
    runner.wait()
    qtbot.waitUntil(lambda: "text" in done, timeout=15000)
    assert "tap-the.xlsx" in asked["text"] and "2" in done["text"]
    assert count_participants(session, flt) == before
    qtbot.waitUntil(lambda: table.item(0, 4).text().startswith("đã hoàn tác"))


def test_cancel_on_the_progress_dialog_writes_nothing(qtbot, window, runner, session, tmp_path, monkeypatch):
    import openpyxl as xl
    from PySide6.QtWidgets import QProgressDialog

    big = tmp_path / "lon.xlsx"
    wb = xl.Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị công tác"])
    for i in range(6000):
        ws.append([i + 1, f"Người Thử {i:05d}", f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}",
                   "Nam" if i % 2 else "Nữ", f"Thôn {i % 9}"])
    wb.save(big)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(big), ""))
    commune = session.home_commune()
    before = count_participants(session, ParticipantFilter(commune_id=commune.id))
    click_menu(qtbot, window, "import_excel")
    qtbot.waitUntil(lambda: getattr(window, "excel_import", None) is not None and window.excel_import.isVisible())
    dialog = window.excel_import
    click(dialog.choose_button)
    runner.wait(120000)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=60000)
    click(dialog.next_button)
    assert dialog.plan.importable == 6000
    click(dialog.import_button)

    def progress_box():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()),
                    None)

    qtbot.waitUntil(lambda: progress_box() is not None, timeout=20000)   # shown after 600 ms, with Cancel
    box = progress_box()
    cancel = box.findChild(QPushButton)
    click(cancel)
    runner.wait(120000)
    assert "nothing" not in dialog.summary_label.text()    # translated:
    assert "không có gì được ghi" in dialog.summary_label.text()
    assert count_participants(session, ParticipantFilter(commune_id=commune.id)) == before
    assert dialog.pages.currentIndex() == 1


def test_a_registration_list_imported_by_mouse_with_its_date_typed(qtbot, window, runner, session, tmp_path,
                                                                    monkeypatch):
    """Đăng ký thi đua from Excel: the list's date is only in its title, so the officer types it in the dialog; the
    preview turns from "error" to "new"; the registration screen shows the people who registered."""
    from desktop_app.core.storage.models import Registration

    from ..core.test_registration_import import sheet
    from .conftest import type_text

    source = sheet(tmp_path / "Dang ky thi dua 2025.xlsx", [("Nguyễn Văn Đức", "CSTĐCS"), ("Lò Văn Pọm", "LĐTT")],
                   headings=("STT", "Họ và tên", "Danh hiệu đăng ký"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    click_menu(qtbot, window, "import_excel")
    qtbot.waitUntil(lambda: getattr(window, "excel_import", None) is not None and window.excel_import.isVisible())
    dialog = window.excel_import
    click(dialog.choose_button)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.kind_combo.currentText() == "Đăng ký thi đua (danh hiệu, hình thức đăng ký)"
    assert dialog.date_field.isVisible() and dialog.year_box.isVisible() and dialog.campaign_combo.isVisible()
    assert dialog.campaign_label.text() == "Phong trào đăng ký:"
    assert [r.verdict for r in dialog.plan.rows] == ["error", "error"]
    assert "không rõ ngày đăng ký" in dialog.plan.rows[0].problems[0]
    # The year: 2025; the date of the list: typed, then Tab (leaving the field replans).
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.year_box.setFocus()
    dialog.year_box.selectAll()
    QTest.keyClicks(dialog.year_box, "2025")
    QTest.keyClick(dialog.year_box, Qt.Key_Tab)
    type_text(dialog.date_field, "12/01/2025")
    QTest.keyClick(dialog.date_field, Qt.Key_Tab)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.plan.registered_on == "12/01/2025" and dialog.plan.year == 2025)
    verdicts = [r.verdict for r in dialog.plan.rows]
    assert verdicts == ["new", "error"], [r.problems for r in dialog.plan.rows]
    assert "Lò Văn Pọm" in dialog.plan.rows[1].problems[0] and "chưa có trong sổ" in dialog.plan.rows[1].problems[0]
    qtbot.wait(200)
    shot(dialog, "excel-5-dang-ky-thi-dua", tmp_path)
    click(dialog.next_button)
    click(dialog.import_button)
    runner.wait()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2)
    assert "1 mới" in dialog.result_label.text()
    session.activate()
    made = Registration.get(Registration.source == "excel")
    assert (made.participant.name, made.aim_code, made.year, made.registered_on.isoformat()) == \
        ("Nguyễn Văn Đức", "CSTDCS", 2025, "2025-01-12")
    click(dialog.close_button)
