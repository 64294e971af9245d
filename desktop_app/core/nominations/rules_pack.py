"""The province's own rules as an optional, signed layer on top of the national criteria (Luật 06/2022, NĐ 152/2025).

The receiving level (the province's Sở Nội vụ) publishes a rules pack: its regulation on thi đua, khen thưởng (the
citation the commune's documents then give), council vote thresholds, dossier deadlines and its own criteria sets
(the detail each province gives to Điều 74 of the law). The pack is a JSON file signed with the province's Ed25519
key; the commune imports it (`python main.py import-rules FILE`, or from the dossier screen). The first pack of a
province is trusted once the officer has compared its key's fingerprint with the one the province published; a
later pack must be signed by the same key. Without a pack only the national criteria apply and the documents cite
no provincial regulation.

File format (`format` "sothidua-rules-pack", schema 1):
    {"format": "sothidua-rules-pack", "schema_version": 1,
     "pack": {"id", "version", "province", "published_on", "fictitious": bool,
              "regulation": {kind, number, date, issuer, title, effective_from, effective_to},
              "council": {"thresholds_percent": {award form: percent|null}, "article"},
              "deadlines": [{"what", "days_after_meeting", "article"}],
              "criteria_sets": [criteria set objects as in resources/criteria/, ids starting with "tinh."]},
     "public_key": PEM, "signature": base64 of Ed25519 over the canonical JSON of "pack"}
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .. import decoding
from ..changes import Topic
from ..errors import UserError
from ..fingerprints import format_fingerprint, normalize_fingerprint
from ..legal import LegalSource, long_date
from ..storage.models import Setting
from ..storage.session import Session
from ..vocabulary import NOMINATION_FORMS

FORMAT = "sothidua-rules-pack"
PACK_SETTING = "rules_pack"                   # the imported pack file, as imported (signature included)
TRUST_SETTING = "rules_pack.fingerprint"      # the province key the commune trusts
MAX_BYTES = 2 * 1024 * 1024


# ----- the file's declared format (typed decoding, core/decoding.py) -----------------------------------------

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]
Article = Annotated[str, msgspec.Meta(max_length=500)]
PackId = Annotated[str, msgspec.Meta(min_length=1, max_length=80, pattern=decoding.pattern(
    r"^[0-9A-Za-z_.-]+\Z", "chỉ gồm chữ không dấu, chữ số, “_”, “.” và “-”"))]
FormCode = Literal[tuple(NOMINATION_FORMS)]
Percent = Annotated[float, msgspec.Meta(gt=0, le=100)]


class PackFile(msgspec.Struct, forbid_unknown_fields=True):
    """The signed envelope; `pack` stays a plain object until its signature (over its canonical JSON) is checked."""

    format: str
    schema_version: Any
    pack: dict[str, Any]
    public_key: Annotated[str, msgspec.Meta(max_length=4000)]
    signature: Annotated[str, msgspec.Meta(max_length=400)]


class RegulationData(msgspec.Struct, forbid_unknown_fields=True):
    kind: Text
    number: Text
    date: date
    issuer: Text
    title: Text
    effective_from: date
    effective_to: date | None = None


class CouncilData(msgspec.Struct, forbid_unknown_fields=True):
    thresholds_percent: dict[FormCode, Percent | None] = {}
    article: Article = ""


class DeadlineData(msgspec.Struct, forbid_unknown_fields=True):
    what: Text
    days_after_meeting: Annotated[int, msgspec.Meta(ge=0, le=3650)]
    article: Article = ""


class PackData(msgspec.Struct, forbid_unknown_fields=True):
    id: PackId
    version: Annotated[int, msgspec.Meta(ge=1)]
    province: Text
    regulation: RegulationData
    published_on: date | None = None
    fictitious: bool = False
    council: CouncilData = msgspec.field(default_factory=CouncilData)
    deadlines: Annotated[list[DeadlineData], msgspec.Meta(max_length=100)] = []
    # Each set is a criteria set file's content, decoded by nominations/criteria/schema.py when it is loaded.
    criteria_sets: Annotated[list[dict[str, Any]], msgspec.Meta(max_length=200)] = []


def canonical(pack: dict) -> bytes:
    """The bytes the province signs: the pack object as sorted, compact UTF-8 JSON."""
    return json.dumps(pack, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Deadline:
    what: str
    days_after_meeting: int
    article: str = ""

    def due(self, meeting: date) -> date:
        return meeting + timedelta(days=self.days_after_meeting)


@dataclass(frozen=True)
class RulesPack:
    """An imported (or inspected) pack: what it says, who signed it."""

    id: str
    version: int
    province: str
    published_on: date | None
    fictitious: bool
    regulation: LegalSource
    thresholds: dict[str, Fraction | None]
    thresholds_article: str
    deadlines: tuple[Deadline, ...]
    criteria_sets: tuple[dict, ...]
    fingerprint: str
    raw: dict

    @property
    def label(self) -> str:
        mark = " — GÓI MẪU GIẢ ĐỊNH, không dùng thật" if self.fictitious else ""
        return f"Gói quy định của {self.province}, phiên bản {self.version}{mark}"

    def citation(self) -> str:
        return self.regulation.citation()

    def reference(self, article: str = "") -> str:
        return f"{self.regulation.reference(article)} ({self.label})"


def _public_key(pem: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, TypeError, UnsupportedAlgorithm, UnicodeEncodeError):
        raise UserError("rules_pack.bad_key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise UserError("rules_pack.bad_key")
    return key


def _fingerprint(key: Ed25519PublicKey) -> str:
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def parse_pack(raw: dict) -> RulesPack:
    """Check the signature and the content of a pack (as decoded JSON); UserError names what is wrong."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise UserError("rules_pack.not_a_pack")
    if raw.get("schema_version") != 1:
        raise UserError("rules_pack.newer_format", found=raw.get("schema_version"))
    try:
        envelope = decoding.convert(raw, PackFile)
    except decoding.DecodeProblem as problem:
        raise UserError("rules_pack.invalid", detail=problem.text) from None
    key = _public_key(envelope.public_key)
    try:
        key.verify(base64.b64decode(envelope.signature, validate=True), canonical(envelope.pack))
    except (InvalidSignature, ValueError):
        raise UserError("rules_pack.bad_signature") from None
    try:
        pack = decoding.convert(envelope.pack, PackData)
    except decoding.DecodeProblem as problem:
        raise UserError("rules_pack.invalid", detail=problem.text.replace("$", "$.pack", 1)) from None
    reg = pack.regulation
    regulation = LegalSource(
        key=f"pack:{pack.id}", kind=reg.kind, number=reg.number, issued_on=reg.date, issuer=reg.issuer,
        title=reg.title, style="document", effective_from=reg.effective_from, effective_to=reg.effective_to,
        read_at=(f"gói quy định do {pack.province} ký",), verified=("kind", "number", "date", "issuer", "title"))
    thresholds = {form: None if percent is None else Fraction(str(percent)) / 100
                  for form, percent in pack.council.thresholds_percent.items()}
    for s in pack.criteria_sets:
        if not str(s.get("id", "")).startswith("tinh."):
            raise UserError("rules_pack.invalid", detail=f"bộ tiêu chuẩn “{s.get('id')}” phải bắt đầu bằng “tinh.”")
    return RulesPack(id=pack.id, version=pack.version, province=pack.province, published_on=pack.published_on,
                     fictitious=pack.fictitious, regulation=regulation, thresholds=thresholds,
                     thresholds_article=pack.council.article,
                     deadlines=tuple(Deadline(d.what, d.days_after_meeting, d.article) for d in pack.deadlines),
                     criteria_sets=tuple(pack.criteria_sets), fingerprint=_fingerprint(key), raw=raw)


