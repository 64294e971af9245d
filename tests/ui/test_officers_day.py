"""The officer's day (issue 12): the whole commune task and the whole receiving task, done as a person does them —
mouse clicks on the buttons, tabs, rows, cells, check boxes and radio buttons they see, key events for typing — on
a 1366×768 screen (1366×728 above the taskbar). Every button clicked must be on the screen: one below its edge is a
failure of the app. Only the OS file chooser is replaced (it returns a file or folder of the test), and the OS
keyring is an in-memory one.

Screenshots of each step go to $SOTHIDUA_DAY_SHOTS (e.g. /tmp/officers_day) when it is set."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from desktop_app.app import start_gui
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.ui.application import create_application
from desktop_app.ui.dossier_screen import IssueDialog

from .conftest import answer_next_message, type_text

SHOTS = os.environ.get("SOTHIDUA_DAY_SHOTS")


# ---------------------------------------------------------------- what a person can do

def screen_rect():
    return QGuiApplication.primaryScreen().availableGeometry()


def on_screen(widget: QWidget) -> None:
    """The widget is shown, not hidden behind a closed group, and wholly inside the screen."""
    assert widget.isVisible(), f"{widget!r} ({_label(widget)}) is not visible"
    top_left = widget.mapToGlobal(QPoint(0, 0))
    rect = widget.rect().translated(top_left)
    assert screen_rect().contains(rect), (
        f"'{_label(widget)}' is outside the 1366×728 screen: {rect.x()},{rect.y()} {rect.width()}×{rect.height()}")
    shown = widget.visibleRegion().boundingRect()
    assert shown.height() >= widget.height() // 2 and shown.width() >= widget.width() // 2, (
        f"'{_label(widget)}' is cut off by its window: only {shown.width()}×{shown.height()} of it shows")


def _label(widget) -> str:
    return widget.text() if hasattr(widget, "text") and callable(widget.text) else type(widget).__name__


def scroll_to(widget: QWidget) -> None:
    """What the officer does with the mouse wheel when a field is below the visible part of a scrolling form."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QAbstractScrollArea

    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    for _ in range(200):
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        if top >= 0 and top + widget.height() <= viewport.height():
            return
        delta = -120 if top > 0 else 120
        where = QPointF(viewport.rect().center())
        event = QWheelEvent(where, QPointF(viewport.mapToGlobal(viewport.rect().center())), QPoint(0, 0),
                            QPoint(0, delta), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)
    raise AssertionError(f"'{_label(widget)}' cannot be scrolled into view")


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click by mouse on a widget the officer sees (the app is at fault when it is off the screen)."""
    scroll_to(widget)
    on_screen(widget)
    if isinstance(widget, QPushButton) and widget.text():
        needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 8
        assert widget.width() >= needed, f"the label of '{widget.text()}' is cut: {widget.width()} < {needed} px"
    assert widget.isEnabled(), f"'{_label(widget)}' is disabled"
    QTest.mouseClick(widget, Qt.LeftButton, Qt.NoModifier, pos if pos is not None else widget.rect().center())


def double_click(widget: QWidget, pos: QPoint) -> None:
    on_screen(widget)
    QTest.mouseDClick(widget, Qt.LeftButton, Qt.NoModifier, pos)


def type_into(field: QWidget, text: str) -> None:
    """Click into a field and type (key events carrying the Vietnamese text)."""
    click(field)
    if isinstance(field, QLineEdit):
        QTest.keyClick(field, Qt.Key_A, Qt.ControlModifier)
        QTest.keyClick(field, Qt.Key_Delete)
    type_text(field, text)


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button whose label (without the & of its shortcut) is `text`."""
    found = [b for b in parent.findChildren(QAbstractButton) if b.text().replace("&", "") == text and b.isVisible()]
    assert found, f"no visible button '{text}' in {type(parent).__name__}: " + ", ".join(
        sorted({b.text() for b in parent.findChildren(QAbstractButton) if b.isVisible()}))
    return found[0]


def click_button(parent: QWidget, text: str) -> None:
    click(button(parent, text))


def pick_in_combo(combo, text: str) -> None:
    """Open the drop-down with a click and choose an entry by keyboard (arrows and Enter), as a person does."""
    index = combo.findText(text)
    assert index >= 0, f"'{text}' not in " + ", ".join(combo.itemText(i) for i in range(combo.count()))
    click(combo)
    view = combo.view()
    QTest.qWait(50)
    steps = index - combo.currentIndex()
    key = Qt.Key_Down if steps > 0 else Qt.Key_Up
    for _ in range(abs(steps)):
        QTest.keyClick(view, key)
    QTest.keyClick(view, Qt.Key_Return)
    QTest.qWait(20)
    if combo.currentIndex() != index:          # a closed popup (offscreen): arrows on the combo itself
        combo.hidePopup()
        steps = index - combo.currentIndex()
        for _ in range(abs(steps)):
            QTest.keyClick(combo, Qt.Key_Down if steps > 0 else Qt.Key_Up)
    assert combo.currentText() == text


