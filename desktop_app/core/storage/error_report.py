"""The error report an officer carries to whoever supports the software: what went wrong and the end of the log,
as one plain text file on a USB stick (there is often no e-mail on a commune PC)."""
from __future__ import annotations

import os
import platform
import sys
from datetime import datetime
from pathlib import Path

from ..errors import UserError
from .files import write_file_atomically

LOG_TAIL_BYTES = 256 * 1024   # the end of the log says what led to the error; the whole log can be megabytes


def report_name(now: datetime) -> str:
    return f"bao-cao-loi-sothidua-{now:%Y%m%d-%H%M%S}.txt"


def log_tail(log_path: Path | None, limit: int = LOG_TAIL_BYTES) -> str:
    """The last `limit` bytes of the log, decoded leniently (a cut inside a character is replaced)."""
    if log_path is None:
        return ""
    try:
        with open(log_path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - limit))
            return fh.read().decode("utf-8", errors="replace")
    except OSError as exc:
        return f"(không đọc được tệp nhật ký {log_path}: {exc.strerror or exc})"


def report_text(details: str, log_path: Path | None, *, now: datetime, version: str = "") -> str:
    lines = [
        "BÁO CÁO LỖI — Sổ Thi đua",
        f"Thời điểm: {now:%d/%m/%Y %H:%M:%S}",
        f"Phiên bản: {version or '(không rõ)'}; Python {sys.version.split()[0]}; {platform.platform()}",
        f"Tệp nhật ký: {log_path or '(không có)'}",
        "",
        "=== Chi tiết lỗi ===",
        details.rstrip(),
        "",
        "=== Cuối tệp nhật ký ===",
        log_tail(log_path).rstrip(),
        "",
    ]
    return "\n".join(lines)


def write_error_report(folder: str | os.PathLike, details: str, log_path: Path | None, *,
                       now: datetime | None = None, version: str = "") -> Path:
    """Write the report into `folder` (a USB stick) as one new file, synced before the officer pulls the stick
    out; a full, removed or read-only stick is a UserError naming the place."""
    now = now or datetime.now()
    target = Path(folder) / report_name(now)
    try:
        return write_file_atomically(target, report_text(details, log_path, now=now, version=version).encode("utf-8"))
    except UserError as error:  # the file writer speaks of packets; this is a report
        why = _WHY.get(error.code, "error_report.write_failed")
        raise UserError(why, path=str(folder), detail=str(error.params.get("detail", ""))) from error


_WHY = {"packets.disk_full": "error_report.disk_full", "packets.target_gone": "error_report.target_gone",
        "packets.not_writable": "error_report.not_writable", "packets.name_too_long": "error_report.write_failed"}
