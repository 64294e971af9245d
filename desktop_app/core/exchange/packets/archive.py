"""Reading an archive that arrives on a stick — a round's packet today; the province's return packets and rules
packs (issues 15 and 16) are meant to be read with the same functions — with the defences every such reader
needs, cheapest and most decisive first, each bounded in memory and time before it starts:

1. `open_regular_file`: open once (never blocking on a FIFO), `fstat` the open descriptor: a regular file of at
   most the size allowed, or refused before a byte is copied or parsed;
2. `check_end_record`: the ZIP end-of-central-directory record (entry count, directory size) read with the very
   function `zipfile` itself uses, and judged before `zipfile` parses the directory;
3. `scan_entries`: every name and attribute (no escape, no hidden character, no link or device, one top folder,
   the layout and the file types the caller allows, declared sizes and ratios) before any content;
4. `EntryReader`: content read with hard byte limits, hashed, optionally written into a staging folder;
5. `format.decode_typed_json` / `format.parse_json`: JSON bounded in values and depth before it is parsed, then
   decoded once into the declared types.

The signature, the trust decision and the hashes come between 4 and 5; the packet reader (reader.py) shows the
order. Every refusal is a `Refusal(verdict, reason, detail)` with a reason code of format.REASONS.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from . import format as fmt

CHUNK = 1024 * 1024
Progress = Callable[[int, int, str], None]

# What zipfile and zlib may raise on a damaged or hostile archive (CPython 3.11).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, struct.error,
              NotImplementedError, OverflowError, IndexError, KeyError, UnicodeDecodeError)


class Refusal(Exception):
    """The archive is refused: `verdict` (format.VERDICTS), `reason` (format.REASONS) and a technical detail."""

    def __init__(self, verdict: str, reason: str, detail: str = "", size: int = 0):
        super().__init__(f"{verdict}/{reason}: {detail}")
        self.verdict, self.reason, self.detail = verdict, reason, detail
        self.size = size  # of the file, when it was refused before being read


def malformed(reason: str, detail: str = "") -> Refusal:
    return Refusal(fmt.MALFORMED, reason, detail)


class SinkError(Exception):
    """Writing into the staging folder failed (the receiving PC's disk), as opposed to reading the archive."""

    def __init__(self, exc: OSError):
        super().__init__(str(exc))
        self.exc = exc


# ----- 1. the file itself ---------------------------------------------------------------------------------

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular_file(path: str | os.PathLike, max_bytes: int) -> tuple[BinaryIO, int]:
    """(open file, size) of a regular file of at most max_bytes; Refusal not_regular / too_large; OSError when it
    cannot be opened at all (a stick pulled out).

    O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever. The type and size come
    from fstat on the open descriptor, so they are those of the file that is then read (a symlink is followed
    once, here, and the device or pipe it may point at is refused).
    """
    fd = os.open(path, _OPEN_FLAGS | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refusal(fmt.MALFORMED, "not_regular", _kind(st.st_mode))
        if st.st_size > max_bytes:
            raise Refusal(fmt.MALFORMED, "too_large", f"{st.st_size} bytes", size=st.st_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb"), st.st_size
    except BaseException:
        os.close(fd)
        raise


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "directory"), (stat.S_ISFIFO, "pipe (FIFO)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return f"not a regular file: {name}"
    return "not a regular file"


def hash_open_file(fh: BinaryIO, drop_cache: bool = False) -> tuple[str, int]:
    """SHA-256 and size of an open file from its start; leaves the position at the start again."""
    if drop_cache and hasattr(os, "posix_fadvise"):
        # After fsync the pages are clean: dropping them makes this read come from the stick itself, not from
        # memory (best effort; Windows has no cheap equivalent).
        try:
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass
    fh.seek(0)
    digest, size = hashlib.sha256(), 0
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    fh.seek(0)
    return digest.hexdigest(), size


# ----- 2. the end record ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EndRecord:
    entries: int
    directory_size: int
    directory_offset: int


def check_end_record(fh: BinaryIO, file_size: int, limits: fmt.Limits) -> EndRecord:
    """The end-of-central-directory record (ZIP64 included), judged before zipfile reads the directory.

    zipfile.ZipFile reads the whole central directory into memory and makes an object per entry before anyone can
    count them (millions of entries cost gigabytes). `zipfile._EndRecData` is the function ZipFile itself calls to
    find the record (it reads at most the last 64 KiB and the ZIP64 record), so both see the same numbers;
    ZipFile's loop is bounded by the directory size checked here.
    """
    try:
        end = zipfile._EndRecData(fh)  # noqa: SLF001 — the same record ZipFile will use (CPython 3.11)
    except ZIP_ERRORS + (OSError,) as exc:
        raise malformed("not_zip", str(exc)[:200]) from None
    if end is None:
        raise malformed("not_zip", "no end of central directory record")
    record = EndRecord(entries=max(end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_ENTRIES_THIS_DISK]),
                       directory_size=end[zipfile._ECD_SIZE], directory_offset=end[zipfile._ECD_OFFSET])
    if record.entries > limits.max_entries:
        raise malformed("too_many_files", f"{record.entries} entries")
    if record.directory_size > limits.max_central_directory_bytes:
        raise malformed("too_many_files", f"central directory of {record.directory_size} bytes")
    if record.directory_size > file_size:
        raise malformed("not_zip", "central directory larger than the file")
    fh.seek(0)
    return record


def open_zip(fh: BinaryIO, file_size: int, limits: fmt.Limits) -> zipfile.ZipFile:
    """A ZipFile over the open file, only after its end record passed."""
    record = check_end_record(fh, file_size, limits)
    try:
        zf = zipfile.ZipFile(fh)
    except ZIP_ERRORS as exc:
        raise malformed("not_zip", str(exc)[:200]) from None
    if len(zf.filelist) > max(record.entries, 0) and len(zf.filelist) > limits.max_entries:
        raise malformed("too_many_files", str(len(zf.filelist)))
    return zf


# ----- 3. names and attributes --------------------------------------------------------------------------------

def entry_type_ok(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    # Unix attributes are read whatever create_system claims: a symlink is a symlink to `unzip`.
    return kind in (0, stat.S_IFREG, stat.S_IFDIR)


def scan_entries(zf: zipfile.ZipFile, limits: fmt.Limits,
                 layout: Callable[[str, fmt.Limits], None] = fmt.check_layout) -> dict[str, zipfile.ZipInfo]:
    """Every entry name and attribute checked before a byte of content is read: path inside the one top folder →
    its ZipInfo. `layout(path, limits)` raises FormatError for a path or file type the format does not allow."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise malformed("too_many_files", str(len(infos)))
    top: str | None = None
    files: dict[str, zipfile.ZipInfo] = {}
    seen: dict[str, str] = {}
    folders: set[str] = set()
    declared_total = 0
    long_paths = dataclasses.replace(limits, max_path_bytes=limits.max_path_bytes + limits.max_component_bytes + 1)
    for info in infos:
        raw = info.orig_filename  # ZipInfo.filename is already cut at a NUL byte
        if not (info.flag_bits & 0x800) and not raw.isascii():
            raise malformed("unsafe_path", "non-ASCII name without the UTF-8 flag")
        is_dir = raw.endswith("/")
        name = raw[:-1] if is_dir else raw
        try:
            parts = fmt.check_relative_path(name, long_paths)
        except fmt.FormatError as exc:
            raise malformed("unsafe_path", exc.detail or ascii(raw)) from None
        if not entry_type_ok(info) or (info.is_dir() and info.file_size):
            raise malformed("special_file", raw)
        if info.flag_bits & 0x1:
            raise malformed("encrypted_entry", raw)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise malformed("unsupported_compression", raw)
        key = fmt.collision_key(name)
        if key in seen:
            raise malformed("duplicate_name", f"{raw} / {seen[key]}")
        seen[key] = raw
        if top is None:
            top = parts[0]
        elif parts[0] != top:
            raise malformed("not_single_folder", raw)
        for i in range(1, len(parts)):
            folders.add(fmt.collision_key("/".join(parts[:i])))
        if is_dir or stat.S_ISDIR(info.external_attr >> 16):
            if info.file_size:
                raise malformed("special_file", raw)
            folders.add(key)
            continue
        if len(parts) < 2:
            raise malformed("not_single_folder", raw)
        rel = "/".join(parts[1:])
        try:
            layout(rel, limits)
        except fmt.FormatError as exc:
            raise malformed(exc.code, rel) from None
        declared_total += info.file_size
        if declared_total > limits.max_total_uncompressed:
            raise malformed("zip_bomb", "total uncompressed size over the limit")
        if info.file_size > limits.ratio_min_size and info.file_size > max(info.compress_size, 1) * limits.max_ratio:
            raise malformed("zip_bomb", f"{rel}: compression ratio")
        files[rel] = info
    for rel, info in files.items():
        if fmt.collision_key(info.orig_filename) in folders:
            raise malformed("duplicate_name", f"{rel} is both a file and a folder")
    if top is None:
        raise malformed("missing_required", "empty archive")
    return files


# ----- 4. content ------------------------------------------------------------------------------------------------

class EntryReader:
    """Reads entries with hard byte limits, hashing, optionally copying them into a staging folder (`sink`)."""

    def __init__(self, zf: zipfile.ZipFile, limits: fmt.Limits, progress: Progress | None, total: int,
                 sink: Path | None):
        self.zf, self.limits, self.progress, self.total, self.sink = zf, limits, progress, total, sink
        self.read_total = 0

    def read(self, rel: str, info: zipfile.ZipInfo, keep_limit: int | None,
             write: bool = True) -> tuple[str, bytes | None]:
        """(sha256 hex, content if keep_limit allows it). Corruption → tampered; excess → zip bomb."""
        if keep_limit is not None and info.file_size > keep_limit:
            raise malformed("too_large", rel)
        digest = hashlib.sha256()
        kept = bytearray() if keep_limit is not None else None
        out: BinaryIO | None = self._open_sink(rel) if (self.sink is not None and write) else None
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
                        raise malformed("zip_bomb", rel)
                    digest.update(chunk)
                    if kept is not None:
                        kept.extend(chunk)
                    if out is not None:
                        try:
                            out.write(chunk)
                        except OSError as exc:
                            raise SinkError(exc) from exc
                    if self.progress is not None:
                        self.progress(self.read_total, self.total, rel)
        except ZIP_ERRORS as exc:
            # A CRC error or an undecodable stream: the bytes are not the ones that were zipped.
            raise Refusal(fmt.TAMPERED, "corrupt_entry", f"{rel}: {exc}") from None
        finally:
            if out is not None:
                try:
                    out.close()
                except OSError as exc:
                    raise SinkError(exc) from exc
        return digest.hexdigest(), (bytes(kept) if kept is not None else None)

    def _open_sink(self, rel: str) -> BinaryIO:
        assert self.sink is not None
        root = self.sink.resolve()
        dest = root.joinpath(*rel.split("/"))
        # Names were checked already; this is the second lock on the door.
        if os.path.commonpath([root, dest.parent.resolve()]) != str(root) or dest.parent.resolve() != dest.resolve().parent:
            raise malformed("unsafe_path", rel)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.parent.is_symlink():
                raise malformed("unsafe_path", rel)
            return open(dest, "xb")  # O_EXCL: never through an existing file or symlink
        except OSError as exc:
            raise SinkError(exc) from exc


# ----- what a directory scan may pick up ---------------------------------------------------------------------------

def looks_like(path: str | os.PathLike, limits: fmt.Limits, recognise: Callable[[zipfile.ZipFile], bool]) -> bool:
    """Whether the file at `path` is an archive of some format, as `recognise(zf)` tells from its central directory
    and its small files — never trusting it: steps 1 and 2 apply (a regular file of bounded size, a bounded
    directory); any refusal or error means no. Names are not judged here: a hostile archive of the format is
    still picked, so that reading it records why it is refused."""
    try:
        fh, size = open_regular_file(path, limits.max_packet_bytes)
    except (OSError, Refusal):
        return False
    try:
        with fh:
            zf = open_zip(fh, size, limits)
            with zf:
                return bool(recognise(zf))
    except (Refusal, OSError) + ZIP_ERRORS:
        return False


def read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> bytes | None:
    """The content of a small entry, at most max_bytes decompressed (None when larger or unreadable)."""
    if info.file_size > max_bytes or info.flag_bits & 0x1:
        return None
    try:
        with zf.open(info) as fh:
            content = fh.read(max_bytes + 1)
    except ZIP_ERRORS + (OSError,):
        return None
    return content if len(content) <= max_bytes else None
