"""Achievements of a participant in a campaign, with their evidence files kept inside the workspace.

Saving an achievement with new evidence is one transaction: the files are copied into evidence/ first (named by
their SHA-256, so a copy left by an interrupted save is harmless), then one commit records the achievement, its
evidence rows, the search document and the discarded draft — a kill or a power cut leaves all of it or none.
"""
from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from peewee import fn

from ..changes import Topic
from ..dates import format_vn_date
from ..errors import UserError
from ..formats import format_size
from ..storage.files import fsync_dir, sha256_file
from ..storage.models import Achievement, Campaign, Draft, EvidenceFile, Participant
from ..storage.session import Session
from ..text import fold, nfc
from ..validation import LONG_TEXT, Validator
from .participants import index_participant

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024


def validate_achievement(values: dict, campaign: Campaign | None) -> dict:
    v = Validator(values)
    v.text("title", required=True, max_len=300)
    v.text("description", max_len=LONG_TEXT, multiline=True)
    v.text("results", max_len=LONG_TEXT, multiline=True)
    start = v.date("date_from")
    end = v.date("date_to")
    if start and end and end < start:
        v.fail("date_to", "date.range_order")
    if campaign is None:
        v.fail("campaign_id", "achievement.campaign_required")
    else:
        contents = {c["code"] for c in campaign.data.get("contents", [])}
        fields = {c["code"] for c in campaign.data.get("priority_fields", [])}
        chosen_contents = [c for c in values.get("content_codes") or [] if c in contents]
        chosen_fields = [c for c in values.get("field_codes") or [] if c in fields]
        if len(chosen_contents) != len(values.get("content_codes") or []):
            v.fail("content_codes", "field.invalid_choice")
        if len(chosen_fields) != len(values.get("field_codes") or []):
            v.fail("field_codes", "field.invalid_choice")
        v.clean["content_codes"] = sorted(chosen_contents)
        v.clean["field_codes"] = sorted(chosen_fields)
    return v.raise_if_failed()


def index_achievement(session: Session, a: Achievement, *, with_participant: bool = True) -> None:
    """Recompute an achievement's search entry and its participant's; call it inside the write that changed it.
    with_participant=False: the caller re-indexes the participant once after all its achievements (an import)."""
    db = session.db
    db.execute_sql(session.sql("DELETE FROM achievement_fts WHERE rowid = ?"), (a.id,))
    if a.archived_at is None:
        db.execute_sql(session.sql("INSERT INTO achievement_fts(rowid, search_text) VALUES (?, ?)"), (a.id, a.search_text))
    # The participant is found by its achievements' words too: its search document includes them.
    if with_participant:
        index_participant(session, Participant.get_by_id(a.participant_id))


def get_achievement(session: Session, achievement_id: int | None) -> Achievement | None:
    if achievement_id is None:
        return None
    session.activate()
    return Achievement.get_or_none(Achievement.id == achievement_id)


def get_campaign(session: Session, campaign_id) -> Campaign | None:
    if not campaign_id:
        return None
    session.activate()
    return Campaign.get_or_none(Campaign.id == campaign_id)


def save_achievement(session: Session, participant_id: int, values: dict, achievement_id: int | None = None, *,
                     new_evidence: Iterable[str | os.PathLike] = (), removed_evidence: Iterable[int] = (),
                     draft_key: str | None = None) -> Achievement:
    """Create or update an achievement with its evidence: the new files are copied in first, then one commit."""
    campaign = get_campaign(session, values.get("campaign_id"))
    clean = validate_achievement(values, campaign)
    stored = [store_evidence_file(session, source) for source in new_evidence]   # outside the transaction
    now = session.clock.now_iso()
    with session.write(Topic.ACHIEVEMENTS, Topic.PARTICIPANTS, Topic.DRAFTS):
        participant = Participant.get_or_none(Participant.id == participant_id)
        if participant is None:
            raise UserError("participant.not_found")
        if achievement_id is None:
            a = Achievement(commune=participant.commune_id, participant=participant, created_at=now)
        else:
            a = Achievement.get_or_none((Achievement.id == achievement_id) & (Achievement.participant == participant))
            if a is None:
                raise UserError("achievement.not_found")
        a.campaign = campaign
        for key in ("title", "description", "results", "date_from", "date_to", "content_codes", "field_codes"):
            setattr(a, key, clean[key])
        a.search_text = fold(" ".join((a.title, a.description, a.results)))
        a.updated_at = now
        a.save()
        for file in stored:
            _record_evidence(session, participant, a, file)
        removed = list(removed_evidence)
        if removed:
            EvidenceFile.update(archived_at=now).where(
                EvidenceFile.id.in_(removed) & (EvidenceFile.achievement == a)).execute()
        index_achievement(session, a)
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
    return a


def set_archived(session: Session, achievement_id: int, archived: bool) -> None:
    now = session.clock.now_iso()
    with session.write(Topic.ACHIEVEMENTS, Topic.PARTICIPANTS):
        a = Achievement.get_by_id(achievement_id)
        a.archived_at = now if archived else None
        a.updated_at = now
        a.save()
        index_achievement(session, a)


def list_achievements(session: Session, participant_id: int, include_archived: bool = False) -> list[Achievement]:
    session.activate()
    query = Achievement.select().where(Achievement.participant == participant_id)
    if not include_archived:
        query = query.where(Achievement.archived_at.is_null())
    return list(query.order_by(Achievement.date_from.desc(nulls="LAST"), Achievement.id))


