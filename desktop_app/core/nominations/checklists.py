"""Criteria checklists stored per participant: answers, the frozen criteria set they were filled against,
the verdict, and moving a checklist to a newer version of its set."""
from __future__ import annotations

import json
from functools import lru_cache

from ..changes import Topic
from ..errors import UserError
from ..register.awards import list_awards
from ..register.registrations import registrations_of
from ..storage.models import Checklist, Participant
from ..storage.session import Session
from ..text import nfc_multiline
from ..vocabulary import FEMALE, MALE, award_name
from . import rules_pack
from .criteria import (Answer, Assessment, CriteriaCatalog, CriteriaFileError, CriteriaSet, HistoryEntry,
                       MigrationResult, ParticipantRecord, criteria_set_from_snapshot, evaluate, load_catalog,
                       migrate_answers, needs_migration, parse_criteria_set, suggest_sets)

GENDER_TO_ENGINE = {FEMALE: "female", MALE: "male"}


@lru_cache(maxsize=1)
def catalog() -> CriteriaCatalog:
    """The shipped criteria sets (resources/criteria); broken files are listed in .problems, never raised."""
    return load_catalog()


def catalog_for(session: Session | None) -> CriteriaCatalog:
    """The national criteria sets, and the sets of the province's rules pack when one is imported (their citations
    name the provincial regulation and the pack's version, so the officer sees which layer each criterion is from)."""
    national = catalog()
    pack = rules_pack.current_pack(session) if session is not None else None
    if pack is None:
        return national
    sets = dict(national.sets)
    problems = list(national.problems)
    for raw in pack.criteria_sets:
        data = json.loads(json.dumps(raw))
        _render_pack_citations(data, pack)
        try:
            parsed = parse_criteria_set(data, pack.label, expected_id=raw.get("id"))
        except CriteriaFileError as exc:
            problems.extend(exc.problems)
            continue
        sets[parsed.id] = parsed
    return CriteriaCatalog(sets=sets, common=national.common, problems=tuple(problems))


def _render_pack_citations(node, pack) -> None:
    """Pack criteria cite {"source": "pack", "article": …}: the province's regulation, named with the pack."""
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key == "citation" and isinstance(value, dict) and value.get("source") == "pack":
                node[key] = pack.reference(value.get("article", ""))
            elif key == "legal_basis" and isinstance(value, list):
                for b in value:
                    if b.get("source") == "pack":
                        b.pop("source")
                        b["text"] = f"{pack.citation()} ({pack.label})"
            else:
                _render_pack_citations(value, pack)
    elif isinstance(node, list):
        for value in node:
            _render_pack_citations(value, pack)


def participant_record(session: Session, participant: Participant, *, principles_confirmed: bool,
                       assessment_year: int | None) -> ParticipantRecord:
    """The engine's view of a participant: blocking flags (confirmed or not) and award history."""
    # A recorded block is known either way; "not blocked" counts only once the officer has confirmed it.
    flags = {name: True if getattr(participant, name) else (False if principles_confirmed else None)
             for name in ("under_discipline", "under_inspection", "under_complaint")}
    history = tuple(HistoryEntry(category=a.category, code=a.code, year=a.year, award_type=a.award_type,
                                 decision_number=a.decision_number, name=a.name, ref=a.uid)
                    for a in list_awards(session, participant.id))
    registered = tuple(HistoryEntry(category=r.aim_category, code=r.aim_code, year=r.year,
                                    name=award_name(r.aim_category, r.aim_code), ref=r.uid)
                       for r in registrations_of(session, participant.id))
    return ParticipantRecord(kind=participant.kind, flags=flags, history=history, assessment_year=assessment_year,
                             name=participant.name, gender=GENDER_TO_ENGINE.get(participant.gender, ""),
                             member_count=participant.member_count, female_count=participant.female_count,
                             registrations=registered)


def routes_for(participant: Participant, award_form: str | None = None, session: Session | None = None
               ) -> list[CriteriaSet]:
    """The criteria sets that fit (national, and the province's pack when the session has one)."""
    return suggest_sets(catalog_for(session), participant.kind, award_form)


def get_checklist(session: Session, checklist_id: int | None) -> Checklist | None:
    if checklist_id is None:
        return None
    session.activate()
    return Checklist.get_or_none(Checklist.id == checklist_id)


def _checklist(session: Session, checklist_id: int) -> Checklist:
    checklist = get_checklist(session, checklist_id)
    if checklist is None:
        raise UserError("checklist.not_found")
    return checklist


def start_checklist(session: Session, participant_id: int, set_id: str,
                    assessment_year: int | None = None) -> Checklist:
    criteria_set = catalog_for(session).get(set_id)
    now = session.clock.now_iso()
    with session.write(Topic.CHECKLISTS):
        participant = Participant.get_or_none(Participant.id == participant_id)
        if participant is None:
            raise UserError("participant.not_found")
        if criteria_set.participant_kind != participant.kind:
            raise UserError("checklist.wrong_kind")
        checklist = Checklist.create(
            commune=participant.commune_id, participant=participant, set_id=criteria_set.id,
            set_version=criteria_set.version, set_fingerprint=criteria_set.fingerprint,
            set_snapshot=criteria_set.snapshot(), answers={},
            assessment_year=assessment_year if assessment_year is not None else session.clock.today().year - 1,
            created_at=now, updated_at=now)
        return reassess_in_write(session, checklist)


