"""Check a packet from an untrusted USB stick, extract it safely, and classify it against the receiver's state.

The order of the checks (docs/packet-format.md §7) is the cheapest and most decisive first, and nothing is
believed before the signature and the trust decision: the file (regular, bounded: archive.open_regular_file), the
ZIP end record (archive.check_end_record), names and attributes (archive.scan_entries), signer.pem, the signature
over SHA256SUMS, SHA256SUMS itself, manifest.json (64 KiB at most, its hash checked first), the trust decision and
the receiver's duplicate and order checks (`judge`), then the hashes of every other file while they are read
(and extracted), and last data.json, decoded once into RoundData with bounded values and depth.
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Mapping

from ...errors import UserError, message_text
from ...storage.files import os_error_to_user_error
from ..keys import fingerprint, load_public_key_pem, public_key_pem, verify_signature
from . import archive
from . import format as fmt
from .archive import Refusal, SinkError, malformed
from .round_data import RoundData

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Classification:
    """The receiver's judgement of a packet that is intact and signed: trust, then duplicates, then order."""

    verdict: str
    reason: str | None = None
    signer_fingerprint: str | None = None
    first_contact: bool = False                  # no key trusted yet: compare the fingerprint on paper
    newly_trusted_fingerprint: str | None = None  # a rotation accepted: store this key as trusted …
    retire: tuple[str, str] | None = None         # … and retire (old fingerprint, from this time) the key it replaces
    expected_sequence: int | None = None

    @property
    def is_valid(self) -> bool:
        return self.verdict == fmt.VALID

    @property
    def label(self) -> str:
        return verdict_label(self.verdict)

    @property
    def reason_text(self) -> str:
        return message_text(f"packets.reason.{self.reason}") if self.reason else ""


# judge(manifest, signer fingerprint) → the receiver's classification; anything but valid stops the check there.
Judge = Callable[[fmt.Manifest, str], Classification]


@dataclass(frozen=True)
class PacketCheck:
    """What the packet says (valid / bad_signature / tampered / malformed) or, when a judge was given, the
    receiver's verdict on it (untrusted_signer / duplicate / conflict / out_of_sequence), and its content."""

    path: Path
    verdict: str
    reason: str | None = None          # a code of format.REASONS, None when valid
    detail: str = ""                   # technical detail for the log and the quarantine record
    file_sha256: str | None = None     # of the .zip file: the receiver's chain and duplicate key
    file_size: int = 0
    manifest: fmt.Manifest | None = None
    data: RoundData | None = None      # data.json, only when valid
    signer_fingerprint: str | None = None
    signer_public_key_pem: str | None = None
    files: tuple[str, ...] = ()        # documents/… and evidence/… paths, only when valid
    classification: Classification | None = None

    @property
    def is_valid(self) -> bool:
        return self.verdict == fmt.VALID

    @property
    def label(self) -> str:
        return verdict_label(self.verdict)

    @property
    def reason_text(self) -> str:
        return message_text(f"packets.reason.{self.reason}") if self.reason else ""


def verdict_label(verdict: str) -> str:
    """'Hợp lệ', 'Chữ ký không hợp lệ', … (resources/messages/packets.json)."""
    return message_text(f"packets.verdict.{verdict}")


# ----- the check ------------------------------------------------------------------------------------------

