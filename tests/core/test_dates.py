"""dd/mm/yyyy dates as officers type them; timestamps with the +07:00 offset."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_app.core.dates import VN_TZ, DateParseError, current_date, format_vn_date, now_iso, parse_vn_date


@pytest.mark.parametrize("text, expected", [
    ("05/02/2026", date(2026, 2, 5)),
    ("5/2/2026", date(2026, 2, 5)),
    (" 29/02/2024 ", date(2024, 2, 29)),
    ("31.12.1999", date(1999, 12, 31)),
    ("01-06-2000", date(2000, 6, 1)),
])
def test_parse_valid(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_parse_empty_is_none(empty):
    assert parse_vn_date(empty) is None


@pytest.mark.parametrize("text", ["31/02/2020", "29/02/2023", "32/01/2020", "15/13/2020", "00/01/2020",
                                  "2020-02-01", "2020/02/01", "05/02/26", "ngày 5 tháng 2", "05/02/2026x"])
def test_parse_invalid(text):
    with pytest.raises(DateParseError) as info:
        parse_vn_date(text)
    assert info.value.code == "date.invalid"


def test_future_refused_only_when_asked():
    tomorrow = current_date() + timedelta(days=1)
    text = format_vn_date(tomorrow)
    assert parse_vn_date(text) == tomorrow
    with pytest.raises(DateParseError) as info:
        parse_vn_date(text, allow_future=False)
    assert info.value.code == "date.in_future"
    assert parse_vn_date(format_vn_date(current_date()), allow_future=False) == current_date()


def test_future_judged_against_the_given_day():
    # Services pass the session clock's day; "the future" is then relative to it, not to the computer's date.
    assert parse_vn_date("06/02/2026", allow_future=False, today=date(2026, 2, 6)) == date(2026, 2, 6)
    with pytest.raises(DateParseError) as info:
        parse_vn_date("07/02/2026", allow_future=False, today=date(2026, 2, 6))
    assert info.value.code == "date.in_future"
    assert parse_vn_date("07/02/2026", allow_future=False, today=date(2030, 1, 1)) == date(2026, 2, 7)


def test_current_date_is_the_day_in_vietnam():
    before = datetime.now(VN_TZ).date()
    day = current_date()
    assert day in (before, datetime.now(VN_TZ).date())  # (midnight may pass in between)


def test_too_old():
    with pytest.raises(DateParseError) as info:
        parse_vn_date("01/01/1899")
    assert info.value.code == "date.too_old"
    assert info.value.params == {"year": 1900}


def test_format():
    assert format_vn_date(date(2026, 2, 5)) == "05/02/2026"
    assert format_vn_date("2022-10-10") == "10/10/2022"
    assert format_vn_date(None) == ""


def test_format_then_parse_round_trips():
    d = date(1988, 3, 12)
    assert parse_vn_date(format_vn_date(d)) == d


def test_now_iso_has_vietnam_offset():
    stamp = now_iso()
    assert stamp.endswith("+07:00")
    parsed = datetime.fromisoformat(stamp)
    assert parsed.utcoffset() == timedelta(hours=7)
    assert parsed.microsecond == 0
    assert abs((parsed - datetime.now(parsed.tzinfo)).total_seconds()) < 5
