"""A nomination round from the database → the dossier documents, and their lifecycle (NĐ 30/2020 Điều 15, 18).

`dossier_input` reads a round (commune settings, campaign, nominees with their records and achievements,
council meeting and votes, Giấy khen decision, what is already issued) into the plain dataclasses of
`documents`. A document is a **draft** until the officer issues it: drafts carry no number, say "DỰ THẢO" and
are made again freely (`preview_files`). `issue_document` issues one numbered document (Biên bản, Tờ trình,
Quyết định — with the files issued together with it) under a number from the commune's register of outgoing
documents and a signing date that follows the facts; its PDF and .docx are written once into the workspace and
kept with their SHA-256 (`issued_files` reads them back, checked), the round is locked, and a correction of the
round issues new documents with new numbers that name the ones they replace. `round_documents` gives the packet
writer the issued files.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import peewee as pw

from .. import documents as doc
from .. import legal
from ..changes import Topic
from ..errors import UserError
from ..fingerprints import format_fingerprint, normalize_fingerprint
from ..nominations import rules_pack
from ..nominations.rounds import default_summary, require_round, meeting_of, nominees_of, vote_results
from ..storage.files import fsync_dir, remove_quietly
from ..storage.models import Achievement as AchievementRow
from ..storage.models import (Award, AwardDecision, Campaign, Commune, DocumentNumber, DocumentSignature,
                              IssuedDocument,
                              NominationRound, Participant, Setting)
from ..storage.models import CouncilMeeting as CouncilMeetingRow
from ..storage.session import Session
from ..text import printable_fields
from ..vocabulary import BANG_KHEN_TINH, COLLECTIVE, DRAFT, GENDERS, GIAY_KHEN, LOCKED, NOMINATION_FORMS, SUPERSEDED
from .build import dossier_parts, dossier_units
from .numbering import short_date
from .templates import load_rewards

Progress = Callable[[int, int, str], None]

# Award forms as the documents name them ("tặng {award_name}", "tặng {award_short} cho …").
AWARD_FORMS = {code: doc.AwardForm(name=f.name.replace("Ủy ban nhân dân", "UBND"), short=f.short,
                                   decided_here=f.decided_here) for code, f in NOMINATION_FORMS.items()}
# Who signs a collective's report, by category (empty: the template's "NGƯỜI ĐỨNG ĐẦU").
HEAD_TITLES = {
    "thon_ban": "TRƯỞNG THÔN", "to_dan_pho": "TỔ TRƯỞNG TỔ DÂN PHỐ", "co_quan": "THỦ TRƯỞNG CƠ QUAN",
    "don_vi": "THỦ TRƯỞNG ĐƠN VỊ", "doanh_nghiep": "GIÁM ĐỐC", "hop_tac_xa": "GIÁM ĐỐC",
}
# How a campaign document is cited, from the type code of its number ("635/KH-UBND" → "Kế hoạch").
DOCUMENT_KINDS = {"KH": "Kế hoạch", "QĐ": "Quyết định", "HD": "Hướng dẫn", "CT": "Chỉ thị", "TB": "Thông báo",
                  "CV": "Công văn"}
# The numbered documents, as codes the window and the command line name.
NUMBERED = ("to_trinh", "bien_ban", "quyet_dinh")

_UNIT_PREFIX = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)
_PROVINCE_PREFIX = re.compile(r"^(tỉnh|thành phố)\s+", re.IGNORECASE)
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hH]\s*(\d{2})\s*$")
_LEADING_NUMBER = re.compile(r"^\s*0*(\d{1,6})\s*/")


# --- mapping ---------------------------------------------------------------------------------------

def commune_name(commune: Commune) -> str:
    """'Thượng Quan' → 'xã Thượng Quan'; 'Phường Đức Xuân' → 'phường Đức Xuân' (as used inside sentences)."""
    name = commune.name.strip()
    m = _UNIT_PREFIX.match(name)
    if m:
        return m.group(1).lower() + name[m.end(1):]
    return f"xã {name}"


def province_name(commune: Commune) -> str:
    province = (commune.province or "").strip()
    m = _PROVINCE_PREFIX.match(province)
    if m:
        return m.group(1).lower() + province[m.end(1):]
    return f"tỉnh {province}" if province else ""


# Document settings of the workspace (the `setting` table), set from the dossier screen.
PLACE = "ho_so.place"                    # place in the date line ("" → as the law keeps the name)
EXECUTORS = "ho_so.executors"            # offices named in the decision's last article
RECIPIENTS = "ho_so.recipients"          # extra "Nơi nhận" lines, one per line
BASE_SALARY = "ho_so.base_salary"        # lương cơ sở, đồng
REGISTER_BY_APP = "ho_so.register_by_app"  # "1": the app proposes the next number of each series
REGISTER_START = "ho_so.register_start"  # JSON {"TTr-UBND": {"2026": 15}}: the first number the app proposes


def unverified_notes() -> list[str]:
    """What the documents rely on that could not be checked against the official texts: the registry entries the
    templates cite (their `not_verified` notes) and the prize money data. Shown to the officer before issuing."""
    t = doc.load_template_set()
    out = []
    for key in sorted(t.cited_sources()):
        s = legal.source(key)
        if s.not_verified:
            out.append(f"{s.short()}: {s.unverified_note}")
    rewards = load_rewards()
    if not rewards.get("verified", False):
        out.append(f"Mức tiền thưởng: {rewards.get('note', '')}")
    return out


def document_settings(session: Session) -> dict:
    """The dossier's settings as the documents read them (defaults where the officer set nothing)."""
    rewards = load_rewards()
    try:
        salary = int(session.setting(BASE_SALARY, "") or rewards["base_salary_default"])
    except ValueError:
        salary = int(rewards["base_salary_default"])
    try:
        start = json.loads(session.setting(REGISTER_START, "") or "{}")
    except ValueError:
        start = {}
    return {"place": session.setting(PLACE, "") or "", "executors": session.setting(EXECUTORS, "") or "",
            "recipients": session.setting(RECIPIENTS, "") or "", "base_salary": salary,
            "register_by_app": session.setting(REGISTER_BY_APP, "0") == "1", "register_start": start}


