"""Files on USB sticks and slow disks: OS errors as clear UserErrors, fsync of files and folders, atomic small
writes. Used by packets, backups, documents and keys alike."""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sys
import uuid
from pathlib import Path
from typing import BinaryIO, Callable

from ..errors import UserError

# Windows error codes (winerror) of a vanished or failing device; Python maps some of them to
# errno values we also check, but not all (ERROR_NOT_READY, ERROR_DEVICE_NOT_CONNECTED → EINVAL).
_WIN_GONE = {2, 3, 15, 21, 31, 55, 1006, 1117, 1167}
_WIN_FULL = {39, 112}
_WIN_READ_ONLY = {5, 19, 32, 33}

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG}
_GONE = {errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO, getattr(errno, "ESTALE", -1),
         getattr(errno, "ENOMEDIUM", -1), getattr(errno, "ESHUTDOWN", -1)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR}


def os_error_to_user_error(exc: OSError, where: str | os.PathLike) -> UserError:
    """The Vietnamese message for a failed write at `where` (a full, pulled-out or read-only target)."""
    winerror = getattr(exc, "winerror", None)
    place = str(where)
    if exc.errno in _FULL or winerror in _WIN_FULL:
        return UserError("packets.disk_full", path=place)
    if exc.errno in _READ_ONLY or winerror in _WIN_READ_ONLY:
        return UserError("packets.not_writable", path=place)
    if exc.errno in _GONE or winerror in _WIN_GONE:
        return UserError("packets.target_gone", path=place)
    if exc.errno == errno.ENAMETOOLONG:
        return UserError("packets.name_too_long", path=place)
    return UserError("packets.write_failed", path=place, detail=exc.strerror or str(exc))


def sha256_file(path: str | os.PathLike, *, drop_cache: bool = False) -> tuple[str, int]:
    """(SHA-256 hex, size) of a file, read in chunks. `drop_cache` asks the OS to read the medium itself,
    not its page cache (best effort: the read-back of a USB stick)."""
    with open(path, "rb") as fh:
        if drop_cache and hasattr(os, "posix_fadvise"):
            try:
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
        digest = hashlib.file_digest(fh, "sha256")
        return digest.hexdigest(), fh.tell()


def fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX). Windows has no directory fsync; NTFS/FAT journal the rename."""
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some filesystems (vfat through some FUSE drivers) refuse fsync on a directory.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    """Best-effort delete (the stick may be gone already)."""
    try:
        os.unlink(path)
    except OSError:
        pass


def copy_file_durably(source: Path, target: Path) -> Path:
    """Copy under a temporary name, fsync, then rename: a power cut or a pulled stick never leaves a truncated
    file under the real name. OSError is left to the caller (what it means depends on where it happened)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        shutil.copyfile(source, partial)
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)
    except BaseException:
        remove_quietly(partial)
        raise
    return target


def write_file_atomically(path: Path, content: bytes) -> Path:
    """Write a small file: temporary name, fsync, rename, fsync the folder. Refuses to overwrite."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        if path.exists():
            raise UserError("packets.target_exists", name=path.name)
        with open(tmp, "xb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        remove_quietly(tmp)
        raise os_error_to_user_error(exc, path.parent) from exc
    except BaseException:
        remove_quietly(tmp)
        raise
    return path


TEMP_PREFIX = ".sothidua-"
TEMP_SUFFIX = ".partial"


def write_verified(target_dir: Path, name: str, write: Callable[[BinaryIO], None], verify: Callable[[Path], None],
                   *, exists_code: str) -> Path:
    """The one way a file is written to a USB stick: `write(file)` into a temporary name in target_dir, flush and
    fsync, rename to `name` (refusing to overwrite: UserError `exists_code`), fsync the folder, then `verify(path)`
    reads it back from the stick. On any failure — full, pulled out, read-only, a failed read-back — neither the
    temporary file nor the final one is left behind. OSError and the callbacks' errors reach the caller, who
    names them (what they mean depends on where it happened)."""
    target_dir = Path(target_dir)
    final = target_dir / name
    tmp = target_dir / f"{TEMP_PREFIX}{name}.{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"
    renamed = False
    try:
        if final.exists():
            raise UserError(exists_code, name=name)
        with open(tmp, "xb") as raw:
            write(raw)
            raw.flush()
            os.fsync(raw.fileno())
        if final.exists():
            raise UserError(exists_code, name=name)
        os.replace(tmp, final)
        renamed = True
        fsync_dir(target_dir)
        verify(final)
        return final
    except BaseException:
        remove_quietly(tmp)
        if renamed:
            remove_quietly(final)
        raise


def remove_stale_temps(target_dir: Path, name_prefix: str) -> list[Path]:
    """Remove what an interrupted `write_verified` of a file named `name_prefix…` left in target_dir (a stick):
    only our temporary names, never a finished file."""
    removed = []
    try:
        with os.scandir(target_dir) as it:
            entries = list(it)
        for entry in entries:
            if entry.name.startswith(TEMP_PREFIX + name_prefix) and entry.name.endswith(TEMP_SUFFIX) \
                    and entry.is_file():
                remove_quietly(Path(entry.path))
                removed.append(Path(entry.path))
    except OSError:
        pass
    return removed
