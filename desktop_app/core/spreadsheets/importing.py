"""Importing a commune's list from Excel: read the sheet, map its columns, convert legacy encodings per column,
give every row a verdict before anything is written (the dry run), then import every valid row as one
transaction, logged as a batch that can be undone as a whole.

Verdicts: new · same as a record already in the register (matched by CCCD, else name + date of birth, else name +
unit) · would update (which fields change, from what to what) · duplicate of an earlier row of the file · error
(the reason in Vietnamese with the cell address) · skipped (blank, #N/A, subtotal and group-heading rows, each
with a note). Nothing in the file is lost: every row is in the report, and the errors can be saved as an .xlsx
with a "Lý do" column to fix and import again.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from peewee import fn as pw_fn

from ..changes import Topic
from ..dates import format_vn_date
from ..errors import UserCancelled, UserError, ValidationError, message_text
from ..legacy_text import ENCODINGS, UNICODE, detect_encoding, to_unicode
from ..register import achievements as achievement_register
from ..register import awards as award_register
from ..register import participants as participant_register
from ..register import registrations as registration_register
from ..register.campaigns import list_campaigns
from ..storage.models import (Achievement, Award, Campaign, Checklist, EvidenceFile, ImportBatch, Nominee,
                              Participant, Registration, Setting)
from ..storage.session import Session
from ..text import fold, nfc_multiline
from ..vocabulary import (AWARD_CATEGORIES, AWARD_CODES_BY_CATEGORY, CATEGORIES_BY_KIND, COLLECTIVE,
                          COMMENDATION_TYPES, INDIVIDUAL, PARTICIPANT_KINDS, REGISTRATION_AIMS)
from . import columns as cols
from .values import (CellProblem, as_text, is_excel_error, is_group_heading, is_mark, is_subtotal, match_term,
                     parse_date, parse_digits, parse_gender, parse_integer)
from .workbook import Sheet, open_workbook, read_sheet

Progress = Callable[[int, int, str], None]

NEW, SAME, UPDATE, DUPLICATE, ERROR, SKIPPED = "new", "same", "update", "duplicate", "error", "skipped"
VERDICT_LABELS = {NEW: "Mới", SAME: "Đã có, không đổi", UPDATE: "Sẽ cập nhật", DUPLICATE: "Trùng trong tệp",
                  ERROR: "Lỗi", SKIPPED: "Bỏ qua"}
DEFAULT_CATEGORY = {INDIVIDUAL: "nguoi_lao_dong", COLLECTIVE: "don_vi"}
MAPPING_SETTING = "xlsx_mapping:"


@dataclass
class RowResult:
    """One row of the file and what the import would do with it."""

    row: int                         # the row number Excel shows
    verdict: str
    name: str = ""
    values: dict = field(default_factory=dict)       # form values (strings as a form holds them)
    target_id: int | None = None     # the record it matches (same / update)
    participant_id: int | None = None  # achievements and awards: whose
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field label, now, from the file)
    problems: list[str] = field(default_factory=list)   # Vietnamese, each with its cell address
    notes: list[str] = field(default_factory=list)
    duplicate_of: int | None = None
    cells: list = field(default_factory=list)        # the row as read (for the error workbook)
    clean: dict = field(default_factory=dict, repr=False)  # the values as validated (participants)

    @property
    def reason(self) -> str:
        return "; ".join(self.problems or self.notes)


@dataclass
class ImportPlan:
    """The dry run: everything the import would do, and how the file was understood."""

    path: str
    file_name: str
    sha256: str
    sheet_names: list[str]
    sheet: str
    kind: str
    header_row: int | None            # the header's row number in Excel
    headings: list[str]
    mapping: list[str]                # a field key per column ('' = not imported)
    encodings: list[str]              # per column: unicode | tcvn3 | vni
    detected: list[str]               # per column, as detected
    hidden_columns: list[int]
    rows: list[RowResult]
    default_category: str = ""
    campaign_id: int | None = None
    year: int | None = None           # registrations: the year registered for, when the sheet has no "Năm" column
    registered_on: str = ""           # registrations: the list's date (dd/mm/yyyy), when no "Ngày đăng ký" column
    remembered: bool = False          # the mapping came from an earlier import of a file with these headings
    already_imported: str = ""        # when this very file (SHA-256) was imported before: that time
    register_state: tuple = ()        # the register as it was when the rows were judged (see _register_state)
    _sheet: Sheet | None = field(default=None, repr=False)

    def count(self, verdict: str) -> int:
        return sum(1 for r in self.rows if r.verdict == verdict)

    def column_samples(self, index: int, count: int = 3) -> list[str]:
        """The first values of a column as they would be stored (its encoding applied), for the mapping step."""
        body = getattr(self, "_body", [])
        encoding = self.encodings[index] if index < len(self.encodings) else UNICODE
        key = self.mapping[index] if index < len(self.mapping) else ""
        out = []
        for _number, cells in body[:60]:
            value = cells[index] if index < len(cells) else None
            if value in (None, ""):
                continue
            if isinstance(value, str):
                shown = to_unicode(value, UNICODE if any(ord(ch) > 0xFF for ch in value) else encoding)
                out.append(_capitalised(shown) if encoding != UNICODE and key in _NAMES else shown)
            else:
                out.append(as_text(value))
            if len(out) >= count:
                break
        return out

    @property
    def counts(self) -> dict[str, int]:
        return {v: self.count(v) for v in VERDICT_LABELS}

    @property
    def importable(self) -> int:
        return self.count(NEW) + self.count(UPDATE)

    @property
    def errors(self) -> list[RowResult]:
        return [r for r in self.rows if r.verdict == ERROR]

    def summary(self) -> str:
        c = self.counts
        return message_text("xlsx.summary", total=len(self.rows), new=c[NEW], update=c[UPDATE], same=c[SAME],
                            duplicate=c[DUPLICATE], error=c[ERROR], skipped=c[SKIPPED])


@dataclass
class ImportResult:
    batch_id: int | None
    created: int
    updated: int
    unchanged: int
    not_imported: int
    plan: ImportPlan


# ----- reading ---------------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            h.update(block)
    return h.hexdigest()


def sheet_names(path: str | os.PathLike) -> list[str]:
    return open_workbook(path).sheet_names


def read_import(session: Session, path: str | os.PathLike, *, sheet: str | None = None, kind: str | None = None,
                mapping: list[str] | None = None, encodings: list[str] | None = None,
                default_category: str | None = None, campaign_id: int | None = None, year: int | None = None,
                registered_on: str = "", progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Read a sheet and plan its import (nothing is written). Without `kind`/`mapping`/`encodings` they are
    guessed (a mapping confirmed earlier for a file with the same headings is used again)."""
    path = Path(path)
    data = read_sheet(path, sheet, progress=progress, cancelled=cancelled)
    plan = ImportPlan(path=str(path), file_name=path.name, sha256=_sha256(path), sheet_names=data.sheet_names,
                      sheet=data.name, kind=kind or cols.INDIVIDUALS, header_row=None, headings=[], mapping=[],
                      encodings=[], detected=[], hidden_columns=sorted(data.hidden_columns), rows=[],
                      _sheet=data)
    shape = cols.find_header(data.rows)
    if shape is None:
        raise UserError("xlsx.no_header", file=path.name, sheet=data.name)
    plan.header_row = data.rows[shape.header_index][0]
    plan.headings = shape.headings
    plan.kind = kind or cols.guess_kind(shape.headings)
    width = max([len(shape.headings)] + [len(cells) for _n, cells in data.rows[shape.data_start:]])
    plan.headings += [""] * (width - len(plan.headings))
    if mapping is None:
        remembered = remembered_mapping(session, plan.headings, plan.kind)
        plan.remembered = remembered is not None
        mapping = remembered or cols.guess_mapping(plan.headings, plan.kind)
    plan.mapping = (list(mapping) + [cols.IGNORE] * width)[:width]
    body = data.rows[shape.data_start:]
    plan.detected = [detect_encoding(cells[i] for _n, cells in body if i < len(cells)) for i in range(width)]
    plan.encodings = list(encodings) if encodings and len(encodings) == width else list(plan.detected)
    plan.default_category = default_category or ""
    plan.campaign_id = campaign_id
    plan.year = year
    plan.registered_on = registered_on or ""
    plan._body = body  # type: ignore[attr-defined]
    return plan_rows(session, plan, progress=progress, cancelled=cancelled)


