"""Packets: write → read back, stock-tool verification, tampering, receiver classification, write failures."""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import msgspec
import pytest

from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.core.exchange.keys import VN_TZ, get_or_create_commune_key, rotate_commune_key
from desktop_app.core.exchange.packets import (CommuneState, PacketHeader, check_packet, classify_packet,
                                               extract_packet, verify_packet, write_packet)
from desktop_app.core.exchange.packets import format as fmt
from desktop_app.core.exchange.packets.round_data import RoundData
from desktop_app.core.exchange.packets import writer as writer_mod
from desktop_app.core.exchange.packets.drives import RemovableDrive, linux_mount_points, list_removable_drives
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore

CODE = "01234"
NOW = datetime(2026, 2, 5, 9, 30, tzinfo=VN_TZ)
DATA = {  # data.json of data_version 1 (packets/round_data.py), the smallest a round can carry
    "data_version": 1,
    "commune": {"uid": "c" * 32, "code": CODE, "name": "Xã Tân Lập"},
    "campaign": {"code": "KH-635", "title": "Bắc Kạn đẩy mạnh chương trình chuyển đổi số"},
    "round": {"uid": "r" * 32, "number": 1, "version": 1},
    "participants": [{"uid": "p" * 32, "kind": "individual", "category": "can_bo", "name": "Nguyễn Văn Đức"}],
    "nominees": [{"uid": "n" * 32, "participant_uid": "p" * 32, "award_form": "giay_khen"}],
    "checklists": [], "council_votes": [],
}


# ----- helpers shared with test_packets_hostile.py --------------------------------------------------

def make_store() -> SecretStore:
    return SecretStore(InMemoryKeyring())


def make_sources(root: Path) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "to-trinh.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n")
    (root / "bien-ban.docx").write_bytes(b"PK\x03\x04fake docx " * 50)
    (root / "anh hiện trường.jpg").write_bytes(os.urandom(5000))
    return {
        "documents/to-trinh.pdf": root / "to-trinh.pdf",
        "documents/bien-ban.docx": root / "bien-ban.docx",
        "evidence/1/anh hiện trường.jpg": root / "anh hiện trường.jpg",
    }


def header(sequence: int = 1, previous: str | None = None) -> PacketHeader:
    return PacketHeader(CODE, "Xã Tân Lập", 1, 1, sequence, previous)


def build_packet(tmp: Path, key=None, sequence: int = 1, previous: str | None = None, out: str = "out"):
    key = key or get_or_create_commune_key(make_store(), CODE)
    target = tmp / out
    target.mkdir(parents=True, exist_ok=True)
    written = write_packet(target, files=make_sources(tmp / "src"), data=DATA, header=header(sequence, previous),
                           key=key, now=NOW)
    return written, key


