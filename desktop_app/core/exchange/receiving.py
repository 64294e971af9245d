"""Receiving packets at the upper level: copy off the stick, check, classify against trusted keys and the
commune's sequence, confirm first contact on paper, import idempotently, keep every packet with its verdict."""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

import peewee as pw

from ..dates import now_iso
from ..errors import UserCancelled, UserError, message_text
from ..fingerprints import format_fingerprint, normalize_fingerprint
from ..register import communes
from ..storage import snapshots
from ..storage.files import copy_file_durably, fsync_dir, os_error_to_user_error, remove_quietly
from ..storage.models import (Achievement, Award, AwardDecision, Campaign, Checklist, Commune, CouncilMeeting,
                              EvidenceFile, ImportedRound, NominationRound, Nominee, Participant, ReceivedPacket,
                              TrustedKey, database_proxy)
from ..storage.paths import Workspace
from ..text import fold
from .packets import (DUPLICATE, UNTRUSTED_SIGNER, VALID, CommuneState, PacketCheck, check_packet, classify_packet,
                      extract_packet, verdict_label)
from .packets import format as fmt

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
CHUNK = 1024 * 1024
RECEIVER = "receiver"

IMPORTED, SUPERSEDED, DUPLICATE_OUTCOME, REJECTED, NEEDS_CONFIRMATION, RESOLVED = (
    "imported", "superseded", "duplicate", "rejected", "needs_confirmation", "resolved")
ACCEPTED_OUTCOMES = (IMPORTED, SUPERSEDED)


def record_verdict_label(record: ReceivedPacket) -> str:
    return verdict_label(record.verdict)


def record_reason_text(record: ReceivedPacket) -> str:
    return message_text(f"packets.reason.{record.reason}") if record.reason else ""


def record_outcome_label(record: ReceivedPacket) -> str:
    return message_text(f"receiving.outcome.{record.outcome}")


def record_fingerprint_display(record: ReceivedPacket) -> str:
    return format_fingerprint(record.signer_fingerprint) if record.signer_fingerprint else ""


# ----- the receiving workspace -------------------------------------------------------------------------

def is_receiver() -> bool:
    return communes.workspace_role() == RECEIVER


def make_receiver_workspace() -> None:
    """Turn an empty workspace into a receiving one; a commune's own workspace is refused (keep them apart)."""
    if is_receiver():
        return
    if communes.home_commune() is not None:
        raise UserError("receiving.commune_workspace")
    communes.set_setting("role", RECEIVER)


def require_receiver() -> None:
    if not is_receiver():
        raise UserError("receiving.not_receiver")


# ----- state and trust ----------------------------------------------------------------------------------

def commune_state(commune_code: str) -> CommuneState:
    trusted = frozenset(k.fingerprint for k in TrustedKey.select().where(TrustedKey.commune_code == commune_code))
    accepted = ReceivedPacket.select().where((ReceivedPacket.commune_code == commune_code)
                                             & ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES))
    last = accepted.order_by(ReceivedPacket.sequence.desc()).first()
    # Packet ids are checked against every commune's packets: a packet reusing another commune's id must
    # never replace that commune's extracted folder (inbox/<packet id>).
    seen = ReceivedPacket.select(ReceivedPacket.packet_id).where(ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES))
    return CommuneState(trusted_fingerprints=trusted, last_sequence=last.sequence if last else None,
                        last_packet_sha256=last.file_sha256 if last else None,
                        seen_packet_ids=frozenset(r.packet_id for r in seen))


def trust_key(commune_code: str, fingerprint: str, *, how: str = "paper", public_key: str = "",
              trusted_by: str = "", received: ReceivedPacket | None = None) -> TrustedKey:
    existing = TrustedKey.get_or_none((TrustedKey.commune_code == commune_code) & (TrustedKey.fingerprint == fingerprint))
    if existing is not None:
        return existing
    return TrustedKey.create(commune_code=commune_code, fingerprint=fingerprint, public_key=public_key, how=how,
                             trusted_at=now_iso(), trusted_by=trusted_by, received_packet=received)


def trusted_keys(commune_code: str | None = None) -> list[TrustedKey]:
    q = TrustedKey.select()
    if commune_code is not None:
        q = q.where(TrustedKey.commune_code == commune_code)
    return list(q.order_by(TrustedKey.commune_code, TrustedKey.trusted_at))


# ----- outcome and report ---------------------------------------------------------------------------------

