"""PDFs read back: Vietnamese text in NFC, A4, only the embedded bundled font, margins, page numbers, flow."""
from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from dataclasses import replace
from functools import lru_cache
from html import unescape

import pytest
from pypdf import PdfReader

from desktop_app.core.documents import (compose_bao_cao, compose_bien_ban, compose_danh_sach,
                                        compose_danh_sach_quyet_dinh, compose_quyet_dinh, compose_to_trinh,
                                        load_template_set, render)
from desktop_app.core.documents.samples import long_dossier, sample_dossier

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)
T = load_template_set()
L = T.layout


def _pdf(doc) -> bytes:
    return render(doc, "pdf", T, invariant=True)


COMPOSERS = {
    "to_trinh": lambda d: compose_to_trinh(d, T),
    "danh_sach": lambda d: compose_danh_sach(d, T),
    "bao_cao_tap_the": lambda d: compose_bao_cao(d, T, d.nominees[0]),
    "bao_cao_ca_nhan": lambda d: compose_bao_cao(d, T, d.nominees[2]),
    "bien_ban": lambda d: compose_bien_ban(d, T),
    "quyet_dinh": lambda d: compose_quyet_dinh(d, T),
    "danh_sach_quyet_dinh": lambda d: compose_danh_sach_quyet_dinh(d, T),
}


@lru_cache(maxsize=None)
def sample(name: str):
    doc = COMPOSERS[name](sample_dossier())
    return doc, _pdf(doc)


@lru_cache(maxsize=None)
def long_list():
    doc = compose_danh_sach(long_dossier(300), T)
    return doc, _pdf(doc)


@lru_cache(maxsize=None)
def long_report():
    d = long_dossier(rows=3, report_paragraphs=80)
    doc = compose_bao_cao(d, T, d.nominees[1])
    return doc, _pdf(doc)


