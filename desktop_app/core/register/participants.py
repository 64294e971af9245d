"""Participants of the movement: collectives and individuals — validation, storage, listing and search."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

import peewee as pw

from ..changes import Topic
from ..dates import format_vn_date
from ..errors import UserCancelled, UserError, ValidationError
from ..storage.models import Achievement, Award, Checklist, Draft, Participant, new_uid
from ..storage.session import Session
from ..text import fold, fts_query, name_sort_key, tokens
from ..validation import Validator
from ..vocabulary import CATEGORIES_BY_KIND, COLLECTIVE, GENDERS, INDIVIDUAL, PARTICIPANT_KINDS

log = logging.getLogger(__name__)

INDIVIDUAL_FIELDS = ("gender", "birth_date", "ethnicity", "position", "workplace", "organization_id", "cccd", "phone")
COLLECTIVE_FIELDS = ("address", "head_name", "member_count", "female_count", "phone")
_EMPTY = {"birth_date": None, "organization_id": None, "member_count": None, "female_count": None}
COMMON_FIELDS = ("kind", "category", "name", "note", "under_discipline", "under_inspection", "under_complaint")


def validate_participant(session: Session, values: dict) -> dict:
    """Clean a participant form; raises ValidationError listing every invalid field."""
    v = Validator(values, today=session.clock.today())
    kind = v.choice("kind", PARTICIPANT_KINDS.codes)
    v.choice("category", CATEGORIES_BY_KIND[kind].codes if kind in CATEGORIES_BY_KIND else ())
    v.text("name", required=True)
    v.text("note", max_len=2000, multiline=True)
    for flag in ("under_discipline", "under_inspection", "under_complaint"):
        v.clean[flag] = bool(values.get(flag))
    v.pattern("phone", r"(\+84|0)\d{9,10}", "participant.phone_invalid")
    if kind == INDIVIDUAL:
        v.choice("gender", GENDERS.codes)
        born = v.date("birth_date", allow_future=False)
        if born is not None and "birth_date" not in v.errors:
            t = session.clock.today()
            age = t.year - born.year - ((t.month, t.day) < (born.month, born.day))
            if age < 15:
                v.fail("birth_date", "participant.birth_too_young")
        v.text("ethnicity", max_len=50)
        v.text("position")
        v.text("workplace")
        org = values.get("organization_id")
        if org in (None, "", 0):
            v.clean["organization_id"] = None
        elif str(org).isdigit():
            v.clean["organization_id"] = int(org)
        else:
            v.fail("organization_id", "participant.org_not_collective")
        v.pattern("cccd", r"\d{12}", "participant.cccd_invalid")
    elif kind == COLLECTIVE:
        v.text("address", max_len=300)
        v.text("head_name")
        members = v.integer("member_count", minimum=0, maximum=1_000_000)
        female = v.integer("female_count", minimum=0, maximum=1_000_000)
        if members is not None and female is not None and female > members:
            v.fail("female_count", "participant.female_exceeds_members")
    clean = v.raise_if_failed()
    if clean.get("organization_id"):
        session.activate()
        org = Participant.get_or_none(Participant.id == clean["organization_id"])
        if org is None or org.kind != COLLECTIVE:
            raise ValidationError({"organization_id": "participant.org_not_collective"})
    return clean


def _search_text(p: Participant) -> str:
    """The participant's search document: its own fields and its active achievements, as folded tokens
    between spaces (" nguyen van duc so hoa ... "), so " tok" occurs in it exactly when some word starts
    with tok — the same rule as the FTS prefix query, usable row by row in a sorted scan."""
    parts = [p.name, p.position, p.workplace, p.address, p.head_name, p.cccd, p.phone]
    if p.id is not None:
        for title, description, results in (Achievement.select(Achievement.title, Achievement.description,
                                                                Achievement.results)
                                             .where((Achievement.participant == p.id) & Achievement.archived_at.is_null())
                                             .tuples()):
            parts += [title, description, results]
    return " " + " ".join(tokens(" ".join(x for x in parts if x))) + " "


def index_participant(session: Session, p: Participant) -> None:
    """Recompute the participant's search document (after its fields or its achievements change); call it
    inside the write that changed them."""
    p.search_text = _search_text(p)
    Participant.update(search_text=p.search_text).where(Participant.id == p.id).execute()
    db = session.db
    db.execute_sql(session.sql("DELETE FROM participant_fts WHERE rowid = ?"), (p.id,))
    db.execute_sql(session.sql("INSERT INTO participant_fts(rowid, search_text) VALUES (?, ?)"), (p.id, p.search_text))


def find_duplicates(session: Session, name: str, birth_date: date | None, exclude_id: int | None = None) -> list[Participant]:
    """Same folded name and the same date of birth: probably the same person typed twice."""
    if not name or birth_date is None:
        return []
    session.activate()
    commune = session.home_commune()
    query = (Participant.select()
             .where((Participant.commune == commune) & (Participant.birth_date == birth_date)))
    if exclude_id:
        query = query.where(Participant.id != exclude_id)
    target = fold(name)
    return [p for p in query if fold(p.name) == target]


def save_participant(session: Session, values: dict, participant_id: int | None = None, *,
                     draft_key: str | None = None) -> Participant:
    """Create or update a participant of the commune from form values (strings as typed). All or nothing: the
    record, its search document and the discarded draft (`draft_key`) are one transaction."""
    clean = validate_participant(session, values)
    now = session.clock.now_iso()
    kind = clean["kind"]
    allowed = set(COMMON_FIELDS) | set(INDIVIDUAL_FIELDS if kind == INDIVIDUAL else COLLECTIVE_FIELDS)
    with session.write(Topic.PARTICIPANTS, Topic.DRAFTS):
        commune = _require_commune(session)
        if participant_id is None:
            p = Participant(commune=commune, created_at=now)
        else:
            p = Participant.get_or_none((Participant.id == participant_id) & (Participant.commune == commune))
            if p is None:
                raise UserError("participant.not_found")
        for key in set(COMMON_FIELDS) | set(INDIVIDUAL_FIELDS) | set(COLLECTIVE_FIELDS):
            target = "organization" if key == "organization_id" else key
            # Fields of the other kind are cleared, so a record never keeps (or is found by) stale data.
            value = clean.get(key) if key in allowed else _EMPTY.get(key, "")
            setattr(p, target, value)
        p.sort_key = name_sort_key(p.name)
        p.search_text = p.search_text or " "
        p.updated_at = now
        p.save()
        index_participant(session, p)
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
    return p


def _require_commune(session: Session):
    commune = session.home_commune()
    if commune is None:
        raise UserError("commune.not_configured")
    return commune


def set_archived(session: Session, participant_id: int, archived: bool) -> None:
    now = session.clock.now_iso()
    with session.write(Topic.PARTICIPANTS):
        Participant.update(archived_at=now if archived else None, updated_at=now).where(
            Participant.id == participant_id).execute()


def get_participant(session: Session, participant_id: int | None) -> Participant | None:
    """The stored participant as it is now (screens never keep rows: they ask again)."""
    if participant_id is None:
        return None
    session.activate()
    return Participant.get_or_none(Participant.id == participant_id)


def participant_form_values(p: Participant) -> dict:
    """The stored record as the strings a form shows (inverse of validate_participant)."""
    return {
        "kind": p.kind, "category": p.category, "name": p.name, "note": p.note,
        "gender": p.gender, "birth_date": format_vn_date(p.birth_date), "ethnicity": p.ethnicity,
        "position": p.position, "workplace": p.workplace,
        "organization_id": p.organization_id, "cccd": p.cccd, "phone": p.phone,
        "address": p.address, "head_name": p.head_name,
        "member_count": "" if p.member_count is None else str(p.member_count),
        "female_count": "" if p.female_count is None else str(p.female_count),
        "under_discipline": p.under_discipline, "under_inspection": p.under_inspection,
        "under_complaint": p.under_complaint,
    }


@dataclass(frozen=True)
class ParticipantFilter:
    """What the list shows: kind (None = all), archived or active, a search text, and what an officer narrows a
    list by: the category (thành phần), a unit or thôn (the collective and its members), the gender, an award of
    the history (a year and/or a title or form), and the verdict of a current checklist."""

    commune_id: int
    kind: str | None = None
    archived: bool = False
    search: str = ""
    category: str | None = None
    unit_id: int | None = None
    gender: str | None = None
    award_year: int | None = None
    award_code: str | None = None
    verdict: str | None = None

    @property
    def narrowed(self) -> bool:
        """True when anything beyond kind, archive and search narrows the list."""
        return any(v is not None for v in (self.category, self.unit_id, self.gender, self.award_year,
                                            self.award_code, self.verdict))


SORTABLE = {
    "name": Participant.sort_key,
    "kind": Participant.kind,
    "category": Participant.category,
    "birth_date": Participant.birth_date,
    "position": Participant.position,
    "updated_at": Participant.updated_at,
}


# How a search finds its page, by the number of participants its words match (FTS5 counts them up to a limit,
# which costs little since the index keeps the prefixes of 1 to 5 letters):
# - at most COLLECT_LIMIT: read the matches by id and sort them;
# - at most SELECTIVE_LIMIT: walk the narrow name-order index (participant_order) keeping the matches, until a page;
# - more, but the longest words are a single word matching at most WIDE_LIMIT: the same walk keeping that word's
#   matches (then at least one row in twenty has all the words, so the walk is short, and FTS5 lists one word's
#   matches quickly);
# - more: walk the covering index with the search documents (participant_scan) checking each row's words.
# Measured on 100,000 participants (docs/performance.md, 30/11/2026): each way is the cheapest in its range.
COLLECT_LIMIT = 1500
SELECTIVE_LIMIT = 5000
WIDE_LIMIT = 12000
COUNT_CAP = 1000
SHORT_WORD = 2   # letters: a prefix this short matches nearly everyone ("t", "th", "ng")


@dataclass(frozen=True)
class SearchPlan:
    """How a search reads the register: `index` None reads the FTS matches of `asked` by id and sorts them;
    "participant_order" walks the name order keeping those matches; "participant_scan" walks the search
    documents. Every way checks the `checked` words in each row's search document."""
    index: str | None
    asked: tuple[str, ...]
    checked: tuple[str, ...]


