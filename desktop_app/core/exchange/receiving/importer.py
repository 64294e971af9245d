"""Importing a valid packet's data into the receiving workspace, idempotently (records are found by the
commune's uids), without ever touching another commune's records.

Two steps: `stage_evidence` copies the packet's evidence files into evidence/ (named by SHA-256, so a copy left
by an interrupted import is harmless) before any transaction; `import_round_data` then writes every record
inside the caller's one write transaction, so the write lock is never held while files are copied and synced.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...errors import message_text
from ...register.achievements import index_achievement
from ...register.participants import index_participant
from ...storage.files import copy_file_durably, remove_quietly, sha256_file
from ...storage.models import (Achievement, Award, AwardDecision, Campaign, Checklist, Commune, CouncilMeeting,
                               EvidenceFile, ImportedRound, NominationRound, Nominee, Participant, ReceivedPacket)
from ...storage.session import Session
from ...text import fold, name_sort_key
from ...vocabulary import COLLECTIVE, INDIVIDUAL, SENT, SUPERSEDED
from ..packets import format as fmt
from ..packets.round_data import RoundData


class ImportDataError(Exception):
    """data.json of a valid packet cannot be imported (a writer bug or a hostile but signed packet)."""


@dataclass(frozen=True)
class StagedEvidence:
    """An evidence file of the packet, copied into evidence/ under its content's name."""

    stored_name: str
    sha256: str
    size: int


@dataclass
class Staged:
    """The packet's evidence in evidence/, by evidence uid; `created`: the files this import copied there (and
    must remove again if the import fails — the ones already there belong to earlier imports)."""

    files: dict[str, StagedEvidence]
    created: list[Path]
    created_dirs: list[Path] = field(default_factory=list)

    def get(self, uid: str) -> StagedEvidence | None:
        return self.files.get(uid)

    def discard(self) -> None:
        for path in self.created:
            remove_quietly(path)
        for folder in reversed(self.created_dirs):
            try:
                folder.rmdir()  # only if empty: another import may have put a file there meanwhile
            except OSError:
                pass
        self.created, self.created_dirs = [], []


def _safe_suffix(rel: str) -> str:
    suffix = Path(rel).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


def stage_evidence(session: Session, data: RoundData, folder: Path) -> Staged:
    """Copy every evidence file of the packet (extracted in `folder`) into the workspace: evidence uid → file.
    On failure the files copied so far are removed again."""
    staged = Staged({}, [])
    try:
        for e in data.evidence:
            try:
                parts = fmt.check_relative_path(e.path)
                fmt.check_file_type(e.path)
            except fmt.FormatError:
                raise ImportDataError(f"evidence path {ascii(e.path)}") from None
            source = folder.joinpath(*parts)
            if parts[0] != fmt.EVIDENCE_DIR or not source.is_file():
                raise ImportDataError(f"evidence file {ascii(e.path)} not in the packet")
            sha, size = sha256_file(source)
            stored = f"{sha[:2]}/{sha}{_safe_suffix(e.path)}"
            target = session.paths.evidence_dir / stored
            if not target.exists():
                if not target.parent.exists():
                    staged.created_dirs.append(target.parent)
                copy_file_durably(source, target)  # never a truncated file under the content-addressed name
                staged.created.append(target)
            staged.files[e.uid] = StagedEvidence(stored, sha, size)
    except BaseException:
        staged.discard()
        raise
    return staged


def _own(row, commune: Commune, what: str):
    """A record found by the packet's uid must belong to the packet's commune (else another commune's data
    would be rewritten by a packet that merely reuses its uids)."""
    if row is not None and row.commune_id != commune.id:
        raise ImportDataError(f"{what} uid belongs to another commune")
    return row


