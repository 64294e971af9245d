"""A nomination round from the database → the dossier documents: input mapping, persistent numbers, files.

`dossier_input` reads a round (commune settings, campaign, nominees with their records and achievements,
council meeting and votes, Giấy khen decision) into the plain dataclasses of `documents`; `issue_numbers`
gives the Tờ trình, biên bản and quyết định their numbers once and stores them; `round_documents` returns
every file as bytes (the packets writer calls it); `write_dossier` / `save_files` put them on disk safely.
"""
from __future__ import annotations

import errno
import os
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import peewee as pw

from .. import documents as doc
from ..changes import Topic
from ..errors import UserError
from ..fingerprints import format_fingerprint, normalize_fingerprint
from ..nominations.rounds import default_summary, require_round, meeting_of, nominees_of, vote_results
from ..register.campaigns import content_text
from ..storage.files import fsync_dir, remove_quietly
from ..storage.models import Achievement as AchievementRow
from ..storage.models import AwardDecision, Campaign, Commune, DocumentNumber, NominationRound, Participant
from ..storage.session import Session
from ..text import printable_fields
from ..vocabulary import BANG_KHEN_TINH, COLLECTIVE, GENDERS, GIAY_KHEN, NOMINATION_FORMS, SUPERSEDED
from .build import dossier_parts
from .numbering import short_date

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


def commune_settings(commune: Commune) -> doc.CommuneSettings:
    name = commune_name(commune)
    return doc.CommuneSettings(
        name=name, province=province_name(commune), body_upper="ỦY BAN NHÂN DÂN", body_lower=name.upper(),
        chairman=commune.chairman_name, receiving_authority=commune.receiving_authority,
        number_suffix=commune.doc_prefix or "UBND")


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


def achievement_input(a: AchievementRow, campaign: Campaign) -> doc.Achievement:
    """Title → the part's heading; the movement's contents it serves open the measures; results as typed."""
    contents = [content_text(campaign, code) for code in (a.content_codes or [])]
    measures = []
    if contents:
        measures.append("Thực hiện nội dung thi đua: " + "; ".join(f"“{c}”" for c in contents) + ".")
    if (a.description or "").strip():
        measures.append(a.description.strip())
    return doc.Achievement(content=a.title, measures="\n".join(measures), results=(a.results or "").strip(),
                           period=_period(a))


class DbNumberAllocator:
    """Document numbers unique per commune, series ("TTr-UBND") and year; persisted, never reused. Used inside
    the issuing transaction."""

    def __init__(self, session: Session, commune: Commune, purpose: str = ""):
        self.session = session
        self.commune = commune
        self.purpose = purpose

    def allocate(self, doc_type_code: str, year: int) -> int:
        with self.session.write(Topic.DOCUMENTS):
            last = (DocumentNumber.select(pw.fn.MAX(DocumentNumber.number))
                    .where((DocumentNumber.commune == self.commune) & (DocumentNumber.series == doc_type_code)
                           & (DocumentNumber.year == year)).scalar()) or 0
            DocumentNumber.create(commune=self.commune, series=doc_type_code, year=year, number=last + 1,
                                  purpose=self.purpose, issued_at=self.session.clock.now_iso())
        return last + 1


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


def dossier_input(session: Session, round_id: int, *, signer_fingerprint: str = "") -> doc.Dossier:
    """Everything the documents of the round read, from the database (nothing is written)."""
    round_ = require_round(session, round_id)
    commune = Commune.get_by_id(round_.commune_id)
    campaign = Campaign.get_by_id(round_.campaign_id)
    template = doc.load_template_set()
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
                member_count=p.member_count, female_count=p.female_count))
        else:
            unit = p.workplace or (p.organization.name if p.organization_id else "")
            nominees.append(doc.Nominee(
                **common, gender=GENDERS.name(p.gender),
                birth_year=p.birth_date.year if p.birth_date else None, position=p.position, unit=unit))
    proposed_forms = Counter(n.award_form.name for n in nominees if not n.award_form.decided_here)
    main_form = next((n.award_form for n in nominees if proposed_forms and n.award_form.name == proposed_forms.most_common(1)[0][0]),
                     AWARD_FORMS[BANG_KHEN_TINH])
    rnd = doc.Round(number=round_.number, year=round_.year, award_form=main_form, submitted_on=round_.submitted_on,
                    submission_number=round_.submission_number)

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
            number=m.document_number)

    decision = None
    dec = _decision_row(round_)
    if dec is not None:
        awardees = tuple(nominee_key(n) for n in rows
                         if n.award_form == dec.award_form and n.id in results and results[n.id].passed)
        title = (dec.signer_title or "CHỦ TỊCH").upper()
        decision = doc.Decision(number=dec.document_number, issued_on=dec.decided_on, signer=dec.signer,
                                awardee_keys=awardees, signer_title=title,
                                signer_authority="KT. CHỦ TỊCH" if title.startswith("PHÓ") else "")
    # Text stored before the fields refused unprintable characters (or received in a packet) must never make the
    # whole round's dossier fail: what no document can print is dropped here.
    return printable_fields(doc.Dossier(
        commune=commune_settings(commune), campaign=campaign_input(campaign), round=rnd, nominees=tuple(nominees),
        meeting=meeting, decision=decision, signer_fingerprint=_printed_fingerprint(signer_fingerprint)))


def _decision_row(round_: NominationRound) -> AwardDecision | None:
    return (AwardDecision.select().where((AwardDecision.round == round_) & (AwardDecision.award_form == GIAY_KHEN))
            .order_by(AwardDecision.id).first())


# --- numbers ---------------------------------------------------------------------------------------

