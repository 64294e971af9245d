"""The statistics' counts kept by the database (migration 0014) give exactly the figures counted from the records:
after every step of a long random sequence of the app's own writes, after an upgrade of a register with data, and on
the files saved by older releases. The oracle is the statistics as they were counted before the counts existed
(GROUP BY over the records), kept here."""
from __future__ import annotations

import random
import shutil
import sqlite3

import openpyxl
import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import statistics as st
from desktop_app.core.nominations.statistics import WOMEN_COLLECTIVE_SHARE, Figure, Statistics, campaign_labels
from desktop_app.core.register import achievements, awards, participants, registrations
from desktop_app.core.register.registrations import aims_for
from desktop_app.core.spreadsheets import importing
from desktop_app.core.storage.database import latest_version, migrate, schema_version
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.models import Achievement, Award, Campaign, ImportBatch, Participant, Registration
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.vocabulary import (AWARD_CODES_BY_CATEGORY, AWARD_FORMS, COMMENDATION_TYPES, OUTCOMES,
                                         PARTICIPANT_KINDS, ROUND_STATUSES, award_name)
from desktop_app.core.workspace import open_workspace

from .test_db_migrations import COMMUNE_FILES, opened, saved_copy, schema

COUNT_TABLES = ("achievement_count", "participant_activity", "registration_count", "award_count")


# ----- the oracle: the figures counted from the records, as statistics.py counted them before migration 0014 -------

_ACH = """FROM achievement AS a JOIN participant AS p ON p.id = a.participant_id
          WHERE a.commune_id = ? AND a.campaign_id = ? AND a.archived_at IS NULL AND p.archived_at IS NULL
            AND CAST(strftime('%Y', COALESCE(a.date_to, a.date_from)) AS INTEGER) BETWEEN ? AND ?"""
_REG = """FROM registration AS r JOIN participant AS p ON p.id = r.participant_id
          WHERE r.commune_id = ? AND r.campaign_id = ? AND r.archived_at IS NULL AND r.year BETWEEN ? AND ?"""
_TAKING_PART = f"""SELECT a.participant_id AS pid {_ACH}
                   UNION SELECT r.participant_id {_REG}"""


def _rows(session, sql, params):
    session.activate()
    return list(session.db.execute_sql(sql, params).fetchall())


