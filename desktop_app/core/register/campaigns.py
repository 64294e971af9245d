"""Emulation campaigns as data: resources/campaigns/*.json, mirrored into the database at start. Campaigns are
reference data shared by every commune of a workspace (they carry no commune)."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from ..changes import Topic
from ..decoding import DecodeProblem, decode_json, nfc_strings
from ..errors import UserError, message_text
from ..storage.models import Campaign
from ..storage.session import Session
from ..vocabulary import current_code

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 1 << 20


Code = Annotated[str, msgspec.Meta(min_length=1, max_length=80, pattern=r"^[0-9A-Za-z_.-]+\Z")]
Line = Annotated[str, msgspec.Meta(max_length=2000)]
Year = Annotated[int, msgspec.Meta(ge=1945, le=2200)]


class CodedText(msgspec.Struct, forbid_unknown_fields=True):
    """One content, priority field or award form of a campaign: its code and its words in the plan."""

    code: Code
    text: Annotated[str, msgspec.Meta(max_length=20000)]
    decided_by: Line = ""


class CampaignFile(msgspec.Struct, forbid_unknown_fields=True):
    """resources/campaigns/*.json (resources/campaigns/README.md). Sizes and years are bounded: an edited file
    with a 30-digit year would otherwise fail every start when it is stored."""

    schema_version: Literal[1]
    code: Code
    number: Line
    issued_on: date
    issuer: Line
    title: Line
    period_start: Year
    period_end: Year
    contents: Annotated[list[CodedText], msgspec.Meta(max_length=500)]
    priority_fields: Annotated[list[CodedText], msgspec.Meta(max_length=500)]
    award_forms: Annotated[list[CodedText], msgspec.Meta(max_length=100)]
    source: Line
    kind: Line = ""
    participants: Annotated[dict[Line, Line], msgspec.Meta(max_length=100)] = {}


@dataclass
class CampaignLoadProblem:
    file: str
    detail: str

    @property
    def text(self) -> str:
        return message_text("campaign.file_invalid", file=self.file, detail=self.detail)


@dataclass(frozen=True)
class LoadedCampaign:
    """A valid campaign file: its content, the SHA-256 of its bytes and its name."""

    content: CampaignFile
    sha256: str
    file: str

    @property
    def code(self) -> str:
        return self.content.code


def _check(c: CampaignFile) -> str | None:
    """What the types cannot say: unique codes inside each list."""
    for key in ("contents", "priority_fields", "award_forms"):
        codes = [item.code for item in getattr(c, key)]
        if len(codes) != len(set(codes)):
            return f"mã trùng trong '{key}'"
    return None


def read_campaign_files(folder: Path) -> tuple[list[LoadedCampaign], list[CampaignLoadProblem]]:
    """Valid campaigns (with their file's sha256) and the problems of the invalid files; never raises."""
    campaigns, problems = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
            if len(raw) > MAX_FILE_BYTES:
                raise DecodeProblem(f"tệp lớn hơn {MAX_FILE_BYTES >> 20} MB")
            content = nfc_strings(decode_json(raw, CampaignFile))
            detail = _check(content)
        except DecodeProblem as exc:
            detail = exc.text
        except OSError as exc:
            detail = f"không đọc được tệp ({exc.strerror or exc})"
        except Exception as exc:  # noqa: BLE001 — "never raises": an edited file must not stop every start
            detail = f"{type(exc).__name__}: {exc}"
        if detail:
            problems.append(CampaignLoadProblem(path.name, detail))
            continue
        content.award_forms = [msgspec.structs.replace(f, code=current_code(f.code)) for f in content.award_forms]
        campaigns.append(LoadedCampaign(content, hashlib.sha256(raw).hexdigest(), path.name))
    return campaigns, problems


def sync_campaigns(session: Session, folder: Path) -> list[CampaignLoadProblem]:
    """Insert or update the database copy of every valid campaign file; never deletes (records refer to them)."""
    campaigns, problems = read_campaign_files(folder)
    session.activate()
    stored = dict(Campaign.select(Campaign.code, Campaign.file_sha256).tuples())
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


def _store(session: Session, campaigns: list[LoadedCampaign]) -> None:
    with session.write(Topic.CAMPAIGNS):
        for loaded in campaigns:
            c = loaded.content
            fields = dict(number=c.number, title=c.title, issued_on=c.issued_on, issuer=c.issuer,
                          period_start=c.period_start, period_end=c.period_end,
                          data=msgspec.to_builtins(c), source=c.source, file_sha256=loaded.sha256)
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
