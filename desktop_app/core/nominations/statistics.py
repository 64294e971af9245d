"""The movement's results, counted: per campaign and year range — participants by kind, achievements by the plan's
contents and priority fields, by unit (thôn/đơn vị) and by year, registrations against what was reached, awards by
form and type, the share of women, and the rounds sent with their outcomes. Every figure carries a key that
`figure_records` turns back into the records behind it. The achievements' figures and who takes part are read from
count tables the database keeps up to date itself (triggers, migration 0014: achievement_count, participant_activity),
so the screen answers at once on a register of 100,000 participants and 300,000 achievements (bench/run.py); the
registrations, awards and rounds are counted from their own (smaller) tables; the records behind a figure are read
from the records themselves.

Years: an achievement counts in the year its period ends; a registration in its year; an award in its decision's
year; a round (and its outcomes) in the year range or the year after it — the round held early in 2026 reports on
the work of 2025."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..errors import UserError
from ..storage.models import Campaign
from ..storage.session import Session
from ..vocabulary import (AWARD_FORMS, COMMENDATION_TYPES, OUTCOMES, PARTICIPANT_KINDS,
                          ROUND_STATUSES, award_name)

WOMEN_COLLECTIVE_SHARE = 0.7   # NĐ 152/2025 Điều 4: a collective with at least 70 % women counts as women's


@dataclass(frozen=True)
class Figure:
    key: str          # "content:ND1" — what figure_records opens
    label: str
    value: int
    total: int | None = None   # for shares: value of total


@dataclass(frozen=True)
class Statistics:
    campaign_id: int
    year_from: int
    year_to: int
    participants: tuple[Figure, ...]
    by_content: tuple[Figure, ...]
    by_field: tuple[Figure, ...]
    by_unit: tuple[Figure, ...]
    by_year: tuple[Figure, ...]
    registrations: tuple[tuple[Figure, Figure], ...]   # (registered, reached) per aim
    awards: tuple[Figure, ...]
    women: tuple[Figure, ...]
    rounds: tuple[Figure, ...]
    outcomes: tuple[Figure, ...]
    achievements_total: int = 0
    labels: dict = field(default_factory=dict)


def _rows(session: Session, sql: str, params: tuple) -> list[tuple]:
    session.activate()
    return list(session.db.execute_sql(sql, params).fetchall())


# Achievement year: the year its period ends (or starts); the campaign and the commune bound everything.
_ACH = """FROM achievement AS a JOIN participant AS p ON p.id = a.participant_id
          WHERE a.commune_id = ? AND a.campaign_id = ? AND a.archived_at IS NULL AND p.archived_at IS NULL
            AND CAST(strftime('%Y', COALESCE(a.date_to, a.date_from)) AS INTEGER) BETWEEN ? AND ?"""
_REG = """FROM registration AS r JOIN participant AS p ON p.id = r.participant_id
          WHERE r.commune_id = ? AND r.campaign_id = ? AND r.archived_at IS NULL AND r.year BETWEEN ? AND ?"""
_TAKING_PART = f"""SELECT a.participant_id AS pid {_ACH}
                   UNION SELECT r.participant_id {_REG}"""


def campaign_labels(campaign: Campaign) -> tuple[dict[str, str], dict[str, str]]:
    """(content code → short label, field code → label) from the campaign's data."""
    data = campaign.data or {}
    contents = {c["code"]: f"Nội dung {i}" for i, c in enumerate(data.get("contents", []), start=1)}
    fields = {f["code"]: f["text"] for f in data.get("priority_fields", [])}
    return contents, fields


def _years_in(years: str, year_from: int, year_to: int, cache: dict) -> bool:
    """Whether a participant_activity row's years (comma-separated) meet the range."""
    hit = cache.get(years)
    if hit is None:
        hit = cache[years] = any(year_from <= int(y) <= year_to for y in years.split(","))
    return hit