def save_document_settings(session: Session, values: dict) -> None:
    """Store the dossier's settings (place, executors, recipients, base salary, the register)."""
    salary = values.get("base_salary")
    if salary is not None and (not isinstance(salary, int) or not 0 < salary < 10**9):
        raise UserError("documents.base_salary_invalid")
    rows = {PLACE: values.get("place"), EXECUTORS: values.get("executors"), RECIPIENTS: values.get("recipients"),
            BASE_SALARY: None if salary is None else str(salary),
            REGISTER_BY_APP: None if values.get("register_by_app") is None else ("1" if values["register_by_app"] else "0"),
            REGISTER_START: None if values.get("register_start") is None else json.dumps(values["register_start"])}
    with session.write(Topic.DOCUMENTS):
        for key, value in rows.items():
            if value is not None:
                Setting.insert(key=key, value=str(value).strip()).on_conflict_replace().execute()


def commune_settings(commune: Commune, settings: dict | None = None) -> doc.CommuneSettings:
    settings = settings or {}
    name = commune_name(commune)
    return doc.CommuneSettings(
        name=name, province=province_name(commune), body_upper="ỦY BAN NHÂN DÂN", body_lower=name.upper(),
        chairman=commune.chairman_name, receiving_authority=commune.receiving_authority,
        number_suffix=commune.doc_prefix or "UBND", place=settings.get("place") or None,
        executors=settings.get("executors", ""),
        recipients_extra=tuple(x.strip() for x in settings.get("recipients", "").splitlines() if x.strip()))


def campaign_input(campaign: Campaign) -> doc.Campaign:
    code = campaign.number.split("/", 1)[1].split("-", 1)[0] if "/" in campaign.number else ""
    return doc.Campaign(number=campaign.number, issued_on=campaign.issued_on or date(campaign.period_start or 2000, 1, 1),
                        issuer=campaign.issuer, title=campaign.title,
                        document_kind=DOCUMENT_KINDS.get(code.upper(), "Văn bản"))


def award_form(code: str, campaign: Campaign | None = None) -> doc.AwardForm:
    if code in AWARD_FORMS:
        return AWARD_FORMS[code]
    for form in (campaign.data.get("award_forms", []) if campaign is not None else []):
        if form.get("code") == code:
            return doc.AwardForm(name=form["text"], short=form["text"], decided_here=form.get("decided_by") == "commune")
    return doc.AwardForm(name=code, short=code)


def _period(a: AchievementRow) -> str:
    start, end = a.date_from, a.date_to
    if start and end:
        if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
            return f"năm {start.year}" if start.year == end.year else f"năm {start.year} - {end.year}"
        return f"từ {short_date(start)} đến {short_date(end)}"
    if start:
        return f"từ {short_date(start)}"
    if end:
        return f"đến {short_date(end)}"
    return ""


def content_numbers(campaign: Campaign, codes) -> tuple[str, ...]:
    """The movement's contents an achievement serves, by their number in the plan ("1", "5"). The plan's own
    wording is not repeated in each report (the campaign file holds a summary, not the plan's exact words, and a
    summary is never put between quotation marks as if it were the plan)."""
    order = [c.get("code") for c in (campaign.data or {}).get("contents", [])]
    return tuple(str(order.index(code) + 1) for code in (codes or []) if code in order)


