"""Nomination rounds (đợt đề nghị): nominees with their checklists, the council meeting and its votes,
locking and corrections as new versions, Giấy khen decisions recorded in the award history.

Operations take ids and read the rows they change inside their own transaction; queries return rows as they
are now (screens never keep them across a change notice)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import peewee as pw

from ..changes import Topic
from ..errors import UserError, ValidationError
from ..register.achievements import list_achievements
from ..storage.models import (Award, AwardDecision, Campaign, Checklist, Commune, CouncilMeeting, IssuedDocument,
                              NominationRound, Nominee, Participant)
from ..storage.session import Session
from ..text import nfc, nfc_multiline
from ..validation import Validator
from ..vocabulary import (AWARD_FORM, BANG_KHEN_TINH, DRAFT, EDITABLE_ROUND_STATUSES, ELIGIBLE, FEMALE, GIAY_KHEN,
                          LOCKED, MALE, NOMINATION_FORMS, SENT, SUPERSEDED, AWARD_FORMS)
from . import council, rules_pack
from .checklists import catalog, reassess_in_write

BANG_KHEN = BANG_KHEN_TINH  # the round's two award forms, by their one code (core/vocabulary.py)


def is_editable(round_: NominationRound) -> bool:
    return round_.status in EDITABLE_ROUND_STATUSES


# --- reading ---------------------------------------------------------------------------------------

def get_round(session: Session, round_id: int | None) -> NominationRound | None:
    if round_id is None:
        return None
    session.activate()
    return NominationRound.get_or_none(NominationRound.id == round_id)


def require_round(session: Session, round_id: int) -> NominationRound:
    found = get_round(session, round_id)
    if found is None:
        raise UserError("rounds.not_found_id")
    return found


#: The numbered documents of a round, in the officer's words.
DOCUMENT_NAMES = {"bien_ban": "Biên bản họp Hội đồng", "to_trinh": "Tờ trình", "quyet_dinh": "Quyết định",
                  "phieu_gui": "Phiếu gửi"}


def _editable(round_: NominationRound) -> None:
    """A round changes only while nothing was issued from it; an issued document locks it (NĐ 30/2020 Điều 18: an
    issued document is replaced, never edited) and the refusal says how to correct it."""
    issued = (IssuedDocument.select().where(IssuedDocument.round == round_.id).order_by(IssuedDocument.id).first())
    if issued is not None:
        raise UserError("rounds.locked_by_document", document=DOCUMENT_NAMES.get(issued.code, issued.code),
                        number=f"{issued.number:02d}/{issued.series}", round=round_.number, version=round_.version)
    if not is_editable(round_):
        raise UserError("rounds.locked", number=round_.number, version=round_.version)


def next_round_number(session: Session, commune: Commune) -> int:
    last = NominationRound.select(pw.fn.MAX(NominationRound.number)).where(
        NominationRound.commune == commune).scalar()
    return (last or 0) + 1


def current_rounds(session: Session) -> list[NominationRound]:
    """The latest version of every round of the commune (older versions through `supersedes`)."""
    commune = session.home_commune()
    return list(NominationRound.select().where(
        (NominationRound.commune == commune) & (NominationRound.status != SUPERSEDED))
        .order_by(NominationRound.number.desc()))


@dataclass(frozen=True)
class RoundRow:
    """One line of the rounds list: the round and how many nominees it has (one query, not one per round)."""

    id: int
    number: int
    version: int
    title: str
    round_date: date
    status: str
    nominee_count: int
    campaign_number: str

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE_ROUND_STATUSES


def round_rows(session: Session, *, include_superseded: bool = True) -> list[RoundRow]:
    """Every round of the commune, newest first, with its nominee count."""
    commune = session.home_commune()
    count = pw.fn.COUNT(Nominee.id)
    query = (NominationRound.select(NominationRound, count.alias("nominee_count"), Campaign.number.alias("cn"))
             .join(Campaign).switch(NominationRound)
             .join(Nominee, pw.JOIN.LEFT_OUTER, on=(Nominee.round == NominationRound.id))
             .where(NominationRound.commune == commune)
             .group_by(NominationRound.id)
             .order_by(NominationRound.number.desc(), NominationRound.version.desc()))
    if not include_superseded:
        query = query.where(NominationRound.status != SUPERSEDED)
    return [RoundRow(r.id, r.number, r.version, r.title, r.round_date, r.status, r.nominee_count, r.cn)
            for r in query.objects()]


def newer_version(session: Session, round_id: int) -> NominationRound | None:
    """The version that replaced this one, if any."""
    session.activate()
    return NominationRound.get_or_none(NominationRound.supersedes == round_id)


def find_round(session: Session, number: int) -> NominationRound:
    """The latest version of the commune's round number `number` (UserError when there is none)."""
    commune = session.home_commune()
    if not isinstance(number, int) or not 0 < number < 2**31:
        raise UserError("rounds.not_found", number=number)
    found = (NominationRound.select().where((NominationRound.commune == commune) & (NominationRound.number == number))
             .order_by(NominationRound.version.desc()).first())
    if found is None:
        raise UserError("rounds.not_found", number=number)
    return found