def when_dialog_opens(kind, act, *, timeout_ms: int = 20000) -> dict:
    """Act on the next dialog of class `kind` (or with that window title) that opens — modal dialogs opened with
    exec() block the test, so a timer looks for the visible dialog and `act(dialog)` clicks and types in it.
    Returns {"dialog": …, "error": …}; a failing `act` closes the dialog so the test cannot hang."""
    seen: dict = {}
    left = [timeout_ms // 25]

    def matches(w) -> bool:
        if not w.isVisible() or not isinstance(w, QDialog):
            return False
        return w.windowTitle() == kind if isinstance(kind, str) else isinstance(w, kind)

    def poll():
        dialog = next((w for w in QApplication.topLevelWidgets() if matches(w)), None)
        if dialog is None:
            left[0] -= 1
            if left[0] > 0:
                QTimer.singleShot(25, poll)
            else:
                seen["error"] = AssertionError(f"no dialog {kind} opened")
            return
        seen["dialog"] = dialog
        try:
            act(dialog)
        except BaseException as error:  # noqa: BLE001 — handed to the test, which raises it
            seen["error"] = error
            QDialog.done(dialog, 0)   # not reject(): a form with typing would ask, and nobody answers

    QTimer.singleShot(0, poll)
    return seen


def done(seen: dict, *, timeout_ms: int = 20000) -> QDialog:
    QTest.qWait(0)
    deadline = timeout_ms
    while "dialog" not in seen and "error" not in seen and deadline > 0:
        QTest.qWait(25)
        deadline -= 25
    if "error" in seen:
        raise seen["error"]
    assert "dialog" in seen, "the dialog never opened"
    return seen["dialog"]


UNANSWERED: list[str] = []


def unexpected_messages(qapp):
    """A message box nobody in the test expected (an error, a question) would wait for ever: after 3 s it is
    recorded and closed, and the next wait fails with its words."""
    ages: dict[int, int] = {}

    def check():
        for box in (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
                    and not isinstance(w, QProgressDialog)):
            ages[id(box)] = ages.get(id(box), 0) + 1
            if ages[id(box)] > (15 if isinstance(box, QMessageBox) else 300):
                UNANSWERED.append(f"{box.windowTitle()}: {box.text() if isinstance(box, QMessageBox) else ''}")
                QDialog.done(box, 0)

    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(check)
    timer.start()
    return timer


def wait_until(condition, timeout_ms: int = 30000, what: str = "") -> None:
    left = timeout_ms
    while not condition():
        assert not UNANSWERED, f"while waiting for {what}, a message: {UNANSWERED}"
        assert left > 0, f"waited {timeout_ms} ms for {what or condition}"
        QTest.qWait(25)
        left -= 25


def shot(widget: QWidget, name: str) -> None:
    """A picture of what the officer sees now, at the size of the officers' screens (1366×768)."""
    if not SHOTS:
        return
    out = Path(SHOTS)
    out.mkdir(parents=True, exist_ok=True)
    size = widget.size()
    if widget.isWindow() and not isinstance(widget, QDialog):
        widget.resize(1366, 768)          # the main window as tools/screenshots.py shoots it
    QTest.qWait(30)
    widget.grab().save(str(out / f"{name}.png"))
    widget.resize(size)
    QTest.qWait(10)


def visible_texts(widget: QWidget) -> str:
    """Every text the officer can read in a widget (labels, buttons, fields), one line each."""
    from PySide6.QtWidgets import QLabel
    texts = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, (QLabel, QAbstractButton, QLineEdit)):
            texts.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            texts.append(child.toPlainText())
    return "\n".join(texts)


# ---------------------------------------------------------------- the day

@pytest.fixture
def os_keyring():
    """The computer's keyring, in memory (the one thing besides the file chooser that is not the real one)."""
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def application(qapp):
    """The application object as the app sets it up when started (fonts, translations, and the cycle collector on
    the GUI thread: without it a Qt object freed on the runner's thread breaks Qt); put back afterwards."""
    import gc

    app = create_application(["sothidua"])
    yield app
    collector = getattr(app, "_collector", None)
    if collector is not None:
        collector.timer.stop()
        app._collector = None
    gc.enable()


def start_app(data_dir: Path, first_run=None):
    """The officer starts Sổ Thi đua on this folder (what the shortcut on the desktop does). `first_run` acts on
    the commune form an empty workspace opens with."""
    seen = when_dialog_opens("Thông tin xã", first_run) if first_run else None
    hook = sys.excepthook
    host = start_gui(data_dir)
    sys.excepthook = hook   # an error in the test's clicks fails the test instead of opening the crash dialog
    if seen is not None:
        done(seen)
    assert not isinstance(host, int), f"the app did not open a window (exit {host})"
    window = host.window
    window.resize(1366, 696)
    window.move(screen_rect().topLeft())
    QTest.qWait(50)
    return host, window