@dataclass
class ReceiveResult:
    """One packet received: what it is, what happened, and what the officer must do (if anything)."""

    record: ReceivedPacket
    replaced: list[str] = field(default_factory=list)   # "Đợt 1 (lần 1)": rounds this import superseded

    @property
    def outcome(self) -> str:
        return self.record.outcome

    @property
    def needs_confirmation(self) -> bool:
        return self.record.outcome == NEEDS_CONFIRMATION

    @property
    def first_contact(self) -> bool:
        return self.needs_confirmation and self.record.reason == "first_contact"

    def lines(self) -> list[str]:
        r = self.record
        head = message_text("receiving.report.line", name=r.original_name, verdict=record_verdict_label(r),
                            outcome=record_outcome_label(r))
        out = [head]
        if r.commune_code:
            out.append(message_text("receiving.report.what", commune=r.commune_name or r.commune_code,
                                    commune_code=r.commune_code, number=r.round_number or "?",
                                    version=r.round_version or "?", sequence=r.sequence or "?"))
        if r.reason:
            out.append("  " + record_reason_text(r) + (f" ({r.detail})" if r.detail else ""))
        if r.signer_fingerprint:
            out.append("  " + message_text("receiving.report.fingerprint", fingerprint=record_fingerprint_display(r)))
        for text in self.replaced:
            out.append("  " + message_text("receiving.report.replaced", round=text))
        return out


@dataclass
class ImportReport:
    results: list[ReceiveResult] = field(default_factory=list)

    def count(self, *outcomes: str) -> int:
        return sum(1 for r in self.results if r.outcome in outcomes)

    @property
    def superseded_rounds(self) -> list[str]:
        return [t for r in self.results for t in r.replaced]

    def summary(self) -> str:
        return message_text("receiving.report.summary", accepted=self.count(IMPORTED),
                            duplicate=self.count(DUPLICATE_OUTCOME),
                            superseded=len(self.superseded_rounds) + self.count(SUPERSEDED),
                            rejected=self.count(REJECTED), pending=self.count(NEEDS_CONFIRMATION))

    def text(self) -> str:
        lines = [self.summary()]
        for r in self.results:
            lines.extend(r.lines())
        return "\n".join(lines)


# ----- files ----------------------------------------------------------------------------------------------

def _rel(paths: Workspace, p: Path) -> str:
    return p.relative_to(paths.root).as_posix()


def _copy_in(paths: Workspace, source: Path, limits: fmt.Limits, progress: Progress | None,
             cancelled: Callable[[], bool] | None) -> tuple[Path | None, str, int]:
    """Copy the packet off the stick into the workspace, hashing; (copy or None when too large, sha256, size)."""
    staging = paths.inbox_dir / ".incoming"
    try:
        staging.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error_to_user_error(exc, paths.inbox_dir) from exc
    tmp = staging / f"{uuid.uuid4().hex}.zip"
    digest, size = hashlib.sha256(), 0
    try:
        src = open(source, "rb")
    except OSError as exc:
        raise UserError("packets.read_failed", path=str(source), detail=exc.strerror or str(exc)) from exc
    try:
        with src:
            total = os.fstat(src.fileno()).st_size
            with open(tmp, "xb") as out:
                while True:
                    try:
                        chunk = src.read(CHUNK)
                    except OSError as exc:
                        raise UserError("packets.read_failed", path=str(source),
                                        detail=exc.strerror or str(exc)) from exc
                    if not chunk:
                        break
                    digest.update(chunk)
                    size += len(chunk)
                    if size > limits.max_packet_bytes:
                        # Never copy an unbounded file; the record still says what arrived and why it was refused.
                        out.close()
                        remove_quietly(tmp)
                        while chunk := src.read(CHUNK):
                            digest.update(chunk)
                            size += len(chunk)
                        return None, digest.hexdigest(), size
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise os_error_to_user_error(exc, paths.inbox_dir) from exc
                    if progress is not None:
                        progress(size, max(total, size), message_text("receiving.progress.copying",
                                                                      name=source.name))
                    if cancelled is not None and cancelled():
                        raise UserCancelled()
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        remove_quietly(tmp)
        raise
    return tmp, digest.hexdigest(), size