def read_entries(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def rezip(entries, dst: Path) -> Path:
    """Write (name or ZipInfo, bytes) pairs as a new zip, keeping attributes of ZipInfo inputs."""
    with zipfile.ZipFile(dst, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are crafted on purpose
        for name, content in entries:
            zf.writestr(name, content)
    return dst


def modify(src: Path, dst: Path, rel: str, new: bytes) -> Path:
    return rezip([(i, new if i.filename.split("/", 1)[1] == rel else c) for i, c in read_entries(src)], dst)


def resign(entries, key) -> list:
    """Recompute SHA256SUMS and its signature over the given entries (an attacker with his own key)."""
    top = entries[0][0].filename.split("/")[0]
    hashes = {i.filename.split("/", 1)[1]: hashlib.sha256(c).hexdigest() for i, c in entries
              if i.filename.split("/", 1)[1] not in (fmt.SUMS, fmt.SIG)}
    sums = fmt.sums_bytes(hashes)
    out = [(i, c) for i, c in entries if i.filename.split("/", 1)[1] not in (fmt.SUMS, fmt.SIG)]
    return out + [(f"{top}/{fmt.SUMS}", sums), (f"{top}/{fmt.SIG}", key.sign(sums))]


@pytest.fixture
def packet(tmp_path):
    written, key = build_packet(tmp_path)
    return written, key


# ----- round trip and stock tools ------------------------------------------------------------------

def test_round_trip(packet, tmp_path):
    written, key = packet
    assert written.path.name == "01234_dot1_20260205_001.zip"
    assert written.sha256 == hashlib.sha256(written.path.read_bytes()).hexdigest()
    assert written.size == written.path.stat().st_size
    assert sorted(p.name for p in written.path.parent.iterdir()) == [written.path.name]  # no temp left
    check = check_packet(written.path)
    assert check.verdict == "valid" and check.label == "Hợp lệ"
    m = check.manifest
    assert (m.packet_id, m.sequence, m.commune_code, m.round_number) == (written.packet_id, 1, CODE, 1)
    assert m.created_at == "2026-02-05T09:30:00+07:00" and m.previous_packet_sha256 is None
    assert m.signer_fingerprint == key.fingerprint == check.signer_fingerprint
    assert check.data == msgspec.convert(DATA, RoundData)  # decoded once, typed
    assert check.files == ("documents/bien-ban.docx", "documents/to-trinh.pdf", "evidence/1/anh hiện trường.jpg")
    names = [i.filename for i, _ in read_entries(written.path)]
    assert all(n.startswith("01234_dot1_20260205_001/") for n in names)


def test_stock_tools_verify(packet, tmp_path):
    written, _ = packet
    dest = tmp_path / "unz"
    subprocess.run(["unzip", "-q", str(written.path), "-d", str(dest)], check=True)
    folder = dest / written.path.stem
    env = dict(os.environ, LC_ALL="C.UTF-8")
    r = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count(": OK") == 6  # 3 content files, data.json, manifest.json, signer.pem
    r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin",
                        "-in", "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"], cwd=folder, capture_output=True, text=True)
    assert r.returncode == 0 and "Signature Verified Successfully" in r.stdout, r.stdout + r.stderr
    # The fingerprint on paper can be recomputed with stock tools too.
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", "signer.pem", "-outform", "DER"], cwd=folder,
                         capture_output=True, check=True).stdout
    assert hashlib.sha256(der).hexdigest() == written.signer_fingerprint
    # And a tampered copy fails with the same stock tools.
    with open(folder / "documents" / "to-trinh.pdf", "r+b") as fh:
        fh.seek(100)
        fh.write(b"X")
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=folder, capture_output=True).returncode != 0
    (folder / "SHA256SUMS").write_bytes((folder / "SHA256SUMS").read_bytes().replace(b"  ", b"  ./", 1))
    r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin",
                        "-in", "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"], cwd=folder, capture_output=True)
    assert r.returncode != 0


def test_progress_and_chain(tmp_path):
    calls = []
    key = get_or_create_commune_key(make_store(), CODE)
    (tmp_path / "out").mkdir()
    first = write_packet(tmp_path / "out", files=make_sources(tmp_path / "src"), data=DATA, header=header(1),
                         key=key, now=NOW, progress=lambda d, t, label: calls.append((d, t, label)))
    assert calls and calls[-1][0] <= calls[-1][1] and all(a[0] <= b[0] for a, b in zip(calls, calls[1:]))
    assert any("Đang ghi" in c[2] for c in calls)
    second = write_packet(tmp_path / "out", files={}, data=DATA, header=header(2, first.sha256), key=key, now=NOW)
    assert check_packet(second.path).manifest.previous_packet_sha256 == first.sha256
    assert second.path.name.endswith("_002.zip")


# ----- tampering --------------------------------------------------------------------------------------

def flip_byte(src: Path, dst: Path, rel: str) -> Path:
    """Change one byte of an entry's stored data in place (the zip structure stays intact)."""
    raw = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith("/" + rel))
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    raw[offset] ^= 0x01
    dst.write_bytes(bytes(raw))
    return dst


