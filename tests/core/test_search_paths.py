"""Every way of answering a search (collect-and-sort for selective words, walk-the-sorted-index for common
ones) gives the same rows in the same order; the plan picks the way from the counts; keyset paging equals offset
paging; the count is capped."""
from __future__ import annotations

import pytest

from desktop_app.core.register import participants as core
from desktop_app.core.register.achievements import save_achievement, set_archived
from desktop_app.core.register.campaigns import list_campaigns
from desktop_app.core.register.participants import ParticipantFilter, save_participant
from desktop_app.core.text import tokens

NAMES = ["Nguyễn Văn Đức", "Nguyễn Thị Hoa", "Hoàng Văn Đạt", "Đỗ Thị Dung", "Lê Đức Anh", "Nông Văn Nguyên",
         "Trần Ngọc Anh", "Bàn Thị Ngân", "Triệu Văn Nghĩa", "Hà Thị Ngọc", "Lý Văn Đông", "Ma Thị Nga"]


@pytest.fixture
def register(session, commune):
    people = []
    for i in range(60):
        name = f"{NAMES[i % len(NAMES)]}"
        people.append(save_participant(session, {
            "kind": "individual" if i % 4 else "collective", "category": "nguoi_dan" if i % 4 else "thon_ban",
            "name": name if i % 4 else f"Thôn Nà {name.split()[-1]} {i}", "gender": "nam",
            "position": "Trưởng thôn" if i % 5 == 0 else "Nông dân"}))
    campaign = list_campaigns(session)[0]
    for i, p in enumerate(people[::3]):
        a = save_achievement(session, p.id, {"campaign_id": campaign.id, "title": f"Số hóa hồ sơ hộ tịch {i}",
                                 "description": "Hướng dẫn người dân dùng dịch vụ công trực tuyến"})
        if i % 4 == 0:
            set_archived(session, a.id, True)
    return people


QUERIES = ["n", "ng", "nguyen", "duc", "Đức", "nguyen van", "so hoa", "dich vu cong", "truong thon", "tho", "zz",
           "nguyen v", "thon n", "a b", "ho tich 1"]


#: (COLLECT_LIMIT, SELECTIVE_LIMIT, WIDE_LIMIT) that send every search one way: read the matches by id and sort
#: them; walk the name-order index keeping the matches; the same keeping one word's matches (a search of one word,
#: or of words whose longest matches too many together); walk the search documents.
WAYS = {"collect": (10_000, 10_000, 10_000), "walk the matches": (0, 10_000, 10_000),
        "walk one word's matches": (0, 0, 10_000), "walk the documents": (0, 0, 0)}


def set_way(monkeypatch, way):
    for name, value in zip(("COLLECT_LIMIT", "SELECTIVE_LIMIT", "WIDE_LIMIT"), WAYS[way]):
        monkeypatch.setattr(core, name, value)


def answers(session, flt, monkeypatch, way):
    set_way(monkeypatch, way)
    rows = [r[core.ROW_ID] for r in core.list_participant_rows(session, flt, limit=1000)]
    backwards = [r[core.ROW_ID] for r in core.list_participant_rows(session, flt, descending=True, limit=1000)]
    by_birth = [p.id for p in core.list_participants(session, flt, order="birth_date", limit=1000)]
    return rows, backwards, by_birth, core.count_participants_capped(session, flt, cap=7)


@pytest.mark.parametrize("text", QUERIES)
def test_every_way_of_answering_gives_the_same_rows_in_the_same_order(session, register, commune, monkeypatch,
                                                                       text):
    for kind in (None, "individual", "collective"):
        flt = ParticipantFilter(commune_id=commune.id, search=text, kind=kind)
        seen = {way: answers(session, flt, monkeypatch, way) for way in WAYS}
        for way in WAYS:
            assert seen[way] == seen["collect"], (text, kind, way)
        rows, backwards, _, _ = seen["collect"]
        assert backwards == rows[::-1]


