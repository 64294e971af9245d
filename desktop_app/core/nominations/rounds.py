"""Nomination rounds (đợt đề nghị): nominees with their checklists, the council meeting and its votes,
locking and corrections as new versions, Giấy khen decisions recorded in the award history."""
from __future__ import annotations

from datetime import date
from fractions import Fraction

import peewee as pw

from ..dates import now_iso, today
from ..errors import UserError
from ..storage.models import (Award, AwardDecision, Campaign, Checklist, Commune, CouncilMeeting, DocumentNumber,
                              NominationRound, Nominee, Participant, database_proxy)
from ..text import nfc, nfc_multiline
from ..validation import Validator
from . import council
from .checklists import catalog, reassess

GIAY_KHEN = "giay_khen"
BANG_KHEN = "bang_khen_chu_tich_tinh"
AWARD_FORM_TO_HISTORY_CODE = {GIAY_KHEN: "GIAY_KHEN", BANG_KHEN: "BANG_KHEN_TINH"}


# --- document numbers ----------------------------------------------------------------------------

class DbNumberAllocator:
    """Document numbers unique per commune, series ("TTr-UBND") and year; persisted, never reused."""

    def __init__(self, commune: Commune, purpose: str = ""):
        self.commune = commune
        self.purpose = purpose

    def allocate(self, doc_type_code: str, year: int) -> int:
        with database_proxy.atomic("IMMEDIATE"):
            last = (DocumentNumber.select(pw.fn.MAX(DocumentNumber.number))
                    .where((DocumentNumber.commune == self.commune) & (DocumentNumber.series == doc_type_code)
                           & (DocumentNumber.year == year)).scalar()) or 0
            DocumentNumber.create(commune=self.commune, series=doc_type_code, year=year, number=last + 1,
                                  purpose=self.purpose, issued_at=now_iso())
        return last + 1


# --- rounds -------------------------------------------------------------------------------------

def _editable(round_: NominationRound) -> None:
    if not round_.editable:
        raise UserError("rounds.locked", number=round_.number, version=round_.version)


def next_round_number(commune: Commune) -> int:
    last = NominationRound.select(pw.fn.MAX(NominationRound.number)).where(
        NominationRound.commune == commune).scalar()
    return (last or 0) + 1


def create_round(commune: Commune, campaign: Campaign, round_date: date | None = None, title: str = "",
                 number: int | None = None) -> NominationRound:
    round_date = round_date or today()
    now = now_iso()
    number = number or next_round_number(commune)
    if NominationRound.select().where((NominationRound.commune == commune) & (NominationRound.number == number)).exists():
        raise UserError("rounds.number_taken", number=number)
    return NominationRound.create(commune=commune, campaign=campaign, number=number, version=1, title=nfc(title),
                                  round_date=round_date, year=round_date.year, created_at=now, updated_at=now)


def current_rounds(commune: Commune) -> list[NominationRound]:
    """The latest version of every round (older versions are reachable through `supersedes`)."""
    return list(NominationRound.select().where(
        (NominationRound.commune == commune) & (NominationRound.status != "superseded"))
        .order_by(NominationRound.number.desc()))


def find_round(commune: Commune, number: int) -> NominationRound:
    found = (NominationRound.select().where((NominationRound.commune == commune) & (NominationRound.number == number))
             .order_by(NominationRound.version.desc()).first())
    if found is None:
        raise UserError("rounds.not_found", number=number)
    return found


def nominees_of(round_: NominationRound) -> list[Nominee]:
    return list(Nominee.select().where(Nominee.round == round_).order_by(Nominee.position, Nominee.id))


def add_nominee(round_: NominationRound, participant: Participant, award_form: str, checklist: Checklist | None,
                override_reason: str = "", summary: str = "") -> Nominee:
    """Only an eligible nominee is accepted, unless the officer writes why (the reason is kept and shown)."""
    _editable(round_)
    override_reason = nfc_multiline(override_reason)
    if participant.archived_at is not None:
        raise UserError("rounds.participant_archived", name=participant.name)
    if checklist is not None:
        criteria_form = checklist.set_snapshot.get("award_form")
        if checklist.participant_id != participant.id or (criteria_form and criteria_form != award_form):
            raise UserError("rounds.checklist_mismatch")
    if checklist is not None and checklist.archived_at is not None:
        raise UserError("checklist.archived")
    # The verdict as of now, not as stored: the record may have changed since (a discipline flag ticked,
    # an award the consecutive-years rule relied on archived).
    verdict = reassess(checklist).verdict if checklist is not None else ""
    if verdict != "eligible" and not override_reason:
        raise UserError("rounds.not_eligible", name=participant.name)
    if Nominee.select().where((Nominee.round == round_) & (Nominee.participant == participant)
                              & (Nominee.award_form == award_form)).exists():
        raise UserError("rounds.duplicate_nominee", name=participant.name)
    position = (Nominee.select(pw.fn.MAX(Nominee.position)).where(Nominee.round == round_).scalar() or 0) + 1
    return Nominee.create(round=round_, participant=participant, award_form=award_form, checklist=checklist,
                          verdict_at_add=verdict, override_reason=override_reason, summary=nfc_multiline(summary),
                          position=position, created_at=now_iso())


