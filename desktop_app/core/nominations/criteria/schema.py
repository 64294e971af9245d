"""Criteria sets as versioned data: the dataclasses, a hand-written strict validator and the directory loader.

A criteria set is one JSON file under resources/criteria/ (award form × participant kind × route);
resources/criteria/common.json holds what all sets share (blocking principles, labels of title
and rating codes, council rules). The format is described in resources/criteria/README.md.

Loading never raises for a bad file: `load_catalog` returns the valid sets plus a list of
`LoadProblem`s (file + Vietnamese message), so the app still opens when one file is broken.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable, Mapping

from ... import legal
from ...errors import UserError, message_text
from ...resources import resource_path
from ...vocabulary import AWARD_CODES_BY_CATEGORY, COMMENDATION_TYPES, NOMINATION_FORMS
from ...vocabulary import PARTICIPANT_KINDS as VOCABULARY_KINDS
from .rules import RULES

#: Schema versions of set files this release can read. A newer file is refused, never guessed at.
SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
COMMON_FILE = "common.json"

AWARD_FORMS = tuple(NOMINATION_FORMS)
PARTICIPANT_KINDS = VOCABULARY_KINDS.codes
CRITERION_KINDS = ("judgement", "one_of", "all_of", "computed")
GROUP_KINDS = ("one_of", "all_of")
AWARD_TYPES = COMMENDATION_TYPES.codes
LEGAL_BASIS_KINDS = ("law", "decree", "circular", "provincial", "plan")
#: Participant flags a blocking principle may name; they mirror the participant record's columns.
BLOCKING_FLAGS = ("under_discipline", "under_inspection", "under_complaint")


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class LegalBasis:
    """One line of căn cứ. `configurable` lines (the province's own regulation) are filled from settings."""

    kind: str
    text: str
    article: str = ""
    configurable: bool = False


@dataclass(frozen=True)
class Criterion:
    """One criterion; groups (`one_of`, `all_of`) hold `children`, computed ones a `rule` + `params`."""

    code: str
    kind: str
    text: str
    citation: str
    evidence_required: bool = False
    help: str = ""
    not_applicable_allowed: bool = False
    rule: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    children: tuple["Criterion", ...] = ()

    @property
    def is_group(self) -> bool:
        return self.kind in GROUP_KINDS

    @property
    def answerable(self) -> bool:
        """Only judgements are answered by the officer; computed ones come from the record."""
        return self.kind == "judgement"

    def walk(self) -> Iterable["Criterion"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Route:
    code: str
    name: str


@dataclass(frozen=True)
class CriteriaSet:
    """A parsed, validated criteria set. `canonical_json` is the exact data it was built from."""

    id: str
    version: int
    schema_version: int
    award_form: str
    award_form_name: str
    participant_kind: str
    route: Route
    award_type: str
    title: str
    legal_basis: tuple[LegalBasis, ...]
    effective_from: _dt.date
    effective_to: _dt.date | None
    criteria: tuple[Criterion, ...]
    canonical_json: str = field(repr=False, compare=False, default="")
    source: str = field(compare=False, default="")

    def walk(self) -> Iterable[Criterion]:
        """Every criterion, depth first, groups before their children."""
        for c in self.criteria:
            yield from c.walk()

    def criterion(self, code: str) -> Criterion | None:
        for c in self.walk():
            if c.code == code:
                return c
        return None

    def is_effective(self, on: _dt.date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def fingerprint(self) -> str:
        """sha256 of the canonical JSON: stored with a checklist to know exactly what it was filled against."""
        return hashlib.sha256(self.canonical_json.encode("utf-8")).hexdigest()

    def snapshot(self) -> dict:
        """A plain dict to store with a checklist (frozen copy); `criteria_set_from_snapshot` reads it back."""
        return json.loads(self.canonical_json)


@dataclass(frozen=True)
class Principle:
    """A blocking principle: when the participant's `flag` is true, no award."""

    code: str
    flag: str
    text: str
    citation: str


@dataclass(frozen=True)
class CodeLabel:
    short: str
    name: str


@dataclass(frozen=True)
class CouncilRules:
    """Council settings from data: approval threshold per award form (share of ALL members, None = no
    threshold) and the minimum share of women for a collective to get the tie-break priority."""

    thresholds: Mapping[str, Fraction | None]
    collective_women_share_min: Fraction
    citation: str = ""

    def threshold_for(self, award_form: str) -> Fraction | None:
        return self.thresholds.get(award_form)


@dataclass(frozen=True)
class CommonData:
    """What every set shares: blocking principles, code labels, council rules (resources/criteria/common.json)."""

    version: int
    principles: tuple[Principle, ...]
    labels: Mapping[str, Mapping[str, CodeLabel]]
    award_type_names: Mapping[str, str]
    council: CouncilRules

    def label(self, category: str, code: str) -> str:
        """Short label of a code ('CSTDCS' → 'CSTĐCS'); the code itself when unknown."""
        found = self.labels.get(category, {}).get(code)
        return found.short if found else code

    def knows(self, category: str, code: str) -> bool:
        return code in self.labels.get(category, {})


@dataclass(frozen=True)
class LoadProblem:
    """A file that could not be used, and why (message code + params; `text` is Vietnamese)."""

    file: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return message_text("criteria.load.file_problem", file=self.file, detail=message_text(self.code, **self.params))

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CriteriaCatalog:
    """Result of loading a directory: the usable sets (by id), the common data, and the problems."""

    sets: Mapping[str, CriteriaSet]
    common: CommonData | None
    problems: tuple[LoadProblem, ...]

    def get(self, set_id: str) -> CriteriaSet:
        try:
            return self.sets[set_id]
        except KeyError:
            raise UserError("criteria.set_not_found", set_id=set_id) from None


class CriteriaFileError(UserError):
    """A criteria file (or stored snapshot) failed validation; `problems` lists every problem found."""

    def __init__(self, file: str, problems: list[LoadProblem]):
        self.file = file
        self.problems = tuple(problems)
        detail = "; ".join(message_text(p.code, **p.params) for p in problems)
        super().__init__("criteria.load.file_problem", file=file, detail=detail)


# --------------------------------------------------------------------------- validation


class _Checker:
    """Collects every problem of one file instead of stopping at the first."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[LoadProblem] = []

    def add(self, code: str, **params) -> None:
        self.problems.append(LoadProblem(self.file, code, params))

    def fields(self, obj: Any, where: str, required: Mapping[str, type | tuple], optional: Mapping[str, type | tuple] = {}) -> dict | None:
        """The well-typed fields of `obj` (None if it is not an object); reports missing/unknown/mistyped ones."""
        if not isinstance(obj, dict):
            self.add("criteria.load.not_object", where=where)
            return None
        for key in obj:
            if key not in required and key not in optional:
                self.add("criteria.load.unknown_field", field=key, where=where)
        good = {}
        for key, typ in {**required, **optional}.items():
            if key not in obj:
                if key in required:
                    self.add("criteria.load.missing_field", field=key, where=where)
                continue
            if not _is_type(obj[key], typ):
                self.add("criteria.load.wrong_type", field=key, where=where, expected=_type_name(typ))
                continue
            good[key] = obj[key]
        # Only well-typed fields are returned, so checking can go on and report every problem.
        return good

    def text(self, value: Any, field_name: str, where: str, allow_empty: bool = False) -> str:
        if not isinstance(value, str):
            return ""
        if unicodedata.normalize("NFC", value) != value:
            self.add("criteria.load.not_nfc", field=field_name, where=where)
        if not allow_empty and not value.strip():
            self.add("criteria.load.empty_text", field=field_name, where=where)
        return value

    def choice(self, value: Any, allowed: Iterable[str], field_name: str, where: str) -> bool:
        allowed = tuple(allowed)
        if value not in allowed:
            self.add("criteria.load.bad_choice", field=field_name, where=where, value=value, allowed=", ".join(allowed))
            return False
        return True

    def date(self, value: Any, field_name: str, where: str) -> _dt.date | None:
        if value is None:
            return None
        try:
            return _dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.add("criteria.load.bad_date", field=field_name, where=where, value=value)
            return None


_TYPE_NAMES = {str: "chuỗi", int: "số nguyên", bool: "true/false", list: "danh sách", dict: "đối tượng", type(None): "null"}


def _is_type(value: Any, typ: type | tuple) -> bool:
    types = typ if isinstance(typ, tuple) else (typ,)
    for t in types:
        if t is int and isinstance(value, bool):
            continue  # JSON true is not a version number
        if isinstance(value, t):
            return True
    return False


def _type_name(typ: type | tuple) -> str:
    types = typ if isinstance(typ, tuple) else (typ,)
    return " hoặc ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)


def _read_json(path: Path, checker: _Checker) -> Any:
    def no_duplicates(pairs):
        seen: dict = {}
        for key, value in pairs:
            if key in seen:
                checker.add("criteria.load.duplicate_key", key=key)
            seen[key] = value
        return seen

    try:
        raw = path.read_bytes()
    except OSError as exc:
        checker.add("criteria.load.unreadable", detail=exc.strerror or str(exc))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        checker.add("criteria.load.not_utf8")
        return None
    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        checker.add("criteria.load.bad_json", line=exc.lineno, column=exc.colno, detail=exc.msg)
        return None


_CRITERION_REQUIRED = {"code": str, "kind": str, "text": str, "citation": (str, dict), "evidence_required": bool}
#: Shown after a citation whose criterion restates the article instead of quoting its checked wording.
RESTATED = " — diễn đạt lại, chưa đối chiếu nguyên văn"


def render_citation(value: Any, c: "_Checker", where: str) -> str:
    """A citation is a registry reference {"source": key, "article": "Điều 74 khoản 1", "quoted": false} rendered
    from resources/legal/ (a free-typed text is accepted only from snapshots stored by earlier versions)."""
    if isinstance(value, str):
        return value
    ref = c.fields(value, where, required={"source": str}, optional={"article": str, "quoted": bool})
    if not ref or "source" not in ref:
        return ""
    try:
        text = legal.source(ref["source"]).reference(ref.get("article", ""))
    except UserError:
        c.add("criteria.load.unknown_source", key=ref["source"], where=where)
        return ""
    return text + ("" if ref.get("quoted") else RESTATED)
_SET_REQUIRED = {
    "schema_version": int, "id": str, "version": int, "award_form": str, "award_form_name": str,
    "participant_kind": str, "route": dict, "award_type": str, "title": str, "legal_basis": list,
    "effective_from": str, "effective_to": (str, type(None)), "criteria": list,
}


def _parse_criterion(obj: Any, where: str, c: _Checker, codes: dict[str, str]) -> Criterion | None:
    d = c.fields(
        obj,
        where,
        required=_CRITERION_REQUIRED,
        optional={"help": str, "not_applicable_allowed": bool, "rule": str, "params": dict, "children": list},
    )
    if d is None:
        return None
    code = d.get("code", "")
    if "code" in d:
        where = f"{where} ({code})"
        if not code or not all(ch.isascii() and (ch.isalnum() or ch in "_.") for ch in code):
            c.add("criteria.load.bad_code", crit=code, where=where)
        if code in codes:
            c.add("criteria.load.duplicate_code", crit=code, where=where, first=codes[code])
        else:
            codes[code] = where
    if "text" in d:
        c.text(d["text"], "text", where)
    if "citation" in d:
        d["citation"] = render_citation(d["citation"], c, where)
        c.text(d["citation"], "citation", where)
    c.text(d.get("help", ""), "help", where, allow_empty=True)
    if "kind" not in d or not c.choice(d["kind"], CRITERION_KINDS, "kind", where):
        return None
    kind = d["kind"]
    children: list[Criterion] = []
    rule = d.get("rule")
    params = d.get("params", {})
    if kind in GROUP_KINDS:
        for name in ("rule", "params"):
            if name in obj:
                c.add("criteria.load.field_not_for_kind", field=name, kind=kind, where=where)
        raw_children = d.get("children")
        if not raw_children:
            c.add("criteria.load.group_needs_children", where=where)
        else:
            for i, child in enumerate(raw_children):
                parsed = _parse_criterion(child, f"{where}.children[{i}]", c, codes)
                if parsed is not None:
                    children.append(parsed)
    elif "children" in obj:
        c.add("criteria.load.field_not_for_kind", field="children", kind=kind, where=where)
    if kind == "computed":
        if rule is None:
            if "rule" not in obj:
                c.add("criteria.load.missing_field", field="rule", where=where)
        elif rule not in RULES:
            c.add("criteria.load.unknown_rule", rule=rule, where=where, known=", ".join(sorted(RULES)))
        else:
            for code_, params_ in RULES[rule].check_params(params):
                c.add(code_, where=where, rule=rule, **params_)
    elif kind == "judgement":
        for name in ("rule", "params"):
            if name in obj:
                c.add("criteria.load.field_not_for_kind", field=name, kind=kind, where=where)
    if kind != "judgement":
        # Groups are satisfied through their children; computed values take their proof from the
        # award history (decision numbers), so evidence is asked only on judgements.
        if d.get("evidence_required"):
            c.add("criteria.load.evidence_only_judgement", where=where)
        if d.get("not_applicable_allowed"):
            c.add("criteria.load.na_only_judgement", where=where)
    if any(k not in d for k in _CRITERION_REQUIRED):
        return None  # a required field was missing or mistyped (already reported)
    return Criterion(
        code=code,
        kind=kind,
        text=d["text"],
        citation=d["citation"],
        evidence_required=d["evidence_required"],
        help=d.get("help", ""),
        not_applicable_allowed=d.get("not_applicable_allowed", False),
        rule=rule,
        params=dict(params) if kind == "computed" else {},
        children=tuple(children),
    )


def _parse_set(data: Any, c: _Checker, expected_id: str | None) -> CriteriaSet | None:
    if isinstance(data, dict) and "schema_version" in data:
        sv = data["schema_version"]
        if not _is_type(sv, int) or sv not in SUPPORTED_SCHEMA_VERSIONS:
            # A newer format is refused outright: guessing at it could mislead the officer.
            c.add("criteria.load.unknown_schema_version", found=sv, supported=", ".join(map(str, sorted(SUPPORTED_SCHEMA_VERSIONS))))
            return None
    d = c.fields(data, "tệp", required=_SET_REQUIRED)
    if d is None:
        return None
    if "id" in d and expected_id is not None and d["id"] != expected_id:
        c.add("criteria.load.id_mismatch", id=d["id"], expected=expected_id)
    if "version" in d and d["version"] < 1:
        c.add("criteria.load.bad_version", value=d["version"])
    for name, allowed in (("award_form", AWARD_FORMS), ("participant_kind", PARTICIPANT_KINDS), ("award_type", AWARD_TYPES)):
        if name in d:
            c.choice(d[name], allowed, name, "tệp")
    for name in ("award_form_name", "title"):
        if name in d:
            c.text(d[name], name, "tệp")
    route = c.fields(d.get("route", {}), "route", required={"code": str, "name": str}) if "route" in d else None
    for name in ("code", "name"):
        if route and name in route:
            c.text(route[name], name, "route")
    bases: list[LegalBasis] = []
    if "legal_basis" in d and not d["legal_basis"]:
        c.add("criteria.load.empty_list", field="legal_basis")
    for i, item in enumerate(d.get("legal_basis", [])):
        where = f"legal_basis[{i}]"
        b = c.fields(item, where, required={"kind": str}, optional={"text": str, "source": str, "article": str,
                                                                  "configurable": bool})
        if b and "source" in b and "text" not in b:
            try:
                b["text"] = legal.source(b["source"]).citation()
            except UserError:
                c.add("criteria.load.unknown_source", key=b["source"], where=where)
        elif b and "text" not in b:
            c.add("criteria.load.missing_field", field="text", where=where)
        if b and "kind" in b and "text" in b:
            c.choice(b["kind"], LEGAL_BASIS_KINDS, "kind", where)
            c.text(b["text"], "text", where)
            c.text(b.get("article", ""), "article", where, allow_empty=True)
            bases.append(LegalBasis(b["kind"], b["text"], b.get("article", ""), b.get("configurable", False)))
    start = c.date(d.get("effective_from"), "effective_from", "tệp")
    end = c.date(d.get("effective_to"), "effective_to", "tệp")
    if start and end and end < start:
        c.add("criteria.load.dates_reversed")
    criteria: list[Criterion] = []
    codes: dict[str, str] = {}
    if "criteria" in d and not d["criteria"]:
        c.add("criteria.load.empty_list", field="criteria")
    for i, item in enumerate(d.get("criteria", [])):
        parsed = _parse_criterion(item, f"criteria[{i}]", c, codes)
        if parsed is not None:
            criteria.append(parsed)
    if c.problems:
        return None
    return CriteriaSet(
        id=d["id"], version=d["version"], schema_version=d["schema_version"], award_form=d["award_form"],
        award_form_name=d["award_form_name"], participant_kind=d["participant_kind"],
        route=Route(route["code"], route["name"]), award_type=d["award_type"], title=d["title"],
        legal_basis=tuple(bases), effective_from=start, effective_to=end, criteria=tuple(criteria),
        canonical_json=json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        source=c.file,
    )


def _fraction_percent(value: Any, field_name: str, where: str, c: _Checker) -> Fraction | None:
    if value is None:
        return None
    if not _is_type(value, (int, float)) or not 0 < value <= 100:
        c.add("criteria.load.bad_percent", field=field_name, where=where, value=value)
        return None
    return Fraction(str(value)) / 100


def _parse_common(data: Any, c: _Checker) -> CommonData | None:
    if isinstance(data, dict) and "schema_version" in data:
        sv = data["schema_version"]
        if not _is_type(sv, int) or sv not in SUPPORTED_SCHEMA_VERSIONS:
            c.add("criteria.load.unknown_schema_version", found=sv, supported=", ".join(map(str, sorted(SUPPORTED_SCHEMA_VERSIONS))))
            return None
    d = c.fields(
        data, "tệp",
        required={"schema_version": int, "version": int, "principles": list, "council": dict},
    )
    if d is None or len(d) < 4:
        return None  # missing or mistyped top-level fields (already reported)
    principles: list[Principle] = []
    seen: set[str] = set()
    for i, item in enumerate(d["principles"]):
        where = f"principles[{i}]"
        p = c.fields(item, where, required={"code": str, "flag": str, "text": str, "citation": (str, dict)})
        if not p or len(p) < 4:
            continue
        p["citation"] = render_citation(p["citation"], c, where)
        if p["code"] in seen:
            c.add("criteria.load.duplicate_code", crit=p["code"], where=where, first="principles")
        seen.add(p["code"])
        c.choice(p["flag"], BLOCKING_FLAGS, "flag", where)
        c.text(p["text"], "text", where)
        c.text(p["citation"], "citation", where)
        principles.append(Principle(p["code"], p["flag"], p["text"], p["citation"]))
    if not principles:
        c.add("criteria.load.empty_list", field="principles")
    council = c.fields(d["council"], "council", required={"thresholds_percent": dict, "collective_women_share_min_percent": (int, float), "citation": (str, dict)})
    if council and "citation" in council:
        council["citation"] = render_citation(council["citation"], c, "council")
    thresholds: dict[str, Fraction | None] = {}
    women = None
    if council and len(council) == 3:
        for form, value in council["thresholds_percent"].items():
            thresholds[form] = _fraction_percent(value, form, "council.thresholds_percent", c)
        women = _fraction_percent(council["collective_women_share_min_percent"], "collective_women_share_min_percent", "council", c)
        c.text(council["citation"], "citation", "council")
    if c.problems or women is None:
        return None
    return CommonData(
        version=d["version"], principles=tuple(principles), labels=vocabulary_labels(),
        award_type_names={t.code: t.name for t in COMMENDATION_TYPES},
        council=CouncilRules(thresholds, women, council["citation"]),
    )


def vocabulary_labels() -> dict[str, dict[str, CodeLabel]]:
    """Names of the award-history codes, from core/vocabulary.py (the one list of them)."""
    return {category: {t.code: CodeLabel(t.short_name, t.name) for t in terms}
            for category, terms in AWARD_CODES_BY_CATEGORY.items()}


def _check_codes_against_labels(s: CriteriaSet, common: CommonData) -> list[LoadProblem]:
    """Computed rules must name title/rating codes the vocabulary knows (catches 'CSTDSC' typos)."""
    problems = []
    for crit in s.walk():
        if crit.kind != "computed":
            continue
        for category, code in RULES[crit.rule].codes_used(crit.params):
            if not common.knows(category, code):
                problems.append(LoadProblem(s.source, "criteria.load.unknown_award_code", {"crit": code, "category": category, "where": crit.code}))
    return problems


# --------------------------------------------------------------------------- public loaders


def parse_criteria_set(data: Any, source: str = "<dữ liệu>", expected_id: str | None = None) -> CriteriaSet:
    """Validate a decoded set and build it; raises CriteriaFileError listing every problem."""
    c = _Checker(source)
    parsed = _parse_set(data, c, expected_id)
    if parsed is None:
        raise CriteriaFileError(source, c.problems)
    return parsed


def criteria_set_from_snapshot(snapshot: Mapping[str, Any], source: str = "<bản lưu>") -> CriteriaSet:
    """Rebuild the set a checklist was filled against from its stored snapshot (see CriteriaSet.snapshot)."""
    return parse_criteria_set(json.loads(json.dumps(snapshot)), source)


def load_criteria_file(path: Path) -> CriteriaSet:
    """One set file; raises CriteriaFileError. The file name (without .json) must equal the set id."""
    c = _Checker(path.name)
    data = _read_json(path, c)
    if c.problems:
        raise CriteriaFileError(path.name, c.problems)
    return parse_criteria_set(data, path.name, expected_id=path.name[: -len(".json")])


def load_common_file(path: Path) -> CommonData:
    c = _Checker(path.name)
    data = _read_json(path, c)
    parsed = None if c.problems else _parse_common(data, c)
    if parsed is None:
        raise CriteriaFileError(path.name, c.problems)
    return parsed


def load_catalog(directory: Path | None = None) -> CriteriaCatalog:
    """Load every set of a directory (default: the bundled resources/criteria/); never raises for bad files.

    A set whose computed rules name codes unknown to core/vocabulary.py is refused; when common.json itself
    is broken, sets still load but `common` is None (the engine then reports "incomplete").
    """
    directory = Path(directory) if directory is not None else resource_path("criteria")
    problems: list[LoadProblem] = []
    common: CommonData | None = None
    common_path = directory / COMMON_FILE
    if common_path.exists():
        try:
            common = load_common_file(common_path)
        except CriteriaFileError as exc:
            problems.extend(exc.problems)
    else:
        problems.append(LoadProblem(COMMON_FILE, "criteria.load.common_missing"))
    sets: dict[str, CriteriaSet] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name == COMMON_FILE:
            continue
        try:
            s = load_criteria_file(path)
        except CriteriaFileError as exc:
            problems.extend(exc.problems)
            continue
        if common is not None:
            label_problems = _check_codes_against_labels(s, common)
            if label_problems:
                problems.extend(label_problems)
                continue
        sets[s.id] = s
    return CriteriaCatalog(sets=sets, common=common, problems=tuple(problems))
