"""Bad files get a clear Vietnamese message and leave the database as it was: a corrupt zip, a password-protected
workbook, a zip bomb, a sheet of 1,000,000 rows, a CSV renamed .xlsx, an empty file, a file Excel holds open."""
from __future__ import annotations

import io
import zipfile

import msoffcrypto
import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.spreadsheets import importing as imp
from desktop_app.core.spreadsheets import workbook
from desktop_app.core.storage.models import ImportBatch, Participant, Setting

from . import xlsx_samples as samples


def _state(session):
    session.activate()
    return (Participant.select().count(), ImportBatch.select().count(), Setting.select().count(),
            session.db.execute_sql("PRAGMA data_version").fetchone()[0])


def _refused(session, path, code):
    before = _state(session)
    with pytest.raises(UserError) as err:
        imp.read_import(session, path)
    assert err.value.code == code
    assert path.name in str(err.value) or code == "xlsx.too_many_rows"
    assert "{" not in str(err.value)
    assert _state(session) == before
    return err.value


def _raw_xlsx(path, sheet_xml: bytes, *, compression=zipfile.ZIP_DEFLATED):
    """A minimal real .xlsx around one sheet's XML (what Excel writes, without styles)."""
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
        b'+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        b'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
        b'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _sheet(rows: int, *, declare: bool = True) -> bytes:
    head = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + (f'<dimension ref="A1:B{rows}"/>'.encode() if declare else b"") + b"<sheetData>")
    body = b"".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Người {r * 7919 % 100003}</t></is></c>'
                    f'<c r="B{r}"><v>{r * 31 % 99991}</v></c></row>'.encode() for r in range(1, rows + 1))
    return head + body + b"</sheetData></worksheet>"


def _text_sheet(rows: list[list[str]]) -> bytes:
    body = "".join("<row>" + "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in row) + "</row>"
                   for row in rows)
    return ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{body}</sheetData></worksheet>").encode("utf-8")


def test_the_sample_itself_imports(session, commune, tmp_path):
    # The minimal workbook the bad files below are made from reads when it is not bad.
    path = _raw_xlsx(tmp_path / "ok.xlsx", _text_sheet([["Họ và tên", "Ngày sinh", "Giới tính"],
                                                             ["Nguyễn Thị Đào", "05/02/1985", "Nữ"]]))
    plan = imp.read_import(session, path)
    assert plan.header_row == 1 and [r.verdict for r in plan.rows] == ["new"]


def test_corrupt_zip(session, commune, tmp_path):
    good = samples.commune_individuals(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "hong.xlsx"
    path.write_bytes(good[: len(good) // 2])           # a copy cut short when the stick was pulled out
    _refused(session, path, "xlsx.corrupt")


def test_password_protected_workbook(session, commune, tmp_path):
    plain = samples.commune_individuals(tmp_path / "plain.xlsx")
    office = msoffcrypto.OfficeFile(io.BytesIO(plain.read_bytes()))
    path = tmp_path / "mat-khau.xlsx"
    with open(path, "wb") as out:
        office.encrypt("123456", out)
    error = _refused(session, path, "xlsx.password")
    assert "mật khẩu" in str(error)


def test_zip_bomb(session, commune, tmp_path):
    # 60 MB of one repeated row packed into a few hundred kB: refused before anything is inflated.
    row = b'<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>'
    bomb = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>" + row * (60 * 1024 * 1024 // len(row)) + b"</sheetData></worksheet>")
    path = _raw_xlsx(tmp_path / "bom.xlsx", bomb)
    assert path.stat().st_size < 2 * 1024 * 1024
    _refused(session, path, "xlsx.bomb")


def test_a_million_rows_is_refused_with_the_limit(session, commune, tmp_path):
    path = _raw_xlsx(tmp_path / "trieu-dong.xlsx", _sheet(1_000_000))
    error = _refused(session, path, "xlsx.too_many_rows")
    assert "1000000" in str(error).replace(".", "") and str(workbook.MAX_ROWS) in str(error).replace(".", "")


def test_rows_beyond_the_limit_are_counted_when_the_sheet_does_not_declare_them(session, commune, tmp_path,
                                                                                 monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 2_000)
    path = _raw_xlsx(tmp_path / "khong-khai.xlsx", _sheet(2_100, declare=False))
    _refused(session, path, "xlsx.too_many_rows")


def test_csv_renamed_xlsx(session, commune, tmp_path):
    path = tmp_path / "danh-sach.xlsx"
    path.write_text("STT,Họ và tên,Ngày sinh\n1,Nguyễn Thị Đào,05/02/1985\n", encoding="utf-8-sig")
    error = _refused(session, path, "xlsx.is_text")
    assert "CSV" in str(error)


def test_empty_file(session, commune, tmp_path):
    path = tmp_path / "trong.xlsx"
    path.write_bytes(b"")
    _refused(session, path, "xlsx.empty")


def test_not_a_spreadsheet(session, commune, tmp_path):
    path = tmp_path / "anh.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    _refused(session, path, "xlsx.not_excel")


def test_file_held_open_by_excel(session, commune, tmp_path, monkeypatch):
    # Excel on Windows opens a workbook without sharing: another program's open() fails with a sharing
    # violation, which Python raises as PermissionError (errno 13). Linux has no such lock: the OS call is faked.
    path = samples.commune_individuals(tmp_path / "dang-mo.xlsx")
    real_open = open

    def locked_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", locked_open)
    error = _refused(session, path, "xlsx.locked")
    assert "Excel" in str(error)


def test_no_header_row(session, commune, tmp_path):
    path = _raw_xlsx(tmp_path / "khong-tieu-de.xlsx", _sheet(5))
    _refused(session, path, "xlsx.no_header")


def test_formulas_give_the_value_excel_cached_and_xlsm_macros_are_never_run(session, commune, tmp_path):
    sheet = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>Giới tính</t></is></c>'
             '<c r="C1" t="inlineStr"><is><t>Ngày sinh</t></is></c></row>'
             # a VLOOKUP whose cached result is the name; a formula for the date with its cached serial number
             '<row r="2"><c r="A2" t="str"><f>VLOOKUP(1,[1]Sheet1!$A:$B,2,0)</f><v>Nguyễn Thị Đào</v></c>'
             '<c r="B2" t="inlineStr"><is><t>Nữ</t></is></c><c r="C2"><f>DATE(1985,2,5)</f><v>31083</v></c></row>'
             '</sheetData></worksheet>').encode("utf-8")
    plain = _raw_xlsx(tmp_path / "cong-thuc.xlsx", sheet)
    macro = tmp_path / "co-macro.xlsm"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(macro, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"Sub Auto_Open(): Shell \"calc\": End Sub")
    for path in (plain, macro):
        plan = imp.read_import(session, path)
        assert [(r.name, r.values.get("birth_date")) for r in plan.rows] == [("Nguyễn Thị Đào", "05/02/1985")]
