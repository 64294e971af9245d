"""Opening a spreadsheet someone brought on a USB stick, safely: the file's kind is told from its first bytes
(never its name), a zip's declared sizes are checked before anything is inflated, a password-protected workbook,
a CSV renamed .xlsx, an empty or locked file each get their own Vietnamese message, and a sheet longer than
MAX_ROWS is refused. .xlsx/.xlsm are read by openpyxl in read-only mode, values only (formulas give the value
Excel cached; macros and external links are never run or followed); .xls by xlrd."""
from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserCancelled, UserError

MAX_ROWS = 100_000                 # data rows in one sheet: ten times a large commune's register
MAX_UNCOMPRESSED = 300 * 1024 * 1024   # a real 100,000-row sheet inflates to ~60 MB
MAX_RATIO = 200                    # inflated / compressed size of one member; real sheets stay below ~30
MAX_COLUMNS = 200

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Sheet:
    """One sheet's cells as Python values (str, int, float, datetime, bool, None), row by row, with each row's
    number in the file; `hidden_columns` are 0-based indexes of the columns hidden in Excel."""

    name: str
    rows: list[tuple[int, list]]
    hidden_columns: set[int] = field(default_factory=set)
    sheet_names: list[str] = field(default_factory=list)   # every sheet of the workbook


@dataclass
class Workbook:
    path: Path
    sheet_names: list[str]
    kind: str                      # "xlsx" | "xls"


def _fail(code: str, path: Path, **params):
    raise UserError(code, file=path.name, **params)


def sniff(path: Path) -> str:
    """'xlsx' or 'xls' from the file's first bytes; a clear message for anything else."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        _fail("xlsx.not_found", path)
    except PermissionError:
        _fail("xlsx.locked", path)
    except OSError as exc:
        _fail("xlsx.unreadable", path, detail=exc.strerror or str(exc))
    if size == 0 or not head.strip(b"\x00 \r\n\t"):
        _fail("xlsx.empty", path)
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        # An .xlsx with a password is an OLE container holding "EncryptedPackage" (MS-OFFCRYPTO).
        with open(path, "rb") as fh:
            data = fh.read(min(size, 4 * 1024 * 1024))
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            _fail("xlsx.password", path)
        return "xls"
    try:
        head.decode("utf-8")
        looks_text = True
    except UnicodeDecodeError:
        looks_text = all(b >= 0x09 for b in head[:512])
    if looks_text:
        _fail("xlsx.is_text", path)
    _fail("xlsx.not_excel", path)


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError):
        _fail("xlsx.corrupt", path)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            _fail("xlsx.bomb", path)
    if total > MAX_UNCOMPRESSED:
        _fail("xlsx.bomb", path)
    names = {i.filename for i in infos}
    if "EncryptedPackage" in names:
        _fail("xlsx.password", path)
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names:
        if "xl/workbook.bin" in names:
            _fail("xlsx.xlsb", path)
        _fail("xlsx.not_excel", path)


def open_workbook(path: str | os.PathLike) -> Workbook:
    """The workbook's sheet names, after every check that can be made without reading cells."""
    path = Path(path)
    kind = sniff(path)
    if kind == "xlsx":
        _check_zip(path)
        wb = _open_xlsx(path)
        try:
            names = [ws.title for ws in wb.worksheets]
        finally:
            wb.close()
    else:
        book = _open_xls(path, on_demand=True)
        try:
            names = book.sheet_names()
        finally:
            book.release_resources()
    if not names:
        _fail("xlsx.no_sheet", path)
    return Workbook(path, names, kind)


def _open_xlsx(path: Path):
    import openpyxl  # 0.2 s to import: only when a spreadsheet is opened

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except PermissionError:
        _fail("xlsx.locked", path)
    except (zipfile.BadZipFile, KeyError, EOFError):
        _fail("xlsx.corrupt", path)
    except Exception as exc:  # openpyxl raises many kinds on damaged XML; all mean "cannot read it"
        _fail("xlsx.unreadable", path, detail=type(exc).__name__)


def _open_xls(path: Path, on_demand: bool = False):
    import xlrd

    try:
        return xlrd.open_workbook(str(path), on_demand=on_demand)
    except PermissionError:
        _fail("xlsx.locked", path)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            _fail("xlsx.password", path)
        _fail("xlsx.unreadable", path, detail=str(exc))
    except Exception as exc:
        _fail("xlsx.unreadable", path, detail=type(exc).__name__)


def _trim(values) -> list:
    row = list(values)[:MAX_COLUMNS]
    while row and (row[-1] is None or row[-1] == ""):
        row.pop()
    return row