def _keep(paths: Workspace, tmp: Path, folder: Path, sha: str, original_name: str) -> Path:
    """Move the copy to its kept place (content-addressed: the same bytes are kept once)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(original_name).stem)[:60]
    target = folder / f"{sha[:16]}_{stem}.zip"
    if target.exists():
        remove_quietly(tmp)
    else:
        os.replace(tmp, target)
        fsync_dir(folder)
    return target


# ----- import ---------------------------------------------------------------------------------------------

class ImportDataError(Exception):
    """data.json of a valid packet cannot be imported (a writer bug or a hostile but signed packet)."""


def _s(d: dict, key: str, default: str = "") -> str:
    v = d.get(key, default)
    if v is None:
        return default
    if not isinstance(v, str):
        raise ImportDataError(f"{key} must be a string")
    return v


def _i(d: dict, key: str) -> int | None:
    v = d.get(key)
    if v is None:
        return None
    if type(v) is not int:
        raise ImportDataError(f"{key} must be an integer")
    return v


def _b(d: dict, key: str) -> bool:
    v = d.get(key, False)
    if not isinstance(v, bool):
        raise ImportDataError(f"{key} must be true or false")
    return v


def _date(d: dict, key: str) -> date | None:
    v = d.get(key)
    if v in (None, ""):
        return None
    try:
        return date.fromisoformat(v)
    except (TypeError, ValueError):
        raise ImportDataError(f"{key} must be a date") from None


def _objs(data: dict, key: str) -> list[dict]:
    v = data.get(key) or []
    if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
        raise ImportDataError(f"{key} must be a list of objects")
    return v


def _uid(d: dict) -> str:
    v = _s(d, "uid")
    if not v or len(v) > 64:
        raise ImportDataError("uid missing")
    return v


def _own(row, commune: Commune, what: str):
    """A record found by the packet's uid must belong to the packet's commune (else another commune's data
    would be rewritten by a packet that merely reuses its uids)."""
    if row is not None and row.commune_id != commune.id:
        raise ImportDataError(f"{what} uid belongs to another commune")
    return row


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _import_data(data: dict, code: str, folder: Path, paths: Workspace, received: ReceivedPacket
                 ) -> tuple[NominationRound, list[str], bool]:
    """Create or update every record of the packet (by the commune's uids). Returns (round, replaced, superseded)."""
    from ..register.achievements import _index as index_achievement
    from ..register.participants import index_participant, sort_key

    now = now_iso()
    c = data["commune"]
    commune = Commune.get_or_none(Commune.uid == _uid(c))
    values = {"name": _s(c, "name") or code, "admin_code": code, "province": _s(c, "province"),
              "receiving_authority": _s(c, "receiving_authority"), "receiving_level": _s(c, "receiving_level") or "khac",
              "chairman_name": _s(c, "chairman_name"), "doc_prefix": _s(c, "doc_prefix") or "UBND"}
    if commune is None:
        commune = Commune.create(uid=_uid(c), is_home=False, created_at=now, updated_at=now,
                                 former_codes=[x for x in c.get("former_codes") or [] if isinstance(x, str)], **values)
    elif commune.is_home:
        raise ImportDataError("the packet's commune is this workspace's own commune")
    elif code != commune.admin_code and code not in (commune.former_codes or []):
        # A packet signed for commune B must never rewrite commune A's row (code, name) by reusing its uid.
        raise ImportDataError("commune uid belongs to another commune code")
    else:
        if code != commune.admin_code:
            commune.former_codes = sorted(set(commune.former_codes or []) | {commune.admin_code})
        for k, v in values.items():
            setattr(commune, k, v)
        commune.updated_at = now
        commune.save()

    camp = data.get("campaign") or {}
    campaign_code = _s(camp, "code")
    campaign = Campaign.get_or_none(Campaign.code == campaign_code) if campaign_code else None
    if campaign is None:
        if not campaign_code:
            raise ImportDataError("campaign.code missing")
        campaign = Campaign.create(code=campaign_code, number=_s(camp, "number") or campaign_code,
                                   title=_s(camp, "title") or campaign_code, issued_on=_date(camp, "issued_on"),
                                   issuer=_s(camp, "issuer"), period_start=_i(camp, "period_start"),
                                   period_end=_i(camp, "period_end"),
                                   data=camp.get("data") if isinstance(camp.get("data"), dict) else {},
                                   source="packet", file_sha256=_s(camp, "file_sha256"))

    # Participants: two passes, so an individual can point at a collective listed after them.
    people: dict[str, Participant] = {}
    for p in _objs(data, "participants"):
        kind = _s(p, "kind")
        if kind not in ("individual", "collective"):
            raise ImportDataError("participant.kind")
        name = _s(p, "name")
        if not name:
            raise ImportDataError("participant.name missing")
        values = {k: _s(p, k) for k in ("category", "gender", "ethnicity", "position", "workplace", "cccd", "phone",
                                         "address", "head_name", "note")}
        values.update(kind=kind, name=name, commune=commune.id, birth_date=_date(p, "birth_date"),
                      member_count=_i(p, "member_count"), female_count=_i(p, "female_count"),
                      under_discipline=_b(p, "under_discipline"), under_inspection=_b(p, "under_inspection"),
                      under_complaint=_b(p, "under_complaint"), sort_key=sort_key(name), updated_at=now,
                      search_text=" ")  # index_participant below writes the real search document
        row = Participant.get_or_none(Participant.uid == _uid(p))
        if row is not None and row.commune_id != commune.id:
            raise ImportDataError("participant uid belongs to another commune")
        if row is None:
            row = Participant.create(uid=_uid(p), created_at=now, **values)
        else:
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
        index_participant(row)
        people[row.uid] = row
    for p in _objs(data, "participants"):
        org = p.get("organization_uid")
        row = people[_uid(p)]
        org_id = people[org].id if isinstance(org, str) and org in people else None
        if row.organization_id != org_id:
            row.organization = org_id
            row.save()

    def person(d: dict) -> Participant:
        uid = d.get("participant_uid")
        if uid not in people:
            raise ImportDataError("participant_uid not in the packet")
        return people[uid]

    achievements: dict[str, Achievement] = {}
    for a in _objs(data, "achievements"):
        acamp = Campaign.get_or_none(Campaign.code == _s(a, "campaign_code")) or campaign
        codes = {k: [x for x in (a.get(k) or []) if isinstance(x, str)] for k in ("content_codes", "field_codes")}
        values = {"commune": commune.id, "participant": person(a).id, "campaign": acamp.id, "title": _s(a, "title"),
                  "description": _s(a, "description"), "results": _s(a, "results"),
                  "date_from": _date(a, "date_from"), "date_to": _date(a, "date_to"), "updated_at": now,
                  "search_text": fold(" ".join((_s(a, "title"), _s(a, "description"), _s(a, "results")))), **codes}
        row = _own(Achievement.get_or_none(Achievement.uid == _uid(a)), commune, "achievement")
        if row is None:
            row = Achievement.create(uid=_uid(a), created_at=now, **values)
        else:
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
        index_achievement(row)
        achievements[row.uid] = row

    evidence_ids: dict[str, int] = {}
    for e in _objs(data, "evidence"):
        rel = _s(e, "path")
        try:
            parts = fmt.check_relative_path(rel)
        except fmt.FormatError:
            raise ImportDataError(f"evidence path {rel!r}") from None
        source = folder.joinpath(*parts)
        if parts[0] != fmt.EVIDENCE_DIR or not source.is_file():
            raise ImportDataError(f"evidence file {rel!r} not in the packet")
        sha = _sha256_file(source)
        suffix = Path(rel).suffix.lower()
        suffix = suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""
        stored = f"{sha[:2]}/{sha}{suffix}"
        target = paths.evidence_dir / stored
        if not target.exists():
            copy_file_durably(source, target)  # never a truncated file under the content-addressed name
        ach = achievements.get(e.get("achievement_uid"))
        row = _own(EvidenceFile.get_or_none(EvidenceFile.uid == _uid(e)), commune, "evidence")
        if row is None:
            row = EvidenceFile.create(uid=_uid(e), commune=commune.id, participant=person(e).id,
                                      achievement=ach.id if ach else None, original_name=_s(e, "original_name") or
                                      Path(rel).name, stored_name=stored, sha256=sha, size=source.stat().st_size,
                                      note=_s(e, "note"), added_at=_s(e, "added_at") or now)
        evidence_ids[row.uid] = row.id

    for w in _objs(data, "awards"):
        year = _i(w, "year")
        if year is None:
            raise ImportDataError("award.year")
        values = {"commune": commune.id, "participant": person(w).id, "category": _s(w, "category"),
                  "code": _s(w, "code"), "name": _s(w, "name"), "year": year,
                  "decision_number": _s(w, "decision_number"), "decision_date": _date(w, "decision_date"),
                  "issuer": _s(w, "issuer"), "award_type": _s(w, "award_type"), "note": _s(w, "note")}
        row = _own(Award.get_or_none(Award.uid == _uid(w)), commune, "award")
        if row is None:
            Award.create(uid=_uid(w), created_at=now, **values)
        elif row.participant_id != values["participant"]:
            raise ImportDataError("award uid belongs to another participant")

    checklists: dict[str, Checklist] = {}
    for cl in _objs(data, "checklists"):
        answers = {}
        for code_, ans in (cl.get("answers") or {}).items():
            if not isinstance(ans, dict):
                raise ImportDataError("checklist answer")
            ans = dict(ans)
            ans["evidence_ids"] = [evidence_ids[u] for u in ans.pop("evidence_uids", []) or [] if u in evidence_ids]
            answers[code_] = ans
        values = {"commune": commune.id, "participant": person(cl).id, "set_id": _s(cl, "set_id"),
                  "set_version": _i(cl, "set_version") or 1, "set_fingerprint": _s(cl, "set_fingerprint"),
                  "set_snapshot": cl.get("set_snapshot") if isinstance(cl.get("set_snapshot"), dict) else {},
                  "answers": answers, "principles_confirmed": _b(cl, "principles_confirmed"),
                  "assessment_year": _i(cl, "assessment_year"), "verdict": _s(cl, "verdict") or "incomplete",
                  "assessment": cl.get("assessment") if isinstance(cl.get("assessment"), dict) else {},
                  "updated_at": _s(cl, "updated_at") or now}
        row = _own(Checklist.get_or_none(Checklist.uid == _uid(cl)), commune, "checklist")
        if row is None:
            row = Checklist.create(uid=_uid(cl), created_at=_s(cl, "created_at") or now, **values)
        checklists[row.uid] = row

    r = data["round"]
    number, version = _i(r, "number"), _i(r, "version")
    if number is None or version is None:
        raise ImportDataError("round.number/version")
    round_date = _date(r, "round_date") or date.today()
    round_ = NominationRound.get_or_none(NominationRound.uid == _uid(r))
    predecessor = None
    if isinstance(r.get("supersedes_uid"), str):
        predecessor = NominationRound.get_or_none(NominationRound.uid == r["supersedes_uid"])
    newer = NominationRound.select().where((NominationRound.commune == commune) & (NominationRound.number == number)
                                           & (NominationRound.version > version)).exists()
    status = "superseded" if newer else "sent"
    values = {"commune": commune.id, "campaign": campaign.id, "number": number, "version": version,
              "supersedes": predecessor.id if predecessor else None, "title": _s(r, "title"),
              "round_date": round_date, "year": _i(r, "year") or round_date.year, "status": status,
              "locked_at": _s(r, "locked_at") or None, "correction_reason": _s(r, "correction_reason"),
              "thresholds": r.get("thresholds") if isinstance(r.get("thresholds"), dict) else {},
              "submission_number": _i(r, "submission_number"), "submitted_on": _date(r, "submitted_on"),
              "updated_at": now}
    if round_ is None:
        round_ = NominationRound.create(uid=_uid(r), created_at=now, **values)
    elif round_.commune_id != commune.id:
        raise ImportDataError("round uid belongs to another commune")
    else:
        if round_.status == "superseded":
            values["status"] = "superseded"
        for k, v in values.items():
            setattr(round_, k, v)
        round_.save()

    replaced = []
    for old in NominationRound.select().where((NominationRound.commune == commune) & (NominationRound.number == number)
                                              & (NominationRound.version < version)
                                              & (NominationRound.status != "superseded")):
        old.status = "superseded"
        old.updated_at = now
        old.save()
        replaced.append(message_text("receiving.round_name", commune=commune.name, number=old.number,
                                     version=old.version))

    for n in _objs(data, "nominees"):
        cl_uid = n.get("checklist_uid")
        values = {"round": round_.id, "participant": person(n).id, "award_form": _s(n, "award_form"),
                  "checklist": checklists[cl_uid].id if isinstance(cl_uid, str) and cl_uid in checklists else None,
                  "verdict_at_add": _s(n, "verdict_at_add"), "override_reason": _s(n, "override_reason"),
                  "summary": _s(n, "summary"), "votes_for": _i(n, "votes_for"), "votes_against": _i(n, "votes_against"),
                  "votes_abstain": _i(n, "votes_abstain"), "position": _i(n, "position") or 0}
        row = Nominee.get_or_none(Nominee.uid == _uid(n))
        if row is None:
            Nominee.create(uid=_uid(n), created_at=now, **values)
        elif row.round_id != round_.id:
            raise ImportDataError("nominee uid belongs to another round")

    m = data.get("council_meeting")
    if isinstance(m, dict):
        values = {k: _s(m, k) for k in ("start_time", "end_time", "place", "chair", "chair_title", "secretary",
                                         "secretary_title", "conclusion")}
        total, present = _i(m, "members_total"), _i(m, "members_present")
        if total is None or present is None or _date(m, "held_on") is None:
            raise ImportDataError("council_meeting")
        values.update(held_on=_date(m, "held_on"), members_total=total, members_present=present,
                      document_number=_i(m, "document_number"))
        meeting = CouncilMeeting.get_or_none(CouncilMeeting.round == round_) or CouncilMeeting(round=round_)
        for k, v in values.items():
            setattr(meeting, k, v)
        meeting.save()

    for d in _objs(data, "decisions"):
        if AwardDecision.get_or_none(AwardDecision.uid == _uid(d)) is None:
            decided = _date(d, "decided_on")
            if decided is None:
                raise ImportDataError("decision.decided_on")
            AwardDecision.create(uid=_uid(d), round=round_, award_form=_s(d, "award_form"), number=_s(d, "number"),
                                 document_number=_i(d, "document_number"), decided_on=decided,
                                 signer=_s(d, "signer"), signer_title=_s(d, "signer_title") or "CHỦ TỊCH",
                                 created_at=now)

    link = ImportedRound.get_or_none(ImportedRound.round == round_)
    if link is None:
        ImportedRound.create(round=round_, received_packet=received, packet_id=received.packet_id,
                             commune_code=code, extracted_path=received.extracted_path, imported_at=now)
    else:
        link.received_packet, link.packet_id, link.extracted_path, link.imported_at = (
            received, received.packet_id, received.extracted_path, now)
        link.save()
    return round_, replaced, status == "superseded"


# ----- receiving one packet -------------------------------------------------------------------------------

def _fields_from_check(check: PacketCheck) -> dict:
    m = check.manifest
    out = {"verdict": check.verdict, "reason": check.reason, "detail": check.detail[:1000],
           "signer_fingerprint": check.signer_fingerprint, "signer_public_key": check.signer_public_key_pem}
    if m is not None:
        out.update(packet_id=m.packet_id, commune_code=m.commune_code, commune_name=m.commune_name,
                   round_number=m.round_number, round_version=m.round_version, sequence=m.sequence,
                   previous_packet_sha256=m.previous_packet_sha256, supersedes_packet_id=m.supersedes_packet_id,
                   created_at=m.created_at)
    return out


def _process(paths: Workspace, kept: Path, *, sha: str, size: int, original_name: str, source_path: str,
             record: ReceivedPacket | None, trust: tuple[str, str] | None, progress: Progress | None,
             accept_order: str = "") -> ReceiveResult:
    """Check and classify the copy at `kept`, then keep, quarantine or import it; write the record.

    accept_order: the officer's written reason for importing a packet that is intact and signed by a trusted
    key but out of sequence (a lost stick, a packet written twice, a commune restored from a backup).
    """
    received_at = now_iso()
    check = check_packet(kept, progress=progress)
    fields = _fields_from_check(check)
    fields.update(file_sha256=sha, file_size=size, original_name=original_name, source_path=source_path,
                  received_at=received_at)

    def save(outcome: str, where: Path, **extra) -> ReceivedPacket:
        values = dict(fields, outcome=outcome, kept_path=_rel(paths, where), **extra)
        if record is None:
            return ReceivedPacket.create(**values)
        for k, v in values.items():
            setattr(record, k, v)
        record.save()
        return record

    if not check.is_valid:
        where = _keep(paths, kept, paths.quarantine_dir, sha, original_name)
        return ReceiveResult(save(REJECTED, where))

    code = check.manifest.commune_code
    mismatch = False
    with database_proxy.atomic():
        state = commune_state(code)
        if trust is not None and check.signer_fingerprint not in state.trusted_fingerprints:
            typed, by = trust
            if typed == check.signer_fingerprint:
                trust_key(code, check.signer_fingerprint, how="paper", public_key=check.signer_public_key_pem or "",
                          trusted_by=by)
                state = commune_state(code)
            else:
                mismatch = True
        cls = classify_packet(check, state)
        fields.update(verdict=cls.verdict, reason=cls.reason)
    if mismatch and cls.verdict == UNTRUSTED_SIGNER:
        where = _keep(paths, kept, paths.quarantine_dir, sha, original_name)
        save(NEEDS_CONFIRMATION, where)
        raise UserError("receiving.fingerprint_differs", typed=format_fingerprint(trust[0]),
                        actual=format_fingerprint(check.signer_fingerprint))
    if cls.verdict == UNTRUSTED_SIGNER:
        where = _keep(paths, kept, paths.quarantine_dir, sha, original_name)
        return ReceiveResult(save(NEEDS_CONFIRMATION, where))
    if cls.verdict == DUPLICATE:
        original = (ReceivedPacket.select().where((ReceivedPacket.packet_id == check.manifest.packet_id)
                                                  & ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES)).first())
        folder = paths.inbox_dir / "packets" if original is not None and original.file_sha256 == sha \
            else paths.quarantine_dir
        where = _keep(paths, kept, folder, sha, original_name)
        return ReceiveResult(save(DUPLICATE_OUTCOME, where, round=original.round_id if original else None))
    if cls.verdict == fmt.OUT_OF_SEQUENCE and accept_order:
        fields.update(detail=message_text("receiving.order_accepted", reason=cls.reason, why=accept_order)[:1000])
    elif cls.verdict != VALID:  # out of sequence (a replay, a gap, a broken chain)
        where = _keep(paths, kept, paths.quarantine_dir, sha, original_name)
        return ReceiveResult(save(REJECTED, where))

    snapshots.backup_before_import(paths)
    extracted = extract_packet(kept, paths.inbox_dir)
    if not extracted.check.is_valid or extracted.folder is None:  # the kept copy changed under us
        fields.update(_fields_from_check(extracted.check))
        where = _keep(paths, kept, paths.quarantine_dir, sha, original_name)
        return ReceiveResult(save(REJECTED, where))
    where = _keep(paths, kept, paths.inbox_dir / "packets", sha, original_name)
    try:
        with database_proxy.atomic():
            row = save(IMPORTED, where, extracted_path=_rel(paths, extracted.folder))
            if cls.newly_trusted_fingerprint:
                rotation = check.manifest.key_rotation
                trust_key(code, cls.newly_trusted_fingerprint, how="rotation",
                          public_key=rotation.new_public_key_pem if rotation else "",
                          trusted_by=message_text("receiving.trusted_by_rotation"), received=row)
            round_, replaced, superseded = _import_data(check.data, code, extracted.folder, paths, row)
            row.round = round_
            row.outcome = SUPERSEDED if superseded else IMPORTED
            row.save()
            # The same packet received earlier and left waiting for confirmation is settled by this import.
            earlier = list(ReceivedPacket.select().where(
                (ReceivedPacket.packet_id == row.packet_id) & (ReceivedPacket.outcome == NEEDS_CONFIRMATION)
                & (ReceivedPacket.id != row.id)))
            for old in earlier:
                old.outcome = RESOLVED
                old.save()
    except (ImportDataError, pw.IntegrityError, KeyError, TypeError, ValueError) as exc:
        # A signed packet whose data cannot be imported: nothing of it stays in the database; the packet
        # goes to quarantine with the reason, like any other refused packet.
        log.warning("import of %s failed: %s", original_name, exc)
        shutil.rmtree(extracted.folder, ignore_errors=True)
        where = _keep(paths, where, paths.quarantine_dir, sha, original_name)
        fields.update(reason="import_failed", detail=str(exc)[:1000])
        return ReceiveResult(save(REJECTED, where))
    return ReceiveResult(row, replaced)


