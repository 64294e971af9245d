"""The forms themselves: place names as the law keeps them, the date line on one line, the issuing body bold on
both lines, the STT column wide enough, drafts marked DỰ THẢO, .docx properties and language."""
from __future__ import annotations

import io
import subprocess
from dataclasses import replace

from docx import Document as open_docx
from docx.oxml.ns import qn
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from desktop_app.core.documents import compose_to_trinh, load_template_set, render
from desktop_app.core.documents.inputs import place_of
from desktop_app.core.documents.numbering import amount_words, money
from desktop_app.core.documents.render_pdf import _registered, register_fonts
from desktop_app.core.documents.samples import sample_dossier

T = load_template_set()


def test_place_names_keep_what_the_law_keeps():
    assert place_of("xã Quang Thuận") == "Quang Thuận"
    assert place_of("phường 3") == "Phường 3" and place_of("Phường IV") == "Phường IV"
    assert place_of("phường Đức Xuân") == "Đức Xuân"
    d = sample_dossier()
    assert replace(d.commune, place="Phường Lê Lợi").place_name == "Phường Lê Lợi"   # the setting overrides


def test_a_long_place_date_line_stays_on_one_line_at_13_pt():
    d = sample_dossier()
    long_name = replace(d.commune, place="Quang Thuận Thượng")      # wraps at 14 pt, fits at 13 pt
    doc = compose_to_trinh(replace(d, commune=long_name), T)
    data = render(doc, "pdf", T, invariant=True)
    flat = " ".join(subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True,
                                   check=True).stdout.decode().split())
    assert f"{long_name.place}, ngày 05 tháng 02 năm 2026" in flat          # one line, not broken
    register_fonts(T.font)
    italic = next(k for k in pdfmetrics.getRegisteredFontNames() if k.endswith("italic") and "bold" not in k.lower())
    right = (T.layout.text_width_mm - T.layout.header_left_mm) / 25.4 * 72
    assert pdfmetrics.stringWidth(doc.header.date_line, italic, 13) <= right
    assert pdfmetrics.stringWidth(doc.header.date_line, italic, 14) > right


def test_stt_fits_its_column_in_word_and_pdf():
    register_fonts(T.font)
    bold = _registered[T.font["family"]]
    need_mm = pdfmetrics.stringWidth("STT", bold, 12) / 72 * 25.4 + 2 * 1.9 + 0.5   # Word's cell margins
    for name in ("danh_sach", "danh_sach_quyet_dinh", "danh_sach_chi_thuong"):
        cols = T.doc(name)["table"]["columns_mm"]
        scale = T.layout.text_width_mm / sum(cols)
        assert cols[0] * scale >= need_mm, name
    cols = T.doc("bien_ban")["votes_table"]["columns_mm"]
    assert cols[0] * T.layout.text_width_mm / sum(cols) >= need_mm


def test_the_issuing_body_is_bold_on_both_lines_in_word_too():
    doc = compose_to_trinh(sample_dossier(), T)
    assert doc.header.body_lines == (("ỦY BAN NHÂN DÂN", True), ("XÃ QUANG THUẬN", True))
    d = open_docx(io.BytesIO(render(doc, "docx", T)))
    cell = d.tables[0].rows[0].cells[0]
    runs = [r for p in cell.paragraphs for r in p.runs if r.text.strip()]
    assert [r.text for r in runs] == ["ỦY BAN NHÂN DÂN", "XÃ QUANG THUẬN"] and all(r.bold for r in runs)


def test_drafts_say_du_thao_on_every_page_in_both_formats():
    draft = replace(sample_dossier(), draft=True)
    doc = compose_to_trinh(draft, T)
    pdf = PdfReader(io.BytesIO(render(doc, "pdf", T, invariant=True)))
    assert len(pdf.pages) >= 2 and all("DỰ THẢO" in p.extract_text() for p in pdf.pages)
    d = open_docx(io.BytesIO(render(doc, "docx", T)))
    sec = d.sections[0]
    assert "DỰ THẢO" in sec.first_page_header.paragraphs[0].text and "DỰ THẢO" in sec.header.paragraphs[0].text
    assert d.core_properties.keywords == "DỰ THẢO"


def test_docx_properties_and_language():
    d = open_docx(io.BytesIO(render(compose_to_trinh(sample_dossier(), T), "docx", T)))
    assert d.core_properties.author == "xã Quang Thuận" and d.core_properties.language == "vi-VN"
    assert d.core_properties.created.year >= 2026                  # made now, not python-docx's 2013 template date
    normal = d.styles["Normal"].element.rPr
    assert normal.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_docx_creation_time_is_written_in_utc():
    """dcterms:created ends in "Z": a Vietnam time (+07:00) is converted, and "now" is the UTC now, whatever
    zone the computer is set to (the tests run 12 hours behind UTC)."""
    from datetime import datetime, timedelta, timezone

    from desktop_app.core.dates import VN_TZ

    doc = compose_to_trinh(sample_dossier(), T)
    vn = datetime(2026, 12, 1, 0, 30, tzinfo=VN_TZ)
    d = open_docx(io.BytesIO(render(doc, "docx", T, created=vn)))
    assert d.core_properties.created == datetime(2026, 11, 30, 17, 30, tzinfo=timezone.utc)
    before = datetime.now(timezone.utc).replace(microsecond=0)
    made = open_docx(io.BytesIO(render(doc, "docx", T))).core_properties.created
    assert before <= made <= before + timedelta(minutes=1), (before, made)


def test_money_in_figures_and_words():
    assert money(1404000) == "1.404.000"
    assert amount_words(2808000) == "Hai triệu tám trăm linh tám nghìn đồng"
    assert amount_words(105000) == "Một trăm linh năm nghìn đồng" and amount_words(21000) == "Hai mươi mốt nghìn đồng"
