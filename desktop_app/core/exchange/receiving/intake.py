"""Receiving one packet file: copy it off the stick, check it, classify it against the trusted keys and the
commune's sequence, then keep, quarantine or import it — and always write its record with the verdict."""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import peewee as pw

from ...changes import Topic
from ...decoding import DecodeProblem, convert
from ...errors import UserCancelled, UserError, message_text
from ...fingerprints import format_fingerprint, normalize_fingerprint
from ...storage import snapshots
from ...storage.files import fsync_dir, os_error_to_user_error, remove_quietly
from ...storage.models import ReceivedPacket
from ...storage.session import Session
from ..packets import DUPLICATE, UNTRUSTED_SIGNER, VALID, PacketCheck, check_packet, classify_packet, extract_packet
from ..packets import format as fmt
from .importer import ImportDataError, import_round_data, stage_evidence
from .queries import record_fingerprint_display, record_outcome_label, record_reason_text, record_verdict_label
from .round_data import RoundData
from .trust import (ACCEPTED_OUTCOMES, DUPLICATE_OUTCOME, IMPORTED, NEEDS_CONFIRMATION, REJECTED, RESOLVED, SUPERSEDED,
                    commune_state, require_receiver, trust_key)

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
CHUNK = 1024 * 1024


# ----- outcome and report ---------------------------------------------------------------------------------

@dataclass
class ReceiveResult:
    """One packet received: what it is, what happened, and what the officer must do (if anything)."""

    record: ReceivedPacket
    replaced: list[str] = field(default_factory=list)   # "Đợt 1 (lần 1)": rounds this import superseded

    @property
    def outcome(self) -> str:
        return self.record.outcome

    @property
    def needs_confirmation(self) -> bool:
        return self.record.outcome == NEEDS_CONFIRMATION

    @property
    def first_contact(self) -> bool:
        return self.needs_confirmation and self.record.reason == "first_contact"

    def lines(self) -> list[str]:
        r = self.record
        head = message_text("receiving.report.line", name=r.original_name, verdict=record_verdict_label(r),
                            outcome=record_outcome_label(r))
        out = [head]
        if r.commune_code:
            out.append(message_text("receiving.report.what", commune=r.commune_name or r.commune_code,
                                    commune_code=r.commune_code, number=r.round_number or "?",
                                    version=r.round_version or "?", sequence=r.sequence or "?"))
        if r.reason:
            out.append("  " + record_reason_text(r) + (f" ({r.detail})" if r.detail else ""))
        if r.signer_fingerprint:
            out.append("  " + message_text("receiving.report.fingerprint", fingerprint=record_fingerprint_display(r)))
        for text in self.replaced:
            out.append("  " + message_text("receiving.report.replaced", round=text))
        return out


@dataclass
class ImportReport:
    results: list[ReceiveResult] = field(default_factory=list)

    def count(self, *outcomes: str) -> int:
        return sum(1 for r in self.results if r.outcome in outcomes)

    @property
    def superseded_rounds(self) -> list[str]:
        return [t for r in self.results for t in r.replaced]

    def summary(self) -> str:
        return message_text("receiving.report.summary", accepted=self.count(IMPORTED),
                            duplicate=self.count(DUPLICATE_OUTCOME),
                            superseded=len(self.superseded_rounds) + self.count(SUPERSEDED),
                            rejected=self.count(REJECTED), pending=self.count(NEEDS_CONFIRMATION))

    def text(self) -> str:
        lines = [self.summary()]
        for r in self.results:
            lines.extend(r.lines())
        return "\n".join(lines)


# ----- files ----------------------------------------------------------------------------------------------

def _rel(session: Session, p: Path) -> str:
    return p.relative_to(session.paths.root).as_posix()


