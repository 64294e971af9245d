"""Trust at the receiving level: the workspace's role, which keys are trusted for which commune (keyed by the
commune's administrative code: a key is trusted before the commune's first record exists), and the state a new
packet of a commune is classified against."""
from __future__ import annotations

from ...changes import Topic
from ...errors import UserError
from ...register.communes import is_receiver
from ...storage.models import ReceivedPacket, TrustedKey
from ...storage.session import Session
from ..packets import CommuneState

IMPORTED, SUPERSEDED, DUPLICATE_OUTCOME, REJECTED, NEEDS_CONFIRMATION, RESOLVED = (
    "imported", "superseded", "duplicate", "rejected", "needs_confirmation", "resolved")
ACCEPTED_OUTCOMES = (IMPORTED, SUPERSEDED)


def require_receiver(session: Session) -> None:
    if not is_receiver(session):
        raise UserError("receiving.not_receiver")


def commune_state(session: Session, commune_code: str) -> CommuneState:
    session.activate()
    trusted = frozenset(k.fingerprint for k in TrustedKey.select().where(TrustedKey.commune_code == commune_code))
    accepted = ReceivedPacket.select().where((ReceivedPacket.commune_code == commune_code)
                                             & ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES))
    last = accepted.order_by(ReceivedPacket.sequence.desc()).first()
    # Packet ids are checked against every commune's packets: a packet reusing another commune's id must
    # never replace that commune's extracted folder (inbox/<packet id>).
    seen = ReceivedPacket.select(ReceivedPacket.packet_id).where(ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES))
    return CommuneState(trusted_fingerprints=trusted, last_sequence=last.sequence if last else None,
                        last_packet_sha256=last.file_sha256 if last else None,
                        seen_packet_ids=frozenset(r.packet_id for r in seen))


def trust_key(session: Session, commune_code: str, fingerprint: str, *, how: str = "paper", public_key: str = "",
              trusted_by: str = "", received: ReceivedPacket | None = None) -> TrustedKey:
    with session.write(Topic.PACKETS):
        existing = TrustedKey.get_or_none((TrustedKey.commune_code == commune_code)
                                          & (TrustedKey.fingerprint == fingerprint))
        if existing is not None:
            return existing
        return TrustedKey.create(commune_code=commune_code, fingerprint=fingerprint, public_key=public_key, how=how,
                                 trusted_at=session.clock.now_iso(), trusted_by=trusted_by, received_packet=received)


def trusted_keys(session: Session, commune_code: str | None = None) -> list[TrustedKey]:
    session.activate()
    q = TrustedKey.select()
    if commune_code is not None:
        q = q.where(TrustedKey.commune_code == commune_code)
    return list(q.order_by(TrustedKey.commune_code, TrustedKey.trusted_at))
