"""Every list leaves as a proper .xlsx: Vietnamese headers, real dates and numbers, widths, frozen and filtered
header, A4 landscape with the header row on every printed page and the commune in the page header — checked with
openpyxl and by opening the files in LibreOffice headless (as the Sở's staff might)."""
from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess

import openpyxl
import pytest
from pypdf import PdfReader

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserCancelled
from desktop_app.core.register.participants import ParticipantFilter, count_participants, save_participant
from desktop_app.core.spreadsheets import exporting, template
from desktop_app.core.spreadsheets import importing as imp
from desktop_app.core.vocabulary import INDIVIDUAL

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (Debian libreoffice-calc-nogui) missing")


@pytest.fixture
def demo(session):
    create_demo_commune(session)
    return session.home_commune()


def _office(tmp_path, source, fmt):
    """Convert with LibreOffice headless in its own profile; returns the converted file."""
    profile = tmp_path / "lo-profile"
    out = tmp_path / f"lo-{fmt.split(':')[0]}"
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", fmt, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=240, env=env)
    return out / (source.stem + "." + fmt.split(":")[0])


def test_register_sheet_has_types_layout_and_print_setup(session, demo, tmp_path):
    flt = ParticipantFilter(commune_id=demo.id)
    path = exporting.export_register(session, flt, tmp_path / "so.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[:6] == ["STT", "Họ và tên / Tên tập thể", "Đối tượng", "Thành phần", "Giới tính", "Ngày sinh"]
    assert all(c.font.b for c in ws[1])
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == count_participants(session, flt)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    births = [r[5] for r in rows if r[5] is not None]
    assert births and all(isinstance(b, dt.datetime) for b in births)          # real dates, not text
    assert all(ws.cell(row=i + 2, column=6).number_format == "dd/mm/yyyy" for i, r in enumerate(rows) if r[5])
    members = [r[13] for r in rows if r[13] is not None]
    assert members and all(isinstance(m, int) for m in members)                # real numbers
    assert all(isinstance(r[9], str) for r in rows if r[9])                    # CCCD stays text (leading zeros)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:P{len(rows) + 1}"
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert demo.name in ws.oddHeader.left.text and "Xuất lúc" in ws.oddHeader.right.text
    name_width = ws.column_dimensions["B"].width
    longest = max(len(r[1]) for r in rows)
    assert longest <= name_width <= longest + 4                                 # widths that fit


def test_the_screens_filter_is_what_is_exported(session, demo, tmp_path):
    flt = ParticipantFilter(commune_id=demo.id, kind=INDIVIDUAL, search="nguyen")
    path = exporting.export_register(session, flt, tmp_path / "loc.xlsx")
    names = [r[1] for r in openpyxl.load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    assert names and len(names) == count_participants(session, flt)
    assert all("Nguyễn" in n for n in names)


def test_csv_has_a_bom_and_reads_back(session, demo, tmp_path):
    path = exporting.export_register(session, ParticipantFilter(commune_id=demo.id), tmp_path / "so.csv",
                                     as_csv=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][1] == "Họ và tên / Tên tập thể"
    assert any(r[5] and len(r[5]) == 10 and r[5][2] == "/" for r in rows[1:])   # dd/mm/yyyy


def test_cancel_leaves_no_file(session, demo, tmp_path):
    target = tmp_path / "huy.xlsx"
    with pytest.raises(UserCancelled):
        exporting.export_register(session, ParticipantFilter(commune_id=demo.id), target, cancelled=lambda: True)
    assert list(tmp_path.glob("huy.xlsx*")) == []


def test_award_history_and_round_lists(session, demo, tmp_path):
    path = exporting.export_award_history(session, tmp_path / "kt.xlsx")
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]][:7] == ["STT", "Họ và tên / Tên tập thể", "Ngày sinh", "Số CCCD", "Loại mục",
                                            "Danh hiệu / Hình thức", "Năm"]
    years = [r[6] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert years and all(isinstance(y, int) for y in years) and years == sorted(years, reverse=True)
    from desktop_app.core.nominations import rounds

    round_ = rounds.round_rows(session)[0]
    path = exporting.export_round(session, round_.id, tmp_path / "dot.xlsx")
    ws = openpyxl.load_workbook(path).active
    assert ws.title.startswith("Danh sách đề nghị")
    assert ws.max_row - 1 == len(rounds.nominees_of(session, round_.id))


def test_checklist_results_with_their_reasons(session, demo, tmp_path):
    from desktop_app.core.nominations import checklists

    path = exporting.export_checklists(session, tmp_path / "phieu.xlsx")
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    assert header[1] == "Họ và tên / Tên tập thể" and "Kết luận" in header and "Lý do" in header
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    stored = [c for p_id in {r.participant_id for r in checklists.Checklist.select()}
              for c in checklists.list_checklists(session, p_id)]
    assert rows and len(rows) == len(stored)
    verdict, reasons = header.index("Kết luận"), header.index("Lý do")
    assert {r[verdict] for r in rows} <= {"Đủ điều kiện", "Chưa đủ điều kiện", "Chưa hoàn thành"}
    # every checklist that is not eligible says why
    assert all(r[reasons] for r in rows if r[verdict] != "Đủ điều kiện")


def test_templates_have_dropdowns_a_guide_and_a_frozen_header(session, demo, tmp_path):
    for kind in ("individuals", "collectives", "achievements", "awards"):
        path = template.write_template(session, kind, tmp_path / f"mau-{kind}.xlsx")
        wb = openpyxl.load_workbook(path)
        assert wb.sheetnames[:2] == ["Danh sách", "Hướng dẫn"]
        ws = wb["Danh sách"]
        assert ws.freeze_panes == "A2"
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        assert lists, kind
        guide = wb["Hướng dẫn"]
        example = [c.value for c in guide[guide.max_row]]
        assert example[1]                                          # an example row
        # the template's own headings are understood by the importer
        ws.append(example)
        wb.save(path)
        plan = imp.read_import(session, path, sheet="Danh sách")
        assert plan.kind == kind and "name" in plan.mapping
    gender = next(dv for dv in openpyxl.load_workbook(tmp_path / "mau-individuals.xlsx")["Danh sách"]
                  .data_validations.dataValidation if "D2" in str(dv.sqref))
    values = [c.value for c in openpyxl.load_workbook(tmp_path / "mau-individuals.xlsx")["Danh mục"]["D"] if c.value]
    assert "Danh mục" in gender.formula1 and values == ["Nam", "Nữ"]


@needs_office
def test_libreoffice_opens_the_export_with_its_cells_and_prints_it_landscape_with_the_header_on_each_page(
        session, demo, tmp_path):
    for i in range(150):   # enough rows for several printed pages
        save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": f"Lò Văn Thử {i:03d}",
                                   "gender": "nam", "birth_date": "05/02/1985", "workplace": "Thôn Nà Làng"})
    path = exporting.export_register(session, ParticipantFilter(commune_id=demo.id), tmp_path / "so.xlsx")
    converted = _office(tmp_path, path, "csv:Text - txt - csv (StarCalc):44,34,76")
    rows = list(csv.reader(converted.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:3] == ["STT", "Họ và tên / Tên tập thể", "Đối tượng"]
    thu = next(r for r in rows if r[1] == "Lò Văn Thử 000")
    assert thu[5] == "05/02/1985"                   # shown as a date by LibreOffice's own formatting
    pdf = _office(tmp_path, path, "pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) > float(box.height)                       # landscape
        assert abs(float(box.width) - 842) < 3 and abs(float(box.height) - 595) < 3   # A4
        text = page.extract_text()
        assert "Họ và tên / Tên tập thể" in text                           # the header row on every page
        assert demo.name in text                                           # the commune in the page header
