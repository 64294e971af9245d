"""Hostile packets from a USB stick: each rejected as malformed with a reason, nothing written outside the inbox."""
from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.keys import get_or_create_commune_key
from desktop_app.core.exchange.packets import PacketHeader, check_packet, extract_packet, write_packet
from desktop_app.core.exchange.packets import format as fmt
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore

try:
    from .test_exports import demo_round, export, opened, read_zip_json
    from .test_packets import build_packet, read_entries, resign, rezip
    from .test_receiving import counts
except ImportError:  # tests/ run without __init__.py files
    from test_exports import demo_round, export, opened, read_zip_json
    from test_packets import build_packet, read_entries, resign, rezip
    from test_receiving import counts


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("base")
    written, key = build_packet(tmp)
    return written.path, key


def top_of(path: Path) -> str:
    return read_entries(path)[0][0].filename.split("/")[0]


def with_entry(base, tmp_path, name, content=b"x", attr=None, resign_with=None):
    """The valid packet plus one crafted entry (optionally re-signed so only the entry is wrong)."""
    path, key = base
    entries = read_entries(path)
    info = zipfile.ZipInfo(name)
    if attr is not None:
        info.create_system = 3
        info.external_attr = attr << 16
    entries.append((info, content))
    if resign_with is not None:
        entries = resign(entries, resign_with)
    return rezip(entries, tmp_path / "hostile.zip")


def assert_rejected(path: Path, reason: str, tmp_path: Path, verdict: str = "malformed"):
    check = check_packet(path)
    assert (check.verdict, check.reason) == (verdict, reason), check
    assert check.label and check.reason_text  # a Vietnamese sentence for each
    # Extraction writes nothing, neither in the inbox nor next to it.
    inbox = tmp_path / "area" / "inbox"
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = extract_packet(path, inbox)
    assert result.folder is None and list(inbox.iterdir()) == []
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert set(after) - set(before) <= {Path("area"), Path("area/inbox")}


@pytest.mark.parametrize("name", [
    "{top}/../../evil.txt", "../evil.txt", "{top}/documents/../../evil.txt", "/etc/passwd", "/{top}/x",
    "C:\\Windows\\evil.txt", "C:/evil.txt", "{top}\\documents\\a.pdf", "{top}/documents/a\\b.pdf",
    "{top}/documents/./a.pdf", "{top}//documents/a.pdf", "{top}/documents/con.pdf", "{top}/documents/a.pdf:stream",
    "{top}/documents/bad\x01name.pdf", "{top}/documents/trailing. ", "{top}/documents/nul\x00hidden.pdf",
])
def test_unsafe_names(base, tmp_path, name):
    assert_rejected(with_entry(base, tmp_path, name.format(top=top_of(base[0]))), "unsafe_path", tmp_path)


def test_symlink_entry(base, tmp_path):
    top = top_of(base[0])
    path = with_entry(base, tmp_path, f"{top}/evidence/link", b"/etc/passwd", attr=stat.S_IFLNK | 0o777)
    assert_rejected(path, "special_file", tmp_path)
    # Even signed into SHA256SUMS by the commune itself, a symlink is refused.
    path = with_entry(base, tmp_path, f"{top}/evidence/link", b"../../x", attr=stat.S_IFLNK | 0o777, resign_with=base[1])
    assert_rejected(path, "special_file", tmp_path)
    fifo = with_entry(base, tmp_path, f"{top}/evidence/fifo", b"", attr=stat.S_IFIFO | 0o644)
    assert_rejected(fifo, "special_file", tmp_path)


@pytest.mark.parametrize("dup", ["documents/to-trinh.pdf", "documents/TO-TRINH.PDF", "Documents/to-trinh.pdf",
                                 "evidence/1/anh hiện trường.jpg".replace("ệ", "e\u0323\u0302")])
def test_duplicate_names(base, tmp_path, dup):
    top = top_of(base[0])
    path = with_entry(base, tmp_path, f"{top}/{dup}")
    reason = "unsafe_path" if "\u0323" in dup else "duplicate_name"  # an NFD name is refused before comparing
    assert_rejected(path, reason, tmp_path)


