"""Emulation campaigns as data: resources/campaigns/*.json, mirrored into the database at start."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import message_text
from ..storage.models import Campaign
from ..text import nfc

log = logging.getLogger(__name__)

_REQUIRED = {"schema_version": int, "code": str, "number": str, "issued_on": str, "issuer": str,
             "title": str, "period_start": int, "period_end": int, "contents": list,
             "priority_fields": list, "award_forms": list, "source": str}


@dataclass
class CampaignLoadProblem:
    file: str
    detail: str

    @property
    def text(self) -> str:
        return message_text("campaign.file_invalid", file=self.file, detail=self.detail)


def _normalise(value):
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    return value


def _check(data) -> str | None:
    if not isinstance(data, dict):
        return "nội dung phải là một đối tượng JSON"
    for key, typ in _REQUIRED.items():
        if key not in data:
            return f"thiếu trường '{key}'"
        if not isinstance(data[key], typ):
            return f"trường '{key}' sai kiểu"
    if data["schema_version"] != 1:
        return f"phiên bản định dạng {data['schema_version']} chưa được hỗ trợ"
    for key in ("contents", "priority_fields", "award_forms"):
        codes = []
        for item in data[key]:
            if not (isinstance(item, dict) and isinstance(item.get("code"), str) and isinstance(item.get("text"), str)):
                return f"mỗi mục của '{key}' cần có 'code' và 'text'"
            codes.append(item["code"])
        if len(codes) != len(set(codes)):
            return f"mã trùng trong '{key}'"
    try:
        date.fromisoformat(data["issued_on"])
    except ValueError:
        return "ngày ban hành 'issued_on' không hợp lệ (YYYY-MM-DD)"
    return None


def read_campaign_files(folder: Path) -> tuple[list[dict], list[CampaignLoadProblem]]:
    """Valid campaign dicts (with their file's sha256) and the problems of the invalid files."""
    campaigns, problems = [], []
    for path in sorted(folder.glob("*.json")):
        raw = path.read_bytes()
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(CampaignLoadProblem(path.name, f"không đọc được JSON ({exc})"))
            continue
        detail = _check(data)
        if detail:
            problems.append(CampaignLoadProblem(path.name, detail))
            continue
        data = _normalise(data)
        data["_sha256"] = hashlib.sha256(raw).hexdigest()
        data["_file"] = path.name
        campaigns.append(data)
    return campaigns, problems


def sync_campaigns(folder: Path) -> list[CampaignLoadProblem]:
    """Insert or update the database copy of every valid campaign file; never deletes (records refer to them)."""
    campaigns, problems = read_campaign_files(folder)
    for data in campaigns:
        fields = dict(
            number=data["number"], title=data["title"], issued_on=date.fromisoformat(data["issued_on"]),
            issuer=data["issuer"], period_start=data["period_start"], period_end=data["period_end"],
            data={k: v for k, v in data.items() if not k.startswith("_")},
            source=data["source"], file_sha256=data["_sha256"],
        )
        existing = Campaign.get_or_none(Campaign.code == data["code"])
        if existing is None:
            Campaign.create(code=data["code"], **fields)
        elif existing.file_sha256 != data["_sha256"]:
            Campaign.update(**fields).where(Campaign.id == existing.id).execute()
    for problem in problems:
        log.warning("campaign file skipped: %s", problem.text)
    return problems


def list_campaigns() -> list[Campaign]:
    return list(Campaign.select().order_by(Campaign.issued_on.desc(), Campaign.code))


def label(campaign: Campaign) -> str:
    return f"{campaign.number} — {campaign.title}"


def content_text(campaign: Campaign, code: str) -> str:
    return next((c["text"] for c in campaign.data.get("contents", []) if c["code"] == code), code)


def field_text(campaign: Campaign, code: str) -> str:
    return next((c["text"] for c in campaign.data.get("priority_fields", []) if c["code"] == code), code)
