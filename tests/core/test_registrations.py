"""Đăng ký thi đua: per campaign and year, a title or an award form that fits the participant; a collective's list of
members; withdrawn, never deleted; the Excel seam takes parsed rows all or nothing and twice adds nothing."""
from __future__ import annotations

import sqlite3

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register import registrations as reg
from desktop_app.core.storage.models import Campaign, Participant, Registration


@pytest.fixture
def demo(session):
    create_demo_commune(session)
    return session


def _p(name):
    return Participant.get(Participant.name == name)


def _values(name, code="LDTT", category="danh_hieu", year="2023", on="15/01/2023", **kw):
    # 2023: a year the demo has no registrations in (it registers 2024 and 2025).
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    return {"campaign_id": campaign.id, "year": year, "participant_id": _p(name).id, "aim_category": category,
            "aim_code": code, "registered_on": on, **kw}


def test_register_and_list(demo):
    r = reg.save_registration(demo, _values("Nông Thị Hoa", "CSTDCS"))
    assert r.year == 2023 and r.aim_code == "CSTDCS" and r.source == "window"
    rows = reg.list_registrations(demo, r.campaign_id, 2023)
    mine = [x for x in rows if x.name == "Nông Thị Hoa"]
    assert [(x.aim_name, x.unit_name) for x in mine] == [("Chiến sĩ thi đua cơ sở", "Văn phòng HĐND và UBND xã Thượng Quan")]


def test_the_same_aim_twice_is_refused_and_a_withdrawn_one_comes_back(demo):
    r = reg.save_registration(demo, _values("Nông Thị Hoa"))
    with pytest.raises(UserError) as e:
        reg.save_registration(demo, _values("Nông Thị Hoa"))
    assert e.value.code == "registration.duplicate"
    reg.withdraw_registration(demo, r.id)
    assert all(x.id != r.id for x in reg.list_registrations(demo, year=2023))
    again = reg.save_registration(demo, _values("Nông Thị Hoa"))
    assert again.id == r.id and again.archived_at is None
    assert Registration.select().count() == len(reg.list_registrations(demo))


@pytest.mark.parametrize("name,code,category,field", [
    ("Nông Thị Hoa", "TTLDXS", "danh_hieu", "aim_code"),        # a collective's title for a person
    ("Thôn Nà Khoang", "LDTT", "danh_hieu", "aim_code"),        # a person's title for a collective
    ("Nông Thị Hoa", "LDTT", "khong_co", "aim_category"),
])
def test_an_aim_that_does_not_fit_is_refused(demo, name, code, category, field):
    with pytest.raises(ValidationError) as e:
        reg.save_registration(demo, _values(name, code, category))
    assert field in e.value.fields


def test_year_inside_the_campaign_and_date_not_after_the_year(demo):
    with pytest.raises(ValidationError) as e:
        reg.save_registration(demo, _values("Nông Thị Hoa", year="2027", on="01/01/2026"))
    assert "year" in e.value.fields
    with pytest.raises(ValidationError) as e:
        reg.save_registration(demo, _values("Nông Thị Hoa", year="2023", on="01/01/2024"))
    assert e.value.fields == {"registered_on": "registration.date_after_year"}


def test_a_collective_registers_with_its_members(demo):
    station = _p("Trạm Y tế xã Thượng Quan")
    members = [_p("Ma Thị Lan").id, _p("Lý Thị Hằng").id]
    made = reg.register_collective(demo, _values("Trạm Y tế xã Thượng Quan", "TTLDXS"), members)
    assert len(made) == 3
    rows = reg.list_registrations(demo, year=2023, collective_id=station.id)
    assert sorted(x.name for x in rows) == sorted(["Trạm Y tế xã Thượng Quan", "Ma Thị Lan", "Lý Thị Hằng"])
    assert {x.collective_name for x in rows if x.kind == "individual"} == {station.name}
    # Registering the list again keeps the members' registrations as they were.
    reg.withdraw_registration(demo, made[0].id)
    again = reg.register_collective(demo, _values("Trạm Y tế xã Thượng Quan", "TTLDXS"), members)
    assert [m.id for m in again] == [m.id for m in made]


def test_excel_seam_all_or_nothing_and_idempotent(demo):
    good = [(5, _values("Nông Thị Hoa")), (6, _values("Thôn Nà Khoang", "TTLDTT"))]
    bad = good + [(7, _values("Ma Thị Lan", "TTLDXS"))]
    before = Registration.select().count()
    report = reg.import_registrations(demo, bad)
    assert report.added == 0 and [n for n, _ in report.problems] == [7]
    assert "aim_code" in report.problems[0][1]
    assert Registration.select().count() == before
    assert reg.import_registrations(demo, good).added == 2
    second = reg.import_registrations(demo, good)
    assert (second.added, second.unchanged) == (0, 2)
    assert {r.source for r in Registration.select().where(Registration.year == 2023)} == {"excel"}


def test_the_database_refuses_an_unknown_aim_category(demo):
    conn = sqlite3.connect(demo.paths.database)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO registration (uid, commune_id, campaign_id, year, participant_id, aim_category, "
                     "aim_code, registered_on, created_at, updated_at) VALUES ('x', 1, 1, 2025, 1, 'xep_loai', "
                     "'HTTNV', '2025-01-01', '', '')")
    conn.close()
