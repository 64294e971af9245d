"""Commune keys: keyring-only storage, fingerprints, openssl interop, backup/restore, rotation, real Secret Service."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import keyring.backend
import keyring.errors
import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange.keys import (KEY_ENTRY, ROTATION_ENTRY, KeyRotation, commune_key_info, get_commune_key,
                                            get_or_create_commune_key, key_backup_bytes, restore_key_backup,
                                            rotate_commune_key, write_key_backup)
from desktop_app.core.fingerprints import format_fingerprint, normalize_fingerprint
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore

CODE = "01234"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def backend():
    return InMemoryKeyring()


@pytest.fixture
def store(backend):
    return SecretStore(backend)


# ----- the secret store ---------------------------------------------------------------------------------

def test_in_memory_keyring_is_never_auto_selected():
    assert InMemoryKeyring.viable is False
    assert not any(isinstance(k, InMemoryKeyring) for k in keyring.backend.get_all_keyring())


def test_store_round_trip(store):
    assert store.get("x") is None
    store.set("x", "giá trị")
    assert store.get("x") == "giá trị"
    assert store.delete("x") is True and store.delete("x") is False


def test_no_keyring_is_a_clear_error_and_no_file_is_written(tmp_path, monkeypatch, private_home):
    from keyring.backends import fail

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    store = SecretStore(fail.Keyring())
    with pytest.raises(UserError) as err:
        get_or_create_commune_key(store, CODE)
    assert err.value.code == "keys.no_keyring" and "kho khóa" in str(err.value)
    assert list(cwd.iterdir()) == []
    assert list(private_home.rglob("*")) == []  # nothing written into HOME or the XDG folders either


class PlaintextKeyring(InMemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed, on purpose)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_plain_text_backends_are_refused():
    with pytest.raises(UserError) as err:
        SecretStore(PlaintextKeyring()).set("x", "y")
    assert err.value.code == "keys.insecure_keyring"


@pytest.mark.parametrize("exc, code", [
    (keyring.errors.KeyringLocked("locked"), "keys.keyring_locked"),
    (keyring.errors.NoKeyringError("none"), "keys.no_keyring"),
    (keyring.errors.PasswordSetError("nope"), "keys.keyring_error"),
])
def test_keyring_errors_become_user_errors(exc, code):
    class Broken(InMemoryKeyring):
        def get_password(self, service, username):
            raise exc

        set_password = get_password

    with pytest.raises(UserError) as err:
        SecretStore(Broken()).get("x")
    assert err.value.code == code


def test_chainer_of_unusable_backends_is_refused():
    from keyring.backends import chainer, fail

    class Chain(chainer.ChainerBackend):
        backends = [fail.Keyring()]

    Chain.__name__ = "ChainerBackend"
    with pytest.raises(UserError) as err:
        SecretStore(Chain()).get("x")
    assert err.value.code == "keys.no_keyring"


# ----- the key --------------------------------------------------------------------------------------

def test_key_created_once_and_only_in_the_keyring(store, backend):
    key = get_or_create_commune_key(store, CODE)
    again = get_or_create_commune_key(store, CODE)
    assert again.fingerprint == key.fingerprint
    assert list(backend.entries) == [("so-thi-dua", KEY_ENTRY.format(code=CODE))]
    assert backend.entries[("so-thi-dua", KEY_ENTRY.format(code=CODE))].startswith("-----BEGIN PRIVATE KEY-----")
    assert "PRIVATE" not in repr(key) and commune_key_info(store, CODE).fingerprint == key.fingerprint
    assert commune_key_info(store, "99999") is None


def test_bad_commune_code(store):
    with pytest.raises(UserError) as err:
        get_or_create_commune_key(store, "../x")
    assert err.value.code == "keys.bad_commune_code"


def test_corrupt_stored_key(store):
    store.set(KEY_ENTRY.format(code=CODE), "garbage")
    with pytest.raises(UserError) as err:
        get_commune_key(store, CODE)
    assert err.value.code == "keys.stored_key_corrupt"


def test_fingerprint_forms(store, tmp_path):
    key = get_or_create_commune_key(store, CODE)
    shown = format_fingerprint(key.fingerprint)
    assert shown.startswith("SHA256:") and len(shown.split(" ")) == 16
    assert all(len(g) == 4 and g == g.upper() for g in shown[7:].split(" "))
    assert normalize_fingerprint(shown) == key.fingerprint
    assert normalize_fingerprint(shown.lower().replace(" ", ":")) == key.fingerprint
    with pytest.raises(UserError):
        normalize_fingerprint("SHA256:1234")
    pem = tmp_path / "k.pem"
    pem.write_text(key.public_key_pem)
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", str(pem), "-outform", "DER"],
                         capture_output=True, check=True).stdout
    assert hashlib.sha256(der).hexdigest() == key.fingerprint


def test_openssl_verifies_our_signature(store, tmp_path):
    key = get_or_create_commune_key(store, CODE)
    (tmp_path / "k.pem").write_text(key.public_key_pem)
    (tmp_path / "msg").write_bytes("Tờ trình số 05".encode())
    (tmp_path / "msg.sig").write_bytes(key.sign((tmp_path / "msg").read_bytes()))
    r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "k.pem", "-rawin", "-in", "msg",
                        "-sigfile", "msg.sig"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


# ----- backup and restore ----------------------------------------------------------------------------------

PASS = "mật khẩu dài đủ"


def test_backup_restore_round_trip_and_openssl_reads_it(store, tmp_path):
    key = get_or_create_commune_key(store, CODE)
    stick = tmp_path / "stick"
    stick.mkdir()
    path = write_key_backup(store, CODE, stick / "khoa.pem", PASS)
    content = path.read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in content and b"BEGIN PRIVATE KEY" not in content
    assert list(stick.iterdir()) == [path]
    # Stock OpenSSL opens it with the passphrase (scrypt PBES2) and finds the same public key.
    r = subprocess.run(["openssl", "pkey", "-in", str(path), "-passin", "stdin", "-pubout"],
                       input=unicodedata.normalize("NFC", PASS).encode(), capture_output=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == key.public_key_pem
    pem_block = content[content.index(b"-----BEGIN"):]
    asn1 = subprocess.run(["openssl", "asn1parse"], input=pem_block, capture_output=True).stdout.decode()
    assert ":scrypt" in asn1 and "aes-256-cbc" in asn1
    # A new PC: empty keyring, restore with the passphrase typed in NFD.
    fresh = SecretStore(InMemoryKeyring())
    info = restore_key_backup(fresh, CODE, content, unicodedata.normalize("NFD", PASS))
    assert info.fingerprint == key.fingerprint == get_commune_key(fresh, CODE).fingerprint


def test_wrong_passphrase_and_bad_files(store):
    get_or_create_commune_key(store, CODE)
    content = key_backup_bytes(store, CODE, PASS)
    fresh = SecretStore(InMemoryKeyring())
    with pytest.raises(UserError) as err:
        restore_key_backup(fresh, CODE, content, "sai mật khẩu")
    assert err.value.code == "keys.wrong_passphrase" and "Sai mật khẩu" in str(err.value)
    for junk in (b"", b"hello", content.replace(b"A", b"B")[:200] + b"\n-----END ENCRYPTED PRIVATE KEY-----"):
        with pytest.raises(UserError) as err:
            restore_key_backup(fresh, CODE, junk, PASS)
        assert err.value.code in ("keys.backup_invalid", "keys.wrong_passphrase")
    with pytest.raises(UserError) as err:
        restore_key_backup(fresh, "55555", content, PASS)
    assert err.value.code == "keys.backup_other_commune"
    with pytest.raises(UserError) as err:
        key_backup_bytes(store, CODE, "short")
    assert err.value.code == "keys.passphrase_too_short"
    assert get_commune_key(fresh, CODE) is None


def test_restore_does_not_silently_replace_another_key(store):
    get_or_create_commune_key(store, CODE)
    content = key_backup_bytes(store, CODE, PASS)
    other = SecretStore(InMemoryKeyring())
    theirs = get_or_create_commune_key(other, CODE)
    with pytest.raises(UserError) as err:
        restore_key_backup(other, CODE, content, PASS)
    assert err.value.code == "keys.restore_would_replace"
    assert get_commune_key(other, CODE).fingerprint == theirs.fingerprint
    info = restore_key_backup(other, CODE, content, PASS, replace=True)
    assert get_commune_key(other, CODE).fingerprint == info.fingerprint != theirs.fingerprint


def test_backup_onto_a_missing_stick(store, tmp_path):
    get_or_create_commune_key(store, CODE)
    with pytest.raises(UserError) as err:
        write_key_backup(store, CODE, tmp_path / "gone" / "k.pem", PASS)
    assert err.value.code == "packets.target_gone"


# ----- rotation ----------------------------------------------------------------------------------------

def test_rotation_announcement(store, backend):
    old = get_or_create_commune_key(store, CODE)
    rotation = rotate_commune_key(store, CODE)
    new = get_commune_key(store, CODE)
    assert rotation.is_valid() and new.rotation == rotation
    assert (rotation.old_fingerprint, rotation.new_fingerprint) == (old.fingerprint, new.fingerprint)
    assert rotation.announced_at.endswith("+07:00")
    assert KeyRotation.from_dict(rotation.to_dict()) == rotation
    d = rotation.to_dict()
    for field, value in (("new_fingerprint", old.fingerprint), ("announced_at", "2020-01-01T00:00:00+07:00"),
                         ("commune_code", "99999"), ("signature", "AAAA"), ("new_public_key", "x")):
        assert not KeyRotation.from_dict(dict(d, **{field: value})).is_valid(), field
    # A second rotation announces the third key with the second.
    second = rotate_commune_key(store, CODE)
    assert second.old_fingerprint == new.fingerprint and second.is_valid()
    assert ("so-thi-dua", ROTATION_ENTRY.format(code=CODE)) in backend.entries


def test_rotation_needs_a_key(store):
    with pytest.raises(UserError) as err:
        rotate_commune_key(store, CODE)
    assert err.value.code == "keys.no_key"


def test_restored_old_key_does_not_carry_a_foreign_announcement(store):
    get_or_create_commune_key(store, CODE)
    old_backup = key_backup_bytes(store, CODE, PASS)
    rotate_commune_key(store, CODE)
    restore_key_backup(store, CODE, old_backup, PASS, replace=True)
    assert get_commune_key(store, CODE).rotation is None


# ----- one end-to-end test against a real Secret Service keyring ---------------------------------------

E2E = textwrap.dedent("""
    import sys, tempfile, uuid
    from pathlib import Path
    import keyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.exchange.keys import get_or_create_commune_key, get_commune_key, KEY_ENTRY
    from desktop_app.core.exchange.packets import PacketHeader, write_packet, check_packet

    print("backend", type(keyring.get_keyring()).__module__)
    store = SecretStore()
    code = "E2E-" + uuid.uuid4().hex[:8]
    key = get_or_create_commune_key(store, code)
    assert get_commune_key(SecretStore(), code).fingerprint == key.fingerprint  # read back from the daemon
    out = Path(tempfile.mkdtemp())
    data = {"data_version": 1, "commune": {"uid": "c" * 32, "code": code}, "campaign": {"code": "KH"},
            "round": {"uid": "r" * 32, "number": 1, "version": 1}, "nominees": []}
    written = write_packet(out, files={}, data=data, header=PacketHeader(code, "Xã thử", 1, 1, 1, None), key=key)
    check = check_packet(written.path)
    assert check.is_valid and check.signer_fingerprint == key.fingerprint, check
    assert store.delete(KEY_ENTRY.format(code=code))
    print("OK", written.path.name)
