"""Backups: automatic copies and rotation, the USB archive (round trip, tampering, full/removed stick),
restore (current database kept, evidence back), and no signing key material in any backup."""
from __future__ import annotations

import base64
import errno
import json
import os
import shutil
import sqlite3
import subprocess
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.core.exchange.keys import get_or_create_commune_key, write_key_backup
from desktop_app.core.register.achievements import add_evidence, list_achievements
from desktop_app.core.storage import backup, files, snapshots
from desktop_app.core.storage.models import EvidenceFile, Participant
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace

NOW = datetime(2026, 3, 9, 8, 15, 0)


def opened(root: Path):
    """Open a workspace the way the app does, with keys in memory (never the OS keyring)."""
    return open_workspace(root, secrets=SecretStore(InMemoryKeyring()))


def names(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM participant")}
    finally:
        conn.close()


@pytest.fixture
def filled(tmp_path):
    """A demo workspace with two evidence files (one photo-sized), closed afterwards by the test helpers."""
    ws = opened(tmp_path / "ws")
    create_demo_commune(ws)
    person = Participant.get(Participant.name == "Nguyễn Văn Đức")
    achievement = list_achievements(ws, person.id)[0] if list_achievements(ws, person.id) else None
    src = tmp_path / "src"
    src.mkdir()
    (src / "giấy chứng nhận.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(20_000) + b"\n%%EOF\n")
    (src / "ảnh.jpg").write_bytes(os.urandom(70_000))
    evidence = [add_evidence(ws, person.id, src / n, achievement.id if achievement else None)
                for n in sorted(os.listdir(src))]
    yield ws, evidence
    ws.close()


def test_round_trip_brings_back_database_and_evidence(filled, tmp_path):
    ws, evidence = filled
    stick = tmp_path / "usb"
    stick.mkdir()
    seen = []
    archive = backup.export_backup(ws, stick, now=NOW, progress=lambda d, t, label: seen.append((d, t)))
    assert archive.name == "SoThiDua_saoluu_02095_20260309-081500.zip"
    assert [p.name for p in stick.iterdir()] == [archive.name]  # no temporary file left
    assert seen and seen[-1][0] == seen[-1][1] > 0
    manifest = backup.verify_backup(archive)
    assert manifest["commune_code"] == "02095"
    stored = {f"evidence/{e.stored_name}" for e in evidence}
    on_disk = {"evidence/" + p.relative_to(ws.paths.evidence_dir).as_posix()
               for p in ws.paths.evidence_dir.rglob("*") if p.is_file()}
    assert stored <= on_disk and len(on_disk) > len(stored)  # the demo's own evidence files too
    assert set(manifest["files"]) == {"sothidua.sqlite3"} | on_disk
    with zipfile.ZipFile(archive) as zf:
        for arc, meta in manifest["files"].items():
            assert meta["size"] == len(zf.read(arc))

    # Then things go wrong: a record overwritten by mistake, an evidence file lost from the workspace.
    before = names(ws.paths.database)
    Participant.update(name="Ghi đè nhầm").where(Participant.name == "Nông Thị Hoa").execute()
    lost = ws.paths.evidence_dir / evidence[0].stored_name
    lost_bytes = lost.read_bytes()
    lost.unlink()
    ws.close()
    assert "Nông Thị Hoa" not in names(ws.paths.database)

    result = backup.restore_backup(ws.paths, archive, now=NOW + timedelta(hours=1))
    assert result.evidence_restored == 1 and result.damaged_kept is None
    assert lost.read_bytes() == lost_bytes
    assert names(ws.paths.database) == before
    # The database as it was before the restore is kept in backups/.
    assert result.previous_copy.parent == ws.paths.backups_dir
    assert result.previous_copy.name.startswith("truoc-khoi-phuc-20260309-091500")
    assert "Nông Thị Hoa" not in names(result.previous_copy)
    reopened = opened(ws.paths.root)
    try:
        assert Participant.select().where(Participant.name == "Nông Thị Hoa").count() == 1
        assert {e.sha256 for e in EvidenceFile.select()} >= {e.sha256 for e in evidence}
    finally:
        reopened.close()


def _rewrite(archive: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(archive) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    change(entries)
    with zipfile.ZipFile(dst, "w") as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return dst


def _flip_evidence(entries):
    name = next(n for n in entries if n.startswith("evidence/"))
    data = bytearray(entries[name])
    data[len(data) // 2] ^= 0xFF
    entries[name] = bytes(data)


def _edit_database(entries):
    data = bytearray(entries["sothidua.sqlite3"])
    data[-100] ^= 0x01
    entries["sothidua.sqlite3"] = bytes(data)


def _drop_evidence(entries):
    del entries[next(n for n in entries if n.startswith("evidence/"))]


def _add_file(entries):
    entries["evidence/ab/" + "ab" * 32 + ".exe"] = b"MZ"


def _escape(entries):
    manifest = json.loads(entries["manifest.json"])
    manifest["files"]["../../evil.txt"] = {"sha256": "0" * 64, "size": 1}
    entries["manifest.json"] = json.dumps(manifest).encode()
    entries["../../evil.txt"] = b"x"


@pytest.mark.parametrize("change, code", [
    (_flip_evidence, "backup.tampered"), (_edit_database, "backup.tampered"), (_drop_evidence, "backup.tampered"),
    (_add_file, "backup.tampered"), (_escape, "backup.invalid"),
])
def test_tampered_backup_is_refused_and_nothing_changes(filled, tmp_path, change, code):
    ws, _ = filled
    (tmp_path / "usb").mkdir()
    archive = backup.export_backup(ws, tmp_path / "usb", now=NOW)
    ws.close()
    bad = _rewrite(archive, tmp_path / "bad.zip", change)
    db_before = ws.paths.database.read_bytes()
    evidence_before = sorted(p.relative_to(ws.paths.evidence_dir) for p in ws.paths.evidence_dir.rglob("*"))
    backups_before = sorted(p.name for p in ws.paths.backups_dir.iterdir())
    with pytest.raises(UserError) as err:
        backup.restore_backup(ws.paths, bad)
    assert err.value.code == code
    assert "{" not in str(err.value)
    assert ws.paths.database.read_bytes() == db_before
    assert sorted(p.relative_to(ws.paths.evidence_dir) for p in ws.paths.evidence_dir.rglob("*")) == evidence_before
    assert sorted(p.name for p in ws.paths.backups_dir.iterdir()) == backups_before
    assert not (tmp_path / "evil.txt").exists()


def test_not_a_backup_is_refused(workspace, tmp_path):
    junk = tmp_path / "anh.zip"
    junk.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    with pytest.raises(UserError) as err:
        backup.restore_backup(workspace.paths, junk)
    assert err.value.code == "backup.invalid"
    plain = tmp_path / "other.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    with pytest.raises(UserError) as err:
        backup.restore_backup(workspace.paths, plain)
    assert err.value.code == "backup.invalid"
    with pytest.raises(UserError) as err:
        backup.restore_backup(workspace.paths, tmp_path / "missing.zip")
    assert err.value.code == "backup.source_missing"


def test_no_signing_key_material_in_a_backup(filled, tmp_path):
    ws, _ = filled
    store = ws.secrets
    key = get_or_create_commune_key(store, "02095")
    # The officer saved the key's own (encrypted) backup into the data folder: it must not travel either.
    write_key_backup(store, "02095", ws.paths.root / "khoa-ky.pem", "mật khẩu rất dài 2026")
    (tmp_path / "usb").mkdir()
    archive = backup.export_backup(ws, tmp_path / "usb", now=NOW)
    pem = key._private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption())
    raw = key._private_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                         serialization.NoEncryption())
    body = b"".join(pem.splitlines()[1:-1])
    needles = [raw, body, base64.b64encode(raw), raw.hex().encode(), b"PRIVATE KEY", b"khoa-ky.pem"]
    blobs = [archive.read_bytes()]
    with zipfile.ZipFile(archive) as zf:
        blobs += [zf.read(i) for i in zf.infolist()]
        assert all(n == "manifest.json" or n == "sothidua.sqlite3" or n.startswith("evidence/") for n in zf.namelist())
    for blob in blobs:
        for needle in needles:
            assert needle not in blob
    # The check can see key material: the same scan finds it in the key's backup file.
    assert b"PRIVATE KEY" in (ws.paths.root / "khoa-ky.pem").read_bytes()


# ----- automatic backups and rotation -------------------------------------------------------------------

def test_daily_backup_at_most_once_a_day_and_only_with_data(tmp_path):
    ws = opened(tmp_path / "ws")
    try:
        assert snapshots.daily_backup(ws, now=NOW) is None  # nothing to protect yet
        create_demo_commune(ws)
        first = snapshots.daily_backup(ws, now=NOW)
        assert first is not None and first.name == "tu-dong-20260309-081500.sqlite3"
        assert snapshots.check_database(first) is None and "Nguyễn Văn Đức" in names(first)
        assert snapshots.daily_backup(ws, now=NOW + timedelta(hours=5)) is None
        second = snapshots.daily_backup(ws, now=NOW + timedelta(days=1))
        assert second is not None and second.name.startswith("tu-dong-20260310-")
        assert not [p for p in ws.paths.backups_dir.iterdir() if p.name.endswith(".partial")]
    finally:
        ws.close()


def test_backup_before_import_is_a_consistent_copy_of_the_live_database(workspace, commune):
    from desktop_app.core.register.participants import save_participant

    save_participant(workspace, {"kind": "individual", "category": "nguoi_dan", "name": "Lò Thị Sinh", "gender": "nu"})
    copy = snapshots.backup_before_import(workspace.paths)
    assert copy.parent == workspace.paths.backups_dir and copy.name.startswith("truoc-nhap-")
    assert "Lò Thị Sinh" in names(copy)  # the committed row is in the copy even while still in the WAL
    assert snapshots.list_automatic_backups(workspace.paths)[0].path == copy


def _touch(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_ten_dailies_and_recent_event_copies(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 3, 9, 12, 0, 0)
    dailies = [_touch(folder, f"tu-dong-{(now - timedelta(days=d)):%Y%m%d}-080000.sqlite3") for d in range(14)]
    recent_import = _touch(folder, f"truoc-nhap-{(now - timedelta(days=29)):%Y%m%d-%H%M%S}.sqlite3")
    old_import = _touch(folder, f"truoc-nhap-{(now - timedelta(days=31)):%Y%m%d-%H%M%S}.sqlite3")
    only_migration = _touch(folder, f"truoc-nang-cap-v1-{(now - timedelta(days=400)):%Y%m%d-%H%M%S}.sqlite3")
    old_restore = _touch(folder, f"truoc-khoi-phuc-{(now - timedelta(days=45)):%Y%m%d-%H%M%S}.sqlite3")
    new_restore = _touch(folder, f"truoc-khoi-phuc-{(now - timedelta(days=40)):%Y%m%d-%H%M%S}.sqlite3")
    damaged = _touch(folder, "tep-hong-20240101-000000.sqlite3")
    mine = _touch(folder, "ban-cua-toi.sqlite3")
    removed = snapshots.rotate(folder, now=now)
    left = set(folder.iterdir())
    assert set(dailies[:10]) <= left and not set(dailies[10:]) & left
    assert recent_import in left and old_import not in left
    assert only_migration in left            # the newest of its kind stays however old
    assert new_restore in left and old_restore not in left
    assert damaged in left and mine in left  # never touched
    assert set(removed) == set(dailies[10:]) | {old_import, old_restore}


def test_migration_copy_is_rotated(tmp_path):
    folder = tmp_path / "ws" / "backups"
    folder.mkdir(parents=True)
    stale = [_touch(folder, f"truoc-nang-cap-v1-2020010{d}-000000.sqlite3") for d in range(1, 4)]
    from desktop_app.core.storage.database import migrate
    db = tmp_path / "ws" / "sothidua.sqlite3"
    migrate(db, folder, target=1)
    migrate(db, folder)
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 1 and kept[0].startswith("truoc-nang-cap-v1-") and not any(s.name in kept for s in stale)


# ----- a full or removed stick ---------------------------------------------------------------------------

def test_removed_stick_is_a_clear_error(filled, tmp_path):
    ws, _ = filled
    with pytest.raises(UserError) as err:
        backup.export_backup(ws, tmp_path / "E-gone", now=NOW)
    assert err.value.code == "backup.target_gone"
    assert "rút ra" in str(err.value)


def _fail_writes_after(monkeypatch, limit: int, error: int):
    """The stick fills up (or vanishes) once `limit` bytes are written to it."""
    real_open = open
    written = {"n": 0}

    class Stick:
        def __init__(self, fh):
            self._fh = fh

        def write(self, data):
            if written["n"] + len(data) > limit:
                raise OSError(error, os.strerror(error))
            written["n"] += len(data)
            return self._fh.write(data)

        def __getattr__(self, name):
            return getattr(self._fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self._fh.__exit__(*exc)

    def fake_open(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        return Stick(fh) if "x" in mode and "usb" in str(file) else fh

    # The archive is written by the one stick writer (storage/files.py); backup.py may open files itself too.
    for module in (backup, files):
        monkeypatch.setattr(module, "open", fake_open, raising=False)


@pytest.mark.parametrize("error, code, words", [(errno.ENOSPC, "backup.disk_full", "đầy"),
                                                  (errno.EIO, "backup.target_gone", "rút ra")])
def test_full_or_pulled_stick_simulated(filled, tmp_path, monkeypatch, error, code, words):
    ws, _ = filled
    stick = tmp_path / "usb"
    stick.mkdir()
    _fail_writes_after(monkeypatch, 40_000, error)
    with pytest.raises(UserError) as err:
        backup.export_backup(ws, stick, now=NOW)
    assert err.value.code == code and words in str(err.value)
    assert list(stick.iterdir()) == []
    monkeypatch.undo()
    archive = backup.export_backup(ws, stick, now=NOW)  # the retry onto a good stick works
    assert backup.verify_backup(archive)["files"]


def test_cancel_leaves_nothing(filled, tmp_path):
    ws, _ = filled
    (tmp_path / "usb").mkdir()
    with pytest.raises(UserCancelled):
        backup.export_backup(ws, tmp_path / "usb", cancelled=lambda: True, now=NOW)
    assert list((tmp_path / "usb").iterdir()) == []


def _mount_problem() -> str | None:
    if os.geteuid() != 0:
        return "needs root to mount a size-limited tmpfs"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@pytest.mark.needs_root
@pytest.mark.skipif(_mount_problem() is not None, reason=str(_mount_problem()))
def test_real_full_stick(filled, tmp_path):
    ws, _ = filled
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    big = tmp_path / "video.mp4"
    big.write_bytes(os.urandom(300 * 1024))  # random bytes do not compress: more than the 200 KB stick
    add_evidence(ws, person.id, big)
    stick = tmp_path / "stick"
    stick.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(stick)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.strip()}")
    try:
        with pytest.raises(UserError) as err:
            backup.export_backup(ws, stick, now=NOW)
        assert err.value.code == "backup.disk_full" and "đầy" in str(err.value)
        assert list(stick.iterdir()) == []
    finally:
        subprocess.run(["umount", str(stick)], check=True)
    good = tmp_path / "good"
    good.mkdir()
    archive = backup.export_backup(ws, good, now=NOW)
    assert f"evidence/{EvidenceFile.select().order_by(EvidenceFile.id.desc()).get().stored_name}" in \
        backup.verify_backup(archive)["files"]


def test_command_line_backup_and_restore(tmp_path):
    import sys
    root = Path(__file__).resolve().parents[2]
    data, usb = tmp_path / "ws", tmp_path / "usb"
    usb.mkdir()

    # The program's own HOME, XDG folders and keyring (the fail backend): all inside tmp_path.
    home = tmp_path / "proc-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")

    def main(*args):
        return subprocess.run([sys.executable, str(root / "main.py"), *args], capture_output=True, text=True,
                              timeout=120, env=env)

    assert main("demo", "--data-dir", str(data)).returncode == 0
    made = main("backup", "--out", str(usb), "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    archive = next(usb.iterdir())
    assert str(archive) in made.stdout and "không chứa khóa ký" in made.stdout
    conn = sqlite3.connect(data / "sothidua.sqlite3")
    conn.execute("UPDATE participant SET name = 'Ghi đè nhầm' WHERE name = 'Nông Thị Hoa'")
    conn.commit()
    conn.close()
    bad = _rewrite(archive, tmp_path / "bad.zip", _flip_evidence)
    refused = main("restore", str(bad), "--data-dir", str(data))
    assert refused.returncode == 2 and "không còn nguyên vẹn" in refused.stderr
    assert "Nông Thị Hoa" not in names(data / "sothidua.sqlite3")
    done = main("restore", str(archive), "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert "Nông Thị Hoa" in names(data / "sothidua.sqlite3")
    assert "truoc-khoi-phuc-" in done.stdout