def test_file_and_folder_with_the_same_name(base, tmp_path):
    top = top_of(base[0])
    path = with_entry(base, tmp_path, f"{top}/evidence/1/anh hiện trường.jpg/x.jpg")
    assert_rejected(path, "duplicate_name", tmp_path)


def test_unexpected_files(base, tmp_path):
    top = top_of(base[0])
    assert_rejected(with_entry(base, tmp_path, f"{top}/autorun.inf"), "unexpected_file", tmp_path)
    assert_rejected(with_entry(base, tmp_path, f"{top}/scripts/run.bat"), "unexpected_file", tmp_path)
    assert_rejected(with_entry(base, tmp_path, "other-folder/manifest.json"), "not_single_folder", tmp_path)
    assert_rejected(with_entry(base, tmp_path, "loose.txt"), "not_single_folder", tmp_path)


def test_total_size_bomb(base, tmp_path):
    top = top_of(base[0])
    path = tmp_path / "bomb.zip"
    entries = read_entries(base[0])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in entries:
            zf.writestr(info, content)
        for i in range(6):  # 6 × 100 MB of zeros: ~600 KB on disk
            with zf.open(f"{top}/evidence/z{i}.mp4", "w", force_zip64=True) as fh:
                chunk = b"\0" * (1024 * 1024)
                for _ in range(100):
                    fh.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert_rejected(path, "zip_bomb", tmp_path)


def test_ratio_bomb(base, tmp_path):
    top = top_of(base[0])
    path = tmp_path / "ratio.zip"
    entries = read_entries(base[0])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in entries:
            zf.writestr(info, content)
        zf.writestr(f"{top}/evidence/zeros.wav", b"\0" * (20 * 1024 * 1024))
    assert_rejected(path, "zip_bomb", tmp_path)


