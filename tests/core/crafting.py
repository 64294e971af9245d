"""Crafting hostile packets for the issue-11 tests: a genuine packet changed and signed again (by its own key or any
other, as a forger holding a key would), and archives no writer would make."""
from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

from desktop_app.core.exchange.packets import format as fmt

try:
    from .test_packets import read_entries, resign, rezip
except ImportError:  # tests/ run without __init__.py files
    from test_packets import read_entries, resign, rezip


def rel_of(info) -> str:
    name = info.filename if isinstance(info, zipfile.ZipInfo) else info
    return name.split("/", 1)[1]


def forge(base: Path, key, out: Path, *, manifest=None, data: bytes | None = None, add=(), drop=(),
          stored: tuple[str, ...] = ()) -> Path:
    """`base` with its manifest changed by `manifest(dict)`, data.json replaced by `data`, entries added
    (rel, bytes) or dropped, then signed by `key` (signer.pem and the manifest's fingerprint follow the key).
    `stored`: entries written without compression (a huge data.json that no ratio check catches)."""
    entries = read_entries(base)
    top = entries[0][0].filename.split("/")[0]
    new = []
    for info, content in entries:
        rel = rel_of(info)
        if rel in drop:
            continue
        if rel == fmt.SIGNER:
            content = key.public_key_pem.encode("ascii")
        elif rel == fmt.MANIFEST:
            m = json.loads(content)
            m["signer"]["fingerprint"] = key.fingerprint
            if manifest is not None:
                m = manifest(m) or m
            content = json.dumps(m).encode("ascii")  # a lone surrogate is written as its \\ud800 escape
        elif rel == fmt.DATA and data is not None:
            content = data
        new.append((info, content))
    for rel, content in add:
        new.append((zipfile.ZipInfo(f"{top}/{rel}"), content))
    for info, _ in new:
        if isinstance(info, zipfile.ZipInfo):
            info.compress_type = zipfile.ZIP_STORED if rel_of(info) in stored else zipfile.ZIP_DEFLATED
    out.parent.mkdir(parents=True, exist_ok=True)
    return rezip(resign(new, key), out)


def many_entries_zip(path: Path, count: int) -> Path:
    """A ZIP whose central directory really lists `count` entries (ZIP64 end records), no content, no signature."""
    name = b"p/evidence/x.jpg"
    entry = struct.pack(zipfile.structCentralDir, zipfile.stringCentralDir, 20, 3, 20, 0, 0x800, 0, 0, 0, 0, 0, 0,
                        len(name), 0, 0, 0, 0, 0o100644 << 16, 0) + name
    directory_size = len(entry) * count
    with open(path, "wb") as fh:
        step = 10_000
        for done in range(0, count, step):
            fh.write(entry * min(step, count - done))
        end64 = fh.tell()
        fh.write(struct.pack(zipfile.structEndArchive64, zipfile.stringEndArchive64, 44, 45, 45, 0, 0, count, count,
                             directory_size, 0))
        fh.write(struct.pack(zipfile.structEndArchive64Locator, zipfile.stringEndArchive64Locator, 0, end64, 1))
        fh.write(struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                             0xFFFFFFFF, 0))
    return path


def nested_lists(size: int) -> bytes:
    """JSON of `size` bytes: an array of empty arrays, `[[],[],…]` — a value every 3 bytes."""
    n = max(1, (size - 2) // 3)
    return b"[" + b"[]," * (n - 1) + b"[]]"