def _check(fh, size: int, file_sha256: str, path: Path, limits: fmt.Limits, progress: Progress | None,
           sink: Path | None, judge: Judge | None) -> PacketCheck:
    base = dict(file_sha256=file_sha256, file_size=size)
    signer_fp = signer_pem = None
    manifest = None
    classification = None
    try:
        zf = archive.open_zip(fh, size, limits)
        with zf:
            try:
                files = archive.scan_entries(zf, limits)
            except archive.ZIP_ERRORS as exc:
                raise malformed("not_zip", str(exc)[:200]) from None
            missing = [n for n in (fmt.SUMS, fmt.SIG, fmt.SIGNER, fmt.MANIFEST) if n not in files]
            if missing:
                raise malformed("missing_required", ", ".join(missing))
            total = sum(i.file_size for i in files.values())
            reader = archive.EntryReader(zf, limits, progress, total, sink)

            _, signer_bytes = reader.read(fmt.SIGNER, files[fmt.SIGNER], limits.max_signer_bytes)
            try:
                signer_key = load_public_key_pem(signer_bytes)
            except (ValueError, UnicodeError) as exc:
                raise malformed("bad_signer_key", str(exc)[:200]) from None
            signer_fp, signer_pem = fingerprint(signer_key), public_key_pem(signer_key)

            _, sig = reader.read(fmt.SIG, files[fmt.SIG], 1024)
            if len(sig) != 64:
                raise Refusal(fmt.BAD_SIGNATURE, "bad_signature_file", f"{len(sig)} bytes")
            _, sums_raw = reader.read(fmt.SUMS, files[fmt.SUMS], limits.max_sums_bytes)
            if not verify_signature(signer_key, sig, sums_raw):
                raise Refusal(fmt.BAD_SIGNATURE, "signature_mismatch")
            try:
                sums = fmt.parse_sums(sums_raw, limits)
            except fmt.FormatError as exc:
                raise malformed(exc.code, exc.detail) from None

            present = set(files) - {fmt.SUMS, fmt.SIG}
            if missing_files := sorted(set(sums) - present, key=fmt.sort_key):
                raise Refusal(fmt.TAMPERED, "missing_file", ", ".join(missing_files[:5]))
            if extra := sorted(present - set(sums), key=fmt.sort_key):
                raise Refusal(fmt.TAMPERED, "extra_file", ", ".join(extra[:5]))
            if fmt.MANIFEST not in sums or fmt.DATA not in sums:
                raise malformed("sums_incomplete")
            if hashlib.sha256(signer_bytes).hexdigest() != sums.get(fmt.SIGNER):
                raise Refusal(fmt.TAMPERED, "hash_mismatch", fmt.SIGNER)

            # The manifest: small, and believed only once its bytes are shown to be the signed ones.
            digest, manifest_raw = reader.read(fmt.MANIFEST, files[fmt.MANIFEST], limits.max_manifest_bytes)
            if digest != sums[fmt.MANIFEST]:
                raise Refusal(fmt.TAMPERED, "hash_mismatch", fmt.MANIFEST)
            try:
                manifest = fmt.decode_manifest(manifest_raw, limits)
            except fmt.FormatError as exc:
                raise malformed(exc.code, f"{fmt.MANIFEST}: {exc.detail}") from None
            if manifest.signer_fingerprint != signer_fp:
                raise malformed("fingerprint_mismatch",
                                f"manifest {manifest.signer_fingerprint}, signer.pem {signer_fp}")
            rotation = manifest.key_rotation
            if rotation is not None:
                if rotation.commune_code != manifest.commune_code or rotation.new_fingerprint != signer_fp:
                    raise Refusal(fmt.BAD_SIGNATURE, "rotation_mismatch")
                if not rotation.is_valid():
                    raise Refusal(fmt.BAD_SIGNATURE, "rotation_signature")

            # The receiver's trust, duplicate and order checks, before any content is read or extracted.
            if judge is not None:
                classification = judge(manifest, signer_fp)
                if not classification.is_valid:
                    return PacketCheck(path, classification.verdict, classification.reason, "", manifest=manifest,
                                       signer_fingerprint=signer_fp, signer_public_key_pem=signer_pem,
                                       classification=classification, **base)

            data_raw = None
            for rel in sorted(sums, key=fmt.sort_key):
                if rel in (fmt.SIGNER, fmt.MANIFEST):
                    continue  # read (and extracted) and checked above
                keep = limits.max_data_bytes if rel == fmt.DATA else None
                digest, content = reader.read(rel, files[rel], keep)
                if digest != sums[rel]:
                    raise Refusal(fmt.TAMPERED, "hash_mismatch", rel)
                if rel == fmt.DATA:
                    data_raw = content

            try:
                data = fmt.decode_data(data_raw, limits)
            except fmt.FormatError as exc:
                raise malformed(exc.code, f"{fmt.DATA}: {exc.detail}") from None
            finally:
                data_raw = None  # the decoded data is all that is kept
            if data.commune.code != manifest.commune_code:
                raise malformed("bad_data", "data.json commune.code differs from the manifest")
            content_files = tuple(p for p in sorted(sums, key=fmt.sort_key) if p.split("/")[0] in fmt.CONTENT_DIRS)
            return PacketCheck(path, fmt.VALID, classification.reason if classification else None, "",
                               manifest=manifest, data=data, signer_fingerprint=signer_fp,
                               signer_public_key_pem=signer_pem, files=content_files,
                               classification=classification, **base)
    except Refusal as r:
        return PacketCheck(path, r.verdict, r.reason, r.detail[:1000], manifest=manifest,
                           signer_fingerprint=signer_fp, signer_public_key_pem=signer_pem,
                           classification=classification, **base)
    except archive.ZIP_ERRORS as exc:
        return PacketCheck(path, fmt.MALFORMED, "not_zip", str(exc)[:200], manifest=manifest,
                           signer_fingerprint=signer_fp, signer_public_key_pem=signer_pem, **base)
    except OSError as exc:
        if exc.errno != errno.EINVAL:
            raise  # the file could not be read (a stick pulled out): not the packet's fault
        # An offset in the archive that points before its start: zipfile seeks there and the system refuses.
        return PacketCheck(path, fmt.MALFORMED, "not_zip", str(exc)[:200], manifest=manifest,
                           signer_fingerprint=signer_fp, signer_public_key_pem=signer_pem, **base)


