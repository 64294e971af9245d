"""core/vocabulary.py is the one list of stored codes: no code twice, every award code named, and validation
accepts exactly its codes (anything else is refused with a Vietnamese message)."""
from __future__ import annotations

import pytest

from desktop_app.core import vocabulary as vocab
from desktop_app.core.errors import ValidationError, message_text
from desktop_app.core.register.awards import validate_award
from desktop_app.core.register.participants import validate_participant
from desktop_app.core.vocabulary import (AWARD_CATEGORIES, AWARD_CODES_BY_CATEGORY, CATEGORIES_BY_KIND,
                                         COMMENDATION_TYPES, GENDERS, LEGACY_CODES, NOMINATION_FORMS,
                                         PARTICIPANT_CATEGORIES, PARTICIPANT_KINDS, Term, Terms, award_name,
                                         current_code)

#: Every Terms the module defines, by its name there.
ALL_TERMS = {name: value for name, value in vars(vocab).items() if isinstance(value, Terms)}
#: Every code of the vocabulary, plus near misses: old spellings, other cases, other languages, typos.
OUTSIDERS = ("", "robot", "khac", "other", "male", "female", "ca_nhan", "tap_the", "Individual", "COLLECTIVE",
             "Nam", "NU", "CONG_CHUC", "thon", "giai_thuong", "ldtt", "GIAY_KHEN", "BANG_KHEN_TINH",
             "bang_khen_chu_tich_tinh", "thuong_xuyen", "cong trang", " cong_trang_x")
CANDIDATES = sorted({code for terms in ALL_TERMS.values() for code in terms.codes} | set(LEGACY_CODES)
                    | set(OUTSIDERS) - {""})


def assert_vietnamese(text: str, code: str) -> None:
    """A real sentence from resources/messages, not the bare code."""
    assert text and text != code and not text.startswith(code), text
    assert any(ord(ch) > 127 for ch in text), text  # Vietnamese letters (ư, ơ, đ, ...), not an English stub


# --- the lists themselves ---------------------------------------------------------------------------------

def test_the_module_defines_its_lists():
    assert {"PARTICIPANT_KINDS", "INDIVIDUAL_CATEGORIES", "COLLECTIVE_CATEGORIES", "GENDERS", "AWARD_CATEGORIES",
            "TITLES", "AWARD_FORMS", "RATINGS", "INITIATIVES", "COMMENDATION_TYPES"} <= set(ALL_TERMS)


@pytest.mark.parametrize("name", sorted(ALL_TERMS))
def test_no_duplicate_code_and_every_term_named(name):
    terms = ALL_TERMS[name]
    codes = [t.code for t in terms]
    assert len(codes) == len(set(codes)) == len(terms) > 0
    assert codes == list(terms.codes)
    for t in terms:
        assert t.code and t.code == t.code.strip() and " " not in t.code, t
        assert t.name.strip() and t.name == t.name.strip(), t
        assert terms.name(t.code) == t.name
    names = [t.name for t in terms]
    assert len(names) == len(set(names)), f"two codes of {name} read the same to the officer"


def test_terms_refuse_a_duplicate_code():
    with pytest.raises(ValueError):
        Terms(Term("a", "A"), Term("a", "Another A"))


def test_participant_categories_are_the_two_kinds_lists_without_overlap():
    assert set(CATEGORIES_BY_KIND) == set(PARTICIPANT_KINDS.codes)
    individual, collective = (set(CATEGORIES_BY_KIND[k].codes) for k in (vocab.INDIVIDUAL, vocab.COLLECTIVE))
    assert individual.isdisjoint(collective)
    assert set(PARTICIPANT_CATEGORIES.codes) == individual | collective
    assert len(PARTICIPANT_CATEGORIES) == len(individual) + len(collective)


def test_award_catalogue_every_code_named_and_no_code_in_two_categories():
    assert set(AWARD_CODES_BY_CATEGORY) == set(AWARD_CATEGORIES.codes)
    seen: dict[str, str] = {}
    for category, terms in AWARD_CODES_BY_CATEGORY.items():
        assert len(terms) > 0, category
        for t in terms:
            assert t.code not in seen, f"{t.code} in {seen.get(t.code)} and {category}"
            seen[t.code] = category
            assert award_name(category, t.code) == t.name != t.code
            assert t.name.strip() and t.short_name.strip()
    # Titles and award forms never mix (domain.md §2).
    assert set(vocab.TITLES.codes).isdisjoint(vocab.AWARD_FORMS.codes)
    # The forms a round nominates for are award forms of the history, under the same code.
    assert set(NOMINATION_FORMS) <= set(vocab.AWARD_FORMS.codes)
    assert (vocab.GIAY_KHEN, vocab.BANG_KHEN_TINH) == ("giay_khen", "bang_khen_tinh")
    for code, form in NOMINATION_FORMS.items():
        assert form.code == code and form.name.strip() and form.short.strip()


def test_award_name_of_an_unknown_code_is_the_code():
    assert award_name("danh_hieu", "KHONG_CO") == "KHONG_CO"
    assert award_name("khong_co", "LDTT") == "LDTT"


