"""Achievements of a participant in a campaign, with their evidence files kept inside the workspace."""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

from ..dates import now_iso
from ..errors import UserError, ValidationError
from ..storage.models import Achievement, Campaign, EvidenceFile, Participant, database_proxy
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


def _index(a: Achievement) -> None:
    db = database_proxy
    db.execute_sql("DELETE FROM achievement_fts WHERE rowid = ?", (a.id,))
    if a.archived_at is None:
        db.execute_sql("INSERT INTO achievement_fts(rowid, search_text) VALUES (?, ?)", (a.id, a.search_text))
    # The participant is found by its achievements' words too: its search document includes them.
    index_participant(Participant.get_by_id(a.participant_id))


def save_achievement(participant: Participant, values: dict, achievement_id: int | None = None) -> Achievement:
    campaign = Campaign.get_or_none(Campaign.id == values.get("campaign_id")) if values.get("campaign_id") else None
    clean = validate_achievement(values, campaign)
    now = now_iso()
    with database_proxy.atomic():
        if achievement_id is None:
            a = Achievement(commune=participant.commune_id, participant=participant, created_at=now)
        else:
            a = Achievement.get_by_id(achievement_id)
        a.campaign = campaign
        for key in ("title", "description", "results", "date_from", "date_to", "content_codes", "field_codes"):
            setattr(a, key, clean[key])
        a.search_text = fold(" ".join((a.title, a.description, a.results)))
        a.updated_at = now
        a.save()
        _index(a)
    return a


def set_archived(achievement: Achievement, archived: bool) -> None:
    with database_proxy.atomic():
        achievement.archived_at = now_iso() if archived else None
        achievement.updated_at = now_iso()
        achievement.save()
        _index(achievement)


def list_achievements(participant: Participant, include_archived: bool = False) -> list[Achievement]:
    query = Achievement.select().where(Achievement.participant == participant)
    if not include_archived:
        query = query.where(Achievement.archived_at.is_null())
    return list(query.order_by(Achievement.date_from.desc(nulls="LAST"), Achievement.id))


def achievement_form_values(a: Achievement) -> dict:
    from ..dates import format_vn_date

    return {"campaign_id": a.campaign_id, "title": a.title, "description": a.description,
            "results": a.results, "date_from": format_vn_date(a.date_from), "date_to": format_vn_date(a.date_to),
            "content_codes": list(a.content_codes), "field_codes": list(a.field_codes)}


# --- evidence files -------------------------------------------------------------------------------

def _hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _safe_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if len(suffix) <= 10 and suffix[1:].isalnum() else ""


def add_evidence(evidence_dir: Path, participant: Participant, source: str | os.PathLike,
                 achievement: Achievement | None = None, note: str = "") -> EvidenceFile:
    """Copy a file into the workspace (content-addressed by SHA-256) so it survives the USB stick leaving."""
    source = Path(source)
    if not source.is_file():
        raise UserError("evidence.source_missing", path=str(source))
    try:
        size = source.stat().st_size
        if size > MAX_EVIDENCE_BYTES:
            raise UserError("evidence.too_large", size_mb=size // (1 << 20), max_mb=MAX_EVIDENCE_BYTES >> 20)
        sha, _ = _hash_file(source)
        stored_name = f"{sha[:2]}/{sha}{_safe_suffix(source.name)}"
        target = evidence_dir / stored_name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(source, partial)
            with open(partial, "rb") as fh:
                os.fsync(fh.fileno())
            copied_sha, size = _hash_file(partial)
            if copied_sha != sha:  # the stick was pulled or the file changed while copying
                partial.unlink(missing_ok=True)
                raise UserError("evidence.read_failed", path=str(source), detail="nội dung thay đổi khi sao chép")
            os.replace(partial, target)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.EIO, errno.ENODEV):
            raise UserError("evidence.source_missing", path=str(source)) from exc
        raise UserError("evidence.read_failed", path=str(source), detail=exc.strerror or str(exc)) from exc
    return EvidenceFile.create(
        commune=participant.commune_id, participant=participant, achievement=achievement,
        original_name=nfc(source.name), stored_name=stored_name, sha256=sha, size=size,
        note=nfc(note), added_at=now_iso())


def evidence_path(evidence_dir: Path, evidence: EvidenceFile) -> Path:
    path = evidence_dir / evidence.stored_name
    if not path.is_file():
        raise UserError("evidence.missing_in_workspace", path=str(path))
    return path


def list_evidence(achievement: Achievement) -> list[EvidenceFile]:
    return list(EvidenceFile.select().where(
        (EvidenceFile.achievement == achievement) & EvidenceFile.archived_at.is_null()).order_by(EvidenceFile.id))


def remove_evidence(evidence: EvidenceFile) -> None:
    """Detach from the record; the stored file stays (other records or packets may use the same content)."""
    evidence.archived_at = now_iso()
    evidence.save()


__all__ = ["validate_achievement", "save_achievement", "list_achievements", "add_evidence", "evidence_path",
           "list_evidence", "remove_evidence", "set_archived", "ValidationError"]
