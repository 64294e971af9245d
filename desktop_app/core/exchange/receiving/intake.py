"""Receiving one packet file: copy it off the stick, check it, classify it against the trusted keys and the
commune's sequence, then keep, quarantine or import it — and always write its record with the verdict."""
from __future__ import annotations

import contextlib
import dataclasses
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
from ...errors import UserCancelled, UserError, message_text
from ...fingerprints import format_fingerprint, normalize_fingerprint
from ...storage import snapshots
from ...storage.files import fsync_dir, os_error_to_user_error, remove_quietly
from ...storage.models import ReceivedPacket
from ...storage.session import Session
from ..packets import DUPLICATE, UNTRUSTED_SIGNER, VALID, Classification, PacketCheck, classify, extract_packet, is_packet
from ..packets import archive
from ..packets import format as fmt
from ..packets.archive import Refusal
from .importer import ImportDataError, import_round_data, stage_evidence
from .lock import commune_lock, receiver_lock
from .review import open_review
from .queries import record_fingerprint_display, record_outcome_label, record_reason_text, record_verdict_label
from .trust import (ACCEPTED_OUTCOMES, DUPLICATE_OUTCOME, IMPORTED, NEEDS_CONFIRMATION, REJECTED, RESOLVED, SUPERSEDED,
                    commune_state, require_receiver, retire_key, trust_key)

BACKUP_PREFIX = "SoThiDua_saoluu_"  # storage/backup.py names the commune's backups so

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


@dataclass
class _Copy:
    """The packet copied off the stick (path None: refused before copying, with `refusal`)."""

    path: Path | None
    sha256: str
    size: int
    refusal: Refusal | None = None


def _copy_in(session: Session, source: Path, limits: fmt.Limits, progress: Progress | None,
             cancelled: Callable[[], bool] | None) -> _Copy:
    """Copy the packet off the stick into the workspace, hashing. The file is opened once and judged on its open
    descriptor first: a pipe, a device or a file over the size limit is refused before a byte is copied."""
    paths = session.paths
    try:
        src, total = archive.open_regular_file(source, limits.max_packet_bytes)
    except Refusal as refusal:
        return _Copy(None, "", refusal.size, refusal)
    except OSError as exc:
        raise UserError("packets.read_failed", path=fmt.shown_escaped(str(source)),
                        detail=exc.strerror or str(exc)) from exc
    staging = paths.inbox_dir / ".incoming"
    tmp = staging / f"{uuid.uuid4().hex}.zip"
    digest, size = hashlib.sha256(), 0
    label = message_text("receiving.progress.copying", name=fmt.shown_escaped(source.name))
    try:
        with src:
            try:
                staging.mkdir(parents=True, exist_ok=True)
                out = open(tmp, "xb")
            except OSError as exc:
                raise os_error_to_user_error(exc, paths.inbox_dir) from exc
            with out:
                while True:
                    try:
                        chunk = src.read(CHUNK)
                    except OSError as exc:
                        raise UserError("packets.read_failed", path=fmt.shown_escaped(str(source)),
                                        detail=exc.strerror or str(exc)) from exc
                    if not chunk:
                        break
                    digest.update(chunk)
                    size += len(chunk)
                    if size > limits.max_packet_bytes:  # grew while being read: stop, never copy without bound
                        out.close()
                        remove_quietly(tmp)
                        return _Copy(None, "", size, Refusal(fmt.MALFORMED, "too_large", f"over {size} bytes"))
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise os_error_to_user_error(exc, paths.inbox_dir) from exc
                    if progress is not None:
                        progress(size, max(total, size), label)
                    if cancelled is not None and cancelled():
                        raise UserCancelled()
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        remove_quietly(tmp)
        raise
    return _Copy(tmp, digest.hexdigest(), size)


