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
    """The commune's trusted (and retired) keys, its last accepted packet, and its own packet ids.

    Packet ids are the commune's own: another commune reusing one (by mistake or to pre-empt a genuine packet)
    neither makes this commune's packet a duplicate nor shares its extracted folder (inbox/<code>_<packet id>).
    """
    session.activate()
    keys = list(TrustedKey.select().where(TrustedKey.commune_code == commune_code))
    accepted = list(ReceivedPacket.select(ReceivedPacket.packet_id, ReceivedPacket.file_sha256,
                                          ReceivedPacket.sequence)
                    .where((ReceivedPacket.commune_code == commune_code)
                           & ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES)))
    last = max(accepted, key=lambda r: (r.sequence or 0)) if accepted else None
    seen = {r.packet_id: r.file_sha256 for r in accepted if r.packet_id}
    return CommuneState(trusted_fingerprints=frozenset(k.fingerprint for k in keys),
                        last_sequence=last.sequence if last else None,
                        last_packet_sha256=last.file_sha256 if last else None,
                        seen_packet_ids=frozenset(seen), seen_packets=seen,
                        retired={k.fingerprint: k.retired_at for k in keys if k.retired_at},
                        replaced_by={k.fingerprint: k.replaced_by for k in keys if k.replaced_by})


def trust_key(session: Session, commune_code: str, fingerprint: str, *, how: str = "paper", public_key: str = "",
              trusted_by: str = "", received: ReceivedPacket | None = None) -> TrustedKey:
    with session.write(Topic.PACKETS):
        existing = TrustedKey.get_or_none((TrustedKey.commune_code == commune_code)
                                          & (TrustedKey.fingerprint == fingerprint))
        if existing is not None:
            return existing
        return TrustedKey.create(commune_code=commune_code, fingerprint=fingerprint, public_key=public_key, how=how,
                                 trusted_at=session.clock.now_iso(), trusted_by=trusted_by, received_packet=received)


def retire_key(session: Session, commune_code: str, fingerprint: str, *, at: str, replaced_by: str) -> None:
    """The commune replaced `fingerprint` by `replaced_by`: from `at` on, packets it signs are not the commune's,
    and it can announce no other key. A key already retired keeps its first retirement."""
    with session.write(Topic.PACKETS):
        (TrustedKey.update(retired_at=at, replaced_by=replaced_by)
         .where((TrustedKey.commune_code == commune_code) & (TrustedKey.fingerprint == fingerprint)
                & TrustedKey.retired_at.is_null()).execute())


def active_keys(session: Session, commune_code: str) -> list[TrustedKey]:
    """The commune's keys that are trusted and not retired."""
    session.activate()
    return list(TrustedKey.select().where((TrustedKey.commune_code == commune_code) & TrustedKey.retired_at.is_null())
                .order_by(TrustedKey.trusted_at))


def trusted_keys(session: Session, commune_code: str | None = None) -> list[TrustedKey]:
    session.activate()
    q = TrustedKey.select()
    if commune_code is not None:
        q = q.where(TrustedKey.commune_code == commune_code)
    return list(q.order_by(TrustedKey.commune_code, TrustedKey.trusted_at))
