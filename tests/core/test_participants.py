"""Participants: validation, all-or-nothing saving, archive, listing, paging and accent-insensitive search."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

import pytest

from desktop_app.core.dates import format_vn_date
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register.achievements import save_achievement
from desktop_app.core.register.achievements import set_archived as archive_achievement
from desktop_app.core.register.participants import (ParticipantFilter, count_participants, find_duplicates,
                                                    get_participant, list_participants, matching_achievements,
                                                    participant_form_values, save_participant, set_archived,
                                                    validate_participant)
from desktop_app.core.storage.models import Campaign, Commune, Participant
from desktop_app.core.storage.session import FixedClock

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


def person(session, name, **extra):
    """An individual of the workspace's own commune (save_participant always saves into the home commune)."""
    values = {"kind": "individual", "category": "cong_chuc", "name": name, "gender": "nam",
              "birth_date": "12/03/1988"}
    values.update(extra)
    return save_participant(session, values)


def collective(session, name, **extra):
    values = {"kind": "collective", "category": "thon_ban", "name": name}
    values.update(extra)
    return save_participant(session, values)


def other_commune():
    """A second commune in the same database (as a receiving workspace holds them)."""
    return Commune.create(name="Xã Bằng Vân", created_at="x", updated_at="x")


def person_of(session, other, name, **extra):
    """An individual belonging to `other` (not the home commune): saved and indexed normally, then moved."""
    p = person(session, name, **extra)
    Participant.update(commune=other).where(Participant.id == p.id).execute()
    return Participant.get_by_id(p.id)


def names(session, commune, **kw) -> list[str]:
    return [p.name for p in list_participants(session, ParticipantFilter(commune_id=commune.id, **kw), limit=1000)]


def found(session, commune, search, **kw) -> set[str]:
    return set(names(session, commune, search=search, **kw))


def rows(workspace) -> tuple[int, int]:
    db = workspace.db
    return (db.execute_sql("SELECT count(*) FROM participant").fetchone()[0],
            db.execute_sql("SELECT count(*) FROM participant_fts").fetchone()[0])


def errors_of(session, values) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_participant(session, values)
    return info.value.fields


def years_ago(session, years: int, days: int = 0) -> date:
    t = session.clock.today()
    try:
        born = t.replace(year=t.year - years)
    except ValueError:  # 29 February
        born = t.replace(year=t.year - years, day=28)
    return born + timedelta(days=days)


# --- search -----------------------------------------------------------------------------------------

@pytest.fixture
def people(session, commune):
    return {
        "duc": person(session, "Nguyễn Văn Đức", position="Công chức Văn hóa - Xã hội"),
        "an": person(session, "Nguyễn Văn An"),
        "cuc": person(session, "Nguyễn Thị Cúc", gender="nu"),
        "le": person(session, "Lê Đức Anh"),
        "binh": person(session, "Trần Thị Bình", gender="nu", workplace="Trạm Y tế xã"),
        "thon": collective(session, "Thôn Nà Khoang", head_name="Nông Văn Kiên"),
    }


def test_search_full_name_without_accents(session, commune, people):
    assert found(session, commune, "nguyen van duc") == {"Nguyễn Văn Đức"}


def test_search_with_nfd_input(session, commune, people):
    query = NFD("Nguyễn Văn Đức")
    assert query != "Nguyễn Văn Đức"
    assert found(session, commune, query) == {"Nguyễn Văn Đức"}
    assert found(session, commune, NFD("đức")) == {"Nguyễn Văn Đức", "Lê Đức Anh"}


@pytest.mark.parametrize("query", ["Đức", "đức", "duc", "DUC", "Duc", "ĐỨC"])
def test_search_d_stroke_both_cases(session, commune, people, query):
    assert found(session, commune, query) == {"Nguyễn Văn Đức", "Lê Đức Anh"}


def test_search_prefix_as_you_type(session, commune, people):
    assert found(session, commune, "nguy") == {"Nguyễn Văn Đức", "Nguyễn Văn An", "Nguyễn Thị Cúc"}
    assert found(session, commune, "nguyen v") == {"Nguyễn Văn Đức", "Nguyễn Văn An"}
    assert found(session, commune, "nguyen van d") == {"Nguyễn Văn Đức"}
    assert found(session, commune, "n") >= {"Nguyễn Văn Đức", "Thôn Nà Khoang"}
    assert found(session, commune, "xyz") == set()


