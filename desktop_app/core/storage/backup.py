"""The "Sao lưu ra USB" archive and restoring from it (or from an automatic copy, see snapshots.py).

The manual backup is one .zip (database + evidence + manifest.json with the SHA-256 of every file),
written under a temporary name, fsynced, renamed and read back. The commune's signing key is never
part of a backup: it lives only in the OS keyring and has its own passphrase-protected backup.
"""
from __future__ import annotations

import hashlib
import json
import logging
import lzma
import os
import re
import shutil
import sqlite3
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated, Callable, Literal

import msgspec

from ... import APP_NAME, __version__
from ..decoding import DecodeProblem, decode_json
from ..errors import UserCancelled, UserError, message_text
from .database import latest_version, migrate
from .files import fsync_dir, os_error_to_user_error, remove_stale_temps, write_verified
from .health import os_error_at_workspace, sqlite_error_code, storage_error
from .snapshots import (RESTORE, _paths, backup_copy, check_database, latest_good_backup,
                        set_damaged_aside, stamp, take_automatic_backup)

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
CHUNK = 1024 * 1024

FORMAT = "sothidua-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "sothidua.sqlite3"
_EVIDENCE_NAME = re.compile(r"^evidence/[0-9a-f]{2}/[0-9a-f]{64}(\.[0-9a-z]{1,9})?$")
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_FILE_BYTES = 1 << 40

#: What a damaged or hostile zip makes the zipfile module raise (besides OSError): encrypted entries
#: (RuntimeError), unknown compression (NotImplementedError), damaged streams (zlib/lzma errors, EOFError),
#: broken headers (BadZipFile, struct.error, ValueError, OverflowError, UnicodeDecodeError).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error,
              lzma.LZMAError, struct.error, ValueError, OverflowError, KeyError, IndexError, UnicodeError)


class ManifestEntry(msgspec.Struct, forbid_unknown_fields=True):
    sha256: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}\Z")]
    size: Annotated[int, msgspec.Meta(ge=0, le=MAX_FILE_BYTES)]


class BackupManifest(msgspec.Struct):
    """manifest.json of a backup .zip (typed decoding: any other shape is refused with a clear message)."""

    format: Literal["sothidua-backup"]
    format_version: Literal[1]
    files: dict[Annotated[str, msgspec.Meta(max_length=200)], ManifestEntry]
    app: str = ""
    app_version: str = ""
    created_at: str = ""
    schema_version: Annotated[int, msgspec.Meta(ge=0, le=1_000_000)] = 0
    commune_code: Annotated[str, msgspec.Meta(max_length=40)] = ""
    note: str = ""


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    previous_copy: Path | None        # the database as it was, copied before it was replaced
    damaged_kept: Path | None         # the damaged database, moved aside (never deleted)
    evidence_restored: int


# ----- the manual backup ("Sao lưu ra USB") ---------------------------------------------------------

def _translate_os_error(exc: OSError, where: Path) -> UserError:
    # One classification of OS errors (full / removed / read-only) for every write to a stick.
    err = os_error_to_user_error(exc, where)
    return UserError(err.code.replace("packets.", "backup.", 1), **err.params)


def _evidence_files(evidence_dir: Path) -> list[tuple[str, Path]]:
    files = []
    if evidence_dir.is_dir():
        for path in sorted(evidence_dir.rglob("*")):
            if path.is_file() and not path.name.endswith(".part"):
                arc = "evidence/" + path.relative_to(evidence_dir).as_posix()
                files.append((arc, path))
    return files


def _hash_file(path: Path, drop_cache: bool = False) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        if drop_cache and hasattr(os, "posix_fadvise"):
            try:  # read the stick itself, not the page cache (best effort)
                os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def backup_file_name(commune_code: str = "", now: datetime | None = None) -> str:
    code = re.sub(r"[^0-9A-Za-z-]", "", commune_code or "")[:20]
    return f"SoThiDua_saoluu_{code + '_' if code else ''}{stamp(now)}.zip"


def _commune_code(db: Path) -> str:
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT admin_code FROM commune WHERE is_home = 1 LIMIT 1").fetchone()
            return row[0] if row else ""
        finally:
            conn.close()
    except sqlite3.Error:
        return ""