def achievement_form_values(a: Achievement) -> dict:
    return {"campaign_id": a.campaign_id, "title": a.title, "description": a.description,
            "results": a.results, "date_from": format_vn_date(a.date_from), "date_to": format_vn_date(a.date_to),
            "content_codes": list(a.content_codes), "field_codes": list(a.field_codes)}


# --- evidence files -------------------------------------------------------------------------------

@dataclass(frozen=True)
class StoredFile:
    """A file copied into evidence/ (not yet recorded): where it is and what it was called."""

    stored_name: str
    sha256: str
    size: int
    original_name: str


def _safe_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


def store_evidence_file(session: Session, source: str | os.PathLike) -> StoredFile:
    """Copy a file into the workspace (content-addressed by SHA-256) so it survives the USB stick leaving.
    Writes no record: the caller records it in its own transaction."""
    source = Path(source)
    if not source.is_file():
        raise UserError("evidence.source_missing", path=str(source))
    evidence_dir = session.paths.evidence_dir
    try:
        size = source.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise UserError("evidence.too_large", size=format_size(size), max=format_size(MAX_EVIDENCE_BYTES))
        sha, _ = sha256_file(source)
        stored_name = f"{sha[:2]}/{sha}{_safe_suffix(source.name)}"
        target = evidence_dir / stored_name
        if not target.exists():
            new_folder = not target.parent.exists()
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(source, partial)
            with open(partial, "rb") as fh:
                os.fsync(fh.fileno())
            copied_sha, size = sha256_file(partial)
            if copied_sha != sha:  # the stick was pulled or the file changed while copying
                partial.unlink(missing_ok=True)
                raise UserError("evidence.read_failed", path=str(source), detail="nội dung thay đổi khi sao chép")
            os.replace(partial, target)
            # The file's name must be on disk before the commit that records it (a power cut in between would
            # otherwise leave a record pointing at nothing on a filesystem that orders metadata loosely).
            fsync_dir(target.parent)
            if new_folder:
                fsync_dir(evidence_dir)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.EIO, errno.ENODEV):
            raise UserError("evidence.source_missing", path=str(source)) from exc
        raise UserError("evidence.read_failed", path=str(source), detail=exc.strerror or str(exc)) from exc
    return StoredFile(stored_name, sha, size, nfc(source.name))


def _record_evidence(session: Session, participant: Participant, achievement: Achievement | None,
                     file: StoredFile, note: str = "") -> EvidenceFile:
    return EvidenceFile.create(
        commune=participant.commune_id, participant=participant, achievement=achievement,
        original_name=file.original_name, stored_name=file.stored_name, sha256=file.sha256, size=file.size,
        note=nfc(note), added_at=session.clock.now_iso())


def add_evidence(session: Session, participant_id: int, source: str | os.PathLike,
                 achievement_id: int | None = None, note: str = "") -> EvidenceFile:
    """Copy a file in, then record it for the participant (and one of their achievements) in one commit."""
    file = store_evidence_file(session, source)
    with session.write(Topic.ACHIEVEMENTS):
        participant = Participant.get_by_id(participant_id)
        achievement = Achievement.get_by_id(achievement_id) if achievement_id is not None else None
        return _record_evidence(session, participant, achievement, file, note)


def evidence_path(session: Session, evidence: EvidenceFile) -> Path:
    path = session.paths.evidence_dir / evidence.stored_name
    if not path.is_file():
        raise UserError("evidence.missing_in_workspace", path=str(path))
    return path


def get_evidence(session: Session, evidence_id: int) -> EvidenceFile | None:
    session.activate()
    return EvidenceFile.get_or_none(EvidenceFile.id == evidence_id)


def list_evidence(session: Session, achievement_id: int) -> list[EvidenceFile]:
    session.activate()
    return list(EvidenceFile.select().where(
        (EvidenceFile.achievement == achievement_id) & EvidenceFile.archived_at.is_null()).order_by(EvidenceFile.id))


def evidence_counts(session: Session, participant_id: int) -> dict[int, int]:
    """{achievement id: number of its active evidence files} for one participant, in one query (an achievement
    without evidence is absent)."""
    session.activate()
    of_participant = Achievement.select(Achievement.id).where(Achievement.participant == participant_id)
    query = (EvidenceFile.select(EvidenceFile.achievement, fn.COUNT(EvidenceFile.id))
             .where(EvidenceFile.achievement.in_(of_participant) & EvidenceFile.archived_at.is_null())
             .group_by(EvidenceFile.achievement))
    return {achievement_id: count for achievement_id, count in query.tuples()}


def list_participant_evidence(session: Session, participant_id: int) -> list[EvidenceFile]:
    """Every active evidence file of a participant, whichever achievement it belongs to."""
    session.activate()
    return list(EvidenceFile.select().where(
        (EvidenceFile.participant == participant_id) & EvidenceFile.archived_at.is_null()).order_by(EvidenceFile.id))


def remove_evidence(session: Session, evidence_id: int) -> None:
    """Detach from the record; the stored file stays (other records or packets may use the same content)."""
    with session.write(Topic.ACHIEVEMENTS):
        EvidenceFile.update(archived_at=session.clock.now_iso()).where(EvidenceFile.id == evidence_id).execute()