def read_sheet(path: str | os.PathLike, sheet: str | None = None, *,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Sheet:
    """Every row of one sheet (the first when `sheet` is None), trailing empty cells dropped."""
    path = Path(path)
    kind = sniff(path)
    if kind == "xlsx":
        _check_zip(path)
        return _read_xlsx(path, sheet, progress, cancelled)
    return _read_xls(path, sheet, progress, cancelled)


def _pick(names: list[str], sheet: str | None, path: Path) -> str:
    if sheet is None:
        return names[0]
    if sheet in names:
        return sheet
    _fail("xlsx.no_such_sheet", path, sheet=sheet, sheets=", ".join(names))


def _read_xlsx(path: Path, sheet, progress, cancelled) -> Sheet:
    wb = _open_xlsx(path)
    try:
        names = [ws.title for ws in wb.worksheets]
        if not names:
            _fail("xlsx.no_sheet", path)
        name = _pick(names, sheet, path)
        ws = wb[name]
        # The sheet's own <dimension> and <cols> (ws.max_row would parse the whole sheet once more when the
        # dimension is missing).
        declared, hidden = _sheet_head(path, ws)
        if declared > MAX_ROWS + 50:
            _fail("xlsx.too_many_rows", path, rows=declared, limit=MAX_ROWS)
        rows: list[tuple[int, list]] = []
        number = 0
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 50:
                _fail("xlsx.too_many_rows", path, rows=f"> {MAX_ROWS}", limit=MAX_ROWS)
            row = _trim(values)
            if row:
                rows.append((number, row))
            if number % 2000 == 0:
                if cancelled is not None and cancelled():
                    raise UserCancelled()
                if progress is not None:
                    progress(number, declared, "")
        return Sheet(name, rows, hidden, names)
    except UserError:
        raise
    except UserCancelled:
        raise
    except (zipfile.BadZipFile, EOFError, KeyError):
        _fail("xlsx.corrupt", path)
    except Exception as exc:
        _fail("xlsx.unreadable", path, detail=type(exc).__name__)
    finally:
        wb.close()


def _sheet_head(path: Path, ws) -> tuple[int, set[int]]:
    """(rows the sheet declares, hidden columns) from the head of the sheet's XML: read-only worksheets expose
    neither without reading everything."""
    member = getattr(ws, "_worksheet_path", None)
    if not member:
        return 0, set()
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member.lstrip("/")) as fh:
            head = fh.read(64 * 1024).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return 0, set()
    head = head.split("<sheetData", 1)[0]
    declared = 0
    m = re.search(r'<(?:\w+:)?dimension\b[^>]*\bref="[A-Z]*\d+(?::[A-Z]*(\d+))?"', head)
    if m and m.group(1):
        declared = int(m.group(1))
    hidden = set()
    for m in re.finditer(r"<(?:\w+:)?col\b([^>]*)/?>", head):
        attrs = m.group(1)
        if re.search(r'\bhidden="(1|true)"', attrs):
            lo = re.search(r'\bmin="(\d+)"', attrs)
            hi = re.search(r'\bmax="(\d+)"', attrs)
            if lo and hi:
                hidden.update(range(int(lo.group(1)) - 1, min(int(hi.group(1)), MAX_COLUMNS)))
    return declared, hidden


def _read_xls(path: Path, sheet, progress, cancelled) -> Sheet:
    import xlrd

    book = _open_xls(path, on_demand=True)
    try:
        name = _pick(book.sheet_names(), sheet, path)
        sh = book.sheet_by_name(name)
        if sh.nrows > MAX_ROWS + 50:
            _fail("xlsx.too_many_rows", path, rows=sh.nrows, limit=MAX_ROWS)
        rows = []
        for r in range(sh.nrows):
            values = []
            for c in range(min(sh.ncols, MAX_COLUMNS)):
                cell = sh.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    try:
                        values.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                    except (ValueError, OverflowError):
                        values.append(cell.value)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    values.append(xlrd.error_text_from_code.get(cell.value, "#N/A"))
                elif cell.ctype == xlrd.XL_CELL_EMPTY or cell.ctype == xlrd.XL_CELL_BLANK:
                    values.append(None)
                else:
                    values.append(cell.value)
            row = _trim(values)
            if row:
                rows.append((r + 1, row))
            if r % 2000 == 0 and cancelled is not None and cancelled():
                raise UserCancelled()
        hidden = {c for c, info in getattr(sh, "colinfo_map", {}).items() if getattr(info, "hidden", 0)}
        return Sheet(name, rows, hidden, book.sheet_names())
    finally:
        book.release_resources()


def is_date(value) -> bool:
    return isinstance(value, (dt.date, dt.datetime))


def iter_text(values) -> Iterator[str]:
    for v in values:
        if isinstance(v, str) and v.strip():
            yield v
