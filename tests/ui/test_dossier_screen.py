"""The dossier screen shows the lifecycle of the documents (NĐ 30/2020): drafts marked DỰ THẢO without numbers, an
issue step per document (number and signing date), issued documents read-only from their stored files; driven by
mouse and keyboard at 1366×768, with screenshots of the issue step; print on A4 through QPrinter (read back)."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import DocumentNumber, IssuedDocument
from desktop_app.ui.dossier_screen import DossierScreen, IssueDialog

SHOTS = Path(os.environ.get("SOTHIDUA_SHOTS", "")) if os.environ.get("SOTHIDUA_SHOTS") else None


@pytest.fixture
def screen(qtbot, runner, demo):
    w = DossierScreen(runner)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.runner.wait()
    w.close()


def demo_round(w):
    return rounds.find_round(w.session, 1)


def missing(w):
    return dossier.missing_numbers(w.session, demo_round(w).id)


def show_dossier(w, qtbot):
    qtbot.mouseClick(w.preview_button, Qt.LeftButton)
    assert w.runner.wait(60000)
    qtbot.waitUntil(lambda: w.document_list.count() > 0)


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")


def click_row(w, qtbot, code):
    row = [st.code for st in w.states].index(code)
    rect = w.state_table.visualItemRect(w.state_table.item(row, 0))
    qtbot.mouseClick(w.state_table.viewport(), Qt.LeftButton, pos=rect.center())
    assert w.selected_code() == code


def issue_by_mouse(w, qtbot, code, number: str | None, shot: str = ""):
    """Select the document's row, press “Issue…”, type the number in the dialog and press “Ban hành”."""
    click_row(w, qtbot, code)
    seen = {}

    def act():
        dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, IssueDialog) and d.isVisible())
        seen["dialog"] = dialog
        if number is not None:
            dialog.number_edit.selectAll()
            QTest.keyClicks(dialog.number_edit, number)
        if SHOTS and shot:
            SHOTS.mkdir(parents=True, exist_ok=True)
            w.grab().save(str(SHOTS / f"{shot}_screen.png"))
            dialog.grab().save(str(SHOTS / f"{shot}_dialog.png"))
        seen["ok_enabled"] = dialog.ok_button.isEnabled()
        QTest.mouseClick(dialog.ok_button, Qt.LeftButton)

    QTimer.singleShot(200, act)
    qtbot.mouseClick(w.issue_button, Qt.LeftButton)
    assert w.runner.wait(60000)
    qtbot.waitUntil(lambda: not w.busy, timeout=60000)
    assert w.runner.wait(60000)
    return seen


def test_states_show_drafts_and_what_comes_next(screen):
    assert screen.round_combo.count() == 1
    assert screen.round_combo.itemText(0).startswith("Đợt 1")
    assert [st.code for st in screen.states] == ["bien_ban", "to_trinh", "quyet_dinh"]
    texts = [screen.state_table.item(r, 1).text() for r in range(3)]
    assert all("Dự thảo" in t for t in texts)
    assert "Ban hành" in screen.state_table.item(1, 2).text() and "trước" in screen.state_table.item(1, 2).text()
    assert screen.selected_code() == "bien_ban" and screen.issue_button.isEnabled()


def test_show_dossier_makes_drafts_marked_du_thao_and_burns_no_number(screen, qtbot):
    show_dossier(screen, qtbot)
    assert missing(screen) == ["bien_ban", "to_trinh", "quyet_dinh"]
    assert DocumentNumber.select().count() == 0
    first = screen.document_list.item(0)
    assert first.text() == "Tờ trình đề nghị khen thưởng — dự thảo"
    flat = " ".join(pdftotext(screen.current_pdf()).split())
    assert "DỰ THẢO" in flat and "Số: /TTr-UBND" in flat
    assert "dự thảo" in screen.state_label.text().lower()


def test_issue_each_document_by_mouse(screen, qtbot, session):
    seen = issue_by_mouse(screen, qtbot, "bien_ban", "3", shot="issue_bien_ban")
    assert seen["ok_enabled"]
    assert not seen["dialog"].date_edit.isEnabled()        # the minutes bear the meeting's date
    by_code = {st.code: st for st in screen.states}
    assert by_code["bien_ban"].issued and by_code["bien_ban"].number_text == "03/BB-HĐTĐKT"
    assert "03/BB-HĐTĐKT" in screen.state_table.item(0, 1).text()
    # The Tờ trình: the commune key is made first (its fingerprint is printed on the cover document).
    issue_by_mouse(screen, qtbot, "to_trinh", "15", shot="issue_to_trinh")
    assert {st.code: st for st in screen.states}["to_trinh"].issued
    row = IssuedDocument.get(IssuedDocument.code == "to_trinh")
    assert row.signer_fingerprint
    issue_by_mouse(screen, qtbot, "quyet_dinh", None)      # the number typed into the decision is proposed
    assert missing(screen) == []
    assert rounds.find_round(session, 1).status == "locked"
    # Issued documents are shown from their stored files, unchanged.
    qtbot.waitUntil(lambda: screen.document_list.count() > 0, timeout=60000)
    labels = [screen.document_list.item(i).text() for i in range(screen.document_list.count())]
    assert all(label.endswith("đã ban hành") for label in labels)
    stored = session.paths.documents_dir / "Dot_01_lan_1" / "01_To_trinh.pdf"
    assert screen.files[0].read_bytes() == stored.read_bytes()
    flat = " ".join(pdftotext(stored).split())
    assert "Số: 15/TTr-UBND" in flat and "DỰ THẢO" not in flat and "SHA256:" in flat
    if SHOTS:
        screen.grab().save(str(SHOTS / "issued_screen.png"))
    assert not screen.issue_button.isEnabled()
    assert screen.open_button.isEnabled()


