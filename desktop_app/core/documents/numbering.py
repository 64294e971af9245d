"""Document numbers ("05/TTr-UBND") and the dates of NĐ 30/2020; where numbers come from is a Protocol."""
from __future__ import annotations

import threading
from datetime import date
from typing import Protocol


class NumberAllocator(Protocol):
    """Hands out the next document number of a series.

    A series is a document symbol such as "TTr-UBND", "QĐ-UBND" or "BB-HĐTĐKT" in one year;
    numbers start at 1 each year, are unique per commune, year and series, are persisted before
    they are returned and are never reused — not even when the document is later deleted.
    """

    def allocate(self, doc_type_code: str, year: int) -> int: ...


class InMemoryNumberAllocator:
    """For tests and previews: the same rules as the stored allocator, kept in a dict."""

    def __init__(self, start: dict[tuple[str, int], int] | None = None):
        self._last: dict[tuple[str, int], int] = dict(start or {})
        self._lock = threading.Lock()

    def allocate(self, doc_type_code: str, year: int) -> int:
        with self._lock:
            key = (doc_type_code, int(year))
            self._last[key] = self._last.get(key, 0) + 1
            return self._last[key]


def pad2(n: int) -> str:
    """NĐ 30/2020: numbers below 10 get a leading zero ("05"); larger ones are written as they are."""
    return f"{n:02d}"


def series_code(type_code: str, suffix: str) -> str:
    return f"{type_code}-{suffix}" if suffix else type_code


def format_number(number: int | None, type_code: str, suffix: str) -> str:
    """'05/TTr-UBND'; without a number the clerk fills it by hand: '     /TTr-UBND'."""
    code = series_code(type_code, suffix)
    if number is None:
        return "\u00a0" * 6 + "/" + code
    if number < 1:
        raise ValueError(f"document number must be positive: {number}")
    return f"{pad2(number)}/{code}"


def date_words(d: date | None) -> str:
    """'ngày 05 tháng 02 năm 2026' — day below 10 and months 1 and 2 padded (NĐ 30/2020, Phụ lục I)."""
    if d is None:
        gap = "\u00a0" * 5
        return f"ngày{gap}tháng{gap}năm{gap}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def date_line(place: str, d: date | None) -> str:
    return f"{place}, {date_words(d)}"


def short_date(d: date) -> str:
    """'10/10/2022', used when citing another document ("Kế hoạch số 635/KH-UBND ngày 10/10/2022")."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def count_words(n: int) -> str:
    """Counts in the body are written like numbers: '02', '15'."""
    return pad2(n)


def money(n: int) -> str:
    """'1.404.000' — thousands separated by dots, as amounts are written in Vietnamese documents."""
    return f"{n:,}".replace(",", ".")


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _three(n: int, full: bool) -> list[str]:
    """Words of 0..999; `full` when a higher group precedes (so '5' reads 'không trăm linh năm')."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    out: list[str] = []
    if h or full:
        out += [_DIGITS[h], "trăm"]
    if t == 0:
        if u and (h or full):
            out.append("linh")
    elif t == 1:
        out.append("mười")
    else:
        out += [_DIGITS[t], "mươi"]
    if u:
        if u == 1 and t > 1:
            out.append("mốt")
        elif u == 5 and t > 0:
            out.append("lăm")
        elif u == 4 and t > 1:
            out.append("tư")
        else:
            out.append(_DIGITS[u])
    return out


def amount_words(n: int) -> str:
    """1404000 → 'Một triệu bốn trăm linh bốn nghìn đồng' (the 'Bằng chữ' of an amount)."""
    if n == 0:
        return "Không đồng"
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    units = ("", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ")
    words: list[str] = []
    top = len(groups) - 1
    for i in range(top, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        words += _three(g, full=i < top)
        if units[i]:
            words.append(units[i])
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]
