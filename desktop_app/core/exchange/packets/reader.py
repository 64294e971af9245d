"""Check a packet from an untrusted USB stick, extract it safely, and classify it against the receiver's state."""
from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import stat
import struct
import tempfile
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from ...errors import UserError, message_text
from ...storage.files import os_error_to_user_error
from ..keys import fingerprint, load_public_key_pem, public_key_pem, verify_signature
from . import format as fmt

CHUNK = 1024 * 1024
Progress = Callable[[int, int, str], None]

# What zipfile and zlib may raise on a damaged or hostile archive (CPython 3.11).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, struct.error,
               NotImplementedError, OverflowError, IndexError, KeyError, UnicodeDecodeError)


@dataclass(frozen=True)
class PacketCheck:
    """What the packet alone says: valid / bad_signature / tampered / malformed, and its content."""

    path: Path
    verdict: str
    reason: str | None = None          # a code of format.REASONS, None when valid
    detail: str = ""                   # technical detail for the log and the quarantine record
    file_sha256: str | None = None     # of the .zip file: the receiver's chain and duplicate key
    file_size: int = 0
    manifest: fmt.Manifest | None = None
    data: dict | None = None           # data.json, only when valid
    signer_fingerprint: str | None = None
    signer_public_key_pem: str | None = None
    files: tuple[str, ...] = ()        # documents/… and evidence/… paths, only when valid

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


class _SinkError(Exception):
    """Writing into the inbox failed (the receiving PC's disk), as opposed to reading the packet."""

    def __init__(self, exc: OSError):
        self.exc = exc


class _Reject(Exception):
    def __init__(self, verdict: str, reason: str, detail: str = ""):
        self.verdict, self.reason, self.detail = verdict, reason, detail


def _malformed(reason: str, detail: str = "") -> _Reject:
    return _Reject(fmt.MALFORMED, reason, detail)


@dataclass
class _Entry:
    info: zipfile.ZipInfo
    rel: str  # path inside the top folder