def test_search_other_fields(session, commune, people):
    assert found(session, commune, "tram y te") == {"Trần Thị Bình"}
    assert found(session, commune, "van hoa") == {"Nguyễn Văn Đức"}
    assert found(session, commune, "kien") == {"Thôn Nà Khoang"}  # head of the collective


def test_empty_search_lists_everyone(session, commune, people):
    assert len(names(session, commune, search="   ")) == len(people)
    assert count_participants(session, ParticipantFilter(commune_id=commune.id, search="")) == len(people)


def test_search_through_achievement_text(session, commune, people):
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    achievement = save_achievement(session, people["binh"].id, {
        "campaign_id": campaign.id, "title": "Số hóa hồ sơ hộ tịch",
        "description": "Rà soát và số hóa sổ đăng ký khai sinh", "results": "1.250 hồ sơ"})
    assert found(session, commune, "so hoa ho tich") == {"Trần Thị Bình"}
    assert found(session, commune, NFD("khai sinh")) == {"Trần Thị Bình"}
    assert [a.id for a in matching_achievements(session, people["binh"].id, "ho tich")] == [achievement.id]
    assert count_participants(session, ParticipantFilter(commune_id=commune.id, search="ho tich")) == 1
    archive_achievement(session, achievement.id, True)
    assert found(session, commune, "so hoa ho tich") == set()


def test_search_follows_edits(session, commune, people):
    p = people["an"]
    values = participant_form_values(p)
    values["name"] = "Nguyễn Văn Ánh"
    save_participant(session, values, participant_id=p.id)
    assert found(session, commune, "anh") == {"Nguyễn Văn Ánh", "Lê Đức Anh"}
    assert "Nguyễn Văn An" not in names(session, commune)
    assert found(session, commune, "nguyen van an") == {"Nguyễn Văn Ánh"}  # 'an' is a prefix of 'anh'
    assert count_participants(session, ParticipantFilter(commune_id=commune.id)) == len(people)


def test_archived_hidden_from_active_list_and_shown_in_archived(session, commune, people):
    set_archived(session, people["duc"].id, True)
    assert "Nguyễn Văn Đức" not in names(session, commune)
    assert found(session, commune, "duc") == {"Lê Đức Anh"}
    assert names(session, commune, archived=True) == ["Nguyễn Văn Đức"]
    assert found(session, commune, "duc", archived=True) == {"Nguyễn Văn Đức"}
    set_archived(session, people["duc"].id, False)
    assert "Nguyễn Văn Đức" in names(session, commune)
    assert names(session, commune, archived=True) == []


def test_kind_filter(session, commune, people):
    assert names(session, commune, kind="collective") == ["Thôn Nà Khoang"]
    assert len(names(session, commune, kind="individual")) == 5
    assert found(session, commune, "n", kind="collective") == {"Thôn Nà Khoang"}


def test_other_commune_not_listed(session, commune, people):
    other = other_commune()
    person_of(session, other, "Nguyễn Văn Đức")
    assert found(session, commune, "duc") == {"Nguyễn Văn Đức", "Lê Đức Anh"}
    assert names(session, other) == ["Nguyễn Văn Đức"]


def test_saved_into_the_home_commune(session, commune):
    other_commune()  # another commune in the database is never the one a new record goes to
    p = person(session, "Nguyễn Văn Đức")
    assert Participant.get_by_id(p.id).commune_id == commune.id == session.home_commune().id


def test_save_refused_before_the_commune_is_configured(session):
    with pytest.raises(UserError) as info:
        save_participant(session, dict(VALID))
    assert info.value.code == "commune.not_configured"
    assert Participant.select().count() == 0


