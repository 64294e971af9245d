"""Real filesystems for fault tests (root only): a size-limited tmpfs that fills up for real, and a read-only bind
mount that refuses writes the way a write-protected USB stick does (EROFS). Tests that need them are marked
needs_root and skipped with the reason where mounting is not possible."""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest


def mount_problem() -> str | None:
    if os.geteuid() != 0:
        return "needs root to mount"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


def _run(*args: str) -> None:
    r = subprocess.run(list(args), capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount here ({' '.join(args)}): {r.stderr.strip()}")


@contextlib.contextmanager
def small_disk(path: Path, size: str):
    """`path` becomes a tmpfs of `size` (e.g. "3m"): writes beyond it fail with ENOSPC, as on a full disk."""
    path.mkdir(parents=True, exist_ok=True)
    _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


@contextlib.contextmanager
def read_only(path: Path):
    """`path` (a folder with its content) is seen read-only until the block ends, as a write-protected stick."""
    _run("mount", "--bind", str(path), str(path))
    try:
        _run("mount", "-o", "remount,ro,bind", str(path))
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(path: Path) -> None:
    """Fill the filesystem of `path` to the last byte (filler.bin; delete it to free the space)."""
    fd = os.open(path / "filler.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            block = b"\0" * size
            try:
                while True:
                    os.write(fd, block)
            except OSError:
                pass
    finally:
        os.close(fd)


def needs_mount(test):
    """Mark a test that mounts filesystems: needs_root, skipped with the reason where mounting is impossible."""
    return pytest.mark.needs_root(pytest.mark.skipif(mount_problem() is not None, reason=str(mount_problem()))(test))