def counted_from_the_records(session, campaign_id: int, year_from: int, year_to: int) -> Statistics:
    home = session.home_commune()
    campaign = Campaign.get_by_id(campaign_id)
    cid = home.id if home else -1
    base = (cid, campaign_id, year_from, year_to)
    content_names, field_names = campaign_labels(campaign)

    kinds = dict(_rows(session, f"SELECT p.kind, COUNT(*) FROM participant AS p WHERE p.id IN "
                                f"({_TAKING_PART}) GROUP BY p.kind", base + base))
    participants_ = tuple(Figure(f"kind:{k}", PARTICIPANT_KINDS.name(k), kinds.get(k, 0))
                          for k in PARTICIPANT_KINDS.codes)
    by_content_raw = dict(_rows(session, f"SELECT j.value, COUNT(*) {_ACH.replace('WHERE', ', json_each(a.content_codes) AS j WHERE', 1)} "
                                         f"GROUP BY j.value", base))
    by_content = tuple(Figure(f"content:{code}", label, by_content_raw.get(code, 0))
                       for code, label in content_names.items())
    by_field_raw = dict(_rows(session, f"SELECT j.value, COUNT(*) {_ACH.replace('WHERE', ', json_each(a.field_codes) AS j WHERE', 1)} "
                                       f"GROUP BY j.value", base))
    by_field = tuple(Figure(f"field:{code}", label, by_field_raw.get(code, 0)) for code, label in field_names.items())
    by_year_raw = dict(_rows(session, f"SELECT CAST(strftime('%Y', COALESCE(a.date_to, a.date_from)) AS INTEGER), "
                                      f"COUNT(*) {_ACH} GROUP BY 1", base))
    by_year = tuple(Figure(f"year:{y}", str(y), by_year_raw.get(y, 0)) for y in range(year_from, year_to + 1))
    units = _rows(session, f"""SELECT COALESCE(CASE WHEN p.kind = 'collective' THEN p.id END, p.organization_id, 0) AS unit,
                                      COUNT(*) {_ACH} GROUP BY unit""", base)
    names = dict(_rows(session, "SELECT id, name FROM participant WHERE commune_id = ? AND kind = 'collective'", (cid,)))
    by_unit = tuple(sorted((Figure(f"unit:{u}", names.get(u, "Không thuộc thôn, đơn vị nào"), n) for u, n in units),
                           key=lambda f: (-f.value, f.label)))
    achievements_total = sum(by_year_raw.values())

    registered = _rows(session, f"SELECT r.aim_category, r.aim_code, COUNT(*) {_REG} GROUP BY 1, 2 ORDER BY 1, 2", base)
    reached = dict(((cat, code), n) for cat, code, n in _rows(session, f"""
        SELECT r.aim_category, r.aim_code, COUNT(*) {_REG}
          AND EXISTS (SELECT 1 FROM award AS w WHERE w.participant_id = r.participant_id AND w.code = r.aim_code
                      AND w.year = r.year AND w.archived_at IS NULL)
        GROUP BY 1, 2""", base))
    registrations_ = tuple((Figure(f"reg:{code}", award_name(cat, code), n),
                            Figure(f"reached:{code}", award_name(cat, code), reached.get((cat, code), 0)))
                           for cat, code, n in registered)

    awards_raw = _rows(session, """SELECT w.category, w.code, w.award_type, COUNT(*) FROM award AS w
                                   JOIN participant AS p ON p.id = w.participant_id
                                   WHERE w.commune_id = ? AND w.archived_at IS NULL AND p.archived_at IS NULL
                                     AND w.category IN ('danh_hieu', 'hinh_thuc') AND w.year BETWEEN ? AND ?
                                   GROUP BY 1, 2, 3 ORDER BY 1 DESC, 4 DESC""", (cid, year_from, year_to))
    awards_ = tuple(Figure(f"award:{code}:{kind}", f"{award_name(cat, code)} ({COMMENDATION_TYPES.name(kind).lower()})", n)
                    for cat, code, kind, n in awards_raw)

    people = _rows(session, f"""SELECT SUM(p.gender = 'nu'), COUNT(*) FROM participant AS p
                                WHERE p.kind = 'individual' AND p.id IN ({_TAKING_PART})""", base + base)[0]
    groups = _rows(session, f"""SELECT SUM(p.member_count > 0 AND p.female_count * 1.0 / p.member_count >= ?), COUNT(*)
                                FROM participant AS p WHERE p.kind = 'collective' AND p.id IN ({_TAKING_PART})""",
                   (WOMEN_COLLECTIVE_SHARE,) + base + base)[0]
    women = (Figure("women:individual", "Cá nhân là nữ", people[0] or 0, people[1] or 0),
             Figure("women:collective", "Tập thể có từ 70% nữ", groups[0] or 0, groups[1] or 0))

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
    return Statistics(campaign_id, year_from, year_to, participants_, by_content, by_field, by_unit, by_year,
                      registrations_, awards_, women, rounds, outcomes, achievements_total,
                      {"contents": content_names, "fields": field_names})


RANGES = ((2022, 2025), (2024, 2024), (2019, 2023), (2025, 2027), (2000, 2030))


def assert_counts_agree(session, campaign_id: int, ranges=RANGES, context="") -> None:
    for y0, y1 in ranges:
        counted = st.movement_statistics(session, campaign_id, y0, y1)
        expected = counted_from_the_records(session, campaign_id, y0, y1)
        assert counted == expected, f"{context} {y0}–{y1}: " + "; ".join(
            f"{name}: {getattr(counted, name)} ≠ {getattr(expected, name)}" for name in Statistics.__dataclass_fields__
            if getattr(counted, name) != getattr(expected, name))


# ----- a long random sequence of the app's own writes ------------------------------------------------------------

def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.choice((2019, 2021, 2022, 2023, 2024, 2025, 2026))}"