def test_old_spellings_map_to_current_codes():
    forms = set(vocab.AWARD_FORMS.codes)
    for old, new in LEGACY_CODES.items():
        assert old not in forms, f"{old} is still a current code"
        assert new in forms
        assert current_code(old) == new
    assert current_code("giay_khen") == "giay_khen"
    assert current_code(None) == current_code("") == ""


# --- validation accepts exactly the vocabulary ---------------------------------------------------------

PERSON = {"kind": "individual", "category": "cong_chuc", "name": "Nguyễn Văn Đức", "gender": "nam",
          "birth_date": "12/03/1988"}
UNIT = {"kind": "collective", "category": "thon_ban", "name": "Thôn Nà Khoang"}


def participant_error(session, values, field):
    """None when the values are valid; else the (code, Vietnamese text) of `field`'s error."""
    try:
        validate_participant(session, values)
    except ValidationError as exc:
        assert field in exc.fields, exc.fields
        return exc.fields[field], exc.field_text(field)
    return None


def award_error(session, values, field):
    try:
        validate_award(session, values)
    except ValidationError as exc:
        assert field in exc.fields, exc.fields
        return exc.fields[field], exc.field_text(field)
    return None


def test_participant_kind_accepts_exactly_the_vocabulary(session):
    accepted = set()
    for code in CANDIDATES:
        base = PERSON if code != vocab.COLLECTIVE else UNIT
        error = participant_error(session, dict(base, kind=code), "kind")
        if error is None:
            accepted.add(code)
        else:
            assert error[0] == "field.invalid_choice", (code, error)
            assert_vietnamese(error[1], error[0])
    assert accepted == set(PARTICIPANT_KINDS.codes)


@pytest.mark.parametrize("kind", PARTICIPANT_KINDS.codes)
def test_participant_category_accepts_exactly_the_kinds_list(session, kind):
    base = PERSON if kind == vocab.INDIVIDUAL else UNIT
    accepted = set()
    for code in CANDIDATES:
        error = participant_error(session, dict(base, category=code), "category")
        if error is None:
            accepted.add(code)
        else:
            assert error[0] == "field.invalid_choice", (code, error)
            assert_vietnamese(error[1], error[0])
    assert accepted == set(CATEGORIES_BY_KIND[kind].codes)


def test_participant_gender_accepts_exactly_the_vocabulary(session):
    accepted = set()
    for code in CANDIDATES:
        error = participant_error(session, dict(PERSON, gender=code), "gender")
        if error is None:
            accepted.add(code)
        else:
            assert error[0] == "field.invalid_choice", (code, error)
            assert_vietnamese(error[1], error[0])
    assert accepted == set(GENDERS.codes)
    code, text = participant_error(session, dict(PERSON, gender=""), "gender")
    assert code == "field.required"
    assert_vietnamese(text, code)


def award(**extra):
    values = {"category": "danh_hieu", "code": "LDTT", "year": "2024", "decision_number": "112/QĐ-UBND",
              "decision_date": "", "issuer": "Chủ tịch UBND xã", "award_type": "cong_trang"}
    values.update(extra)
    return values


def test_award_category_accepts_exactly_the_vocabulary(session):
    accepted = set()
    for code in CANDIDATES:
        terms = AWARD_CODES_BY_CATEGORY.get(code)
        values = award(category=code, code=terms.codes[0] if terms else "LDTT")
        error = award_error(session, values, "category")
        if error is None:
            accepted.add(code)
        else:
            assert error[0] == "field.invalid_choice", (code, error)
            assert_vietnamese(error[1], error[0])
    assert accepted == set(AWARD_CATEGORIES.codes)


@pytest.mark.parametrize("category", AWARD_CATEGORIES.codes)
def test_award_code_accepts_exactly_the_categorys_codes(session, category):
    accepted = set()
    for code in CANDIDATES:
        error = award_error(session, award(category=category, code=code), "code")
        if error is None:
            accepted.add(code)
        else:
            assert error[0] == "award.code_category_mismatch", (code, error)
            assert_vietnamese(error[1], error[0])
    assert accepted == set(AWARD_CODES_BY_CATEGORY[category].codes)


def test_award_form_codes_are_the_lower_case_ones(session):
    validate_award(session, award(category="hinh_thuc", code="giay_khen"))
    validate_award(session, award(category="hinh_thuc", code="bang_khen_tinh"))
    for old in ("GIAY_KHEN", "BANG_KHEN_TINH", "bang_khen_chu_tich_tinh"):
        assert award_error(session, award(category="hinh_thuc", code=old), "code")[0] == \
            "award.code_category_mismatch"


def test_award_type_accepts_exactly_the_vocabulary(session):
    accepted = set()
    for code in CANDIDATES:
        error = award_error(session, award(award_type=code), "award_type")
        if error is None:
            accepted.add(code)
        else:
            assert error[0] == "field.invalid_choice", (code, error)
            assert_vietnamese(error[1], error[0])
    assert accepted == set(COMMENDATION_TYPES.codes)


def test_the_refusal_messages_are_vietnamese():
    for code in ("field.invalid_choice", "field.required", "award.code_category_mismatch"):
        assert_vietnamese(message_text(code), code)