@pytest.mark.parametrize("rel", ["documents/to-trinh.pdf", "data.json", "manifest.json"])
def test_flipped_byte_is_tampered(packet, tmp_path, rel):
    check = check_packet(flip_byte(packet[0].path, tmp_path / "t.zip", rel))
    assert check.verdict == "tampered", check


def test_changed_document_rezipped_is_tampered(packet, tmp_path):
    check = check_packet(modify(packet[0].path, tmp_path / "t.zip", "documents/to-trinh.pdf", b"%PDF fake"))
    assert (check.verdict, check.reason, check.detail) == ("tampered", "hash_mismatch", "documents/to-trinh.pdf")
    assert check.label == "Tệp bị sửa đổi"


def test_changed_data_json_is_tampered(packet, tmp_path):
    data = dict(DATA, nominees=[{"id": 1, "name": "Người khác"}])
    check = check_packet(modify(packet[0].path, tmp_path / "t.zip", "data.json", fmt.dump_json(data)))
    assert (check.verdict, check.detail) == ("tampered", "data.json")


def test_changed_sha256sums_is_bad_signature(packet, tmp_path):
    entries = read_entries(packet[0].path)
    sums = next(c for i, c in entries if i.filename.endswith("/SHA256SUMS"))
    check = check_packet(modify(packet[0].path, tmp_path / "t.zip", "SHA256SUMS", sums.replace(b"a", b"b", 1)))
    assert (check.verdict, check.reason) == ("bad_signature", "signature_mismatch")
    assert check.label == "Chữ ký không hợp lệ"


def test_swapped_signer_pem_is_bad_signature(packet, tmp_path):
    other = get_or_create_commune_key(make_store(), CODE)
    check = check_packet(modify(packet[0].path, tmp_path / "t.zip", "signer.pem", other.public_key_pem.encode()))
    assert (check.verdict, check.reason) == ("bad_signature", "signature_mismatch")


def test_resigned_by_another_key_is_caught(packet, tmp_path):
    """An attacker re-signs with his own key: the manifest fingerprint betrays it, or trust does."""
    other = get_or_create_commune_key(make_store(), CODE)
    entries = [(i, other.public_key_pem.encode() if i.filename.endswith("/signer.pem") else c)
               for i, c in read_entries(packet[0].path)]
    check = check_packet(rezip(resign(entries, other), tmp_path / "t.zip"))
    assert (check.verdict, check.reason) == ("malformed", "fingerprint_mismatch")
    # Rewriting the manifest too makes a cryptographically valid packet — by an untrusted signer.
    m = fmt.parse_json(next(c for i, c in entries if i.filename.endswith("/manifest.json")))
    m["signer"]["fingerprint"] = other.fingerprint
    entries = [(i, fmt.dump_json(m) if i.filename.endswith("/manifest.json") else c) for i, c in entries]
    forged = rezip(resign(entries, other), tmp_path / "f.zip")
    check = check_packet(forged)
    assert check.is_valid
    state = CommuneState(trusted_fingerprints=frozenset({packet[1].fingerprint}))
    assert classify_packet(check, state).verdict == "untrusted_signer"
    assert verify_packet(forged, trusted={packet[1].fingerprint}).verdict == "untrusted_signer"
    assert verify_packet(packet[0].path, trusted={packet[1].fingerprint}).verdict == "valid"


def test_missing_and_extra_files_are_tampered(packet, tmp_path):
    entries = read_entries(packet[0].path)
    top = entries[0][0].filename.split("/")[0]
    missing = rezip([(i, c) for i, c in entries if not i.filename.endswith("bien-ban.docx")], tmp_path / "m.zip")
    assert (check_packet(missing).verdict, check_packet(missing).reason) == ("tampered", "missing_file")
    extra = rezip(entries + [(f"{top}/evidence/them.jpg", b"x")], tmp_path / "e.zip")
    assert (check_packet(extra).verdict, check_packet(extra).reason) == ("tampered", "extra_file")