def nominees_of(session: Session, round_id: int) -> list[Nominee]:
    session.activate()
    return list(Nominee.select(Nominee, Participant).join(Participant).where(Nominee.round == round_id)
                .order_by(Nominee.position, Nominee.id))


def get_nominee(session: Session, nominee_id: int | None) -> Nominee | None:
    if nominee_id is None:
        return None
    session.activate()
    return Nominee.get_or_none(Nominee.id == nominee_id)


def meeting_of(session: Session, round_id: int) -> CouncilMeeting | None:
    session.activate()
    return CouncilMeeting.get_or_none(CouncilMeeting.round == round_id)


def decisions_of(session: Session, round_id: int) -> list[AwardDecision]:
    session.activate()
    return list(AwardDecision.select().where(AwardDecision.round == round_id).order_by(AwardDecision.id))


def decision_awards(session: Session, decision_id: int) -> list[Award]:
    """The awards a decision gave (linked by the decision's key, never by matching its number)."""
    session.activate()
    return list(Award.select(Award, Participant).join(Participant)
                .where((Award.decision == decision_id) & Award.archived_at.is_null()).order_by(Award.id))


# --- rounds -------------------------------------------------------------------------------------

def create_round(session: Session, campaign_id: int, round_date: date | None = None, title: str = "",
                 number: int | None = None) -> NominationRound:
    round_date = round_date or session.clock.today()
    now = session.clock.now_iso()
    with session.write(Topic.ROUNDS):
        commune = session.home_commune()
        if commune is None:
            raise UserError("commune.not_configured")
        if Campaign.get_or_none(Campaign.id == campaign_id) is None:
            raise UserError("achievement.campaign_required")
        number = number or next_round_number(session, commune)
        if NominationRound.select().where((NominationRound.commune == commune)
                                          & (NominationRound.number == number)).exists():
            raise UserError("rounds.number_taken", number=number)
        return NominationRound.create(commune=commune, campaign=campaign_id, number=number, version=1,
                                      title=nfc(title), round_date=round_date, year=round_date.year,
                                      created_at=now, updated_at=now)


def add_nominee(session: Session, round_id: int, participant_id: int, award_form: str, checklist_id: int | None,
                override_reason: str = "", summary: str = "") -> Nominee:
    """Only an eligible nominee is accepted, unless the officer writes why (the reason is kept and shown)."""
    override_reason = nfc_multiline(override_reason)
    if award_form not in NOMINATION_FORMS:
        raise UserError("rounds.award_form_invalid")
    with session.write(Topic.ROUNDS, Topic.CHECKLISTS):
        round_ = require_round(session, round_id)
        _editable(round_)
        participant = Participant.get_or_none(Participant.id == participant_id)
        if participant is None or participant.commune_id != round_.commune_id:
            raise UserError("participant.not_found")
        if participant.archived_at is not None:
            raise UserError("rounds.participant_archived", name=participant.name)
        checklist = Checklist.get_or_none(Checklist.id == checklist_id) if checklist_id is not None else None
        if checklist is not None:
            criteria_form = checklist.set_snapshot.get("award_form")
            if checklist.participant_id != participant.id or (criteria_form and criteria_form != award_form):
                raise UserError("rounds.checklist_mismatch")
            if checklist.archived_at is not None:
                raise UserError("checklist.archived")
        # The verdict as of now, not as stored: the record may have changed since (a discipline flag ticked,
        # an award the consecutive-years rule relied on archived).
        verdict = reassess_in_write(session, checklist).verdict if checklist is not None else ""
        if verdict == ELIGIBLE or override_reason:
            if Nominee.select().where((Nominee.round == round_) & (Nominee.participant == participant)
                                      & (Nominee.award_form == award_form)).exists():
                raise UserError("rounds.duplicate_nominee", name=participant.name)
            position = (Nominee.select(pw.fn.MAX(Nominee.position)).where(Nominee.round == round_).scalar() or 0) + 1
            return Nominee.create(round=round_, commune=round_.commune_id, participant=participant,
                                  award_form=award_form, checklist=checklist, verdict_at_add=verdict,
                                  override_reason=override_reason, summary=nfc_multiline(summary),
                                  position=position, created_at=session.clock.now_iso())
    # Refused after the write committed: the verdict just computed stays stored (the checklist shows why).
    raise UserError("rounds.not_eligible", name=participant.name)