""")


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="dbus-run-session or gnome-keyring-daemon not installed (Debian: dbus gnome-keyring)")
def test_real_secret_service_end_to_end(tmp_path):
    script = tmp_path / "e2e.py"
    script.write_text(E2E, encoding="utf-8")
    # A private D-Bus session with its own gnome-keyring daemon: HOME, the XDG folders, the runtime folder (the
    # daemon's control socket) and TMPDIR all point into tmp_path, and the caller's bus address is dropped, so
    # the real user's keyring can never be reached.
    home = tmp_path / "e2e-home"
    runtime = tmp_path / "run"
    for d in (home, runtime, tmp_path / "tmp"):
        d.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_", "GNOME_KEYRING"))}
    env.update(PYTHONPATH=str(REPO), HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_RUNTIME_DIR=str(runtime), TMPDIR=str(tmp_path / "tmp"))
    cmd = ("echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
           f"exec '{sys.executable}' -W error '{script}'")
    r = subprocess.run(["dbus-run-session", "--", "sh", "-c", cmd], cwd=REPO, env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "backend keyring.backends.SecretService" in r.stdout and "OK " in r.stdout
    # The keyring the daemon used is the private one under the temporary HOME.
    assert list((home / "data" / "keyrings").glob("*.keyring")), r.stdout + r.stderr