def _commune(data: RoundData, code: str, now: str) -> Commune:
    c = data.commune
    commune = Commune.get_or_none(Commune.uid == c.uid)
    values = {"name": c.name or code, "admin_code": code, "province": c.province,
              "receiving_authority": c.receiving_authority, "receiving_level": c.receiving_level or "khac",
              "chairman_name": c.chairman_name, "doc_prefix": c.doc_prefix or "UBND"}
    if commune is None:
        return Commune.create(uid=c.uid, is_home=False, created_at=now, updated_at=now,
                              former_codes=list(c.former_codes), **values)
    if commune.is_home:
        raise ImportDataError("the packet's commune is this workspace's own commune")
    if code != commune.admin_code and code not in (commune.former_codes or []):
        # A packet signed for commune B must never rewrite commune A's row (code, name) by reusing its uid.
        raise ImportDataError("commune uid belongs to another commune code")
    if code != commune.admin_code:
        commune.former_codes = sorted(set(commune.former_codes or []) | {commune.admin_code})
    for k, v in values.items():
        setattr(commune, k, v)
    commune.updated_at = now
    commune.save()
    return commune


PACKET_SOURCE = "packet"


def _shared_campaign(code_: str) -> Campaign | None:
    """A campaign of the shared reference data (resources/campaigns; later the province's signed rules pack)."""
    return Campaign.get_or_none((Campaign.code == code_) & (Campaign.source != PACKET_SOURCE))


def own_campaign_code(commune_code: str, campaign_code: str) -> str:
    return f"{commune_code}/{campaign_code}"


def _campaign(data: RoundData, code: str, *, create: bool = True) -> Campaign | None:
    """The round's campaign. Campaigns are shared reference data that no packet creates or changes: a known code
    is linked as it is here, whatever the packet says of it. A code unknown here (the commune runs a newer or an
    older set of campaigns) is kept as the commune's own copy, under "<commune code>/<campaign code>", from
    what the packet says — only this commune's rounds and achievements ever point at it."""
    camp = data.campaign
    if not camp.code:
        raise ImportDataError("campaign.code missing")
    shared = _shared_campaign(camp.code)
    if shared is not None or not create:
        return shared or Campaign.get_or_none(Campaign.code == own_campaign_code(code, camp.code))
    values = dict(number=camp.number or camp.code, title=camp.title or camp.code, issued_on=camp.issued_on,
                  issuer=camp.issuer, period_start=camp.period_start, period_end=camp.period_end,
                  data={**camp.data, "commune_code": code}, source=PACKET_SOURCE, file_sha256=camp.file_sha256)
    own = Campaign.get_or_none(Campaign.code == own_campaign_code(code, camp.code))
    if own is None:
        return Campaign.create(code=own_campaign_code(code, camp.code), **values)
    for k, v in values.items():
        setattr(own, k, v)
    own.save()
    return own


def _achievement_campaign(campaign_code: str, code: str, round_campaign: Campaign) -> Campaign:
    """An achievement's campaign: shared, or this commune's own copy, else the round's — never another
    commune's copy."""
    if not campaign_code:
        return round_campaign
    return (_shared_campaign(campaign_code) or Campaign.get_or_none(Campaign.code == own_campaign_code(code, campaign_code))
            or round_campaign)