def test_a_used_number_is_refused_with_a_message(screen, qtbot, session, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    other = rounds.create_round(session, demo_round(screen).campaign_id)
    with session.write():
        DocumentNumber.create(commune=session.home_commune(), series="BB-HĐTĐKT",
                              year=rounds.meeting_of(session, demo_round(screen).id).held_on.year, number=3,
                              purpose=f"đợt {other.number}", issued_at="x")
    issue_by_mouse(screen, qtbot, "bien_ban", "3")
    assert shown and "03/BB-HĐTĐKT" in shown[0] and "đã được dùng" in shown[0]
    assert missing(screen)[0] == "bien_ban"


def test_cancel_stops_generation(screen, qtbot, monkeypatch):
    calls = []
    real = dossier.round_documents

    def slow(session, round_id, **kw):
        officer_cancelled = kw["cancelled"]
        deadline = time.monotonic() + 20
        while not officer_cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        kw["cancelled"] = lambda: calls.append(1) or officer_cancelled()
        return real(session, round_id, **kw)

    monkeypatch.setattr(dossier, "round_documents", slow)
    qtbot.mouseClick(screen.preview_button, Qt.LeftButton)
    assert not screen.preview_button.isEnabled()
    dialogs = lambda: [d for d in screen.findChildren(QProgressDialog) if d.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: bool(dialogs()), timeout=5000)
    cancel = next(b for b in dialogs()[0].findChildren(QPushButton) if b.isVisible())
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert screen.runner.wait(60000)
    assert screen.document_list.count() == 0 and calls
    assert screen.preview_button.isEnabled() and screen.round_combo.isEnabled()
    assert not dialogs()


def test_save_copy_writes_pdf_and_docx(screen, qtbot, tmp_path):
    show_dossier(screen, qtbot)
    target = tmp_path / "USB" / "ho_so"
    written = screen.save_copy(str(target))
    names = sorted(p.name for p in target.iterdir())
    assert len(written) == len(names) == len(screen.files)
    assert "01_To_trinh.pdf" in names and "01_To_trinh.docx" in names
    assert (target / "01_To_trinh.pdf").read_bytes() == screen.files[0].read_bytes()
    assert "Đã chép" in screen.state_label.text()


def test_print_to_pdf_file_on_a4(screen, qtbot, tmp_path):
    show_dossier(screen, qtbot)
    labels = [screen.document_list.item(i).text() for i in range(screen.document_list.count())]
    screen.document_list.setCurrentRow(next(i for i, x in enumerate(labels) if x.startswith("Danh sách kèm theo Tờ")))
    pages = screen.pdf.pageCount()
    assert pages >= 2
    printer = DossierScreen.a4_printer()
    out = tmp_path / "in.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert screen.print_to(printer) == pages
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5
    assert out.stat().st_size > 20_000 * pages


def test_user_error_is_shown_not_crashed(qtbot, session, runner, commune, monkeypatch):
    from desktop_app.core.storage.models import Campaign

    rounds.create_round(session, Campaign.get().id)
    w = DossierScreen(runner)
    qtbot.addWidget(w)
    w.show()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    qtbot.mouseClick(w.preview_button, Qt.LeftButton)
    assert w.runner.wait(60000)
    assert shown and "chưa có tập thể, cá nhân nào" in shown[0]
    assert w.document_list.count() == 0
    assert w.preview_button.isEnabled()


def test_the_provinces_rules_pack_is_imported_from_the_window(screen, qtbot, session):
    from desktop_app.core.nominations import rules_pack
    from desktop_app.core.resources import resource_path

    assert "chỉ áp dụng tiêu chuẩn quốc gia" in screen.numbers_label.text()
    asked = []
    screen.import_rules(str(resource_path("rules_packs", "tinh_mau_gia_dinh.json")),
                        confirm=lambda text: asked.append(text) or True)
    assert screen.runner.wait(60000)
    assert asked and "84C4 D2EE" in asked[0] and "GIẢ ĐỊNH" in asked[0]
    assert rules_pack.current_pack(session).province == "Tỉnh Mẫu (giả định)"
    qtbot.waitUntil(lambda: "Tỉnh Mẫu" in screen.numbers_label.text())
    assert "chậm nhất ngày" in screen.numbers_label.text()


def test_what_could_not_be_verified_is_shown_to_the_officer(screen, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    assert "chưa được đối chiếu" in screen.numbers_label.text()
    qtbot.mouseClick(screen.sources_button, Qt.LeftButton)
    assert shown and "Nghị định số 152/2025/NĐ-CP" in shown[0] and "Mức tiền thưởng" in shown[0]