def plan_search(words: list[str], count_up_to, *, in_name_order: bool = True) -> SearchPlan:
    """The plan for a search's words (folded, each a prefix); `count_up_to(words, limit)` counts their FTS matches up
    to limit + 1. The longer words are asked first: a word of one or two letters is in nearly every search document
    ("t", "th"), and merging its list cost more than the rest of the search (`be t`, `nguyen van d`). When the longer
    words alone match too many, the shorter ones are asked too, two-letter ones before one-letter ones (`ha thi n`:
    "thi" is in every other name, "ha thi" narrows it to a few hundred)."""
    words = sorted(set(words), key=lambda w: (-len(w), w))
    tiers = [t for t in ([w for w in words if len(w) > SHORT_WORD], [w for w in words if len(w) == SHORT_WORD],
                         [w for w in words if len(w) < SHORT_WORD]) if t]
    asked = tiers.pop(0)
    found = count_up_to(asked, WIDE_LIMIT if len(asked) == 1 else SELECTIVE_LIMIT)
    alone = asked[0] if len(asked) == 1 and found <= WIDE_LIMIT else None
    while found > SELECTIVE_LIMIT and tiers:
        asked = asked + tiers.pop(0)
        found = count_up_to(asked, SELECTIVE_LIMIT)
    if found > SELECTIVE_LIMIT:
        if alone is None:
            return SearchPlan("participant_scan", (), tuple(words))
        asked = [alone]
    checked = tuple(w for w in words if w not in asked)
    walk = in_name_order and found > COLLECT_LIMIT
    return SearchPlan("participant_order" if walk else None, tuple(asked), checked)