def test_the_officers_day(qtbot, tmp_path, os_keyring, application, monkeypatch):
    UNANSWERED.clear()
    watchdog = unexpected_messages(application)  # noqa: F841 (kept alive)
    commune_dir = tmp_path / "SoThiDua"
    usb = tmp_path / "USB_XA"
    usb.mkdir()

    # 1. First run: the commune's information, typed field by field, then Lưu.
    def fill_commune(dialog):
        shot(dialog, "01_first_run")
        for label, text in (("Tên xã", "Thượng Quan"), ("Mã đơn vị hành chính", "02095"),
                            ("Tỉnh", "Thái Nguyên"), ("Nơi nhận hồ sơ", "Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)"),
                            ("Chủ tịch UBND xã", "Hoàng Văn Thắng"), ("Ký hiệu cơ quan trên số văn bản", "UBND")):
            type_into(field_labelled(dialog, label), text)
        pick_in_combo(field_labelled(dialog, "Cấp nhận hồ sơ"), "Tỉnh — Sở Nội vụ")
        shot(dialog, "02_first_run_filled")
        click_button(dialog, "Lưu")

    host, window = start_app(commune_dir, fill_commune)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Sổ Thi đua — Xã Thượng Quan, tỉnh Thái Nguyên"
    assert os_keyring.entries, "the commune's signing key is made when the commune is set up"
    shot(window, "03_main_window")

    # 2. The register: an individual, a collective, an achievement with its evidence file.
    register = window.screen_named("participants")
    assert register.count_label.text() == "0 kết quả"
    assert register.add_individual_button.text() == "+ Cá nhân"

    def new_person(dialog):
        assert dialog.windowTitle() == "Thêm cá nhân"
        on_screen(dialog)
        pick_in_combo(field_labelled(dialog, "Thành phần"), "Người dân")
        type_into(field_labelled(dialog, "Họ và tên"), "Lường Thị Mai")
        pick_in_combo(field_labelled(dialog, "Giới tính"), "Nữ")
        type_into(field_labelled(dialog, "Ngày sinh"), "12/03/1985")
        type_into(field_labelled(dialog, "Dân tộc"), "Tày")
        type_into(field_labelled(dialog, "Chức vụ"), "Chi hội trưởng Chi hội Phụ nữ thôn Nà Khoang")
        shot(dialog, "04_new_individual")
        click_button(dialog, "Lưu")

    seen = when_dialog_opens("Thêm cá nhân", new_person)
    click(register.add_individual_button)
    done(seen)
    wait_until(lambda: register.count_label.text() == "1 kết quả", what="the new person counted")

    def new_collective(dialog):
        pick_in_combo(field_labelled(dialog, "Thành phần"), "Thôn, bản")
        type_into(field_labelled(dialog, "Tên tập thể"), "Thôn Nà Khoang")
        type_into(field_labelled(dialog, "Địa chỉ"), "Xã Thượng Quan")
        type_into(field_labelled(dialog, "Người đứng đầu"), "Hà Văn Tiến")
        type_into(field_labelled(dialog, "Tổng số thành viên"), "212")
        shot(dialog, "05_new_collective")
        click_button(dialog, "Lưu")

    assert register.add_collective_button.text() == "+ Tập thể"
    seen = when_dialog_opens("Thêm tập thể", new_collective)
    click(register.add_collective_button)
    done(seen)
    wait_until(lambda: register.count_label.text() == "2 kết quả", what="the collective counted")
    names = [register.model.index(r, 0).data() for r in range(register.model.rowCount())]
    assert names == ["Thôn Nà Khoang", "Lường Thị Mai"] or names == ["Lường Thị Mai", "Thôn Nà Khoang"], names

    # The person's row, clicked: her details on the right; then Thêm thành tích….
    row = names.index("Lường Thị Mai")
    table = register.table
    click(table.viewport(), table.visualRect(register.model.index(row, 0)).center())
    assert "Lường Thị Mai" in register.detail.header.text()
    evidence = tmp_path / "Bao_cao_thanh_tich_Mai.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% bao cao thanh tich chi hoi phu nu\n%%EOF\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(evidence)], "")))

    def new_achievement(dialog):
        assert dialog.windowTitle() == "Thêm thành tích của Lường Thị Mai"
        on_screen(dialog)
        type_into(field_labelled(dialog, "Thành tích"),
                  "Vận động 100% hội viên tham gia mô hình nuôi gà đồi, tăng thu nhập")
        type_into(field_labelled(dialog, "Từ ngày"), "01/01/2026")
        type_into(field_labelled(dialog, "Đến ngày"), "31/10/2026")
        type_into(field_labelled(dialog, "Nội dung, biện pháp"), "Tổ chức 6 buổi tập huấn, lập 3 tổ hợp tác.")
        type_into(field_labelled(dialog, "Kết quả"), "45 hộ tham gia, thu nhập tăng 18%.")
        first_content = next(c for c in dialog.content_checks.values())
        click(first_content, QPoint(8, first_content.height() // 2))
        assert first_content.isChecked()
        click_button(dialog, "Thêm tệp…")
        assert [dialog.evidence_list.item(i).text() for i in range(dialog.evidence_list.count())] == [
            "Bao_cao_thanh_tich_Mai.pdf (sẽ được thêm khi bấm Lưu)"]
        shot(dialog, "06_new_achievement")
        click_button(dialog, "Lưu")

    add_achievement = register.detail.add_achievement_button
    assert add_achievement.text() == "Thêm thành tích…"
    seen = when_dialog_opens("Thêm thành tích của Lường Thị Mai", new_achievement)
    click(add_achievement)
    done(seen)
    achievements = register.detail.achievement_table
    wait_until(lambda: achievements.rowCount() == 1, what="the achievement listed")
    assert achievements.item(0, 0).text().startswith("Vận động 100% hội viên")
    assert achievements.item(0, 1).text() == "01/01/2026 – 31/10/2026"
    assert achievements.item(0, 2).text() == "1"   # one evidence file
    shot(window, "07_register")

    # 3. The checklist: Giấy khen for the new person, answered by clicks until the verdict.
    go_to(window, "Phiếu tiêu chuẩn")
    checklists = window.screen_named("checklists")
    people = [checklists.participant_list.item(r).text() for r in range(checklists.participant_list.count())]
    assert "Lường Thị Mai — Cá nhân" in people, people   # added on another screen: listed here without a search
    click_list_row(checklists.participant_list, "Lường Thị Mai — Cá nhân")
    pick_in_combo(checklists.form_combo, "Giấy khen của Chủ tịch Ủy ban nhân dân xã")
    assert checklists.route_combo.count() >= 1
    assert checklists.start_button.text() == "Bắt đầu phiếu"
    click(checklists.start_button)
    panel = checklists.panel
    wait_until(lambda: "Lường Thị Mai" in panel.title.text() and panel.cards, what="the checklist opened")
    assert panel.saved_label.text() == "Mỗi câu trả lời được lưu ngay khi chọn."
    assert plain(panel.verdict_banner).startswith("CHƯA HOÀN THÀNH")
    click(panel.principles_check, QPoint(8, panel.principles_check.height() // 2))
    wait_until(lambda: panel.saved_label.text().startswith("Đã lưu lúc "), what="'Đã lưu lúc' after an answer")
    for code in ("guong_mau", "hoan_thanh_nhiem_vu", "thanh_tich_phong_trao"):
        card = panel.cards[code]
        met = card.buttons["met"]
        assert met.text() == "Đạt"
        click(met, QPoint(8, met.height() // 2))
        wait_until(lambda: not window.runner.busy, what="the answer saved")
    card = panel.cards["thanh_tich_phong_trao"]
    [evidence_box] = [b for b in card.evidence_boxes.values() if "Bao_cao_thanh_tich_Mai.pdf" in b.text()]
    click(evidence_box, QPoint(8, evidence_box.height() // 2))
    wait_until(lambda: plain(panel.verdict_banner).startswith("ĐỦ ĐIỀU KIỆN"), what="the verdict 'ĐỦ ĐIỀU KIỆN'")
    assert re.fullmatch(r"Đã lưu lúc \d\d:\d\d", panel.saved_label.text()), panel.saved_label.text()
    items = [checklists.checklist_list.item(r).text() for r in range(checklists.checklist_list.count())]
    assert items and items[0].startswith("ĐỦ ĐIỀU KIỆN — Giấy khen"), items
    shot(window, "08_checklist_eligible")

    # 4. The round: created, both nominees added, the council meeting and its votes, "Trước khi gửi".
    go_to(window, "Đợt đề nghị")
    rounds_screen = window.screen_named("rounds")
    assert rounds_screen.new_round_button.text() == "Tạo đợt mới…"
    today = window.session.clock.today().strftime("%d/%m/%Y")   # Vietnam's day, whatever the zone

    def new_round(dialog):
        on_screen(dialog)
        assert field_labelled(dialog, "Ngày của đợt").text() == today
        type_into(field_labelled(dialog, "Tiêu đề"), "Đề nghị khen thưởng phong trào chuyển đổi số năm 2026")
        shot(dialog, "09_new_round")
        click_button(dialog, "Lưu")

    seen = when_dialog_opens("Tạo đợt đề nghị mới", new_round)
    click(rounds_screen.new_round_button)
    done(seen)
    wait_until(lambda: rounds_screen.rounds_table.rowCount() == 1, what="the round listed")
    assert rounds_screen.rounds_table.item(0, 3).text() == "Đang soạn"
    wait_until(lambda: rounds_screen.round is not None, what="the new round shown")
    assert plain(rounds_screen.header).startswith("Đợt đề nghị số 1 (lần 1)"), plain(rounds_screen.header)

    def add_mai(dialog):
        on_screen(dialog)
        assert dialog.people.currentRow() == -1      # nobody chosen for the officer
        click_list_row(dialog.people, "Lường Thị Mai — Cá nhân")
        # her only checklist is a complete Giấy khen one: the dialog starts there
        assert dialog.form_combo.currentText() == "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
        assert "Đủ điều kiện theo phiếu tiêu chuẩn." in plain(dialog.verdict)
        shot(dialog, "10_add_nominee")
        click_button(dialog, "Thêm vào đợt")

    def add_village(dialog):
        click_list_row(dialog.people, "Thôn Nà Khoang — Tập thể")
        pick_in_combo(dialog.form_combo, "Giấy khen của Chủ tịch Ủy ban nhân dân xã")
        assert "Chưa có phiếu tiêu chuẩn — phải ghi rõ lý do." in plain(dialog.verdict)
        reason = next(f for f in dialog.findChildren(QPlainTextEdit) if f.objectName() == "override_reason")
        type_into(reason, "Thôn dẫn đầu phong trào chuyển đổi số của xã, Hội đồng đề nghị khen đột xuất.")
        click_button(dialog, "Thêm vào đợt")

    add = rounds_screen.add_nominee_button
    assert add.text() == "Thêm người được đề nghị…"
    for act, count in ((add_mai, 1), (add_village, 2)):
        seen = when_dialog_opens("Thêm người được đề nghị vào đợt số 1", act)
        click(add)
        done(seen)
        wait_until(lambda count=count: rounds_screen.nominee_table.rowCount() == count,
                   what=f"{count} nominees listed")
    table = rounds_screen.nominee_table
    listed = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(2)}
    assert set(listed) == {"Lường Thị Mai", "Thôn Nà Khoang"}, listed
    assert listed["Lường Thị Mai"][1] == "đủ điều kiện"
    shot(window, "11_round_nominees")

    click_tab(rounds_screen.tabs, "Họp Hội đồng")
    meeting = rounds_screen.tabs.currentWidget()
    for label, text in (("Ngày", today), ("Giờ bắt đầu", "08:00"), ("Giờ kết thúc", "10:30"),
                        ("Địa điểm", "Hội trường UBND xã Thượng Quan"), ("Chủ trì", "Hoàng Văn Thắng"),
                        ("Chức vụ người chủ trì", "Chủ tịch UBND xã"), ("Thư ký", "Đinh Thị Hà"),
                        ("Chức vụ thư ký", "Công chức Văn hóa – Xã hội"), ("Tổng số thành viên Hội đồng", "7"),
                        ("Số thành viên có mặt", "7"), ("Hình thức biểu quyết", "Bỏ phiếu kín"),
                        ("Kết luận", "Hội đồng thống nhất đề nghị Chủ tịch UBND xã tặng Giấy khen.")):
        type_into(field_labelled(meeting, label), text)
    shot(window, "12_round_meeting")
    assert rounds_screen.save_meeting_button.text() == "Lưu thông tin cuộc họp"
    click(rounds_screen.save_meeting_button)
    wait_until(lambda: not window.runner.busy and not rounds_screen.unsaved_parts(), what="the meeting saved")
    assert window.size().width() == 1366 and window.size().height() == 696   # the window keeps its size

    click_tab(rounds_screen.tabs, "Biểu quyết và kết quả")
    votes = rounds_screen.votes_table
    assert votes.rowCount() == 2
    for row in range(2):
        name = votes.item(row, 0).text()
        for column, value in zip((2, 3, 4), (7, 0, 0) if name == "Lường Thị Mai" else (6, 1, 0)):
            spin = votes.cellWidget(row, column)
            click(spin)
            QTest.keyClick(spin, Qt.Key_A, Qt.ControlModifier)
            type_text(spin, str(value))
            assert spin.value() == value
    shot(window, "13_round_votes_typed")
    click(rounds_screen.save_votes_button)
    wait_until(lambda: not window.runner.busy and all(
        votes.item(r, 5).text() != "Chưa ghi phiếu biểu quyết" for r in range(2)), what="the votes recorded")
    results = {votes.item(r, 0).text(): votes.item(r, 5).text() for r in range(2)}
    assert results["Lường Thị Mai"].startswith("Đạt: 7/7 thành viên đồng ý (100%)"), results
    assert results["Thôn Nà Khoang"].startswith("Đạt: 6/7 thành viên đồng ý (85,7%)"), results
    shot(window, "14_round_votes_recorded")

    click_tab(rounds_screen.tabs, "Trước khi gửi")
    readiness = rounds_screen.readiness.toPlainText()
    shot(window, "15_round_before_sending")
    assert "Còn thiếu:" in readiness, readiness
    assert "Chưa ghi quyết định tặng Giấy khen cho những người đạt biểu quyết." in readiness, readiness
    assert "Chưa ban hành: Biên bản họp Hội đồng." in readiness, readiness

    # 5. The dossier: each numbered document issued in its order through the issue dialog.
    go_to(window, "Hồ sơ đề nghị")
    dossier = window.screen_named("dossier")
    assert dossier.round_combo.currentText().startswith("Đợt 1 (lần 1)"), dossier.round_combo.currentText()
    states = dossier.state_table
    documents = [states.item(r, 0).text() for r in range(states.rowCount())]
    assert documents[0] == "Biên bản họp Hội đồng", documents
    shot(window, "16_dossier_drafts")
    # The Biên bản says "ready to issue"; the round has only Giấy khen nominees, whose dossier needs the
    # chairman's decision recorded first: the message says where to record it.
    assert states.item(0, 2).text().startswith("Sẵn sàng ban hành")
    click(states.viewport(), states.visualRect(states.model().index(0, 0)).center())
    told = {}

    def try_issue(dialog):
        told["box"] = answer_next_message(QMessageBox.Ok)
        if not dialog.number_edit.text():
            type_into(dialog.number_edit, "12")
        click_button(dialog, "Ban hành")

    seen = when_dialog_opens(IssueDialog, try_issue)
    click(dossier.issue_button)
    done(seen)
    wait_until(lambda: told["box"].get("text"), what="the message about the decision")
    assert "“Đợt đề nghị”, thẻ “Quyết định Giấy khen”" in told["box"]["text"], told
    wait_until(lambda: not dossier.busy and not window.runner.busy, what="the dossier screen ready again")

    go_to(window, "Đợt đề nghị")
    click_tab(rounds_screen.tabs, "Quyết định Giấy khen")
    assert rounds_screen.decision_button.text() == "Ghi quyết định tặng Giấy khen…"

    def decide(dialog):
        on_screen(dialog)
        assert "Lường Thị Mai" in visible_texts(dialog) and "Thôn Nà Khoang" in visible_texts(dialog)
        type_into(field_labelled(dialog, "Số quyết định"), "18/QĐ-UBND")
        assert field_labelled(dialog, "Ngày ký").text() == today
        assert field_labelled(dialog, "Người ký").text() == "Hoàng Văn Thắng"
        shot(dialog, "16b_decision")
        click_button(dialog, "Ghi quyết định")

    seen = when_dialog_opens("Quyết định Giấy khen — đợt số 1", decide)
    click(rounds_screen.decision_button)
    done(seen)
    wait_until(lambda: "18/QĐ-UBND" in plain(rounds_screen.decision_label), what="the decision recorded")
    click_tab(rounds_screen.tabs, "Trước khi gửi")
    shot(window, "16c_round_before_sending")
    go_to(window, "Hồ sơ đề nghị")
    # The drafts first, to read them before signing.
    assert dossier.preview_button.text() == "Xem hồ sơ (bản dự thảo ghi “DỰ THẢO”)"
    click(dossier.preview_button)
    wait_until(lambda: dossier.document_list.count() > 0 and not window.runner.busy, timeout_ms=120000,
               what="the draft dossier")
    drafts = [dossier.document_list.item(r).text() for r in range(dossier.document_list.count())]
    assert drafts[0].startswith("Biên bản họp Hội đồng") and all(d.endswith("— dự thảo") for d in drafts), drafts
    assert any(d.startswith("Phiếu gửi hồ sơ") for d in drafts), drafts
    shot(window, "16d_dossier_drafts_shown")
    issued_order = []
    numbers = iter(range(12, 99))
    while any(not states.item(r, 1).text().startswith("Đã ban hành") for r in range(states.rowCount())):
        ready = [r for r in range(states.rowCount()) if states.item(r, 2).text().startswith("Sẵn sàng ban hành")]
        assert ready, [states.item(r, 2).text() for r in range(states.rowCount())]
        row = ready[0]
        name = states.item(row, 0).text()
        click(states.viewport(), states.visualRect(states.model().index(row, 0)).center())

        def issue(dialog, name=name):
            on_screen(dialog)
            assert dialog.windowTitle() == f"Ban hành {name}"
            if not dialog.number_edit.text():
                type_into(dialog.number_edit, str(next(numbers)))
            shot(dialog, f"17_issue_{len(issued_order) + 1}")
            click_button(dialog, "Ban hành")

        seen = when_dialog_opens(IssueDialog, issue)
        assert dossier.issue_button.text() == "Ban hành văn bản đang chọn…"
        click(dossier.issue_button)
        done(seen)
        wait_until(lambda name=name: not dossier.busy and states.rowCount() and any(
            states.item(r, 0).text() == name and states.item(r, 1).text().startswith("Đã ban hành")
            for r in range(states.rowCount())), timeout_ms=120000, what=f"{name} issued")
        wait_until(lambda: not window.runner.busy, timeout_ms=120000, what="the dossier made again")
        issued_order.append(name)
    assert issued_order[0] == "Biên bản họp Hội đồng"
    assert "Phiếu gửi hồ sơ" in issued_order or "Tờ trình" in issued_order, issued_order
    shot(window, "18_dossier_issued")

    # 6. Send: "Gửi hồ sơ lên cấp trên…" on the round, a folder standing for the USB stick.
    go_to(window, "Đợt đề nghị")
    click_tab(rounds_screen.tabs, "Trước khi gửi")
    assert rounds_screen.tabs.tabText(rounds_screen.tabs.currentIndex()) == "Trước khi gửi ✔"
    assert "Không thiếu gì: có thể gửi đợt này." in rounds_screen.readiness.toPlainText()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(usb)))
    sent = {}

    def send(dialog):
        on_screen(dialog)
        assert dialog.windowTitle() == "Gửi hồ sơ (gói hồ sơ có chữ ký)"
        assert dialog.round_box.currentText().startswith("Đợt đề nghị số 1 (lần 1)")
        if dialog.target_dir() != str(usb):
            click_button(dialog, "Chọn thư mục…")
        assert dialog.target_dir() == str(usb)
        shot(dialog, "19_send")
        click_button(dialog, "Xuất gói hồ sơ")
        wait_until(lambda: dialog.written is not None or dialog.error, timeout_ms=120000, what="the packet written")
        sent["result"] = dialog.result.text()
        sent["fingerprint"] = dialog.fingerprint.text()
        shot(dialog, "20_sent")
        click(dialog.close_button)

    send_button = window.screen_named("rounds").send_button
    assert send_button.text() == "Gửi hồ sơ lên cấp trên…"
    seen = when_dialog_opens("Gửi hồ sơ (gói hồ sơ có chữ ký)", send)
    click(send_button)
    done(seen, timeout_ms=180000)
    [packet] = list(usb.glob("*.zip"))
    assert "02095_dot1_" in packet.name
    assert str(packet) in sent["result"], sent
    assert window.screen_named("rounds").rounds_table.item(0, 3).text() == "Đã gửi"
    # The paper that goes with the stick: the issued covering letter (no Tờ trình in a Giấy khen round).
    [cover] = list((commune_dir / "documents").rglob("*Phieu_gui.pdf"))
    paper = subprocess.run(["pdftotext", "-layout", str(cover), "-"], capture_output=True, text=True,
                           check=True).stdout
    paper_fingerprint = fingerprint_groups(paper)
    assert paper_fingerprint == fingerprint_groups(sent["fingerprint"]), (paper, sent)
    assert "DỰ THẢO" not in paper
    window.close()                         # the officer closes the app at the end of the day
    assert not window.isVisible()
    host.close()

    # 7. The receiving level: a second, empty workspace; first run → "Máy này là nơi tiếp nhận hồ sơ (cấp trên)…".
    receiver_dir = tmp_path / "SoNoiVu"
    asked = {}

    def become_receiver(dialog):
        shot(dialog, "21_receiver_first_run")
        asked["box"] = answer_next_message(QMessageBox.Yes)
        click_button(dialog, "Máy này là nơi tiếp nhận hồ sơ (cấp trên)…")

    host, window = start_app(receiver_dir, become_receiver)
    qtbot.addWidget(window)
    assert "Thư mục dữ liệu này sẽ dùng để tiếp nhận gói hồ sơ của các xã" in asked["box"]["text"]
    assert window.windowTitle() == "Sổ Thi đua — nơi tiếp nhận hồ sơ"
    navigation = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert navigation == ["Tiếp nhận hồ sơ", "Thẩm định hồ sơ"], navigation
    menus = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions()]
    assert "Thông tin xã…" not in menus                 # a receiving workspace has no commune of its own
    receiving = window.screen_named("receiving")
    assert window.stack.currentWidget() is receiving
    shot(window, "22_receiving_empty")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(packet)], "")))
    compared = {}

    def compare_and_trust(dialog):
        on_screen(dialog)
        assert dialog.windowTitle() == "Xác nhận khóa ký của xã"
        assert "Đây là gói hồ sơ đầu tiên của xã Thượng Quan (mã 02095)." in visible_texts(dialog)
        compared["screen"] = fingerprint_groups(dialog.fingerprint.text())
        assert dialog.later_button.isDefault() and not dialog.trust_button.isDefault()   # Enter never trusts
        shot(dialog, "23_fingerprint")
        assert compared["screen"] == paper_fingerprint       # group by group, as on the paper
        click_button(dialog, "Giống bản giấy — tin cậy và nhập")

    seen = when_dialog_opens("Xác nhận khóa ký của xã", compare_and_trust, timeout_ms=60000)
    assert receiving.open_button.text() == "Mở tệp gói hồ sơ…"
    click(receiving.open_button)
    done(seen, timeout_ms=60000)
    tree = receiving.tree
    wait_until(lambda: tree.topLevelItemCount() == 1 and tree.topLevelItem(0).childCount() == 2,
               timeout_ms=60000, what="the round and its nominees listed")
    top = tree.topLevelItem(0)
    assert top.text(0) == "Thượng Quan — đợt 1, lần 1", top.text(0)
    nominees = sorted(top.child(i).text(0) for i in range(top.childCount()))
    assert nominees == ["Lường Thị Mai", "Thôn Nà Khoang"], nominees
    assert receiving.table.rowCount() == 1
    verdict = receiving.table.item(0, 5).text()
    assert verdict == "Hợp lệ", verdict
    shot(window, "24_received")

    # The review team sees the commune's round waiting, and starts its review.
    go_to(window, "Thẩm định hồ sơ")
    review = window.screen_named("review")
    communes = review.communes
    wait_until(lambda: communes.rowCount() >= 1, what="the commune on the review dashboard")
    row = next(r for r in range(communes.rowCount()) if communes.item(r, 1).text() == "Thượng Quan")
    click(communes.viewport(), communes.visualItemRect(communes.item(row, 1)).center())
    wait_until(lambda: review.reviews.rowCount() == 1, what="the received round listed for review")
    assert review.reviews.item(0, 1).text() == "Đã tiếp nhận", review.reviews.item(0, 1).text()
    assert sorted(review.nominees.item(r, 0).text() for r in range(review.nominees.rowCount())) == \
        ["Lường Thị Mai", "Thôn Nà Khoang"]
    click(review.start_button)
    wait_until(lambda: review.reviews.item(0, 1).text() == "Đang thẩm định", what="the review started")
    shot(window, "25_review_started")