def default_summary(session: Session, participant_id: int, campaign_id: int | None = None) -> str:
    """A first draft of the nominee's short summary (tóm tắt thành tích) from their recorded achievements
    in the campaign: "title: results" per achievement. The officer edits it."""
    parts = []
    for a in list_achievements(session, participant_id):
        if campaign_id is not None and a.campaign_id != campaign_id:
            continue
        text = a.title.rstrip(". ")
        if a.results.strip():
            text += ": " + a.results.strip().rstrip(".")
        parts.append(text)
    return ("; ".join(parts) + ".") if parts else ""


def _nominee(session: Session, nominee_id: int) -> Nominee:
    nominee = get_nominee(session, nominee_id)
    if nominee is None:
        raise UserError("rounds.nominee_not_found")
    return nominee


def remove_nominee(session: Session, nominee_id: int) -> None:
    with session.write(Topic.ROUNDS):
        nominee = _nominee(session, nominee_id)
        _editable(nominee.round)
        nominee.delete_instance()


def set_summary(session: Session, nominee_id: int, summary: str) -> None:
    with session.write(Topic.ROUNDS):
        nominee = _nominee(session, nominee_id)
        _editable(nominee.round)
        nominee.summary = nfc_multiline(summary)
        nominee.save()


def save_meeting(session: Session, round_id: int, values: dict) -> CouncilMeeting:
    v = Validator(values, today=session.clock.today())
    v.date("held_on", required=True)
    for key in ("start_time", "end_time"):
        v.pattern(key, r"\d{1,2}[:h]\d{2}", "rounds.time_invalid", strip_spaces=True)
    for key in ("place", "chair", "chair_title", "secretary", "secretary_title", "voting_method"):
        v.text(key, required=key in ("place", "chair", "secretary"))
    v.text("conclusion", max_len=5000, multiline=True)
    total = v.integer("members_total", required=True, minimum=1, maximum=200)
    present = v.integer("members_present", required=True, minimum=1, maximum=200)
    if total is not None and present is not None and present > total:
        v.fail("members_present", "rounds.present_exceeds_total")
    with session.write(Topic.ROUNDS):
        round_ = require_round(session, round_id)
        _editable(round_)
        if present is not None and "members_present" not in v.errors:
            # Votes already recorded must still fit the meeting (else every result would fail to compute).
            for n in nominees_of(session, round_id):
                cast = (n.votes_for or 0) + (n.votes_against or 0) + (n.votes_abstain or 0)
                if n.votes_for is not None and cast > present:
                    v.fail("members_present", "rounds.present_below_votes", name=n.participant.name, votes=cast)
                    break
        clean = v.raise_if_failed()
        meeting = CouncilMeeting.get_or_none(CouncilMeeting.round == round_) or CouncilMeeting(
            round=round_, commune=round_.commune_id)
        for key, value in clean.items():
            setattr(meeting, key, value)
        meeting.save()
    return meeting


def set_votes(session: Session, nominee_id: int, votes_for: int, votes_against: int,
              votes_abstain: int | None = None) -> Nominee:
    with session.write(Topic.ROUNDS):
        nominee = _nominee(session, nominee_id)
        _editable(nominee.round)
        meeting = meeting_of(session, nominee.round_id)
        if meeting is None:
            raise UserError("rounds.no_meeting")
        vote = council.Vote(nominee.id, votes_for, votes_against, nominee.participant.name)
        council.validate_meeting(council.Meeting(meeting.members_total, meeting.members_present), [vote])
        if votes_abstain is not None and votes_for + votes_against + votes_abstain > meeting.members_present:
            raise UserError("rounds.votes_exceed_present")
        nominee.votes_for, nominee.votes_against, nominee.votes_abstain = votes_for, votes_against, votes_abstain
        nominee.save()
    return nominee


