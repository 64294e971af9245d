"""A dry run of an import (issue 16): what receiving a packet would add, update and supersede, before anything is
committed — read only, nothing copied, nothing recorded."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ...storage.models import (Achievement, Award, Checklist, Commune, EvidenceFile, NominationRound, Nominee,
                               Participant)
from ...storage.session import Session
from ...vocabulary import SUPERSEDED
from ...errors import message_text
from ..packets import check_packet, classify_packet, verdict_label
from .trust import commune_state


@dataclass
class Preview:
    """What the import of one packet would do. `verdict`: what receiving it would say (valid: it would import)."""

    file_name: str
    verdict: str
    verdict_label: str
    reason: str | None
    commune_code: str = ""
    commune_name: str = ""
    round_number: int | None = None
    round_version: int | None = None
    new_commune: bool = False
    added: dict[str, int] = field(default_factory=dict)     # table → rows that would be new
    updated: dict[str, int] = field(default_factory=dict)   # table → rows that exist and would be rewritten
    superseded: list[str] = field(default_factory=list)     # "Đợt 1 (lần 1)" rounds this one would replace
    new_names: list[str] = field(default_factory=list)      # participants that would be new

    @property
    def would_import(self) -> bool:
        return self.verdict == "valid"


def _split(model, uids: list[str]) -> tuple[int, int]:
    if not uids:
        return 0, 0
    known = {r.uid for r in model.select(model.uid).where(model.uid.in_(uids))}
    return len(set(uids) - known), len(set(uids) & known)


def preview_packet(session: Session, source: str | os.PathLike) -> Preview:
    """Check the packet where it lies and compare its content with this workspace; nothing is written."""
    session.activate()
    check = check_packet(Path(source))
    m = check.manifest
    cls = classify_packet(check, commune_state(session, m.commune_code)) if m is not None else None
    verdict = cls.verdict if cls is not None else check.verdict
    p = Preview(Path(source).name, verdict, verdict_label(verdict), cls.reason if cls else check.reason)
    if m is None:
        return p
    p.commune_code, p.commune_name = m.commune_code, m.commune_name
    p.round_number, p.round_version = m.round_number, m.round_version
    data = check.data
    if data is None:
        return p
    p.new_commune = Commune.get_or_none(Commune.uid == data.commune.uid) is None
    for table, model, uids in (
            ("participant", Participant, [x.uid for x in data.participants]),
            ("achievement", Achievement, [x.uid for x in data.achievements]),
            ("evidence_file", EvidenceFile, [x.uid for x in data.evidence]),
            ("award", Award, [x.uid for x in data.awards]),
            ("checklist", Checklist, [x.uid for x in data.checklists]),
            ("nomination_round", NominationRound, [data.round.uid]),
            ("nominee", Nominee, [x.uid for x in data.nominees])):
        new, old = _split(model, uids)
        p.added[table], p.updated[table] = new, old
    known = {r.uid for r in Participant.select(Participant.uid).where(
        Participant.uid.in_([x.uid for x in data.participants]))}
    p.new_names = sorted(x.name for x in data.participants if x.uid not in known)
    commune = Commune.get_or_none(Commune.uid == data.commune.uid)
    if commune is not None:
        for old in NominationRound.select().where((NominationRound.commune == commune)
                                                  & (NominationRound.number == data.round.number)
                                                  & (NominationRound.version < data.round.version)
                                                  & (NominationRound.status != SUPERSEDED)):
            p.superseded.append(message_text("receiving.round_name", commune=commune.name, number=old.number,
                                             version=old.version))
    return p
