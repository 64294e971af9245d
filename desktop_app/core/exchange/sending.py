"""Export a nomination round as a signed packet (commune side): data.json, documents, evidence, the commune key,
the per-commune sequence and chain, the export record, and the round locked as sent."""
from __future__ import annotations

import logging
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from ..documents import round_documents
from ..documents.build import ascii_name
from ..errors import UserCancelled, UserError, message_text
from ..nominations.rounds import (DOCUMENT_NAMES, current_rounds, decisions_of, lock_round, meeting_of, nominees_of,
                                  require_round, vote_results)
from ..register.achievements import list_evidence
from ..register.communes import commune_code_of
from ..storage.files import copy_file_durably, os_error_to_user_error, sha256_file, write_verified
from ..storage.models import (Achievement, Award, AwardDecision, Campaign, Checklist, Commune, NominationRound, Nominee,
                              PacketExport, Participant)
from ..storage.session import Session
from ..changes import Topic
from ..vocabulary import ELIGIBLE, GIAY_KHEN, NOMINATION_FORMS, SENT, SUPERSEDED
from .keys import commune_key_info, get_or_create_commune_key
from .packets import PacketHeader, WrittenPacket, write_packet
from .packets import format as fmt

log = logging.getLogger(__name__)

DATA_VERSION = 1
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DocumentFile:
    """One document of the round as the packet carries it: documents/<name> ← path."""

    name: str
    path: Path
    title: str = ""


# ----- the documents ---------------------------------------------------------------------------------------

def round_document_files(session: Session, round_id: int, out_dir: Path, *, signer_fingerprint: str,
                         progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
                         ) -> list[DocumentFile]:
    """The round's documents (Tờ trình with the fingerprint, danh sách, báo cáo, biên bản, quyết định),
    issued (numbered) and written into out_dir for the packet writer."""
    items = round_documents.round_documents(session, round_id, signer_fingerprint=signer_fingerprint, issue=True,
                                    progress=progress, cancelled=cancelled)
    out = []
    for name, content in items:
        path = Path(out_dir) / name
        path.write_bytes(content)
        out.append(DocumentFile(name, path))
    return out


# ----- data.json ------------------------------------------------------------------------------------------