def _copy_in(session: Session, source: Path, limits: fmt.Limits, progress: Progress | None,
             cancelled: Callable[[], bool] | None) -> tuple[Path | None, str, int]:
    """Copy the packet off the stick into the workspace, hashing; (copy or None when too large, sha256, size)."""
    paths = session.paths
    staging = paths.inbox_dir / ".incoming"
    try:
        staging.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error_to_user_error(exc, paths.inbox_dir) from exc
    tmp = staging / f"{uuid.uuid4().hex}.zip"
    digest, size = hashlib.sha256(), 0
    try:
        src = open(source, "rb")
    except OSError as exc:
        raise UserError("packets.read_failed", path=str(source), detail=exc.strerror or str(exc)) from exc
    try:
        with src:
            total = os.fstat(src.fileno()).st_size
            with open(tmp, "xb") as out:
                while True:
                    try:
                        chunk = src.read(CHUNK)
                    except OSError as exc:
                        raise UserError("packets.read_failed", path=str(source),
                                        detail=exc.strerror or str(exc)) from exc
                    if not chunk:
                        break
                    digest.update(chunk)
                    size += len(chunk)
                    if size > limits.max_packet_bytes:
                        # Never copy an unbounded file; the record still says what arrived and why it was refused.
                        out.close()
                        remove_quietly(tmp)
                        while chunk := src.read(CHUNK):
                            digest.update(chunk)
                            size += len(chunk)
                        return None, digest.hexdigest(), size
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise os_error_to_user_error(exc, paths.inbox_dir) from exc
                    if progress is not None:
                        progress(size, max(total, size), message_text("receiving.progress.copying",
                                                                      name=source.name))
                    if cancelled is not None and cancelled():
                        raise UserCancelled()
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        remove_quietly(tmp)
        raise
    return tmp, digest.hexdigest(), size


