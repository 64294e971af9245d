"""What the receiving screen and the command line list: packets with their verdicts, imported rounds, the
documents a round came with — and how a packet record reads in Vietnamese."""
from __future__ import annotations

from pathlib import Path

from ...errors import message_text
from ...fingerprints import format_fingerprint
from ...storage.models import ImportedRound, NominationRound, ReceivedPacket
from ...storage.session import Session
from ...vocabulary import SUPERSEDED
from ..packets import format as fmt
from ..packets import verdict_label
from .trust import NEEDS_CONFIRMATION


def record_verdict_label(record: ReceivedPacket) -> str:
    return verdict_label(record.verdict)


def record_reason_text(record: ReceivedPacket) -> str:
    return message_text(f"packets.reason.{record.reason}") if record.reason else ""


def record_outcome_label(record: ReceivedPacket) -> str:
    return message_text(f"receiving.outcome.{record.outcome}")


def record_fingerprint_display(record: ReceivedPacket) -> str:
    return format_fingerprint(record.signer_fingerprint) if record.signer_fingerprint else ""


def get_received_packet(session: Session, record_id: int | None) -> ReceivedPacket | None:
    if record_id is None:
        return None
    session.activate()
    return ReceivedPacket.get_or_none(ReceivedPacket.id == record_id)


def received_packets(session: Session) -> list[ReceivedPacket]:
    session.activate()
    return list(ReceivedPacket.select().order_by(ReceivedPacket.received_at.desc(), ReceivedPacket.id.desc()))


def imported_rounds(session: Session, include_superseded: bool = True) -> list[NominationRound]:
    session.activate()
    q = (NominationRound.select().join(ImportedRound, on=(ImportedRound.round == NominationRound.id)))
    if not include_superseded:
        q = q.where(NominationRound.status != SUPERSEDED)
    return list(q.order_by(NominationRound.commune, NominationRound.number, NominationRound.version.desc()))


def round_documents_folder(session: Session, round_id: int) -> Path | None:
    session.activate()
    link = ImportedRound.get_or_none(ImportedRound.round == round_id)
    return session.paths.root / link.extracted_path if link else None


def is_safe_to_open(path: Path) -> bool:
    """Only a regular file of an allowed type whose name hides nothing may be handed to the desktop shell (packets
    received before these rules were checked may still hold others)."""
    try:
        return (path.is_file() and not path.is_symlink() and fmt.file_type(path.name) in fmt.DOCUMENT_TYPES | fmt.EVIDENCE_TYPES
                and not fmt.hidden_characters(path.name))
    except OSError:
        return False


def round_document_files(session: Session, round_id: int) -> list[Path]:
    """The documents (PDF, .docx) the commune sent with the round, as kept in the inbox — only those."""
    folder = round_documents_folder(session, round_id)
    if folder is None or not (folder / fmt.DOCUMENTS_DIR).is_dir():
        return []
    return sorted(p for p in (folder / fmt.DOCUMENTS_DIR).rglob("*")
                  if fmt.file_type(p.name) in fmt.DOCUMENT_TYPES and is_safe_to_open(p))


def pending_confirmations(session: Session) -> list[ReceivedPacket]:
    session.activate()
    return list(ReceivedPacket.select().where(ReceivedPacket.outcome == NEEDS_CONFIRMATION)
                .order_by(ReceivedPacket.id))