# ----- receiver classification -----------------------------------------------------------------------

def test_first_contact_then_sequence_duplicate_and_chain(tmp_path):
    p1, key = build_packet(tmp_path, out="o1")
    p2, _ = build_packet(tmp_path, key, sequence=2, previous=p1.sha256, out="o2")
    p3, _ = build_packet(tmp_path, key, sequence=3, previous=p2.sha256, out="o3")
    c1, c2, c3 = (check_packet(p.path) for p in (p1, p2, p3))

    first = classify_packet(c1, CommuneState())
    assert (first.verdict, first.reason, first.first_contact) == ("untrusted_signer", "first_contact", True)
    assert first.label == "Người ký chưa được tin cậy"
    trusted = frozenset({key.fingerprint})
    assert classify_packet(c1, CommuneState(trusted)).verdict == "valid"  # after the paper comparison
    after1 = CommuneState(trusted, 1, p1.sha256, frozenset({p1.packet_id}))
    dup = classify_packet(c1, after1)
    assert (dup.verdict, dup.label) == ("duplicate", "Gửi lại trùng")
    assert classify_packet(c2, after1).verdict == "valid"
    gap = classify_packet(c3, after1)
    assert (gap.verdict, gap.reason, gap.expected_sequence, gap.label) == ("out_of_sequence", "sequence_gap", 2, "Sai thứ tự")
    after3 = CommuneState(trusted, 3, p3.sha256, frozenset({p1.packet_id, p3.packet_id}))
    assert classify_packet(c2, after3).reason == "older_sequence"
    # Same sequence number, but the chain says the receiver holds a different predecessor.
    forked = CommuneState(trusted, 1, "0" * 64, frozenset({"x"}))
    assert classify_packet(c2, forked).reason == "chain_mismatch"
    # Bad packets keep their own verdict whatever the state.
    bad = check_packet(modify(p2.path, tmp_path / "bad.zip", "data.json", b"{}"))
    assert classify_packet(bad, after1).verdict == "tampered"


def test_rotation_accepted_only_when_announced_by_trusted_key(tmp_path):
    store = make_store()
    old = get_or_create_commune_key(store, CODE)
    p1, _ = build_packet(tmp_path, old, out="o1")
    rotation = rotate_commune_key(store, CODE, now=NOW)
    new = get_or_create_commune_key(store, CODE)
    assert new.fingerprint != old.fingerprint and new.rotation == rotation
    p2, _ = build_packet(tmp_path, new, sequence=2, previous=p1.sha256, out="o2")
    c2 = check_packet(p2.path)
    assert c2.is_valid and c2.manifest.key_rotation.old_fingerprint == old.fingerprint

    state = CommuneState(frozenset({old.fingerprint}), 1, p1.sha256, frozenset({p1.packet_id}))
    ok = classify_packet(c2, state)
    assert (ok.verdict, ok.reason, ok.newly_trusted_fingerprint) == ("valid", "rotation_accepted", new.fingerprint)
    # A receiver that never trusted the old key must compare on paper.
    stranger = CommuneState(frozenset({"f" * 64}), 1, p1.sha256, frozenset({p1.packet_id}))
    assert classify_packet(c2, stranger).verdict == "untrusted_signer"
    # A new key with no announcement is not accepted.
    lone = get_or_create_commune_key(make_store(), CODE)
    p3, _ = build_packet(tmp_path, lone, sequence=2, previous=p1.sha256, out="o3")
    assert classify_packet(check_packet(p3.path), state).verdict == "untrusted_signer"


