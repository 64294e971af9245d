"""The "Thẩm định hồ sơ" screen of the receiving level, driven by mouse at 1366×768: the dashboard of communes with
its filters and .xlsx export, taking a round into review, asking for more with a reason per nominee, marking it
ready, recording the decision with the outcome per nominee, writing the signed return packet."""
from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.core.exchange import receiving, returns
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.nominations import rounds
from desktop_app.core.vocabulary import DECIDED, NOT_AWARDED, RESULT_SENT, RETURNED, UNDER_REVIEW
from desktop_app.ui.review_screen import ProvinceDecisionDialog, RequestMoreDialog, ReviewScreen

from .conftest import answer_next_message, type_text
from .test_receiving_screen import export_demo_round, receiver  # noqa: F401 (fixture)

SHOTS = os.environ.get("SOTHIDUA_SCREENSHOTS")   # a folder: keep the screenshots to look at


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.LeftButton)


def click_cell(table, row: int, col: int = 0) -> None:
    rect = table.visualRect(table.model().index(row, col))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def with_next_dialog(kind, act) -> list:
    """Run `act(dialog)` on the next dialog of `kind` that opens (modal: it runs inside exec())."""
    seen = []

    def poll():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, poll)
    return seen


@pytest.fixture
def received(tmp_path, receiver):  # noqa: F811
    [written] = export_demo_round(tmp_path / "commune", [tmp_path / "stick"], receiver)
    receiving.receive_packet(receiver, written.path, trust_fingerprint=written.signer_fingerprint)
    rv.add_officer(receiver, "can_bo_a", "Nguyễn Thị Lan")
    rv.assign_commune(receiver, "02095", "can_bo_a")
    for code in ("02096", "02097"):
        rv.assign_commune(receiver, code, "can_bo_a")   # communes assigned, nothing received from them yet
    return receiver


def test_the_review_of_a_round_by_mouse(qtbot, runner, received, tmp_path):
    decision_pdf = tmp_path / "qd.pdf"
    decision_pdf.write_bytes(returns._notice_pdf("QUYẾT ĐỊNH", ["Tặng Bằng khen"], "00" * 32))
    screen = ReviewScreen(runner, ask_folder=lambda: str(tmp_path / "usb"), ask_pdf=lambda: str(decision_pdf),
                          ask_xlsx=lambda: str(tmp_path / "theo-doi.xlsx"))
    qtbot.addWidget(screen)
    screen.resize(1366 - 230, 768 - 90)   # the screen's part of the window at 1366×768
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.communes.rowCount() == 3
    click_cell(screen.communes, [screen.communes.item(r, 0).text() for r in range(3)].index("02095"))
    assert "Nguyễn Thị Lan" in screen.commune_title.text() and screen.reviews.rowCount() == 1
    assert screen.start_button.isEnabled() and not screen.decide_button.isEnabled()
    shot(screen.window(), "review-dashboard")

    click(screen.start_button)
    runner.wait()
    assert rv.reviews_of_commune(received, "02095")[0].state == UNDER_REVIEW
    first_nominee = screen.nominees.item(0, 0).text()

    def fill_more(dialog: RequestMoreDialog):
        type_text(dialog.edits[0], "Thiếu báo cáo thành tích có xác nhận")
        shot(dialog, "review-ask-more")
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    with_next_dialog(RequestMoreDialog, fill_more)
    click(screen.more_button)
    runner.wait()
    review = rv.reviews_of_commune(received, "02095")[0]
    assert review.state == RETURNED
    [note] = rv.notes_of(received, review.id)
    assert note.text == "Thiếu báo cáo thành tích có xác nhận" and note.nominee.participant.name == first_nominee
    assert screen.return_button.isEnabled()
    answer_next_message(QMessageBox.Ok)
    click(screen.return_button)
    runner.wait()
    [notice] = sorted((tmp_path / "usb").glob("*.zip"))
    assert returns.verify_return_packet(notice, returns.province_key(received).fingerprint).manifest["kind"] == "bo_sung"

    click(screen.start_button)
    runner.wait()
    click(screen.ready_button)
    runner.wait()
    assert screen.decide_button.isEnabled()

    def fill_decision(dialog: ProvinceDecisionDialog):
        type_text(dialog.number, "125/QĐ-UBND")
        type_text(dialog.signer, "Trịnh Việt Hùng")
        click(dialog.pdf_button)
        last = dialog.outcomes[-1]
        last[0].setCurrentIndex(last[0].findData(NOT_AWARDED))
        type_text(last[1], "Chưa đủ thời gian công tác")
        shot(dialog, "review-decision")
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    with_next_dialog(ProvinceDecisionDialog, fill_decision)
    click(screen.decide_button)
    runner.wait()
    review = rv.get_review(received, review.id)
    assert review.state == DECIDED
    decision = rv.decision_of(received, review.id)
    outcomes = [o.outcome for o in rv.outcomes_of(received, decision.id)]
    assert decision.number == "125/QĐ-UBND" and outcomes.count(NOT_AWARDED) == 1
    told = answer_next_message(QMessageBox.Ok)
    click(screen.return_button)
    runner.wait()
    assert "Dấu vân tay" in told["text"] or returns.province_key(received).fingerprint in told["text"]
    assert rv.get_review(received, review.id).state == RESULT_SENT
    shot(screen.window(), "review-done")

    # the filters and the export
    type_text(screen.search, "02096")
    assert shown_codes(screen) == ["02096"]
    qtbot.waitUntil(lambda: "02096" in screen.commune_title.text())   # its rounds once typing paused
    assert screen.reviews.rowCount() == 0
    screen.search.clear()
    screen.state.setCurrentIndex(screen.state.findData(RESULT_SENT))
    assert shown_codes(screen) == ["02095"]
    screen.state.setCurrentIndex(0)
    type_text(screen.search, "thuong quan")               # typed without accents, as on a PC without Unikey
    assert "02095" in shown_codes(screen)
    screen.search.clear()
    screen.state.setCurrentIndex(screen.state.findData(RESULT_SENT))
    click(screen.export_button)
    runner.wait()
    rows = list(openpyxl.load_workbook(tmp_path / "theo-doi.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "Mã xã" and [r[0] for r in rows[1:]] == ["02095"]


def test_the_decision_dialog_fits_the_screen_with_many_nominees(qtbot, received):
    nominees = [n for r in receiving.imported_rounds(received) for n in rounds.nominees_of(received, r.id)]
    dialog = ProvinceDecisionDialog(nominees * 4, lambda: "", None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height() and dialog.width() <= screen.width()
    assert dialog.buttons.isVisible() and dialog.buttons.mapTo(dialog, QPoint(0, 0)).y() < dialog.height()


def shown_codes(screen) -> list[str]:
    """The communes the officer sees in the dashboard (the filters hide the others)."""
    table = screen.communes
    return [table.item(r, 0).text() for r in range(table.rowCount()) if not table.isRowHidden(r)]
