"""An automatic audit of the demo round's issued dossier, read back as a reviewer at the Sở Nội vụ would check what
can be measured: embedded fonts, A4 and margins, the issuing body bold on both lines, number and date present and
in order, every căn cứ from the registry and in force, nothing dated before the meeting, no number reused."""
from __future__ import annotations

import io
import re
import subprocess
from datetime import date

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from desktop_app.core import legal
from desktop_app.core.demo import create_demo_commune
from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.exchange.keys import create_key
from desktop_app.core.nominations import rounds
from desktop_app.core.register.communes import commune_code_of
from desktop_app.core.storage.models import DocumentNumber, IssuedDocument

DATE_RE = re.compile(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})")


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace

    session = open_workspace(tmp_path_factory.mktemp("audit") / "ws", secrets=SecretStore(InMemoryKeyring()))
    try:
        create_demo_commune(session)
        r = rounds.find_round(session, 1)
        fp = create_key(session, commune_code_of(session.home_commune())).fingerprint
        states = {s.code: s for s in dossier.document_states(session, r.id)}
        meeting = states["bien_ban"].fixed_date
        dossier.issue_document(session, r.id, "bien_ban", 3, meeting)
        dossier.issue_document(session, r.id, "to_trinh", 15, date(2026, 3, 18), signer_fingerprint=fp)
        dossier.issue_document(session, r.id, "quyet_dinh", states["quyet_dinh"].proposed_number or 18,
                               date(2026, 3, 19))
        files = dossier.issued_files(session, r.id)
        numbers = [(n.series, n.year, n.number) for n in DocumentNumber.select()]
        rows = [(d.code, d.number, d.signed_on) for d in IssuedDocument.select()]
        yield {"files": files, "meeting": meeting, "numbers": numbers, "rows": rows}
    finally:
        session.close()


def pdf_text(data: bytes) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", "-", "-"], input=data, capture_output=True,
                         check=True, timeout=60).stdout.decode("utf-8")
    return " ".join(out.split())


def _citation(part: str) -> str:
    """The cited text up to the ';' that ends the căn cứ (a title may hold a ';' followed by lower case)."""
    for m in re.finditer(";", part):
        rest = part[m.end():].lstrip()
        if not rest or rest[0].isupper():
            return part[:m.start()]
    return part


def pdfs(issued):
    return [(n, d) for n, d in issued["files"] if n.endswith(".pdf")]


def test_fonts_embedded_a4_and_margins(issued):
    for name, data in pdfs(issued):
        rows = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True,
                              timeout=60).stdout.decode().splitlines()[2:]
        assert rows and all("LiberationSerif" in r.split()[0] and r.split()[-5] == "yes" for r in rows), name
        for page in PdfReader(io.BytesIO(data)).pages:
            assert abs(float(page.mediabox.width) - 595.3) < 1 and abs(float(page.mediabox.height) - 841.9) < 1
        words = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True,
                               timeout=60).stdout.decode("utf-8")
        xs = [float(x) for x in re.findall(r'xMin="([\d.]+)"', words)]
        xe = [float(x) for x in re.findall(r'xMax="([\d.]+)"', words)]
        assert min(xs) >= 30 * 72 / 25.4 - 1, name            # left margin 30 mm
        assert max(xe) <= 595.3 - 15 * 72 / 25.4 + 1, name     # right margin 15 mm


def test_the_issuing_body_is_bold_on_both_lines(issued):
    for name, data in pdfs(issued):
        if "Bao_cao" in name or "Bien_ban" in name:
            continue                                           # a report's or the council's own header
        seen = []

        def visit(text, cm, tm, font, size):
            if text.strip() in ("ỦY BAN NHÂN DÂN", "XÃ THƯỢNG QUAN"):
                seen.append((text.strip(), font.get("/BaseFont") if font else ""))
        PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
        assert {t for t, _ in seen} == {"ỦY BAN NHÂN DÂN", "XÃ THƯỢNG QUAN"}, name
        assert all("Bold" in str(f) for _, f in seen), (name, seen)


def test_numbers_dates_and_citations(issued):
    texts = {n: pdf_text(d) for n, d in pdfs(issued)}
    meeting = issued["meeting"]
    for name, text in texts.items():
        assert "DỰ THẢO" not in text, name
        own = " ".join(part[len(_citation(part)):] for part in ("Căn cứ " + text).split("Căn cứ ")[1:])
        for d, m, y in DATE_RE.findall(own):
            assert date(int(y), int(m), int(d)) >= meeting, (name, d, m, y)   # nothing dated before the meeting
    to_trinh, minutes, decision = texts["01_To_trinh.pdf"], texts["04_Bien_ban_hop_Hoi_dong.pdf"], \
        texts["05_Quyet_dinh_tang_Giay_khen.pdf"]
    # Number before the date line, the Biên bản without a place-date line (Mẫu 1.9).
    assert to_trinh.index("Số: 15/TTr-UBND") < to_trinh.index("Thượng Quan, ngày 18 tháng 3 năm 2026")
    assert "Số: 03/BB-HĐTĐKT" in minutes and "Thượng Quan, ngày" not in minutes
    assert "Căn cứ Biên bản số 03/BB-HĐTĐKT ngày 12 tháng 3 năm 2026" in to_trinh
    assert "tại Biên bản số 03/BB-HĐTĐKT ngày 12 tháng 3 năm 2026" in decision
    for text in (to_trinh, decision):
        cited = [_citation(part) for part in text.split("Căn cứ ")[1:] if part[:1].isupper()]
        assert len(cited) >= 3
        registry = [s.citation() for s in legal.registry().values() if s.complete]
        for c in cited:
            if c.startswith(("Kế hoạch", "Biên bản")):
                continue
            assert c in registry, c                            # rendered from the registry, nowhere else
        assert "98/2023" not in text
    assert "(Ký, đóng dấu)" in texts["03_Bao_cao_thanh_tich_04_Tram_Y_te_xa_Thuong_Quan.pdf"]


def test_no_number_reused(issued):
    assert len(issued["numbers"]) == len(set(issued["numbers"]))
    assert sorted(code for code, *_ in issued["rows"]) == ["bien_ban", "quyet_dinh", "to_trinh"]


def test_docx_twins_in_vietnamese_with_the_commune_as_author(issued):
    for name, data in issued["files"]:
        if not name.endswith(".docx"):
            continue
        d = open_docx(io.BytesIO(data))
        assert d.core_properties.author == "xã Thượng Quan" and d.core_properties.language == "vi-VN"
        assert d.core_properties.created.year == date.today().year or d.core_properties.created.year >= 2026
        langs = d.styles.element.findall(".//" + qn("w:lang"))
        assert langs and all(x.get(qn("w:val")) == "vi-VN" for x in langs)
        # Every list row and every signature row is kept whole on one page.
        for table in d.tables:
            for row in table.rows:
                tr_pr = row._tr.trPr
                if table.style is not None and table.style.name == "Table Grid":
                    assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None, name