def replan(session: Session, plan: ImportPlan, **changes) -> ImportPlan:
    """The same sheet planned again with another kind, mapping, encodings, default category or campaign (the
    officer's corrections in the mapping dialog), without reading the file again."""
    if plan._sheet is None:
        raise UserError("xlsx.plan_stale")
    if "kind" in changes and changes["kind"] != plan.kind and "mapping" not in changes:
        changes["mapping"] = cols.guess_mapping(plan.headings, changes["kind"])
    new = replace(plan, rows=[], **changes)
    new._body = plan._body  # type: ignore[attr-defined]
    return plan_rows(session, new)


def remembered_mapping(session: Session, headings: list[str], kind: str) -> list[str] | None:
    session.activate()
    row = Setting.get_or_none(Setting.key == MAPPING_SETTING + cols.headings_signature(headings, kind))
    if row is None:
        return None
    try:
        value = json.loads(row.value)
    except ValueError:
        return None
    known = {f.key for f in cols.fields_for(kind)} | {cols.IGNORE}
    return [k if k in known else cols.IGNORE for k in value] if isinstance(value, list) else None


# ----- planning --------------------------------------------------------------------------------------------

_MULTILINE = frozenset({"note", "description", "results"})
_NAMES = frozenset({"name", "head_name"})


def _capitalised(name: str) -> str:
    """TCVN3 fonts have no capital toned letters (".VnTimeH" draws small ones big): '¸nh' reads 'ánh'. In a name
    whose other words start with a capital, a word starting with a small letter gets its capital back."""
    words = name.split()
    if len(words) > 1 and sum(1 for w in words if w[:1].isupper()) >= len(words) - 1:
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return name


class _Row:
    """One data row read through the mapping: text converted from its column's encoding, Excel errors noted."""

    def __init__(self, plan: ImportPlan, number: int, cells: list):
        self.plan, self.number, self.cells = plan, number, cells
        self.columns: dict[str, int] = {}
        self.raw: dict[str, object] = {}
        self.notes: list[str] = []
        self.problems: list[str] = []
        for index, key in enumerate(plan.mapping):
            if not key or key == cols.ROW_NUMBER:
                continue
            value = cells[index] if index < len(cells) else None
            if isinstance(value, str):
                if is_excel_error(value):
                    self.notes.append(message_text("xlsx.note.excel_error", cell=self.address(index),
                                                   value=value.strip()))
                    value = None
                else:
                    encoding = plan.encodings[index] if index < len(plan.encodings) else UNICODE
                    # One cell typed later with Unikey in a TCVN3 column is Unicode already: letters beyond
                    # Latin-1 (ạ, ă, ơ…) exist in no legacy font's text.
                    if encoding != UNICODE and any(ord(ch) > 0xFF for ch in value):
                        encoding = UNICODE
                    value = to_unicode(value, encoding)
                    if encoding != UNICODE and key in _NAMES:
                        value = _capitalised(value)
                    value = value.strip() or None
            self.columns[key] = index
            self.raw[key] = value
        # Each cell's text once (a row's checks ask for the same cells many times).
        self.texts = {key: (nfc_multiline(value) if key in _MULTILINE and isinstance(value, str) else as_text(value))
                      for key, value in self.raw.items()}

    def address(self, index: int) -> str:
        return f"{cols.column_letter(index)}{self.number}"

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def has(self, key: str) -> bool:
        return self.texts.get(key, "") != ""

    def problem(self, key: str, code: str, **params) -> None:
        label = cols.FIELD_BY_KEY[key].label if key in cols.FIELD_BY_KEY else key
        where = (message_text("xlsx.where", row=self.number, column=cols.column_letter(self.columns[key]))
                 if key in self.columns else message_text("xlsx.where_row", row=self.number))
        self.problems.append(f"{where}: " + message_text(code, field=label.lower(), label=label, **params))


def _check_cancel(i: int, total: int, progress, cancelled) -> None:
    if i % 500 == 0:
        if cancelled is not None and cancelled():
            raise UserCancelled()
        if progress is not None:
            progress(i, total, "")