def test_lying_sizes_are_caught_while_reading(base, tmp_path):
    """A header that declares a small size for a big stream: reading stops at the limit."""
    path = tmp_path / "liar.zip"
    rezip(read_entries(base[0]), path)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        pos = zf.start_dir
    # Shrink the declared size in the central directory: the stream no longer matches its header.
    while raw[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = (int.from_bytes(raw[pos + o:pos + o + 2], "little") for o in (28, 30, 32))
        if raw[pos + 46:pos + 46 + n].endswith(b"to-trinh.pdf"):
            raw[pos + 24:pos + 28] = (10).to_bytes(4, "little")
            break
        pos += 46 + n + m + k
    else:
        raise AssertionError("entry not found")
    path.write_bytes(bytes(raw))
    check = check_packet(path)
    assert check.verdict in ("tampered", "malformed") and not check.is_valid


def test_too_many_files(base, tmp_path):
    top = top_of(base[0])
    entries = read_entries(base[0]) + [(f"{top}/evidence/{i}.txt", b"") for i in range(2001)]
    assert_rejected(rezip(entries, tmp_path / "many.zip"), "too_many_files", tmp_path)


def test_encrypted_and_unsupported_entries(base, tmp_path):
    top = top_of(base[0])
    path = with_entry(base, tmp_path, f"{top}/evidence/secret.bin")
    raw = bytearray(path.read_bytes())
    idx = raw.rfind(b"PK\x01\x02")  # the last central directory entry is ours
    raw[idx + 8] |= 0x01
    (tmp_path / "enc.zip").write_bytes(bytes(raw))
    assert check_packet(tmp_path / "enc.zip").reason in ("encrypted_entry", "not_zip")
    raw = bytearray(path.read_bytes())
    raw[idx + 10:idx + 12] = (14).to_bytes(2, "little")  # LZMA
    (tmp_path / "lzma.zip").write_bytes(bytes(raw))
    assert check_packet(tmp_path / "lzma.zip").reason == "unsupported_compression"


@pytest.mark.parametrize("content", [b"", b"not a zip at all", os.urandom(4096)])
def test_not_a_zip(tmp_path, content):
    (tmp_path / "x.zip").write_bytes(content)
    assert_rejected(tmp_path / "x.zip", "not_zip", tmp_path)


def test_empty_zip(tmp_path):
    assert_rejected(rezip([], tmp_path / "empty.zip"), "missing_required", tmp_path)
    (tmp_path / "eocd.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    assert_rejected(tmp_path / "eocd.zip", "missing_required", tmp_path)


def test_missing_required_files(base, tmp_path):
    entries = [(i, c) for i, c in read_entries(base[0]) if not i.filename.endswith("/SHA256SUMS.sig")]
    assert_rejected(rezip(entries, tmp_path / "nosig.zip"), "missing_required", tmp_path)


def test_bad_signer_and_signature_file(base, tmp_path):
    entries = read_entries(base[0])
    garbage = [(i, b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n" if i.filename.endswith("signer.pem")
                else c) for i, c in entries]
    assert_rejected(rezip(garbage, tmp_path / "s.zip"), "bad_signer_key", tmp_path)
    short = [(i, b"\0" * 10 if i.filename.endswith(".sig") else c) for i, c in entries]
    assert_rejected(rezip(short, tmp_path / "sig.zip"), "bad_signature_file", tmp_path, verdict="bad_signature")


def signed_with(base, tmp_path, rel, content, name="signed.zip"):
    """Replace one file and re-sign with the commune's own key: only the content itself is wrong."""
    path, key = base
    entries = [(i, content if i.filename.split("/", 1)[1] == rel else c) for i, c in read_entries(path)]
    return rezip(resign(entries, key), tmp_path / name)


def manifest_of(base) -> dict:
    return fmt.parse_json(next(c for i, c in read_entries(base[0]) if i.filename.endswith("/manifest.json")))


@pytest.mark.parametrize("content, reason", [
    (b"{not json", "bad_json"),
    (b'{"a": 1, "a": 2}', "bad_json"),
    (b'{"a": NaN}', "bad_json"),
    (b"[" * 30000 + b"]" * 30000, "bad_json"),
    (b"\xff\xfe{}", "bad_json"),
    (b"[]", "bad_manifest"),
    (b'"string"', "bad_manifest"),
    (b"1" * 5000, "bad_json"),  # a number beyond Python's int string limit
])
def test_malformed_manifest_json(base, tmp_path, content, reason):
    assert_rejected(signed_with(base, tmp_path, "manifest.json", content), reason, tmp_path)


@pytest.mark.parametrize("change, reason", [
    (lambda m: m.update(format_version=2), "unsupported_version"),
    (lambda m: m.update(format_version="1"), "bad_manifest"),
    (lambda m: m.update(sequence=True), "bad_manifest"),
    (lambda m: m.update(sequence=-1), "bad_manifest"),
    (lambda m: m.update(sequence="3"), "bad_manifest"),
    (lambda m: m.update(packet_id="not-a-uuid"), "bad_manifest"),
    (lambda m: m.pop("previous_packet_sha256"), "bad_manifest"),
    (lambda m: m.update(previous_packet_sha256="xyz"), "bad_manifest"),
    (lambda m: m.update(created_at="2026-02-05T09:30:00Z"), "bad_manifest"),
    (lambda m: m.update(created_at="yesterday"), "bad_manifest"),
    (lambda m: m["commune"].update(code="../x"), "bad_manifest"),
    (lambda m: m["commune"].update(name=["list"]), "bad_manifest"),
    (lambda m: m.update(commune="01234"), "bad_manifest"),
    (lambda m: m["round"].pop("number"), "bad_manifest"),
    (lambda m: m["signer"].update(algorithm="RSA"), "bad_manifest"),
    (lambda m: m["signer"].update(fingerprint="0" * 64), "fingerprint_mismatch"),
    (lambda m: m.update(key_rotation={"old_fingerprint": 1}), "bad_manifest"),
    (lambda m: m.update(format="something-else"), "bad_manifest"),
])
def test_manifest_schema(base, tmp_path, change, reason):
    m = manifest_of(base)
    change(m)
    assert_rejected(signed_with(base, tmp_path, "manifest.json", json.dumps(m).encode()), reason, tmp_path)


@pytest.mark.parametrize("data, reason", [
    ([], "bad_data"),
    ({"commune": {}, "round": {}}, "bad_data"),
    ({"commune": [], "round": {}, "nominees": []}, "bad_data"),
    ({"commune": {"code": "99999"}, "round": {}, "nominees": []}, "bad_data"),
    ({"commune": {}, "round": {}, "nominees": [], "checklists": {}}, "bad_data"),
])
def test_data_json_shape(base, tmp_path, data, reason):
    assert_rejected(signed_with(base, tmp_path, "data.json", json.dumps(data).encode()), reason, tmp_path)


def test_huge_manifest(base, tmp_path):
    m = manifest_of(base)
    m["padding"] = "x" * (100 * 1024)
    assert_rejected(signed_with(base, tmp_path, "manifest.json", json.dumps(m).encode()), "too_large", tmp_path)


def test_bad_sums_content(base, tmp_path):
    path, key = base
    entries = read_entries(path)
    top = top_of(path)
    for sums in (b"not a sums file\n", b"%s  ../../etc/passwd\n" % (b"0" * 64),
                 b"%s  manifest.json\n%s  data.json\n" % (b"0" * 64, b"1" * 64)):
        out = [(i, c) for i, c in entries if not i.filename.endswith(("/SHA256SUMS", "/SHA256SUMS.sig"))]
        out += [(f"{top}/SHA256SUMS", sums), (f"{top}/SHA256SUMS.sig", key.sign(sums))]
        assert check_packet(rezip(out, tmp_path / "b.zip")).reason == "bad_sums"


def test_unknown_manifest_keys_are_ignored(base, tmp_path):
    m = manifest_of(base)
    m["future_field"] = {"anything": [1, 2]}
    check = check_packet(signed_with(base, tmp_path, "manifest.json", json.dumps(m).encode()))
    assert check.is_valid


def test_extraction_stays_inside_inbox_even_with_a_planted_symlink(base, tmp_path):
    """An inbox already holding a link named like the packet id must not redirect the write."""
    outside = tmp_path / "outside"
    outside.mkdir()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    result = extract_packet(base[0], inbox)
    assert result.folder is not None and result.folder.parent == inbox
    for p in result.folder.rglob("*"):
        assert inbox in p.resolve().parents
    assert list(outside.iterdir()) == []
    files = sorted(str(p.relative_to(result.folder)) for p in result.folder.rglob("*") if p.is_file())
    assert "SHA256SUMS" in files and "signer.pem" in files and "manifest.json" in files
    assert all(hashlib.sha256((result.folder / f).read_bytes()).hexdigest() for f in files)


# ----- hostile data in a correctly signed packet, at the receiving level --------------------------------------

@pytest.fixture(scope="module")
def genuine(tmp_path_factory):
    """data.json of a real export of the demo commune's round 1, and the commune's keyring (in memory)."""
    tmp = tmp_path_factory.mktemp("genuine")
    store = SecretStore(InMemoryKeyring())
    with opened(tmp / "commune", store) as ws:
        written = export(ws, demo_round(ws), tmp / "usb")
    return read_zip_json(written.path, "data.json"), store


def signed_data_packet(tmp_path: Path, store: SecretStore, data: dict, genuine_data: dict | None = None) -> Path:
    """A packet of commune 02095 carrying `data`, signed with the commune's own (trusted) key. Evidence and
    documents are left out (the data is what is hostile here). The writer refuses data of the wrong shape, so a
    hostile data.json is put in afterwards and signed again, as a forger holding the key would."""
    key = get_or_create_commune_key(store, "02095")
    out = tmp_path / "usb"
    out.mkdir()
    data = {**data, "evidence": [], "documents": []}
    header = PacketHeader(commune_code="02095", commune_name="Thượng Quan", round_number=1, round_version=1,
                          sequence=1, previous_packet_sha256=None)
    if genuine_data is None:
        return write_packet(out, files={}, data=data, header=header, key=key).path
    written = write_packet(out, files={}, data={**genuine_data, "evidence": [], "documents": []}, header=header,
                           key=key).path
    entries = [(i, json.dumps(data).encode() if i.filename.endswith("/data.json") else c)
               for i, c in read_entries(written)]
    written.unlink()
    return rezip(resign(entries, key), written)


@pytest.fixture
def trusting_receiver(tmp_path, genuine):
    """A receiving workspace that already trusts commune 02095's key (compared on paper)."""
    _, store = genuine
    with opened(tmp_path / "receiver") as ws:
        receiving.make_receiver_workspace(ws)
        receiving.trust_key(ws, "02095", get_or_create_commune_key(store, "02095").fingerprint, trusted_by="test")
        yield ws


def test_genuine_data_imports(genuine, trusting_receiver, tmp_path):
    """The control for the cases below: the same data unchanged is imported."""
    data, store = genuine
    result = receiving.receive_packet(trusting_receiver, signed_data_packet(tmp_path, store, data))
    assert result.outcome == receiving.IMPORTED, (result.record.reason, result.record.detail)


@pytest.mark.parametrize("change, place", [
    (lambda d: d["nominees"][0].update(votes_for="nhiều"), "$.nominees[0].votes_for"),
    (lambda d: d["nominees"][1].update(votes_against=-3), "$.nominees[1].votes_against"),
    (lambda d: d["participants"][1].pop("uid"), "$.participants[1]"),
    (lambda d: d["round"].update(hidden_field=1), "$.round"),
    (lambda d: d["awards"][0].update(year=99999), "$.awards[0].year"),
    (lambda d: d["achievements"][0].update(title="x" * 30000), "$.achievements[0].title"),
    (lambda d: d.update(council_meeting=[]), "$.council_meeting"),
    (lambda d: d.update(data_version=2), "$.data_version"),
    (lambda d: d["checklists"][0].update(answers=["met"]), "$.checklists[0].answers"),
    (lambda d: d["decisions"][0].update(decided_on="20/03/2026"), "$.decisions[0].decided_on"),
    (lambda d: d["commune"].update(uid=None), "$.commune.uid"),
], ids=["votes-text", "votes-negative", "participant-uid-missing", "unknown-field", "year-range", "text-too-long",
        "meeting-array", "data-version", "answers-array", "date-format", "commune-uid-null"])
def test_signed_data_of_the_wrong_shape_is_refused_naming_the_place(genuine, trusting_receiver, tmp_path,
                                                                     change, place):
    genuine_data, store = genuine
    data = json.loads(json.dumps(genuine_data))  # a deep copy: the module's genuine data stays intact
    change(data)
    packet = signed_data_packet(tmp_path, store, data, genuine_data)
    # Intact and signed, only the content is wrong: the reader decodes data.json once, into the typed
    # structure, after the signature and the hashes, and names the place.
    check = check_packet(packet)
    assert (check.verdict, check.reason) == (fmt.MALFORMED, "bad_data") and place in check.detail, check.detail
    ws = trusting_receiver
    before = counts(ws)

    result = receiving.receive_packet(ws, packet)
    record = result.record
    assert (result.outcome, record.verdict, record.reason) == (receiving.REJECTED, fmt.MALFORMED, "bad_data")
    assert place in record.detail, record.detail
    assert receiving.record_reason_text(record)
    # Nothing imported …
    assert counts(ws) == before
    assert receiving.imported_rounds(ws) == [] and record.round_id is None
    # … and the packet kept, byte for byte, in quarantine; nothing of it left extracted in the inbox.
    kept = ws.paths.root / record.kept_path
    assert kept.parent == ws.paths.quarantine_dir and kept.read_bytes() == packet.read_bytes()
    assert [p.name for p in ws.paths.inbox_dir.iterdir() if not p.name.startswith(".") and p.name != "packets"] == []
    accepted = ws.paths.inbox_dir / "packets"
    assert not accepted.exists() or list(accepted.iterdir()) == []
    assert [r.outcome for r in receiving.received_packets(ws)] == [receiving.REJECTED]
