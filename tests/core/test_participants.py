"""Participants: validation, all-or-nothing saving, archive, listing, paging and accent-insensitive search."""
from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from desktop_app.core.dates import format_vn_date, today
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register.achievements import save_achievement
from desktop_app.core.register.achievements import set_archived as archive_achievement
from desktop_app.core.register.participants import (ParticipantFilter, count_participants, find_duplicates,
                                                    list_participants, matching_achievements, participant_form_values,
                                                    save_participant, set_archived, validate_participant)
from desktop_app.core.storage.models import Campaign, Commune, Participant

NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


def person(commune, name, **extra):
    values = {"kind": "individual", "category": "cong_chuc", "name": name, "gender": "nam",
              "birth_date": "12/03/1988"}
    values.update(extra)
    return save_participant(commune, values)


def collective(commune, name, **extra):
    values = {"kind": "collective", "category": "thon_ban", "name": name}
    values.update(extra)
    return save_participant(commune, values)


def names(commune, **kw) -> list[str]:
    return [p.name for p in list_participants(ParticipantFilter(commune_id=commune.id, **kw), limit=1000)]


def found(commune, search, **kw) -> set[str]:
    return set(names(commune, search=search, **kw))


def rows(workspace) -> tuple[int, int]:
    db = workspace.db
    return (db.execute_sql("SELECT count(*) FROM participant").fetchone()[0],
            db.execute_sql("SELECT count(*) FROM participant_fts").fetchone()[0])


def errors_of(values) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_participant(values)
    return info.value.fields


def years_ago(years: int, days: int = 0) -> date:
    t = today()
    try:
        born = t.replace(year=t.year - years)
    except ValueError:  # 29 February
        born = t.replace(year=t.year - years, day=28)
    return born + timedelta(days=days)


# --- search -----------------------------------------------------------------------------------------

@pytest.fixture
def people(commune):
    return {
        "duc": person(commune, "Nguyễn Văn Đức", position="Công chức Văn hóa - Xã hội"),
        "an": person(commune, "Nguyễn Văn An"),
        "cuc": person(commune, "Nguyễn Thị Cúc", gender="nu"),
        "le": person(commune, "Lê Đức Anh"),
        "binh": person(commune, "Trần Thị Bình", gender="nu", workplace="Trạm Y tế xã"),
        "thon": collective(commune, "Thôn Nà Khoang", head_name="Nông Văn Kiên"),
    }


def test_search_full_name_without_accents(commune, people):
    assert found(commune, "nguyen van duc") == {"Nguyễn Văn Đức"}


def test_search_with_nfd_input(commune, people):
    query = NFD("Nguyễn Văn Đức")
    assert query != "Nguyễn Văn Đức"
    assert found(commune, query) == {"Nguyễn Văn Đức"}
    assert found(commune, NFD("đức")) == {"Nguyễn Văn Đức", "Lê Đức Anh"}


@pytest.mark.parametrize("query", ["Đức", "đức", "duc", "DUC", "Duc", "ĐỨC"])
def test_search_d_stroke_both_cases(commune, people, query):
    assert found(commune, query) == {"Nguyễn Văn Đức", "Lê Đức Anh"}


def test_search_prefix_as_you_type(commune, people):
    assert found(commune, "nguy") == {"Nguyễn Văn Đức", "Nguyễn Văn An", "Nguyễn Thị Cúc"}
    assert found(commune, "nguyen v") == {"Nguyễn Văn Đức", "Nguyễn Văn An"}
    assert found(commune, "nguyen van d") == {"Nguyễn Văn Đức"}
    assert found(commune, "n") >= {"Nguyễn Văn Đức", "Thôn Nà Khoang"}
    assert found(commune, "xyz") == set()


def test_search_other_fields(commune, people):
    assert found(commune, "tram y te") == {"Trần Thị Bình"}
    assert found(commune, "van hoa") == {"Nguyễn Văn Đức"}
    assert found(commune, "kien") == {"Thôn Nà Khoang"}  # head of the collective


def test_empty_search_lists_everyone(commune, people):
    assert len(names(commune, search="   ")) == len(people)
    assert count_participants(ParticipantFilter(commune_id=commune.id, search="")) == len(people)