def plan_rows(session: Session, plan: ImportPlan, *, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    session.activate()
    commune = session.home_commune()
    if commune is None:
        raise UserError("commune.not_configured")
    bad = [k for k in plan.encodings if k not in ENCODINGS]
    if bad:
        raise UserError("xlsx.bad_encoding", value=bad[0])
    keys = [k for k in plan.mapping if k]
    if "name" not in keys:
        raise UserError("xlsx.name_not_mapped")
    previous = (ImportBatch.select().where((ImportBatch.file_sha256 == plan.sha256)
                                           & ImportBatch.undone_at.is_null()
                                           & (ImportBatch.commune == commune))
                .order_by(ImportBatch.id.desc()).first())
    plan.already_imported = previous.created_at if previous else ""
    planner = {cols.INDIVIDUALS: _ParticipantPlanner, cols.COLLECTIVES: _ParticipantPlanner,
               cols.ACHIEVEMENTS: _AchievementPlanner, cols.AWARDS: _AwardPlanner,
               cols.REGISTRATIONS: _RegistrationPlanner}[plan.kind](session, plan, commune)
    body = plan._body  # type: ignore[attr-defined]
    plan.register_state = _register_state(commune)
    plan.rows = []
    for i, (number, cells) in enumerate(body):
        _check_cancel(i, len(body), progress, cancelled)
        row = _Row(plan, number, cells)
        result = _skip_reason(row)
        if result is None:
            result = planner.judge(row)
        result.cells = cells
        result.notes = row.notes + result.notes
        plan.rows.append(result)
    return plan


def _skip_reason(row: _Row) -> RowResult | None:
    name = row.text("name")
    others = [k for k in row.raw if k != "name" and row.has(k)]
    if not name and not others:
        note = row.notes[0] if row.notes else message_text("xlsx.note.blank_row")
        return RowResult(row.number, SKIPPED, notes=[note] if not row.notes else [])
    if name and is_subtotal(name):
        return RowResult(row.number, SKIPPED, name=name, notes=[message_text("xlsx.note.subtotal")])
    if not name:
        first = next((as_text(c) for c in row.cells if as_text(c)), "")
        if first and (is_subtotal(first) or is_group_heading(first)) and len(others) <= 1:
            return RowResult(row.number, SKIPPED, name=first, notes=[message_text("xlsx.note.subtotal")])
        if "name" in row.columns and any(is_excel_error(row.cells[row.columns["name"]])
                                         for _ in [0] if row.columns["name"] < len(row.cells)):
            return RowResult(row.number, SKIPPED, notes=[])
    number = row.cells[row.plan.mapping.index(cols.ROW_NUMBER)] if cols.ROW_NUMBER in row.plan.mapping and \
        row.plan.mapping.index(cols.ROW_NUMBER) < len(row.cells) else None
    if name and not others and re.fullmatch(r"([IVXivx]+|[A-Ea-e])[.)]?", as_text(number)):
        return RowResult(row.number, SKIPPED, name=name, notes=[message_text("xlsx.note.group_heading")])
    if name and not others and is_group_heading(name):
        return RowResult(row.number, SKIPPED, name=name, notes=[message_text("xlsx.note.group_heading")])
    return None


def _validation_problems(row: _Row, error: ValidationError, field_of: dict[str, str] | None = None) -> None:
    for form_field, code in error.fields.items():
        key = (field_of or {}).get(form_field, form_field)
        params = error.field_params.get(form_field, {})
        text = message_text(code, **params)
        label = cols.FIELD_BY_KEY[key].label if key in cols.FIELD_BY_KEY else form_field
        where = (message_text("xlsx.where", row=row.number, column=cols.column_letter(row.columns[key]))
                 if key in row.columns else message_text("xlsx.where_row", row=row.number))
        shown = f" «{row.text(key)}»" if key in row.columns and row.has(key) else ""
        row.problems.append(f"{where}: {label.lower()}{shown} — {text}")


def _stored_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return format_vn_date(value)
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value)


class _PersonIndex:
    """Participants of the commune, by the keys an import matches them on."""

    def __init__(self, commune):
        self.by_cccd: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.rows: dict[int, tuple] = {}   # id → (kind, name, birth, folded workplace)
        fields = (Participant.id, Participant.kind, Participant.name, Participant.birth_date, Participant.workplace,
                  Participant.cccd)
        for pid, kind, name, birth, workplace, cccd in (Participant.select(*fields)
                                                         .where(Participant.commune == commune).tuples()):
            self.rows[pid] = (kind, name, str(birth) if birth else "", fold(workplace), cccd or "")
            if cccd:
                self.by_cccd[cccd] = pid
            self.by_name.setdefault(fold(name), []).append(pid)

    def find(self, kind: str | None, name: str, birth, workplace: str, cccd: str) -> list[int]:
        """Candidates in the order of trust: CCCD, else name + date of birth, else name + unit (among those with
        no date of birth on record when the file gives one); a history (kind None) may name the person alone."""
        if cccd and cccd in self.by_cccd:
            pid = self.by_cccd[cccd]
            return [pid] if kind is None or self.rows[pid][0] == kind else []
        same_name = [p for p in self.by_name.get(fold(name), []) if (kind is None or self.rows[p][0] == kind)
                     and not (cccd and self.rows[p][4])]   # a CCCD on both sides that differs: another person
        if birth:
            found = [p for p in same_name if self.rows[p][2] == str(birth)]
            if found:
                return found
            same_name = [p for p in same_name if not self.rows[p][2]]
        unit = fold(workplace)
        if unit or kind is not None:
            found = [p for p in same_name if self.rows[p][3] == unit]
            if found or kind is not None:
                return found
        return same_name


