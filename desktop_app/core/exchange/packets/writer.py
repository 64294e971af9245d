"""Write one signed packet: temporary name, fsync, rename, read back and verify before saying done."""
from __future__ import annotations

import hashlib
import os
import stat
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Mapping

from .... import APP_NAME, __version__
from ...errors import UserCancelled, UserError, message_text
from ...storage.files import TEMP_PREFIX, TEMP_SUFFIX, os_error_to_user_error, remove_quietly, write_verified
from ..keys import VN_TZ, CommuneKey
from . import format as fmt
from .reader import check_packet
from .round_data import RoundData

Progress = Callable[[int, int, str], None]
CHUNK = 1024 * 1024

# Already-compressed formats are stored: deflating them costs time and gains nothing.
_STORED_SUFFIXES = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".jpg", ".jpeg", ".png", ".gif", ".webp",
                    ".heic", ".zip", ".7z", ".rar", ".gz", ".mp4", ".mov", ".mp3", ".m4a"}


@dataclass(frozen=True)
class PacketHeader:
    """What the exporting round knows; the writer adds packet id, time, app version and signer."""

    commune_code: str
    commune_name: str
    round_number: int
    round_version: int
    sequence: int
    previous_packet_sha256: str | None
    supersedes_packet_id: str | None = None


@dataclass(frozen=True)
class WrittenPacket:
    """Record this in the workspace: the next packet of the commune chains to `sha256`."""

    path: Path
    sha256: str
    size: int
    packet_id: str
    sequence: int
    created_at: str
    signer_fingerprint: str


class _SourceError(Exception):
    def __init__(self, arcname: str, source: Path, exc: OSError):
        self.arcname, self.source, self.exc = arcname, source, exc


def _check_inputs(files: Mapping[str, os.PathLike | str], limits: fmt.Limits) -> list[tuple[str, Path, int]]:
    seen: dict[str, str] = {}
    items = []
    for arcname, source in files.items():
        try:
            parts = fmt.check_relative_path(arcname, limits)
        except fmt.FormatError:
            raise UserError("packets.bad_file_name", name=arcname) from None
        if len(parts) < 2 or parts[0] not in fmt.CONTENT_DIRS:
            raise UserError("packets.bad_file_name", name=arcname)
        try:
            fmt.check_file_type(arcname)
        except fmt.FormatError:
            raise UserError("packets.file_type_not_allowed", name=arcname,
                            allowed=", ".join(sorted(fmt.allowed_types(arcname)))) from None
        key = fmt.collision_key(arcname)
        if key in seen:
            raise UserError("packets.duplicate_file_name", name=arcname, other=seen[key])
        seen[key] = arcname
        source = Path(source)
        try:
            st = os.stat(source)
        except OSError:
            raise UserError("packets.source_missing", path=str(source)) from None
        if not stat.S_ISREG(st.st_mode):
            raise UserError("packets.source_missing", path=str(source))
        items.append((arcname, source, st.st_size))
    # Every prefix of a file path is a folder, so no file may also be such a prefix.
    folders = {fmt.collision_key("/".join(a.split("/")[:i])) for a, _, _ in items
               for i in range(1, a.count("/") + 1)}
    for arcname, _, _ in items:
        if fmt.collision_key(arcname) in folders:
            raise UserError("packets.duplicate_file_name", name=arcname, other=arcname + "/…")
    if len(items) + len(fmt.FIXED_FILES) > limits.max_entries:
        raise UserError("packets.too_many_files", count=len(items), max=limits.max_entries - len(fmt.FIXED_FILES))
    return sorted(items, key=lambda it: fmt.sort_key(it[0]))