def receive_packet(paths: Workspace, source: str | os.PathLike, *, trust_fingerprint: str | None = None,
                   trusted_by: str = "", accept_order: str = "", progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   limits: fmt.Limits = fmt.DEFAULT_LIMITS) -> ReceiveResult:
    """Receive one packet file (from a USB stick or any folder) into this receiving workspace.

    trust_fingerprint: the fingerprint the officer read on the paper Tờ trình (CLI --trust-fingerprint);
    when it equals the packet's signer, the key is trusted and the packet imported; when it differs,
    UserError and nothing is trusted. Without it, a first packet comes back as needs_confirmation.
    accept_order: a written reason to import the packet even if it is out of sequence (see accept_out_of_order).
    """
    require_receiver()
    source = Path(source)
    typed = normalize_fingerprint(trust_fingerprint) if trust_fingerprint else None
    tmp, sha, size = _copy_in(paths, source, limits, progress, cancelled)
    if tmp is None:
        row = ReceivedPacket.create(verdict=fmt.MALFORMED, reason="too_large", detail=f"{size} bytes",
                                    file_sha256=sha, file_size=size, original_name=source.name,
                                    source_path=str(source), kept_path="", outcome=REJECTED, received_at=now_iso())
        return ReceiveResult(row)
    try:
        return _process(paths, tmp, sha=sha, size=size, original_name=source.name, source_path=str(source),
                        record=None, trust=(typed, trusted_by) if typed else None, progress=progress,
                        accept_order=" ".join((accept_order or "").split()))
    finally:
        remove_quietly(tmp)