class Officer:
    """Random work in the register through the core's operations (refused ones are part of the game)."""

    def __init__(self, session, campaign, rng: random.Random, tmp_path):
        self.s, self.campaign, self.rng, self.tmp = session, campaign, rng, tmp_path
        contents, fields = campaign_labels(campaign)
        self.contents, self.fields = list(contents), list(fields)
        self.batches: list[int] = []
        self.files = 0

    # what there is
    def _ids(self, model, *where):
        self.s.activate()
        query = model.select(model.id)
        for w in where:
            query = query.where(w)
        return [r.id for r in query.order_by(model.id)]

    def _person(self, kind=None):
        ids = self._ids(Participant, *(() if kind is None else (Participant.kind == kind,)))
        return Participant.get_by_id(self.rng.choice(ids)) if ids else None

    def _collective_id(self):
        ids = self._ids(Participant, Participant.kind == "collective")
        return self.rng.choice(ids + [None]) if ids else None

    def _values(self, p: Participant) -> dict:
        return participants.participant_form_values(p)

    # people
    def add_individual(self):
        participants.save_participant(self.s, {
            "kind": "individual", "category": self.rng.choice(("cong_chuc", "nguoi_dan", "vien_chuc")),
            "name": f"Người thử {self.rng.randrange(10**6)}", "gender": self.rng.choice(("nam", "nu", "")),
            "organization_id": self._collective_id()})

    def add_collective(self):
        members = self.rng.randint(0, 40)
        participants.save_participant(self.s, {
            "kind": "collective", "category": self.rng.choice(("thon_ban", "don_vi")),
            "name": f"Thôn thử {self.rng.randrange(10**6)}",
            "member_count": str(members) if self.rng.random() < 0.9 else "",
            "female_count": str(self.rng.randint(0, members)) if self.rng.random() < 0.9 else ""})

    def move_to_another_unit(self):
        p = self._person("individual")
        if p is not None:
            participants.save_participant(self.s, {**self._values(p), "organization_id": self._collective_id()}, p.id)

    def change_gender(self):
        p = self._person("individual")
        if p is not None:
            participants.save_participant(self.s, {**self._values(p), "gender": self.rng.choice(("nam", "nu", ""))},
                                          p.id)

    def change_member_counts(self):
        p = self._person("collective")
        if p is not None:
            members = self.rng.randint(0, 30)
            participants.save_participant(self.s, {**self._values(p), "member_count": str(members),
                                                   "female_count": str(self.rng.randint(0, members))}, p.id)

    def change_kind(self):
        p = self._person()
        if p is None:
            return
        if p.kind == "individual":
            values = {**self._values(p), "kind": "collective", "category": "don_vi", "member_count": "10",
                      "female_count": str(self.rng.randint(0, 10))}
        else:
            values = {**self._values(p), "kind": "individual", "category": "nguoi_dan", "gender": "nu"}
        participants.save_participant(self.s, values, p.id)

    def archive_person(self):
        p = self._person()
        if p is not None:
            participants.set_archived(self.s, p.id, p.archived_at is None)

    # achievements
    def add_achievement(self):
        p = self._person()
        if p is None:
            return
        start, end = (_date(self.rng), "") if self.rng.random() < 0.2 else ("", _date(self.rng))
        if self.rng.random() < 0.1:
            start = end = ""
        achievements.save_achievement(self.s, p.id, {
            "campaign_id": self.campaign.id, "title": f"Thành tích {self.rng.randrange(10**6)}",
            "content_codes": self.rng.sample(self.contents, self.rng.randint(0, 3)),
            "field_codes": self.rng.sample(self.fields, self.rng.randint(0, 2)),
            "date_from": start, "date_to": end})

    def _achievement(self):
        ids = self._ids(Achievement)
        return Achievement.get_by_id(self.rng.choice(ids)) if ids else None

    def edit_achievement(self):
        a = self._achievement()
        if a is None:
            return
        values = achievements.achievement_form_values(a)
        what = self.rng.choice(("year", "contents", "fields", "all"))
        if what in ("year", "all"):
            values["date_from"], values["date_to"] = "", _date(self.rng)
        if what in ("contents", "all"):
            values["content_codes"] = self.rng.sample(self.contents, self.rng.randint(0, 3))
        if what in ("fields", "all"):
            values["field_codes"] = self.rng.sample(self.fields, self.rng.randint(0, 2))
        achievements.save_achievement(self.s, a.participant_id, values, a.id)

    def archive_achievement(self):
        a = self._achievement()
        if a is not None:
            achievements.set_archived(self.s, a.id, a.archived_at is None)

    # registrations and awards
    def register(self):
        p = self._person()
        # Not someone a batch still open created: undoing that batch would then fail on the foreign key (undo_import
        # does not look for registrations; a bug of its own, left for its issue).
        if p is None or p.id in self._created_by_open_batches():
            return
        category, code, _ = self.rng.choice(aims_for(p.kind))
        year = self.rng.choice((2022, 2023, 2024, 2025))
        registrations.save_registration(self.s, {
            "campaign_id": self.campaign.id, "year": str(year), "participant_id": p.id, "aim_category": category,
            "aim_code": code, "registered_on": f"10/01/{year}"})

    def withdraw(self):
        ids = self._ids(Registration)
        if ids:
            r = Registration.get_by_id(self.rng.choice(ids))
            registrations.withdraw_registration(self.s, r.id, r.archived_at is None)

    def award(self):
        # Half of them answer a registration (same participant, aim and year): the "reached" figure moves.
        ids = self._ids(Registration)
        if ids and self.rng.random() < 0.5:
            r = Registration.get_by_id(self.rng.choice(ids))
            pid, category, code, year = r.participant_id, r.aim_category, r.aim_code, r.year
        else:
            p = self._person()
            if p is None:
                return
            category = self.rng.choice(("danh_hieu", "hinh_thuc", "xep_loai"))
            pid, code, year = p.id, self.rng.choice(AWARD_CODES_BY_CATEGORY[category].codes), self.rng.randint(2021, 2026)
        awards.save_award(self.s, pid, {"category": category, "code": code, "year": str(year),
                                        "decision_number": "1/QĐ-UBND", "decision_date": f"20/12/{year}",
                                        "award_type": self.rng.choice(COMMENDATION_TYPES.codes)})

    def _award(self):
        ids = self._ids(Award)
        return Award.get_by_id(self.rng.choice(ids)) if ids else None

    def edit_award(self):
        w = self._award()
        if w is None:
            return
        values = awards.award_form_values(w)
        values["year"] = str(self.rng.randint(2021, 2026))
        values["decision_date"] = f"20/12/{values['year']}"
        if self.rng.random() < 0.5:
            values["award_type"] = self.rng.choice(COMMENDATION_TYPES.codes)
        awards.save_award(self.s, w.participant_id, values, w.id)

    def archive_award(self):
        w = self._award()
        if w is not None:
            awards.set_archived(self.s, w.id, w.archived_at is None)

    # Excel: achievements of people in the register, people; and undoing such a batch (rows deleted)
    def import_achievements(self):
        people = [p for p in Participant.select().where(Participant.kind == "individual")
                  if p.birth_date is not None and p.archived_at is None][:40]
        if not people:
            return
        self.files += 1
        path = self.tmp / f"tt-{self.files}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["STT", "Họ và tên", "Ngày sinh", "Tên thành tích", "Kết quả", "Từ ngày", "Đến ngày"])
        for i in range(self.rng.randint(1, 6)):
            p = self.rng.choice(people)
            ws.append([i + 1, p.name, p.birth_date.strftime("%d/%m/%Y"), f"Thành tích nhập {self.rng.randrange(10**6)}",
                       "", "", _date(self.rng)])
        wb.save(path)
        result = importing.apply_import(self.s, importing.read_import(self.s, path, campaign_id=self.campaign.id))
        self.batches.append(result.batch_id)

    def import_people(self):
        self.files += 1
        path = self.tmp / f"cn-{self.files}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"])
        for i in range(self.rng.randint(1, 4)):
            ws.append([i + 1, f"Người nhập {self.rng.randrange(10**6)}", f"0{self.rng.randint(1, 9)}/03/19{self.rng.randint(60, 99)}",
                       self.rng.choice(("Nam", "Nữ")), "Nông dân"])
        wb.save(path)
        result = importing.apply_import(self.s, importing.read_import(self.s, path))
        self.batches.append(result.batch_id)

    def _demo_people(self) -> list[Participant]:
        """Individuals with a birth date and a name of their own: an Excel row finds exactly them."""
        people = [p for p in Participant.select().where(Participant.kind == "individual")
                  if p.birth_date is not None and p.archived_at is None]
        names = [p.name for p in people]
        return [p for p in people if names.count(p.name) == 1]

    def import_registrations(self):
        people = self._demo_people()
        if not people:
            return
        self.files += 1
        year = self.rng.choice((2022, 2023, 2024, 2025))
        path = self.tmp / f"dk-{self.files}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["STT", "Họ và tên / Tên tập thể", "Danh hiệu đăng ký", "Ngày đăng ký"])
        for i, p in enumerate(self.rng.sample(people, min(len(people), self.rng.randint(1, 4))), start=1):
            ws.append([i, p.name, self.rng.choice(("LĐTT", "Chiến sĩ thi đua cơ sở")), f"15/01/{year}"])
        wb.save(path)
        result = importing.apply_import(self.s, importing.read_import(self.s, path, campaign_id=self.campaign.id,
                                                                      year=year))
        self.batches.append(result.batch_id)

    def import_awards(self):
        people = self._demo_people()
        if not people:
            return
        self.files += 1
        path = self.tmp / f"kt-{self.files}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["STT", "Họ tên", "Ngày sinh", "Danh hiệu / hình thức", "Năm", "Số QĐ", "Ngày QĐ", "Cấp khen"])
        for i, p in enumerate(self.rng.sample(people, min(len(people), self.rng.randint(1, 4))), start=1):
            year = self.rng.choice((2022, 2023, 2024, 2025))
            ws.append([i, p.name, p.birth_date.strftime("%d/%m/%Y"),
                       self.rng.choice(("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Giấy khen")), year,
                       f"{i}/QĐ-UBND", f"20/12/{year}", "UBND xã"])
        wb.save(path)
        result = importing.apply_import(self.s, importing.read_import(self.s, path))
        self.batches.append(result.batch_id)

    def _created_by_open_batches(self) -> set[int]:
        self.s.activate()
        return {c["id"] for b in ImportBatch.select().where(ImportBatch.id.in_(self.batches))
                for c in b.changes if c["t"] == "participant" and c["a"] == "new"}

    def undo_a_batch(self):
        if self.batches:
            importing.undo_import(self.s, self.batches.pop(self.rng.randrange(len(self.batches))))

    STEPS = {"add_individual": 3, "add_collective": 1, "move_to_another_unit": 3, "change_gender": 2,
             "change_member_counts": 2, "change_kind": 1, "archive_person": 3, "add_achievement": 8,
             "edit_achievement": 5, "archive_achievement": 3, "register": 4, "withdraw": 2, "award": 4,
             "edit_award": 2, "archive_award": 2, "import_achievements": 1, "import_people": 1, "import_registrations": 1, "import_awards": 1,
             "undo_a_batch": 3}

    def step(self) -> str:
        name = self.rng.choices(list(self.STEPS), weights=list(self.STEPS.values()))[0]
        try:
            getattr(self, name)()
        except (UserError, ValidationError) as exc:   # refused by the app: nothing changed, the figures still agree
            return f"{name} (refused: {getattr(exc, 'code', exc)})"
        return name


