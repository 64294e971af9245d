"""Computed criteria: rules that read the award history, each with a parameter check for the validator.

Law (Luật TĐKT 2022; NĐ 152/2025/NĐ-CP Điều 4): awards of type chuyên đề (thematic) and đột xuất
(exceptional) never count towards annual-merit awards. Every rule here therefore drops such entries
and reports them as "not counted", whatever the set says.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol

from ... import legal
from ...errors import message_text
from ...vocabulary import AWARD_CATEGORIES, NOT_COUNTED_FOR_ANNUAL_MERIT
from .record import HistoryEntry, ParticipantRecord


def _not_counted_citation() -> str:
    return legal.source("nd_152_2025").reference("Điều 4")


class Labels(Protocol):
    """What a rule needs of the shared criteria data (schema.CommonData): the name of an award-history code."""

    def label(self, category: str, code: str) -> str: ...


@dataclass(frozen=True)
class ComputedValue:
    """A computed criterion's result with where it came from.

    provenance: the history entries that make the value (oldest first);
    excluded: matching entries that were NOT counted (chuyên đề / đột xuất), so the officer sees why.
    """

    met: bool
    value_text: str
    provenance: tuple[HistoryEntry, ...] = ()
    excluded: tuple[HistoryEntry, ...] = ()
    provenance_text: str = ""
    excluded_text: str = ""


def entry_text(entry: HistoryEntry, common: "Labels | None") -> str:
    """'CSTĐCS 2024 (QĐ 12/QĐ-UBND)'."""
    label = common.label(entry.category, entry.code) if common else entry.code
    if entry.decision_number:
        return message_text("criteria.provenance.entry", label=label, year=entry.year, decision=entry.decision_number)
    return message_text("criteria.provenance.entry_no_decision", label=label, year=entry.year)


def _entries_text(entries: Iterable[HistoryEntry], common) -> str:
    return ", ".join(entry_text(e, common) for e in entries)


def _split(history: Iterable[HistoryEntry], wanted: set[tuple[str, str]], until: int | None):
    """(counted, excluded) history entries matching `wanted` (category, code) pairs up to year `until`."""
    counted, excluded = [], []
    for e in history:
        if (e.category, e.code) not in wanted or (until is not None and e.year > until):
            continue
        (excluded if e.award_type in NOT_COUNTED_FOR_ANNUAL_MERIT else counted).append(e)
    return counted, excluded


def _positive_int(params: Mapping[str, Any], name: str, minimum: int = 1) -> list[tuple[str, dict]]:
    value = params.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        return [("criteria.load.bad_param", {"param": name, "expected": f"số nguyên ≥ {minimum}"})]
    return []


def _only(params: Mapping[str, Any], allowed: Iterable[str]) -> list[tuple[str, dict]]:
    return [("criteria.load.unknown_param", {"param": p}) for p in params if p not in allowed]


class Rule:
    """A computed rule; subclasses define which params they take and how they compute."""

    id: str

    def check_params(self, params: Mapping[str, Any]) -> list[tuple[str, dict]]:
        raise NotImplementedError

    def codes_used(self, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        raise NotImplementedError

    def compute(self, params: Mapping[str, Any], record: ParticipantRecord, common: "Labels | None") -> ComputedValue:
        raise NotImplementedError


class ConsecutiveYears(Rule):
    """Each of N consecutive years (ending in the assessment year) has at least one matching entry.

    params: {"match": [{"category": "xep_loai", "code": "HTXSNV"}, {"category": "danh_hieu", "code": "TTLDXS"}], "years": 2}
    """

    id = "consecutive_years"

    def _match(self, params) -> list[tuple[str, str]]:
        return [(m["category"], m["code"]) for m in params.get("match", [])]

    def _years(self, params) -> int:
        return params["years"]

    def check_params(self, params):

        problems = _only(params, ("match", "years")) + _positive_int(params, "years")
        match = params.get("match")
        if not isinstance(match, list) or not match:
            return problems + [("criteria.load.bad_param", {"param": "match", "expected": "danh sách {category, code}"})]
        for m in match:
            if not (isinstance(m, dict) and set(m) == {"category", "code"} and m["category"] in AWARD_CATEGORIES and isinstance(m["code"], str)):
                problems.append(("criteria.load.bad_param", {"param": "match", "expected": "danh sách {category, code}"}))
        return problems

    def codes_used(self, params):
        return self._match(params)

    def compute(self, params, record, common):
        wanted = self._match(params)
        needed = self._years(params)
        counted, excluded = _split(record.history, set(wanted), record.assessment_year)
        by_year: dict[int, HistoryEntry] = {}
        # Prefer the first listed code when a year has several matching entries.
        order = {pair: i for i, pair in enumerate(wanted)}
        for e in sorted(counted, key=lambda e: (e.year, order[(e.category, e.code)])):
            by_year.setdefault(e.year, e)
        label = message_text("criteria.computed.or").join(common.label(c, k) if common else k for c, k in wanted)
        end = record.assessment_year if record.assessment_year is not None else max(by_year, default=None)
        run: list[HistoryEntry] = []
        year = end
        while year is not None and year in by_year:
            run.append(by_year[year])
            year -= 1
        run.reverse()
        met = len(run) >= needed
        used = tuple(run[-needed:]) if met else tuple(run)
        years_text = ", ".join(str(e.year) for e in used)
        if met:
            value = message_text("criteria.computed.consecutive.met", count=needed, label=label, years=years_text)
        elif run:
            value = message_text("criteria.computed.consecutive.short", needed=needed, count=len(run), label=label, years=years_text)
        elif end is not None and record.assessment_year is not None:
            value = message_text("criteria.computed.consecutive.missing_year", needed=needed, label=label, year=end)
        else:
            value = message_text("criteria.computed.consecutive.none", needed=needed, label=label)
        excluded_text = ""
        if excluded:
            excluded_text = message_text("criteria.computed.excluded", entries=_entries_text(excluded, common),
                                         citation=_not_counted_citation())
        return ComputedValue(met, value, used, tuple(excluded), _entries_text(used, common), excluded_text)


class ConsecutiveTitles(ConsecutiveYears):
    """N consecutive years with an emulation title. params: {"title": "CSTDCS", "count": 2}"""

    id = "consecutive_titles"

    def _match(self, params):
        return [("danh_hieu", params.get("title"))]

    def _years(self, params):
        return params["count"]

    def check_params(self, params):
        problems = _only(params, ("title", "count")) + _positive_int(params, "count")
        if not isinstance(params.get("title"), str) or not params.get("title"):
            problems.append(("criteria.load.bad_param", {"param": "title", "expected": "mã danh hiệu"}))
        return problems


class ConsecutiveRatings(ConsecutiveYears):
    """N consecutive years with an annual rating. params: {"rating": "HTXSNV", "years": 2}"""

    id = "consecutive_ratings"

    def _match(self, params):
        return [("xep_loai", params.get("rating"))]

    def check_params(self, params):
        problems = _only(params, ("rating", "years")) + _positive_int(params, "years")
        if not isinstance(params.get("rating"), str) or not params.get("rating"):
            problems.append(("criteria.load.bad_param", {"param": "rating", "expected": "mã xếp loại"}))
        return problems


class RecognisedInitiatives(Rule):
    """At least `count` recognised initiatives / research works (category sang_kien).

    params: {"count": 2, "within_years": 2 (optional: only the N years ending in the assessment
    year — "trong thời gian đó"), "codes": ["SANG_KIEN", "DE_TAI"] (optional: which kinds count)}
    """

    id = "recognised_initiatives"

    def check_params(self, params):
        problems = _only(params, ("count", "within_years", "codes")) + _positive_int(params, "count")
        if "within_years" in params:
            problems += _positive_int(params, "within_years")
        codes = params.get("codes")
        if codes is not None and not (isinstance(codes, list) and codes and all(isinstance(c, str) for c in codes)):
            problems.append(("criteria.load.bad_param", {"param": "codes", "expected": "danh sách mã"}))
        return problems

    def codes_used(self, params):
        return [("sang_kien", c) for c in params.get("codes") or []]

    def compute(self, params, record, common):
        needed = params["count"]
        codes = params.get("codes")
        until = record.assessment_year
        window = params.get("within_years")
        start = until - window + 1 if (until is not None and window) else None
        counted, excluded = [], []
        for e in record.history:
            if e.category != "sang_kien" or (codes and e.code not in codes):
                continue
            if (until is not None and e.year > until) or (start is not None and e.year < start):
                continue
            (excluded if e.award_type in NOT_COUNTED_FOR_ANNUAL_MERIT else counted).append(e)
        counted.sort(key=lambda e: e.year)
        met = len(counted) >= needed
        period = message_text("criteria.computed.period", start=start, end=until) if start is not None else ""
        key = "criteria.computed.initiatives.met" if met else "criteria.computed.initiatives.short"
        value = message_text(key, needed=needed, count=len(counted), period=period)
        excluded_text = message_text("criteria.computed.excluded", entries=_entries_text(excluded, common),
                                     citation=_not_counted_citation()) if excluded else ""
        return ComputedValue(met, value, tuple(counted), tuple(excluded), _entries_text(counted, common), excluded_text)


class Registered(Rule):
    """The participant registered (đăng ký thi đua) for the assessment year — some provinces' rules require it.

    params: {"codes": ["LDTT", "CSTDCS"] (optional: only a registration for one of these counts)}
    """

    id = "registered"

    def check_params(self, params):
        problems = _only(params, ("codes",))
        codes = params.get("codes")
        if codes is not None and not (isinstance(codes, list) and codes and all(isinstance(c, str) for c in codes)):
            problems.append(("criteria.load.bad_param", {"param": "codes", "expected": "danh sách mã"}))
        return problems

    def codes_used(self, params):
        return []

    def compute(self, params, record, common):
        codes = params.get("codes")
        year = record.assessment_year
        found = tuple(e for e in record.registrations
                      if (year is None or e.year == year) and (not codes or e.code in codes))
        # A registration has no decision: name what was registered and the year, nothing more.
        text = ", ".join(f"{e.name or (common.label(e.category, e.code) if common else e.code)} ({e.year})" for e in found)
        if found:
            value = message_text("criteria.computed.registered.met", year=year or found[0].year, entries=text)
        else:
            value = message_text("criteria.computed.registered.missing", year=year if year is not None else "")
        return ComputedValue(bool(found), value, found, (), text, "")


RULES: dict[str, Rule] = {r.id: r for r in (ConsecutiveYears(), ConsecutiveTitles(), ConsecutiveRatings(),
                                             RecognisedInitiatives(), Registered())}