def achievement_input(a: AchievementRow, campaign: Campaign) -> doc.Achievement:
    """Title → the part's heading (with the numbers of the contents it serves); measures and results as typed."""
    return doc.Achievement(content=a.title, measures=(a.description or "").strip(), results=(a.results or "").strip(),
                           period=_period(a), contents=content_numbers(campaign, a.content_codes))


def _achievements(p: Participant, campaign: Campaign) -> list[AchievementRow]:
    return list(AchievementRow.select().where(
        (AchievementRow.participant == p) & (AchievementRow.campaign == campaign) & AchievementRow.archived_at.is_null())
        .order_by(AchievementRow.date_from.asc(nulls="LAST"), AchievementRow.id))




def _time(text: str) -> str:
    """'14:00' / '14h00' → '14 giờ 00' as written in a biên bản."""
    m = _TIME.match(text or "")
    return f"{int(m.group(1)):02d} giờ {m.group(2)}" if m else (text or "")


def nominee_key(nominee) -> str:
    return str(nominee.id)


def _printed_fingerprint(fingerprint: str) -> str:
    """On paper exactly as the receiving screen and `verify` show it: 'SHA256:7F3A 19C2 …'."""
    return format_fingerprint(normalize_fingerprint(fingerprint)) if fingerprint else ""


def dossier_input(session: Session, round_id: int, *, signer_fingerprint: str = "",
                  pending: dict[str, tuple[int, date]] | None = None) -> doc.Dossier:
    """Everything the documents of the round read, from the database (nothing is written).

    Numbers and signing dates are those of the documents already issued; `pending` adds the one being issued
    ({code: (number, signing date)}). A document neither issued nor pending is a draft: no number, and the Tờ
    trình and the Quyết định have no date yet (the Biên bản always bears the meeting's date)."""
    round_ = require_round(session, round_id)
    commune = Commune.get_by_id(round_.commune_id)
    campaign = Campaign.get_by_id(round_.campaign_id)
    template = doc.load_template_set()
    settings = document_settings(session)
    issued = {row.code: (row.number, row.signed_on) for row in issued_rows(session, round_.id)}
    issued.update(pending or {})
    nominees = []
    rows = nominees_of(session, round_.id)
    for n in rows:
        p = n.participant
        achievements = _achievements(p, campaign)
        common = dict(key=nominee_key(n), kind=p.kind, name=p.name, award_form=award_form(n.award_form, campaign),
                      summary=(n.summary or "").strip() or default_summary(session, p.id, campaign.id),
                      phone=p.phone,
                      achievements=tuple(achievement_input(a, campaign) for a in achievements))
        if p.kind == COLLECTIVE:
            nominees.append(doc.Nominee(
                **common, address=p.address, head_name=p.head_name, head_title=HEAD_TITLES.get(p.category, ""),
                member_count=p.member_count, female_count=p.female_count,
                has_seal=p.category in template.data.get("seal_categories", ())))
        else:
            unit = p.workplace or (p.organization.name if p.organization_id else "")
            nominees.append(doc.Nominee(
                **common, gender=GENDERS.name(p.gender),
                birth_year=p.birth_date.year if p.birth_date else None, position=p.position, unit=unit))
    proposed_forms = Counter(n.award_form.name for n in nominees if not n.award_form.decided_here)
    main_form = next((n.award_form for n in nominees if proposed_forms and n.award_form.name == proposed_forms.most_common(1)[0][0]),
                     AWARD_FORMS[BANG_KHEN_TINH])
    cover_number, cover_on = issued.get("phieu_gui", (None, None))
    number, signed = issued.get("to_trinh", (None, None))
    rnd = doc.Round(number=round_.number, year=round_.year, award_form=main_form, submitted_on=signed,
                    submission_number=number)

    meeting = None
    m = meeting_of(session, round_.id)
    results = vote_results(session, round_.id)
    if m is not None:
        spec = template.doc("bien_ban")
        votes = []
        for n in rows:
            if n.id not in results:
                continue
            passed = results[n.id].passed
            votes.append(doc.Vote(nominee_key(n), agree=n.votes_for, disagree=n.votes_against or 0,
                                  abstain=n.votes_abstain or 0, passed=passed,
                                  result=spec.get("positive_result" if passed else "negative_result", "")))
        defaults = doc.CouncilMeeting(held_on=m.held_on, place="", chair="", secretary="", members_total=1,
                                      members_present=1)
        meeting = doc.CouncilMeeting(
            held_on=m.held_on, place=m.place, chair=m.chair, secretary=m.secretary, members_total=m.members_total,
            members_present=m.members_present, votes=tuple(votes), start_time=_time(m.start_time),
            end_time=_time(m.end_time), chair_title=m.chair_title or defaults.chair_title,
            secretary_title=m.secretary_title or defaults.secretary_title, conclusion=m.conclusion or "",
            number=issued.get("bien_ban", (None, None))[0], voting_method=m.voting_method or "")

    decision = None
    dec = _decision_row(round_)
    if dec is not None:
        awardees = tuple(nominee_key(n) for n in rows
                         if n.award_form == dec.award_form and n.id in results and results[n.id].passed)
        title = (dec.signer_title or "CHỦ TỊCH").upper()
        number, signed = issued.get("quyet_dinh", (None, None))
        decision = doc.Decision(number=number, issued_on=signed, signer=dec.signer,
                                awardee_keys=awardees, signer_title=title,
                                signer_authority="KT. CHỦ TỊCH" if title.startswith("PHÓ") else "")
    reward = None
    if decision is not None:
        rates = load_rewards()["forms"].get(GIAY_KHEN)
        if rates:
            reward = doc.RewardRule(individual=rates["individual"], collective=rates["collective"],
                                    base_salary=settings["base_salary"], round_to=load_rewards().get("round_to", 1000))
    # Each report is dated with the document that sends it: the Tờ trình, or the decision for a Giấy khen.
    report_dates = {}
    if decision is not None and decision.issued_on is not None:
        report_dates = {key: decision.issued_on for key in decision.awardee_keys}
    # Text stored before the fields refused unprintable characters (or received in a packet) must never make the
    # whole round's dossier fail: what no document can print is dropped here.
    return printable_fields(doc.Dossier(
        commune=commune_settings(commune, settings), campaign=campaign_input(campaign), round=rnd,
        nominees=tuple(nominees), meeting=meeting, decision=decision,
        signer_fingerprint=_printed_fingerprint(signer_fingerprint), report_dates=report_dates,
        replaces=_replaced(session, round_), reward=reward, provincial=_provincial(session),
        cover_number=cover_number, cover_on=cover_on))