class _ParticipantPlanner:
    def __init__(self, session: Session, plan: ImportPlan, commune):
        self.session, self.plan, self.commune = session, plan, commune
        self.index = _PersonIndex(commune)
        self.seen: dict[tuple, int] = {}
        self.default_kind = COLLECTIVE if plan.kind == cols.COLLECTIVES else INDIVIDUAL
        self.today = session.clock.today()

    def judge(self, row: _Row) -> RowResult:
        result = RowResult(row.number, NEW, name=row.text("name"))
        kind = self.default_kind
        if row.has("kind"):
            try:
                kind = match_term(row.raw["kind"], PARTICIPANT_KINDS)
            except CellProblem as p:
                row.problem("kind", p.code, **p.params)
        values: dict = {"kind": kind, "name": row.text("name")}
        provided = {"name"}
        if row.has("category"):
            try:
                values["category"] = match_term(row.raw["category"], CATEGORIES_BY_KIND[kind])
                provided.add("category")
            except CellProblem as p:
                row.problem("category", p.code, **p.params)
        for key in ("ethnicity", "position", "workplace", "address", "head_name", "note"):
            if row.has(key):
                values[key] = row.text(key)
                provided.add(key)
        if row.has("cccd"):
            values["cccd"] = parse_digits(row.raw["cccd"], 12)
            provided.add("cccd")
        if row.has("phone"):
            phone = parse_digits(row.raw["phone"], 10)
            if phone and phone[0] != "0" and not phone.startswith("+") and len(phone) in (9, 10):
                phone = "0" + phone
            values["phone"] = phone
            provided.add("phone")
        for key in ("member_count", "female_count"):
            if row.has(key):
                try:
                    values[key] = parse_integer(row.raw[key])
                    provided.add(key)
                except CellProblem as p:
                    row.problem(key, p.code, **p.params)
        if row.has("gender"):
            try:
                values["gender"] = parse_gender(row.raw["gender"])
                provided.add("gender")
            except CellProblem as p:
                row.problem("gender", p.code, **p.params)
        elif row.has("gender_male") or row.has("gender_female"):
            male, female = is_mark(row.raw.get("gender_male")), is_mark(row.raw.get("gender_female"))
            if male != female:
                values["gender"] = "nam" if male else "nu"
                provided.add("gender")
        birth = None
        birth_key = "birth_date"
        for key, gender in (("birth_male", "nam"), ("birth_female", "nu")):
            if row.has(key) and not row.has("birth_date"):
                birth_key = key
                values["gender"] = gender
                provided.add("gender")
        if row.has(birth_key):
            try:
                birth, year_only = parse_date(row.raw[birth_key], self.today)
            except CellProblem as p:
                row.problem(birth_key, p.code, **p.params)
            else:
                values["birth_date"] = format_vn_date(birth)
                provided.add("birth_date")
                if year_only:
                    row.notes.append(message_text("xlsx.note.year_only", cell=row.address(row.columns[birth_key]),
                                                  year=birth.year))
        if kind == COLLECTIVE:
            for key in ("gender", "birth_date", "ethnicity", "position", "workplace", "cccd"):
                if key in provided:
                    provided.discard(key)
                    values.pop(key, None)
        else:
            for key in ("head_name", "member_count", "female_count"):
                provided.discard(key)
                values.pop(key, None)
        if row.problems:
            return self._error(result, row)
        matches = self.index.find(kind, values["name"], birth, values.get("workplace", ""), values.get("cccd", ""))
        matches = [m for m in matches if self.index.rows[m][0] == kind]
        if len(matches) > 1:
            row.problem("name", "xlsx.value.ambiguous", count=len(matches))
            return self._error(result, row)
        identities = self._identities(kind, values, birth) + ([("id", matches[0])] if matches else [])
        cccd = values.get("cccd", "")
        # Two rows with different CCCDs are two people, even with the same name and date of birth.
        earlier = next((self.seen[k][0] for k in identities if k in self.seen
                        and (not cccd or not self.seen[k][1] or self.seen[k][1] == cccd)), None)
        if earlier is not None:
            result.verdict = DUPLICATE
            result.duplicate_of = earlier
            result.notes.append(message_text("xlsx.note.duplicate", row=earlier))
            return result
        for k in identities:
            self.seen.setdefault(k, (row.number, cccd))
        existing = Participant.get_by_id(matches[0]) if matches else None
        if existing is None:
            values.setdefault("category", self.plan.default_category
                              if self.plan.default_category in CATEGORIES_BY_KIND[kind].codes
                              else DEFAULT_CATEGORY[kind])
            form = values
        else:
            form = participant_register.participant_form_values(existing)
            form.update({k: values[k] for k in provided | {"kind"}})
            form.setdefault("category", existing.category)
        try:
            clean = participant_register.validate_participant(self.session, form)
        except ValidationError as error:
            _validation_problems(row, error)
            return self._error(result, row)
        result.values = form
        result.clean = clean
        if existing is not None:
            result.target_id = existing.id
            for key in sorted(provided, key=list(cols.FIELD_BY_KEY).index):
                old, new = getattr(existing, key), clean.get(key)
                if (old or None) != (new or None):
                    result.changes.append((cols.FIELD_BY_KEY[key].label, _stored_text(old), _stored_text(new)))
            result.verdict = UPDATE if result.changes else SAME
        return result

    @staticmethod
    def _identities(kind: str, values: dict, birth) -> list[tuple]:
        """The keys one person or collective is known by within the file (two rows sharing any: duplicates)."""
        keys = [("cccd", values["cccd"])] if values.get("cccd") else []
        if birth is not None:
            keys.append((kind, fold(values["name"]), str(birth)))
        else:
            keys.append((kind, fold(values["name"]), fold(values.get("workplace", ""))))
        return keys

    @staticmethod
    def _error(result: RowResult, row: _Row) -> RowResult:
        result.verdict = ERROR
        result.problems = list(row.problems)
        return result


class _HistoryPlanner:
    """Shared by achievements and awards: whose row it is."""

    def __init__(self, session: Session, plan: ImportPlan, commune):
        self.session, self.plan, self.commune = session, plan, commune
        self.index = _PersonIndex(commune)
        self.seen: dict[tuple, int] = {}
        self.today = session.clock.today()

    def person(self, row: _Row) -> int | None:
        birth = None
        if row.has("birth_date"):
            try:
                birth, _ = parse_date(row.raw["birth_date"], self.today)
            except CellProblem as p:
                row.problem("birth_date", p.code, **p.params)
                return None
        cccd = parse_digits(row.raw["cccd"], 12) if row.has("cccd") else ""
        found = self.index.find(None, row.text("name"), birth, row.text("workplace"), cccd)
        if not found:
            row.problem("name", "xlsx.value.person_unknown", name=row.text("name"))
            return None
        if len(found) > 1:
            row.problem("name", "xlsx.value.ambiguous", count=len(found))
            return None
        return found[0]


_FORM_ALIASES = {"giay khen": "giay_khen", "bang khen": "bang_khen_tinh", "bang khen cua chu tich ubnd tinh":
                 "bang_khen_tinh", "bang khen chu tich ubnd tinh": "bang_khen_tinh", "bang khen ubnd tinh":
                 "bang_khen_tinh", "bang khen thu tuong": "bang_khen_ttcp", "bang khen cua thu tuong chinh phu":
                 "bang_khen_ttcp", "giay khen cua chu tich ubnd xa": "giay_khen", "giay khen chu tich ubnd xa":
                 "giay_khen", "huan chuong lao dong hang ba": "huan_chuong_ld3"}


