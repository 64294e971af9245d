"""Decisions coming back: what the decision says of each nominee of a round — awarded (the decision with its number,
date, issuer and signer; the text printed on the certificate; the prize money) or not awarded (the reason given).

An award lands in the participant's award history once, linked to its decision row (award.decision_id — never a
match on number strings); recording the same outcome again changes nothing. Decisions come from the commune itself
(rounds.record_decision), typed from the paper decision (record_decision_back + set_outcome), or from the receiving
level's signed return packet (apply_return — the seam the return-packet reader of the receiving-level issue feeds
with a verified payload)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..changes import Topic
from ..errors import UserError
from ..storage.models import Award, AwardDecision, Campaign, Draft, NominationRound, Nominee, NomineeOutcome, Participant
from ..storage.session import Session
from ..text import nfc_multiline
from ..validation import Validator
from ..vocabulary import (AWARD_FORM, AWARD_FORMS, AWARDED, COLLECTIVE, DECISION_LEVELS, NOMINATION_FORMS, NOT_AWARDED,
                          SUPERSEDED)
from .rounds import default_certificate_text, new_version, require_round

MAX_PRIZE = 10**10  # đồng: a typing slip of a few zeros is refused


def validate_decision(session: Session, values: dict) -> dict:
    v = Validator(values, today=session.clock.today())
    v.choice("award_form", tuple(AWARD_FORMS.codes))
    v.text("number", required=True, max_len=50)
    v.date("decided_on", required=True, allow_future=False)
    v.text("issuer", required=True, max_len=200)
    v.choice("level", DECISION_LEVELS.codes)
    v.text("signer", required=True, max_len=100)
    v.text("signer_title", max_len=100)
    v.text("title", max_len=500, multiline=True)
    return v.raise_if_failed()


def record_decision_back(session: Session, round_id: int, values: dict, *, source: str = "paper",
                         return_packet_id: str | None = None, draft_key: str | None = None) -> AwardDecision:
    """A decision that came back for this round (typed from paper): its number, date, issuer, level, signer, title.
    The same number for the same round and form is the same decision: its details are corrected, not doubled."""
    clean = validate_decision(session, values)
    now = session.clock.now_iso()
    with session.write(Topic.ROUNDS, Topic.AWARDS, Topic.DRAFTS):
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
        round_ = require_round(session, round_id)
        if round_.status == SUPERSEDED:
            raise UserError("rounds.superseded")
        decision = AwardDecision.get_or_none((AwardDecision.round == round_) & (AwardDecision.number == clean["number"])
                                             & (AwardDecision.award_form == clean["award_form"]))
        if decision is None:
            decision = AwardDecision(round=round_, commune=round_.commune_id, created_at=now, source=source,
                                     return_packet_id=return_packet_id)
        elif decision.source == "commune":
            raise UserError("outcomes.commune_decision_exists", number=decision.number)
        decision.award_form = clean["award_form"]
        decision.number = clean["number"]
        decision.decided_on = clean["decided_on"]
        decision.issuer = clean["issuer"]
        decision.level = clean["level"]
        decision.signer = clean["signer"]
        decision.signer_title = clean["signer_title"] or "CHỦ TỊCH"
        decision.title = clean["title"]
        decision.save()
        # Awards already given by this decision follow its corrected number and date.
        Award.update(decision_number=decision.number, decision_date=decision.decided_on, issuer=decision.issuer,
                     year=decision.decided_on.year).where(Award.decision == decision).execute()
    return decision


def set_outcome(session: Session, nominee_id: int, outcome: str, *, decision_id: int | None = None, reason: str = "",
                certificate_text: str = "", prize_amount: int | None = None,
                draft_key: str | None = None) -> NomineeOutcome:
    """Record one nominee's outcome. Awarded: the award goes into the history once, linked to the decision; recording
    it again only corrects the certificate text and the prize. Not awarded: the reason is required; an award this
    nominee's outcome had put in the history is taken out of it (archived, never deleted)."""
    with session.write(Topic.ROUNDS, Topic.AWARDS, Topic.DRAFTS):
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
        return _set_outcome(session, nominee_id, outcome, decision_id, reason, certificate_text, prize_amount)