def _keep(tmp: Path, folder: Path, sha: str, original_name: str) -> Path:
    """Move the copy to its kept place (content-addressed: the same bytes are kept once)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = "".join(ch if (ch.isascii() and ch.isalnum()) or ch in "-_." else "_" for ch in Path(original_name).stem)[:60]
    target = folder / f"{sha[:16]}_{stem}.zip"
    if target.exists():
        remove_quietly(tmp)
    else:
        os.replace(tmp, target)
        fsync_dir(folder)
    return target


def extracted_folder_name(manifest: fmt.Manifest) -> str:
    """inbox/<commune code>_<packet id>: packet ids are the commune's own, so are the folders."""
    return f"{manifest.commune_code}_{manifest.packet_id}"


# ----- receiving one packet -------------------------------------------------------------------------------

def _fields_from_check(check: PacketCheck) -> dict:
    m = check.manifest
    out = {"verdict": check.verdict, "reason": check.reason, "detail": fmt.shown_escaped(check.detail)[:1000],
           "signer_fingerprint": check.signer_fingerprint, "signer_public_key": check.signer_public_key_pem}
    if m is not None:
        out.update(packet_id=m.packet_id, commune_code=m.commune_code, commune_name=m.commune_name,
                   round_number=m.round_number, round_version=m.round_version, sequence=m.sequence,
                   previous_packet_sha256=m.previous_packet_sha256, supersedes_packet_id=m.supersedes_packet_id,
                   created_at=m.created_at)
    return out


@dataclass
class _Trust:
    """What the officer said about the signer: the fingerprint read on paper and, for a commune that already has
    a trusted key, the fingerprint of that key, named to confirm that the commune changed its key."""

    typed: str
    by: str
    second_key_over: str | None = None


def _save(session: Session, record: ReceivedPacket | None, values: dict) -> ReceivedPacket:
    with session.write(Topic.PACKETS):
        if record is None:
            return ReceivedPacket.create(**values)
        for k, v in values.items():
            setattr(record, k, v)
        record.save()
        return record


def _process(session: Session, kept: Path, **kwargs) -> ReceiveResult:
    """_process_packet, holding the packet's commune's lock from the moment its manifest names the commune."""
    with contextlib.ExitStack() as locks:
        return _process_packet(session, kept, locks=locks, **kwargs)


