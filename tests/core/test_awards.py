"""Award history: emulation titles and award forms kept apart; year bounds; the four award types."""
from __future__ import annotations

import peewee
import pytest

from desktop_app.core.dates import format_vn_date, today
from desktop_app.core.errors import ValidationError
from desktop_app.core.register.awards import (AWARD_TYPES, CATALOGUE, award_form_values, list_awards, save_award,
                                              set_archived, validate_award)
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage.models import Award


@pytest.fixture
def participant(commune):
    return save_participant(commune, {"kind": "individual", "category": "cong_chuc", "name": "Nông Thị Hoa",
                                      "gender": "nu", "birth_date": "05/09/1990"})


def award(**extra):
    values = {"category": "danh_hieu", "code": "LDTT", "year": "2024", "decision_number": "112/QĐ-UBND",
              "decision_date": "20/12/2024", "issuer": "Chủ tịch UBND xã", "award_type": "cong_trang"}
    values.update(extra)
    return values


def errors_of(values) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_award(values)
    return info.value.fields


def test_titles_and_forms_do_not_mix():
    assert errors_of(award(category="danh_hieu", code="GIAY_KHEN"))["code"] == "award.code_category_mismatch"
    assert errors_of(award(category="hinh_thuc", code="CSTDCS"))["code"] == "award.code_category_mismatch"
    assert errors_of(award(code="KHONG_CO"))["code"] == "award.code_category_mismatch"
    assert set(CATALOGUE["danh_hieu"]).isdisjoint(CATALOGUE["hinh_thuc"])
    validate_award(award(category="hinh_thuc", code="GIAY_KHEN"))


def test_titles_and_forms_stored_as_distinct_categories(participant):
    title = save_award(participant, award(category="danh_hieu", code="CSTDCS"))
    form = save_award(participant, award(category="hinh_thuc", code="BANG_KHEN_TINH", award_type="chuyen_de"))
    assert Award.get_by_id(title.id).category == "danh_hieu"
    assert Award.get_by_id(title.id).name == "Chiến sĩ thi đua cơ sở"
    assert Award.get_by_id(form.id).category == "hinh_thuc"
    assert Award.get_by_id(form.id).name == "Bằng khen của Chủ tịch UBND tỉnh"
    assert [a.id for a in Award.select().where(Award.category == "danh_hieu")] == [title.id]


def test_database_refuses_unknown_category(workspace, participant):
    with pytest.raises(peewee.IntegrityError):
        Award.create(commune=participant.commune_id, participant=participant, category="giai_thuong",
                     code="X", name="X", year=2024, award_type="cong_trang", created_at="x")


def test_year_bounds():
    this_year = today().year
    assert errors_of(award(year="1944", decision_date=""))["year"] == "award.year_invalid"
    assert errors_of(award(year=str(this_year + 1), decision_date=""))["year"] == "award.year_invalid"
    assert errors_of(award(year="hai nghìn"))["year"] == "field.not_integer"
    assert errors_of(award(year=""))["year"] == "field.required"
    assert validate_award(award(year="1945", decision_date=""))["year"] == 1945
    assert validate_award(award(year=str(this_year), decision_date=""))["year"] == this_year


def test_decision_date_checks():
    assert errors_of(award(year="2024", decision_date="20/12/2023"))["decision_date"] == "date.range_order"
    validate_award(award(year="2024", decision_date="15/01/2025"))  # decided early the next year
    future = format_vn_date(today().replace(year=today().year + 1, day=1))
    assert errors_of(award(year=str(today().year), decision_date=future))["decision_date"] == "date.in_future"


def test_the_four_award_types_are_stored(participant):
    assert len(AWARD_TYPES) == 4
    for kind in AWARD_TYPES:
        save_award(participant, award(award_type=kind))
    assert {a.award_type for a in Award.select()} == {"cong_trang", "chuyen_de", "dot_xuat", "cong_hien"}
    assert errors_of(award(award_type="thuong_xuyen"))["award_type"] == "field.invalid_choice"
    assert errors_of(award(award_type=""))["award_type"] == "field.required"


def test_nothing_saved_when_invalid(participant):
    with pytest.raises(ValidationError):
        save_award(participant, award(code="GIAY_KHEN"))
    assert Award.select().count() == 0


def test_list_newest_first_and_archive(participant):
    old = save_award(participant, award(year="2022", decision_date="20/12/2022"))
    new = save_award(participant, award(year="2024"))
    assert [a.id for a in list_awards(participant)] == [new.id, old.id]
    set_archived(new, True)
    assert [a.id for a in list_awards(participant)] == [old.id]


def test_edit_round_trip(participant):
    a = save_award(participant, award())
    values = award_form_values(Award.get_by_id(a.id))
    assert values["decision_date"] == "20/12/2024" and values["year"] == "2024"
    values["code"] = "CSTDCS"
    save_award(participant, values, award_id=a.id)
    assert Award.select().count() == 1
    assert Award.get_by_id(a.id).name == "Chiến sĩ thi đua cơ sở"
