"""The dossier screen: preview without numbers, issue numbers in the background, PDF preview, save a copy,
print on A4 through QPrinter (to a PDF file, read back)."""
from __future__ import annotations

import subprocess
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import DocumentNumber
from desktop_app.ui.dossier_screen import DossierScreen


@pytest.fixture
def screen(qtbot, runner, demo):
    w = DossierScreen(runner)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.runner.wait()
    w.close()


def demo_round(w):
    return rounds.find_round(w.session, 1)


def missing(w):
    return dossier.missing_numbers(w.session, demo_round(w).id)


def generate(w, qtbot, issue):
    qtbot.mouseClick(w.issue_button if issue else w.preview_button, Qt.LeftButton)
    assert w.runner.wait(60000)
    qtbot.waitUntil(lambda: w.document_list.count() > 0)


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")


def test_round_list_shows_status_and_missing_numbers(screen):
    assert screen.round_combo.count() == 1
    text = screen.round_combo.itemText(0)
    assert text.startswith("Đợt 1") and "lần 1" in text
    assert "Chưa cấp số" in screen.numbers_label.text()
    assert screen.issue_button.text() == "Cấp số và tạo hồ sơ"


def test_preview_uses_no_numbers_and_prints_blank_number_lines(screen, qtbot):
    generate(screen, qtbot, issue=False)
    assert missing(screen) == ["to_trinh", "bien_ban", "quyet_dinh"]
    assert DocumentNumber.select().where(DocumentNumber.series != "QĐ-UBND").count() == 0
    assert screen.document_list.item(0).text() == "Tờ trình đề nghị khen thưởng"
    first = screen.current_pdf()
    assert first.name == "01_To_trinh.pdf"
    flat = " ".join(pdftotext(first).split())
    assert "Số: /TTr-UBND" in flat
    assert "Bản xem trước" in screen.state_label.text()
    assert not screen.open_button.isEnabled()


def test_issue_numbers_generates_in_background_and_previews(screen, qtbot, session, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.Yes)
    generate(screen, qtbot, issue=True)
    assert len(asked) == 1
    assert missing(screen) == []
    assert "01/TTr-UBND" in screen.numbers_label.text()
    assert screen.issue_button.text() == "Tạo lại hồ sơ"
    folder = session.paths.documents_dir / "Dot_01_lan_1"
    assert screen.folder == folder and (folder / "01_To_trinh.docx").is_file()
    labels = [screen.document_list.item(i).text() for i in range(screen.document_list.count())]
    assert "Báo cáo thành tích: Nông Thị Hoa" in labels
    assert len(labels) == len(list(folder.glob("*.pdf")))
    # Preview: the selected PDF is loaded and its pages counted.
    screen.document_list.setCurrentRow(labels.index("Biên bản họp Hội đồng Thi đua - Khen thưởng"))
    assert screen.pdf.pageCount() == len(PdfReader(screen.current_pdf()).pages) >= 1
    assert "trang" in screen.page_label.text()
    assert screen.print_button.isEnabled() and screen.open_button.isEnabled()
    # Creating again reuses the numbers and does not ask.
    generate(screen, qtbot, issue=True)
    assert len(asked) == 1
    assert DocumentNumber.select().where(DocumentNumber.series == "TTr-UBND").count() == 1


def test_declining_the_confirmation_issues_nothing(screen, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    qtbot.mouseClick(screen.issue_button, Qt.LeftButton)
    assert not screen.runner.busy
    assert missing(screen) == ["to_trinh", "bien_ban", "quyet_dinh"]


def test_cancel_stops_generation(screen, qtbot, monkeypatch):
    calls = []
    real = dossier.round_documents

    def slow(session, round_id, **kw):
        # A long generation: it goes on until the officer presses Cancel (or 20 s pass).
        officer_cancelled = kw["cancelled"]
        deadline = time.monotonic() + 20
        while not officer_cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        kw["cancelled"] = lambda: calls.append(1) or officer_cancelled()
        return real(session, round_id, **kw)

    monkeypatch.setattr(dossier, "round_documents", slow)
    qtbot.mouseClick(screen.preview_button, Qt.LeftButton)
    assert not screen.preview_button.isEnabled()   # busy while generating
    dialogs = lambda: [d for d in screen.findChildren(QProgressDialog) if d.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: bool(dialogs()), timeout=5000)
    cancel = next(b for b in dialogs()[0].findChildren(QPushButton) if b.isVisible())
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert screen.runner.wait(60000)
    assert screen.document_list.count() == 0 and calls
    # Cancelled, the screen is usable again.
    assert screen.preview_button.isEnabled() and screen.issue_button.isEnabled() and screen.round_combo.isEnabled()
    assert not dialogs()


def test_save_copy_writes_pdf_and_docx(screen, qtbot, tmp_path):
    generate(screen, qtbot, issue=False)
    target = tmp_path / "USB" / "ho_so"
    written = screen.save_copy(str(target))
    names = sorted(p.name for p in target.iterdir())
    assert len(written) == len(names) == len(screen.files)
    assert "01_To_trinh.pdf" in names and "01_To_trinh.docx" in names
    assert (target / "01_To_trinh.pdf").read_bytes() == screen.files[0].read_bytes()
    assert "Đã chép" in screen.state_label.text()


def test_print_to_pdf_file_on_a4(screen, qtbot, tmp_path):
    generate(screen, qtbot, issue=False)
    labels = [screen.document_list.item(i).text() for i in range(screen.document_list.count())]
    screen.document_list.setCurrentRow(labels.index("Danh sách kèm theo Tờ trình"))
    pages = screen.pdf.pageCount()
    assert pages >= 2  # the demo list runs over a page: all pages must be printed
    printer = DossierScreen.a4_printer()
    out = tmp_path / "in.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert screen.print_to(printer) == pages
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5  # A4 portrait, in points
    # The pages are images of the documents: not blank.
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