def default_summary(participant: Participant, campaign: Campaign | None = None) -> str:
    """A first draft of the nominee's short summary (tóm tắt thành tích) from their recorded achievements
    in the campaign: "title: results" per achievement. The officer edits it."""
    from ..register.achievements import list_achievements

    parts = []
    for a in list_achievements(participant):
        if campaign is not None and a.campaign_id != campaign.id:
            continue
        text = a.title.rstrip(". ")
        if a.results.strip():
            text += ": " + a.results.strip().rstrip(".")
        parts.append(text)
    return ("; ".join(parts) + ".") if parts else ""


def remove_nominee(nominee: Nominee) -> None:
    _editable(nominee.round)
    nominee.delete_instance()


def set_summary(nominee: Nominee, summary: str) -> None:
    _editable(nominee.round)
    nominee.summary = nfc_multiline(summary)
    nominee.save()


def save_meeting(round_: NominationRound, values: dict) -> CouncilMeeting:
    _editable(round_)
    v = Validator(values)
    v.date("held_on", required=True)
    for key in ("start_time", "end_time"):
        v.pattern(key, r"\d{1,2}[:h]\d{2}", "rounds.time_invalid", strip_spaces=True)
    for key in ("place", "chair", "chair_title", "secretary", "secretary_title"):
        v.text(key, required=key in ("place", "chair", "secretary"))
    v.text("conclusion", max_len=5000, multiline=True)
    total = v.integer("members_total", required=True, minimum=1, maximum=200)
    present = v.integer("members_present", required=True, minimum=1, maximum=200)
    if total is not None and present is not None and present > total:
        v.fail("members_present", "rounds.present_exceeds_total")
    if present is not None and "members_present" not in v.errors:
        # Votes already recorded must still fit the meeting (else every result would fail to compute).
        for n in nominees_of(round_):
            cast = (n.votes_for or 0) + (n.votes_against or 0) + (n.votes_abstain or 0)
            if n.votes_for is not None and cast > present:
                v.fail("members_present", "rounds.present_below_votes", name=n.participant.name, votes=cast)
                break
    clean = v.raise_if_failed()
    meeting = CouncilMeeting.get_or_none(CouncilMeeting.round == round_) or CouncilMeeting(round=round_)
    for key, value in clean.items():
        setattr(meeting, key, value)
    meeting.save()
    return meeting


def meeting_of(round_: NominationRound) -> CouncilMeeting | None:
    return CouncilMeeting.get_or_none(CouncilMeeting.round == round_)


def set_votes(nominee: Nominee, votes_for: int, votes_against: int, votes_abstain: int | None = None) -> Nominee:
    _editable(nominee.round)
    meeting = meeting_of(nominee.round)
    if meeting is None:
        raise UserError("rounds.no_meeting")
    vote = council.Vote(nominee.id, votes_for, votes_against, nominee.participant.name)
    council.validate_meeting(council.Meeting(meeting.members_total, meeting.members_present), [vote])
    if votes_abstain is not None and votes_for + votes_against + votes_abstain > meeting.members_present:
        raise UserError("rounds.votes_exceed_present")
    nominee.votes_for, nominee.votes_against, nominee.votes_abstain = votes_for, votes_against, votes_abstain
    nominee.save()
    return nominee


def threshold_for(round_: NominationRound, award_form: str) -> Fraction | None:
    """The round's own setting when the officer set one, else the data default (none for Bằng khen, Giấy khen)."""
    percent = (round_.thresholds or {}).get(award_form)
    if percent is not None:
        return Fraction(str(percent)) / 100  # 66.7 typed means 667/1000, not the float's binary value
    common = catalog().common
    return common.council.threshold_for(award_form) if common else None


def set_threshold(round_: NominationRound, award_form: str, percent: float | None) -> None:
    _editable(round_)
    thresholds = dict(round_.thresholds or {})
    if percent is None:
        thresholds.pop(award_form, None)
    else:
        if not 0 < percent <= 100:
            raise UserError("rounds.threshold_invalid")
        thresholds[award_form] = percent
    round_.thresholds = thresholds
    round_.save()


def vote_results(round_: NominationRound) -> dict[int, council.VoteResult]:
    """Nominee id → computed result (only nominees whose votes are recorded)."""
    meeting = meeting_of(round_)
    if meeting is None:
        return {}
    out = {}
    m = council.Meeting(meeting.members_total, meeting.members_present)
    for nominee in nominees_of(round_):
        if nominee.votes_for is None:
            continue
        vote = council.Vote(nominee.id, nominee.votes_for, nominee.votes_against or 0, nominee.participant.name)
        out[nominee.id] = council.count_votes(m, [vote], threshold_for(round_, nominee.award_form))[0]
    return out