def import_round_data(session: Session, data: RoundData, code: str, folder: Path, received: ReceivedPacket,
                      staged: Staged) -> tuple[NominationRound, list[str], bool]:
    """Create or update every record of the packet; call it inside a write. Returns (round, replaced rounds'
    names, whether this round arrived already superseded).

    Every cross-reference must stay inside the packet's commune or the shared reference data: a uid found here
    that belongs to another commune (participant, achievement, evidence, award, checklist, round, the round it
    supersedes, nominee, decision) makes the whole import fail, and nothing of it stays."""
    now = session.clock.now_iso()
    commune = _commune(data, code, now)
    campaign = _campaign(data, code)

    # Participants: two passes, so an individual can point at a collective listed after them.
    people: dict[str, Participant] = {}
    for p in data.participants:
        if p.kind not in (INDIVIDUAL, COLLECTIVE):
            raise ImportDataError("participant.kind")
        if not p.name:
            raise ImportDataError("participant.name missing")
        values = {k: getattr(p, k) for k in ("category", "gender", "ethnicity", "position", "workplace", "cccd",
                                              "phone", "address", "head_name", "note", "birth_date", "member_count",
                                              "female_count", "under_discipline", "under_inspection",
                                              "under_complaint")}
        values.update(kind=p.kind, name=p.name, commune=commune.id, sort_key=name_sort_key(p.name), updated_at=now,
                      search_text=" ")  # index_participant below writes the real search document
        row = _own(Participant.get_or_none(Participant.uid == p.uid), commune, "participant")
        if row is None:
            row = Participant.create(uid=p.uid, created_at=now, **values)
        else:
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
        people[row.uid] = row
    for p in data.participants:
        row = people[p.uid]
        org_id = people[p.organization_uid].id if p.organization_uid in people else None
        if row.organization_id != org_id:
            row.organization = org_id
            row.save()

    def person(uid: str) -> Participant:
        if uid not in people:
            raise ImportDataError("participant_uid not in the packet")
        return people[uid]

    achievements: dict[str, Achievement] = {}
    for a in data.achievements:
        acamp = _achievement_campaign(a.campaign_code, code, campaign)
        values = {"commune": commune.id, "participant": person(a.participant_uid).id, "campaign": acamp.id,
                  "title": a.title, "description": a.description, "results": a.results, "date_from": a.date_from,
                  "date_to": a.date_to, "updated_at": now, "content_codes": list(a.content_codes),
                  "field_codes": list(a.field_codes),
                  "search_text": fold(" ".join((a.title, a.description, a.results)))}
        row = _own(Achievement.get_or_none(Achievement.uid == a.uid), commune, "achievement")
        if row is None:
            row = Achievement.create(uid=a.uid, created_at=now, **values)
        else:
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
        index_achievement(session, row, with_participant=False)
        achievements[row.uid] = row
    for row in people.values():  # once each, with all its achievements in place
        index_participant(session, row)

    evidence_ids: dict[str, int] = {}
    for e in data.evidence:
        file = staged.get(e.uid)
        if file is None:
            raise ImportDataError(f"evidence {e.uid} was not staged")
        ach = achievements.get(e.achievement_uid) if e.achievement_uid else None
        row = _own(EvidenceFile.get_or_none(EvidenceFile.uid == e.uid), commune, "evidence")
        if row is None:
            row = EvidenceFile.create(uid=e.uid, commune=commune.id, participant=person(e.participant_uid).id,
                                      achievement=ach.id if ach else None,
                                      original_name=e.original_name or Path(e.path).name, stored_name=file.stored_name,
                                      sha256=file.sha256, size=file.size, note=e.note, added_at=e.added_at or now)
        evidence_ids[row.uid] = row.id

    for w in data.awards:
        values = {"commune": commune.id, "participant": person(w.participant_uid).id, "category": w.category,
                  "code": w.code, "name": w.name, "year": w.year, "decision_number": w.decision_number,
                  "decision_date": w.decision_date, "issuer": w.issuer, "award_type": w.award_type, "note": w.note}
        row = _own(Award.get_or_none(Award.uid == w.uid), commune, "award")
        if row is None:
            Award.create(uid=w.uid, created_at=now, **values)
        elif row.participant_id != values["participant"]:
            raise ImportDataError("award uid belongs to another participant")

    checklists: dict[str, Checklist] = {}
    for cl in data.checklists:
        answers = {}
        for code_, ans in cl.answers.items():
            answers[code_] = {"status": ans.status, "note": ans.note,
                              "evidence_ids": [evidence_ids[u] for u in ans.evidence_uids if u in evidence_ids]}
        values = {"commune": commune.id, "participant": person(cl.participant_uid).id, "set_id": cl.set_id,
                  "set_version": cl.set_version or 1, "set_fingerprint": cl.set_fingerprint,
                  "set_snapshot": cl.set_snapshot, "answers": answers, "principles_confirmed": cl.principles_confirmed,
                  "assessment_year": cl.assessment_year, "verdict": cl.verdict or "incomplete",
                  "assessment": cl.assessment, "updated_at": cl.updated_at or now}
        row = _own(Checklist.get_or_none(Checklist.uid == cl.uid), commune, "checklist")
        if row is None:
            row = Checklist.create(uid=cl.uid, created_at=cl.created_at or now, **values)
        checklists[row.uid] = row

    r = data.round
    round_date = r.round_date or session.clock.today()
    round_ = NominationRound.get_or_none(NominationRound.uid == r.uid)
    predecessor = None
    if r.supersedes_uid:
        predecessor = _own(NominationRound.get_or_none(NominationRound.uid == r.supersedes_uid), commune, "round")
        if predecessor is not None and (predecessor.number != r.number or predecessor.version >= r.version):
            raise ImportDataError("supersedes_uid is not an earlier version of this round")
    newer = NominationRound.select().where((NominationRound.commune == commune) & (NominationRound.number == r.number)
                                           & (NominationRound.version > r.version)).exists()
    status = SUPERSEDED if newer else SENT
    values = {"commune": commune.id, "campaign": campaign.id, "number": r.number, "version": r.version,
              "supersedes": predecessor.id if predecessor else None, "title": r.title, "round_date": round_date,
              "year": r.year or round_date.year, "status": status, "locked_at": r.locked_at or None,
              "correction_reason": r.correction_reason, "thresholds": dict(r.thresholds),
              "submission_number": r.submission_number, "submitted_on": r.submitted_on, "updated_at": now}
    if round_ is None:
        round_ = NominationRound.create(uid=r.uid, created_at=now, **values)
    elif round_.commune_id != commune.id:
        raise ImportDataError("round uid belongs to another commune")
    else:
        if round_.status == SUPERSEDED:
            values["status"] = SUPERSEDED
        for k, v in values.items():
            setattr(round_, k, v)
        round_.save()

    replaced = []
    for old in NominationRound.select().where((NominationRound.commune == commune)
                                              & (NominationRound.number == r.number)
                                              & (NominationRound.version < r.version)
                                              & (NominationRound.status != SUPERSEDED)):
        old.status = SUPERSEDED
        old.updated_at = now
        old.save()
        replaced.append(message_text("receiving.round_name", commune=commune.name, number=old.number,
                                     version=old.version))

    for n in data.nominees:
        cl_id = checklists[n.checklist_uid].id if n.checklist_uid in checklists else None
        values = {"round": round_.id, "commune": commune.id, "participant": person(n.participant_uid).id,
                  "award_form": n.award_form, "checklist": cl_id, "verdict_at_add": n.verdict_at_add,
                  "override_reason": n.override_reason, "summary": n.summary, "votes_for": n.votes_for,
                  "votes_against": n.votes_against, "votes_abstain": n.votes_abstain, "position": n.position}
        row = _own(Nominee.get_or_none(Nominee.uid == n.uid), commune, "nominee")
        if row is None:
            Nominee.create(uid=n.uid, created_at=now, **values)
        elif row.round_id != round_.id:
            raise ImportDataError("nominee uid belongs to another round")

    m = data.council_meeting
    if m is not None:
        meeting = CouncilMeeting.get_or_none(CouncilMeeting.round == round_) or CouncilMeeting(
            round=round_, commune=commune.id)
        for k in ("held_on", "start_time", "end_time", "place", "chair", "chair_title", "secretary", "secretary_title",
                  "conclusion", "members_total", "members_present", "document_number"):
            setattr(meeting, k, getattr(m, k))
        meeting.save()

    for d in data.decisions:
        existing = _own(AwardDecision.get_or_none(AwardDecision.uid == d.uid), commune, "decision")
        if existing is not None and existing.round_id != round_.id:
            raise ImportDataError("decision uid belongs to another round")
        if existing is None:
            AwardDecision.create(uid=d.uid, round=round_, commune=commune.id, award_form=d.award_form,
                                 number=d.number, document_number=d.document_number, decided_on=d.decided_on,
                                 signer=d.signer, signer_title=d.signer_title or "CHỦ TỊCH", created_at=now)

    link = ImportedRound.get_or_none(ImportedRound.round == round_)
    if link is None:
        ImportedRound.create(round=round_, commune=commune.id, received_packet=received,
                             packet_id=received.packet_id, commune_code=code, extracted_path=received.extracted_path,
                             imported_at=now)
    else:
        link.received_packet, link.packet_id, link.extracted_path, link.imported_at = (
            received, received.packet_id, received.extracted_path, now)
        link.save()
    return round_, replaced, status == SUPERSEDED