@pytest.mark.parametrize("seed", [15, 2026])
def test_the_counts_follow_every_write_of_the_app(session, tmp_path, seed):
    create_demo_commune(session)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    assert_counts_agree(session, campaign.id, context="demo")
    officer = Officer(session, campaign, random.Random(seed), tmp_path)
    done = []
    for i in range(220):
        done.append(officer.step())
        ranges = RANGES if i % 10 == 0 else (RANGES[0], random.Random(i).choice(RANGES[1:]))
        assert_counts_agree(session, campaign.id, ranges, context=f"step {i} after {done[-6:]}")
    # The sequence did what it is for: every kind of write happened and was let through at least once.
    accepted = {d for d in done if "refused" not in d}
    assert accepted == set(Officer.STEPS), set(Officer.STEPS) - accepted
    session.activate()
    counted = st.movement_statistics(session, campaign.id, 2000, 2030)
    assert counted.achievements_total > 20 and counted.registrations and counted.awards and counted.by_unit


def test_the_counts_are_the_records_seen_through_the_triggers_not_a_cache(session, tmp_path):
    """A figure the triggers did not keep (a count changed behind their back) is caught by the comparison: the
    oracle above can fail."""
    create_demo_commune(session)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    assert_counts_agree(session, campaign.id)
    session.db.execute_sql("UPDATE achievement_count SET n = n + 1 WHERE dimension = 'content'")
    with pytest.raises(AssertionError, match="by_content"):
        assert_counts_agree(session, campaign.id)