def set_round_votes(session: Session, round_id: int, votes: list[tuple[int, int, int, int | None]]) -> list[str]:
    """Record the votes of several nominees (nominee id, for, against, abstained) as the council's table gives
    them; each nominee's votes are checked on their own. Returns the problems (Vietnamese), empty when all
    were recorded."""
    problems = []
    with session.write(Topic.ROUNDS):
        for nominee_id, votes_for, votes_against, votes_abstain in votes:
            try:
                set_votes(session, nominee_id, votes_for, votes_against, votes_abstain)
            except ValidationError as error:
                problems += [error.field_text(f) for f in error.fields]
            except UserError as error:
                nominee = get_nominee(session, nominee_id)
                problems.append(f"{nominee.participant.name if nominee else nominee_id}: {error}")
    return problems


def threshold_for(round_: NominationRound, award_form: str, session: Session | None = None) -> Fraction | None:
    """The round's own setting when the officer set one, else the province's rules pack (when one is imported),
    else the national data (none for Bằng khen, Giấy khen)."""
    percent = (round_.thresholds or {}).get(award_form)
    if percent is not None:
        return Fraction(str(percent)) / 100  # 66.7 typed means 667/1000, not the float's binary value
    pack = rules_pack.current_pack(session) if session is not None else None
    if pack is not None and award_form in pack.thresholds:
        return pack.thresholds[award_form]
    common = catalog().common
    return common.council.threshold_for(award_form) if common else None


def set_threshold(session: Session, round_id: int, award_form: str, percent: float | None) -> None:
    if percent is not None and not 0 < percent <= 100:
        raise UserError("rounds.threshold_invalid")
    with session.write(Topic.ROUNDS):
        round_ = require_round(session, round_id)
        _editable(round_)
        thresholds = dict(round_.thresholds or {})
        if percent is None:
            thresholds.pop(award_form, None)
        else:
            thresholds[award_form] = percent
        round_.thresholds = thresholds
        round_.save()


def vote_results(session: Session, round_id: int) -> dict[int, council.VoteResult]:
    """Nominee id → computed result (only nominees whose votes are recorded)."""
    meeting = meeting_of(session, round_id)
    if meeting is None:
        return {}
    round_ = require_round(session, round_id)
    out = {}
    m = council.Meeting(meeting.members_total, meeting.members_present)
    for nominee in nominees_of(session, round_id):
        if nominee.votes_for is None:
            continue
        vote = council.Vote(nominee.id, nominee.votes_for, nominee.votes_against or 0, nominee.participant.name)
        out[nominee.id] = council.count_votes(m, [vote], threshold_for(round_, nominee.award_form, session))[0]
    return out


def ranking(session: Session, round_id: int, award_form: str, quota: int | None = None) -> list[council.RankedNominee]:
    results = vote_results(session, round_id)
    candidates = []
    for n in nominees_of(session, round_id):
        if n.award_form != award_form or n.id not in results:
            continue
        p = n.participant
        candidates.append(council.Candidate(
            n.id, p.name, p.kind, n.votes_for, results[n.id].passed,
            gender={FEMALE: "female", MALE: "male"}.get(p.gender, ""), member_count=p.member_count,
            female_count=p.female_count))
    common = catalog().common
    women_min = common.council.collective_women_share_min if common else Fraction(7, 10)
    return council.rank_nominees(candidates, quota, women_min)


def lock_round(session: Session, round_id: int, status: str = LOCKED) -> NominationRound:
    """Freeze a round (when it is sent): from now on a change is a new version, never a silent edit."""
    if status not in (LOCKED, SENT):
        raise ValueError(status)
    now = session.clock.now_iso()
    with session.write(Topic.ROUNDS):
        round_ = require_round(session, round_id)
        if round_.status == SUPERSEDED:
            raise UserError("rounds.superseded")
        if not Nominee.select().where(Nominee.round == round_).exists():
            raise UserError("rounds.empty")
        round_.status = status
        round_.locked_at = round_.locked_at or now
        round_.updated_at = now
        round_.save()
    return round_