def _require_printable(d: doc.Dossier) -> None:
    if dossier_parts(d, doc.load_template_set()):
        return
    if d.nominees and d.decided_here() and d.decision is None:
        raise UserError("documents.no_decision")
    raise UserError("documents.no_nominees")


def missing_numbers(session: Session, round_id: int) -> list[str]:
    """Numbered documents of the round (NUMBERED codes) that have no number yet."""
    d = dossier_input(session, round_id)
    out = []
    if d.proposed() and d.round.submission_number is None:
        out.append("to_trinh")
    if d.meeting is not None and d.meeting.number is None and d.nominees:
        out.append("bien_ban")
    if d.decision is not None and d.decision.number is None and d.decided_here():
        out.append("quyet_dinh")
    return out


def issued_numbers(session: Session, round_id: int) -> list[tuple[str, str, date | None]]:
    """(NUMBERED code, '05/TTr-UBND', date) of every number the round already carries."""
    t = doc.load_template_set()
    d = dossier_input(session, round_id)
    c = d.commune
    out = []
    if d.round.submission_number is not None:
        out.append(("to_trinh", doc.format_number(d.round.submission_number, t.doc("to_trinh")["type_code"],
                                                  c.number_suffix), d.round.submitted_on))
    if d.meeting is not None and d.meeting.number is not None:
        out.append(("bien_ban", doc.format_number(d.meeting.number, t.doc("bien_ban")["type_code"], c.council_suffix),
                    d.meeting.held_on))
    if d.decision is not None and d.decision.number is not None:
        out.append(("quyet_dinh", doc.format_number(d.decision.number, t.doc("quyet_dinh")["type_code"],
                                                    c.number_suffix), d.decision.issued_on))
    return out


def issue_numbers(session: Session, round_id: int, *, on: date | None = None) -> NominationRound:
    """Give the round's Tờ trình, biên bản and quyết định their numbers — once, stored for good.

    A number already stored is kept (re-issuing reuses it); a new version of a round starts without
    numbers and gets new ones. The Tờ trình is dated `on` (default today) when it gets its number. A
    Giấy khen decision whose number the officer typed ("12/QĐ-UBND") keeps that number, and the number is
    reserved so the app never hands it out again.
    """
    t = doc.load_template_set()
    today = session.clock.today()
    with session.write(Topic.DOCUMENTS, Topic.ROUNDS):
        fresh = require_round(session, round_id)
        if fresh.status == SUPERSEDED:
            raise UserError("rounds.superseded")
        commune = Commune.get_by_id(fresh.commune_id)
        d = dossier_input(session, fresh.id)
        _require_printable(d)
        if fresh.submission_number is None and d.proposed():
            # Never dated before the council meeting it cites (a round prepared ahead of its meeting).
            fresh.submitted_on = fresh.submitted_on or on or max(today, d.meeting.held_on if d.meeting else today)
            d = replace(d, round=replace(d.round, submitted_on=fresh.submitted_on))
        dec_row = _decision_row(fresh)
        if d.decision is not None and d.decision.number is None and dec_row is not None:
            typed = _LEADING_NUMBER.match(dec_row.number or "")
            if typed and int(typed.group(1)) > 0:
                number = int(typed.group(1))
                _reserve(session, commune, f"{t.doc('quyet_dinh')['type_code']}-{d.commune.number_suffix}",
                         dec_row.decided_on.year, number, fresh)
                d = replace(d, decision=replace(d.decision, number=number))
        allocator = DbNumberAllocator(session, commune, purpose=f"round {fresh.number} v{fresh.version}")
        d = doc.assign_numbers(d, allocator, t)
        if d.round.submission_number is not None and fresh.submission_number is None:
            fresh.submission_number = d.round.submission_number
            fresh.save()
        m = meeting_of(session, fresh.id)
        if m is not None and d.meeting is not None and m.document_number is None and d.meeting.number is not None:
            m.document_number = d.meeting.number
            m.save()
        if dec_row is not None and d.decision is not None and dec_row.document_number is None:
            dec_row.document_number = d.decision.number
            dec_row.save()
    return fresh


def _reserve(session: Session, commune: Commune, series: str, year: int, number: int, round_: NominationRound) -> None:
    existing = DocumentNumber.get_or_none(
        (DocumentNumber.commune == commune) & (DocumentNumber.series == series) & (DocumentNumber.year == year)
        & (DocumentNumber.number == number))
    if existing is not None and not existing.purpose.startswith(f"round {round_.number} "):
        # Two decisions must never share a number: the typed one was already given to another document.
        raise UserError("documents.number_taken", number=f"{number:02d}/{series}", year=year,
                        purpose=existing.purpose)
    if existing is None:
        DocumentNumber.create(commune=commune, series=series, year=year, number=number,
                              purpose=f"round {round_.number} v{round_.version} (typed)",
                              issued_at=session.clock.now_iso())


# --- documents -------------------------------------------------------------------------------------

def round_documents(session: Session, round_id: int, *, signer_fingerprint: str = "", issue: bool = True,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                    formats: Iterable[str] = ("pdf", "docx")) -> list[tuple[str, bytes]]:
    """Every document of the round as (ASCII file name, bytes), in dossier order.

    issue=True first gives the numbered documents their numbers (issue_numbers); issue=False is a preview:
    numbers not yet issued print blank ("Số:      /TTr-UBND") and nothing is stored.
    """
    if issue:
        issue_numbers(session, round_id)
    d = dossier_input(session, round_id, signer_fingerprint=signer_fingerprint)
    _require_printable(d)
    return doc.build_dossier(d, formats=formats, progress=progress, cancelled=cancelled)


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


__all__ = ["dossier_input", "document_labels", "issue_numbers", "missing_numbers", "issued_numbers", "round_documents",
           "write_dossier", "save_files", "round_folder_name", "commune_settings", "NUMBERED"]


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