def movement_statistics(session: Session, campaign_id: int, year_from: int, year_to: int) -> Statistics:
    if session.is_postgres:
        # The receiving level's shared database keeps no commune register of its own: nothing is counted there
        # (migration 0014 gives it the count tables without their triggers).
        raise UserError("statistics.commune_only")
    home = session.home_commune()
    campaign = Campaign.get_by_id(campaign_id)
    cid = home.id if home else -1
    base = (cid, campaign_id, year_from, year_to)
    content_names, field_names = campaign_labels(campaign)

    # Who takes part (a live achievement or a registration in the years), by kind, and the women among them.
    kinds: dict[str, int] = {}
    women_people, women_groups = 0, 0
    seen: dict = {}
    for years, kind, n, women, women_group in _rows(session, """
            SELECT years, kind, COUNT(*), SUM(gender = 'nu'),
                   SUM(member_count > 0 AND female_count * 1.0 / member_count >= ?)
            FROM participant_activity WHERE commune_id = ? AND campaign_id = ? GROUP BY years, kind""",
                                                    (WOMEN_COLLECTIVE_SHARE, cid, campaign_id)):
        if _years_in(years, year_from, year_to, seen):
            kinds[kind] = kinds.get(kind, 0) + n
            women_people += (women or 0) if kind == "individual" else 0
            women_groups += (women_group or 0) if kind == "collective" else 0
    participants = tuple(Figure(f"kind:{k}", PARTICIPANT_KINDS.name(k), kinds.get(k, 0))
                         for k in PARTICIPANT_KINDS.codes)

    codes: dict[tuple[str, str], int] = {}
    for dimension, code, n in _rows(session, """
            SELECT dimension, code, SUM(n) FROM achievement_count WHERE commune_id = ? AND campaign_id = ?
              AND dimension IN ('content', 'field') AND year BETWEEN ? AND ? GROUP BY dimension, code""", base):
        codes[dimension, code] = n
    by_content = tuple(Figure(f"content:{code}", label, codes.get(("content", code), 0))
                       for code, label in content_names.items())
    by_field = tuple(Figure(f"field:{code}", label, codes.get(("field", code), 0)) for code, label in field_names.items())
    by_year_raw: dict[int, int] = {}
    units_raw: dict[int, int] = {}
    for year, unit, n in _rows(session, """
            SELECT year, unit_id, SUM(n) FROM achievement_count WHERE commune_id = ? AND campaign_id = ?
              AND dimension = 'all' AND year BETWEEN ? AND ? GROUP BY year, unit_id""", base):
        by_year_raw[year] = by_year_raw.get(year, 0) + n
        units_raw[unit] = units_raw.get(unit, 0) + n
    by_year = tuple(Figure(f"year:{y}", str(y), by_year_raw.get(y, 0)) for y in range(year_from, year_to + 1))
    names = dict(_rows(session, "SELECT id, name FROM participant WHERE id IN (SELECT value FROM json_each(?)) "
                                "AND commune_id = ? AND kind = 'collective'", (json.dumps(list(units_raw)), cid)))
    # By number, then name; equal ones in the order of their unit (as the figures counted from the records were).
    by_unit = tuple(sorted((Figure(f"unit:{u}", names.get(u, "Không thuộc thôn, đơn vị nào"), n)
                            for u, n in sorted(units_raw.items()) if n),
                           key=lambda f: (-f.value, f.label)))
    achievements_total = sum(by_year_raw.values())

    registered = _rows(session, """SELECT aim_category, aim_code, SUM(n), SUM(reached) FROM registration_count
                                   WHERE commune_id = ? AND campaign_id = ? AND year BETWEEN ? AND ?
                                   GROUP BY 1, 2 HAVING SUM(n) > 0 ORDER BY 1, 2""", base)
    registrations = tuple((Figure(f"reg:{code}", award_name(cat, code), n),
                           Figure(f"reached:{code}", award_name(cat, code), reached))
                          for cat, code, n, reached in registered)

    awards_raw = _rows(session, """SELECT category, code, award_type, SUM(n) FROM award_count
                                   WHERE commune_id = ? AND category IN ('danh_hieu', 'hinh_thuc')
                                     AND year BETWEEN ? AND ?
                                   GROUP BY 1, 2, 3 HAVING SUM(n) > 0 ORDER BY 1 DESC, 4 DESC""",
                       (cid, year_from, year_to))
    awards = tuple(Figure(f"award:{code}:{kind}", f"{award_name(cat, code)} ({COMMENDATION_TYPES.name(kind).lower()})", n)
                   for cat, code, kind, n in awards_raw)

    women = (Figure("women:individual", "Cá nhân là nữ", women_people, kinds.get("individual", 0)),
             Figure("women:collective", "Tập thể có từ 70% nữ", women_groups, kinds.get("collective", 0)))

    rounds_raw = dict(_rows(session, """SELECT status, COUNT(*) FROM nomination_round WHERE commune_id = ? AND
                                        campaign_id = ? AND year BETWEEN ? AND ? + 1 AND status != 'superseded'
                                        GROUP BY status""", base))
    rounds = tuple(Figure(f"round:{s}", ROUND_STATUSES.name(s), rounds_raw.get(s, 0))
                   for s in ROUND_STATUSES.codes if s != "superseded")
    outcome_raw = _rows(session, """SELECT n.award_form, COALESCE(o.outcome, 'pending'), COUNT(*) FROM nominee AS n
                                    JOIN nomination_round AS r ON r.id = n.round_id
                                    LEFT JOIN nominee_outcome AS o ON o.nominee_id = n.id
                                    WHERE r.commune_id = ? AND r.campaign_id = ? AND r.year BETWEEN ? AND ? + 1
                                      AND r.status != 'superseded'
                                    GROUP BY 1, 2 ORDER BY 1 DESC, 2""", base)
    outcomes = tuple(Figure(f"outcome:{form}:{o}", f"{AWARD_FORMS.short_name(form)}: "
                                                    f"{OUTCOMES.name(o) if o in OUTCOMES else 'Chưa có kết quả'}", n)
                     for form, o, n in outcome_raw)
    return Statistics(campaign_id, year_from, year_to, participants, by_content, by_field, by_unit, by_year,
                      registrations, awards, women, rounds, outcomes, achievements_total,
                      {"contents": content_names, "fields": field_names})