def _process_packet(session: Session, kept: Path, *, sha: str, size: int, original_name: str, source_path: str,
                    record: ReceivedPacket | None, trust: _Trust | None, progress: Progress | None,
                    accept_order: str = "", locks: contextlib.ExitStack) -> ReceiveResult:
    """Check the copy at `kept` — trust, duplicates and order decided as soon as its signed manifest is read, before
    any content — then import, keep or quarantine it; write the record.

    accept_order: the officer's written reason for importing a packet that is intact and signed by a trusted
    key but out of sequence (a lost stick, a packet written twice, a commune restored from a backup).
    """
    paths = session.paths
    fields = dict(file_sha256=sha, file_size=size, original_name=original_name, source_path=source_path,
                  received_at=session.clock.now_iso())
    plan: dict = {}

    def judge(manifest: fmt.Manifest, fp: str) -> Classification:
        code = manifest.commune_code
        if "locked" not in plan:  # before the commune's state is read: another officer may be importing its packet
            locks.enter_context(commune_lock(session, code))
            plan["locked"] = code
        state = commune_state(session, code)
        if trust is not None and fp not in state.trusted_fingerprints:
            if trust.typed != fp:
                plan["problem"] = UserError("receiving.fingerprint_differs", typed=format_fingerprint(trust.typed),
                                            actual=format_fingerprint(fp))
            else:
                rotated = classify(manifest, fp, sha, state)
                if rotated.verdict == UNTRUSTED_SIGNER and rotated.reason == "unknown_signer":
                    # A second key for a commune that has one, without the old key's announcement: the officer
                    # must name the key already trusted, to say the commune really changed it.
                    active = [k for k in state.trusted_fingerprints if k not in state.retired] or \
                        sorted(state.trusted_fingerprints)
                    if trust.second_key_over not in state.trusted_fingerprints:
                        plan["problem"] = UserError(
                            "receiving.second_key_needs_confirmation", commune=fmt.shown_escaped(manifest.commune_name),
                            commune_code=code, trusted=", ".join(format_fingerprint(k) for k in sorted(active)))
                    else:
                        plan["second_key_over"] = sorted(active)
                if "problem" not in plan:
                    plan["trust"] = fp
                    state = dataclasses.replace(state, trusted_fingerprints=state.trusted_fingerprints | {fp},
                                                retired={k: v for k, v in state.retired.items() if k != fp})
        cls = classify(manifest, fp, sha, state)
        if cls.verdict == fmt.OUT_OF_SEQUENCE and accept_order:
            plan["order_note"] = message_text("receiving.order_accepted", reason=cls.reason, why=accept_order)
            plan["order_reason"] = cls.reason
            return dataclasses.replace(cls, verdict=VALID)
        return cls

    extracted = extract_packet(kept, paths.inbox_dir, judge=judge, file_sha256=sha, progress=progress,
                               folder_name=extracted_folder_name)
    check = extracted.check
    fields.update(_fields_from_check(check))

    def save(outcome: str, where: Path, **extra) -> ReceivedPacket:
        return _save(session, record, dict(fields, outcome=outcome, kept_path=_rel(session, where), **extra))

    def quarantine(outcome: str = REJECTED) -> ReceiveResult:
        return ReceiveResult(save(outcome, _keep(kept, paths.quarantine_dir, sha, original_name)))

    if "problem" in plan:
        save(NEEDS_CONFIRMATION, _keep(kept, paths.quarantine_dir, sha, original_name))
        raise plan["problem"]
    if check.verdict == UNTRUSTED_SIGNER:
        # A first packet or a new key waits for the officer; a retired key's packet is refused.
        return quarantine(NEEDS_CONFIRMATION if check.reason in ("first_contact", "unknown_signer") else REJECTED)
    if check.verdict == DUPLICATE:
        m = check.manifest
        original = (ReceivedPacket.select().where((ReceivedPacket.packet_id == m.packet_id)
                                                  & (ReceivedPacket.commune_code == m.commune_code)
                                                  & ReceivedPacket.outcome.in_(ACCEPTED_OUTCOMES)).first())
        folder = paths.inbox_dir / "packets" if original is not None and original.file_sha256 == sha \
            else paths.quarantine_dir
        where = _keep(kept, folder, sha, original_name)
        return ReceiveResult(save(DUPLICATE_OUTCOME, where, round=original.round_id if original else None))
    if not check.is_valid or extracted.folder is None:
        return quarantine()

    if "order_note" in plan:  # imported, and the record still says it came out of order, and why it was taken
        fields.update(verdict=fmt.OUT_OF_SEQUENCE, reason=plan["order_reason"], detail=plan["order_note"][:1000])
    cls = check.classification
    code = check.manifest.commune_code
    data = check.data
    staged = where = None
    try:
        if session.is_sqlite:  # a server's database is backed up by the server (pg_dump, docs/design.md)
            snapshots.backup_before_import(paths)
        where = _keep(kept, paths.inbox_dir / "packets", sha, original_name)
        staged = stage_evidence(session, data, extracted.folder)       # file copies: before the transaction
        with session.write(Topic.PACKETS, Topic.ROUNDS, Topic.PARTICIPANTS, Topic.ACHIEVEMENTS, Topic.AWARDS,
                           Topic.CHECKLISTS):
            row = save(IMPORTED, where, extracted_path=_rel(session, extracted.folder))
            if "trust" in plan:
                by = trust.by
                if plan.get("second_key_over"):
                    by = message_text("receiving.trusted_second_key", by=by, old=", ".join(
                        format_fingerprint(k) for k in plan["second_key_over"]))
                trust_key(session, code, plan["trust"], how="paper", public_key=check.signer_public_key_pem or "",
                          trusted_by=by, received=row)
                for old in plan.get("second_key_over", ()):
                    retire_key(session, code, old, at=check.manifest.created_at, replaced_by=plan["trust"])
            if cls is not None and cls.newly_trusted_fingerprint:
                rotation = check.manifest.key_rotation
                trust_key(session, code, cls.newly_trusted_fingerprint, how="rotation",
                          public_key=rotation.new_public_key_pem if rotation else "",
                          trusted_by=message_text("receiving.trusted_by_rotation"), received=row)
                if cls.retire is not None:
                    retire_key(session, code, cls.retire[0], at=cls.retire[1],
                               replaced_by=cls.newly_trusted_fingerprint)
            round_, replaced, superseded = import_round_data(session, data, code, extracted.folder, row, staged)
            open_review(session, round_)
            row.round = round_
            row.commune = round_.commune_id
            row.outcome = SUPERSEDED if superseded else IMPORTED
            row.save()
            # The same packet received earlier and left waiting for confirmation is settled by this import.
            (ReceivedPacket.update(outcome=RESOLVED)
             .where((ReceivedPacket.packet_id == row.packet_id) & (ReceivedPacket.commune_code == code)
                    & (ReceivedPacket.outcome == NEEDS_CONFIRMATION) & (ReceivedPacket.id != row.id)).execute())
    except (ImportDataError, pw.IntegrityError) as exc:
        # A signed packet whose data cannot be imported: nothing of it stays (database, extracted folder, new
        # evidence); the packet goes to quarantine with the reason, like any other refused packet.
        log.warning("import of %s failed: %s", ascii(original_name), exc)
        _undo_files(session, extracted.folder, staged, where, kept)
        fields.update(reason="import_failed", detail=fmt.shown_escaped(str(exc))[:1000])
        return quarantine()
    except BaseException:
        _undo_files(session, extracted.folder, staged, where, kept)
        raise
    return ReceiveResult(row, replaced)