def test_search_through_achievement_text(commune, people):
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    achievement = save_achievement(people["binh"], {
        "campaign_id": campaign.id, "title": "Số hóa hồ sơ hộ tịch",
        "description": "Rà soát và số hóa sổ đăng ký khai sinh", "results": "1.250 hồ sơ"})
    assert found(commune, "so hoa ho tich") == {"Trần Thị Bình"}
    assert found(commune, NFD("khai sinh")) == {"Trần Thị Bình"}
    assert [a.id for a in matching_achievements(people["binh"].id, "ho tich")] == [achievement.id]
    assert count_participants(ParticipantFilter(commune_id=commune.id, search="ho tich")) == 1
    archive_achievement(achievement, True)
    assert found(commune, "so hoa ho tich") == set()


def test_search_follows_edits(commune, people):
    p = people["an"]
    values = participant_form_values(p)
    values["name"] = "Nguyễn Văn Ánh"
    save_participant(commune, values, participant_id=p.id)
    assert found(commune, "anh") == {"Nguyễn Văn Ánh", "Lê Đức Anh"}
    assert "Nguyễn Văn An" not in names(commune)
    assert found(commune, "nguyen van an") == {"Nguyễn Văn Ánh"}  # 'an' is a prefix of 'anh'
    assert count_participants(ParticipantFilter(commune_id=commune.id)) == len(people)


def test_archived_hidden_from_active_list_and_shown_in_archived(commune, people):
    set_archived(people["duc"], True)
    assert "Nguyễn Văn Đức" not in names(commune)
    assert found(commune, "duc") == {"Lê Đức Anh"}
    assert names(commune, archived=True) == ["Nguyễn Văn Đức"]
    assert found(commune, "duc", archived=True) == {"Nguyễn Văn Đức"}
    set_archived(Participant.get_by_id(people["duc"].id), False)
    assert "Nguyễn Văn Đức" in names(commune)
    assert names(commune, archived=True) == []


def test_kind_filter(commune, people):
    assert names(commune, kind="collective") == ["Thôn Nà Khoang"]
    assert len(names(commune, kind="individual")) == 5
    assert found(commune, "n", kind="collective") == {"Thôn Nà Khoang"}


def test_other_commune_not_listed(commune, people):
    other = Commune.create(name="Xã Bằng Vân", created_at="x", updated_at="x")
    person(other, "Nguyễn Văn Đức")
    assert found(commune, "duc") == {"Nguyễn Văn Đức", "Lê Đức Anh"}
    assert names(other) == ["Nguyễn Văn Đức"]


def test_sort_by_given_name(commune):
    for name in ("Trần Văn Cường", "Đỗ Thị Bình", "Lê An", "Nguyễn Thị Anh", "Bùi Văn Ánh"):
        person(commune, name)
    listed = names(commune)
    given = [n.split()[-1] for n in listed]
    assert given[:2] == ["An", "Anh"] or given[:2] == ["An", "Ánh"]
    assert given.index("An") < given.index("Bình") < given.index("Cường")
    assert listed[-1] == "Trần Văn Cường"
    descending = [p.name for p in list_participants(ParticipantFilter(commune_id=commune.id), descending=True)]
    assert descending[0] == "Trần Văn Cường" and descending[-1] == "Lê An"


def test_same_given_name_sorted_by_whole_name(commune):
    for name in ("Trần Văn An", "Bế Thị An", "Nguyễn An"):
        person(commune, name)
    assert names(commune) == ["Bế Thị An", "Nguyễn An", "Trần Văn An"]


def test_paging_is_stable_with_ties(commune):
    for i in range(23):
        person(commune, "Nguyễn Văn Đức" if i % 3 else f"Hoàng Văn Sơn {i:02d}")
    flt = ParticipantFilter(commune_id=commune.id)
    everyone = [p.id for p in list_participants(flt, limit=1000)]
    assert len(everyone) == 23
    paged = []
    for offset in range(0, 30, 7):
        paged += [p.id for p in list_participants(flt, offset=offset, limit=7)]
    assert paged == everyone
    assert len(set(paged)) == 23
    assert [p.id for p in list_participants(flt, offset=7, limit=7)] == everyone[7:14]
    assert [p.id for p in list_participants(flt, order="birth_date", limit=1000)] == sorted(
        everyone, key=lambda i: (Participant.get_by_id(i).birth_date, i))


def test_unknown_sort_column_falls_back_to_name(commune):
    person(commune, "Trần Văn Bình")
    person(commune, "Lê An")
    assert [p.name for p in list_participants(ParticipantFilter(commune_id=commune.id),
                                              order="name; DROP TABLE participant")] == ["Lê An", "Trần Văn Bình"]