def test_each_way_reads_the_register_through_its_index(session, register, commune, monkeypatch):
    """The plan is chosen, not left to the database's statistics (the measured costs depend on it)."""
    flt = ParticipantFilter(commune_id=commune.id, search="nguyen")
    plans = {}
    for way in WAYS:
        set_way(monkeypatch, way)
        sql, params = core._ordered(session, flt, "name", False, core.ROW_COLUMNS).limit(200).sql()
        plans[way] = " ".join(str(row[-1]) for row in session.db.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "INTEGER PRIMARY KEY" in plans["collect"] and "TEMP B-TREE FOR ORDER BY" in plans["collect"]
    assert "participant_order" in plans["walk the matches"] and "ORDER BY" not in plans["walk the matches"]
    assert "participant_order" in plans["walk one word's matches"] and "ORDER BY" not in plans["walk one word's matches"]
    assert "participant_scan" in plans["walk the documents"] and "ORDER BY" not in plans["walk the documents"]


def plan_for(text, counts, **kwargs):
    """The plan for `text` when the FTS index matches counts[words] participants (words sorted), capped as FTS5's
    LIMIT caps; every count asked for is recorded."""
    asked = []

    def count_up_to(words, limit):
        key = " ".join(sorted(words))
        asked.append(key)
        return min(counts[key], limit + 1)

    return core.plan_search(tokens(text), count_up_to, **kwargs), asked


@pytest.mark.parametrize("text, counts, index, asked_words, checked, probes", [
    # few matches: read them and sort
    ("hoang thi", {"hoang thi": 354}, None, ("hoang", "thi"), (), ["hoang thi"]),
    # a one-letter word beside longer ones is checked, not asked
    ("nguyen van d", {"nguyen van": 1638}, "participant_order", ("nguyen", "van"), ("d",), ["nguyen van"]),
    # one word matching some thousands: walk the name order keeping its matches
    ("tran", {"tran": 6360}, "participant_order", ("tran",), (), ["tran"]),
    # one word matching too many: walk the documents
    ("cong", {"cong": 52918}, "participant_scan", (), ("cong",), ["cong"]),
    # the longer word is common, the two-letter one narrows it: ask both, check the one-letter one
    ("ha thi n", {"thi": 8363, "ha thi": 758}, None, ("thi", "ha"), ("n",), ["thi", "ha thi"]),
    # all words short and common together: walk the matches of the one that matches few enough
    ("ha t", {"ha": 8694, "ha t": 8694}, "participant_order", ("ha",), ("t",), ["ha", "ha t"]),
    ("be t", {"be": 3996}, "participant_order", ("be",), ("t",), ["be"]),
    # several common words: walk the documents
    ("chuyen doi so", {"chuyen doi": 29642, "chuyen doi so": 29642}, "participant_scan", (),
     ("chuyen", "doi", "so"), ["chuyen doi", "chuyen doi so"]),
    ("dich vu", {"dich": 29567, "dich vu": 29567}, "participant_scan", (), ("dich", "vu"), ["dich", "dich vu"]),
])
def test_the_plan_follows_the_counts(text, counts, index, asked_words, checked, probes):
    plan, asked = plan_for(text, counts)
    assert (plan.index, plan.asked, plan.checked) == (index, asked_words, checked)
    assert asked == probes


def test_out_of_name_order_the_matches_are_read_and_sorted():
    plan, _ = plan_for("tran", {"tran": 6360}, in_name_order=False)
    assert (plan.index, plan.asked) == (None, ("tran",))
    plan, _ = plan_for("cong", {"cong": 52918}, in_name_order=False)
    assert plan.index == "participant_scan"


def test_archived_achievement_no_longer_finds_its_participant(session, register, commune):
    flt = ParticipantFilter(commune_id=commune.id, search="ho tich 0")
    assert core.count_participants(session, flt) == 0  # achievement 0 is archived
    assert core.count_participants(session, ParticipantFilter(commune_id=commune.id, search="ho tich 13")) == 1


def test_keyset_paging_equals_offset_paging(session, register, commune):
    flt = ParticipantFilter(commune_id=commune.id)
    everyone = [row[core.ROW_ID] for row in core.list_participant_rows(session, flt, limit=1000)]
    for descending in (False, True):
        pages, last = [], None
        while True:
            rows = core.list_participant_rows(session, flt, descending=descending, limit=7,
                                              after=(last[core.ROW_SORT_KEY], last[core.ROW_ID]) if last else None)
            if not rows:
                break
            pages += [r[core.ROW_ID] for r in rows]
            last = rows[-1]
        assert pages == (everyone[::-1] if descending else everyone)


def test_capped_count(session, register, commune, monkeypatch):
    flt = ParticipantFilter(commune_id=commune.id, search="n")
    exact = core.count_participants(session, flt)
    assert core.count_participants_capped(session, flt, cap=1000) == (exact, False)
    assert core.count_participants_capped(session, flt, cap=5) == (5, True)


def test_light_rows_are_what_the_orm_reads(session, register, commune):
    """The register's rows come straight from the cursor: the same values, types included, as the ORM's."""
    from datetime import date

    save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": "Lường Thị Mai",
                               "gender": "nu", "birth_date": "07/03/1990", "phone": "0912345678"})
    for text in ("", "nguyen", "mai", "thon na"):
        flt = ParticipantFilter(commune_id=commune.id, search=text)
        rows = core.list_participant_rows(session, flt, limit=500)
        assert rows == list(core._ordered(session, flt, "name", False, core.ROW_COLUMNS).limit(500).tuples()), text
        by_id = core.participant_rows_by_id(session, [r[core.ROW_ID] for r in rows])
        assert sorted(by_id) == sorted(rows)
    [mai] = core.list_participant_rows(session, ParticipantFilter(commune_id=commune.id, search="luong thi mai"))
    assert mai[4] == date(1990, 3, 7) and mai[1] == "Lường Thị Mai"


