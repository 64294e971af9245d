"""The one registry of legal sources (resources/legal/sources.json): each law, decree or plan once, cited by key.

A citation is rendered from the entry in the form of NĐ 30/2020 Phụ lục I (kind, number, date, issuer, title);
templates, criteria sets and the window refer to entries by key and never type a citation themselves. Each
entry records where its facts were read and which of them could not be verified; `unverified_note` is what the
officer is shown about an entry whose facts were not all checked.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .errors import UserError
from .resources import resource_path

REGISTRY_FILE = "sources.json"


@dataclass(frozen=True)
class LegalSource:
    key: str
    kind: str                          # "Luật", "Nghị định", "Kế hoạch", "Quyết định" …
    number: str                        # "152/2025/NĐ-CP"
    issued_on: date | None
    issuer: str                        # "Chính phủ"
    title: str | None                  # exact title (trích yếu)
    style: str                         # "law": "Luật <title> số … ngày …"; "document": "<kind> số … ngày … của <issuer> <title>"
    effective_from: date | None
    effective_to: date | None
    replaces: tuple[str, ...] = ()
    read_at: tuple[str, ...] = ()
    verified: tuple[str, ...] = ()
    not_verified: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Every fact a citation prints is known."""
        return bool(self.number and self.issued_on and self.issuer and self.title and self.effective_from)

    @property
    def fully_verified(self) -> bool:
        return not self.not_verified

    def in_force(self, on: date) -> bool:
        if self.effective_from is None or on < self.effective_from:
            return False
        return self.effective_to is None or on <= self.effective_to

    # --- citations -------------------------------------------------------------------------------------

    def citation(self) -> str:
        """Full citation in the NĐ 30/2020 form, e.g. 'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của
        Chính phủ quy định …' or 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022'."""
        if not self.complete:
            raise UserError("legal.incomplete", key=self.key)
        when = long_date(self.issued_on)
        if self.style == "law":
            return f"{self.kind} {self.title} số {self.number} ngày {when}"
        return f"{self.kind} số {self.number} ngày {when} của {self.issuer} {self.title}"

    def short(self) -> str:
        """'Nghị định số 152/2025/NĐ-CP', 'Luật Thi đua, khen thưởng số 06/2022/QH15' (inside a sentence)."""
        if self.style == "law" and self.title:
            return f"{self.kind} {self.title} số {self.number}"
        return f"{self.kind} số {self.number}"

    def reference(self, article: str = "") -> str:
        """A criterion's citation: short form and the article ('…, Điều 74 khoản 1')."""
        return f"{self.short()}, {article}" if article else self.short()

    @property
    def unverified_note(self) -> str:
        return "; ".join(self.not_verified)


def long_date(d: date) -> str:
    """'ngày' words of a citation: '14 tháng 6 năm 2025' (day padded; months 1 and 2 padded, NĐ 30/2020)."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d} tháng {month} năm {d.year}"


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _parse(key: str, raw: dict) -> LegalSource:
    checked = raw.get("checked", {})
    return LegalSource(
        key=key, kind=raw["kind"], number=raw["number"], issued_on=_date(raw.get("date")), issuer=raw["issuer"],
        title=raw.get("title"), style=raw.get("style", "document"),
        effective_from=_date(raw.get("effective_from")), effective_to=_date(raw.get("effective_to")),
        replaces=tuple(raw.get("replaces", ())), read_at=tuple(checked.get("read_at", ())),
        verified=tuple(checked.get("verified", ())), not_verified=tuple(checked.get("not_verified", ())))


@lru_cache(maxsize=4)
def _load(root: str) -> dict[str, LegalSource]:
    path = Path(root) / REGISTRY_FILE if root else resource_path("legal", REGISTRY_FILE)
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        return {key: _parse(key, entry) for key, entry in raw["sources"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError("legal.registry_invalid", detail=str(exc)) from exc


def registry(root: Path | None = None) -> dict[str, LegalSource]:
    """Every entry of the registry, by key (cached)."""
    return _load(str(root) if root else "")


def source(key: str) -> LegalSource:
    found = registry().get(key)
    if found is None:
        raise UserError("legal.unknown_source", key=key)
    return found


def require_in_force(keys, on: date, document: str = "") -> None:
    """A document dated `on` cites only sources in force that day (a repealed decree is never cited)."""
    for key in keys:
        s = source(key)
        if not s.in_force(on):
            raise UserError("legal.not_in_force", citation=s.short(), date=on.strftime("%d/%m/%Y"),
                            document=document)
