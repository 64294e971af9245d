"""Đăng ký thi đua: at the start of the year each collective and individual registers, per campaign and year, the
title or award form it aims for (a collective also lists its members who register with it). The register of
registrations, the check a criterion makes ("registered"), and the seam the Excel import feeds (parsed rows)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee as pw

from ..changes import Topic
from ..dates import format_vn_date
from ..errors import UserError, ValidationError
from ..storage.models import Campaign, Draft, Participant, Registration
from ..storage.session import Session
from ..text import name_sort_key, nfc
from ..validation import Validator
from ..vocabulary import (COLLECTIVE, PARTICIPANT_KINDS, REGISTRATION_AIMS, REGISTRATION_SOURCES, TITLE,
                          award_name)

#: Titles a collective may aim at; the others are individuals' titles (Luật TĐKT 2022 Điều 23–28).
COLLECTIVE_TITLES = frozenset({"TTLDTT", "TTLDXS", "THON_VH"})


def aims_for(kind: str) -> list[tuple[str, str, str]]:
    """(category, code, name) a participant of this kind may register for, titles first."""
    out = []
    for category, terms in REGISTRATION_AIMS.items():
        for term in terms:
            if category == TITLE and ((term.code in COLLECTIVE_TITLES) != (kind == COLLECTIVE)):
                continue
            out.append((category, term.code, term.name))
    return out


def validate_registration(session: Session, values: dict) -> dict:
    """Form values as typed (strings; ids as ints) → clean values, or a ValidationError naming every field."""
    v = Validator(values, today=session.clock.today())
    campaign_id = values.get("campaign_id")
    campaign = Campaign.get_or_none(Campaign.id == campaign_id) if campaign_id else None
    if campaign is None:
        v.fail("campaign_id", "registration.campaign_required")
    v.clean["campaign_id"] = campaign.id if campaign else None
    year = v.integer("year", required=True, minimum=1945, maximum=2200)
    if campaign is not None and year is not None and (
            (campaign.period_start and year < campaign.period_start) or (campaign.period_end and year > campaign.period_end)):
        v.fail("year", "registration.year_outside_campaign", start=campaign.period_start, end=campaign.period_end)
    participant = Participant.get_or_none(Participant.id == values.get("participant_id")) \
        if values.get("participant_id") else None
    home = session.home_commune()
    if participant is None or home is None or participant.commune_id != home.id:
        v.fail("participant_id", "registration.participant_required")
    elif participant.archived_at is not None:
        v.fail("participant_id", "registration.participant_archived", name=participant.name)
    v.clean["participant_id"] = participant.id if participant else None
    category = v.choice("aim_category", tuple(REGISTRATION_AIMS))
    code = v.text("aim_code", required=True, max_len=50)
    if category and code and participant is not None:
        allowed = {c for cat, c, _ in aims_for(participant.kind) if cat == category}
        if code not in allowed:
            v.fail("aim_code", "registration.aim_not_for_kind", kind=PARTICIPANT_KINDS.name(participant.kind).lower())
    registered_on = v.date("registered_on", required=True, allow_future=False)
    if registered_on and year and registered_on.year > year:
        v.fail("registered_on", "registration.date_after_year", year=year)
    collective_id = values.get("collective_id")
    collective = Participant.get_or_none(Participant.id == collective_id) if collective_id else None
    if collective_id and (collective is None or collective.kind != COLLECTIVE or participant is None
                          or participant.kind == COLLECTIVE or collective.commune_id != participant.commune_id):
        v.fail("collective_id", "registration.collective_invalid")
    v.clean["collective_id"] = collective.id if collective else None
    v.text("note", max_len=1000, multiline=True)
    return v.raise_if_failed()


def save_registration(session: Session, values: dict, registration_id: int | None = None, *,
                      source: str = "window", draft_key: str | None = None) -> Registration:
    """Register (or correct a registration). Registering again what an archived registration held brings it back;
    the same aim twice for the same campaign and year is refused."""
    if source not in REGISTRATION_SOURCES:
        raise ValueError(source)
    with session.write(Topic.REGISTRATIONS, Topic.DRAFTS):
        clean = validate_registration(session, values)
        saved = _store(session, clean, registration_id, source)
        _discard(draft_key)
    return saved


def _discard(draft_key: str | None) -> None:
    if draft_key:
        Draft.delete().where(Draft.form_key == draft_key).execute()


def _store(session: Session, clean: dict, registration_id: int | None, source: str) -> Registration:
    now = session.clock.now_iso()
    same = Registration.get_or_none((Registration.campaign == clean["campaign_id"]) & (Registration.year == clean["year"])
                                    & (Registration.participant == clean["participant_id"])
                                    & (Registration.aim_code == clean["aim_code"]))
    if registration_id is None:
        if same is not None and same.archived_at is None:
            raise UserError("registration.duplicate", name=same.participant.name,
                            aim=award_name(same.aim_category, same.aim_code), year=same.year)
        reg = same or Registration(commune=session.home_commune(), created_at=now, source=source)
    else:
        reg = Registration.get_or_none(Registration.id == registration_id)
        if reg is None:
            raise UserError("registration.not_found")
        if same is not None and same.id != reg.id:
            raise UserError("registration.duplicate", name=same.participant.name,
                            aim=award_name(same.aim_category, same.aim_code), year=same.year)
    reg.campaign = clean["campaign_id"]
    reg.year = clean["year"]
    reg.participant = clean["participant_id"]
    reg.collective = clean["collective_id"]
    reg.aim_category = clean["aim_category"]
    reg.aim_code = clean["aim_code"]
    reg.registered_on = clean["registered_on"]
    reg.note = clean["note"]
    reg.archived_at = None
    reg.updated_at = now
    reg.save()
    return reg


def register_collective(session: Session, values: dict, member_ids: list[int], member_aim: tuple[str, str] = (TITLE, "LDTT"),
                        *, draft_key: str | None = None) -> list[Registration]:
    """A collective's registration with the members who register on its list (each its own aim, by default
    Lao động tiên tiến), in one transaction. Members already registered for that aim stay as they are."""
    made = []
    with session.write(Topic.REGISTRATIONS, Topic.DRAFTS):
        _discard(draft_key)
        clean = validate_registration(session, values)
        collective = Participant.get_by_id(clean["participant_id"])
        if collective.kind != COLLECTIVE:
            raise UserError("registration.not_a_collective", name=collective.name)
        made.append(_store(session, clean, None, "window"))
        for member_id in member_ids:
            member_values = {"campaign_id": clean["campaign_id"], "year": str(clean["year"]), "participant_id": member_id,
                             "aim_category": member_aim[0], "aim_code": member_aim[1],
                             "registered_on": clean["registered_on"], "collective_id": collective.id, "note": ""}
            member_clean = validate_registration(session, member_values)
            existing = Registration.get_or_none(
                (Registration.campaign == clean["campaign_id"]) & (Registration.year == clean["year"])
                & (Registration.participant == member_id) & (Registration.aim_code == member_aim[1])
                & Registration.archived_at.is_null())
            made.append(existing if existing is not None else _store(session, member_clean, None, "window"))
    return made


def withdraw_registration(session: Session, registration_id: int, withdrawn: bool = True) -> None:
    """Archive (or bring back) a registration; nothing is deleted."""
    with session.write(Topic.REGISTRATIONS):
        Registration.update(archived_at=session.clock.now_iso() if withdrawn else None,
                            updated_at=session.clock.now_iso()).where(Registration.id == registration_id).execute()


@dataclass(frozen=True)
class ImportReport:
    added: int
    unchanged: int
    problems: tuple[tuple[int, str], ...]   # (row number as the sheet shows it, Vietnamese sentence)


def import_registrations(session: Session, rows: list[tuple[int, dict]], *, dry_run: bool = False) -> ImportReport:
    """The seam of the Excel import (issue 14's machinery reads the sheet, maps the columns and resolves the
    participants): `rows` are (sheet row number, form values as save_registration takes them). Every row is checked
    first; nothing is written when any row has a problem (the officer fixes the sheet and imports again). A row
    already registered is counted as unchanged, so importing the same sheet twice adds nothing."""
    problems: list[tuple[int, str]] = []
    clean_rows = []
    with session.write(Topic.REGISTRATIONS):
        for number, values in rows:
            try:
                clean_rows.append(validate_registration(session, values))
            except ValidationError as exc:
                problems.append((number, "; ".join(f"{f}: {exc.field_text(f)}" for f in exc.fields)))
            except UserError as exc:
                problems.append((number, str(exc)))
        if problems or dry_run:
            return ImportReport(0, 0, tuple(problems))
        added = unchanged = 0
        for clean in clean_rows:
            same = Registration.get_or_none(
                (Registration.campaign == clean["campaign_id"]) & (Registration.year == clean["year"])
                & (Registration.participant == clean["participant_id"]) & (Registration.aim_code == clean["aim_code"]))
            if same is not None and same.archived_at is None:
                unchanged += 1
                continue
            _store(session, clean, None, "excel")
            added += 1
    return ImportReport(added, unchanged, ())


# ----- queries ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RegistrationRow:
    id: int
    participant_id: int
    name: str
    kind: str
    aim_category: str
    aim_code: str
    aim_name: str
    year: int
    registered_on: date
    collective_name: str
    unit_name: str          # the collective itself, or the individual's workplace
    note: str
    campaign_id: int


def list_registrations(session: Session, campaign_id: int | None = None, year: int | None = None, *,
                       collective_id: int | None = None, include_withdrawn: bool = False) -> list[RegistrationRow]:
    """Who registered and for what, collectives first, then by name in Vietnamese order."""
    session.activate()
    home = session.home_commune()
    if home is None:
        return []
    Coll = Participant.alias()
    q = (Registration.select(Registration, Participant, Coll)
         .join(Participant, on=(Registration.participant == Participant.id))
         .switch(Registration).join(Coll, pw.JOIN.LEFT_OUTER, on=(Registration.collective == Coll.id))
         .where(Registration.commune == home.id))
    if campaign_id is not None:
        q = q.where(Registration.campaign == campaign_id)
    if year is not None:
        q = q.where(Registration.year == year)
    if collective_id is not None:
        q = q.where((Registration.collective == collective_id) | (Registration.participant == collective_id))
    if not include_withdrawn:
        q = q.where(Registration.archived_at.is_null())
    out = []
    for r in q:
        p = r.participant
        coll = r.collective if r.collective_id else None
        out.append(RegistrationRow(r.id, p.id, p.name, p.kind, r.aim_category, r.aim_code,
                                   award_name(r.aim_category, r.aim_code), r.year, r.registered_on,
                                   coll.name if coll else "", p.name if p.kind == COLLECTIVE else (coll.name if coll else p.workplace),
                                   r.note, r.campaign_id))
    out.sort(key=lambda x: (x.kind != COLLECTIVE, x.unit_name if x.kind != COLLECTIVE else "", name_sort_key(x.name)))
    return out


def get_registration(session: Session, registration_id: int | None) -> Registration | None:
    session.activate()
    return Registration.get_or_none(Registration.id == registration_id) if registration_id else None


def registrations_of(session: Session, participant_id: int) -> list[Registration]:
    """A participant's registrations (not withdrawn), newest year first — what the checklist looks at."""
    session.activate()
    return list(Registration.select().where((Registration.participant == participant_id)
                                            & Registration.archived_at.is_null())
                .order_by(Registration.year.desc(), Registration.id))


def registration_years(session: Session) -> list[int]:
    session.activate()
    return sorted({r.year for r in Registration.select(Registration.year).distinct()}, reverse=True)


def registration_form_values(r: Registration) -> dict:
    return {"campaign_id": r.campaign_id, "year": str(r.year), "participant_id": r.participant_id,
            "collective_id": r.collective_id, "aim_category": r.aim_category, "aim_code": r.aim_code,
            "registered_on": format_vn_date(r.registered_on), "note": r.note}



def participant_named(session: Session, name: str) -> Participant:
    """The home commune's one active participant of this exact name (for the command line)."""
    session.activate()
    home = session.home_commune()
    found = list(Participant.select().where((Participant.commune == (home.id if home else -1))
                                            & (Participant.name == nfc(name)) & Participant.archived_at.is_null()))
    if len(found) != 1:
        raise UserError("registration.name_not_unique" if found else "registration.name_unknown", name=name)
    return found[0]