def accept_out_of_order(paths: Workspace, record: ReceivedPacket, reason: str, *, accepted_by: str = "") -> ReceiveResult:
    """Import a quarantined packet refused only for its order, once the officer has checked with the commune
    (a packet lost on a stick, written twice, or a commune restored from a backup) and written why.

    Everything else is checked again: the file must still be intact and signed by a key trusted for that
    commune; a packet already imported stays a duplicate. The reason is kept with the record.
    """
    require_receiver()
    record = ReceivedPacket.get_by_id(record.id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("receiving.order_reason_required")
    if record.outcome != REJECTED or record.verdict != fmt.OUT_OF_SEQUENCE:
        raise UserError("receiving.not_out_of_order")
    kept = paths.root / record.kept_path
    if not kept.is_file():
        raise UserError("receiving.kept_file_missing", path=str(kept))
    tmp = paths.inbox_dir / ".incoming" / f"{uuid.uuid4().hex}.zip"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, tmp)
    why = f"{reason} — {accepted_by}" if accepted_by else reason
    try:
        result = _process(paths, tmp, sha=record.file_sha256, size=record.file_size,
                          original_name=record.original_name, source_path=record.source_path, record=record,
                          trust=None, progress=None, accept_order=why)
    finally:
        remove_quietly(tmp)
    if paths.root / result.record.kept_path != kept:
        remove_quietly(kept)
    return result