def _entry_type_ok(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    # Unix attributes are read whatever create_system claims: a symlink is a symlink to `unzip`.
    return kind in (0, stat.S_IFREG, stat.S_IFDIR)


def _scan(zf: zipfile.ZipFile, limits: fmt.Limits) -> dict[str, _Entry]:
    """Every entry name and attribute checked before a byte of content is read."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise _malformed("too_many_files", str(len(infos)))
    top: str | None = None
    files: dict[str, _Entry] = {}
    seen: dict[str, str] = {}
    folders: set[str] = set()
    declared_total = 0
    for info in infos:
        raw = info.orig_filename  # ZipInfo.filename is already cut at a NUL byte
        if not (info.flag_bits & 0x800) and not raw.isascii():
            raise _malformed("unsafe_path", "non-ASCII name without the UTF-8 flag")
        is_dir = raw.endswith("/")
        name = raw[:-1] if is_dir else raw
        try:
            parts = fmt.check_relative_path(name, dataclasses.replace(limits, max_path_bytes=limits.max_path_bytes + 121))
        except fmt.FormatError as exc:
            raise _malformed("unsafe_path", exc.detail or raw) from None
        if not _entry_type_ok(info) or (info.is_dir() and info.file_size):
            raise _malformed("special_file", raw)
        if info.flag_bits & 0x1:
            raise _malformed("encrypted_entry", raw)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _malformed("unsupported_compression", raw)
        key = fmt.collision_key(name)
        if key in seen:
            raise _malformed("duplicate_name", f"{raw} / {seen[key]}")
        seen[key] = raw
        if top is None:
            top = parts[0]
        elif parts[0] != top:
            raise _malformed("not_single_folder", raw)
        for i in range(1, len(parts)):
            folders.add(fmt.collision_key("/".join(parts[:i])))
        if is_dir or stat.S_ISDIR(info.external_attr >> 16):
            if info.file_size:
                raise _malformed("special_file", raw)
            folders.add(key)
            continue
        if len(parts) < 2:
            raise _malformed("not_single_folder", raw)
        rel = "/".join(parts[1:])
        try:
            fmt.check_layout(rel, limits)
        except fmt.FormatError as exc:
            raise _malformed(exc.code, rel) from None
        declared_total += info.file_size
        if declared_total > limits.max_total_uncompressed:
            raise _malformed("zip_bomb", "total uncompressed size over the limit")
        if info.file_size > limits.ratio_min_size and info.file_size > max(info.compress_size, 1) * limits.max_ratio:
            raise _malformed("zip_bomb", f"{rel}: compression ratio")
        files[rel] = _Entry(info, rel)
    for rel, entry in files.items():
        if fmt.collision_key(entry.info.orig_filename) in folders:
            raise _malformed("duplicate_name", f"{rel} is both a file and a folder")
    if top is None:
        raise _malformed("missing_required", "empty archive")
    return files


class _Reader:
    """Reads entries with hard byte limits, optionally copying them into a staging folder."""

    def __init__(self, zf: zipfile.ZipFile, limits: fmt.Limits, progress: Progress | None, total: int,
                 sink: Path | None):
        self.zf, self.limits, self.progress, self.total, self.sink = zf, limits, progress, total, sink
        self.read_total = 0

    def read(self, entry: _Entry, keep_limit: int | None) -> tuple[str, bytes | None]:
        """(sha256 hex, content if keep_limit allows it). Corruption → tampered; excess → zip bomb."""
        info = entry.info
        if keep_limit is not None and info.file_size > keep_limit:
            raise _malformed("too_large", entry.rel)
        digest = hashlib.sha256()
        kept = bytearray() if keep_limit is not None else None
        out: BinaryIO | None = self._open_sink(entry.rel) if self.sink is not None else None
        count = 0
        try:
            with self.zf.open(info) as fh:
                while True:
                    chunk = fh.read(CHUNK)
                    if not chunk:
                        break
                    count += len(chunk)
                    self.read_total += len(chunk)
                    if count > info.file_size or self.read_total > self.limits.max_total_uncompressed:
                        raise _malformed("zip_bomb", entry.rel)
                    digest.update(chunk)
                    if kept is not None:
                        kept.extend(chunk)
                    if out is not None:
                        try:
                            out.write(chunk)
                        except OSError as exc:
                            raise _SinkError(exc) from exc
                    if self.progress is not None:
                        self.progress(self.read_total, self.total, entry.rel)
        except _ZIP_ERRORS as exc:
            # A CRC error or an undecodable stream: the bytes are not the ones that were zipped.
            raise _Reject(fmt.TAMPERED, "corrupt_entry", f"{entry.rel}: {exc}") from None
        finally:
            if out is not None:
                try:
                    out.close()
                except OSError as exc:
                    raise _SinkError(exc) from exc
        return digest.hexdigest(), (bytes(kept) if kept is not None else None)

    def _open_sink(self, rel: str) -> BinaryIO:
        assert self.sink is not None
        root = self.sink.resolve()
        dest = root.joinpath(*rel.split("/"))
        # Names were checked already; this is the second lock on the door.
        if os.path.commonpath([root, dest.parent.resolve()]) != str(root) or dest.parent.resolve() != dest.resolve().parent:
            raise _malformed("unsafe_path", rel)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.parent.is_symlink():
                raise _malformed("unsafe_path", rel)
            return open(dest, "xb")  # O_EXCL: never through an existing file or symlink
        except OSError as exc:
            raise _SinkError(exc) from exc


def _hash_file(path: Path, drop_cache: bool) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        if drop_cache and hasattr(os, "posix_fadvise"):
            # After fsync the pages are clean: dropping them makes this read come from the stick
            # itself, not from memory (best effort; Windows has no cheap equivalent).
            try:
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _check(path: Path, limits: fmt.Limits, progress: Progress | None, drop_cache: bool,
           sink: Path | None) -> PacketCheck:
    path = Path(path)
    try:
        size = os.stat(path).st_size
        if not stat.S_ISREG(os.stat(path).st_mode):
            return PacketCheck(path, fmt.MALFORMED, "not_zip", "not a regular file")
        if size > limits.max_packet_bytes:
            return PacketCheck(path, fmt.MALFORMED, "too_large", f"{size} bytes", file_size=size)
        file_sha256, size = _hash_file(path, drop_cache)
    except OSError as exc:
        raise UserError("packets.read_failed", path=str(path), detail=exc.strerror or str(exc)) from exc
    base = dict(file_sha256=file_sha256, file_size=size)
    signer_fp = signer_pem = None
    manifest = None
    try:
        try:
            zf = zipfile.ZipFile(path)
        except _ZIP_ERRORS as exc:
            raise _malformed("not_zip", str(exc)) from None
        with zf:
            try:
                files = _scan(zf, limits)
            except _ZIP_ERRORS as exc:
                raise _malformed("not_zip", str(exc)) from None
            missing = [n for n in (fmt.SUMS, fmt.SIG, fmt.SIGNER) if n not in files]
            if missing:
                raise _malformed("missing_required", ", ".join(missing))
            total = sum(e.info.file_size for e in files.values())
            reader = _Reader(zf, limits, progress, total, sink)

            _, signer_bytes = reader.read(files[fmt.SIGNER], limits.max_signer_bytes)
            try:
                signer_key = load_public_key_pem(signer_bytes)
            except (ValueError, UnicodeDecodeError) as exc:
                raise _malformed("bad_signer_key", str(exc)) from None
            signer_fp, signer_pem = fingerprint(signer_key), public_key_pem(signer_key)

            _, sig = reader.read(files[fmt.SIG], 1024)
            if len(sig) != 64:
                raise _Reject(fmt.BAD_SIGNATURE, "bad_signature_file", f"{len(sig)} bytes")
            _, sums_raw = reader.read(files[fmt.SUMS], limits.max_sums_bytes)
            if not verify_signature(signer_key, sig, sums_raw):
                raise _Reject(fmt.BAD_SIGNATURE, "signature_mismatch")
            try:
                sums = fmt.parse_sums(sums_raw, limits)
            except fmt.FormatError as exc:
                raise _malformed(exc.code, exc.detail) from None

            present = set(files) - {fmt.SUMS, fmt.SIG}
            if missing_files := sorted(set(sums) - present, key=fmt.sort_key):
                raise _Reject(fmt.TAMPERED, "missing_file", ", ".join(missing_files[:5]))
            if extra := sorted(present - set(sums), key=fmt.sort_key):
                raise _Reject(fmt.TAMPERED, "extra_file", ", ".join(extra[:5]))
            if fmt.MANIFEST not in sums or fmt.DATA not in sums:
                raise _malformed("sums_incomplete")

            kept: dict[str, bytes] = {}
            keep = {fmt.MANIFEST: limits.max_manifest_bytes, fmt.DATA: limits.max_data_bytes}
            for rel in sorted(sums, key=fmt.sort_key):
                if rel == fmt.SIGNER:
                    digest = hashlib.sha256(signer_bytes).hexdigest()
                else:
                    digest, content = reader.read(files[rel], keep.get(rel))
                    if content is not None:
                        kept[rel] = content
                if digest != sums[rel]:
                    raise _Reject(fmt.TAMPERED, "hash_mismatch", rel)

            try:
                manifest = fmt.parse_manifest(fmt.parse_json(kept[fmt.MANIFEST], limits))
            except fmt.FormatError as exc:
                raise _malformed(exc.code, f"{fmt.MANIFEST}: {exc.detail}") from None
            if manifest.signer_fingerprint != signer_fp:
                raise _malformed("fingerprint_mismatch", f"manifest {manifest.signer_fingerprint}, signer.pem {signer_fp}")
            rotation = manifest.key_rotation
            if rotation is not None:
                if rotation.commune_code != manifest.commune_code or rotation.new_fingerprint != signer_fp:
                    raise _Reject(fmt.BAD_SIGNATURE, "rotation_mismatch")
                if not rotation.is_valid():
                    raise _Reject(fmt.BAD_SIGNATURE, "rotation_signature")
            try:
                data = fmt.parse_json(kept[fmt.DATA], limits)
                fmt.check_data_shape(data)
            except fmt.FormatError as exc:
                raise _malformed(exc.code, f"{fmt.DATA}: {exc.detail}") from None
            code = data["commune"].get("code")
            if code is not None and code != manifest.commune_code:
                raise _malformed("bad_data", "data.json commune.code differs from the manifest")
            content_files = tuple(p for p in sorted(sums, key=fmt.sort_key) if p.split("/")[0] in fmt.CONTENT_DIRS)
            return PacketCheck(path, fmt.VALID, None, "", manifest=manifest, data=data,
                               signer_fingerprint=signer_fp, signer_public_key_pem=signer_pem,
                               files=content_files, **base)
    except _Reject as r:
        return PacketCheck(path, r.verdict, r.reason, r.detail, manifest=manifest,
                           signer_fingerprint=signer_fp, signer_public_key_pem=signer_pem, **base)
    except OSError as exc:
        raise UserError("packets.read_failed", path=str(path), detail=exc.strerror or str(exc)) from exc
    except _ZIP_ERRORS as exc:
        return PacketCheck(path, fmt.MALFORMED, "not_zip", str(exc)[:200], **base)


def check_packet(path: str | os.PathLike, *, limits: fmt.Limits = fmt.DEFAULT_LIMITS,
                 progress: Progress | None = None, drop_cache: bool = False) -> PacketCheck:
    """The cryptographic and structural check of a packet file; never raises for a bad packet.

    Returns verdict valid / bad_signature / tampered / malformed. Raises UserError only when the
    file cannot be read at all (stick pulled out). Trust, duplicates and order: classify_packet().
    Check a copy in the receiver's own folder, not the file on the stick, so the bytes that were
    checked are the bytes that are kept.
    """
    return _check(Path(path), limits, progress, drop_cache, None)


@dataclass(frozen=True)
class ExtractedPacket:
    check: PacketCheck
    folder: Path | None  # inbox/<packet_id>, only when the packet is valid


def extract_packet(path: str | os.PathLike, inbox_dir: str | os.PathLike, *,
                   limits: fmt.Limits = fmt.DEFAULT_LIMITS, progress: Progress | None = None) -> ExtractedPacket:
    """Check and extract in one pass into `inbox_dir/<packet_id>`; nothing is written outside inbox_dir.

    Files go to a hidden staging folder first; only a valid packet is renamed into place, anything
    else is deleted. The extracted folder holds SHA256SUMS, its signature and signer.pem, so
    `sha256sum -c` and openssl work there too.
    """
    inbox = Path(inbox_dir)
    try:
        inbox.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".extracting-", dir=inbox))
    except OSError as exc:
        raise os_error_to_user_error(exc, inbox) from exc
    try:
        try:
            check = _check(Path(path), limits, progress, False, staging)
        except _SinkError as exc:
            raise exc.exc from None
        if not check.is_valid:
            return ExtractedPacket(check, None)
        final = inbox / check.manifest.packet_id
        if final.exists():
            # Extracted before (the same packet id, re-sent): the fresh copy replaces the old one.
            old = inbox / f".replaced-{uuid.uuid4().hex[:8]}"
            os.replace(final, old)
            shutil.rmtree(old, ignore_errors=True)
        os.replace(staging, final)
        return ExtractedPacket(check, final)
    except OSError as exc:
        raise os_error_to_user_error(exc, inbox) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


# ----- the receiver's judgement -------------------------------------------------------------------

@dataclass(frozen=True)
class CommuneState:
    """What the receiving workspace knows of one commune (kept in its database)."""

    trusted_fingerprints: frozenset[str] = frozenset()
    last_sequence: int | None = None          # highest sequence accepted as valid
    last_packet_sha256: str | None = None     # file SHA-256 of that packet
    seen_packet_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Classification:
    verdict: str
    reason: str | None = None
    signer_fingerprint: str | None = None
    first_contact: bool = False                  # no key trusted yet: compare the fingerprint on paper
    newly_trusted_fingerprint: str | None = None  # a rotation accepted: store this key as trusted
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


def classify_packet(check: PacketCheck, state: CommuneState) -> Classification:
    """Trust, then duplicates, then order. `state` is the receiver's record of check.manifest.commune_code."""
    if not check.is_valid or check.manifest is None:
        return Classification(check.verdict, check.reason, check.signer_fingerprint)
    m = check.manifest
    fp = check.signer_fingerprint
    trusted = set(state.trusted_fingerprints)
    new_trusted = None
    reason = None
    if fp not in trusted:
        rotation = m.key_rotation  # already verified by check_packet
        if rotation is not None and rotation.old_fingerprint in trusted and rotation.new_fingerprint == fp:
            new_trusted, reason = fp, "rotation_accepted"
        else:
            return Classification(fmt.UNTRUSTED_SIGNER, "unknown_signer" if trusted else "first_contact", fp,
                                  first_contact=not trusted)
    if m.packet_id in state.seen_packet_ids:
        return Classification(fmt.DUPLICATE, "same_packet_id", fp)
    expected = None if state.last_sequence is None else state.last_sequence + 1
    if expected is not None:
        if m.sequence < expected:
            return Classification(fmt.OUT_OF_SEQUENCE, "older_sequence", fp, expected_sequence=expected)
        if m.sequence > expected:
            return Classification(fmt.OUT_OF_SEQUENCE, "sequence_gap", fp, expected_sequence=expected)
        if state.last_packet_sha256 is not None and m.previous_packet_sha256 != state.last_packet_sha256:
            return Classification(fmt.OUT_OF_SEQUENCE, "chain_mismatch", fp, expected_sequence=expected)
    return Classification(fmt.VALID, reason, fp, newly_trusted_fingerprint=new_trusted, expected_sequence=expected)


def verify_packet(path: str | os.PathLike, trusted: Callable[[str], bool] | Iterable[str] | None = None, *,
                  limits: fmt.Limits = fmt.DEFAULT_LIMITS) -> PacketCheck:
    """check_packet plus, when `trusted` is given (a predicate or a set of fingerprints), the trust verdict.

    For `main.py verify`: no receiver state, no trust on first use; report the fingerprint.
    """
    check = check_packet(path, limits=limits)
    if trusted is None or not check.is_valid:
        return check
    is_trusted = trusted if callable(trusted) else set(trusted).__contains__
    fp = check.signer_fingerprint
    rotation = check.manifest.key_rotation if check.manifest else None
    if is_trusted(fp) or (rotation is not None and is_trusted(rotation.old_fingerprint)):
        return check
    return dataclasses.replace(check, verdict=fmt.UNTRUSTED_SIGNER, reason="unknown_signer")