def export_backup(paths, target_dir: str | os.PathLike, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, now: datetime | None = None) -> Path:
    """Write one backup .zip into target_dir (a USB stick) and read it back. Returns its path.

    UserError on a full, removed or read-only target (the temporary file is removed, no file under the
    final name is left), UserCancelled when `cancelled()` turns True.
    """
    ws = _paths(paths)
    target_dir = Path(target_dir)
    now = now or datetime.now()
    evidence = _evidence_files(ws.evidence_dir)
    ws.backups_dir.mkdir(parents=True, exist_ok=True)
    try:
        work = Path(tempfile.mkdtemp(prefix=".saoluu-", dir=ws.backups_dir))
    except OSError as exc:
        raise _workspace_error(exc, ws.root) from exc
    name = backup_file_name(_commune_code(ws.database), now)
    try:
        try:
            db_copy = backup_copy(ws.database, work / DATABASE)
        except (sqlite3.Error, OSError) as exc:
            raise _workspace_error(exc, ws.root) from exc
        # The same check as the automatic copies: a damaged database is never zipped as "checked".
        problem = check_database(db_copy)
        if problem:
            raise UserError("backup.source_damaged", path=str(ws.database), detail=problem)
        items = [(DATABASE, db_copy), *evidence]
        total = sum(p.stat().st_size for _, p in items) * 2
        done = 0

        def tick(n: int, label: str) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(min(done, total), total, label)
            if cancelled is not None and cancelled():
                raise UserCancelled()

        if not target_dir.is_dir():
            raise UserError("backup.target_gone" if not target_dir.exists() else "backup.not_writable",
                            path=str(target_dir))
        remove_stale_temps(target_dir, "SoThiDua_saoluu_")   # what a backup cut short left on this stick

        def write(raw) -> None:
            files: dict[str, dict] = {}
            with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1) as zf:
                for arc, source in items:
                    label = message_text("backup.progress.writing", name=arc)
                    tick(0, label)
                    digest = hashlib.sha256()
                    size = 0
                    info = zipfile.ZipInfo(arc, date_time=now.timetuple()[:6])
                    info.compress_type = zipfile.ZIP_DEFLATED
                    with open(source, "rb") as src, zf.open(info, "w", force_zip64=True) as dst:
                        while chunk := src.read(CHUNK):
                            digest.update(chunk)
                            size += len(chunk)
                            dst.write(chunk)
                            tick(len(chunk), label)
                    files[arc] = {"sha256": digest.hexdigest(), "size": size}
                manifest = {
                    "format": FORMAT, "format_version": FORMAT_VERSION, "app": APP_NAME, "app_version": __version__,
                    "created_at": now.isoformat(timespec="seconds"), "schema_version": _schema_version(db_copy),
                    "commune_code": _commune_code(db_copy),
                    "note": "Không chứa khóa ký của xã (khóa chỉ nằm trong kho khóa của hệ điều hành).",
                    "files": files,
                }
                zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=now.timetuple()[:6]),
                            json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"),
                            compress_type=zipfile.ZIP_DEFLATED)
            tick(0, message_text("backup.progress.checking"))

        def verify(final: Path) -> None:
            written = done

            def on_read(read: int, _total: int, label: str) -> None:
                nonlocal done
                done = written
                tick(read, label)

            verify_backup(final, progress=on_read, drop_cache=True)

        return write_verified(target_dir, name, write, verify, exists_code="backup.target_exists")
    except OSError as exc:
        raise _translate_os_error(exc, target_dir) from exc
    except UserError as exc:
        if exc.code.startswith("backup.tampered") or exc.code == "backup.invalid":
            raise UserError("backup.verify_after_write_failed", path=str(target_dir)) from exc
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _workspace_error(exc: BaseException, root: Path) -> UserError:
    """A failure writing the working copy in the workspace (not on the stick): full disk, read-only, gone."""
    if isinstance(exc, OSError):
        err = os_error_at_workspace(exc, root)
    else:
        err = storage_error(exc, _WsRoot(root)) or UserError("backup.write_failed", path=str(root), detail=str(exc))
    if err.code in ("workspace.disk_full", "storage.disk_full"):
        return UserError("backup.workspace_full", path=str(root))
    return err


@dataclass(frozen=True)
class _WsRoot:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE


def _schema_version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


# ----- checking and restoring -----------------------------------------------------------------------

def _read_manifest(zf: zipfile.ZipFile) -> dict:
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError:
        raise UserError("backup.invalid", detail="không có manifest.json") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise UserError("backup.invalid", detail="manifest.json quá lớn")
    try:
        with zf.open(info) as fh:
            raw = fh.read(MAX_MANIFEST_BYTES + 1)
    except ZIP_ERRORS as exc:
        raise UserError("backup.invalid", detail=f"manifest.json không đọc được ({_zip_problem(exc)})") from None
    except OSError as exc:
        if exc.errno is None:    # a damaged bz2 stream says so with a bare OSError
            raise UserError("backup.invalid", detail="manifest.json không đọc được") from None
        raise
    if len(raw) > MAX_MANIFEST_BYTES:
        raise UserError("backup.invalid", detail="manifest.json quá lớn")
    try:
        manifest = decode_json(raw, BackupManifest)
    except DecodeProblem as problem:
        raise UserError("backup.invalid", detail=f"manifest.json: {problem.text}") from None
    if DATABASE not in manifest.files:
        raise UserError("backup.invalid", detail=f"manifest.json không có {DATABASE}")
    for arc in manifest.files:
        if not (arc == DATABASE or _EVIDENCE_NAME.match(arc)):
            raise UserError("backup.invalid", detail=f"entry {arc!r}")
    return msgspec.to_builtins(manifest)