def _set_outcome(session, nominee_id, outcome, decision_id, reason, certificate_text, prize_amount) -> NomineeOutcome:
    now = session.clock.now_iso()
    nominee = Nominee.get_or_none(Nominee.id == nominee_id)
    if nominee is None:
        raise UserError("outcomes.nominee_not_found")
    round_ = NominationRound.get_by_id(nominee.round_id)
    if round_.status == SUPERSEDED:
        raise UserError("rounds.superseded")
    reason, certificate_text = nfc_multiline(reason), nfc_multiline(certificate_text)
    if prize_amount is not None and not (0 <= prize_amount <= MAX_PRIZE):
        raise UserError("outcomes.prize_invalid")
    if len(certificate_text) > 600:
        raise UserError("outcomes.certificate_text_too_long", max=600)
    row = NomineeOutcome.get_or_none(NomineeOutcome.nominee == nominee)
    if outcome == NOT_AWARDED:
        if not reason:
            raise UserError("outcomes.reason_required")
        if row is not None and row.award_id is not None:
            Award.update(archived_at=now).where(Award.id == row.award_id).execute()
        row = row or NomineeOutcome(nominee=nominee, commune=nominee.commune_id)
        row.outcome, row.decision, row.award, row.reason = NOT_AWARDED, None, None, reason
        row.certificate_text, row.prize_amount, row.recorded_at = "", None, now
        row.save()
        return row
    if outcome != AWARDED:
        raise ValueError(outcome)
    decision = AwardDecision.get_or_none(AwardDecision.id == decision_id) if decision_id else None
    if decision is None or decision.round_id != nominee.round_id:
        raise UserError("outcomes.decision_required")
    if decision.award_form != nominee.award_form:
        raise UserError("outcomes.decision_other_form", form=AWARD_FORMS.short_name(decision.award_form))
    participant = Participant.get_by_id(nominee.participant_id)
    award = Award.get_or_none(Award.id == row.award_id) if row is not None and row.award_id else None
    if award is None or award.decision_id != decision.id:
        if award is not None:
            Award.update(archived_at=now).where(Award.id == award.id).execute()
        award = Award.get_or_none((Award.decision == decision) & (Award.participant == participant)
                                  & (Award.code == nominee.award_form))
    if award is None:
        award = Award.create(commune=nominee.commune_id, participant=participant, category=AWARD_FORM,
                             code=nominee.award_form, name=AWARD_FORMS.short_name(nominee.award_form),
                             year=decision.decided_on.year, decision=decision, decision_number=decision.number,
                             decision_date=decision.decided_on, issuer=decision.issuer, award_type="chuyen_de",
                             note=f"Đợt đề nghị số {round_.number}", created_at=now)
    elif award.archived_at is not None:
        Award.update(archived_at=None).where(Award.id == award.id).execute()
    if not certificate_text:
        certificate_text = (row.certificate_text if row is not None and row.certificate_text else
                            default_certificate_text(Campaign.get_or_none(Campaign.id == round_.campaign_id)))
    row = row or NomineeOutcome(nominee=nominee, commune=nominee.commune_id)
    row.outcome, row.decision, row.award, row.reason = AWARDED, decision, award, ""
    row.certificate_text = certificate_text
    row.prize_amount = prize_amount if prize_amount is not None else row.prize_amount
    row.recorded_at = now
    row.save()
    return row