def test_forged_rotation_announcement_is_bad_signature(tmp_path):
    """An attacker copies a real announcement's old key but signs the statement himself."""
    store = make_store()
    old = get_or_create_commune_key(store, CODE)
    rotate_commune_key(store, CODE, now=NOW)
    attacker = get_or_create_commune_key(make_store(), CODE)
    real = get_or_create_commune_key(store, CODE).rotation
    import base64

    from desktop_app.core.exchange.keys import KeyRotation
    fake = KeyRotation(CODE, old.fingerprint, attacker.fingerprint, old.public_key_pem, attacker.public_key_pem,
                       real.announced_at,
                       base64.b64encode(attacker.sign(KeyRotation.statement(CODE, old.fingerprint, attacker.fingerprint,
                                                                             real.announced_at))).decode())
    p, _ = build_packet(tmp_path, attacker)

    def with_rotation(rotation, name):
        entries = read_entries(p.path)
        m = fmt.parse_json(next(c for i, c in entries if i.filename.endswith("/manifest.json")))
        m["key_rotation"] = rotation.to_dict()
        entries = [(i, fmt.dump_json(m) if i.filename.endswith("/manifest.json") else c) for i, c in entries]
        return rezip(resign(entries, attacker), tmp_path / name)

    check = check_packet(with_rotation(fake, "fake.zip"))
    assert (check.verdict, check.reason) == ("bad_signature", "rotation_signature")
    # A real announcement, but of a key other than the signer's.
    assert check_packet(with_rotation(real, "real.zip")).reason == "rotation_mismatch"


# ----- extraction ------------------------------------------------------------------------------------

def test_extract_valid_packet_and_recheck_with_stock_tools(packet, tmp_path):
    inbox = tmp_path / "inbox"
    result = extract_packet(packet[0].path, inbox)
    assert result.check.is_valid and result.folder == inbox / packet[0].packet_id
    assert sorted(p.name for p in inbox.iterdir()) == [packet[0].packet_id]
    assert (result.folder / "evidence" / "1" / "anh hiện trường.jpg").exists()
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=result.folder,
                          env=dict(os.environ, LC_ALL="C.UTF-8")).returncode == 0
    again = extract_packet(packet[0].path, inbox)  # the same packet again: replaced, not doubled
    assert again.folder == result.folder and len(list(inbox.iterdir())) == 1


def test_extract_bad_packet_leaves_nothing(packet, tmp_path):
    inbox = tmp_path / "inbox"
    bad = modify(packet[0].path, tmp_path / "t.zip", "evidence/1/anh hiện trường.jpg", b"changed")
    result = extract_packet(bad, inbox)
    assert result.check.verdict == "tampered" and result.folder is None
    assert list(inbox.iterdir()) == []


# ----- write failures ----------------------------------------------------------------------------------

def leftovers_that_verify(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.is_file() and check_packet(p).is_valid]


def write(tmp_path, target, key, **kw):
    return write_packet(target, files=make_sources(tmp_path / "src"), data=DATA, header=header(), key=key, now=NOW, **kw)


def test_target_is_a_file_is_not_writable_then_retry(tmp_path):
    key = get_or_create_commune_key(make_store(), CODE)
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    with pytest.raises(UserError) as err:
        write(tmp_path, blocker, key)
    assert err.value.code == "packets.not_writable" and "Không ghi được" in str(err.value)
    with pytest.raises(UserError) as err:
        write(tmp_path, tmp_path / "missing", key)
    assert err.value.code == "packets.target_gone"
    (tmp_path / "good").mkdir()
    assert write(tmp_path, tmp_path / "good", key).path.exists()