def _zip_problem(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
        return "tệp bên trong được mã hóa bằng mật khẩu"
    if isinstance(exc, NotImplementedError):
        return "kiểu nén không được hỗ trợ"
    return f"{type(exc).__name__}: {exc}"[:200]


def verify_backup(path: str | os.PathLike, *, extract_to: Path | None = None, progress: Progress | None = None,
                  drop_cache: bool = False) -> dict:
    """Check every file of a backup .zip against its manifest (optionally extracting into `extract_to`).

    Returns the manifest. UserError backup.invalid (not a backup), backup.tampered (a file differs from
    the manifest, is missing or is extra) or backup.read_failed (the stick was pulled out).
    """
    path = Path(path)
    try:
        if drop_cache and hasattr(os, "posix_fadvise"):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
            finally:
                os.close(fd)
        try:
            zf = zipfile.ZipFile(path)
        except ZIP_ERRORS as exc:
            raise UserError("backup.invalid", detail=_zip_problem(exc)) from None
        with zf:
            manifest = _read_manifest(zf)
            files = manifest["files"]
            names = [i.filename for i in zf.infolist() if not i.is_dir()]
            extra = [n for n in names if n != MANIFEST and n not in files]
            if extra or len(names) != len(set(names)):
                raise UserError("backup.tampered", name=(extra or names)[0])
            total = sum(m["size"] for m in files.values())
            done = 0
            for arc, meta in files.items():
                try:
                    info = zf.getinfo(arc)
                except KeyError:
                    raise UserError("backup.tampered", name=arc) from None
                label = message_text("backup.progress.checking_file", name=arc)
                digest = hashlib.sha256()
                size = 0
                out = None
                if extract_to is not None:
                    target = extract_to.joinpath(*arc.split("/"))
                    try:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        out = open(target, "xb")
                    except OSError as exc:   # the workspace's disk, not the stick
                        raise _WorkspaceWriteFailed(exc) from exc
                try:
                    with zf.open(info) as src:
                        while True:
                            try:
                                chunk = src.read(CHUNK)
                            except OSError as exc:
                                if exc.errno is None:   # bz2's "Invalid data stream"
                                    raise UserError("backup.tampered", name=arc) from exc
                                raise
                            if not chunk:
                                break
                            size += len(chunk)
                            if size > meta["size"]:  # more than the manifest says: stop (zip bomb or edit)
                                raise UserError("backup.tampered", name=arc)
                            digest.update(chunk)
                            if out is not None:
                                try:
                                    out.write(chunk)
                                except OSError as exc:
                                    raise _WorkspaceWriteFailed(exc) from exc
                            if progress is not None:
                                progress(done + size, total, label)
                    if out is not None:
                        try:
                            out.flush()
                            os.fsync(out.fileno())
                        except OSError as exc:
                            raise _WorkspaceWriteFailed(exc) from exc
                except ZIP_ERRORS as exc:
                    raise UserError("backup.tampered", name=arc) from exc
                finally:
                    if out is not None:
                        try:
                            out.close()
                        except OSError:
                            pass
                if size != meta["size"] or digest.hexdigest() != meta["sha256"]:
                    raise UserError("backup.tampered", name=arc)
                done += size
            return manifest
    except _WorkspaceWriteFailed as failed:
        raise _workspace_error(failed.error, extract_to or path.parent) from failed.error
    except OSError as exc:
        raise UserError("backup.read_failed", path=str(path), detail=exc.strerror or str(exc)) from exc


class _WorkspaceWriteFailed(Exception):
    """Extracting into the workspace failed (its disk is full or read-only): not the stick's fault."""

    def __init__(self, error: OSError):
        super().__init__(str(error))
        self.error = error


def restore_backup(paths, source: str | os.PathLike, *, progress: Progress | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Replace the workspace database with a backup (.zip from "Sao lưu ra USB" or an automatic .sqlite3).

    The database must be closed (close the OpenWorkspace first; reopen it after). Everything is checked
    before anything changes; then the current database is copied to backups/ (or, if it is damaged, moved
    aside there and kept), the backup's database takes its place, and missing evidence files are restored.
    """
    ws = _paths(paths)
    if ws.root.exists() and not ws.root.is_dir():
        raise UserError("workspace.not_a_folder", path=str(ws.root))
    try:
        ws.ensure()
    except OSError as exc:
        raise os_error_at_workspace(exc, ws.root) from exc
    source = Path(source)
    if not source.is_file():
        raise UserError("backup.source_missing", path=str(source))
    try:
        work = Path(tempfile.mkdtemp(prefix=".khoiphuc-", dir=ws.backups_dir))
    except OSError as exc:
        raise _workspace_error(exc, ws.root) from exc
    try:
        new_db = work / DATABASE
        if zipfile.is_zipfile(source):
            verify_backup(source, extract_to=work, progress=progress)
        else:
            try:
                backup_copy(source, new_db)
            except sqlite3.Error as exc:
                if sqlite_error_code(exc) in (13, 8):     # full or read-only: the workspace's disk
                    raise _workspace_error(exc, ws.root) from exc
                raise UserError("backup.invalid", detail=str(exc)) from None
            except OSError as exc:
                raise _workspace_error(exc, ws.root) from exc
        _check_restorable(new_db, work)
        previous_copy = damaged_kept = None
        if ws.database.exists():
            if ws.database.stat().st_size > 0 and check_database(ws.database) is None:
                previous_copy = take_automatic_backup(ws, RESTORE, now=now)
            else:
                damaged_kept = set_damaged_aside(ws, now=now)   # an empty file too: kept, as it was
    except OSError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise _workspace_error(exc, ws.root) from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        # Evidence first (named by their content, harmless on their own), the database last: a power cut in
        # between never leaves a restored record pointing at a file that is not there.
        restored = 0
        evidence_src = work / "evidence"
        if evidence_src.is_dir():
            for path in sorted(evidence_src.rglob("*")):
                if not path.is_file():
                    continue
                target = ws.evidence_dir / path.relative_to(evidence_src)
                if target.is_file() and _hash_file(target)[0] == _hash_file(path)[0]:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                fsync_dir(target.parent)
                restored += 1
            fsync_dir(ws.evidence_dir)
        with open(new_db, "rb+") as fh:
            os.fsync(fh.fileno())
        for suffix in ("-wal", "-shm"):
            # A WAL left by the old database would be replayed onto the restored one.
            Path(f"{ws.database}{suffix}").unlink(missing_ok=True)
        os.replace(new_db, ws.database)
        fsync_dir(ws.root)
        log.info("restored %s (previous copy %s, damaged kept %s, %d evidence files)", source, previous_copy,
                 damaged_kept, restored)
        return RestoreResult(source, previous_copy, damaged_kept, restored)
    except OSError as exc:
        raise UserError("backup.restore_failed", path=str(ws.root), detail=exc.strerror or str(exc)) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_restorable(new_db: Path, work: Path) -> None:
    """Refuse, before anything changes, a database the app would not open: damaged, not ours, newer, or one
    whose migration or app-level check fails (tried on a scratch copy)."""
    problem = check_database(new_db)
    if problem:
        raise UserError("backup.database_damaged", detail=problem)
    try:
        version = _schema_version(new_db)
        ours = _has_table(new_db, "commune")
    except sqlite3.Error as exc:
        raise UserError("backup.database_damaged", detail=str(exc)) from None
    if version > latest_version():
        raise UserError("db.newer_version", found=version, supported=latest_version())
    if version == 0 or not ours:
        raise UserError("backup.invalid", detail="no Sổ Thi đua data")
    if version < latest_version():
        scratch = work / "thu-mo" / DATABASE
        try:
            backup_copy(new_db, scratch)
            migrate(scratch, scratch.parent / "backups")
            problem = check_database(scratch, deep=False)
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001 — whatever stops it opening is a reason to refuse it
            if sqlite_error_code(exc) in (13, 8) or isinstance(exc, OSError):
                raise _workspace_error(exc, work.parent.parent) from exc
            problem = f"{type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(scratch.parent, ignore_errors=True)
        if problem:
            raise UserError("backup.database_damaged", detail=problem)


def _has_table(db: Path, name: str) -> bool:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None
    finally:
        conn.close()


def restore_latest_automatic(paths, *, now: datetime | None = None) -> RestoreResult:
    """After a damaged start: restore the newest good automatic backup (UserError backup.none if none)."""
    latest = latest_good_backup(paths)
    if latest is None:
        raise UserError("backup.none")
    return restore_backup(paths, latest.path, now=now)