def test_stored_text_is_nfc(workspace, commune):
    p = person(commune, NFD("  Nguyễn   Văn Đức "), position=NFD("Phó Chủ tịch"), ethnicity=NFD("Tày"))
    stored = Participant.get_by_id(p.id)
    for value in (stored.name, stored.position, stored.ethnicity):
        assert unicodedata.is_normalized("NFC", value)
    assert stored.name == "Nguyễn Văn Đức"
    raw = workspace.db.execute_sql("SELECT name FROM participant WHERE id = ?", (p.id,)).fetchone()[0]
    assert raw == "Nguyễn Văn Đức"


def test_round_trip_of_form_values(commune):
    org = collective(commune, "Trạm Y tế xã Thượng Quan", member_count="10", female_count="8")
    p = person(commune, "Ma Thị Lan", gender="nu", birth_date="14/04/1985", organization_id=org.id,
               cccd="006185001234", phone="0912 345 678", workplace="Trạm Y tế")
    values = participant_form_values(Participant.get_by_id(p.id))
    assert values["birth_date"] == "14/04/1985"
    assert values["phone"] == "0912345678"
    assert values["organization_id"] == org.id
    again = save_participant(commune, values, participant_id=p.id)
    assert participant_form_values(again) == values
    assert participant_form_values(Participant.get_by_id(org.id))["female_count"] == "8"


# --- validation ---------------------------------------------------------------------------------------

VALID = {"kind": "individual", "category": "cong_chuc", "name": "Nguyễn Văn Đức", "gender": "nam",
         "birth_date": "12/03/1988"}


def test_valid_individual_passes():
    clean = validate_participant(dict(VALID))
    assert clean["birth_date"] == date(1988, 3, 12)
    assert clean["name"] == "Nguyễn Văn Đức"


@pytest.mark.parametrize("field", ["kind", "category", "name", "gender"])
def test_required_fields(field):
    values = dict(VALID, **{field: "   "})
    assert errors_of(values)[field] == "field.required"


def test_every_error_collected_at_once():
    fields = errors_of(dict(VALID, name="", cccd="123", phone="abc", birth_date="31/02/2020"))
    assert fields == {"name": "field.required", "cccd": "participant.cccd_invalid",
                      "phone": "participant.phone_invalid", "birth_date": "date.invalid"}


def test_unknown_kind_and_category():
    assert errors_of(dict(VALID, kind="robot"))["kind"] == "field.invalid_choice"
    assert errors_of(dict(VALID, category="thon_ban"))["category"] == "field.invalid_choice"


def test_too_long():
    assert errors_of(dict(VALID, name="A" * 201))["name"] == "field.too_long"
    validate_participant(dict(VALID, name="A" * 200))
    with pytest.raises(ValidationError) as info:
        validate_participant(dict(VALID, ethnicity="x" * 51))
    assert info.value.fields == {"ethnicity": "field.too_long"}
    assert "50" in info.value.field_text("ethnicity")


@pytest.mark.parametrize("text, code", [
    ("31/02/2020", "date.invalid"),
    ("2020-02-01", "date.invalid"),
    ("12/3/88", "date.invalid"),
    ("01/01/1850", "date.too_old"),
])
def test_birth_date_format(text, code):
    assert errors_of(dict(VALID, birth_date=text))["birth_date"] == code


def test_birth_date_in_future_refused():
    tomorrow = format_vn_date(today() + timedelta(days=1))
    assert errors_of(dict(VALID, birth_date=tomorrow))["birth_date"] == "date.in_future"


def test_younger_than_fifteen_refused():
    assert errors_of(dict(VALID, birth_date=format_vn_date(years_ago(10))))["birth_date"] == \
        "participant.birth_too_young"
    assert errors_of(dict(VALID, birth_date=format_vn_date(years_ago(15, days=1))))["birth_date"] == \
        "participant.birth_too_young"
    assert validate_participant(dict(VALID, birth_date=format_vn_date(years_ago(15))))["birth_date"] == years_ago(15)


def test_birth_date_optional():
    assert validate_participant(dict(VALID, birth_date=""))["birth_date"] is None


@pytest.mark.parametrize("cccd", ["00118800123", "0011880012345", "00118800123a", "CCCD00118800"])
def test_cccd_must_be_twelve_digits(cccd):
    assert errors_of(dict(VALID, cccd=cccd))["cccd"] == "participant.cccd_invalid"


def test_cccd_accepts_spaces_and_is_optional():
    assert validate_participant(dict(VALID, cccd="001 188 001 234"))["cccd"] == "001188001234"
    assert validate_participant(dict(VALID, cccd=""))["cccd"] == ""


@pytest.mark.parametrize("phone", ["0912345678", "02093870123", "+84912345678", "091.234.5678"])
def test_phone_valid(phone):
    validate_participant(dict(VALID, phone=phone))