def test_sort_by_given_name(session, commune):
    for name in ("Trần Văn Cường", "Đỗ Thị Bình", "Lê An", "Nguyễn Thị Anh", "Bùi Văn Ánh"):
        person(session, name)
    listed = names(session, commune)
    given = [n.split()[-1] for n in listed]
    assert given[:2] == ["An", "Anh"] or given[:2] == ["An", "Ánh"]
    assert given.index("An") < given.index("Bình") < given.index("Cường")
    assert listed[-1] == "Trần Văn Cường"
    descending = [p.name for p in list_participants(session, ParticipantFilter(commune_id=commune.id),
                                                    descending=True)]
    assert descending[0] == "Trần Văn Cường" and descending[-1] == "Lê An"


def test_same_given_name_sorted_by_whole_name(session, commune):
    for name in ("Trần Văn An", "Bế Thị An", "Nguyễn An"):
        person(session, name)
    assert names(session, commune) == ["Bế Thị An", "Nguyễn An", "Trần Văn An"]


def test_paging_is_stable_with_ties(session, commune):
    for i in range(23):
        person(session, "Nguyễn Văn Đức" if i % 3 else f"Hoàng Văn Sơn {i:02d}")
    flt = ParticipantFilter(commune_id=commune.id)
    everyone = [p.id for p in list_participants(session, flt, limit=1000)]
    assert len(everyone) == 23
    paged = []
    for offset in range(0, 30, 7):
        paged += [p.id for p in list_participants(session, flt, offset=offset, limit=7)]
    assert paged == everyone
    assert len(set(paged)) == 23
    assert [p.id for p in list_participants(session, flt, offset=7, limit=7)] == everyone[7:14]
    assert [p.id for p in list_participants(session, flt, order="birth_date", limit=1000)] == sorted(
        everyone, key=lambda i: (Participant.get_by_id(i).birth_date, i))


def test_unknown_sort_column_falls_back_to_name(session, commune):
    person(session, "Trần Văn Bình")
    person(session, "Lê An")
    assert [p.name for p in list_participants(session, ParticipantFilter(commune_id=commune.id),
                                              order="name; DROP TABLE participant")] == ["Lê An", "Trần Văn Bình"]


def test_stored_text_is_nfc(session, commune):
    p = person(session, NFD("  Nguyễn   Văn Đức "), position=NFD("Phó Chủ tịch"), ethnicity=NFD("Tày"))
    stored = Participant.get_by_id(p.id)
    for value in (stored.name, stored.position, stored.ethnicity):
        assert unicodedata.is_normalized("NFC", value)
    assert stored.name == "Nguyễn Văn Đức"
    raw = session.db.execute_sql("SELECT name FROM participant WHERE id = ?", (p.id,)).fetchone()[0]
    assert raw == "Nguyễn Văn Đức"


def test_round_trip_of_form_values(session, commune):
    org = collective(session, "Trạm Y tế xã Thượng Quan", member_count="10", female_count="8")
    p = person(session, "Ma Thị Lan", gender="nu", birth_date="14/04/1985", organization_id=org.id,
               cccd="006185001234", phone="0912 345 678", workplace="Trạm Y tế")
    values = participant_form_values(Participant.get_by_id(p.id))
    assert values["birth_date"] == "14/04/1985"
    assert values["phone"] == "0912345678"
    assert values["organization_id"] == org.id
    again = save_participant(session, values, participant_id=p.id)
    assert participant_form_values(again) == values
    assert participant_form_values(Participant.get_by_id(org.id))["female_count"] == "8"


def test_get_participant_reads_the_stored_row(session, commune):
    p = person(session, "Ma Thị Lan")
    Participant.update(position="Trưởng Trạm Y tế").where(Participant.id == p.id).execute()
    assert get_participant(session, p.id).position == "Trưởng Trạm Y tế"
    assert get_participant(session, None) is None
    assert get_participant(session, 999_999) is None


# --- validation ---------------------------------------------------------------------------------------

VALID = {"kind": "individual", "category": "cong_chuc", "name": "Nguyễn Văn Đức", "gender": "nam",
         "birth_date": "12/03/1988"}


def test_valid_individual_passes(session):
    clean = validate_participant(session, dict(VALID))
    assert clean["birth_date"] == date(1988, 3, 12)
    assert clean["name"] == "Nguyễn Văn Đức"


@pytest.mark.parametrize("field", ["kind", "category", "name", "gender"])
def test_required_fields(session, field):
    values = dict(VALID, **{field: "   "})
    assert errors_of(session, values)[field] == "field.required"


