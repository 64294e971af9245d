"""Files on USB sticks and slow disks: OS errors as clear UserErrors, fsync of files and folders, atomic small
writes. Used by packets, backups, documents and keys alike."""
from __future__ import annotations

import errno
import os
import shutil
import sys
import uuid
from pathlib import Path

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