def test_a_participant_deleted_with_its_records_still_there_takes_them_out_of_the_figures(session):
    """Only with the foreign keys off (a repair by hand; the app keeps them on) can a participant go before its
    records: the records without their participant count nowhere, as the figures counted from the records say."""
    create_demo_commune(session)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    busy = session.db.execute_sql("""SELECT p.id FROM participant AS p WHERE p.archived_at IS NULL
                                     AND EXISTS (SELECT 1 FROM achievement AS a WHERE a.participant_id = p.id)
                                     AND EXISTS (SELECT 1 FROM registration AS r WHERE r.participant_id = p.id)
                                     AND EXISTS (SELECT 1 FROM award AS w WHERE w.participant_id = p.id)""").fetchall()
    assert busy
    before = st.movement_statistics(session, campaign.id, 2000, 2030)
    session.db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for (pid,) in busy:
            session.db.execute_sql("DELETE FROM participant WHERE id = ?", (pid,))
    finally:
        session.db.execute_sql("PRAGMA foreign_keys = ON")
    assert st.movement_statistics(session, campaign.id, 2000, 2030) != before
    assert_counts_agree(session, campaign.id)


# ----- upgrades -------------------------------------------------------------------------------------------------

def _as_version_13(path) -> None:
    """The workspace file as the release before migration 0014 left it: without its tables, indexes and triggers
    (nor those of the migrations after it: 0015's name-order index and its full-text prefixes of 4 and 5 letters)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("DROP INDEX participant_order")
        conn.execute("DROP TABLE participant_fts")
        conn.execute("CREATE VIRTUAL TABLE participant_fts USING fts5(search_text, prefix='1 2 3')")
        conn.execute("INSERT INTO participant_fts(rowid, search_text) SELECT id, search_text FROM participant")
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                    "(" + " OR ".join(f"sql LIKE '%{t}%'" for t in COUNT_TABLES) + ")").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        for table in COUNT_TABLES:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("PRAGMA user_version = 13")
    finally:
        conn.close()


def test_a_register_with_data_upgraded_from_version_13_shows_the_same_figures(session, tmp_path):
    create_demo_commune(session)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    officer = Officer(session, campaign, random.Random(13), tmp_path)
    for _ in range(120):
        officer.step()
    before = {r: st.movement_statistics(session, campaign.id, *r) for r in RANGES}
    root = session.paths.root
    session.close()
    old = tmp_path / "v13"
    shutil.copytree(root, old, ignore=shutil.ignore_patterns(".sothidua.lock", "backups"))
    db = old / "sothidua.sqlite3"
    _as_version_13(db)
    fresh13 = tmp_path / "fresh13.sqlite3"
    migrate(fresh13, tmp_path / "unused", target=13)
    assert schema(db) == schema(fresh13)        # a genuine version-13 file: the schema of that release, with data

    upgraded = open_workspace(old, secrets=SecretStore(InMemoryKeyring()))
    try:
        assert schema_version(db) == latest_version()
        assert [p.name for p in (old / "backups").glob("truoc-nang-cap-v13-*.sqlite3")]
        assert {r: st.movement_statistics(upgraded, campaign.id, *r) for r in RANGES} == before
        assert_counts_agree(upgraded, campaign.id, context="upgraded")
        officer = Officer(upgraded, campaign, random.Random(14), tmp_path)
        for i in range(40):                     # and they keep following the writes after the upgrade
            officer.step()
        assert_counts_agree(upgraded, campaign.id, context="after the upgrade")
    finally:
        upgraded.close()


@pytest.mark.parametrize("name", COMMUNE_FILES)
def test_files_saved_by_older_releases_show_their_figures(tmp_path, name):
    root = saved_copy(tmp_path, name)
    with opened(root) as session:
        for campaign in Campaign.select():
            assert_counts_agree(session, campaign.id, context=name)


# ----- PostgreSQL: the receiving level counts nothing ------------------------------------------------------------

def test_on_postgres_the_count_tables_exist_without_triggers_and_nothing_is_counted(postgres_url, tmp_path):
    session = open_workspace(tmp_path / "ws", secrets=SecretStore(InMemoryKeyring()), database=postgres_url)
    try:
        for table in COUNT_TABLES:
            assert session.db.execute_sql(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        triggers = session.db.execute_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").fetchall()
        assert not [t for (t,) in triggers if "count" in t or "activity" in t], triggers
        campaign = Campaign.select().first()
        with pytest.raises(UserError) as err:
            st.movement_statistics(session, campaign.id, 2022, 2025)
        assert err.value.code == "statistics.commune_only" and "sổ của từng xã" in str(err.value)
    finally:
        session.close()