def _open_and_check(path: Path, limits: fmt.Limits, progress: Progress | None, drop_cache: bool,
                    sink: Path | None, judge: Judge | None, file_sha256: str | None) -> PacketCheck:
    try:
        fh, size = archive.open_regular_file(path, limits.max_packet_bytes)
    except Refusal as r:
        return PacketCheck(path, r.verdict, r.reason, r.detail, file_sha256=file_sha256)
    except OSError as exc:
        raise UserError("packets.read_failed", path=fmt.shown_escaped(str(path)),
                        detail=exc.strerror or str(exc)) from exc
    with fh:
        try:
            if file_sha256 is None or drop_cache:
                file_sha256, size = archive.hash_open_file(fh, drop_cache)
            return _check(fh, size, file_sha256, path, limits, progress, sink, judge)
        except OSError as exc:
            raise UserError("packets.read_failed", path=fmt.shown_escaped(str(path)),
                            detail=exc.strerror or str(exc)) from exc


def check_packet(path: str | os.PathLike, *, limits: fmt.Limits = fmt.DEFAULT_LIMITS,
                 progress: Progress | None = None, drop_cache: bool = False, judge: Judge | None = None,
                 file_sha256: str | None = None) -> PacketCheck:
    """The check of a packet file in the order of docs/packet-format.md §7; never raises for a bad packet.

    Returns verdict valid / bad_signature / tampered / malformed — or, with `judge`, the receiver's verdict
    (untrusted_signer, duplicate, conflict, out_of_sequence) as soon as the manifest is known to be signed, before
    any content is hashed or data.json read. Raises UserError only when the file cannot be read at all (stick
    pulled out). Check a copy in the receiver's own folder, not the file on the stick, so the bytes that were
    checked are the bytes that are kept (`file_sha256`: that copy's hash, when already computed while copying).
    """
    return _open_and_check(Path(path), limits, progress, drop_cache, None, judge, file_sha256)


@dataclass(frozen=True)
class ExtractedPacket:
    check: PacketCheck
    folder: Path | None  # the extracted packet, only when it is valid