def _d(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _commune_dict(c: Commune, code: str) -> dict:
    return {"uid": c.uid, "code": code, "name": c.name, "former_codes": list(c.former_codes or []),
            "province": c.province, "receiving_authority": c.receiving_authority,
            "receiving_level": c.receiving_level, "chairman_name": c.chairman_name, "doc_prefix": c.doc_prefix}


def _campaign_dict(c: Campaign) -> dict:
    return {"code": c.code, "number": c.number, "title": c.title, "issued_on": _d(c.issued_on), "issuer": c.issuer,
            "period_start": c.period_start, "period_end": c.period_end, "source": c.source,
            "file_sha256": c.file_sha256, "data": c.data or {}}


PARTICIPANT_FIELDS = ("kind", "category", "name", "gender", "ethnicity", "position", "workplace", "cccd", "phone",
                      "address", "head_name", "member_count", "female_count", "under_discipline",
                      "under_inspection", "under_complaint", "note")


def _participant_dict(p: Participant, uid_of: dict[int, str]) -> dict:
    d = {k: getattr(p, k) for k in PARTICIPANT_FIELDS}
    d.update(uid=p.uid, birth_date=_d(p.birth_date), organization_uid=uid_of.get(p.organization_id))
    return d


def _safe_component(name: str, fallback: str) -> str:
    name = unicodedata.normalize("NFC", name or "")
    name = re.sub(r'[<>:"|?*\\/\x00-\x1f\x7f]', "_", name).strip(" .")
    stem, suffix = os.path.splitext(name)
    if len(suffix.encode("utf-8")) > 12:
        stem, suffix = name, ""
    while stem and len((stem + suffix).encode("utf-8")) > 90:
        stem = stem[:-1]
    name = (stem.rstrip(" .") + suffix).strip(" .")
    try:
        fmt.check_component(name)
    except fmt.FormatError:
        return fallback
    return name


def build_round_data(session: Session, round_id: int, commune_code: str,
                     documents: list[DocumentFile] = ()) -> tuple[dict, dict[str, Path]]:
    """(data.json content, archive path → source file) for a round. Everything the receiver imports."""
    round_ = require_round(session, round_id)
    evidence_dir = session.paths.evidence_dir
    commune = Commune.get_by_id(round_.commune_id)
    nominees = nominees_of(session, round_.id)
    people = {n.participant_id: Participant.get_by_id(n.participant_id) for n in nominees}
    for p in list(people.values()):
        if p.organization_id and p.organization_id not in people:
            people[p.organization_id] = Participant.get_by_id(p.organization_id)
    uid_of = {pid: p.uid for pid, p in people.items()}
    nominee_pids = {n.participant_id for n in nominees}
    files: dict[str, Path] = {}

    achievements, evidence, evidence_uid_of = [], [], {}
    for index, n in enumerate(nominees, start=1):
        if any(a["participant_uid"] == uid_of[n.participant_id] for a in achievements):
            continue  # the same person nominated for two award forms
        person = people[n.participant_id]
        folder = f"{fmt.EVIDENCE_DIR}/{index:02d}_{ascii_name(person.name, 50)}"
        used: set[str] = set()
        for a in (Achievement.select().where((Achievement.participant == person) & Achievement.archived_at.is_null())
                  .order_by(Achievement.id)):
            achievements.append({
                "uid": a.uid, "participant_uid": person.uid, "campaign_code": Campaign.get_by_id(a.campaign_id).code,
                "title": a.title, "description": a.description, "results": a.results,
                "content_codes": list(a.content_codes or []), "field_codes": list(a.field_codes or []),
                "date_from": _d(a.date_from), "date_to": _d(a.date_to)})
            for ev in list_evidence(session, a.id):
                source = evidence_dir / ev.stored_name
                name = _safe_component(ev.original_name, f"tep{Path(ev.stored_name).suffix}")
                arc = f"{folder}/{name}"
                if fmt.collision_key(arc) in used:
                    arc = f"{folder}/{ev.uid[:8]}_{name}"
                used.add(fmt.collision_key(arc))
                files[arc] = source
                evidence_uid_of[ev.id] = ev.uid
                evidence.append({"uid": ev.uid, "participant_uid": person.uid, "achievement_uid": a.uid,
                                 "original_name": ev.original_name, "path": arc, "sha256": ev.sha256,
                                 "size": ev.size, "note": ev.note, "added_at": ev.added_at})

    awards = [{"uid": w.uid, "participant_uid": uid_of[w.participant_id], "category": w.category, "code": w.code,
               "name": w.name, "year": w.year, "decision_number": w.decision_number,
               "decision_date": _d(w.decision_date), "issuer": w.issuer, "award_type": w.award_type, "note": w.note}
              for w in Award.select().where(Award.participant.in_(list(nominee_pids)) & Award.archived_at.is_null())
              .order_by(Award.id)]

    checklists, criteria_sets = [], {}
    for n in nominees:
        if n.checklist_id is None or any(c["id"] == n.checklist_id for c in checklists):
            continue
        c = Checklist.get_by_id(n.checklist_id)
        answers = {code: dict(a, evidence_uids=[evidence_uid_of[i] for i in a.get("evidence_ids", [])
                                                if i in evidence_uid_of])
                   for code, a in (c.answers or {}).items()}
        checklists.append({"id": c.id, "uid": c.uid, "participant_uid": uid_of[c.participant_id], "set_id": c.set_id,
                           "set_version": c.set_version, "set_fingerprint": c.set_fingerprint,
                           "set_snapshot": c.set_snapshot, "answers": answers,
                           "principles_confirmed": c.principles_confirmed, "assessment_year": c.assessment_year,
                           "verdict": c.verdict, "assessment": c.assessment, "created_at": c.created_at,
                           "updated_at": c.updated_at})
        criteria_sets[(c.set_id, c.set_version)] = {"id": c.set_id, "version": c.set_version,
                                                    "fingerprint": c.set_fingerprint}
    for c in checklists:
        del c["id"]  # a local row id means nothing to the receiver
    checklist_uid = {Checklist.get(Checklist.uid == c["uid"]).id: c["uid"] for c in checklists}

    results = vote_results(session, round_.id)
    nominee_list, votes = [], []
    for n in nominees:
        r = results.get(n.id)
        nominee_list.append({
            "uid": n.uid, "participant_uid": uid_of[n.participant_id], "award_form": n.award_form,
            "checklist_uid": checklist_uid.get(n.checklist_id), "verdict_at_add": n.verdict_at_add,
            "override_reason": n.override_reason, "summary": n.summary, "votes_for": n.votes_for,
            "votes_against": n.votes_against, "votes_abstain": n.votes_abstain, "position": n.position})
        if n.votes_for is not None:
            votes.append({"nominee_uid": n.uid, "votes_for": n.votes_for, "votes_against": n.votes_against,
                          "votes_abstain": n.votes_abstain, "passed": bool(r.passed) if r else None,
                          "explanation": r.explanation if r else ""})
    meeting = meeting_of(session, round_.id)
    meeting_dict = None if meeting is None else {
        k: (_d(getattr(meeting, k)) if k == "held_on" else getattr(meeting, k))
        for k in ("held_on", "start_time", "end_time", "place", "chair", "chair_title", "secretary",
                  "secretary_title", "members_total", "members_present", "conclusion", "document_number")}
    decisions = [{"uid": d.uid, "award_form": d.award_form, "number": d.number, "document_number": d.document_number,
                  "decided_on": _d(d.decided_on), "signer": d.signer, "signer_title": d.signer_title}
                 for d in AwardDecision.select().where(AwardDecision.round == round_).order_by(AwardDecision.id)]

    doc_list = []
    for doc in documents:
        arc = f"{fmt.DOCUMENTS_DIR}/{_safe_component(doc.name, doc.path.name)}"
        files[arc] = doc.path
        doc_list.append({"path": arc, "title": doc.title or doc.name})

    predecessor = NominationRound.get_or_none(NominationRound.id == round_.supersedes_id) if round_.supersedes_id else None
    data = {
        "data_version": DATA_VERSION,
        "commune": _commune_dict(commune, commune_code),
        "campaign": _campaign_dict(Campaign.get_by_id(round_.campaign_id)),
        "round": {"uid": round_.uid, "number": round_.number, "version": round_.version,
                  "supersedes_uid": predecessor.uid if predecessor else None, "title": round_.title,
                  "round_date": _d(round_.round_date), "year": round_.year, "locked_at": round_.locked_at,
                  "correction_reason": round_.correction_reason, "thresholds": round_.thresholds or {},
                  "submission_number": round_.submission_number, "submitted_on": _d(round_.submitted_on)},
        "participants": [_participant_dict(p, uid_of) for p in people.values()],
        "achievements": achievements,
        "awards": awards,
        "checklists": checklists,
        "criteria_sets": list(criteria_sets.values()),
        "nominees": nominee_list,
        "council_meeting": meeting_dict,
        "council_votes": votes,
        "decisions": decisions,
        "documents": doc_list,
        "evidence": evidence,
    }
    return data, files


# ----- export ---------------------------------------------------------------------------------------------

def last_export(session: Session, commune_code: str) -> PacketExport | None:
    session.activate()
    return (PacketExport.select().where(PacketExport.commune_code == commune_code)
            .order_by(PacketExport.sequence.desc()).first())


def exports_of(session: Session, round_id: int) -> list[PacketExport]:
    session.activate()
    return list(PacketExport.select().where(PacketExport.round == round_id).order_by(PacketExport.sequence))


def _superseded_packet_id(round_: NominationRound) -> str | None:
    """The last packet sent for the version this round corrects (or for an earlier one, if that was never sent)."""
    previous = round_.supersedes_id
    while previous is not None:
        found = (PacketExport.select().where(PacketExport.round == previous)
                 .order_by(PacketExport.sequence.desc()).first())
        if found is not None:
            return found.packet_id
        previous = NominationRound.get_by_id(previous).supersedes_id
    return None


def check_exportable(session: Session, round_: NominationRound) -> None:
    if round_.status == SUPERSEDED:
        raise UserError("rounds.superseded")
    if not nominees_of(session, round_.id):
        raise UserError("rounds.empty")


def export_round(session: Session, round_id: int, target_dir: str | os.PathLike, *,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> WrittenPacket:
    """Write the round's signed packet into target_dir, verify it, record it and lock the round as sent.

    The key is the commune's (created in the OS keyring on first export; no keyring → UserError, no file
    fallback). Sequence = last + 1, chained to the previous packet's SHA-256. A corrected round (version 2…)
    names the packet it supersedes. On any failure nothing that could pass as a packet is left behind and
    nothing is recorded. A copy stays in the workspace's outbox/.
    """
    round_ = require_round(session, round_id)
    check_exportable(session, round_)
    commune = Commune.get_by_id(round_.commune_id)
    code = commune_code_of(commune)
    key = get_or_create_commune_key(session.secrets, code)
    session.changed(Topic.KEYS)
    with tempfile.TemporaryDirectory(prefix="sothidua-export-") as tmp:
        documents = round_document_files(session, round_.id, Path(tmp), signer_fingerprint=key.fingerprint,
                                         progress=progress, cancelled=cancelled)
        data, files = build_round_data(session, round_.id, code, documents)
        written = _write(session, round_, commune, code, key, data, files, target_dir, progress, cancelled)
    keep_in_outbox(written.path, session.paths.outbox_dir)
    return written


def missing_before_sending(session: Session, round_id: int) -> list[str]:
    """What the round's dossier still lacks before it can go up, in the officer's words (empty: nothing)."""
    round_ = require_round(session, round_id)
    out: list[str] = []
    nominees = nominees_of(session, round_id)
    if not nominees:
        return [message_text("readiness.no_nominees")]
    for n in nominees:
        checklist = Checklist.get_or_none(Checklist.id == n.checklist_id) if n.checklist_id else None
        if n.override_reason:
            continue  # proposed with a written reason: the reason goes with the dossier
        if checklist is None:
            out.append(message_text("readiness.no_checklist", name=n.participant.name))
        elif checklist.verdict != ELIGIBLE:
            out.append(message_text("readiness.not_eligible_now", name=n.participant.name))
    meeting = meeting_of(session, round_id)
    if meeting is None:
        out.append(message_text("readiness.no_meeting"))
    else:
        unvoted = [n.participant.name for n in nominees if n.votes_for is None]
        if unvoted:
            out.append(message_text("readiness.no_votes", names=", ".join(unvoted)))
    results = vote_results(session, round_id)
    approved_here = [n for n in nominees if n.award_form == GIAY_KHEN and n.id in results and results[n.id].passed]
    if approved_here and not any(d.award_form == GIAY_KHEN for d in decisions_of(session, round_id)):
        out.append(message_text("readiness.no_decision"))
    proposed = [n for n in nominees if not NOMINATION_FORMS[n.award_form].decided_here]
    if meeting is not None and proposed and not any(results.get(n.id) and results[n.id].passed for n in proposed):
        out.append(message_text("readiness.nobody_approved"))
    not_issued = unissued_documents(session, round_id)
    if not_issued:
        out.append(message_text("readiness.not_issued", documents=", ".join(not_issued)))
    commune = Commune.get_by_id(round_.commune_id)
    try:
        code = commune_code_of(commune)
    except UserError as error:
        out.append(str(error))
    else:
        try:
            if commune_key_info(session.secrets, code) is None:
                out.append(message_text("readiness.no_key"))
        except UserError as error:
            out.append(str(error))
    return out


def unissued_documents(session: Session, round_id: int) -> list[str]:
    """The numbered documents of the round not issued yet, by name: a packet sent now carries their drafts
    ("DỰ THẢO", no number), which the receiving level sends back."""
    try:
        codes = round_documents.missing_numbers(session, round_id)
    except UserError:
        return []        # the dossier cannot be put together yet: the other lines say why
    return [DOCUMENT_NAMES.get(code, code) for code in codes]


def copy_sent_packet(session: Session, round_id: int, target_dir: str | os.PathLike, *,
                     progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    """Write the round's last sent packet again, the very same file from the workspace's outbox/ (a stick lost
    or broken on the way): the receiving level then gets it in order, with the number it expects."""
    sent = exports_of(session, round_id)
    if not sent:
        raise UserError("exports.never_sent")
    last = sent[-1]
    source = session.paths.outbox_dir / last.file_name
    if not source.is_file():
        raise UserError("exports.outbox_missing", name=last.file_name, path=str(session.paths.outbox_dir))
    total = source.stat().st_size

    def write(out) -> None:
        done = 0
        with open(source, "rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total, last.file_name)
                if cancelled is not None and cancelled():
                    raise UserCancelled()

    def verify(written: Path) -> None:
        if sha256_file(written, drop_cache=True)[0] != last.sha256:
            raise UserError("packets.verify_after_write_failed", reason="sha256")

    try:
        return write_verified(Path(target_dir), last.file_name, write, verify, exists_code="packets.target_exists")
    except OSError as exc:
        raise os_error_to_user_error(exc, target_dir) from exc


def keep_in_outbox(packet: Path, outbox_dir: Path) -> Path | None:
    """Keep a copy of the sent packet in the workspace: if the stick is lost, the same file is sent again and
    the receiving level gets it in order. A failure here (full disk) never undoes a finished export."""
    try:
        return copy_file_durably(packet, outbox_dir / packet.name)
    except OSError as exc:
        log.warning("packet not kept in the outbox: %s", exc)
        return None


def _write(session, round_, commune, code, key, data, files, target_dir, progress, cancelled) -> WrittenPacket:
    last = last_export(session, code)
    header = PacketHeader(
        commune_code=code, commune_name=commune.name, round_number=round_.number, round_version=round_.version,
        sequence=(last.sequence + 1) if last else 1, previous_packet_sha256=last.sha256 if last else None,
        supersedes_packet_id=_superseded_packet_id(round_))
    written = write_packet(target_dir, files=files, data=data, header=header, key=key, progress=progress,
                           cancelled=cancelled)
    with session.write(Topic.PACKETS, Topic.ROUNDS):
        PacketExport.create(round=round_, commune=commune, commune_code=code, packet_id=written.packet_id, sequence=written.sequence,
                            sha256=written.sha256, size=written.size, file_name=written.path.name,
                            written_to=str(written.path.parent), signer_fingerprint=written.signer_fingerprint,
                            supersedes_packet_id=header.supersedes_packet_id, created_at=written.created_at)
        lock_round(session, round_.id, SENT)
    return written


def exportable_rounds(session: Session) -> list[NominationRound]:
    """Rounds the export dialog offers: the current version of each round that has nominees."""
    return [r for r in current_rounds(session)
            if Nominee.select().where(Nominee.round == r.id).exists()]


__all__ = ["PacketExport", "DocumentFile", "export_round", "keep_in_outbox", "build_round_data", "last_export", "exports_of",
           "exportable_rounds", "round_document_files"]