def _undo_files(session: Session, folder: Path | None, staged, where: Path | None, kept: Path) -> None:
    """A failed import leaves nothing half-written: the extracted folder and the evidence it copied go, and the
    packet file comes back from inbox/packets to `kept` (unless another record keeps the same bytes there)."""
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    if staged is not None:
        staged.discard()
    if where is not None and where.exists() and not kept.exists():
        if ReceivedPacket.select().where(ReceivedPacket.kept_path == _rel(session, where)).exists():
            shutil.copyfile(where, kept)
        else:
            os.replace(where, kept)


def _record_failure(session: Session, *, kept: Path | None, sha: str, size: int, original_name: str,
                    source_path: str, record: ReceivedPacket | None, exc: BaseException,
                    reason: str = "internal_error") -> ReceiveResult:
    """Whatever went wrong inside, the packet gets a record with a Vietnamese reason and the log reference, and
    its copy (if any) goes to quarantine."""
    ref = uuid.uuid4().hex[:8]
    if reason == "internal_error":
        log.error("receiving %s failed [%s]", ascii(original_name), ref, exc_info=exc)
    else:
        log.warning("receiving %s failed [%s]: %s", ascii(original_name), ref, exc)
    where = ""
    if kept is not None and kept.exists():
        try:
            where = _rel(session, _keep(kept, session.paths.quarantine_dir, sha or uuid.uuid4().hex, original_name))
        except OSError:
            where = ""
    detail = message_text("receiving.failure_detail", error=fmt.shown_escaped(f"{type(exc).__name__}: {exc}")[:600],
                          ref=ref)
    values = dict(verdict=fmt.ERROR, reason=reason, detail=detail, file_sha256=sha, file_size=size,
                  original_name=original_name, source_path=source_path, kept_path=where, outcome=REJECTED,
                  received_at=session.clock.now_iso())
    if record is not None:  # a record being reprocessed keeps its packet's identity; only the outcome changes
        values = dict(verdict=fmt.ERROR, reason=reason, detail=detail, outcome=REJECTED,
                      kept_path=where or record.kept_path)
    return ReceiveResult(_save(session, record, values))


