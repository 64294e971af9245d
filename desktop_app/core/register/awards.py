"""Award history of a participant: emulation titles, award forms, annual ratings and initiatives — kept apart
(the codes and their names are in core/vocabulary.py)."""
from __future__ import annotations

from ..changes import Topic
from ..dates import format_vn_date
from ..errors import UserError
from ..storage.models import Award, Draft, Participant
from ..storage.session import Session
from ..validation import Validator
from ..vocabulary import AWARD_CATEGORIES, AWARD_CODES_BY_CATEGORY, COMMENDATION_TYPES, award_name


def validate_award(session: Session, values: dict) -> dict:
    v = Validator(values, today=session.clock.today())
    category = v.choice("category", AWARD_CATEGORIES.codes)
    code = v.text("code", required=True, max_len=50)
    if category and code and code not in AWARD_CODES_BY_CATEGORY.get(category, ()):
        v.fail("code", "award.code_category_mismatch")
    year = v.integer("year", required=True)
    if year is not None and not (1945 <= year <= session.clock.today().year):
        v.fail("year", "award.year_invalid")
    v.text("decision_number", max_len=50)
    decided = v.date("decision_date", allow_future=False)
    if decided and year and decided.year < year:
        v.fail("decision_date", "date.range_order")
    v.text("issuer", max_len=200)
    v.choice("award_type", COMMENDATION_TYPES.codes)
    v.text("note", max_len=2000, multiline=True)
    return v.raise_if_failed()


def save_award(session: Session, participant_id: int, values: dict, award_id: int | None = None, *,
               draft_key: str | None = None) -> Award:
    clean = validate_award(session, values)
    with session.write(Topic.AWARDS, Topic.DRAFTS):
        participant = Participant.get_or_none(Participant.id == participant_id)
        if participant is None:
            raise UserError("participant.not_found")
        if award_id is None:
            award = Award(commune=participant.commune_id, participant=participant, created_at=session.clock.now_iso())
        else:
            award = Award.get_or_none((Award.id == award_id) & (Award.participant == participant))
            if award is None:
                raise UserError("award.not_found")
        for key, value in clean.items():
            setattr(award, key, value)
        award.name = award_name(clean["category"], clean["code"])
        award.save()
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
    return award


def set_archived(session: Session, award_id: int, archived: bool) -> None:
    with session.write(Topic.AWARDS):
        Award.update(archived_at=session.clock.now_iso() if archived else None).where(Award.id == award_id).execute()


def get_award(session: Session, award_id: int | None) -> Award | None:
    if award_id is None:
        return None
    session.activate()
    return Award.get_or_none(Award.id == award_id)


def list_awards(session: Session, participant_id: int) -> list[Award]:
    session.activate()
    return list(Award.select().where((Award.participant == participant_id) & Award.archived_at.is_null())
                .order_by(Award.year.desc(), Award.id.desc()))


def award_form_values(a: Award) -> dict:
    return {"category": a.category, "code": a.code, "year": str(a.year), "decision_number": a.decision_number,
            "decision_date": format_vn_date(a.decision_date), "issuer": a.issuer, "award_type": a.award_type,
            "note": a.note}