def _read_year(row: _Row, values: dict) -> None:
    """The row's "Năm" cell (a number, or a date Excel made of it) into values["year"], or the cell's problem."""
    year_value = row.raw["year"]
    if hasattr(year_value, "year"):
        year_value = year_value.year
    try:
        values["year"] = parse_integer(year_value)
    except CellProblem as p:
        row.problem("year", p.code, **p.params)


def _match_code(value, categories: dict, problem: str) -> tuple[str, str]:
    """(category, code) of a term of `categories` given by its code, name or short name, any accents or case;
    the usual spellings of the award forms too. CellProblem(problem) when none fits."""
    text = as_text(value)
    folded = fold(text)
    for category, terms in categories.items():
        for term in terms:
            if folded and folded in (fold(term.code), fold(term.name), fold(term.short)):
                return category, term.code
    if folded in _FORM_ALIASES:
        return "hinh_thuc", _FORM_ALIASES[folded]
    raise CellProblem(problem, text=text)


def match_award(value) -> tuple[str, str]:
    """(category, code) of a title, award form, rating or initiative given by code, name or short name."""
    return _match_code(value, AWARD_CODES_BY_CATEGORY, "xlsx.value.unknown_award")


class _AwardPlanner(_HistoryPlanner):
    def __init__(self, session, plan, commune):
        super().__init__(session, plan, commune)
        self.existing: dict[tuple, Award] = {}
        for a in Award.select().where((Award.commune == commune) & Award.archived_at.is_null()):
            self.existing[(a.participant_id, a.category, a.code, a.year)] = a

    def judge(self, row: _Row) -> RowResult:
        result = RowResult(row.number, NEW, name=row.text("name"))
        pid = self.person(row)
        values: dict = {}
        if row.has("code"):
            try:
                values["category"], values["code"] = match_award(row.raw["code"])
            except CellProblem as p:
                row.problem("code", p.code, **p.params)
        else:
            row.problem("code", "xlsx.value.required")
        if row.has("category_award"):
            try:
                category = match_term(row.raw["category_award"], AWARD_CATEGORIES)
                if values.get("category") and category != values["category"]:
                    row.problem("category_award", "award.code_category_mismatch")
            except CellProblem as p:
                row.problem("category_award", p.code, **p.params)
        decided = None
        if row.has("decision_date"):
            try:
                decided, _ = parse_date(row.raw["decision_date"], self.today)
                values["decision_date"] = format_vn_date(decided)
            except CellProblem as p:
                row.problem("decision_date", p.code, **p.params)
        if row.has("year"):
            _read_year(row, values)
        elif decided is not None:
            values["year"] = str(decided.year)
        values["decision_number"] = row.text("decision_number")
        values["issuer"] = row.text("issuer")
        values["note"] = row.text("note")
        values["award_type"] = "cong_trang"
        if row.has("award_type"):
            try:
                values["award_type"] = match_term(row.raw["award_type"], COMMENDATION_TYPES)
            except CellProblem as p:
                row.problem("award_type", p.code, **p.params)
        if row.problems or pid is None:
            result.verdict, result.problems = ERROR, list(row.problems)
            return result
        result.participant_id = pid
        try:
            clean = award_register.validate_award(self.session, values)
        except ValidationError as error:
            _validation_problems(row, error, {"category": "category_award"})
            result.verdict, result.problems = ERROR, list(row.problems)
            return result
        result.values = values
        key = (pid, clean["category"], clean["code"], clean["year"])
        if key in self.seen:
            result.verdict, result.duplicate_of = DUPLICATE, self.seen[key]
            result.notes.append(message_text("xlsx.note.duplicate", row=self.seen[key]))
            return result
        self.seen[key] = row.number
        existing = self.existing.get(key)
        if existing is not None:
            result.target_id = existing.id
            for name in ("decision_number", "decision_date", "issuer", "award_type", "note"):
                if name in row.columns or name == "award_type" and "award_type" in row.columns:
                    old, new = getattr(existing, name), clean.get(name)
                    if (old or None) != (new or None):
                        result.changes.append((cols.FIELD_BY_KEY[name].label, _stored_text(old), _stored_text(new)))
            result.verdict = UPDATE if result.changes else SAME
        return result


class _AchievementPlanner(_HistoryPlanner):
    def __init__(self, session, plan, commune):
        super().__init__(session, plan, commune)
        self.campaigns = list_campaigns(session)
        self.existing: dict[tuple, Achievement] = {}
        for a in Achievement.select().where((Achievement.commune == commune) & Achievement.archived_at.is_null()):
            self.existing[(a.participant_id, a.campaign_id, fold(a.title))] = a

    def campaign(self, row: _Row) -> Campaign | None:
        if row.has("campaign"):
            folded = fold(row.text("campaign"))
            for c in self.campaigns:
                if folded in (fold(c.code), fold(c.number)) or folded and folded in fold(c.title):
                    return c
            row.problem("campaign", "xlsx.value.campaign_unknown", text=row.text("campaign"))
            return None
        chosen = next((c for c in self.campaigns if c.id == self.plan.campaign_id), None)
        if chosen is None and len(self.campaigns) == 1:
            chosen = self.campaigns[0]
        if chosen is None:
            row.problem("campaign", "xlsx.value.campaign_needed")
        return chosen

    @staticmethod
    def _codes(row: _Row, key: str, options: list[dict]) -> list[str]:
        if not row.has(key):
            return []
        found = []
        for part in re.split(r"[,;\n]+", row.text(key)):
            folded = fold(part).strip().rstrip(".")
            if not folded:
                continue
            match = next((o["code"] for o in options if folded in (fold(o["code"]), fold(o["text"]))
                          or folded == fold(o["text"])[:len(folded)] and len(folded) > 8), None)
            if match is None:
                row.problem(key, "xlsx.value.unknown_choice", text=part.strip(),
                            choices=", ".join(o["code"] for o in options))
            else:
                found.append(match)
        return found

    def judge(self, row: _Row) -> RowResult:
        result = RowResult(row.number, NEW, name=row.text("name"))
        pid = self.person(row)
        campaign = self.campaign(row)
        values: dict = {"title": row.text("title"), "description": row.text("description"),
                        "results": row.text("results"), "campaign_id": campaign.id if campaign else None}
        for key in ("date_from", "date_to"):
            if row.has(key):
                try:
                    values[key] = format_vn_date(parse_date(row.raw[key], self.today)[0])
                except CellProblem as p:
                    row.problem(key, p.code, **p.params)
        if campaign is not None:
            values["content_codes"] = self._codes(row, "content_codes", campaign.data.get("contents", []))
            values["field_codes"] = self._codes(row, "field_codes", campaign.data.get("priority_fields", []))
        if row.problems or pid is None or campaign is None:
            result.verdict, result.problems = ERROR, list(row.problems)
            return result
        result.participant_id = pid
        try:
            clean = achievement_register.validate_achievement(values, campaign)
        except ValidationError as error:
            _validation_problems(row, error, {"campaign_id": "campaign"})
            result.verdict, result.problems = ERROR, list(row.problems)
            return result
        result.values = values
        key = (pid, campaign.id, fold(clean["title"]))
        if key in self.seen:
            result.verdict, result.duplicate_of = DUPLICATE, self.seen[key]
            result.notes.append(message_text("xlsx.note.duplicate", row=self.seen[key]))
            return result
        self.seen[key] = row.number
        existing = self.existing.get(key)
        if existing is not None:
            result.target_id = existing.id
            for name in ("description", "results", "date_from", "date_to", "content_codes", "field_codes"):
                if name in row.columns:
                    old, new = getattr(existing, name), clean.get(name)
                    if (old or None) != (new or None):
                        result.changes.append((cols.FIELD_BY_KEY[name].label, _stored_text(old), _stored_text(new)))
            result.verdict = UPDATE if result.changes else SAME
        return result


