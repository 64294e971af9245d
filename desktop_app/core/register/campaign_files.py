"""The campaign files' declared format (resources/campaigns/*.json, resources/campaigns/README.md) and their reader.
A module of its own: the start decodes a file only when its bytes are not the ones already stored, so an ordinary
start does not load the decoding library (register/campaigns.py)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from ..decoding import DecodeProblem, decode_json, nfc_strings
from ..errors import message_text
from ..vocabulary import current_code

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