@pytest.mark.parametrize("where, errno_, code", [
    ("fsync", errno.ENOSPC, "packets.disk_full"),
    ("replace", errno.EIO, "packets.target_gone"),
    ("replace", errno.EROFS, "packets.not_writable"),
    ("copy", errno.ENOSPC, "packets.disk_full"),
    ("copy", errno.ENOENT, "packets.target_gone"),
])
def test_os_errors_leave_nothing_that_verifies(tmp_path, monkeypatch, where, errno_, code):
    key = get_or_create_commune_key(make_store(), CODE)
    target = tmp_path / "stick"
    target.mkdir()

    def boom(*a, **k):
        raise OSError(errno_, os.strerror(errno_))

    if where == "fsync":
        monkeypatch.setattr(writer_mod.os, "fsync", boom)
    elif where == "replace":
        monkeypatch.setattr(writer_mod.os, "replace", boom)
    else:  # the stick fills up (or vanishes) in the middle of an entry
        real_write = zipfile._ZipWriteFile.write
        state = {"n": 0}

        def flaky(self, data):
            state["n"] += 1
            if state["n"] > 2:
                boom()
            return real_write(self, data)

        monkeypatch.setattr(zipfile._ZipWriteFile, "write", flaky)
        monkeypatch.setattr(writer_mod, "CHUNK", 1024)
    with pytest.raises(UserError) as err:
        write(tmp_path, target, key)
    assert err.value.code == code
    assert list(target.iterdir()) == []  # temp removed, nothing under the final name
    monkeypatch.undo()
    assert write(tmp_path, target, key).path.exists()


def test_failed_read_back_removes_the_final_file(tmp_path, monkeypatch):
    key = get_or_create_commune_key(make_store(), CODE)
    (tmp_path / "stick").mkdir()
    import desktop_app.core.exchange.packets.reader as reader_mod
    real_check = reader_mod._open_and_check

    def corrupting_check(path, *a):
        flip_byte(path, path, "documents/to-trinh.pdf")  # the stick returned other bytes
        return real_check(path, *a)

    monkeypatch.setattr(reader_mod, "_open_and_check", corrupting_check)
    with pytest.raises(UserError) as err:
        write(tmp_path, tmp_path / "stick", key)
    assert err.value.code == "packets.verify_after_write_failed"
    assert list((tmp_path / "stick").iterdir()) == []


def test_cancel_cleans_up(tmp_path, monkeypatch):
    key = get_or_create_commune_key(make_store(), CODE)
    target = tmp_path / "stick"
    target.mkdir()
    monkeypatch.setattr(writer_mod, "CHUNK", 512)
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(UserCancelled):
        write(tmp_path, target, key, cancelled=cancelled)
    assert list(target.iterdir()) == []


def test_existing_final_name_is_refused_and_kept(packet, tmp_path):
    written, key = packet
    before = written.path.read_bytes()
    with pytest.raises(UserError) as err:
        write(tmp_path, written.path.parent, key)
    assert err.value.code == "packets.target_exists"
    assert written.path.read_bytes() == before


def test_stale_partial_temps_are_removed_and_partial_cannot_verify(tmp_path):
    key = get_or_create_commune_key(make_store(), CODE)
    target = tmp_path / "stick"
    target.mkdir()
    good, _ = build_packet(tmp_path, key, out="ref")
    truncated = target / f".sothidua-{good.path.name}.abcd1234.partial"
    truncated.write_bytes(good.path.read_bytes()[: good.size - 200])  # the central directory is cut off
    assert check_packet(truncated).verdict == "malformed"
    write(tmp_path, target, key)
    assert not truncated.exists()


def test_bad_inputs_are_user_errors(tmp_path):
    key = get_or_create_commune_key(make_store(), CODE)
    (tmp_path / "o").mkdir()
    src = tmp_path / "a.pdf"
    src.write_bytes(b"x")
    for files, code in [({"../a.pdf": src}, "packets.bad_file_name"),
                        ({"other/a.pdf": src}, "packets.bad_file_name"),
                        ({"documents/A.pdf": src, "documents/a.pdf": src}, "packets.duplicate_file_name"),
                        ({"documents/x.pdf": tmp_path / "nope.pdf"}, "packets.source_missing")]:
        with pytest.raises(UserError) as err:
            write_packet(tmp_path / "o", files=files, data=DATA, header=header(), key=key, now=NOW)
        assert err.value.code == code
    with pytest.raises(UserError) as err:
        write_packet(tmp_path / "o", files={}, data={"nominees": []}, header=header(), key=key, now=NOW)
    assert err.value.code == "packets.bad_data"
    with pytest.raises(UserError) as err:
        write_packet(tmp_path / "o", files={}, data=dict(DATA, commune={"code": "99999"}), header=header(),
                     key=key, now=NOW)
    assert err.value.code == "packets.bad_data"
    small = fmt.Limits(max_total_uncompressed=1000)
    with pytest.raises(UserError) as err:
        write_packet(tmp_path / "o", files=make_sources(tmp_path / "s"), data=DATA, header=header(), key=key,
                     now=NOW, limits=small)
    assert err.value.code == "packets.too_large"
    assert list((tmp_path / "o").iterdir()) == []