def _zinfo(name: str, when: datetime, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.create_system = 3  # Unix: the mode below is honoured by unzip; never a symlink
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    return info


def _remove_stale_temps(target_dir: Path) -> None:
    # Leftovers of an export interrupted by a power cut (see docs/packet-format.md, "Writing").
    try:
        for entry in os.scandir(target_dir):
            if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
                remove_quietly(Path(entry.path))
    except OSError:
        pass


def write_packet(
    target_dir: str | os.PathLike,
    *,
    files: Mapping[str, str | os.PathLike],
    data: Mapping | RoundData,
    header: PacketHeader,
    key: CommuneKey,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
    limits: fmt.Limits = fmt.DEFAULT_LIMITS,
) -> WrittenPacket:
    """Write `<code>_dot<round>_<YYYYMMDD>_<seq>.zip` into target_dir and verify it.

    files: archive path ("documents/to-trinh.pdf", "evidence/3/anh.jpg") → source file.
    data: the round's import data (data.json): a RoundData, or a dict of its shape (checked here, as the reader
    will).
    Raises UserError (full / removed / read-only target, bad input) or UserCancelled; in every
    failure the temporary file is removed and no file under the final name is left behind.
    """
    target_dir = Path(target_dir)
    now = (now or datetime.now(VN_TZ)).astimezone(VN_TZ)
    if key.commune_code != header.commune_code:
        raise UserError("packets.key_other_commune", commune=key.commune_code)
    try:
        data_bytes = fmt.encode_data(data)
        decoded = fmt.decode_data(data_bytes, limits)  # what the reader will see, within its bounds
    except fmt.FormatError as exc:
        raise UserError("packets.bad_data", detail=exc.detail) from None
    if decoded.commune.code != header.commune_code:
        raise UserError("packets.bad_data", detail="commune.code differs from the packet's commune")
    items = _check_inputs(files, limits)

    manifest = fmt.Manifest(
        packet_id=str(uuid.uuid4()),
        commune_code=header.commune_code,
        commune_name=header.commune_name,
        round_number=header.round_number,
        round_version=header.round_version,
        sequence=header.sequence,
        previous_packet_sha256=header.previous_packet_sha256,
        created_at=now.isoformat(timespec="seconds"),
        app_name=APP_NAME,
        app_version=__version__,
        signer_fingerprint=key.fingerprint,
        key_rotation=key.rotation,
        supersedes_packet_id=header.supersedes_packet_id,
    )
    try:
        manifest = fmt.parse_manifest(manifest.to_dict())  # the writer obeys the reader's schema
    except fmt.FormatError as exc:
        raise UserError("packets.bad_header", detail=exc.detail) from None
    manifest_bytes = fmt.dump_json(manifest.to_dict())
    signer_bytes = key.public_key_pem.encode("ascii")

    total_content = sum(size for _, _, size in items) + len(data_bytes) + len(manifest_bytes)
    if total_content > limits.max_total_uncompressed or len(data_bytes) > limits.max_data_bytes:
        raise UserError("packets.too_large", size_mb=total_content // (1024 * 1024),
                        max_mb=limits.max_total_uncompressed // (1024 * 1024))

    name = fmt.packet_file_name(header.commune_code, header.round_number, now.date(), header.sequence)
    top = name[:-len(".zip")]
    total = total_content * 2  # writing, then reading back
    done = 0

    def report(label: str) -> None:
        if progress is not None:
            progress(min(done, total), total, label)
        if cancelled is not None and cancelled():
            raise UserCancelled()

    def tick(n: int, label: str) -> None:
        nonlocal done
        done += n
        report(label)

    def write(raw) -> None:
        hashes: dict[str, str] = {}
        with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
            for arcname, source, size in items:
                label = message_text("packets.progress.writing", name=arcname)
                tick(0, label)
                digest = hashlib.sha256()
                info = _zinfo(f"{top}/{arcname}", now, Path(arcname).suffix.lower() not in _STORED_SUFFIXES)
                try:
                    src = open(source, "rb")
                except OSError as exc:
                    raise _SourceError(arcname, source, exc) from exc
                with src, zf.open(info, "w", force_zip64=size > 2**31) as dst:
                    while True:
                        try:
                            chunk = src.read(CHUNK)
                        except OSError as exc:
                            raise _SourceError(arcname, source, exc) from exc
                        if not chunk:
                            break
                        digest.update(chunk)
                        dst.write(chunk)
                        tick(len(chunk), label)
                hashes[arcname] = digest.hexdigest()
            for arcname, content in ((fmt.DATA, data_bytes), (fmt.MANIFEST, manifest_bytes),
                                     (fmt.SIGNER, signer_bytes)):
                zf.writestr(_zinfo(f"{top}/{arcname}", now, True), content)
                hashes[arcname] = hashlib.sha256(content).hexdigest()
                tick(len(content), message_text("packets.progress.writing", name=arcname))
            sums = fmt.sums_bytes(hashes)
            zf.writestr(_zinfo(f"{top}/{fmt.SUMS}", now, True), sums)
            zf.writestr(_zinfo(f"{top}/{fmt.SIG}", now, False), key.sign(sums))
        tick(0, message_text("packets.progress.finishing"))

    checked = []

    def verify(final: Path) -> None:
        written = done

        def on_read(read: int, _total: int, label: str) -> None:
            nonlocal done
            done = written + read
            report(label)

        check = check_packet(final, progress=on_read, limits=limits, drop_cache=True)
        if (check.verdict != fmt.VALID or check.manifest is None
                or check.manifest.packet_id != manifest.packet_id
                or check.manifest.signer_fingerprint != key.fingerprint):
            raise UserError("packets.verify_after_write_failed", reason=check.reason or check.verdict)
        checked.append(check)

    try:
        if not target_dir.is_dir():
            raise UserError("packets.target_gone", path=str(target_dir)) if not target_dir.exists() \
                else UserError("packets.not_writable", path=str(target_dir))
        _remove_stale_temps(target_dir)
        final = write_verified(target_dir, name, write, verify, exists_code="packets.target_exists")
    except _SourceError as exc:
        raise UserError("packets.source_unreadable", path=str(exc.source), detail=exc.exc.strerror or "") from None
    except OSError as exc:
        raise os_error_to_user_error(exc, target_dir) from exc
    check = checked[0]
    return WrittenPacket(final, check.file_sha256, check.file_size, manifest.packet_id, header.sequence,
                         manifest.created_at, key.fingerprint)