def new_version(session: Session, round_id: int, reason: str) -> NominationRound:
    """A correction: copy the round, its nominees and meeting into version N+1 that points at this one."""
    reason = nfc_multiline(reason)
    if not reason:
        raise UserError("rounds.correction_reason_required")
    now = session.clock.now_iso()
    with session.write(Topic.ROUNDS):
        round_ = require_round(session, round_id)
        if round_.status == DRAFT:
            raise UserError("rounds.still_draft")
        if round_.status == SUPERSEDED:
            raise UserError("rounds.superseded")
        fresh = NominationRound.create(
            commune=round_.commune_id, campaign=round_.campaign_id, number=round_.number, version=round_.version + 1,
            supersedes=round_, title=round_.title, round_date=round_.round_date, year=round_.year,
            thresholds=round_.thresholds, correction_reason=reason, created_at=now, updated_at=now)
        for n in nominees_of(session, round_.id):
            Nominee.create(round=fresh, commune=round_.commune_id, participant=n.participant_id,
                           award_form=n.award_form, checklist=n.checklist_id, verdict_at_add=n.verdict_at_add,
                           override_reason=n.override_reason, summary=n.summary, votes_for=n.votes_for,
                           votes_against=n.votes_against, votes_abstain=n.votes_abstain, position=n.position,
                           created_at=now)
        meeting = meeting_of(session, round_.id)
        if meeting is not None:
            data = {k: getattr(meeting, k) for k in ("held_on", "start_time", "end_time", "place", "chair",
                                                     "chair_title", "secretary", "secretary_title",
                                                     "members_total", "members_present", "conclusion",
                                                     "voting_method")}
            CouncilMeeting.create(round=fresh, commune=round_.commune_id, **data)
        # The commune's decision was taken once: the new version refers to it, the awards it gave are not repeated.
        for d in decisions_of(session, round_.id):
            AwardDecision.create(round=fresh, commune=round_.commune_id, award_form=d.award_form, number=d.number,
                                 document_number=d.document_number, decided_on=d.decided_on, signer=d.signer,
                                 signer_title=d.signer_title, created_at=d.created_at)
        round_.status = SUPERSEDED
        round_.updated_at = now
        round_.save()
    return fresh


def record_decision(session: Session, round_id: int, number: str, decided_on: date, signer: str,
                    award_form: str = GIAY_KHEN) -> AwardDecision:
    """The commune's own decision (Giấy khen): every nominee the council approved gets the award in their
    history, tagged chuyên đề (a thematic award — it never counts towards annual-merit routes)."""
    form = NOMINATION_FORMS.get(award_form)
    if form is None or not form.decided_here:
        raise UserError("rounds.decision_not_commune_level")
    number, signer = nfc(number), nfc(signer)
    if not number or not signer:
        raise UserError("rounds.decision_incomplete")
    now = session.clock.now_iso()
    with session.write(Topic.ROUNDS, Topic.AWARDS):
        round_ = require_round(session, round_id)
        if round_.status == SUPERSEDED:
            raise UserError("rounds.superseded")
        if AwardDecision.select().where((AwardDecision.round == round_)
                                        & (AwardDecision.award_form == award_form)).exists():
            raise UserError("rounds.decision_exists")
        results = vote_results(session, round_id)
        approved = [n for n in nominees_of(session, round_id)
                    if n.award_form == award_form and n.id in results and results[n.id].passed]
        if not approved:
            raise UserError("rounds.no_approved_nominee")
        commune = Commune.get_by_id(round_.commune_id)
        decision = AwardDecision.create(round=round_, commune=commune, award_form=award_form, number=number,
                                        decided_on=decided_on, signer=signer, created_at=now)
        for n in approved:
            Award.create(commune=commune, participant=n.participant_id, category=AWARD_FORM, code=award_form,
                         name=AWARD_FORMS.short_name(award_form), year=decided_on.year, decision=decision,
                         decision_number=number, decision_date=decided_on,
                         issuer=f"Chủ tịch UBND xã {commune.name}", award_type="chuyen_de",
                         note=f"Đợt đề nghị số {round_.number}", created_at=now)
    return decision