def match_aim(value) -> tuple[str, str]:
    """(category, code) of what a participant registers for — a title or an award form — by code, name or short
    name ("LĐTT", "Lao động tiên tiến", "Giấy khen")."""
    return _match_code(value, REGISTRATION_AIMS, "xlsx.value.unknown_aim")


class _RegistrationPlanner(_AchievementPlanner):
    """Đăng ký thi đua: whose registration (a person or a collective of the register), for what, which year, on
    which date, and — for a member registering on its collective's list — which collective."""

    def __init__(self, session, plan, commune):
        _HistoryPlanner.__init__(self, session, plan, commune)
        self.campaigns = list_campaigns(session)
        self.existing: dict[tuple, Registration] = {}
        for r in Registration.select().where((Registration.commune == commune) & Registration.archived_at.is_null()):
            self.existing[(r.participant_id, r.campaign_id, r.year, r.aim_code)] = r
        self.collectives: dict[str, list[int]] = {}
        for pid, name in (Participant.select(Participant.id, Participant.name)
                          .where((Participant.commune == commune) & (Participant.kind == COLLECTIVE)
                                 & Participant.archived_at.is_null()).tuples()):
            self.collectives.setdefault(fold(name), []).append(pid)

    def campaign(self, row: _Row) -> Campaign | None:
        if not row.has("campaign") and self.plan.campaign_id is None and len(self.campaigns) != 1:
            row.problem("campaign", "xlsx.value.campaign_needed_registrations")
            return None
        return super().campaign(row)

    def judge(self, row: _Row) -> RowResult:
        result = RowResult(row.number, NEW, name=row.text("name"))
        pid = self.person(row)
        campaign = self.campaign(row)
        values: dict = {"campaign_id": campaign.id if campaign else None, "participant_id": pid,
                        "note": row.text("note"), "collective_id": None}
        if row.has("aim"):
            try:
                values["aim_category"], values["aim_code"] = match_aim(row.raw["aim"])
            except CellProblem as p:
                row.problem("aim", p.code, **p.params)
        else:
            row.problem("aim", "xlsx.value.required")
        if row.has("year"):
            _read_year(row, values)
        elif self.plan.year:
            values["year"] = str(self.plan.year)
        else:
            row.problem("year", "xlsx.value.year_needed")
        if row.has("registered_on"):
            try:
                values["registered_on"] = format_vn_date(parse_date(row.raw["registered_on"], self.today)[0])
            except CellProblem as p:
                row.problem("registered_on", p.code, **p.params)
        elif self.plan.registered_on:
            values["registered_on"] = self.plan.registered_on
        else:
            row.problem("registered_on", "xlsx.value.registered_on_needed")
        if row.has("collective"):
            found = self.collectives.get(fold(row.text("collective")), [])
            if len(found) != 1:
                row.problem("collective", "xlsx.value.collective_unknown" if not found else "xlsx.value.ambiguous",
                            text=row.text("collective"), count=len(found))
            else:
                values["collective_id"] = found[0]
        if row.problems or pid is None or campaign is None:
            result.verdict, result.problems = ERROR, list(row.problems)
            return result
        result.participant_id = pid
        try:
            clean = registration_register.validate_registration(self.session, values)
        except ValidationError as error:
            _validation_problems(row, error, {"participant_id": "name", "aim_code": "aim", "aim_category": "aim",
                                              "campaign_id": "campaign", "collective_id": "collective"})
            result.verdict, result.problems = ERROR, list(row.problems)
            return result
        result.values = values
        key = (pid, campaign.id, clean["year"], clean["aim_code"])
        if key in self.seen:
            result.verdict, result.duplicate_of = DUPLICATE, self.seen[key]
            result.notes.append(message_text("xlsx.note.duplicate", row=self.seen[key]))
            return result
        self.seen[key] = row.number
        existing = self.existing.get(key)
        if existing is not None:
            result.target_id = existing.id
            for name, old, new in (("registered_on", existing.registered_on, clean["registered_on"]),
                                   ("note", existing.note, clean["note"]),
                                   ("collective", existing.collective_id, clean["collective_id"])):
                if name in row.columns and (old or None) != (new or None):
                    shown_old = Participant.get_by_id(old).name if name == "collective" and old else old
                    shown_new = Participant.get_by_id(new).name if name == "collective" and new else new
                    result.changes.append((cols.FIELD_BY_KEY[name].label, _stored_text(shown_old),
                                           _stored_text(shown_new)))
            result.verdict = UPDATE if result.changes else SAME
        return result


# ----- importing -------------------------------------------------------------------------------------------

_TOPICS = {cols.INDIVIDUALS: (Topic.PARTICIPANTS,), cols.COLLECTIVES: (Topic.PARTICIPANTS,),
           cols.ACHIEVEMENTS: (Topic.ACHIEVEMENTS, Topic.PARTICIPANTS), cols.AWARDS: (Topic.AWARDS,),
           cols.REGISTRATIONS: (Topic.REGISTRATIONS,)}