def return_for_more_information(session: Session, round_id: int, reason: str,
                                nominee_reasons: dict[int, str] | None = None) -> NominationRound:
    """The dossier came back for more information (trả lại): the round reopens as a correction version whose reason
    says so, and each nominee the reply names carries its own reason in the new version (shown next to it)."""
    reason = nfc_multiline(reason)
    if not reason:
        raise UserError("outcomes.return_reason_required")
    with session.write(Topic.ROUNDS):
        old = {n.id: (n.participant_id, n.award_form) for n in Nominee.select().where(Nominee.round == round_id)}
        fresh = new_version(session, round_id, f"Trả lại để bổ sung: {reason}")
        by_key = {(n.participant_id, n.award_form): n for n in Nominee.select().where(Nominee.round == fresh.id)}
        for nominee_id, text in (nominee_reasons or {}).items():
            text = nfc_multiline(text)
            target = by_key.get(old.get(nominee_id))
            if target is None:
                raise UserError("outcomes.nominee_not_found")
            if text:
                Nominee.update(return_reason=text).where(Nominee.id == target.id).execute()
    return NominationRound.get_by_id(fresh.id)


# ----- the signed return packet (the receiving-level issue reads and verifies it) ---------------------------

@dataclass(frozen=True)
class ReturnedOutcome:
    nominee_uid: str
    outcome: str                      # awarded | not_awarded
    reason: str = ""
    certificate_text: str = ""
    prize_amount: int | None = None