@dataclass(frozen=True)
class RecordRow:
    participant_id: int
    name: str
    detail: str


def figure_records(session: Session, campaign_id: int, year_from: int, year_to: int, key: str,
                   limit: int = 5000) -> list[RecordRow]:
    """The records behind one figure (its key), at most `limit`, for the screen to list and open."""
    home = session.home_commune()
    base = (home.id if home else -1, campaign_id, year_from, year_to)
    kind, _, rest = key.partition(":")
    ach = f"SELECT p.id, p.name, a.title || ' (' || COALESCE(strftime('%Y', COALESCE(a.date_to, a.date_from)), '') || ')' {_ACH}"
    if kind == "kind":
        sql, params = f"SELECT p.id, p.name, '' FROM participant AS p WHERE p.kind = ? AND p.id IN ({_TAKING_PART})", \
            (rest,) + base + base
    elif kind in ("content", "field"):
        column = "content_codes" if kind == "content" else "field_codes"
        sql = ach + f" AND EXISTS (SELECT 1 FROM json_each(a.{column}) AS j WHERE j.value = ?)"
        params = base + (rest,)
    elif kind == "year":
        sql, params = ach + " AND CAST(strftime('%Y', COALESCE(a.date_to, a.date_from)) AS INTEGER) = ?", base + (int(rest),)
    elif kind == "unit":
        sql = ach + " AND COALESCE(CASE WHEN p.kind = 'collective' THEN p.id END, p.organization_id, 0) = ?"
        params = base + (int(rest),)
    elif kind in ("reg", "reached"):
        sql = f"SELECT p.id, p.name, 'Năm ' || r.year {_REG} AND r.aim_code = ?"
        if kind == "reached":
            sql += (" AND EXISTS (SELECT 1 FROM award AS w WHERE w.participant_id = r.participant_id AND "
                    "w.code = r.aim_code AND w.year = r.year AND w.archived_at IS NULL)")
        params = base + (rest,)
    elif kind == "award":
        code, _, award_type = rest.partition(":")
        sql = ("SELECT p.id, p.name, w.year || ' — ' || w.decision_number FROM award AS w JOIN participant AS p "
               "ON p.id = w.participant_id WHERE w.commune_id = ? AND w.archived_at IS NULL AND p.archived_at IS NULL "
               "AND w.year BETWEEN ? AND ? AND w.code = ? AND w.award_type = ?")
        params = (base[0], year_from, year_to, code, award_type)
    elif kind == "women":
        cond = ("p.gender = 'nu'" if rest == "individual" else
                "p.member_count > 0 AND p.female_count * 1.0 / p.member_count >= ?")
        sql = (f"SELECT p.id, p.name, '' FROM participant AS p WHERE p.kind = ? AND {cond} "
               f"AND p.id IN ({_TAKING_PART})")
        params = (rest,) + (() if rest == "individual" else (WOMEN_COLLECTIVE_SHARE,)) + base + base
    elif kind == "round":
        sql = ("SELECT n.participant_id, p.name, 'Đợt số ' || r.number FROM nominee AS n JOIN nomination_round AS r "
               "ON r.id = n.round_id JOIN participant AS p ON p.id = n.participant_id WHERE r.commune_id = ? AND "
               "r.campaign_id = ? AND r.year BETWEEN ? AND ? + 1 AND r.status = ?")
        params = base + (rest,)
    elif kind == "outcome":
        form, _, outcome = rest.partition(":")
        sql = ("SELECT n.participant_id, p.name, COALESCE(NULLIF(o.reason, ''), d.number, '') FROM nominee AS n "
               "JOIN nomination_round AS r ON r.id = n.round_id JOIN participant AS p ON p.id = n.participant_id "
               "LEFT JOIN nominee_outcome AS o ON o.nominee_id = n.id LEFT JOIN award_decision AS d ON d.id = o.decision_id "
               "WHERE r.commune_id = ? AND r.campaign_id = ? AND r.year BETWEEN ? AND ? + 1 AND r.status != 'superseded' "
               "AND n.award_form = ? AND COALESCE(o.outcome, 'pending') = ?")
        params = base + (form, outcome)
    else:
        raise ValueError(key)
    rows = _rows(session, sql + f" LIMIT {int(limit)}", params)
    return [RecordRow(pid, name, detail or "") for pid, name, detail in rows]