@pytest.mark.parametrize("phone", ["12345", "912345678", "09123abc78", "+8491234",
                                   "091234567890"])
def test_phone_invalid(phone):
    assert errors_of(dict(VALID, phone=phone))["phone"] == "participant.phone_invalid"


COLLECTIVE = {"kind": "collective", "category": "thon_ban", "name": "Thôn Nà Khoang"}


def test_collective_counts():
    assert validate_participant(dict(COLLECTIVE, member_count="212", female_count="104"))["female_count"] == 104
    assert validate_participant(dict(COLLECTIVE, member_count="10", female_count="10"))["member_count"] == 10
    assert errors_of(dict(COLLECTIVE, member_count="10", female_count="11"))["female_count"] == \
        "participant.female_exceeds_members"
    assert errors_of(dict(COLLECTIVE, member_count="mười"))["member_count"] == "field.not_integer"
    assert errors_of(dict(COLLECTIVE, member_count="-3"))["member_count"] == "field.not_integer"


def test_collective_ignores_individual_fields(commune):
    c = collective(commune, "Thôn Bản Chang", gender="nam", birth_date="01/01/2000", cccd="123")
    stored = Participant.get_by_id(c.id)
    assert stored.gender == "" and stored.birth_date is None and stored.cccd == ""


def test_organization_must_be_a_collective(commune):
    other_person = person(commune, "Lê Văn Tám")
    with pytest.raises(ValidationError) as info:
        person(commune, "Nguyễn Văn Đức", organization_id=other_person.id)
    assert info.value.fields == {"organization_id": "participant.org_not_collective"}
    with pytest.raises(ValidationError):
        person(commune, "Nguyễn Văn Đức", organization_id=999_999)
    org = collective(commune, "Trạm Y tế xã")
    assert person(commune, "Nguyễn Văn Đức", organization_id=str(org.id)).organization_id == org.id


def test_nothing_saved_when_invalid(workspace, commune):
    person(commune, "Nguyễn Văn Đức")
    before = rows(workspace)
    for bad in (dict(VALID, name=""), dict(VALID, cccd="12"), dict(COLLECTIVE, member_count="1", female_count="2"),
                dict(VALID, birth_date="31/02/2020")):
        with pytest.raises(ValidationError):
            save_participant(commune, bad)
    assert rows(workspace) == before == (1, 1)


def test_failed_edit_leaves_record_unchanged(commune):
    p = person(commune, "Nguyễn Văn Đức", phone="0912345678")
    with pytest.raises(ValidationError):
        save_participant(commune, dict(VALID, name="Nguyễn Văn Đạt", phone="12"), participant_id=p.id)
    stored = Participant.get_by_id(p.id)
    assert (stored.name, stored.phone) == ("Nguyễn Văn Đức", "0912345678")
    assert found(commune, "dat") == set()


def test_edit_of_other_communes_participant_refused(commune):
    other = Commune.create(name="Xã Bằng Vân", created_at="x", updated_at="x")
    stranger = person(other, "Hà Văn Hải")
    with pytest.raises(UserError) as info:
        save_participant(commune, dict(VALID), participant_id=stranger.id)
    assert info.value.code == "participant.not_found"
    assert Participant.get_by_id(stranger.id).name == "Hà Văn Hải"


# --- duplicates ---------------------------------------------------------------------------------------

def test_duplicate_same_name_any_accents_and_birth_date(commune):
    p = person(commune, "Nguyễn Văn Đức", birth_date="12/03/1988")
    born = date(1988, 3, 12)
    for spelling in ("Nguyễn Văn Đức", NFD("Nguyễn Văn Đức"), "nguyen van duc", "NGUYỄN  VĂN ĐỨC"):
        assert [d.id for d in find_duplicates(commune, spelling, born)] == [p.id], spelling
    assert find_duplicates(commune, "Nguyễn Văn Đức", date(1988, 3, 13)) == []
    assert find_duplicates(commune, "Nguyễn Văn Đạt", born) == []
    assert find_duplicates(commune, "Nguyễn Văn Đức", None) == []
    assert find_duplicates(commune, "Nguyễn Văn Đức", born, exclude_id=p.id) == []


def test_duplicate_not_found_in_other_commune(commune):
    other = Commune.create(name="Xã Bằng Vân", created_at="x", updated_at="x")
    person(other, "Nguyễn Văn Đức", birth_date="12/03/1988")
    assert find_duplicates(commune, "Nguyễn Văn Đức", date(1988, 3, 12)) == []
