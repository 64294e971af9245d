"""A recording filesystem for the power-cut test (a userspace dm-log-writes): a FUSE pass-through over a backing
folder that appends every change — write, truncate, create, mkdir, unlink, rmdir, rename — and every sync
(fsync/fdatasync of a file, fsync of a folder) to a log, in the order the kernel hands them over. A lookup of
`.powercut-mark-<id>` writes a mark into the log (the app under test does it right after the window reported
a record as saved) and finds nothing.

`replay` then rebuilds what a disk would hold if the power went at any entry of the log, keeping only what had
been synced before it (the strict POSIX model: a file's data is on disk after an fsync of that file, a name
after an fsync of its folder; nothing else is). See tests/powercut/test_powercut.py.

Run as: python -m tests.powercut.recordfs BACKING MOUNTPOINT LOG   (root; unmount with fusermount3 -u)
"""
from __future__ import annotations

import errno
import os
import pickle
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

MARK_PREFIX = ".powercut-mark-"


# ----- the log ------------------------------------------------------------------------------------------------

def read_log(path: Path) -> list[tuple]:
    entries = []
    with open(path, "rb") as fh:
        while True:
            try:
                entries.append(pickle.load(fh))
            except EOFError:
                return entries


# ----- replay: what survives a power cut at entry k -------------------------------------------------------------

@dataclass
class _File:
    vol: bytearray
    dur: bytes


@dataclass
class _Dir:
    vol: dict = field(default_factory=dict)   # name → ("f", inode) or ("d", path)
    dur: dict = field(default_factory=dict)


class Disk:
    """The volatile (page cache) and durable (platter) state of the recorded folder, entry by entry."""

    def __init__(self, initial: Path):
        self.files: dict[int, _File] = {}
        self.dirs: dict[str, _Dir] = {"": _Dir()}
        self._next = 0
        self.applied = 0
        for dirpath, dirnames, filenames in os.walk(initial):
            rel = os.path.relpath(dirpath, initial)
            rel = "" if rel == "." else rel
            d = self.dirs.setdefault(rel, _Dir())
            for name in dirnames:
                sub = os.path.join(rel, name) if rel else name
                self.dirs[sub] = _Dir()
                d.vol[name] = d.dur[name] = ("d", sub)
            for name in filenames:
                content = Path(dirpath, name).read_bytes()
                ino = self._inode(bytearray(content), content)
                d.vol[name] = d.dur[name] = ("f", ino)

    def _inode(self, vol: bytearray, dur: bytes) -> int:
        self._next += 1
        self.files[self._next] = _File(vol, dur)
        return self._next

    @staticmethod
    def _split(path: str) -> tuple[str, str]:
        path = path.strip("/")
        parent, _, name = path.rpartition("/")
        return parent, name

    def _lookup(self, path: str):
        parent, name = self._split(path)
        return self.dirs[parent].vol.get(name)

    def apply(self, entry: tuple) -> None:
        op = entry[0]
        if op == "write":
            _, path, offset, data = entry
            f = self.files[self._lookup(path)[1]].vol
            if len(f) < offset:
                f.extend(bytes(offset - len(f)))
            f[offset:offset + len(data)] = data
        elif op == "truncate":
            _, path, length = entry
            f = self.files[self._lookup(path)[1]].vol
            del f[length:]
            if len(f) < length:
                f.extend(bytes(length - len(f)))
        elif op == "create":
            parent, name = self._split(entry[1])
            self.dirs[parent].vol[name] = ("f", self._inode(bytearray(), b""))
        elif op == "mkdir":
            parent, name = self._split(entry[1])
            path = entry[1].strip("/")
            self.dirs[path] = _Dir()
            self.dirs[parent].vol[name] = ("d", path)
        elif op in ("unlink", "rmdir"):
            parent, name = self._split(entry[1])
            self.dirs[parent].vol.pop(name, None)
        elif op == "rename":
            _, old, new = entry
            op_, on = self._split(old)
            np_, nn = self._split(new)
            what = self.dirs[op_].vol.pop(on)
            if what[0] == "d":
                raise NotImplementedError("renaming a folder is not modelled")
            self.dirs[np_].vol[nn] = what
        elif op == "fsync":
            what = self._lookup(entry[1])
            if what is not None and what[0] == "f":
                f = self.files[what[1]]
                f.dur = bytes(f.vol)
        elif op == "fsyncdir":
            d = self.dirs.get(entry[1].strip("/"))
            if d is not None:
                d.dur = dict(d.vol)
        self.applied += 1

    def materialize(self, target: Path, *, volatile: bool = False) -> None:
        """Write into `target` what a power cut now leaves (the durable state) or, `volatile`, what a kill -9
        leaves (everything written so far: the page cache survives the process)."""
        def walk(path: str, into: Path) -> None:
            into.mkdir(parents=True, exist_ok=True)
            d = self.dirs[path]
            for name, (kind, ref) in (d.vol if volatile else d.dur).items():
                if kind == "d":
                    if ref in self.dirs:
                        walk(ref, into / name)
                else:
                    f = self.files[ref]
                    (into / name).write_bytes(bytes(f.vol) if volatile else f.dur)
        walk("", target)


