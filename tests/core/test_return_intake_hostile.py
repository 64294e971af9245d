"""Hostile return packets on the commune's USB stick (issue 16: "the commune side imports return packets with the
same hostile-input defences as the receiving side"): each kind the receiving side's corpus has — unsafe names,
links, duplicates, bombs, lying sizes, encrypted or unknown compression, too many entries, stray files, deep or
huge JSON, a changed byte — is refused with a Vietnamese reason before anything is written; a large but honest
decision (hundreds of nominees) is read."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import warnings
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import keys, returns
from desktop_app.core.exchange import return_intake as intake
from desktop_app.core.exchange.packets import format as fmt
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from tests.core.test_exports import opened

from .test_return_intake import province_answers


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("returns")
    province_store = SecretStore(InMemoryKeyring())
    with opened(tmp / "commune") as ws:
        answers = province_answers(ws, tmp, province_store)
    key = keys.get_or_create_commune_key(province_store, returns.DEFAULT_PROVINCE_CODE)
    return {"commune": tmp / "commune", "packet": answers["decision"].path, "key": key,
            "fingerprint": answers["decision"].signer_fingerprint}


def entries(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def rezip(items, out: Path, compression=zipfile.ZIP_DEFLATED) -> Path:
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", compression) as zf:
        warnings.simplefilter("ignore")    # a duplicate name is what the test writes on purpose
        for info, content in items:
            name = info.filename if isinstance(info, zipfile.ZipInfo) else info
            zf.writestr(name if not isinstance(info, zipfile.ZipInfo) else info, content)
    return out


def resigned(made, changes: dict[str, bytes], out: Path) -> Path:
    """The valid packet with some files replaced, SHA256SUMS and its signature made again with the province's own
    key: only the content is hostile, the signature is good."""
    items = entries(made["packet"])
    top = items[0][0].filename.split("/")[0]
    files = {i.filename[len(top) + 1:]: c for i, c in items}
    files.update(changes)
    body = {k: v for k, v in files.items() if k not in ("SHA256SUMS", "SHA256SUMS.sig")}
    sums = fmt.sums_bytes({k: hashlib.sha256(v).hexdigest() for k, v in body.items()})
    files["SHA256SUMS"], files["SHA256SUMS.sig"] = sums, made["key"].sign(sums)
    return rezip([(f"{top}/{k}", v) for k, v in files.items()], out)


def rows(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("award", "award_decision", "nominee_outcome", "nomination_round", "setting"))
    finally:
        conn.close()


def refused(made, path: Path, words: str) -> None:
    db = made["commune"] / "sothidua.sqlite3"
    before = rows(db)
    kept = made["commune"] / "documents" / intake.DOCUMENTS_FOLDER
    files_before = sorted(kept.glob("*")) if kept.exists() else []
    started = time.perf_counter()
    with opened(made["commune"]) as ws:
        with pytest.raises(UserError) as error:
            intake.import_return_packet(ws, path, trust_fingerprint=made["fingerprint"])
    assert time.perf_counter() - started < 30
    assert words in str(error.value), str(error.value)
    assert rows(db) == before
    assert (sorted(kept.glob("*")) if kept.exists() else []) == files_before


@pytest.mark.parametrize("name", ["../evil.pdf", "{top}/../evil.pdf", "{top}/documents/../../x.pdf", "/etc/passwd",
                                  "{top}/documents\\a.pdf", "{top}/documents/CON.pdf"])
def test_unsafe_names(made, tmp_path, name):
    items = entries(made["packet"])
    top = items[0][0].filename.split("/")[0]
    items.append((name.format(top=top), b"%PDF-1.4"))
    refused(made, rezip(items, tmp_path / "x.zip"), "Gói trả kết quả bị từ chối")


def test_a_symlink_entry(made, tmp_path):
    items = entries(made["packet"])
    top = items[0][0].filename.split("/")[0]
    link = zipfile.ZipInfo(f"{top}/documents/link.pdf")
    link.create_system = 3
    link.external_attr = (0o120777) << 16
    items.append((link, b"/etc/passwd"))
    refused(made, rezip(items, tmp_path / "x.zip"), "Gói trả kết quả bị từ chối")


def test_duplicate_and_stray_files(made, tmp_path):
    items = entries(made["packet"])
    top = items[0][0].filename.split("/")[0]
    refused(made, rezip(items + [(f"{top}/data.json", b"{}")], tmp_path / "dup.zip"), "tệp trùng tên: data.json")
    refused(made, rezip(items + [(f"{top}/documents/run.exe", b"MZ")], tmp_path / "exe.zip"),
            "loại tệp không được phép")
    refused(made, rezip(items + [(f"{top}/notes.txt", b"hi")], tmp_path / "txt.zip"), "tệp lạ: notes.txt")
    refused(made, rezip(items + [("other/x.pdf", b"%PDF")], tmp_path / "two.zip"), "không có đúng một thư mục gốc")


def test_bombs_and_too_many_entries(made, tmp_path):
    items = entries(made["packet"])
    top = items[0][0].filename.split("/")[0]
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in items:
            zf.writestr(info, content)
        with zf.open(f"{top}/documents/zeros.pdf", "w", force_zip64=True) as fh:
            for _ in range(100):                 # 100 MB of zeros, ~100 KB on the stick
                fh.write(b"\0" * (1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    refused(made, bomb, "quá lớn khi giải nén")
    many = items + [(f"{top}/documents/{i}.pdf", b"%PDF") for i in range(60)]
    refused(made, rezip(many, tmp_path / "many.zip"), "quá nhiều tệp")


def test_lying_sizes_encryption_and_unknown_compression(made, tmp_path):
    path = rezip(entries(made["packet"]), tmp_path / "liar.zip")
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        pos = zf.start_dir
    first = pos
    while raw[pos:pos + 4] == b"PK\x01\x02":          # the data file says it is 10 bytes long
        n, m, k = (int.from_bytes(raw[pos + o:pos + o + 2], "little") for o in (28, 30, 32))
        if raw[pos + 46:pos + 46 + n].endswith(b"data.json"):
            raw[pos + 24:pos + 28] = (10).to_bytes(4, "little")
            break
        pos += 46 + n + m + k
    (tmp_path / "liar.zip").write_bytes(bytes(raw))
    refused(made, tmp_path / "liar.zip", "Gói trả kết quả bị từ chối")
    raw = bytearray(path.read_bytes())
    raw[first + 8] |= 0x01                              # the first entry marked encrypted
    (tmp_path / "enc.zip").write_bytes(bytes(raw))
    refused(made, tmp_path / "enc.zip", "Gói trả kết quả bị từ chối")
    raw = bytearray(path.read_bytes())
    raw[first + 10:first + 12] = (14).to_bytes(2, "little")   # LZMA
    (tmp_path / "lzma.zip").write_bytes(bytes(raw))
    refused(made, tmp_path / "lzma.zip", "Gói trả kết quả bị từ chối")


@pytest.mark.parametrize("content", [b"", b"not a zip", os.urandom(4096), b"PK\x05\x06" + b"\0" * 18])
def test_not_a_zip(made, tmp_path, content):
    path = tmp_path / "SNV_tra_02095_007.zip"
    path.write_bytes(content)
    refused(made, path, "Gói trả kết quả bị từ chối")


def test_hostile_json_signed_by_the_province_key(made, tmp_path):
    deep = b"[" * 5000 + b"]" * 5000
    refused(made, resigned(made, {"data.json": deep}, tmp_path / "deep.zip"), "sai cấu trúc")
    refused(made, resigned(made, {"manifest.json": b'{"format": "sothidua-return", "format": 1}'},
                           tmp_path / "dupkey.zip"), "sai cấu trúc")
    many = json.dumps([[0] * 1000] * 400).encode()     # 400,000 values: above the data file's bound
    refused(made, resigned(made, {"data.json": many}, tmp_path / "many.zip"), "sai cấu trúc")
    refused(made, resigned(made, {"data.json": b'{"kind": "quyet_dinh", "outcomes": [{"outcome": "maybe"}]}'},
                           tmp_path / "odd.zip"), "kết quả khen thưởng không hợp lệ")
    refused(made, resigned(made, {"documents/quyet_dinh.pdf": b"MZ not a pdf"}, tmp_path / "exe.zip"),
            "không phải tệp PDF")


def test_one_changed_byte(made, tmp_path):
    items = entries(made["packet"])
    changed = [(i, c.replace(b"CH\xe1\xbb\xa6 T\xe1\xbb\x8aCH", b"PH\xc3\x93 CH\xe1\xbb\xa6 T\xe1\xbb\x8aCH")
                if i.filename.endswith("data.json") else c) for i, c in items]
    refused(made, rezip(changed, tmp_path / "x.zip"), "tệp bị sửa đổi: data.json")


def test_a_large_honest_decision_is_read(made, tmp_path):
    """Hundreds of nominees in one decision: more values than a manifest may hold, well within the data's bound."""
    items = entries(made["packet"])
    data = json.loads(next(c for i, c in items if i.filename.endswith("data.json")))
    one = data["outcomes"][0]
    data["outcomes"] = [dict(one, nominee_uid=f"{i:032x}", name=f"Người {i}") for i in range(400)]
    path = resigned(made, {"data.json": fmt.dump_json(data)}, tmp_path / "big.zip")
    check = returns.verify_return_packet(path, made["fingerprint"])
    assert len(check.data["outcomes"]) == 400
    # Read, then refused only because those 400 are not this round's nominees: nothing landed.
    refused(made, path, "không có trong đợt này")