def pdftotext(data: bytes, *args: str) -> str:
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", *args, "-", "-"], input=data, capture_output=True,
                       check=True, timeout=60)
    return r.stdout.decode("utf-8")


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def words(data: bytes) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, each word with its box in points (origin top left), from pdftotext -bbox."""
    html = pdftotext(data, "-bbox")
    pages = html.split("<page ")[1:]
    return [[(float(a), float(b), float(c), float(d), unescape(w)) for a, b, c, d, w in _WORD.findall(p)]
            for p in pages]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(COMPOSERS))
def test_every_printed_text_is_in_the_pdf_in_nfc(name):
    doc, data = sample(name)
    text = pdftotext(data, "-raw")
    assert text == unicodedata.normalize("NFC", text)
    flat = squash(text)
    for line in doc.plain_lines():
        assert squash(line) in flat, line


def test_to_trinh_reads_like_a_to_trinh():
    _, data = sample("to_trinh")
    flat = squash(pdftotext(data, "-raw"))
    for expected in ("ỦY BAN NHÂN DÂN", "XÃ QUANG THUẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Số: 05/TTr-UBND", "Quang Thuận, ngày 05 tháng 02 năm 2026",
                     "TỜ TRÌNH", "Kính gửi: Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ).",
                     "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
                     "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp",
                     "Căn cứ Kế hoạch số 635/KH-UBND ngày 10 tháng 10 năm 2022 của UBND tỉnh Bắc Kạn",
                     "Căn cứ Biên bản số 03/BB-HĐTĐKT ngày 03 tháng 02 năm 2026 của Hội đồng Thi đua - Khen thưởng",
                     "“Bắc Kạn đẩy mạnh chương trình chuyển đổi số giai đoạn 2022 - 2025”",
                     "02 tập thể và 02 cá nhân", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Thắng",
                     "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "3F2A 9C41 7D0E 55B8"):
        assert expected in flat, expected


@pytest.mark.parametrize("name", sorted(COMPOSERS))
def test_a4_portrait(name):
    _, data = sample(name)
    for page in PdfReader(io.BytesIO(data)).pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=0.5)


def fonts(data: bytes) -> list[tuple[str, str]]:
    out = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True, timeout=60)
    rows = out.stdout.decode().splitlines()[2:]
    result = []
    for row in rows:
        parts = row.split()
        result.append((parts[0], parts[-5]))          # name, "emb" column
    return result


@pytest.mark.parametrize("name", sorted(COMPOSERS))
def test_only_the_bundled_font_embedded(name):
    _, data = sample(name)
    found = fonts(data)
    assert found
    for font, embedded in found:
        assert font.split("+")[-1].startswith("LiberationSerif"), font
        assert embedded == "yes", font


def test_long_list_fonts_too():
    found = fonts(long_list()[1])
    assert found and all(f.split("+")[-1].startswith("LiberationSerif") and e == "yes" for f, e in found)


def _check_margins(data: bytes):
    left_edge, right_edge = L.margin_left * MM, A4[0] - L.margin_right * MM
    for page in words(data):
        assert page
        assert min(w[0] for w in page) >= left_edge - 0.5
        assert max(w[2] for w in page) <= right_edge + 0.5
    assert L.margin_left >= 30 and L.margin_right >= 15


@pytest.mark.parametrize("name", sorted(COMPOSERS))
def test_left_and_right_margins_from_text_positions(name):
    _check_margins(sample(name)[1])


def test_margins_hold_on_long_documents():
    _check_margins(long_list()[1])
    _check_margins(long_report()[1])


def test_text_does_reach_the_left_margin():
    # Guards the margin test: justified body text starts exactly at 30 mm, not somewhere safe inside.
    page = words(sample("to_trinh")[1])[0]
    assert min(w[0] for w in page) == pytest.approx(L.margin_left * MM, abs=1.0)
    assert max(w[2] for w in page) == pytest.approx(A4[0] - L.margin_right * MM, abs=1.5)


def _page_number_words(page):
    top = L.margin_top * MM
    return [w for w in page if w[3] <= top]


def test_page_numbers_from_page_two_centred_in_top_margin():
    pages = words(long_report()[1])
    assert len(pages) >= 20, len(pages)
    assert _page_number_words(pages[0]) == []
    centre = (L.margin_left * MM + A4[0] - L.margin_right * MM) / 2
    for n, page in enumerate(pages[1:], 2):
        top = _page_number_words(page)
        assert [w[4] for w in top] == [str(n)]
        assert (top[0][0] + top[0][2]) / 2 == pytest.approx(centre, abs=2)


def test_single_page_document_has_no_page_number():
    pages = words(sample("danh_sach_quyet_dinh")[1])
    assert len(pages) == 1
    assert _page_number_words(pages[0]) == []


def test_300_row_list_repeats_its_header_on_every_page():
    doc, data = long_list()
    text = pdftotext(data)
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 10
    for p in pages:
        assert "STT" in p and "Tóm tắt thành tích" in p
    flat = squash(text)
    assert "Nguyễn Hoàng Thị Phương Thảo Ngọc Quỳnh 300" in squash(pdftotext(data, "-raw"))
    assert "I. TẬP THỂ (30)" in flat and "II. CÁ NHÂN (270)" in flat


def test_long_names_wrap_inside_their_cells():
    _, data = long_list()
    scale = L.text_width_mm / sum(T.doc("danh_sach")["table"]["columns_mm"])
    cols = T.doc("danh_sach")["table"]["columns_mm"]
    name_left = (L.margin_left + cols[0] * scale) * MM
    name_right = (L.margin_left + (cols[0] + cols[1]) * scale) * MM
    page = words(data)[-2]                            # a page of individuals (collectives come first)
    first = [w for w in page if w[4] == "Nguyễn"]
    last = [w for w in page if w[4] == "Quỳnh"]
    assert first and last
    for w in first + last:
        assert name_left < w[0] and w[2] < name_right
    # Wrapped: the end of a name sits on a lower line than its start.
    assert last[0][1] > first[0][1] + 5


def test_twenty_page_report_flows_with_signatures_at_the_end():
    doc, data = long_report()
    pages = pdftotext(data).split("\f")
    assert len([p for p in pages if p.strip()]) >= 20
    last = [p for p in pages if p.strip()][-1]
    assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in last or "XÁC NHẬN" in last


def test_invariant_output_is_reproducible():
    d = sample_dossier()
    assert _pdf(compose_to_trinh(d, T)) == _pdf(compose_to_trinh(d, T))


def test_user_text_cannot_inject_markup():
    d = sample_dossier()
    evil = replace(d.nominees[2], name="Lê <b>Văn</b> {chairman} & Co", summary="a < b > c")
    d = replace(d, nominees=(d.nominees[0], evil) + d.nominees[3:])
    doc = compose_danh_sach(d, T)
    flat = squash(pdftotext(_pdf(doc), "-raw"))
    assert "Lê <b>Văn</b> {chairman} & Co" in flat
    assert "a < b > c" in flat