def ranking(round_: NominationRound, award_form: str, quota: int | None = None) -> list[council.RankedNominee]:
    results = vote_results(round_)
    candidates = []
    for n in nominees_of(round_):
        if n.award_form != award_form or n.id not in results:
            continue
        p = n.participant
        candidates.append(council.Candidate(
            n.id, p.name, p.kind, n.votes_for, results[n.id].passed,
            gender={"nu": "female", "nam": "male"}.get(p.gender, ""), member_count=p.member_count,
            female_count=p.female_count))
    common = catalog().common
    women_min = common.council.collective_women_share_min if common else Fraction(7, 10)
    return council.rank_nominees(candidates, quota, women_min)


def lock_round(round_: NominationRound, status: str = "locked") -> NominationRound:
    """Freeze a round (when it is sent): from now on a change is a new version, never a silent edit."""
    if status not in ("locked", "sent"):
        raise ValueError(status)
    if round_.status == "superseded":
        raise UserError("rounds.superseded")
    if not nominees_of(round_):
        raise UserError("rounds.empty")
    round_.status = status
    round_.locked_at = round_.locked_at or now_iso()
    round_.updated_at = now_iso()
    round_.save()
    return round_


def new_version(round_: NominationRound, reason: str) -> NominationRound:
    """A correction: copy the round, its nominees and meeting into version N+1 that points at this one."""
    reason = nfc_multiline(reason)
    if not reason:
        raise UserError("rounds.correction_reason_required")
    if round_.status == "draft":
        raise UserError("rounds.still_draft")
    if round_.status == "superseded":
        raise UserError("rounds.superseded")
    now = now_iso()
    with database_proxy.atomic():
        fresh = NominationRound.create(
            commune=round_.commune_id, campaign=round_.campaign_id, number=round_.number, version=round_.version + 1,
            supersedes=round_, title=round_.title, round_date=round_.round_date, year=round_.year,
            thresholds=round_.thresholds, correction_reason=reason, created_at=now, updated_at=now)
        for n in nominees_of(round_):
            Nominee.create(round=fresh, participant=n.participant_id, award_form=n.award_form,
                           checklist=n.checklist_id, verdict_at_add=n.verdict_at_add,
                           override_reason=n.override_reason, summary=n.summary, votes_for=n.votes_for,
                           votes_against=n.votes_against, votes_abstain=n.votes_abstain, position=n.position,
                           created_at=now)
        meeting = meeting_of(round_)
        if meeting is not None:
            data = {k: getattr(meeting, k) for k in ("held_on", "start_time", "end_time", "place", "chair",
                                                     "chair_title", "secretary", "secretary_title",
                                                     "members_total", "members_present", "conclusion")}
            CouncilMeeting.create(round=fresh, **data)
        # The commune's decision was taken once: the new version refers to it, the awards it gave are not repeated.
        for d in decisions_of(round_):
            AwardDecision.create(round=fresh, award_form=d.award_form, number=d.number,
                                 document_number=d.document_number, decided_on=d.decided_on, signer=d.signer,
                                 signer_title=d.signer_title, created_at=d.created_at)
        round_.status = "superseded"
        round_.updated_at = now
        round_.save()
    return fresh


def decisions_of(round_: NominationRound) -> list[AwardDecision]:
    return list(AwardDecision.select().where(AwardDecision.round == round_).order_by(AwardDecision.id))


def record_decision(round_: NominationRound, number: str, decided_on: date, signer: str,
                    award_form: str = GIAY_KHEN) -> AwardDecision:
    """The commune's own decision (Giấy khen): every nominee the council approved gets the award in their
    history, tagged chuyên đề (a thematic award — it never counts towards annual-merit routes)."""
    if award_form != GIAY_KHEN:
        raise UserError("rounds.decision_not_commune_level")
    if round_.status == "superseded":
        raise UserError("rounds.superseded")
    number, signer = nfc(number), nfc(signer)
    if not number or not signer:
        raise UserError("rounds.decision_incomplete")
    if AwardDecision.select().where((AwardDecision.round == round_) & (AwardDecision.award_form == award_form)).exists():
        raise UserError("rounds.decision_exists")
    results = vote_results(round_)
    approved = [n for n in nominees_of(round_) if n.award_form == award_form and n.id in results and results[n.id].passed]
    if not approved:
        raise UserError("rounds.no_approved_nominee")
    commune = Commune.get_by_id(round_.commune_id)
    with database_proxy.atomic():
        decision = AwardDecision.create(round=round_, award_form=award_form, number=number, decided_on=decided_on,
                                        signer=signer, created_at=now_iso())
        for n in approved:
            Award.create(commune=commune, participant=n.participant_id, category="hinh_thuc",
                         code=AWARD_FORM_TO_HISTORY_CODE[award_form], name="Giấy khen", year=decided_on.year,
                         decision_number=number, decision_date=decided_on,
                         issuer=f"Chủ tịch UBND xã {commune.name}", award_type="chuyen_de",
                         note=f"Đợt đề nghị số {round_.number}", created_at=now_iso())
    return decision
