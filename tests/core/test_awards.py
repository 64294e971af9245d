"""Award history: emulation titles and award forms kept apart; year bounds; the four award types."""
from __future__ import annotations

from datetime import datetime

import peewee
import pytest

from desktop_app.core.dates import format_vn_date
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register.awards import (award_form_values, get_award, list_awards, save_award, set_archived,
                                              validate_award)
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage.models import Award
from desktop_app.core.storage.session import FixedClock
from desktop_app.core.vocabulary import AWARD_CODES_BY_CATEGORY, AWARD_FORMS, BANG_KHEN_TINH, COMMENDATION_TYPES


@pytest.fixture
def participant(session, commune):
    return save_participant(session, {"kind": "individual", "category": "cong_chuc", "name": "Nông Thị Hoa",
                                      "gender": "nu", "birth_date": "05/09/1990"})


def award(**extra):
    values = {"category": "danh_hieu", "code": "LDTT", "year": "2024", "decision_number": "112/QĐ-UBND",
              "decision_date": "20/12/2024", "issuer": "Chủ tịch UBND xã", "award_type": "cong_trang"}
    values.update(extra)
    return values


def errors_of(session, values) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_award(session, values)
    return info.value.fields


def test_titles_and_forms_do_not_mix(session):
    assert errors_of(session, award(category="danh_hieu", code="giay_khen"))["code"] == "award.code_category_mismatch"
    assert errors_of(session, award(category="hinh_thuc", code="CSTDCS"))["code"] == "award.code_category_mismatch"
    assert errors_of(session, award(code="KHONG_CO"))["code"] == "award.code_category_mismatch"
    assert set(AWARD_CODES_BY_CATEGORY["danh_hieu"].codes).isdisjoint(AWARD_CODES_BY_CATEGORY["hinh_thuc"].codes)
    validate_award(session, award(category="hinh_thuc", code="giay_khen"))


def test_award_form_codes_are_lower_case_and_unified(session):
    # The history uses the same codes as the rounds ("giay_khen", "bang_khen_tinh"); the old upper-case
    # spellings are no longer accepted for new entries.
    validate_award(session, award(category="hinh_thuc", code="bang_khen_tinh"))
    for old in ("GIAY_KHEN", "BANG_KHEN_TINH"):
        assert errors_of(session, award(category="hinh_thuc", code=old))["code"] == "award.code_category_mismatch"


def test_titles_and_forms_stored_as_distinct_categories(session, participant):
    title = save_award(session, participant.id, award(category="danh_hieu", code="CSTDCS"))
    form = save_award(session, participant.id, award(category="hinh_thuc", code="bang_khen_tinh",
                                                     award_type="chuyen_de"))
    assert Award.get_by_id(title.id).category == "danh_hieu"
    assert Award.get_by_id(title.id).name == "Chiến sĩ thi đua cơ sở"
    assert Award.get_by_id(form.id).category == "hinh_thuc"
    assert Award.get_by_id(form.id).code == "bang_khen_tinh"
    # The name comes from core/vocabulary.py (written in full there).
    assert Award.get_by_id(form.id).name == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" == \
        AWARD_FORMS.name(BANG_KHEN_TINH)
    assert [a.id for a in Award.select().where(Award.category == "danh_hieu")] == [title.id]


def test_database_refuses_unknown_category(session, participant):
    with pytest.raises(peewee.IntegrityError):
        Award.create(commune=participant.commune_id, participant=participant, category="giai_thuong",
                     code="X", name="X", year=2024, award_type="cong_trang", created_at="x")


def test_year_bounds(session):
    this_year = session.clock.today().year
    assert errors_of(session, award(year="1944", decision_date=""))["year"] == "award.year_invalid"
    assert errors_of(session, award(year=str(this_year + 1), decision_date=""))["year"] == "award.year_invalid"
    assert errors_of(session, award(year="hai nghìn"))["year"] == "field.not_integer"
    assert errors_of(session, award(year=""))["year"] == "field.required"
    assert validate_award(session, award(year="1945", decision_date=""))["year"] == 1945
    assert validate_award(session, award(year=str(this_year), decision_date=""))["year"] == this_year


def test_year_and_dates_judged_by_the_session_clock(session):
    session.clock = FixedClock(at=datetime(2040, 3, 1, 9, 0))
    assert validate_award(session, award(year="2040", decision_date="15/02/2040"))["year"] == 2040
    assert errors_of(session, award(year="2041", decision_date=""))["year"] == "award.year_invalid"
    assert errors_of(session, award(year="2040", decision_date="02/03/2040"))["decision_date"] == "date.in_future"


def test_decision_date_checks(session):
    today = session.clock.today()
    assert errors_of(session, award(year="2024", decision_date="20/12/2023"))["decision_date"] == "date.range_order"
    validate_award(session, award(year="2024", decision_date="15/01/2025"))  # decided early the next year
    future = format_vn_date(today.replace(year=today.year + 1, day=1))
    assert errors_of(session, award(year=str(today.year), decision_date=future))["decision_date"] == "date.in_future"


def test_the_four_award_types_are_stored(session, participant):
    assert len(COMMENDATION_TYPES) == 4
    for kind in COMMENDATION_TYPES.codes:
        save_award(session, participant.id, award(award_type=kind))
    assert {a.award_type for a in Award.select()} == {"cong_trang", "chuyen_de", "dot_xuat", "cong_hien"}
    assert errors_of(session, award(award_type="thuong_xuyen"))["award_type"] == "field.invalid_choice"
    assert errors_of(session, award(award_type=""))["award_type"] == "field.required"


def test_nothing_saved_when_invalid(session, participant):
    with pytest.raises(ValidationError):
        save_award(session, participant.id, award(code="giay_khen"))
    assert Award.select().count() == 0


def test_award_of_unknown_participant_refused(session, commune):
    with pytest.raises(UserError) as info:
        save_award(session, 999_999, award())
    assert info.value.code == "participant.not_found"
    assert Award.select().count() == 0


def test_list_newest_first_and_archive(session, participant):
    old = save_award(session, participant.id, award(year="2022", decision_date="20/12/2022"))
    new = save_award(session, participant.id, award(year="2024"))
    assert [a.id for a in list_awards(session, participant.id)] == [new.id, old.id]
    set_archived(session, new.id, True)
    assert [a.id for a in list_awards(session, participant.id)] == [old.id]


def test_edit_round_trip(session, participant):
    a = save_award(session, participant.id, award())
    values = award_form_values(get_award(session, a.id))
    assert values["decision_date"] == "20/12/2024" and values["year"] == "2024"
    values["code"] = "CSTDCS"
    save_award(session, participant.id, values, award_id=a.id)
    assert Award.select().count() == 1
    assert Award.get_by_id(a.id).name == "Chiến sĩ thi đua cơ sở"