def _refused_before_copy(session: Session, source: Path, copy: _Copy, original_name: str) -> ReceiveResult:
    r = copy.refusal
    values = dict(verdict=r.verdict, reason=r.reason, detail=fmt.shown_escaped(r.detail)[:1000],
                  file_sha256=copy.sha256, file_size=copy.size, original_name=original_name,
                  source_path=fmt.shown_escaped(str(source)), kept_path="", outcome=REJECTED,
                  received_at=session.clock.now_iso())
    return ReceiveResult(_save(session, None, values))


def receive_packet(session: Session, source: str | os.PathLike, *, trust_fingerprint: str | None = None,
                   second_key_over: str | None = None, trusted_by: str = "", accept_order: str = "",
                   progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                   limits: fmt.Limits = fmt.DEFAULT_LIMITS) -> ReceiveResult:
    """Receive one packet file (from a USB stick or any folder) into this receiving workspace.

    trust_fingerprint: the fingerprint the officer read on the paper Tờ trình (CLI --trust-fingerprint);
    when it equals the packet's signer, the key is trusted and the packet imported; when it differs,
    UserError and nothing is trusted. Without it, a first packet comes back as needs_confirmation.
    second_key_over: for a commune that already has a trusted key, a new key without the old key's announcement
    is trusted only when the officer also names that old key (its fingerprint); the old key is then retired.
    accept_order: a written reason to import the packet even if it is out of sequence (see accept_out_of_order).
    Every packet gets a record, whatever happens inside; only an unreadable file (a stick pulled out), a full
    disk of this PC, a cancel, or a trust the officer must settle raise.
    """
    require_receiver(session)
    with receiver_lock(session):
        return _receive_one(session, Path(source), trust=_trust(trust_fingerprint, trusted_by, second_key_over),
                            accept_order=" ".join((accept_order or "").split()), progress=progress,
                            cancelled=cancelled, limits=limits)


def _trust(typed: str | None, by: str, second_key_over: str | None) -> _Trust | None:
    if not typed:
        return None
    return _Trust(normalize_fingerprint(typed), by,
                  normalize_fingerprint(second_key_over) if second_key_over else None)


def _receive_one(session: Session, source: Path, *, trust: _Trust | None, accept_order: str,
                 progress: Progress | None, cancelled: Callable[[], bool] | None, limits: fmt.Limits) -> ReceiveResult:
    original_name = fmt.shown_escaped(source.name)  # a name that is not valid UTF-8, or hides characters
    copy = _copy_in(session, source, limits, progress, cancelled)
    if copy.path is None:
        return _refused_before_copy(session, source, copy, original_name)
    try:
        return _process(session, copy.path, sha=copy.sha256, size=copy.size, original_name=original_name,
                        source_path=fmt.shown_escaped(str(source)), record=None, trust=trust, progress=progress,
                        accept_order=accept_order)
    except (UserError, UserCancelled):
        raise
    except Exception as exc:  # noqa: BLE001 — never drop a packet: record it, with the log reference
        return _record_failure(session, kept=copy.path, sha=copy.sha256, size=copy.size,
                               original_name=original_name, source_path=fmt.shown_escaped(str(source)),
                               record=None, exc=exc)
    finally:
        remove_quietly(copy.path)


def _reprocess(session: Session, record: ReceivedPacket, **kwargs) -> ReceiveResult:
    """Run a kept packet through the checks again (a confirmation, an accepted order) from a copy of it:
    _process moves its input to where the verdict sends it."""
    kept = session.paths.root / record.kept_path
    if not record.kept_path or not kept.is_file():
        raise UserError("receiving.kept_file_missing", path=str(kept))
    tmp = session.paths.inbox_dir / ".incoming" / f"{uuid.uuid4().hex}.zip"
    try:
        tmp.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, tmp)
    except OSError as exc:
        remove_quietly(tmp)
        raise os_error_to_user_error(exc, session.paths.inbox_dir) from exc
    try:
        result = _process(session, tmp, sha=record.file_sha256, size=record.file_size,
                          original_name=record.original_name, source_path=record.source_path, record=record,
                          progress=None, **kwargs)
    except (UserError, UserCancelled):
        raise
    except Exception as exc:  # noqa: BLE001 — the record stays, with what went wrong
        result = _record_failure(session, kept=None, sha=record.file_sha256, size=record.file_size,
                                 original_name=record.original_name, source_path=record.source_path,
                                 record=record, exc=exc)
    finally:
        remove_quietly(tmp)
    if record.kept_path and session.paths.root / result.record.kept_path != kept:
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
    with receiver_lock(session):
        record = _record(session, record_id)
        reason = " ".join((reason or "").split())
        if not reason:
            raise UserError("receiving.order_reason_required")
        if record.outcome != REJECTED or record.verdict != fmt.OUT_OF_SEQUENCE:
            raise UserError("receiving.not_out_of_order")
        why = f"{reason} — {accepted_by}" if accepted_by else reason
        return _reprocess(session, record, trust=None, accept_order=why)