_FTS_IDS = "SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?"   # the ids of an FTS query's matches


def _fts_count_up_to(session: Session, match: str, limit: int) -> int:
    """How many participants the FTS query matches, counted up to limit + 1."""
    return session.db.execute_sql(f"SELECT count(*) FROM ({_FTS_IDS} LIMIT ?)", (match, limit + 1)).fetchone()[0]


def _read_through(session: Session, query, index: str | None):
    """The query reading the participant table through `index` (None: by id only) — SQLite's INDEXED BY / NOT
    INDEXED, so that the plan is the one measured whatever the database's statistics say."""
    if not session.is_sqlite:
        return query
    how = f"INDEXED BY {index}" if index else "NOT INDEXED"
    return query.from_(pw.SQL(f'"participant" AS "t1" {how}'))


def _filtered(session: Session, flt: ParticipantFilter, columns=(), *, in_name_order: bool = False):
    """The filter as a query; `in_name_order`: the caller lists in name order (a search then walks an index in
    that order instead of sorting its matches, when that is cheaper)."""
    session.activate()
    query = Participant.select(*columns).where(Participant.commune == flt.commune_id)
    query = query.where(Participant.archived_at.is_null(not flt.archived))
    if flt.kind:
        query = query.where(Participant.kind == flt.kind)
    if flt.category:
        query = query.where(Participant.category == flt.category)
    if flt.unit_id is not None:
        query = query.where((Participant.organization == flt.unit_id) | (Participant.id == flt.unit_id))
    if flt.gender:
        query = query.where(Participant.gender == flt.gender)
    if flt.award_year is not None or flt.award_code:
        awards = Award.select(Award.id).where((Award.participant == Participant.id) & Award.archived_at.is_null())
        if flt.award_year is not None:
            awards = awards.where(Award.year == flt.award_year)
        if flt.award_code:
            awards = awards.where(Award.code == flt.award_code)
        query = query.where(pw.fn.EXISTS(awards))
    if flt.verdict:
        current = Checklist.select(Checklist.id).where(
            (Checklist.participant == Participant.id) & Checklist.archived_at.is_null()
            & (Checklist.verdict == flt.verdict))
        query = query.where(pw.fn.EXISTS(current))
    words = tokens(flt.search)
    if not words:
        return query
    plan = plan_search(words, lambda asked, limit: _fts_count_up_to(session, fts_query(" ".join(asked)), limit),
                       in_name_order=in_name_order)
    if plan.asked:
        ids = pw.SQL(f"({_FTS_IDS})", (fts_query(" ".join(plan.asked)),))
        query = query.where(Participant.id.in_(ids))
    for word in plan.checked:
        query = query.where(pw.fn.instr(Participant.search_text, " " + word) > 0)
    return _read_through(session, query, plan.index)


