"""Cell values as officers leave them in Excel, read into what the app stores: dates (real Excel dates, serial
numbers, "dd/mm/yyyy", "d/m/yy", "năm 1985"), genders ("Nam", "Nữ", an "x" in a Nam or Nữ column), numbers typed
as text, Excel's error values (#N/A, #REF!…), vocabulary codes by name or code. Problems are message codes with
parameters (resources/messages/spreadsheets.json), never sentences."""
from __future__ import annotations

import datetime as dt
import re

from ..text import fold, nfc
from ..vocabulary import Terms

EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#N/A!"})
_EPOCH = dt.date(1899, 12, 30)


class CellProblem(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def is_excel_error(value) -> bool:
    return isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS


def as_text(value) -> str:
    """A cell as text: numbers without a spurious '.0', dates as dd/mm/yyyy, NFC, inner spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(?:nam\s*)?(\d{4})$")
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")


def parse_date(value, today: dt.date) -> tuple[dt.date | None, bool]:
    """(date, year_only). year_only is True for "năm 1985"/"1985": the 1st of January of that year is stored
    and the row says so. Raises CellProblem with the text as typed when it is not a real date."""
    if value is None or value == "":
        return None, False
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1900 <= value <= today.year and float(value).is_integer():
            return dt.date(int(value), 1, 1), True
        if 1 <= value < 2_958_466:
            return _EPOCH + dt.timedelta(days=int(value)), False
        raise CellProblem("xlsx.value.date_invalid", text=as_text(value))
    text = as_text(value)
    folded = fold(text)
    m = _DMY.match(folded)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(year) == 2:
            y = 2000 + int(year)
            year_n = y if y <= today.year else y - 100
        else:
            year_n = int(year)
        try:
            return dt.date(year_n, month, day), False
        except ValueError:
            raise CellProblem("xlsx.value.date_not_real", text=text) from None
    m = _YMD.match(folded)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
        except ValueError:
            raise CellProblem("xlsx.value.date_not_real", text=text) from None
    m = _WORDS.match(folded)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), False
        except ValueError:
            raise CellProblem("xlsx.value.date_not_real", text=text) from None
    m = _YEAR.match(folded)
    if m:
        return dt.date(int(m.group(1)), 1, 1), True
    raise CellProblem("xlsx.value.date_invalid", text=text)


def parse_gender(value) -> str:
    folded = fold(as_text(value))
    if folded in ("nam", "m", "male", "trai"):
        return "nam"
    if folded in ("nu", "f", "female", "gai"):
        return "nu"
    if not folded:
        return ""
    raise CellProblem("xlsx.value.gender_invalid", text=as_text(value))


def is_mark(value) -> bool:
    """An 'x' (or ✓, 1, True) in a Nam/Nữ column."""
    if value is True:
        return True
    folded = fold(as_text(value))
    return folded in ("x", "v", "1", "\u2713", "\u2714", "co", "nam", "nu")


def parse_integer(value) -> str:
    """An integer typed as text or number (thousand dots and spaces allowed) → its digits; empty → ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer():
            return str(int(value))
        raise CellProblem("xlsx.value.not_integer", text=as_text(value))
    text = as_text(value).replace(".", "").replace(" ", "")
    if re.fullmatch(r"\d+", text):
        return str(int(text))
    raise CellProblem("xlsx.value.not_integer", text=as_text(value))


def parse_digits(value, length: int) -> str:
    """CCCD (12) or a phone number: Excel turns '001085000123' typed as a number into 1085000123; the leading
    zeros it dropped are put back when the number is otherwise the right length."""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        digits = str(int(value)) if float(value).is_integer() else as_text(value)
        if length and len(digits) < length and len(digits) >= length - 3:
            digits = digits.zfill(length)
        return digits
    return re.sub(r"[\s.\-]", "", as_text(value)).lstrip("'")


def match_term(value, terms: Terms, aliases: dict[str, str] | None = None) -> str:
    """A vocabulary code from its code, name or short name (folded); '' for an empty cell."""
    text = as_text(value)
    if not text:
        return ""
    folded = fold(text)
    for term in terms:
        if folded in (fold(term.code), fold(term.name), fold(term.short)) and folded:
            return term.code
    if aliases and folded in aliases:
        return aliases[folded]
    raise CellProblem("xlsx.value.unknown_choice", text=text, choices=", ".join(t.name for t in terms))


def is_subtotal(text: str) -> bool:
    """'Tổng cộng', 'Cộng', 'Tổng số: 45 người' — a subtotal row, not a participant."""
    folded = fold(text)
    return bool(re.match(r"^(tong cong|tong so|tong|cong|total)\s*(:|$|\(|\d|cong\b|so\b|chung\b|toan\b|cac\b)",
                         folded))


_GROUP = re.compile(r"^([ivxlc]+|[a-e])[.)]\s+\S")


def is_group_heading(text: str) -> bool:
    """'I. Thôn Nà Làng', 'A. KHỐI CƠ QUAN' — a heading that groups the rows below it."""
    return bool(_GROUP.match(fold(text)))