def criteria_set_of(checklist: Checklist) -> CriteriaSet:
    """The set exactly as it was when the checklist was filled (its frozen snapshot)."""
    return criteria_set_from_snapshot(checklist.set_snapshot)


def answers_of(checklist: Checklist) -> dict[str, Answer]:
    return {code: Answer.from_dict(data) for code, data in (checklist.answers or {}).items()}


def assess(session: Session, checklist: Checklist) -> Assessment:
    session.activate()
    participant = Participant.get_by_id(checklist.participant_id)
    record = participant_record(session, participant, principles_confirmed=checklist.principles_confirmed,
                                assessment_year=checklist.assessment_year)
    return evaluate(criteria_set_of(checklist), record, answers_of(checklist), catalog().common)


def reassess_in_write(session: Session, checklist: Checklist) -> Checklist:
    """Recompute and store the verdict; call it inside the caller's write."""
    result = assess(session, checklist)
    checklist.verdict = result.verdict
    checklist.assessment = result.to_dict()
    checklist.updated_at = session.clock.now_iso()
    checklist.save()
    return checklist


def reassess(session: Session, checklist_id: int) -> Checklist:
    """Compute the verdict again from the record as it is now (a flag ticked, an award archived since)."""
    with session.write(Topic.CHECKLISTS):
        return reassess_in_write(session, _checklist(session, checklist_id))


def _writable(checklist: Checklist) -> None:
    # A checklist moved to a newer criteria version stays readable as filled, never edited.
    if checklist.archived_at is not None:
        raise UserError("checklist.archived")


def save_answer(session: Session, checklist_id: int, code: str, status: str | None, note: str = "",
                evidence_ids=()) -> Checklist:
    """Record one answer (saved at once: progress survives a crash) and recompute the verdict."""
    with session.write(Topic.CHECKLISTS):
        checklist = _checklist(session, checklist_id)
        _writable(checklist)
        criteria_set = criteria_set_of(checklist)
        if criteria_set.criterion(code) is None:
            raise UserError("checklist.unknown_criterion", criterion=code)
        answers = dict(checklist.answers or {})
        answers[code] = Answer(status, nfc_multiline(note), tuple(evidence_ids)).to_dict()
        checklist.answers = answers
        return reassess_in_write(session, checklist)


def set_principles_confirmed(session: Session, checklist_id: int, confirmed: bool) -> Checklist:
    with session.write(Topic.CHECKLISTS):
        checklist = _checklist(session, checklist_id)
        _writable(checklist)
        checklist.principles_confirmed = bool(confirmed)
        return reassess_in_write(session, checklist)


def set_assessment_year(session: Session, checklist_id: int, year: int) -> Checklist:
    with session.write(Topic.CHECKLISTS):
        checklist = _checklist(session, checklist_id)
        _writable(checklist)
        checklist.assessment_year = int(year)
        return reassess_in_write(session, checklist)


def is_outdated(checklist: Checklist) -> bool:
    """True when the shipped criteria set changed since this checklist was filled."""
    current = catalog().sets.get(checklist.set_id)
    return current is not None and needs_migration(checklist.set_fingerprint, current)


def migrate_checklist(session: Session, checklist_id: int) -> tuple[Checklist, MigrationResult]:
    """A new checklist on the current set version, keeping matching answers; the old one stays as filled."""
    now = session.clock.now_iso()
    with session.write(Topic.CHECKLISTS):
        checklist = _checklist(session, checklist_id)
        _writable(checklist)
        current = catalog_for(session).get(checklist.set_id)
        result = migrate_answers(criteria_set_of(checklist), current, answers_of(checklist))
        fresh = Checklist.create(
            commune=checklist.commune_id, participant=checklist.participant_id, set_id=current.id,
            set_version=current.version, set_fingerprint=current.fingerprint, set_snapshot=current.snapshot(),
            answers={code: a.to_dict() for code, a in result.answers.items()},
            principles_confirmed=checklist.principles_confirmed, assessment_year=checklist.assessment_year,
            replaces=checklist, created_at=now, updated_at=now)
        checklist.archived_at = now
        checklist.save()
        reassess_in_write(session, fresh)
    return fresh, result


def list_checklists(session: Session, participant_id: int, include_archived: bool = False) -> list[Checklist]:
    session.activate()
    query = Checklist.select().where(Checklist.participant == participant_id)
    if not include_archived:
        query = query.where(Checklist.archived_at.is_null())
    return list(query.order_by(Checklist.updated_at.desc()))


def snapshot_json(checklist: Checklist) -> str:
    return json.dumps(checklist.set_snapshot, ensure_ascii=False, sort_keys=True)