def extract_packet(path: str | os.PathLike, inbox_dir: str | os.PathLike, *,
                   limits: fmt.Limits = fmt.DEFAULT_LIMITS, progress: Progress | None = None,
                   judge: Judge | None = None, file_sha256: str | None = None,
                   folder_name: Callable[[fmt.Manifest], str] | None = None) -> ExtractedPacket:
    """Check and extract in one pass into `inbox_dir/<folder_name(manifest)>` (default: the packet id); nothing is
    written outside inbox_dir.

    Files go to a hidden staging folder first; only a valid packet is renamed into place, anything else is
    deleted. The extracted folder holds SHA256SUMS, its signature and signer.pem, so `sha256sum -c` and openssl
    work there too. A folder already there (the same packet received before) is replaced.
    """
    inbox = Path(inbox_dir)
    try:
        inbox.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".extracting-", dir=inbox))
    except OSError as exc:
        raise os_error_to_user_error(exc, inbox) from exc
    try:
        try:
            check = _open_and_check(Path(path), limits, progress, False, staging, judge, file_sha256)
        except SinkError as exc:
            raise exc.exc from None
        if not check.is_valid:
            return ExtractedPacket(check, None)
        final = inbox.joinpath(*(folder_name(check.manifest) if folder_name else check.manifest.packet_id).split("/"))
        final.parent.mkdir(parents=True, exist_ok=True)
        if final.exists():
            old = final.parent / f".replaced-{uuid.uuid4().hex[:8]}"
            os.replace(final, old)
            shutil.rmtree(old, ignore_errors=True)
        os.replace(staging, final)
        return ExtractedPacket(check, final)
    except OSError as exc:
        raise os_error_to_user_error(exc, inbox) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


# ----- the receiver's judgement ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CommuneState:
    """What the receiving workspace knows of one commune (kept in its database)."""

    trusted_fingerprints: frozenset[str] = frozenset()
    last_sequence: int | None = None          # highest sequence accepted as valid
    last_packet_sha256: str | None = None     # file SHA-256 of that packet
    seen_packet_ids: frozenset[str] = frozenset()
    seen_packets: Mapping[str, str] = field(default_factory=dict)   # this commune's accepted packet id → file SHA-256
    retired: Mapping[str, str] = field(default_factory=dict)        # fingerprint → retired for packets created from
    replaced_by: Mapping[str, str] = field(default_factory=dict)    # retired fingerprint → the key that replaced it


def _created_before(created_at: str, retired_at: str) -> bool:
    try:
        return datetime.fromisoformat(created_at) < datetime.fromisoformat(retired_at)
    except (TypeError, ValueError):
        return False  # an unreadable time never makes a retired key good again


def classify(manifest: fmt.Manifest, signer_fp: str, file_sha256: str | None, state: CommuneState) -> Classification:
    """Trust, then duplicates, then order — `state` is the receiver's record of manifest.commune_code."""
    m = manifest
    fp = signer_fp
    trusted = state.trusted_fingerprints
    new_trusted = retire = None
    reason = None
    if fp in trusted:
        retired_at = state.retired.get(fp)
        if retired_at is not None and not _created_before(m.created_at, retired_at):
            # The commune replaced this key: a packet it signed after that is not the commune's.
            return Classification(fmt.UNTRUSTED_SIGNER, "retired_key", fp)
    else:
        rotation = m.key_rotation  # its signature was verified by the check
        if rotation is not None and rotation.new_fingerprint == fp and rotation.old_fingerprint in trusted:
            old = rotation.old_fingerprint
            if old in state.retired and state.replaced_by.get(old) != fp:
                # A retired key announces nothing: whoever still holds it is not the commune.
                return Classification(fmt.UNTRUSTED_SIGNER, "retired_announcer", fp)
            new_trusted, reason, retire = fp, "rotation_accepted", (old, rotation.announced_at)
        else:
            return Classification(fmt.UNTRUSTED_SIGNER, "unknown_signer" if trusted else "first_contact", fp,
                                  first_contact=not trusted)
    prior = state.seen_packets.get(m.packet_id)
    if prior is not None or m.packet_id in state.seen_packet_ids:
        if prior is None or file_sha256 is None or prior == file_sha256:
            return Classification(fmt.DUPLICATE, "same_packet_id", fp)
        return Classification(fmt.CONFLICT, "packet_id_conflict", fp)
    expected = None if state.last_sequence is None else state.last_sequence + 1
    if expected is not None:
        if m.sequence < expected:
            return Classification(fmt.OUT_OF_SEQUENCE, "older_sequence", fp, expected_sequence=expected)
        if m.sequence > expected:
            return Classification(fmt.OUT_OF_SEQUENCE, "sequence_gap", fp, expected_sequence=expected)
        if state.last_packet_sha256 is not None and m.previous_packet_sha256 != state.last_packet_sha256:
            return Classification(fmt.OUT_OF_SEQUENCE, "chain_mismatch", fp, expected_sequence=expected)
    return Classification(fmt.VALID, reason, fp, newly_trusted_fingerprint=new_trusted, retire=retire,
                          expected_sequence=expected)