def plain(label) -> str:
    """What the officer reads in a label (rich text rendered)."""
    from PySide6.QtGui import QTextDocument
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText().strip()


def fingerprint_groups(text: str) -> list[str]:
    """The 16 groups of four hexadecimal digits of a SHA-256 fingerprint in a text (any spacing, any lines)."""
    after = text[text.index("SHA256"):] if "SHA256" in text else text
    groups = re.findall(r"\b[0-9A-F]{4}\b", after)[:16]
    assert len(groups) == 16, f"no whole fingerprint in: {text!r}"
    return groups


def go_to(window, title: str) -> None:
    """Click a screen's entry in the navigation on the left."""
    nav = window.nav
    row = next((r for r in range(nav.count()) if nav.item(r).text() == title), None)
    assert row is not None, [nav.item(r).text() for r in range(nav.count())]
    click(nav.viewport(), nav.visualItemRect(nav.item(row)).center())
    assert nav.currentRow() == row
    QTest.qWait(20)


def click_list_row(view, text: str) -> None:
    """Click the row of a list the officer reads `text` in."""
    row = next((r for r in range(view.count()) if view.item(r).text() == text), None)
    assert row is not None, f"'{text}' not listed: " + "; ".join(view.item(r).text() for r in range(view.count()))
    view.scrollToItem(view.item(row)) if False else None
    rect = view.visualItemRect(view.item(row))
    assert view.viewport().rect().contains(rect.center()), f"the row '{text}' is not in view"
    click(view.viewport(), rect.center())
    assert view.currentRow() == row