def _keep(tmp: Path, folder: Path, sha: str, original_name: str) -> Path:
    """Move the copy to its kept place (content-addressed: the same bytes are kept once)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(original_name).stem)[:60]
    target = folder / f"{sha[:16]}_{stem}.zip"
    if target.exists():
        remove_quietly(tmp)
    else:
        os.replace(tmp, target)
        fsync_dir(folder)
    return target


# ----- receiving one packet -------------------------------------------------------------------------------

def _fields_from_check(check: PacketCheck) -> dict:
    m = check.manifest
    out = {"verdict": check.verdict, "reason": check.reason, "detail": check.detail[:1000],
           "signer_fingerprint": check.signer_fingerprint, "signer_public_key": check.signer_public_key_pem}
    if m is not None:
        out.update(packet_id=m.packet_id, commune_code=m.commune_code, commune_name=m.commune_name,
                   round_number=m.round_number, round_version=m.round_version, sequence=m.sequence,
                   previous_packet_sha256=m.previous_packet_sha256, supersedes_packet_id=m.supersedes_packet_id,
                   created_at=m.created_at)
    return out


def _process(session: Session, kept: Path, *, sha: str, size: int, original_name: str, source_path: str,
             record: ReceivedPacket | None, trust: tuple[str, str] | None, progress: Progress | None,
             accept_order: str = "") -> ReceiveResult:
    """Check and classify the copy at `kept`, then keep, quarantine or import it; write the record.

    accept_order: the officer's written reason for importing a packet that is intact and signed by a trusted
    key but out of sequence (a lost stick, a packet written twice, a commune restored from a backup).
    """
    paths = session.paths
    check = check_packet(kept, progress=progress)
    fields = _fields_from_check(check)
    fields.update(file_sha256=sha, file_size=size, original_name=original_name, source_path=source_path,
                  received_at=session.clock.now_iso())

    def save(outcome: str, where: Path, **extra) -> ReceivedPacket:
        values = dict(fields, outcome=outcome, kept_path=_rel(session, where), **extra)
        with session.write(Topic.PACKETS):
            if record is None:
                return ReceivedPacket.create(**values)
            for k, v in values.items():
                setattr(record, k, v)
            record.save()
            return record

    if not check.is_valid:
        return ReceiveResult(save(REJECTED, _keep(kept, paths.quarantine_dir, sha, original_name)))

    code = check.manifest.commune_code
    mismatch = False
    with session.write(Topic.PACKETS):
        state = commune_state(session, code)
        if trust is not None and check.signer_fingerprint not in state.trusted_fingerprints:
            typed, by = trust
            if typed == check.signer_fingerprint:
                trust_key(session, code, check.signer_fingerprint, how="paper",
                          public_key=check.signer_public_key_pem or "", trusted_by=by)
                state = commune_state(session, code)
            else:
                mismatch = True
        cls = classify_packet(check, state)
        fields.update(verdict=cls.verdict, reason=cls.reason)
    if mismatch and cls.verdict == UNTRUSTED_SIGNER:
        save(NEEDS_CONFIRMATION, _keep(kept, paths.quarantine_dir, sha, original_name))
        raise UserError("receiving.fingerprint_differs", typed=format_fingerprint(trust[0]),
                        actual=format_fingerprint(check.signer_fingerprint))
    if cls.verdict == UNTRUSTED_SIGNER:
        return ReceiveResult(save(NEEDS_CONFIRMATION, _keep(kept, paths.quarantine_dir, sha, original_name)))
    if cls.verdict == DUPLICATE:
        original = (ReceivedPacket.select().where((ReceivedPacket.packet_id == check.manifest.packet_id)
                                                  & ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES)).first())
        folder = paths.inbox_dir / "packets" if original is not None and original.file_sha256 == sha \
            else paths.quarantine_dir
        where = _keep(kept, folder, sha, original_name)
        return ReceiveResult(save(DUPLICATE_OUTCOME, where, round=original.round_id if original else None))
    if cls.verdict == fmt.OUT_OF_SEQUENCE and accept_order:
        fields.update(detail=message_text("receiving.order_accepted", reason=cls.reason, why=accept_order)[:1000])
    elif cls.verdict != VALID:  # out of sequence (a replay, a gap, a broken chain)
        return ReceiveResult(save(REJECTED, _keep(kept, paths.quarantine_dir, sha, original_name)))

    snapshots.backup_before_import(paths)
    extracted = extract_packet(kept, paths.inbox_dir)
    if not extracted.check.is_valid or extracted.folder is None:  # the kept copy changed under us
        fields.update(_fields_from_check(extracted.check))
        return ReceiveResult(save(REJECTED, _keep(kept, paths.quarantine_dir, sha, original_name)))
    where = _keep(kept, paths.inbox_dir / "packets", sha, original_name)
    try:
        data = convert(check.data, RoundData)
        staged = stage_evidence(session, data, extracted.folder)       # file copies: before the transaction
        with session.write(Topic.PACKETS, Topic.ROUNDS, Topic.PARTICIPANTS, Topic.ACHIEVEMENTS, Topic.AWARDS,
                           Topic.CHECKLISTS):
            row = save(IMPORTED, where, extracted_path=_rel(session, extracted.folder))
            if cls.newly_trusted_fingerprint:
                rotation = check.manifest.key_rotation
                trust_key(session, code, cls.newly_trusted_fingerprint, how="rotation",
                          public_key=rotation.new_public_key_pem if rotation else "",
                          trusted_by=message_text("receiving.trusted_by_rotation"), received=row)
            round_, replaced, superseded = import_round_data(session, data, code, extracted.folder, row, staged)
            row.round = round_
            row.outcome = SUPERSEDED if superseded else IMPORTED
            row.save()
            # The same packet received earlier and left waiting for confirmation is settled by this import.
            (ReceivedPacket.update(outcome=RESOLVED)
             .where((ReceivedPacket.packet_id == row.packet_id) & (ReceivedPacket.outcome == NEEDS_CONFIRMATION)
                    & (ReceivedPacket.id != row.id)).execute())
    except (ImportDataError, DecodeProblem, pw.IntegrityError) as exc:
        # A signed packet whose data cannot be imported: nothing of it stays in the database; the packet
        # goes to quarantine with the reason, like any other refused packet.
        log.warning("import of %s failed: %s", original_name, exc)
        shutil.rmtree(extracted.folder, ignore_errors=True)
        where = _keep(where, paths.quarantine_dir, sha, original_name)
        fields.update(reason="import_failed", detail=str(exc)[:1000])
        return ReceiveResult(save(REJECTED, where))
    return ReceiveResult(row, replaced)


def receive_packet(session: Session, source: str | os.PathLike, *, trust_fingerprint: str | None = None,
                   trusted_by: str = "", accept_order: str = "", progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   limits: fmt.Limits = fmt.DEFAULT_LIMITS) -> ReceiveResult:
    """Receive one packet file (from a USB stick or any folder) into this receiving workspace.

    trust_fingerprint: the fingerprint the officer read on the paper Tờ trình (CLI --trust-fingerprint);
    when it equals the packet's signer, the key is trusted and the packet imported; when it differs,
    UserError and nothing is trusted. Without it, a first packet comes back as needs_confirmation.
    accept_order: a written reason to import the packet even if it is out of sequence (see accept_out_of_order).
    """
    require_receiver(session)
    source = Path(source)
    typed = normalize_fingerprint(trust_fingerprint) if trust_fingerprint else None
    tmp, sha, size = _copy_in(session, source, limits, progress, cancelled)
    if tmp is None:
        with session.write(Topic.PACKETS):
            row = ReceivedPacket.create(verdict=fmt.MALFORMED, reason="too_large", detail=f"{size} bytes",
                                        file_sha256=sha, file_size=size, original_name=source.name,
                                        source_path=str(source), kept_path="", outcome=REJECTED,
                                        received_at=session.clock.now_iso())
        return ReceiveResult(row)
    try:
        return _process(session, tmp, sha=sha, size=size, original_name=source.name, source_path=str(source),
                        record=None, trust=(typed, trusted_by) if typed else None, progress=progress,
                        accept_order=" ".join((accept_order or "").split()))
    finally:
        remove_quietly(tmp)


def _reprocess(session: Session, record: ReceivedPacket, **kwargs) -> ReceiveResult:
    """Run a kept packet through the checks again (a confirmation, an accepted order) from a copy of it:
    _process moves its input to where the verdict sends it."""
    kept = session.paths.root / record.kept_path
    if not kept.is_file():
        raise UserError("receiving.kept_file_missing", path=str(kept))
    tmp = session.paths.inbox_dir / ".incoming" / f"{uuid.uuid4().hex}.zip"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(kept, tmp)
    try:
        result = _process(session, tmp, sha=record.file_sha256, size=record.file_size,
                          original_name=record.original_name, source_path=record.source_path, record=record,
                          progress=None, **kwargs)
    finally:
        remove_quietly(tmp)
    if session.paths.root / result.record.kept_path != kept:
        remove_quietly(kept)  # kept elsewhere now (inbox/packets); the quarantined copy is redundant
    return result


def _record(session: Session, record_id: int) -> ReceivedPacket:
    session.activate()
    record = ReceivedPacket.get_or_none(ReceivedPacket.id == record_id)
    if record is None:
        raise UserError("receiving.nothing_to_confirm")
    return record


def accept_out_of_order(session: Session, record_id: int, reason: str, *, accepted_by: str = "") -> ReceiveResult:
    """Import a quarantined packet refused only for its order, once the officer has checked with the commune
    (a packet lost on a stick, written twice, or a commune restored from a backup) and written why.

    Everything else is checked again: the file must still be intact and signed by a key trusted for that
    commune; a packet already imported stays a duplicate. The reason is kept with the record.
    """
    require_receiver(session)
    record = _record(session, record_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("receiving.order_reason_required")
    if record.outcome != REJECTED or record.verdict != fmt.OUT_OF_SEQUENCE:
        raise UserError("receiving.not_out_of_order")
    why = f"{reason} — {accepted_by}" if accepted_by else reason
    return _reprocess(session, record, trust=None, accept_order=why)


def confirm_and_import(session: Session, record_id: int, *, fingerprint: str | None = None,
                       trusted_by: str = "") -> ReceiveResult:
    """The officer compared the fingerprint with the paper copy: trust the key and import the kept packet.

    fingerprint: what the officer typed (optional; the window's button confirms the shown one).
    """
    require_receiver(session)
    record = _record(session, record_id)
    if record.outcome != NEEDS_CONFIRMATION or not record.signer_fingerprint:
        raise UserError("receiving.nothing_to_confirm")
    typed = normalize_fingerprint(fingerprint) if fingerprint else record.signer_fingerprint
    return _reprocess(session, record, trust=(typed, trusted_by))


def reject_pending(session: Session, record_id: int) -> ReceivedPacket:
    """The fingerprint did not match the paper: the packet stays quarantined, marked as refused."""
    with session.write(Topic.PACKETS):
        record = _record(session, record_id)
        if record.outcome == NEEDS_CONFIRMATION:
            record.outcome = REJECTED
            record.reason = "not_confirmed"
            record.save()
    return record


def receive_many(session: Session, sources: Iterable[str | os.PathLike], *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Receive packets in order of their sequence where it can be read from the name (…_003.zip)."""
    report = ImportReport()
    for source in sorted((Path(s) for s in sources), key=_name_order):
        if cancelled is not None and cancelled():
            raise UserCancelled()
        report.results.append(receive_packet(session, source, progress=progress, cancelled=cancelled))
    return report


def _name_order(p: Path):
    stem = p.stem.split(" ")[0]
    parts = stem.split("_")
    seq = int(parts[-1]) if parts and parts[-1].isdigit() else 0
    return (parts[0] if parts else "", seq, p.name)


def scan_for_packets(folders: Iterable[str | os.PathLike], max_depth: int = 2) -> list[Path]:
    """*.zip files in the given folders (e.g. USB sticks), down to max_depth levels; hidden files skipped."""
    found: list[Path] = []

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_file(follow_symlinks=False) and e.name.lower().endswith(".zip"):
                    found.append(Path(e.path))
                elif e.is_dir(follow_symlinks=False) and depth < max_depth:
                    walk(Path(e.path), depth + 1)
            except OSError:
                continue

    for f in folders:
        walk(Path(f), 0)
    return found