def _provincial(session: Session):
    pack = rules_pack.current_pack(session)
    return pack.regulation if pack is not None else None


def _decision_row(round_: NominationRound) -> AwardDecision | None:
    return (AwardDecision.select().where((AwardDecision.round == round_) & (AwardDecision.award_form == GIAY_KHEN))
            .order_by(AwardDecision.id).first())


# --- the lifecycle --------------------------------------------------------------------------------

#: The numbered documents, in the order they are issued (the Tờ trình and the Quyết định cite the Biên bản).
NUMBERED = ("bien_ban", "to_trinh", "quyet_dinh", "phieu_gui")
#: The document that covers what goes up and carries the commune key's fingerprint (NĐ 30 layout).
COVERS = ("to_trinh", "phieu_gui")


def issued_rows(session: Session, round_id: int) -> list[IssuedDocument]:
    session.activate()
    return list(IssuedDocument.select().where(IssuedDocument.round == round_id).order_by(IssuedDocument.id))


def _issued_earlier(round_: NominationRound, code: str) -> IssuedDocument | None:
    """The document of the same kind issued for an earlier version of the round (the one a correction replaces)."""
    earlier = round_.supersedes
    while earlier is not None:
        found = IssuedDocument.get_or_none((IssuedDocument.round == earlier) & (IssuedDocument.code == code))
        if found is not None:
            return found
        earlier = earlier.supersedes
    return None


def _number_text(row: IssuedDocument) -> str:
    return f"{row.number:02d}/{row.series}"


def _replaced(session: Session, round_: NominationRound) -> dict[str, doc.Replaced]:
    out = {}
    for code in NUMBERED:
        old = _issued_earlier(round_, code)
        if old is not None:
            out[code] = doc.Replaced(_number_text(old), old.signed_on, round_.correction_reason or "")
    return out


def _require_printable(d: doc.Dossier) -> None:
    if dossier_parts(d, doc.load_template_set()):
        return
    if d.nominees and d.decided_here() and d.decision is None:
        raise UserError("documents.no_decision")
    raise UserError("documents.no_nominees")


def needed_documents(d: doc.Dossier) -> list[str]:
    """The numbered documents this round's dossier has (NUMBERED codes, in issuing order)."""
    out = []
    if d.meeting is not None and d.nominees:
        out.append("bien_ban")
    if d.proposed():
        out.append("to_trinh")
    if d.decision is not None and d.decided_here():
        out.append("quyet_dinh")
        if not d.proposed():
            out.append("phieu_gui")    # sent up without a Tờ trình: a covering letter with the fingerprint
    return out


def series_of(d: doc.Dossier, code: str) -> str:
    t = doc.load_template_set()
    suffix = d.commune.council_suffix if t.doc(code).get("suffix") == "council" else d.commune.number_suffix
    return f"{t.doc(code)['type_code']}-{suffix}"


