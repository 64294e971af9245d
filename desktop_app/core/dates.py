"""Dates as Vietnamese officers type and read them: dd/mm/yyyy."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "+07:00")
_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


class DateParseError(ValueError):
    """Carries a message code (see resources/messages/common.json)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def parse_vn_date(text: str | None, *, allow_future: bool = True, min_year: int = 1900,
                  today: date | None = None) -> date | None:
    """'5/2/2026' or '05/02/2026' → date(2026, 2, 5); empty → None; anything else → DateParseError."""
    if text is None or not str(text).strip():
        return None
    m = _DATE.match(str(text))
    if not m:
        raise DateParseError("date.invalid")
    day, month, year = (int(g) for g in m.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise DateParseError("date.invalid") from None
    if year < min_year:
        raise DateParseError("date.too_old", year=min_year)
    if not allow_future and value > (today or current_date()):
        raise DateParseError("date.in_future")
    return value


def format_vn_date(value: date | str | None) -> str:
    """date → '05/02/2026' (what the officer reads and types)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime("%d/%m/%Y")


def format_vn_datetime(value: datetime | str | None) -> str:
    """A moment as officers read it: '30/11/2026 10:42' (ISO 8601 text or a datetime; empty stays empty)."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y %H:%M")


def current_date() -> date:
    """Today in Vietnam (services use the session's clock; this is for pure helpers and defaults)."""
    return datetime.now(VN_TZ).date()


def now_iso() -> str:
    """Current time in ISO 8601 with the +07:00 offset used on Vietnamese documents."""
    return datetime.now(VN_TZ).replace(microsecond=0).isoformat()