def _can_mount() -> str | None:
    if os.geteuid() != 0:
        return "needs root to mount a size-limited tmpfs"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@pytest.mark.needs_root
@pytest.mark.skipif(_can_mount() is not None, reason=str(_can_mount()))
def test_real_full_filesystem(tmp_path):
    key = get_or_create_commune_key(make_store(), CODE)
    stick = tmp_path / "stick"
    stick.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(stick)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.strip()}")
    try:
        big = tmp_path / "big.jpg"
        big.write_bytes(os.urandom(300 * 1024))
        with pytest.raises(UserError) as err:
            write_packet(stick, files={"evidence/big.jpg": big}, data=DATA, header=header(), key=key, now=NOW)
        assert err.value.code == "packets.disk_full"
        assert "đầy" in str(err.value)
        assert list(stick.iterdir()) == []
        # The same stick with room left after a smaller export works.
        written = write(tmp_path, stick, key)
        assert check_packet(written.path).is_valid
    finally:
        subprocess.run(["umount", str(stick)], check=True)


# ----- removable drives -------------------------------------------------------------------------------

def test_linux_mount_points_parsing():
    text = ("/dev/sda1 / ext4 rw 0 0\n"
            "/dev/sdb1 /media/user/USB\\040CUA\\040XA vfat rw 0 0\n"
            "/dev/sdc1 /run/media/anna/KINGSTON exfat rw 0 0\n"
            "tmpfs /run/user/1000 tmpfs rw 0 0\n"
            "/dev/sdd1 /mnt/the 3rd vfat\n")
    assert linux_mount_points(text) == ["/media/user/USB CUA XA", "/run/media/anna/KINGSTON", "/mnt/the"]


def test_list_removable_drives_never_fails():
    drives = list_removable_drives()
    assert isinstance(drives, list) and all(isinstance(d, RemovableDrive) for d in drives)


def test_windows_listing_with_a_fake_kernel32(tmp_path, monkeypatch):
    from desktop_app.core.exchange.packets import drives as drives_mod

    class K32:
        def SetErrorMode(self, mode):
            return 0

        def GetLogicalDrives(self):
            return 0b1110  # B:, C:, D:

        def GetDriveTypeW(self, root):
            return {"B:\\": 2, "C:\\": 3, "D:\\": 2}[root]

        def GetVolumeInformationW(self, root, buf, size, *rest):
            if root == "D:\\":
                return 0  # card reader without a card
            buf.value = "USB XA"
            return 1

    monkeypatch.setattr(drives_mod.shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(10, 5, 5))
    assert drives_mod.windows_drives(K32()) == [RemovableDrive("B:\\", "USB XA", 5)]


def test_core_packets_import_no_qt():
    code = ("import sys; import desktop_app.core.exchange.packets, desktop_app.core.exchange.keys, desktop_app.core.storage.secrets; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([os.sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2]).returncode == 0


def test_readme_stock_commands_match_names():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "packet-format.md").read_text(encoding="utf-8")
    for needle in ("sha256sum -c SHA256SUMS", "openssl pkeyutl -verify -pubin -inkey signer.pem -rawin",
                   '"format_version": 1', "SHA256SUMS.sig", "signer.pem"):
        assert needle in doc