@dataclass(frozen=True)
class DocumentState:
    """One numbered document of the round as the dossier screen shows it."""

    code: str                          # bien_ban | to_trinh | quyet_dinh
    series: str                        # "TTr-UBND"
    issued: bool
    number: int | None                 # the issued number (None for a draft)
    signed_on: date | None             # the issued date; for the Biên bản always the meeting's date
    number_text: str                   # "05/TTr-UBND" or "…/TTr-UBND"
    files: tuple[str, ...]             # file names issued with it (issued) or that will be (draft)
    replaces: str = ""                 # "01/TTr-UBND ngày 15/03/2026" when this version replaces an issued one
    waiting_for: str = ""              # a NUMBERED code that must be issued first ("" → can be issued now)
    earliest: date | None = None       # the signing date cannot be before this (the meeting)
    fixed_date: date | None = None     # the signing date is this fact (the Biên bản: the meeting's date)
    proposed_number: int | None = None  # the register's next number (when the app keeps the register)
    proposed_date: date | None = None


def document_states(session: Session, round_id: int) -> list[DocumentState]:
    """Every numbered document of the round: issued or draft, what it waits for, what the issue step proposes."""
    round_ = require_round(session, round_id)
    d = dossier_input(session, round_id)
    rows = {row.code: row for row in issued_rows(session, round_id)}
    t = doc.load_template_set()
    units = {}
    for stem, _compose, unit in dossier_units(d, t):
        units.setdefault(unit, []).append(stem)
    settings = document_settings(session)
    today = session.clock.today()
    out = []
    for code in needed_documents(d):
        series = series_of(d, code)
        old = _issued_earlier(round_, code)
        replaces = f"{_number_text(old)} ngày {old.signed_on.strftime('%d/%m/%Y')}" if old is not None else ""
        row = rows.get(code)
        meeting_day = d.meeting.held_on if d.meeting is not None else None
        if row is not None:
            out.append(DocumentState(code, series, True, row.number, row.signed_on, _number_text(row),
                                     tuple(f["name"] for f in row.files), replaces))
            continue
        waiting = "bien_ban" if code != "bien_ban" and "bien_ban" in needed_documents(d) and "bien_ban" not in rows \
            else ""
        if code == "phieu_gui" and not waiting and "quyet_dinh" not in rows:
            waiting = "quyet_dinh"     # the covering letter names the decision it sends
        fixed = meeting_day if code == "bien_ban" else None
        earliest = max([x for x in (meeting_day, rows["bien_ban"].signed_on if "bien_ban" in rows else None) if x],
                       default=None)
        proposed_date = fixed or (max(today, earliest) if earliest else today)
        if code == "quyet_dinh":
            dec = _decision_row(round_)
            if dec is not None and dec.decided_on and (earliest is None or dec.decided_on >= earliest):
                proposed_date = dec.decided_on
        year = proposed_date.year
        out.append(DocumentState(
            code, series, False, None, fixed, f"\u2026/{series}",
            tuple(f"{stem}.{fmt}" for stem in units.get(code, ()) for fmt in ("pdf", "docx")), replaces, waiting,
            earliest, fixed, propose_number(session, round_, code, series, year, settings), proposed_date))
    return out


def _typed_decision_number(round_: NominationRound) -> int | None:
    """The number the officer typed into the Giấy khen decision ("07/QĐ-UBND" → 7), if it is one."""
    dec = _decision_row(round_)
    m = _LEADING_NUMBER.match(dec.number or "") if dec is not None else None
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def _taken(session: Session, commune_id: int, series: str, year: int, number: int) -> bool:
    return DocumentNumber.select().where(
        (DocumentNumber.commune == commune_id) & (DocumentNumber.series == series) & (DocumentNumber.year == year)
        & (DocumentNumber.number == number)).exists()


