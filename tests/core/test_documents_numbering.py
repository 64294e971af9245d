"""Document numbers and dates as NĐ 30/2020 writes them; the allocator's contract (unique, never reused)."""
from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from desktop_app.core.documents import InMemoryNumberAllocator, assign_numbers, date_line, date_words, format_number
from desktop_app.core.documents.samples import sample_dossier


@pytest.mark.parametrize("number, code, suffix, expected", [
    (5, "TTr", "UBND", "05/TTr-UBND"),
    (12, "QĐ", "UBND", "12/QĐ-UBND"),
    (3, "BB", "HĐTĐKT", "03/BB-HĐTĐKT"),
    (1, "TTr", "UBND", "01/TTr-UBND"),
    (10, "TTr", "UBND", "10/TTr-UBND"),
    (125, "QĐ", "UBND", "125/QĐ-UBND"),
])
def test_number_format_pads_below_ten(number, code, suffix, expected):
    assert format_number(number, code, suffix) == expected


def test_missing_number_leaves_room_for_the_clerk():
    text = format_number(None, "TTr", "UBND")
    assert text.endswith("/TTr-UBND") and not text[0].isdigit()


def test_number_must_be_positive():
    with pytest.raises(ValueError):
        format_number(0, "TTr", "UBND")


@pytest.mark.parametrize("d, expected", [
    (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (date(2026, 1, 9), "ngày 09 tháng 01 năm 2026"),
    (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
    (date(2025, 12, 1), "ngày 01 tháng 12 năm 2025"),
    (date(2025, 10, 10), "ngày 10 tháng 10 năm 2025"),
])
def test_date_words_pad_day_below_ten_and_months_one_and_two(d, expected):
    assert date_words(d) == expected


def test_date_line():
    assert date_line("Quang Thuận", date(2026, 2, 5)) == "Quang Thuận, ngày 05 tháng 02 năm 2026"
    assert date_line("Quang Thuận", None).startswith("Quang Thuận, ngày")


def test_allocator_counts_per_series_and_year():
    a = InMemoryNumberAllocator()
    assert [a.allocate("TTr-UBND", 2026) for _ in range(3)] == [1, 2, 3]
    assert a.allocate("QĐ-UBND", 2026) == 1          # another series starts at 1
    assert a.allocate("TTr-UBND", 2027) == 1          # numbering restarts each year
    assert a.allocate("TTr-UBND", 2026) == 4          # and never reuses a number


def test_allocator_is_unique_under_threads():
    a = InMemoryNumberAllocator()
    got: list[int] = []
    lock = threading.Lock()

    def work():
        for _ in range(200):
            n = a.allocate("TTr-UBND", 2026)
            with lock:
                got.append(n)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == list(range(1, 801))


def test_assign_numbers_fills_only_missing_numbers_and_is_unique_across_rounds():
    a = InMemoryNumberAllocator()
    base = sample_dossier()
    blank = replace(base, round=replace(base.round, submission_number=None),
                    meeting=replace(base.meeting, number=None), decision=replace(base.decision, number=None))
    first = assign_numbers(blank, a)
    assert (first.round.submission_number, first.meeting.number, first.decision.number) == (1, 1, 1)
    assert assign_numbers(first, a) == first          # already numbered: nothing burnt
    second = assign_numbers(replace(blank, round=replace(blank.round, number=2)), a)
    assert (second.round.submission_number, second.meeting.number, second.decision.number) == (2, 2, 2)
    next_year = replace(blank, round=replace(blank.round, year=2027, submitted_on=date(2027, 1, 6)))
    assert assign_numbers(next_year, a).round.submission_number == 1