# ----- the filesystem -----------------------------------------------------------------------------------------

def serve(backing: str, mountpoint: str, log_path: str) -> None:
    import mfusepy as fuse  # only the recording process needs libfuse

    log = open(log_path, "ab", buffering=0)
    lock = threading.Lock()

    def record(*entry) -> None:
        with lock:
            log.write(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    class Recorder(fuse.Operations):
        use_ns = True

        def _full(self, path: str) -> str:
            return os.path.join(backing, path.lstrip("/"))

        def getattr(self, path, fh=None):
            name = os.path.basename(path)
            if name.startswith(MARK_PREFIX):
                record("mark", name[len(MARK_PREFIX):])
                raise fuse.FuseOSError(errno.ENOENT)
            st = os.lstat(self._full(path))
            return {key: getattr(st, key) for key in ("st_atime_ns", "st_ctime_ns", "st_mtime_ns", "st_gid",
                                                       "st_mode", "st_nlink", "st_size", "st_uid", "st_ino")} | {
                "st_atime": st.st_atime_ns, "st_mtime": st.st_mtime_ns, "st_ctime": st.st_ctime_ns}

        def readdir(self, path, fh):
            return [".", ".."] + os.listdir(self._full(path))

        def access(self, path, amode):
            if not os.access(self._full(path), amode):
                raise fuse.FuseOSError(errno.EACCES)
            return 0

        def chmod(self, path, mode):
            return os.chmod(self._full(path), mode)

        def chown(self, path, uid, gid):
            return os.chown(self._full(path), uid, gid)

        def utimens(self, path, times=None):
            return os.utime(self._full(path), ns=times) if times else os.utime(self._full(path))

        def statfs(self, path):
            st = os.statvfs(self._full(path))
            return {key: getattr(st, key) for key in ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail",
                                                       "f_ffree", "f_files", "f_flag", "f_frsize", "f_namemax")}

        # Every data operation works on the backing file by its name (no kept descriptors): simple and the same
        # for reads the kernel makes for a shared mmap (SQLite's -shm) as for the app's own.
        def open(self, path, flags):
            if flags & os.O_TRUNC:
                os.truncate(self._full(path), 0)
                record("truncate", path, 0)
            return 0

        def create(self, path, mode, fi=None):
            fd = os.open(self._full(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
            os.close(fd)
            record("create", path)
            return 0

        def read(self, path, size, offset, fh):
            fd = os.open(self._full(path), os.O_RDONLY)
            try:
                return os.pread(fd, size, offset)
            finally:
                os.close(fd)

        def write(self, path, data, offset, fh):
            data = bytes(data)
            fd = os.open(self._full(path), os.O_WRONLY)
            try:
                n = os.pwrite(fd, data, offset)
            finally:
                os.close(fd)
            record("write", path, offset, data[:n])
            return n

        def truncate(self, path, length, fh=None):
            os.truncate(self._full(path), length)
            record("truncate", path, length)

        def flush(self, path, fh):
            return 0

        def release(self, path, fh):
            return 0

        def fsync(self, path, datasync, fh):
            record("fsync", path)
            return 0

        def opendir(self, path):
            return 0

        def releasedir(self, path, fh):
            return 0

        def fsyncdir(self, path, datasync, fh):
            record("fsyncdir", path)
            return 0

        def mkdir(self, path, mode):
            os.mkdir(self._full(path), mode)
            record("mkdir", path)

        def rmdir(self, path):
            os.rmdir(self._full(path))
            record("rmdir", path)

        def unlink(self, path):
            os.unlink(self._full(path))
            record("unlink", path)

        def rename(self, old, new, flags=0):
            os.replace(self._full(old), self._full(new))
            record("rename", old, new)

        def symlink(self, target, source):
            raise fuse.FuseOSError(errno.EPERM)

        def link(self, target, source):
            raise fuse.FuseOSError(errno.EPERM)

    # direct_io off: the page cache and shared mmap (SQLite's -shm) work as on a disk; the kernel hands every
    # write back to us before an fsync returns.
    fuse.FUSE(Recorder(), mountpoint, foreground=True, nothreads=False, allow_other=True, default_permissions=True,
              attr_timeout=0, entry_timeout=0, negative_timeout=0)


if __name__ == "__main__":
    serve(*sys.argv[1:4])