def test_an_import_of_many_participants_leaves_the_search_index_in_one_piece(session, commune, monkeypatch):
    def segments():
        return session.db.execute_sql("SELECT count(DISTINCT segid) FROM participant_fts_idx").fetchone()[0]

    for name in ("Nguyễn Văn Đức", "Hà Thị Ngọc", "Bế Văn Tuấn"):  # one write each: a segment each
        save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": name, "gender": "nam"})
    assert segments() >= 2
    rows = [{"kind": "individual", "category": "nguoi_dan", "name": f"Lò Thị Mai {i}", "gender": "nu"}
            for i in range(4)]
    monkeypatch.setattr(core, "MERGE_AFTER", 5)
    core.insert_participants(session, rows)        # fewer than MERGE_AFTER: left to FTS5's own merging
    assert segments() >= 2
    core.insert_participants(session, rows + rows[:1])
    assert segments() == 1
    found = core.list_participant_rows(session, ParticipantFilter(commune_id=commune.id, search="lo thi mai"))
    assert len(found) == 9
    assert [r[1] for r in core.list_participant_rows(
        session, ParticipantFilter(commune_id=commune.id, search="ha ngoc"))] == ["Hà Thị Ngọc"]


def test_scattered_search_indexes_are_merged_and_others_left_alone(session, commune, monkeypatch):
    def segments(table):
        return session.db.execute_sql(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]

    people = [save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": name,
                                         "gender": "nam"}) for name in ("Nguyễn Văn Đức", "Hà Thị Ngọc", "Bế Văn Tuấn")]
    campaign = list_campaigns(session)[0]
    save_achievement(session, people[0].id, {"campaign_id": campaign.id, "title": "Số hóa hồ sơ hộ tịch"})
    before = segments("participant_fts")
    assert before >= 2
    monkeypatch.setattr(core, "LARGE_SHARE", 1)         # no segment holds the whole index: none is large
    monkeypatch.setattr(core, "SCATTERED", before)      # and there are not more than SCATTERED: left alone
    assert core.merge_search_indexes(session) == [] and segments("participant_fts") == before
    monkeypatch.setattr(core, "SCATTERED", 1)
    assert "participant_fts" in core.merge_search_indexes(session)
    assert segments("participant_fts") == 1 and segments("achievement_fts") <= 1
    rows = core.list_participant_rows(session, ParticipantFilter(commune_id=commune.id, search="ho tich"))
    assert [r[1] for r in rows] == ["Nguyễn Văn Đức"]