def count_participants(session: Session, flt: ParticipantFilter) -> int:
    return _filtered(session, flt).count()


def count_participants_capped(session: Session, flt: ParticipantFilter, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """(count, more): the exact count up to `cap`, and whether there are more (the list says "hơn 1.000")."""
    if not fts_query(flt.search):
        return count_participants(session, flt), False
    inner = _filtered(session, flt, (Participant.id,)).limit(cap + 1)
    found = Participant.select(pw.fn.COUNT(pw.SQL("*"))).from_(inner.alias("page")).scalar()
    return min(found, cap), found > cap


def _ordered(session: Session, flt: ParticipantFilter, order: str, descending: bool, columns=()):
    column = SORTABLE.get(order, Participant.sort_key)
    query = _filtered(session, flt, columns, in_name_order=column is Participant.sort_key)
    return query.order_by(column.desc() if descending else column.asc(),
                          Participant.id.desc() if descending else Participant.id.asc())


def list_participants(session: Session, flt: ParticipantFilter, *, order: str = "name", descending: bool = False,
                      offset: int = 0, limit: int = 200) -> list[Participant]:
    """One page of the list, filtered and sorted in SQL (the window fetches more as it scrolls)."""
    return list(_ordered(session, flt, order, descending).offset(offset).limit(limit))


ROW_COLUMNS = (Participant.id, Participant.name, Participant.kind, Participant.category, Participant.birth_date,
               Participant.position, Participant.address, Participant.phone, Participant.workplace,
               Participant.sort_key)
ROW_ID, ROW_SORT_KEY = 0, 9  # positions in ROW_COLUMNS


def participant_rows_by_id(session: Session, ids: list[int]) -> list[tuple]:
    """Light rows (ROW_COLUMNS) of the given participants, in any order (a list refills what it shows)."""
    if not ids:
        return []
    session.activate()
    return _light_rows(session, Participant.select(*ROW_COLUMNS).where(Participant.id.in_(ids)))


def list_participant_rows(session: Session, flt: ParticipantFilter, *, order: str = "name", descending: bool = False,
                          after: tuple | None = None, offset: int = 0, limit: int = 200) -> list[tuple]:
    """Light rows (ROW_COLUMNS as tuples) for long lists. In name order, `after` = (sort_key, id) of the
    last row already shown continues from there without OFFSET, so the 100,000th row costs no more than
    the first."""
    query = _ordered(session, flt, order, descending, ROW_COLUMNS)
    if after is not None and order == "name":
        key, ident = after
        if descending:
            query = query.where((Participant.sort_key < key) | ((Participant.sort_key == key) & (Participant.id < ident)))
        else:
            query = query.where((Participant.sort_key > key) | ((Participant.sort_key == key) & (Participant.id > ident)))
        offset = 0
    return _light_rows(session, query.offset(offset).limit(limit))


_BIRTH_DATE = next(i for i, column in enumerate(ROW_COLUMNS) if column is Participant.birth_date)  # not ==: SQL


def _light_rows(session: Session, query) -> list[tuple]:
    """The rows of a ROW_COLUMNS query as tuples, straight from the cursor: peewee's conversion of every value
    cost a page of 200 rows more than the search itself. Only the birth date needs one (SQLite keeps it as text;
    PostgreSQL's driver already gives a date)."""
    rows = session.db.execute(query).fetchall()
    return [row[:_BIRTH_DATE] + (_as_date(row[_BIRTH_DATE]),) + row[_BIRTH_DATE + 1:] for row in rows]


def _as_date(value):
    if not isinstance(value, str):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return Participant.birth_date.python_value(value)


def list_collectives(session: Session) -> list[Participant]:
    """The commune's active collectives (a person's unit is chosen among them)."""
    commune = session.home_commune()
    return list(Participant.select().where(
        (Participant.commune == commune) & (Participant.kind == COLLECTIVE) & Participant.archived_at.is_null()
    ).order_by(Participant.sort_key))


def matching_achievements(session: Session, participant_id: int, search: str) -> list[Achievement]:
    """The participant's achievements that match the search (to show why a row was found)."""
    session.activate()
    match = fts_query(search)
    if not match:
        return []
    ids = pw.SQL("(SELECT rowid FROM achievement_fts WHERE achievement_fts MATCH ?)", (match,))
    return list(Achievement.select().where((Achievement.participant == participant_id) & Achievement.id.in_(ids)))


def award_years(session: Session) -> list[int]:
    """The years of the commune's award history, newest first (what the register's year filter offers)."""
    session.activate()
    commune = session.home_commune()
    return [y for (y,) in Award.select(Award.year).distinct().where(
        (Award.commune == commune) & Award.archived_at.is_null()).order_by(Award.year.desc()).tuples()]


def iter_participant_tuples(session: Session, flt: ParticipantFilter, columns, *, block: int = 2000):
    """The filtered list in name order as blocks of tuples of `columns` (an export streams the whole register
    without holding it: keyset paging on (sort_key, id), never OFFSET)."""
    session.activate()
    after = None
    columns = tuple(columns) + (Participant.sort_key, Participant.id)
    while True:
        query = _ordered(session, flt, "name", False, columns)
        if after is not None:
            query = query.where((Participant.sort_key > after[0])
                                | ((Participant.sort_key == after[0]) & (Participant.id > after[1])))
        chunk = list(query.limit(block).tuples())
        if not chunk:
            return
        yield [row[:-2] for row in chunk]
        after = chunk[-1][-2:]
        if len(chunk) < block:
            return


MERGE_AFTER = 1000  # participants inserted at once: the import then merges the search index into one segment


def _merge_into_one_segment(session: Session, table: str) -> None:
    """FTS5's 'optimize': the full-text index `table` rewritten as one segment (inside the caller's write)."""
    session.db.execute_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def insert_participants(session: Session, values_list: list[dict], *, cleaned: list[dict] | None = None,
                        cancelled=None) -> list[int]:
    """Create many participants in one transaction (an import): each validated as a form would be (or given
    already validated as `cleaned`), stored with its sort key and search document exactly as save_participant
    stores one, in one prepared statement per table. Returns the new ids in order."""
    cleaned = cleaned if cleaned is not None else [validate_participant(session, v) for v in values_list]
    now = session.clock.now_iso()
    fields = sorted(set(COMMON_FIELDS) | set(INDIVIDUAL_FIELDS) | set(COLLECTIVE_FIELDS))
    meta = Participant._meta.fields
    names = ["uid", "commune", "created_at", "updated_at", "sort_key", "search_text"] + [
        "organization" if f == "organization_id" else f for f in fields]
    sql = (f"INSERT INTO participant ({', '.join(meta[n].column_name for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    ids: list[int] = []
    with session.write(Topic.PARTICIPANTS):
        commune = _require_commune(session)
        cursor = session.db.cursor()
        fts = []
        for n, clean in enumerate(cleaned):
            if cancelled is not None and n % 500 == 0 and cancelled():
                raise UserCancelled()   # inside the write: nothing of it is kept
            allowed = set(COMMON_FIELDS) | set(INDIVIDUAL_FIELDS if clean["kind"] == INDIVIDUAL else COLLECTIVE_FIELDS)
            values = {f: (clean.get(f) if f in allowed else _EMPTY.get(f, "")) for f in fields}
            search = " " + " ".join(tokens(" ".join(
                str(values[k]) for k in ("name", "position", "workplace", "address", "head_name", "cccd", "phone")
                if values[k]))) + " "
            row = [new_uid(), commune.id, now, now, name_sort_key(values["name"]), search]
            for f in fields:
                v = values[f]
                row.append(v.isoformat() if isinstance(v, date) else int(v) if isinstance(v, bool) else v)
            cursor.execute(sql, row)
            ids.append(cursor.lastrowid)
            fts.append((cursor.lastrowid, search))
        cursor.executemany("INSERT INTO participant_fts(rowid, search_text) VALUES (?, ?)", fts)
        if len(fts) >= MERGE_AFTER and session.is_sqlite:
            # Many rows at once leave the index in several segments, each read on every keystroke (m0016).
            _merge_into_one_segment(session, "participant_fts")
    return ids


# When merge_search_indexes merges an index. Saving one participant at a time adds a small segment each time, which
# FTS5 merges in its own cycle: measured on an index of 100,000 documents after 3,000 single saves, the count went
# up and down between 4 and 21 while one segment kept nearly the whole index. That costs a keystroke little. Several
# large segments (an import, 22 of them in the bench's register) or very many small ones cost it a lot.
LARGE_SHARE = 20    # a segment holding at least 1/LARGE_SHARE of the index's pages is a large one
SCATTERED = 32      # more segments than this: merge even if they are small
SEARCH_INDEXES = ("participant_fts", "achievement_fts")


def index_is_scattered(pages_per_segment: list[int]) -> bool:
    """Whether a full-text index whose segments hold these numbers of pages is worth merging into one."""
    total = sum(pages_per_segment)
    large = sum(1 for n in pages_per_segment if n * LARGE_SHARE >= total)
    return large > 1 or len(pages_per_segment) > SCATTERED


def merge_search_indexes(session: Session) -> list[str]:
    """Merge each full-text index of the register that is scattered (index_is_scattered) into one segment
    (migration 0016 says why: every keystroke of a search reads every segment). The window runs this a few seconds
    after start (3 s for 100,000 participants, milliseconds for a commune's register). Returns the indexes merged;
    nothing on PostgreSQL. Upkeep the officer did not ask for: a failure (a full disk, a busy or damaged file) is
    logged, not shown — the index works as it is, and the next start tries again."""
    if not session.is_sqlite:
        return []
    session.activate()
    merged = []
    for table in SEARCH_INDEXES:
        try:
            # The _idx table has a row per leaf page range of each segment: its rows per segment measure its size.
            pages = [n for (n,) in session.db.execute_sql(f"SELECT count(*) FROM {table}_idx GROUP BY segid")]
            if index_is_scattered(pages):
                with session.write():
                    _merge_into_one_segment(session, table)
                merged.append(table)
        except (pw.DatabaseError, UserError) as exc:  # a write's storage error arrives as the user's message
            log.warning("search index %s not merged: %s", table, exc)
    return merged