@dataclass(frozen=True)
class ReturnedDecision:
    """What a verified return packet carries for one round: the decision and each nominee's outcome. The packet's
    signature, the province's key (trusted on first use, fingerprint on the paper) and the hashes are checked by
    the reader before this is built; `decision_file` is the decision's PDF already copied into the workspace
    (documents folder, relative name) with its SHA-256."""

    packet_id: str
    round_uid: str
    award_form: str
    number: str
    decided_on: date
    issuer: str
    signer: str
    signer_title: str = "CHỦ TỊCH"
    level: str = "tinh"
    title: str = ""
    decision_file: str = ""
    decision_sha256: str = ""
    outcomes: tuple[ReturnedOutcome, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ApplyReport:
    decision_id: int
    awarded: int
    not_awarded: int
    duplicate: bool                   # this packet had been applied before: nothing changed


def apply_return(session: Session, returned: ReturnedDecision) -> ApplyReport:
    """Land a verified return packet's decision in its round and each participant's award history — once: the same
    packet applied again changes nothing (its id is kept on the decision). A nominee the packet names that this
    round does not have refuses the whole packet (it was meant for another round or another commune)."""
    with session.write(Topic.ROUNDS, Topic.AWARDS):
        seen = AwardDecision.get_or_none(AwardDecision.return_packet_id == returned.packet_id)
        if seen is not None:
            return ApplyReport(seen.id, 0, 0, True)
        home = session.home_commune()
        round_ = NominationRound.get_or_none((NominationRound.uid == returned.round_uid)
                                             & (NominationRound.commune == (home.id if home else -1)))
        if round_ is None:
            raise UserError("outcomes.return_round_unknown")
        if round_.status == SUPERSEDED:
            newest = round_
            while newest.status == SUPERSEDED:
                newest = NominationRound.get(NominationRound.supersedes == newest)
            round_ = newest
        by_uid = {n.uid: n for n in Nominee.select().where(Nominee.round == round_)}
        # A correction's nominees are new rows: map the packet's (older) nominee uids by participant and form.
        older = {n.uid: n for n in Nominee.select().where(Nominee.commune == round_.commune_id)}
        by_key = {(n.participant_id, n.award_form): n for n in by_uid.values()}
        targets = []
        for o in returned.outcomes:
            n = by_uid.get(o.nominee_uid)
            if n is None and o.nominee_uid in older:
                n = by_key.get((older[o.nominee_uid].participant_id, older[o.nominee_uid].award_form))
            if n is None:
                raise UserError("outcomes.return_nominee_unknown", uid=o.nominee_uid[:12])
            targets.append((n, o))
        decision = record_decision_back(session, round_.id, {
            "award_form": returned.award_form, "number": returned.number, "decided_on": returned.decided_on,
            "issuer": returned.issuer, "level": returned.level, "signer": returned.signer,
            "signer_title": returned.signer_title, "title": returned.title}, source="return_packet",
            return_packet_id=returned.packet_id)
        AwardDecision.update(file_name=returned.decision_file, file_sha256=returned.decision_sha256, source="return_packet",
                             return_packet_id=returned.packet_id).where(AwardDecision.id == decision.id).execute()
        awarded = not_awarded = 0
        for n, o in targets:
            if o.outcome == AWARDED:
                _set_outcome(session, n.id, AWARDED, decision.id, "", o.certificate_text, o.prize_amount)
                awarded += 1
            else:
                _set_outcome(session, n.id, NOT_AWARDED, None, o.reason, "", None)
                not_awarded += 1
    return ApplyReport(decision.id, awarded, not_awarded, False)


# ----- queries ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutcomeRow:
    nominee_id: int
    participant_id: int
    name: str
    kind: str
    award_form: str
    outcome: str                      # awarded | not_awarded | "" (not known yet)
    decision_id: int | None
    decision_number: str
    decided_on: date | None
    issuer: str
    signer: str
    signer_title: str
    reason: str
    certificate_text: str
    prize_amount: int | None
    award_id: int | None
    unit: str                         # the individual's workplace (the collective for a collective)
    gender: str
    return_reason: str = ""           # trả lại: what this nominee's dossier must add


def outcomes_of(session: Session, round_id: int) -> list[OutcomeRow]:
    """Every nominee of the round with its outcome as recorded (in the round's order)."""
    session.activate()
    out = []
    nominees = (Nominee.select(Nominee, Participant).join(Participant)
                .where(Nominee.round == round_id).order_by(Nominee.award_form, Nominee.position, Nominee.id))
    outcomes = {o.nominee_id: o for o in NomineeOutcome.select().join(Nominee).where(Nominee.round == round_id)}
    decisions = {d.id: d for d in AwardDecision.select().where(AwardDecision.round == round_id)}
    for n in nominees:
        p = n.participant
        o = outcomes.get(n.id)
        d = decisions.get(o.decision_id) if o is not None and o.decision_id else None
        out.append(OutcomeRow(n.id, p.id, p.name, p.kind, n.award_form, o.outcome if o else "",
                              d.id if d else None, d.number if d else "", d.decided_on if d else None,
                              d.issuer if d else "", d.signer if d else "", d.signer_title if d else "",
                              o.reason if o else "", o.certificate_text if o else "", o.prize_amount if o else None,
                              o.award_id if o else None, p.name if p.kind == COLLECTIVE else p.workplace, p.gender,
                              n.return_reason))
    return out


def decisions_back(session: Session, round_id: int) -> list[AwardDecision]:
    session.activate()
    return list(AwardDecision.select().where(AwardDecision.round == round_id).order_by(AwardDecision.decided_on,
                                                                                        AwardDecision.id))


def rounds_with_outcomes(session: Session) -> list[NominationRound]:
    """Rounds that are not superseded (the newest version of each), newest first: where decisions come back."""
    session.activate()
    home = session.home_commune()
    if home is None:
        return []
    return list(NominationRound.select().where((NominationRound.commune == home.id)
                                               & (NominationRound.status != SUPERSEDED))
                .order_by(NominationRound.number.desc()))


def decision_issuer_default(session: Session, award_form: str) -> tuple[str, str]:
    """(issuer, level) a decision on this form usually comes from: the commune chairman or the province's."""
    home = session.home_commune()
    form = NOMINATION_FORMS.get(award_form)
    if form is not None and form.decided_here:
        return (f"Chủ tịch UBND xã {home.name}" if home else "Chủ tịch UBND xã", "xa")
    return (f"Chủ tịch UBND tỉnh {home.province}" if home and home.province else "Chủ tịch UBND tỉnh", "tinh")