def confirm_and_import(paths: Workspace, record: ReceivedPacket, *, fingerprint: str | None = None,
                       trusted_by: str = "") -> ReceiveResult:
    """The officer compared the fingerprint with the paper copy: trust the key and import the kept packet.

    fingerprint: what the officer typed (optional; the window's button confirms the shown one).
    """
    require_receiver()
    record = ReceivedPacket.get_by_id(record.id)
    if record.outcome != NEEDS_CONFIRMATION or not record.signer_fingerprint:
        raise UserError("receiving.nothing_to_confirm")
    typed = normalize_fingerprint(fingerprint) if fingerprint else record.signer_fingerprint
    kept = paths.root / record.kept_path
    if not kept.is_file():
        raise UserError("receiving.kept_file_missing", path=str(kept))
    # Work on a copy: _process moves its input to where the verdict sends it.
    tmp = paths.inbox_dir / ".incoming" / f"{uuid.uuid4().hex}.zip"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, tmp)
    try:
        result = _process(paths, tmp, sha=record.file_sha256, size=record.file_size,
                          original_name=record.original_name, source_path=record.source_path, record=record,
                          trust=(typed, trusted_by), progress=None)
    finally:
        remove_quietly(tmp)
    if paths.root / result.record.kept_path != kept:
        remove_quietly(kept)  # kept elsewhere now (inbox/packets); the quarantined copy is redundant
    return result