def test_every_error_collected_at_once(session):
    fields = errors_of(session, dict(VALID, name="", cccd="123", phone="abc", birth_date="31/02/2020"))
    assert fields == {"name": "field.required", "cccd": "participant.cccd_invalid",
                      "phone": "participant.phone_invalid", "birth_date": "date.invalid"}


def test_unknown_kind_and_category(session):
    assert errors_of(session, dict(VALID, kind="robot"))["kind"] == "field.invalid_choice"
    assert errors_of(session, dict(VALID, category="thon_ban"))["category"] == "field.invalid_choice"


def test_too_long(session):
    assert errors_of(session, dict(VALID, name="A" * 201))["name"] == "field.too_long"
    validate_participant(session, dict(VALID, name="A" * 200))
    with pytest.raises(ValidationError) as info:
        validate_participant(session, dict(VALID, ethnicity="x" * 51))
    assert info.value.fields == {"ethnicity": "field.too_long"}
    assert "50" in info.value.field_text("ethnicity")


@pytest.mark.parametrize("text, code", [
    ("31/02/2020", "date.invalid"),
    ("2020-02-01", "date.invalid"),
    ("12/3/88", "date.invalid"),
    ("01/01/1850", "date.too_old"),
])
def test_birth_date_format(session, text, code):
    assert errors_of(session, dict(VALID, birth_date=text))["birth_date"] == code


def test_birth_date_in_future_refused(session):
    tomorrow = format_vn_date(session.clock.today() + timedelta(days=1))
    assert errors_of(session, dict(VALID, birth_date=tomorrow))["birth_date"] == "date.in_future"


def test_dates_judged_by_the_session_clock(session):
    """'In the future' and 'younger than 15' follow the workspace's clock, not the computer's date."""
    session.clock = FixedClock(at=datetime(2040, 6, 1, 9, 0))
    born = format_vn_date(date(2030, 1, 1))  # in the future today; 10 years old by the session's clock
    assert errors_of(session, dict(VALID, birth_date=born))["birth_date"] == "participant.birth_too_young"
    session.clock = FixedClock(at=datetime(2020, 6, 1, 9, 0))
    later = format_vn_date(date(2021, 1, 1))  # in the past today; in the future by the session's clock
    assert errors_of(session, dict(VALID, birth_date=later))["birth_date"] == "date.in_future"


def test_younger_than_fifteen_refused(session):
    assert errors_of(session, dict(VALID, birth_date=format_vn_date(years_ago(session, 10))))["birth_date"] == \
        "participant.birth_too_young"
    assert errors_of(session, dict(VALID, birth_date=format_vn_date(years_ago(session, 15, days=1))))["birth_date"] == \
        "participant.birth_too_young"
    assert validate_participant(session, dict(VALID, birth_date=format_vn_date(years_ago(session, 15))))[
        "birth_date"] == years_ago(session, 15)


def test_birth_date_optional(session):
    assert validate_participant(session, dict(VALID, birth_date=""))["birth_date"] is None


@pytest.mark.parametrize("cccd", ["00118800123", "0011880012345", "00118800123a", "CCCD00118800"])
def test_cccd_must_be_twelve_digits(session, cccd):
    assert errors_of(session, dict(VALID, cccd=cccd))["cccd"] == "participant.cccd_invalid"


def test_cccd_accepts_spaces_and_is_optional(session):
    assert validate_participant(session, dict(VALID, cccd="001 188 001 234"))["cccd"] == "001188001234"
    assert validate_participant(session, dict(VALID, cccd=""))["cccd"] == ""


@pytest.mark.parametrize("phone", ["0912345678", "02093870123", "+84912345678", "091.234.5678"])
def test_phone_valid(session, phone):
    validate_participant(session, dict(VALID, phone=phone))


@pytest.mark.parametrize("phone", ["12345", "912345678", "09123abc78", "+8491234",
                                   "091234567890"])
def test_phone_invalid(session, phone):
    assert errors_of(session, dict(VALID, phone=phone))["phone"] == "participant.phone_invalid"