def propose_number(session: Session, round_: NominationRound, code: str, series: str, year: int,
                   settings: dict | None = None) -> int | None:
    """The number the issue step offers: the decision's typed number when it is free; else, where the commune lets
    the app keep its register, the next number of the series in that year — never below the number the officer set
    to continue the commune's real register. None: the officer types the number the văn thư gives."""
    settings = settings or document_settings(session)
    if code == "quyet_dinh":
        typed = _typed_decision_number(round_)
        if typed is not None and not _taken(session, round_.commune_id, series, year, typed):
            return typed
    if not settings["register_by_app"]:
        return None
    last = (DocumentNumber.select(pw.fn.MAX(DocumentNumber.number))
            .where((DocumentNumber.commune == round_.commune_id) & (DocumentNumber.series == series)
                   & (DocumentNumber.year == year)).scalar()) or 0
    start = int(settings["register_start"].get(series, {}).get(str(year), 1) or 1)
    return max(last + 1, start)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def issue_document(session: Session, round_id: int, code: str, number: int, signed_on: date, *,
                   signer_fingerprint: str = "", progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> DocumentState:
    """Issue one numbered document of the round (with the files issued with it) — once, for good.

    The number comes from the commune's register (typed, or the one `propose_number` offered) and is unique per
    series and year (the database refuses a second use); the signing date follows the facts (the Biên bản bears the
    meeting's date; the Tờ trình and the Quyết định are never dated before the meeting nor after today). The files
    are rendered once, written into the workspace's documents folder and recorded with their SHA-256; the round is
    locked: a change is a correction whose documents get new numbers and name the ones they replace.
    """
    if code not in NUMBERED:
        raise ValueError(code)
    if not isinstance(number, int) or isinstance(number, bool) or not 0 < number < 100000:
        raise UserError("documents.number_invalid")
    round_ = require_round(session, round_id)
    if round_.status == SUPERSEDED:
        raise UserError("rounds.superseded")
    d = dossier_input(session, round_id, signer_fingerprint=signer_fingerprint)
    _require_printable(d)
    states = {s.code: s for s in document_states(session, round_id)}
    state = states.get(code)
    if state is None:
        raise UserError("documents.not_in_dossier", document=DOCUMENT_NAMES[code])
    if state.issued:
        raise UserError("documents.already_issued", document=DOCUMENT_NAMES[code], number=state.number_text)
    if state.waiting_for:
        raise UserError("documents.issue_first", document=DOCUMENT_NAMES[code],
                        first=DOCUMENT_NAMES[state.waiting_for])
    if code == "bien_ban":
        missing = [n.name for n in d.nominees if d.meeting.vote_for(n.key) is None]
        if missing:
            raise UserError("documents.votes_missing", names=", ".join(missing))
    if state.fixed_date is not None and signed_on != state.fixed_date:
        raise UserError("documents.date_is_meeting", date=state.fixed_date.strftime("%d/%m/%Y"))
    if state.earliest is not None and signed_on < state.earliest:
        raise UserError("documents.date_before_meeting", date=state.earliest.strftime("%d/%m/%Y"))
    if signed_on > session.clock.today():
        raise UserError("documents.date_in_future")
    if code in COVERS and not d.signer_fingerprint:
        # The cover document carries the key's fingerprint, so the receiving level can check the packet on paper.
        raise UserError("documents.fingerprint_missing")
    series, year = state.series, signed_on.year
    commune_id = round_.commune_id
    if _taken(session, commune_id, series, year, number):
        raise UserError("documents.number_taken", number=f"{number:02d}/{series}", year=year,
                        purpose=_purpose_of(commune_id, series, year, number))
    issued_d = dossier_input(session, round_id, signer_fingerprint=signer_fingerprint,
                             pending={code: (number, signed_on)})
    t = doc.load_template_set()
    created = session.clock.now()          # the .docx records when it was really made
    files = doc.build_dossier(issued_d, template=t, units=(code,), progress=progress, cancelled=cancelled,
                              created=created)
    labels = document_labels(issued_d)
    folder_name = round_folder_name(round_)
    folder = session.paths.documents_dir / folder_name
    written = save_files(files, folder)
    try:
        with session.write(Topic.DOCUMENTS, Topic.ROUNDS, Topic.AWARDS):
            fresh = require_round(session, round_id)
            if fresh.status == SUPERSEDED:
                raise UserError("rounds.superseded")
            if IssuedDocument.get_or_none((IssuedDocument.round == fresh) & (IssuedDocument.code == code)):
                raise UserError("documents.already_issued", document=DOCUMENT_NAMES[code], number=state.number_text)
            try:
                DocumentNumber.create(commune=commune_id, series=series, year=year, number=number,
                                      purpose=f"{DOCUMENT_NAMES[code]}, đợt {fresh.number} lần {fresh.version}",
                                      issued_at=session.clock.now_iso())
            except pw.IntegrityError:
                raise UserError("documents.number_taken", number=f"{number:02d}/{series}", year=year,
                                purpose=_purpose_of(commune_id, series, year, number)) from None
            old = _issued_earlier(fresh, code)
            IssuedDocument.create(
                commune=commune_id, round=fresh, code=code, series=series, year=year, number=number,
                signed_on=signed_on, folder=folder_name, replaces=old,
                files=[{"name": name, "sha256": _sha256(data), "size": len(data),
                        "label": labels.get(name.rsplit(".", 1)[0], name)} for name, data in files],
                signer_fingerprint=normalize_fingerprint(signer_fingerprint) if signer_fingerprint else "",
                issued_at=session.clock.now_iso())
            _record_number(fresh, code, number, signed_on, series)
            if fresh.status == DRAFT:
                # The data the document came from can no longer change: a change is now a correction.
                fresh.status = LOCKED
                fresh.locked_at = fresh.locked_at or session.clock.now_iso()
                fresh.updated_at = session.clock.now_iso()
                fresh.save()
    except BaseException:
        for path in written:
            remove_quietly(path)
        raise
    return next(s for s in document_states(session, round_id) if s.code == code)


def _purpose_of(commune_id: int, series: str, year: int, number: int) -> str:
    row = DocumentNumber.get_or_none((DocumentNumber.commune == commune_id) & (DocumentNumber.series == series)
                                     & (DocumentNumber.year == year) & (DocumentNumber.number == number))
    return row.purpose if row is not None else ""


def _record_number(round_: NominationRound, code: str, number: int, signed_on: date, series: str) -> None:
    """Keep the round's own number columns in step (the packet's data.json carries them)."""
    if code == "to_trinh":
        round_.submission_number, round_.submitted_on = number, signed_on
        round_.save()
    elif code == "bien_ban":
        m = CouncilMeetingRow.get_or_none(CouncilMeetingRow.round == round_)
        if m is not None:
            m.document_number = number
            m.save()
    elif code == "quyet_dinh":
        dec = _decision_row(round_)
        if dec is not None:
            text = f"{number:02d}/{series}"
            dec.document_number, dec.number, dec.decided_on = number, text, signed_on
            dec.save()
            # The award history names the decision as issued.
            Award.update(decision_number=text, decision_date=signed_on, year=signed_on.year).where(
                Award.decision == dec).execute()


DOCUMENT_NAMES = {"bien_ban": "Biên bản họp Hội đồng Thi đua - Khen thưởng", "to_trinh": "Tờ trình đề nghị khen thưởng",
                  "quyet_dinh": "Quyết định tặng Giấy khen", "phieu_gui": "Phiếu gửi hồ sơ"}


def issued_files(session: Session, round_id: int, code: str | None = None) -> list[tuple[str, bytes]]:
    """The issued files of the round (or of one document), read back from the workspace and checked against the
    SHA-256 recorded when they were issued: reprinting gives the same bytes, or says why it cannot."""
    out = []
    for row in issued_rows(session, round_id):
        if code is not None and row.code != code:
            continue
        folder = session.paths.documents_dir / row.folder
        for f in row.files:
            path = folder / f["name"]
            try:
                data = path.read_bytes()
            except OSError:
                raise UserError("documents.issued_file_missing", name=f["name"], path=str(folder)) from None
            if _sha256(data) != f["sha256"]:
                raise UserError("documents.issued_file_changed", name=f["name"], path=str(folder))
            signed = _signed_version(row, f["name"], folder)
            out.append((f["name"], signed if signed is not None else data))
    return out


def _signed_version(row: IssuedDocument, name: str, folder: Path) -> bytes | None:
    """The last digitally signed version of an issued PDF (issue 17), checked against its SHA-256: once signed, the
    document is the signed file (the dossier copy and the packet carry it unchanged); None when not signed."""
    last = (DocumentSignature.select().where((DocumentSignature.document == row.id)
                                             & (DocumentSignature.file_name == name))
            .order_by(DocumentSignature.position.desc()).first())
    if last is None:
        return None
    try:
        data = (folder / last.stored_name).read_bytes()
    except OSError:
        raise UserError("documents.issued_file_missing", name=last.stored_name, path=str(folder)) from None
    if _sha256(data) != last.sha256:
        raise UserError("documents.issued_file_changed", name=last.stored_name, path=str(folder))
    return data


def preview_files(session: Session, round_id: int, *, signer_fingerprint: str = "",
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  formats: Iterable[str] = ("pdf", "docx")) -> list[tuple[str, bytes]]:
    """Every document of the round in dossier order: the issued files as issued, the others as drafts ("DỰ THẢO",
    no number). Nothing is stored; a draft can be made again as often as wanted."""
    formats = tuple(formats)
    d = dossier_input(session, round_id, signer_fingerprint=signer_fingerprint)
    _require_printable(d)
    issued = {row.code for row in issued_rows(session, round_id)}
    stored = dict(issued_files(session, round_id)) if issued else {}
    t = doc.load_template_set()
    draft = replace(d, draft=True)
    drafts = doc.build_dossier(draft, template=t, formats=formats, progress=progress, cancelled=cancelled,
                               units=[u for u in NUMBERED if u not in issued])
    drafted = dict(drafts)
    out = []
    for stem, _compose, unit in dossier_units(d, t):
        for fmt in formats:
            name = f"{stem}.{fmt}"
            if unit in issued and name in stored:
                out.append((name, stored[name]))
            elif name in drafted:
                out.append((name, drafted[name]))
    return out


def missing_numbers(session: Session, round_id: int) -> list[str]:
    """Numbered documents of the round (NUMBERED codes) not issued yet."""
    return [s.code for s in document_states(session, round_id) if not s.issued]


def issued_numbers(session: Session, round_id: int) -> list[tuple[str, str, date | None]]:
    """(NUMBERED code, '05/TTr-UBND', signing date) of every document of the round already issued."""
    return [(s.code, s.number_text, s.signed_on) for s in document_states(session, round_id) if s.issued]


# --- documents -------------------------------------------------------------------------------------

def round_documents(session: Session, round_id: int, *, signer_fingerprint: str = "", issue: bool = True,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                    formats: Iterable[str] = ("pdf", "docx")) -> list[tuple[str, bytes]]:
    """Every document of the round as (ASCII file name, bytes), in dossier order: the issued files exactly as
    issued, the documents not issued yet as drafts ("DỰ THẢO", no number). Nothing is ever issued here: documents
    are issued one by one in the dossier screen (or `dossier --issue`), never behind the officer's back.

    `issue` is kept for the callers of the earlier API and no longer issues anything.
    """
    return preview_files(session, round_id, signer_fingerprint=signer_fingerprint, progress=progress,
                         cancelled=cancelled, formats=formats)


def round_folder_name(round_: NominationRound) -> str:
    """'Dot_01_lan_1': the round's folder under the workspace's documents folder."""
    return f"Dot_{round_.number:02d}_lan_{round_.version}"


def _write_error(exc: OSError, folder: Path, name: str, *, replacing: bool = False) -> UserError:
    detail = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return UserError("documents.disk_full", path=str(folder))
    if replacing and isinstance(exc, PermissionError):
        return UserError("documents.file_busy", name=name, path=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR, errno.EEXIST):
        return UserError("documents.folder_not_writable", path=str(folder), detail=detail)
    return UserError("documents.write_failed", name=name, path=str(folder), detail=detail)


def save_files(files: Iterable[tuple[str, bytes]], out_dir: str | os.PathLike) -> list[Path]:
    """Write (name, bytes) into out_dir: each through a temporary name, flushed to disk, then renamed over.

    A full disk, a read-only folder or a file held open by Word becomes a UserError; a half-written
    file never carries a real name.
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(exc, folder, folder.name) from exc
    if not folder.is_dir():
        raise UserError("documents.folder_not_writable", path=str(folder), detail="không phải thư mục")
    written: list[Path] = []
    for name, data in files:
        target = folder / name
        temp = folder / f".{name}.tmp"
        try:
            with open(temp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            remove_quietly(temp)
            raise _write_error(exc, folder, name) from exc
        try:
            os.replace(temp, target)
        except OSError as exc:
            remove_quietly(temp)
            raise _write_error(exc, folder, name, replacing=True) from exc
        written.append(target)
    try:
        fsync_dir(folder)
    except OSError:
        pass  # the files themselves are synced; a folder that refuses fsync must not fail the save
    return written


def write_dossier(session: Session, round_id: int, out_dir: str | os.PathLike, *, signer_fingerprint: str = "",
                  issue: bool = True, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  formats: Iterable[str] = ("pdf", "docx")) -> list[Path]:
    """round_documents written into out_dir; returns the paths in dossier order."""
    files = round_documents(session, round_id, signer_fingerprint=signer_fingerprint, issue=issue, progress=progress,
                            cancelled=cancelled, formats=formats)
    return save_files(files, out_dir)


def write_dossier_with_labels(session: Session, round_id: int, out_dir: str | os.PathLike, *, issue: bool,
                              signer_fingerprint: str = "", progress: Progress | None = None,
                              cancelled: Callable[[], bool] | None = None) -> tuple[list[Path], dict[str, str]]:
    """write_dossier, and what the window calls each file (for the dossier screen)."""
    paths = write_dossier(session, round_id, out_dir, signer_fingerprint=signer_fingerprint, issue=issue,
                          progress=progress, cancelled=cancelled)
    return paths, document_labels(dossier_input(session, round_id))


__all__ = ["dossier_input", "document_labels", "document_states", "issue_document", "issued_files", "preview_files",
           "propose_number", "missing_numbers", "issued_numbers", "round_documents", "write_dossier", "save_files",
           "round_folder_name", "commune_settings", "document_settings", "save_document_settings", "NUMBERED"]


def document_labels(d: doc.Dossier) -> dict[str, str]:
    """File stem → what the window calls it ("Báo cáo thành tích: Nông Thị Hoa"), from the template's labels."""
    t = doc.load_template_set()
    files, labels = t.data["files"], t.data.get("labels", {})
    reported = iter(d.reported())
    out = {}
    for stem, _ in dossier_parts(d, t):
        rest = stem.split("_", 1)[1]
        name = next((k for k, v in files.items() if k != "bao_cao" and v == rest), "bao_cao")
        if name == "bao_cao":
            out[stem] = labels.get("bao_cao", "{name}").format(name=next(reported).name)
        else:
            out[stem] = labels.get(name, rest)
    return out