def classify_packet(check: PacketCheck, state: CommuneState) -> Classification:
    """classify() for a packet already checked; a packet that is not valid keeps its own verdict."""
    if not check.is_valid or check.manifest is None:
        return Classification(check.verdict, check.reason, check.signer_fingerprint)
    return classify(check.manifest, check.signer_fingerprint, check.file_sha256, state)


def verify_packet(path: str | os.PathLike, trusted: Callable[[str], bool] | Iterable[str] | None = None, *,
                  limits: fmt.Limits = fmt.DEFAULT_LIMITS) -> PacketCheck:
    """check_packet plus, when `trusted` is given (a predicate or a set of fingerprints), the trust verdict —
    decided before the content is read.

    For `main.py verify`: no receiver state, no trust on first use; report the fingerprint.
    """
    if trusted is None:
        return check_packet(path, limits=limits)
    is_trusted = trusted if callable(trusted) else set(trusted).__contains__

    def judge(manifest: fmt.Manifest, fp: str) -> Classification:
        rotation = manifest.key_rotation
        if is_trusted(fp) or (rotation is not None and is_trusted(rotation.old_fingerprint)):
            return Classification(fmt.VALID, None, fp)
        return Classification(fmt.UNTRUSTED_SIGNER, "unknown_signer", fp)

    return check_packet(path, limits=limits, judge=judge)


# ----- what a USB scan picks up ------------------------------------------------------------------------------

def _is_packet_archive(zf: zipfile.ZipFile) -> bool:
    names = {}
    for info in zf.infolist():
        top, _, rel = info.orig_filename.partition("/")
        if rel in (fmt.MANIFEST, fmt.SIG, fmt.SIGNER, fmt.SUMS):
            names.setdefault(top, {})[rel] = info
    for entries in names.values():
        if fmt.MANIFEST in entries and fmt.SIG in entries:
            content = archive.read_small(zf, entries[fmt.MANIFEST], fmt.DEFAULT_LIMITS.max_manifest_bytes)
            if content is not None and f'"{fmt.FORMAT_NAME}"'.encode() in content:
                return True
    return False


def is_packet(path: str | os.PathLike, limits: fmt.Limits = fmt.DEFAULT_LIMITS) -> bool:
    """A nomination packet, recognised by its layout and its manifest's "format" without trusting or checking it
    (a backup `SoThiDua_saoluu_*.zip` has a manifest of another format and no signature; other archives have
    neither). Bounded like every read of a file from a stick."""
    return archive.looks_like(path, limits, _is_packet_archive)


__all__ = ["Classification", "CommuneState", "ExtractedPacket", "Judge", "PacketCheck", "check_packet", "classify",
           "classify_packet", "extract_packet", "is_packet", "verdict_label", "verify_packet"]