COLLECTIVE = {"kind": "collective", "category": "thon_ban", "name": "Thôn Nà Khoang"}


def test_collective_counts(session):
    assert validate_participant(session, dict(COLLECTIVE, member_count="212", female_count="104"))[
        "female_count"] == 104
    assert validate_participant(session, dict(COLLECTIVE, member_count="10", female_count="10"))["member_count"] == 10
    assert errors_of(session, dict(COLLECTIVE, member_count="10", female_count="11"))["female_count"] == \
        "participant.female_exceeds_members"
    assert errors_of(session, dict(COLLECTIVE, member_count="mười"))["member_count"] == "field.not_integer"
    assert errors_of(session, dict(COLLECTIVE, member_count="-3"))["member_count"] == "field.not_integer"


def test_collective_ignores_individual_fields(session, commune):
    c = collective(session, "Thôn Bản Chang", gender="nam", birth_date="01/01/2000", cccd="123")
    stored = Participant.get_by_id(c.id)
    assert stored.gender == "" and stored.birth_date is None and stored.cccd == ""


def test_organization_must_be_a_collective(session, commune):
    other_person = person(session, "Lê Văn Tám")
    with pytest.raises(ValidationError) as info:
        person(session, "Nguyễn Văn Đức", organization_id=other_person.id)
    assert info.value.fields == {"organization_id": "participant.org_not_collective"}
    with pytest.raises(ValidationError):
        person(session, "Nguyễn Văn Đức", organization_id=999_999)
    org = collective(session, "Trạm Y tế xã")
    assert person(session, "Nguyễn Văn Đức", organization_id=str(org.id)).organization_id == org.id


def test_nothing_saved_when_invalid(session, commune):
    person(session, "Nguyễn Văn Đức")
    before = rows(session)
    for bad in (dict(VALID, name=""), dict(VALID, cccd="12"), dict(COLLECTIVE, member_count="1", female_count="2"),
                dict(VALID, birth_date="31/02/2020")):
        with pytest.raises(ValidationError):
            save_participant(session, bad)
    assert rows(session) == before == (1, 1)


def test_failed_edit_leaves_record_unchanged(session, commune):
    p = person(session, "Nguyễn Văn Đức", phone="0912345678")
    with pytest.raises(ValidationError):
        save_participant(session, dict(VALID, name="Nguyễn Văn Đạt", phone="12"), participant_id=p.id)
    stored = Participant.get_by_id(p.id)
    assert (stored.name, stored.phone) == ("Nguyễn Văn Đức", "0912345678")
    assert found(session, commune, "dat") == set()


def test_edit_of_other_communes_participant_refused(session, commune):
    other = other_commune()
    stranger = person_of(session, other, "Hà Văn Hải")
    with pytest.raises(UserError) as info:
        save_participant(session, dict(VALID), participant_id=stranger.id)
    assert info.value.code == "participant.not_found"
    assert Participant.get_by_id(stranger.id).name == "Hà Văn Hải"
    assert Participant.get_by_id(stranger.id).commune_id == other.id


# --- duplicates ---------------------------------------------------------------------------------------

def test_duplicate_same_name_any_accents_and_birth_date(session, commune):
    p = person(session, "Nguyễn Văn Đức", birth_date="12/03/1988")
    born = date(1988, 3, 12)
    for spelling in ("Nguyễn Văn Đức", NFD("Nguyễn Văn Đức"), "nguyen van duc", "NGUYỄN  VĂN ĐỨC"):
        assert [d.id for d in find_duplicates(session, spelling, born)] == [p.id], spelling
    assert find_duplicates(session, "Nguyễn Văn Đức", date(1988, 3, 13)) == []
    assert find_duplicates(session, "Nguyễn Văn Đạt", born) == []
    assert find_duplicates(session, "Nguyễn Văn Đức", None) == []
    assert find_duplicates(session, "Nguyễn Văn Đức", born, exclude_id=p.id) == []


def test_duplicate_not_found_in_other_commune(session, commune):
    other = other_commune()
    person_of(session, other, "Nguyễn Văn Đức", birth_date="12/03/1988")
    assert find_duplicates(session, "Nguyễn Văn Đức", date(1988, 3, 12)) == []