def test_a_merge_that_meets_a_busy_file_is_logged_and_changes_nothing(session, commune, monkeypatch, caplog):
    import sqlite3

    for name in ("Nguyễn Văn Đức", "Hà Thị Ngọc", "Bế Văn Tuấn"):
        save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": name, "gender": "nam"})
    before = session.db.execute_sql("SELECT count(DISTINCT segid) FROM participant_fts_idx").fetchone()[0]
    monkeypatch.setattr(core, "SCATTERED", 1)
    [(timeout,)] = session.db.execute_sql("PRAGMA busy_timeout").fetchall()
    other = sqlite3.connect(session.paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")   # another writer holds the file
    session.db.execute_sql("PRAGMA busy_timeout = 50")
    try:
        with caplog.at_level("WARNING", logger=core.__name__):
            assert core.merge_search_indexes(session) == []
    finally:
        other.execute("ROLLBACK")
        other.close()
        session.db.execute_sql(f"PRAGMA busy_timeout = {timeout}")
    [record] = [r for r in caplog.records if r.name == core.__name__]
    assert "participant_fts not merged" in record.getMessage() and "giữ" in record.getMessage()  # "held by another"
    assert session.db.execute_sql("SELECT count(DISTINCT segid) FROM participant_fts_idx").fetchone()[0] == before
    rows = core.list_participant_rows(session, ParticipantFilter(commune_id=commune.id, search="ha ngoc"))
    assert [r[1] for r in rows] == ["Hà Thị Ngọc"]
    assert core.merge_search_indexes(session) == ["participant_fts"]   # the next start tries again


@pytest.mark.parametrize("pages, scattered", [
    ([6000], False),
    ([6000] + [1] * 20, False),          # FTS5's own cycle after single saves: one large segment, small ones
    ([344, 344, 75, 75, 520, 517, 532, 191, 918], True),   # filled in one go: several large ones
    ([6000, 400], True),                 # a second large one (400 of 6,400 pages ≥ 1/20)
    ([6000] + [1] * 33, True),           # very many small ones
])
def test_when_an_index_is_scattered(pages, scattered):
    assert core.index_is_scattered(pages) is scattered


SYLLABLES = ["nguyen", "van", "thi", "ha", "ho", "hoang", "tran", "t", "n", "duc", "dung", "ngoc", "nga", "lo",
             "long", "an", "anh", "be", "bac"]


def test_every_plan_finds_what_a_plain_reading_of_the_search_documents_finds(session, commune, monkeypatch):
    """Random registers, searches and limits (fixed seed): every plan the limits lead to, tiers included, gives
    the rows a plain reading of the search documents gives, in name order both ways, from any row on, and counted."""
    import random

    from desktop_app.core.storage.models import Participant

    rnd = random.Random(7)
    ids = []
    for i in range(120):
        name = " ".join(rnd.choice(SYLLABLES).capitalize() for _ in range(rnd.randint(2, 4)))
        ids.append(save_participant(session, {
            "kind": "individual" if i % 3 else "collective", "category": "nguoi_dan" if i % 3 else "thon_ban",
            "name": name, "gender": "nam", "position": rnd.choice(["Trưởng thôn", "Nông dân", "Cán bộ 12", ""])}).id)
    Participant.update(archived_at="2026-01-01T00:00:00+07:00").where(Participant.id.in_(ids[::7])).execute()
    people = list(Participant.select())
    plans = set()
    plan_search = core.plan_search

    def seen(*args, **kwargs):
        plan = plan_search(*args, **kwargs)
        plans.add((plan.index, bool(plan.asked), bool(plan.checked), min(map(len, plan.asked), default=0)))
        return plan

    monkeypatch.setattr(core, "plan_search", seen)
    for _ in range(250):
        text = " ".join(rnd.choice(SYLLABLES + ["ng", "tr", "12", "a", "h"])[: rnd.randint(1, 7)]
                        for _ in range(rnd.randint(1, 4)))
        kind, archived = rnd.choice([None, "individual", "collective"]), rnd.random() < 0.2
        for name, value in zip(("COLLECT_LIMIT", "SELECTIVE_LIMIT", "WIDE_LIMIT"),
                               sorted(rnd.choice([0, 1, 5, 20, 40, 80, 200]) for _ in range(3))):
            monkeypatch.setattr(core, name, value)
        words = tokens(text)
        expected = sorted((p for p in people if (p.archived_at is not None) == archived
                           and kind in (None, p.kind) and all(" " + w in p.search_text for w in words)),
                          key=lambda p: (p.sort_key, p.id))
        flt = ParticipantFilter(commune_id=commune.id, search=text, kind=kind, archived=archived)
        got = [r[core.ROW_ID] for r in core.list_participant_rows(session, flt, limit=1000)]
        assert got == [p.id for p in expected], text
        assert [r[core.ROW_ID] for r in core.list_participant_rows(session, flt, descending=True, limit=1000)] \
            == got[::-1]
        if len(got) > 3:
            k = rnd.randrange(len(got) - 1)
            row = next(p for p in expected if p.id == got[k])
            assert [r[core.ROW_ID] for r in core.list_participant_rows(
                session, flt, after=(row.sort_key, row.id), limit=1000)] == got[k + 1:]
        assert sorted(p.id for p in core.list_participants(session, flt, order="position", limit=1000)) \
            == sorted(got)
        assert core.count_participants_capped(session, flt, cap=5) == (min(len(got), 5), len(got) > 5)
    # Every way came up, and plans that ask two-letter words while checking one-letter ones.
    assert {index for index, *_ in plans} == {None, "participant_order", "participant_scan"}
    assert any(asked and checked and shortest == 2 for _, asked, checked, shortest in plans)
    assert any(index == "participant_order" and asked and checked for index, asked, checked, _ in plans)
