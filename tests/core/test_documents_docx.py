"""The .docx opens with python-docx, carries the same text as the PDF and the same page set-up."""
from __future__ import annotations

import io
import subprocess
import unicodedata
from functools import lru_cache

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.shared import Mm

from desktop_app.core.documents import (compose_bao_cao, compose_bien_ban, compose_danh_sach,
                                        compose_danh_sach_quyet_dinh, compose_quyet_dinh, compose_to_trinh,
                                        load_template_set, render)
from desktop_app.core.documents.samples import long_dossier, sample_dossier

T = load_template_set()
L = T.layout

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
    return doc, render(doc, "docx", T), render(doc, "pdf", T, invariant=True)


def squash(text: str) -> str:
    return " ".join(text.split())


def _cell_texts(table) -> list[str]:
    out = []
    for row in table.rows:
        for cell in row.cells:
            out += [p.text for p in cell.paragraphs]
            for inner in cell.tables:
                out += _cell_texts(inner)
    return out


def docx_text(data: bytes) -> str:
    d = open_docx(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += _cell_texts(t)
    return "\n".join(parts)


@pytest.mark.parametrize("name", sorted(COMPOSERS))
def test_docx_carries_the_same_text_as_the_pdf(name):
    doc, docx_bytes, pdf_bytes = sample(name)
    text = docx_text(docx_bytes)
    assert text == unicodedata.normalize("NFC", text)
    pdf = squash(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf_bytes,
                                capture_output=True, check=True).stdout.decode())
    flat = squash(text)
    for line in doc.plain_lines():
        assert squash(line) in flat, line
        assert squash(line) in pdf, line


@pytest.mark.parametrize("name", sorted(COMPOSERS))
def test_page_setup_a4_margins_and_page_numbers_from_page_two(name):
    _, data, _ = sample(name)
    d = open_docx(io.BytesIO(data))
    s = d.sections[0]
    assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
    assert abs(s.left_margin - Mm(L.margin_left)) < Mm(0.1)
    assert abs(s.right_margin - Mm(L.margin_right)) < Mm(0.1)
    assert abs(s.top_margin - Mm(L.margin_top)) < Mm(0.1)
    assert s.different_first_page_header_footer
    assert s.first_page_header.is_linked_to_previous or not "".join(p.text for p in s.first_page_header.paragraphs)
    fields = s.header._element.findall(".//" + qn("w:fldSimple"))
    assert [f.get(qn("w:instr")) for f in fields] == ["PAGE"]


def test_font_is_times_new_roman_for_every_script():
    _, data, _ = sample("to_trinh")
    d = open_docx(io.BytesIO(data))
    fonts = d.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attr)) == L.docx_font


def test_list_header_row_repeats_in_word():
    doc = compose_danh_sach(long_dossier(300), T)
    d = open_docx(io.BytesIO(render(doc, "docx", T)))
    data_tables = [t for t in d.tables if t.rows and t.rows[0].cells[0].text == "STT"]
    assert len(data_tables) == 1
    rows = data_tables[0].rows
    assert len(rows) == 1 + 2 + 300                   # header, two section rows, 300 nominees
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows[1]._tr.trPr is None or rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert "Nguyễn Hoàng Thị Phương Thảo Ngọc Quỳnh 300" in docx_text(render(doc, "docx", T))


def test_body_paragraphs_are_justified_with_first_line_indent():
    _, data, _ = sample("to_trinh")
    d = open_docx(io.BytesIO(data))
    body = [p for p in d.paragraphs if p.text.startswith("Căn cứ Luật Thi đua")]
    assert body
    pf = body[0].paragraph_format
    assert pf.alignment == 3                          # WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(pf.first_line_indent - Mm(L.first_line_indent_mm)) < Mm(0.1)
    assert pf.space_after.pt >= 6


def test_table_grid_carries_the_column_widths():
    """LibreOffice lays tables out from the grid, Word from the cells: both must carry the same widths,
    with a fixed layout (else the header columns and the list's STT column were shared out equally)."""
    document = open_docx(io.BytesIO(sample("danh_sach")[1]))
    for table in document.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        cells = [cell.width for cell in table.rows[0].cells]
        assert [round(w / 1440 * 25.4) for w in grid] == [round(c.mm) for c in cells]
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    header, data = document.tables[0], document.tables[-1]
    assert len({col.get(qn("w:w")) for col in header._tbl.tblGrid}) == 2  # two unequal header columns
    widths = [int(col.get(qn("w:w"))) for col in data._tbl.tblGrid]
    assert widths[0] < min(widths[1:])  # STT is the narrow column
