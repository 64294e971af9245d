"""Criteria sets as versioned data: their declared file formats (msgspec), the dataclasses the app uses, the loader.

A criteria set is one JSON file under resources/criteria/ (award form × participant kind × route);
resources/criteria/common.json holds what all sets share (blocking principles, council rules). The format is
described in resources/criteria/README.md. Sets also come back from the snapshots stored with checklists
(`criteria_set_from_snapshot`) and from the province's signed rules pack (nominations/checklists.py).

Decoding is typed (core/decoding.py): `SetFile` and `CommonFile` declare every field, its type, the fixed
vocabularies (award forms, participant kinds, criterion kinds…) and size bounds, and refuse unknown fields;
`decoding.convert` checks a parsed file against them. msgspec stops at the first type error, so a file with several
reports one at a time. What a type cannot say is checked afterwards, and those checks report every problem at once:
codes unique in the whole tree, a computed criterion's rule and its params, registry citations, dates in order,
text in NFC, the id equal to the file name; the schema version is read first, so a newer file gets its own message.
The JSON text itself is parsed by the standard library: it refuses a key given twice (msgspec would keep the last
one) and names the line and column of a syntax error.

Loading never raises for a bad file: `load_catalog` returns the valid sets plus a list of
`LoadProblem`s (file + Vietnamese message naming the place, e.g. $.criteria[2].code), so the app still opens when
one file is broken.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any, Iterable, Literal, Mapping, Union

import msgspec

from ... import decoding, legal
from ...errors import UserError, message_text
from ...resources import resource_path
from ...vocabulary import AWARD_CODES_BY_CATEGORY, COMMENDATION_TYPES, NOMINATION_FORMS
from ...vocabulary import PARTICIPANT_KINDS as VOCABULARY_KINDS
from .rules import RULES

#: Schema versions of set files this release can read. A newer file is refused, never guessed at.
SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
COMMON_FILE = "common.json"
#: A criteria file is a few kilobytes; anything near this is not one.
MAX_FILE_BYTES = 1 << 20

AWARD_FORMS = tuple(NOMINATION_FORMS)
PARTICIPANT_KINDS = VOCABULARY_KINDS.codes
CRITERION_KINDS = ("judgement", "one_of", "all_of", "computed")
GROUP_KINDS = ("one_of", "all_of")
AWARD_TYPES = COMMENDATION_TYPES.codes
LEGAL_BASIS_KINDS = ("law", "decree", "circular", "provincial", "plan")
#: Participant flags a blocking principle may name; they mirror the participant record's columns.
BLOCKING_FLAGS = ("under_discipline", "under_inspection", "under_complaint")
#: Shown after a citation whose criterion restates the article instead of quoting its checked wording.
RESTATED = " — diễn đạt lại, chưa đối chiếu nguyên văn"


# --------------------------------------------------------------------------- file formats (msgspec)

Code = Annotated[str, msgspec.Meta(max_length=120, pattern=decoding.pattern(
    r"^[0-9A-Za-z_.]+\Z", "mã chỉ được gồm chữ không dấu, số, “_” và “.”"))]
_NOT_BLANK = decoding.pattern(r"\S", "không được để trống")
Text = Annotated[str, msgspec.Meta(max_length=1000, pattern=_NOT_BLANK)]
Help = Annotated[str, msgspec.Meta(max_length=4000)]
Article = Annotated[str, msgspec.Meta(max_length=500)]
Percent = Annotated[float, msgspec.Meta(gt=0, le=100)]
SchemaVersion = Literal[tuple(sorted(SUPPORTED_SCHEMA_VERSIONS))]
AwardForm = Literal[AWARD_FORMS]
ParticipantKind = Literal[PARTICIPANT_KINDS]
AwardType = Literal[AWARD_TYPES]
LegalBasisKind = Literal[LEGAL_BASIS_KINDS]
BlockingFlag = Literal[BLOCKING_FLAGS]


class CitationRef(msgspec.Struct, forbid_unknown_fields=True):
    """A registry reference rendered from resources/legal/ ("quoted": false = the article restated, not quoted)."""

    source: Code
    article: Article = ""
    quoted: bool = False


#: A free-typed citation text is accepted only from snapshots stored by earlier versions (and a rules pack's sets,
#: whose citations the pack renders before they are read).
Citation = Union[Text, CitationRef]


class MatchItem(msgspec.Struct, forbid_unknown_fields=True):
    category: Code
    code: Code


#: A computed rule's params: numbers, codes and lists of codes or {category, code}; which ones a rule takes, and
#: their ranges, are the rule's own check (rules.py).
ParamValue = Union[int, Code, Annotated[list[Union[Code, MatchItem]], msgspec.Meta(max_length=50)]]


class _CriterionFields(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, tag_field="kind"):
    code: Code
    text: Text
    citation: Citation
    evidence_required: bool
    help: Help = ""
    not_applicable_allowed: bool = False


class JudgementData(_CriterionFields, tag="judgement"):
    """Answered by the officer."""


class OneOfData(_CriterionFields, tag="one_of"):
    children: Annotated[list[CriterionData], msgspec.Meta(min_length=1, max_length=50)]


class AllOfData(_CriterionFields, tag="all_of"):
    children: Annotated[list[CriterionData], msgspec.Meta(min_length=1, max_length=50)]


class ComputedData(_CriterionFields, tag="computed"):
    rule: Code
    params: Annotated[dict[Code, ParamValue], msgspec.Meta(max_length=10)] = {}


#: One criterion; its "kind" says which of these it is (and so which fields it may have).
CriterionData = Union[JudgementData, OneOfData, AllOfData, ComputedData]


class RouteData(msgspec.Struct, forbid_unknown_fields=True):
    code: Code
    name: Text


class LegalBasisData(msgspec.Struct, forbid_unknown_fields=True):
    """A line of căn cứ: a registry `source` (+ article), or a `text` (the province's, `configurable`)."""

    kind: LegalBasisKind
    text: Text = ""
    source: Code = ""
    article: Article = ""
    configurable: bool = False


class SetFile(msgspec.Struct, forbid_unknown_fields=True):
    """A criteria set file (resources/criteria/README.md), a stored snapshot of one, or a set of a rules pack."""

    schema_version: SchemaVersion
    id: Code
    version: Annotated[int, msgspec.Meta(ge=1)]
    award_form: AwardForm
    award_form_name: Text
    participant_kind: ParticipantKind
    route: RouteData
    award_type: AwardType
    title: Text
    legal_basis: Annotated[list[LegalBasisData], msgspec.Meta(min_length=1, max_length=30)]
    effective_from: _dt.date
    effective_to: _dt.date | None
    criteria: Annotated[list[CriterionData], msgspec.Meta(min_length=1, max_length=200)]


class PrincipleData(msgspec.Struct, forbid_unknown_fields=True):
    code: Code
    flag: BlockingFlag
    text: Text
    citation: Citation


class CouncilData(msgspec.Struct, forbid_unknown_fields=True):
    #: null = no vote threshold for that award form
    thresholds_percent: Annotated[dict[AwardForm, Union[Percent, None]], msgspec.Meta(max_length=20)]
    collective_women_share_min_percent: Percent
    citation: Citation


class CommonFile(msgspec.Struct, forbid_unknown_fields=True):
    """resources/criteria/common.json."""

    schema_version: SchemaVersion
    version: Annotated[int, msgspec.Meta(ge=1)]
    principles: Annotated[list[PrincipleData], msgspec.Meta(min_length=1, max_length=30)]
    council: CouncilData


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
    """A criteria file (or stored snapshot) was refused: `problems` holds its first type error alone (decoding stops
    there), or every problem the checks after decoding found."""

    def __init__(self, file: str, problems: list[LoadProblem]):
        self.file = file
        self.problems = tuple(problems)
        detail = "; ".join(message_text(p.code, **p.params) for p in problems)
        super().__init__("criteria.load.file_problem", file=file, detail=detail)


# --------------------------------------------------------------------------- after decoding: what a type cannot say


class _Problems(list):
    """The problems of one file found after decoding: every one is collected, none stops the others."""

    def __init__(self, file: str):
        super().__init__()
        self.file = file

    def add(self, code: str, **params) -> None:
        self.append(LoadProblem(self.file, code, params))


def _decode(data: Any, type_: type, file: str) -> Any:
    """`data` (parsed JSON) as `type_`; a newer schema_version gets its own message, a type error its place."""
    if isinstance(data, dict) and "schema_version" in data:
        found = data["schema_version"]
        if not isinstance(found, int) or isinstance(found, bool) or found not in SUPPORTED_SCHEMA_VERSIONS:
            # A newer format is refused outright: guessing at it could mislead the officer.
            raise CriteriaFileError(file, [LoadProblem(file, "criteria.load.unknown_schema_version", {
                "found": found, "supported": ", ".join(map(str, sorted(SUPPORTED_SCHEMA_VERSIONS)))})])
    try:
        return decoding.convert(data, type_)
    except decoding.DecodeProblem as exc:
        raise CriteriaFileError(file, [LoadProblem(file, "criteria.load.invalid",
                                                   {"detail": exc.text, "where": exc.where})]) from None


def _check_nfc(value: Any, where: str, problems: _Problems, field_name: str = "") -> None:
    """Text from a file must already be NFC: it is stored, compared and fingerprinted as it is."""
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            problems.add("criteria.load.not_nfc", field=field_name, where=where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_nfc(item, f"{where}[{i}]", problems, field_name)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_nfc(item, f"{where}.{key}", problems, key)


def render_citation(value: str | CitationRef, where: str, problems: _Problems) -> str:
    """A registry reference {"source": key, "article": "Điều 74 khoản 1", "quoted": false} rendered from
    resources/legal/ ("" and a problem when the registry does not know the source); a text stays as it is."""
    if isinstance(value, str):
        return value
    try:
        text = legal.source(value.source).reference(value.article)
    except UserError:
        problems.add("criteria.load.unknown_source", key=value.source, where=where)
        return ""
    return text + ("" if value.quoted else RESTATED)


def _criterion(d: CriterionData, where: str, problems: _Problems, codes: dict[str, str]) -> Criterion:
    kind = d.__struct_config__.tag
    if d.code in codes:
        problems.add("criteria.load.duplicate_code", crit=d.code, where=f"{where}.code", first=codes[d.code])
    else:
        codes[d.code] = f"{where}.code"
    if kind != "judgement":
        # Groups are satisfied through their children; computed values take their proof from the
        # award history (decision numbers), so evidence is asked only on judgements.
        if d.evidence_required:
            problems.add("criteria.load.evidence_only_judgement", where=f"{where}.evidence_required")
        if d.not_applicable_allowed:
            problems.add("criteria.load.na_only_judgement", where=f"{where}.not_applicable_allowed")
    children: tuple[Criterion, ...] = ()
    rule, params = None, {}
    if isinstance(d, (OneOfData, AllOfData)):
        children = tuple(_criterion(child, f"{where}.children[{i}]", problems, codes)
                         for i, child in enumerate(d.children))
    elif isinstance(d, ComputedData):
        rule, params = d.rule, msgspec.to_builtins(d.params)
        if rule not in RULES:
            problems.add("criteria.load.unknown_rule", rule=rule, where=f"{where}.rule", known=", ".join(sorted(RULES)))
        else:
            for code, found in RULES[rule].check_params(params):
                problems.add(code, where=f"{where}.params", rule=rule, **found)
    return Criterion(code=d.code, kind=kind, text=d.text, citation=render_citation(d.citation, f"{where}.citation", problems),
                     evidence_required=d.evidence_required, help=d.help,
                     not_applicable_allowed=d.not_applicable_allowed, rule=rule, params=params, children=children)


def _legal_basis(b: LegalBasisData, where: str, problems: _Problems) -> LegalBasis:
    text = b.text
    if not text and b.source:
        try:
            text = legal.source(b.source).citation()
        except UserError:
            problems.add("criteria.load.unknown_source", key=b.source, where=f"{where}.source")
    elif not text:
        problems.add("criteria.load.missing_field", field="text", where=where)
    return LegalBasis(b.kind, text, b.article, b.configurable)


def _build_set(data: dict, f: SetFile, file: str, expected_id: str | None) -> CriteriaSet:
    problems = _Problems(file)
    _check_nfc(data, "$", problems)
    if expected_id is not None and f.id != expected_id:
        problems.add("criteria.load.id_mismatch", id=f.id, expected=expected_id)
    if f.effective_to is not None and f.effective_to < f.effective_from:
        problems.add("criteria.load.dates_reversed")
    bases = tuple(_legal_basis(b, f"$.legal_basis[{i}]", problems) for i, b in enumerate(f.legal_basis))
    codes: dict[str, str] = {}
    criteria = tuple(_criterion(c, f"$.criteria[{i}]", problems, codes) for i, c in enumerate(f.criteria))
    if problems:
        raise CriteriaFileError(file, problems)
    return CriteriaSet(
        id=f.id, version=f.version, schema_version=f.schema_version, award_form=f.award_form,
        award_form_name=f.award_form_name, participant_kind=f.participant_kind, route=Route(f.route.code, f.route.name),
        award_type=f.award_type, title=f.title, legal_basis=bases, effective_from=f.effective_from,
        effective_to=f.effective_to, criteria=criteria,
        canonical_json=json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), source=file,
    )


def _percent(value: float) -> Fraction:
    # str() first: 66.67 is the decimal written in the file, not the nearest binary float.
    return Fraction(str(value)) / 100


def _build_common(data: dict, f: CommonFile, file: str) -> CommonData:
    problems = _Problems(file)
    _check_nfc(data, "$", problems)
    principles: list[Principle] = []
    seen: dict[str, str] = {}
    for i, p in enumerate(f.principles):
        where = f"$.principles[{i}]"
        if p.code in seen:
            problems.add("criteria.load.duplicate_code", crit=p.code, where=f"{where}.code", first=seen[p.code])
        seen.setdefault(p.code, f"{where}.code")
        principles.append(Principle(p.code, p.flag, p.text, render_citation(p.citation, f"{where}.citation", problems)))
    council = f.council
    citation = render_citation(council.citation, "$.council.citation", problems)
    if problems:
        raise CriteriaFileError(file, problems)
    thresholds = {form: None if value is None else _percent(value) for form, value in council.thresholds_percent.items()}
    return CommonData(
        version=f.version, principles=tuple(principles), labels=vocabulary_labels(),
        award_type_names={t.code: t.name for t in COMMENDATION_TYPES},
        council=CouncilRules(thresholds, _percent(council.collective_women_share_min_percent), citation),
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


def _read_json(path: Path) -> Any:
    """The parsed JSON of a file; CriteriaFileError if it cannot be read or is not JSON."""
    problems = _Problems(path.name)

    def no_duplicates(pairs):
        seen: dict = {}
        for key, value in pairs:
            if key in seen:
                problems.add("criteria.load.duplicate_key", key=key)
            seen[key] = value
        return seen

    def no_constant(name):
        raise ValueError(name)

    data = None
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        problems.add("criteria.load.unreadable", detail=exc.strerror or str(exc))
        raise CriteriaFileError(path.name, problems) from None
    if len(raw) > MAX_FILE_BYTES:
        problems.add("criteria.load.too_big", limit=MAX_FILE_BYTES >> 20)
    else:
        try:
            data = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates, parse_constant=no_constant)
        except UnicodeDecodeError:
            problems.add("criteria.load.not_utf8")
        except json.JSONDecodeError as exc:
            problems.add("criteria.load.bad_json", line=exc.lineno, column=exc.colno, detail=exc.msg)
        except ValueError as exc:  # NaN, Infinity: not JSON numbers
            problems.add("criteria.load.not_a_number", name=str(exc))
        except RecursionError:
            problems.add("criteria.load.too_deep")
    if problems:
        raise CriteriaFileError(path.name, problems)
    return data


# --------------------------------------------------------------------------- public loaders


def parse_criteria_set(data: Any, source: str = "<dữ liệu>", expected_id: str | None = None) -> CriteriaSet:
    """Decode a parsed set and build it; CriteriaFileError with the first type error, or every problem found after."""
    return _build_set(data, _decode(data, SetFile, source), source, expected_id)


def criteria_set_from_snapshot(snapshot: Mapping[str, Any], source: str = "<bản lưu>") -> CriteriaSet:
    """Rebuild the set a checklist was filled against from its stored snapshot (see CriteriaSet.snapshot)."""
    return parse_criteria_set(json.loads(json.dumps(snapshot)), source)


def load_criteria_file(path: Path) -> CriteriaSet:
    """One set file; raises CriteriaFileError. The file name (without .json) must equal the set id."""
    return parse_criteria_set(_read_json(path), path.name, expected_id=path.name[: -len(".json")])


def load_common_file(path: Path) -> CommonData:
    data = _read_json(path)
    return _build_common(data, _decode(data, CommonFile, path.name), path.name)


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