def reject_pending(record: ReceivedPacket) -> ReceivedPacket:
    """The fingerprint did not match the paper: the packet stays quarantined, marked as refused."""
    record = ReceivedPacket.get_by_id(record.id)
    if record.outcome == NEEDS_CONFIRMATION:
        record.outcome = REJECTED
        record.reason = "not_confirmed"
        record.save()
    return record


def receive_many(paths: Workspace, sources: Iterable[str | os.PathLike], *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Receive packets in order of their sequence where it can be read from the name (…_003.zip)."""
    report = ImportReport()
    for source in sorted((Path(s) for s in sources), key=_name_order):
        if cancelled is not None and cancelled():
            raise UserCancelled()
        report.results.append(receive_packet(paths, source, progress=progress, cancelled=cancelled))
    return report


def _name_order(p: Path):
    stem = p.stem.split(" ")[0]
    parts = stem.split("_")
    seq = int(parts[-1]) if parts and parts[-1].isdigit() else 0
    return (parts[0] if parts else "", seq, p.name)


def scan_for_packets(folders: Iterable[str | os.PathLike], max_depth: int = 2) -> list[Path]:
    """*.zip files in the given folders (e.g. USB sticks), down to max_depth levels; hidden files skipped."""
    found: list[Path] = []

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_file(follow_symlinks=False) and e.name.lower().endswith(".zip"):
                    found.append(Path(e.path))
                elif e.is_dir(follow_symlinks=False) and depth < max_depth:
                    walk(Path(e.path), depth + 1)
            except OSError:
                continue

    for f in folders:
        walk(Path(f), 0)
    return found


# ----- what the screen lists ----------------------------------------------------------------------------

def received_packets() -> list[ReceivedPacket]:
    return list(ReceivedPacket.select().order_by(ReceivedPacket.received_at.desc(), ReceivedPacket.id.desc()))


def imported_rounds(include_superseded: bool = True) -> list[NominationRound]:
    q = (NominationRound.select().join(ImportedRound, on=(ImportedRound.round == NominationRound.id)))
    if not include_superseded:
        q = q.where(NominationRound.status != "superseded")
    return list(q.order_by(NominationRound.commune, NominationRound.number, NominationRound.version.desc()))


def round_documents_folder(paths: Workspace, round_: NominationRound) -> Path | None:
    link = ImportedRound.get_or_none(ImportedRound.round == round_)
    return paths.root / link.extracted_path if link else None


def round_document_files(paths: Workspace, round_: NominationRound) -> list[Path]:
    """The documents (PDF, .docx) the commune sent with the round, as kept in the inbox."""
    folder = round_documents_folder(paths, round_)
    if folder is None or not (folder / fmt.DOCUMENTS_DIR).is_dir():
        return []
    return sorted(p for p in (folder / fmt.DOCUMENTS_DIR).rglob("*") if p.is_file())


def pending_confirmations() -> list[ReceivedPacket]:
    return list(ReceivedPacket.select().where(ReceivedPacket.outcome == NEEDS_CONFIRMATION)
                .order_by(ReceivedPacket.id))