def apply_import(session: Session, plan: ImportPlan, *, remember: bool = True, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import every valid row (new and would-update) in one transaction, or nothing: the rows are planned again
    inside the write lock (the register may have changed since the preview), the batch is logged, and the
    officer's mapping is remembered for files with the same headings. Cancel rolls everything back."""
    with session.write(*_TOPICS[plan.kind], Topic.COMMUNE):
        commune = session.home_commune()
        # Awards carry no modification time: their rows are always judged again (a history is short).
        if plan.kind in (cols.AWARDS, cols.REGISTRATIONS) or plan.register_state != _register_state(commune):
            plan = plan_rows(session, plan)   # something changed since the preview: judge the rows again
        changes: list[dict] = []
        created = updated = 0
        todo = [r for r in plan.rows if r.verdict in (NEW, UPDATE)]
        if plan.kind in (cols.INDIVIDUALS, cols.COLLECTIVES):
            # New people and collectives in one prepared statement; only updates go one by one.
            fresh = [r for r in todo if r.target_id is None]
            if cancelled is not None and cancelled():
                raise UserCancelled()
            ids = participant_register.insert_participants(session, [r.values for r in fresh],
                                                           cleaned=[r.clean for r in fresh], cancelled=cancelled)
            for r, pid in zip(fresh, ids):
                changes.append({"t": "participant", "id": pid, "a": "new", "before": None,
                                "stamp": _stamp(participant_register.participant_form_values(
                                    _Stored(r.clean)))})
            created += len(ids)
            todo = [r for r in todo if r.target_id is not None]
        for i, r in enumerate(todo):
            _check_cancel(i, len(todo), progress, cancelled)
            if plan.kind in (cols.INDIVIDUALS, cols.COLLECTIVES):
                before = None
                if r.target_id is not None:
                    before = participant_register.participant_form_values(Participant.get_by_id(r.target_id))
                p = participant_register.save_participant(session, r.values, r.target_id)
                changes.append({"t": "participant", "id": p.id, "a": "upd" if before else "new", "before": before,
                                "stamp": _stamp(participant_register.participant_form_values(p))})
            elif plan.kind == cols.REGISTRATIONS:
                before = None
                if r.target_id is not None:
                    before = _registration_values(Registration.get_by_id(r.target_id))
                reg = registration_register.save_registration(session, r.values, r.target_id, source="excel")
                changes.append({"t": "registration", "id": reg.id, "a": "upd" if before else "new", "before": before,
                                "stamp": _stamp(_registration_values(reg))})
            elif plan.kind == cols.AWARDS:
                before = None
                if r.target_id is not None:
                    before = award_register.award_form_values(Award.get_by_id(r.target_id))
                a = award_register.save_award(session, r.participant_id, r.values, r.target_id)
                changes.append({"t": "award", "id": a.id, "a": "upd" if before else "new", "before": before,
                                "stamp": _award_stamp(a)})
            else:
                before = None
                if r.target_id is not None:
                    before = achievement_register.achievement_form_values(Achievement.get_by_id(r.target_id))
                a = achievement_register.save_achievement(session, r.participant_id, r.values, r.target_id)
                changes.append({"t": "achievement", "id": a.id, "a": "upd" if before else "new",
                                "before": _jsonable(before),
                                "stamp": _stamp(achievement_register.achievement_form_values(a))})
            if r.target_id is None:
                created += 1
            else:
                updated += 1
        batch = None
        if changes:
            batch = ImportBatch.create(commune=commune, list_kind=plan.kind, file_name=plan.file_name,
                                       file_sha256=plan.sha256, sheet=plan.sheet, counts=plan.counts,
                                       changes=changes, created_at=session.clock.now_iso())
        if remember:
            key = MAPPING_SETTING + cols.headings_signature(plan.headings, plan.kind)
            Setting.insert(key=key, value=json.dumps(plan.mapping)).on_conflict_replace().execute()
        if cancelled is not None and cancelled():
            raise UserCancelled()   # the officer cancelled while the last rows were written: roll all back
    return ImportResult(batch.id if batch else None, created, updated, plan.count(SAME),
                        plan.count(ERROR) + plan.count(DUPLICATE), plan)


def _stamp(values: dict) -> str:
    """What a record holds, as one string: an undo compares it with what the import left (a clock's second is
    too coarse to tell an edit made just after the import)."""
    return hashlib.sha256(json.dumps(_jsonable(values), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _register_state(commune) -> tuple:
    """What the verdicts depend on, cheaply: any record of the register, its achievements or its award history
    added, changed or removed changes one of these (updated_at moves on every save; ids only grow)."""
    state = []
    for model, stamp in ((Participant, Participant.updated_at), (Achievement, Achievement.updated_at),
                         (Award, Award.created_at)):
        row = (model.select(pw_fn.COUNT(model.id), pw_fn.MAX(model.id), pw_fn.MAX(stamp))
               .where(model.commune == commune).tuples().first())
        state.append(tuple(row) if row else ())
    return tuple(state)


class _Stored:
    """Validated participant values read as the stored record (what participant_form_values reads), so a new
    record's stamp is computed without reading it back."""

    def __init__(self, clean: dict):
        kind = clean["kind"]
        allowed = set(participant_register.COMMON_FIELDS) | set(
            participant_register.INDIVIDUAL_FIELDS if kind == INDIVIDUAL else participant_register.COLLECTIVE_FIELDS)
        for key in (set(participant_register.COMMON_FIELDS) | set(participant_register.INDIVIDUAL_FIELDS)
                    | set(participant_register.COLLECTIVE_FIELDS)):
            setattr(self, key, clean.get(key) if key in allowed else participant_register._EMPTY.get(key, ""))


def _registration_values(r: Registration) -> dict:
    """A registration as the form's values (what save_registration takes back on an undo)."""
    return {"campaign_id": r.campaign_id, "year": str(r.year), "participant_id": r.participant_id,
            "aim_category": r.aim_category, "aim_code": r.aim_code, "registered_on": format_vn_date(r.registered_on)
            if not isinstance(r.registered_on, str) else r.registered_on, "note": r.note or "",
            "collective_id": r.collective_id}


def _award_stamp(a: Award) -> str:
    return _stamp(award_register.award_form_values(a))


def _jsonable(values):
    if values is None:
        return None
    return {k: (v if isinstance(v, (str, int, float, bool, list, type(None))) else str(v))
            for k, v in values.items()}


# ----- the log, and undoing a batch --------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchRow:
    id: int
    file_name: str
    sha256: str
    sheet: str
    kind: str
    counts: dict
    created_at: str
    undone_at: str | None


def import_batches(session: Session) -> list[BatchRow]:
    session.activate()
    commune = session.home_commune()
    return [BatchRow(b.id, b.file_name, b.file_sha256, b.sheet, b.list_kind, b.counts, b.created_at, b.undone_at)
            for b in ImportBatch.select().where(ImportBatch.commune == commune).order_by(ImportBatch.id.desc())]


def undo_import(session: Session, batch_id: int) -> int:
    """Undo a whole batch: records it created are removed, records it updated get their earlier values back —
    refused (nothing changed) when any of them was changed since or got something of its own meanwhile
    (an achievement, an award, a checklist, a nomination). Returns the number of records undone."""
    with session.write(Topic.PARTICIPANTS, Topic.ACHIEVEMENTS, Topic.AWARDS, Topic.REGISTRATIONS):
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None or batch.commune_id != session.home_commune().id:
            raise UserError("xlsx.batch_not_found")
        if batch.undone_at:
            raise UserError("xlsx.batch_undone", when=batch.undone_at)
        mine = {(c["t"], c["id"]) for c in batch.changes}
        for change in batch.changes:
            _check_unchanged(change, mine, batch)
        for change in reversed(batch.changes):
            _undo_one(session, change)
        batch.undone_at = session.clock.now_iso()
        batch.save()
    return len(batch.changes)


def _check_unchanged(change: dict, mine: set, batch) -> None:
    table, rid = change["t"], change["id"]
    if table == "participant":
        p = Participant.get_or_none(Participant.id == rid)
        if p is None or _stamp(participant_register.participant_form_values(p)) != change["stamp"]:
            raise UserError("xlsx.undo_changed", file=batch.file_name, name=p.name if p else "")
        if change["a"] == "new":
            owned = [("achievement", a.id) for a in Achievement.select(Achievement.id)
                     .where(Achievement.participant == rid)]
            owned += [("award", a.id) for a in Award.select(Award.id).where(Award.participant == rid)]
            # A registration made since (for them, or for a collective's list they are on) is theirs too.
            owned += [("registration", r.id) for r in Registration.select(Registration.id)
                      .where((Registration.participant == rid) | (Registration.collective == rid))]
            if any(o not in mine for o in owned) or Checklist.select().where(Checklist.participant == rid).exists() \
                    or Nominee.select().where(Nominee.participant == rid).exists() \
                    or EvidenceFile.select().where(EvidenceFile.participant == rid).exists() \
                    or Participant.select().where(Participant.organization == rid).exists():
                raise UserError("xlsx.undo_used", file=batch.file_name, name=p.name)
    elif table == "registration":
        r = Registration.get_or_none(Registration.id == rid)
        if r is None or _stamp(_registration_values(r)) != change["stamp"]:
            raise UserError("xlsx.undo_changed", file=batch.file_name, name=r.participant.name if r else "")
    elif table == "award":
        a = Award.get_or_none(Award.id == rid)
        if a is None or _award_stamp(a) != change["stamp"]:
            raise UserError("xlsx.undo_changed", file=batch.file_name, name=a.name if a else "")
    elif table == "achievement":
        a = Achievement.get_or_none(Achievement.id == rid)
        if a is None or _stamp(achievement_register.achievement_form_values(a)) != change["stamp"]:
            raise UserError("xlsx.undo_changed", file=batch.file_name, name=a.title if a else "")
        if change["a"] == "new" and EvidenceFile.select().where(EvidenceFile.achievement == rid).exists():
            raise UserError("xlsx.undo_used", file=batch.file_name, name=a.title)


def _undo_one(session: Session, change: dict) -> None:
    table, rid, before = change["t"], change["id"], change.get("before")
    db = session.db
    if table == "participant":
        if change["a"] == "new":
            db.execute_sql("DELETE FROM participant_fts WHERE rowid = ?", (rid,))
            Participant.delete().where(Participant.id == rid).execute()
        else:
            participant_register.save_participant(session, before, rid)
    elif table == "registration":
        if change["a"] == "new":
            Registration.delete().where(Registration.id == rid).execute()
        else:
            registration_register.save_registration(session, before, rid, source="excel")
    elif table == "award":
        if change["a"] == "new":
            Award.delete().where(Award.id == rid).execute()
        else:
            a = Award.get_by_id(rid)
            award_register.save_award(session, a.participant_id, before, rid)
    elif table == "achievement":
        a = Achievement.get_by_id(rid)
        if change["a"] == "new":
            db.execute_sql("DELETE FROM achievement_fts WHERE rowid = ?", (rid,))
            Achievement.delete().where(Achievement.id == rid).execute()
            p = Participant.get_or_none(Participant.id == a.participant_id)
            if p is not None:
                participant_register.index_participant(session, p)
        else:
            achievement_register.save_achievement(session, a.participant_id, before, rid)


# ----- the errors, to fix and import again ------------------------------------------------------------------

def write_error_report(session: Session | None, plan: ImportPlan, target: str | os.PathLike) -> Path:
    """The rows that were not imported (errors and duplicates) as an .xlsx: the file's own headings and cells,
    and a "Lý do" column; fixed and saved, it imports like the original."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    target = Path(target)
    wb = Workbook()
    ws = wb.active
    ws.title = "Cần sửa"
    headings = list(plan.headings)
    ws.append(["Dòng trong tệp gốc"] + headings + ["Lý do"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r in plan.rows:
        if r.verdict not in (ERROR, DUPLICATE):
            continue
        cells = list(r.cells) + [None] * (len(headings) - len(r.cells))
        ws.append([r.row] + cells[:len(headings)] + [r.reason])
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 10
    for i, h in enumerate(headings, start=2):
        ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(h) + 4))
    ws.column_dimensions[get_column_letter(len(headings) + 2)].width = 80
    partial = target.with_name(target.name + ".dang-ghi")
    try:
        wb.save(partial)
        os.replace(partial, target)
    except PermissionError:
        partial.unlink(missing_ok=True)
        raise UserError("xlsx.export_locked", file=target.name) from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("xlsx.export_failed", file=target.name, detail=exc.strerror or str(exc)) from None
    return target
