"""Emulation campaigns as data: resources/campaigns/*.json, mirrored into the database at start. Campaigns are
reference data shared by every commune of a workspace (they carry no commune). Their file format and reader are in
register/campaign_files.py, loaded only when a file's bytes differ from the stored ones."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from ..changes import Topic
from ..errors import UserError
from ..storage.models import Campaign
from ..storage.session import Session

if TYPE_CHECKING:
    from .campaign_files import CampaignLoadProblem

log = logging.getLogger(__name__)


def read_campaign_files(folder: Path):
    """Valid campaigns and the problems of the invalid files (campaign_files.read_campaign_files); never raises."""
    from . import campaign_files   # the decoding library, only when a file is read

    return campaign_files.read_campaign_files(folder)


def _unknown_files(folder: Path, known: set[str]) -> bool:
    """Whether any campaign file's bytes are not those of a stored campaign (or cannot be read)."""
    for path in folder.glob("*.json"):
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() not in known:
                return True
        except OSError:
            return True
    return False


def sync_campaigns(session: Session, folder: Path) -> list[CampaignLoadProblem]:
    """Insert or update the database copy of every valid campaign file; never deletes (records refer to them)."""
    session.activate()
    stored = dict(Campaign.select(Campaign.code, Campaign.file_sha256).tuples())
    if not _unknown_files(folder, set(stored.values())):
        return []        # an ordinary start: every file is the one stored, nothing to decode
    from .campaign_files import CampaignLoadProblem

    campaigns, problems = read_campaign_files(folder)
    changed = [c for c in campaigns if stored.get(c.code) != c.sha256]
    if changed:  # nothing to write at an ordinary start: no transaction, no disk sync
        try:
            _store(session, changed)
        except UserError:
            raise            # a full or read-only disk: the start-up names it
        except Exception as exc:  # noqa: BLE001 — a campaign the database refuses is skipped, not a crash
            log.exception("campaigns not stored")
            problems.append(CampaignLoadProblem(", ".join(c.file for c in changed), f"{type(exc).__name__}: {exc}"))
    for problem in problems:
        log.warning("campaign file skipped: %s", problem.text)
    return problems


def _builtins(content) -> dict:
    import msgspec

    return msgspec.to_builtins(content)


def _store(session: Session, campaigns: list) -> None:
    with session.write(Topic.CAMPAIGNS):
        for loaded in campaigns:
            c = loaded.content
            fields = dict(number=c.number, title=c.title, issued_on=c.issued_on, issuer=c.issuer,
                          period_start=c.period_start, period_end=c.period_end,
                          data=_builtins(c), source=c.source, file_sha256=loaded.sha256)
            existing = Campaign.get_or_none(Campaign.code == c.code)
            if existing is None:
                Campaign.create(code=c.code, **fields)
            else:
                Campaign.update(**fields).where(Campaign.id == existing.id).execute()


def list_campaigns(session: Session) -> list[Campaign]:
    session.activate()
    return list(Campaign.select().order_by(Campaign.issued_on.desc(), Campaign.code))


def label(campaign: Campaign) -> str:
    return f"{campaign.number} — {campaign.title}"


def content_text(campaign: Campaign, code: str) -> str:
    return next((c["text"] for c in campaign.data.get("contents", []) if c["code"] == code), code)


def field_text(campaign: Campaign, code: str) -> str:
    return next((c["text"] for c in campaign.data.get("priority_fields", []) if c["code"] == code), code)