def click_tab(tabs, title: str) -> None:
    """Click the tab whose title starts with `title` (a count may follow it)."""
    bar = tabs.tabBar()
    index = next((i for i in range(bar.count()) if bar.tabText(i).replace("&", "").startswith(title)), None)
    assert index is not None, [bar.tabText(i) for i in range(bar.count())]
    click(bar, bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    QTest.qWait(20)


def field_labelled(dialog: QWidget, label: str) -> QWidget:
    """The field next to the label the officer reads (a form row)."""
    from PySide6.QtWidgets import QFormLayout, QLabel
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel) and item.widget().text().rstrip(": *") == label:
                field = form.itemAt(row, QFormLayout.FieldRole).widget()
                holder_layout = field.layout() if field is not None else None
                if holder_layout is not None and holder_layout.count() and holder_layout.itemAt(0).widget():
                    return holder_layout.itemAt(0).widget()   # a field with its error line under it
                return field
    labels = [form.itemAt(r, QFormLayout.LabelRole).widget().text() for form in dialog.findChildren(QFormLayout)
              for r in range(form.rowCount()) if form.itemAt(r, QFormLayout.LabelRole) is not None
              and isinstance(form.itemAt(r, QFormLayout.LabelRole).widget(), QLabel)]
    raise AssertionError(f"no field '{label}'; the form has: {labels}")
