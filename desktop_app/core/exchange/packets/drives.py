"""Removable drives the user can export to (best effort, pure Python; no drive → choose any folder)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

LINUX_MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")
DRIVE_REMOVABLE = 2
SEM_FAILCRITICALERRORS = 0x0001


class RemovableDrive(NamedTuple):
    path: str
    label: str
    free_bytes: int


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes (\040 …).
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 4 <= len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def linux_mount_points(proc_mounts: str, roots: tuple[str, ...] = LINUX_MOUNT_ROOTS) -> list[str]:
    """Mount points under /media, /run/media, /mnt from the text of /proc/mounts, in order, no repeats."""
    points: list[str] = []
    for line in proc_mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        if point.startswith(roots) and point not in points:
            points.append(point)
    return points


def _with_free_space(points: list[tuple[str, str]]) -> list[RemovableDrive]:
    drives = []
    for path, label in points:
        try:
            free = shutil.disk_usage(path).free
        except OSError:
            continue  # unmounted meanwhile, or not ours to read
        drives.append(RemovableDrive(path, label, free))
    return drives


def _linux_drives() -> list[RemovableDrive]:
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return []
    # udisks names the mount point after the volume label, so it is the label the user knows.
    return _with_free_space([(p, os.path.basename(p.rstrip("/")) or p) for p in linux_mount_points(text)])


def windows_drives(kernel32) -> list[RemovableDrive]:
    """Removable drives via GetLogicalDrives / GetDriveTypeW == DRIVE_REMOVABLE; `kernel32` injectable."""
    import ctypes

    # An empty card reader would otherwise pop up "There is no disk in the drive" for each query.
    old_mode = kernel32.SetErrorMode(SEM_FAILCRITICALERRORS)
    try:
        mask = kernel32.GetLogicalDrives()
        points = []
        for i in range(26):
            if not mask & (1 << i):
                continue
            root = f"{chr(ord('A') + i)}:\\"
            if kernel32.GetDriveTypeW(root) != DRIVE_REMOVABLE:
                continue
            label_buf = ctypes.create_unicode_buffer(261)
            ok = kernel32.GetVolumeInformationW(root, label_buf, 261, None, None, None, None, 0)
            if not ok:
                continue  # no medium in the drive
            points.append((root, label_buf.value or root))
        return _with_free_space(points)
    finally:
        kernel32.SetErrorMode(old_mode)


def _macos_drives() -> list[RemovableDrive]:
    try:
        entries = list(os.scandir("/Volumes"))
    except OSError:
        return []
    root_dev = os.stat("/").st_dev
    points = []
    for e in entries:
        try:
            if e.is_dir() and os.stat(e.path).st_dev != root_dev:
                points.append((e.path, e.name))
        except OSError:
            continue
    return _with_free_space(points)


def list_removable_drives() -> list[RemovableDrive]:
    """[(path, label, free_bytes)] of plugged-in removable drives; [] when none or unknown."""
    try:
        if sys.platform == "win32":
            import ctypes

            return windows_drives(ctypes.windll.kernel32)
        if sys.platform == "darwin":
            return _macos_drives()
        return _linux_drives()
    except Exception:  # noqa: BLE001 — a listing aid must never stop an export; any folder still works
        return []