def read_pack_file(path: str | Path) -> RulesPack:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)   # never more: a huge file on the stick is refused, not loaded
    except OSError as exc:
        raise UserError("rules_pack.unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise UserError("rules_pack.too_big")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):   # RecursionError: nesting deeper than the parser goes
        raise UserError("rules_pack.not_a_pack") from None
    return parse_pack(raw)


def import_pack(session: Session, path: str | Path, *, trust_fingerprint: str | None = None) -> RulesPack:
    """Import a province's rules pack. The first pack (or a pack signed by another key) is imported only with the
    fingerprint the officer compared with the one the province published (`trust_fingerprint`); a later pack of the
    trusted key is imported at once. An older version than the one imported is refused."""
    pack = read_pack_file(path)
    trusted = session.setting(TRUST_SETTING, "") or ""
    if pack.fingerprint != trusted:
        if not trust_fingerprint:
            raise UserError("rules_pack.confirm_fingerprint", province=pack.province,
                            fingerprint=format_fingerprint(pack.fingerprint))
        if normalize_fingerprint(trust_fingerprint) != pack.fingerprint:
            raise UserError("rules_pack.fingerprint_mismatch", fingerprint=format_fingerprint(pack.fingerprint))
    current = current_pack(session)
    if current is not None and current.id == pack.id and pack.version < current.version:
        raise UserError("rules_pack.older", version=pack.version, current=current.version)
    with session.write(Topic.CHECKLISTS, Topic.ROUNDS, Topic.DOCUMENTS):
        Setting.insert(key=PACK_SETTING, value=json.dumps(pack.raw, ensure_ascii=False)).on_conflict_replace().execute()
        Setting.insert(key=TRUST_SETTING, value=pack.fingerprint).on_conflict_replace().execute()
    return pack


def current_pack(session: Session) -> RulesPack | None:
    """The imported pack (checked again: a pack edited in the database is refused), or None."""
    text = session.setting(PACK_SETTING, "") if session is not None else ""
    if not text:
        return None
    pack = parse_pack(json.loads(text))
    if pack.fingerprint != (session.setting(TRUST_SETTING, "") or ""):
        raise UserError("rules_pack.bad_signature")
    return pack


def remove_pack(session: Session) -> None:
    """Back to the national criteria only (the trusted key is kept: a later pack of it needs no new check)."""
    with session.write(Topic.CHECKLISTS, Topic.ROUNDS, Topic.DOCUMENTS):
        Setting.delete().where(Setting.key == PACK_SETTING).execute()


def deadline_lines(pack: RulesPack | None, meeting: date | None) -> list[str]:
    """'Hồ sơ đề nghị …: nộp trước ngày 27 tháng 3 năm 2026 (Quyết định số …, Điều 9)' for the dossier screen."""
    if pack is None or meeting is None:
        return []
    return [f"{d.what}: chậm nhất ngày {long_date(d.due(meeting))} ({pack.regulation.reference(d.article)})"
            for d in pack.deadlines]