def confirm_and_import(session: Session, record_id: int, *, fingerprint: str | None = None,
                       second_key_over: str | None = None, trusted_by: str = "") -> ReceiveResult:
    """The officer compared the fingerprint with the paper copy: trust the key and import the kept packet.

    fingerprint: what the officer typed (optional; the window's button confirms the shown one).
    second_key_over: for a commune that already has a trusted key (reason unknown_signer), the fingerprint of
    that key, named in the separate confirmation that the commune replaced it.
    """
    require_receiver(session)
    with receiver_lock(session):
        record = _record(session, record_id)
        if record.outcome != NEEDS_CONFIRMATION or not record.signer_fingerprint:
            raise UserError("receiving.nothing_to_confirm")
        typed = fingerprint or record.signer_fingerprint
        return _reprocess(session, record, trust=_trust(typed, trusted_by, second_key_over))


def reject_pending(session: Session, record_id: int) -> ReceivedPacket:
    """The fingerprint did not match the paper: the packet stays quarantined, marked as refused."""
    require_receiver(session)
    with receiver_lock(session):
        with session.write(Topic.PACKETS):
            record = _record(session, record_id)
            if record.outcome == NEEDS_CONFIRMATION:
                record.outcome = REJECTED
                record.reason = "not_confirmed"
                record.save()
        return record


def receive_many(session: Session, sources: Iterable[str | os.PathLike], *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> ImportReport:
    """Receive packets in order of their sequence where it can be read from the name (…_003.zip). A packet that
    cannot even be read (a stick pulled out) is recorded with its reason and the batch goes on."""
    require_receiver(session)
    report = ImportReport()
    with receiver_lock(session):
        for source in sorted((Path(s) for s in sources), key=_name_order):
            if cancelled is not None and cancelled():
                raise UserCancelled()
            try:
                result = _receive_one(session, source, trust=None, accept_order="", progress=progress,
                                      cancelled=cancelled, limits=fmt.DEFAULT_LIMITS)
            except UserCancelled:
                raise
            except UserError as exc:
                result = _record_failure(session, kept=None, sha="", size=0,
                                         original_name=fmt.shown_escaped(source.name),
                                         source_path=fmt.shown_escaped(str(source)), record=None, exc=exc,
                                         reason="read_failed")
            report.results.append(result)
    return report


def _name_order(p: Path):
    stem = p.stem.split(" ")[0]
    parts = stem.split("_")
    seq = int(parts[-1]) if parts and parts[-1].isdigit() else 0
    return (parts[0] if parts else "", seq, p.name)


def scan_for_packets(folders: Iterable[str | os.PathLike], max_depth: int = 2) -> list[Path]:
    """The nomination packets in the given folders (e.g. USB sticks), down to max_depth levels: only files that
    are packets by their layout and manifest (reader.is_packet) — never a backup (SoThiDua_saoluu_*.zip, with the
    commune's register in it) nor any other archive. Hidden files and links are skipped."""
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
                    if not e.name.startswith(BACKUP_PREFIX) and is_packet(e.path):
                        found.append(Path(e.path))
                elif e.is_dir(follow_symlinks=False) and depth < max_depth:
                    walk(Path(e.path), depth + 1)
            except OSError:
                continue

    for f in folders:
        walk(Path(f), 0)
    return found
