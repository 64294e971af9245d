"""End to end: demo commune → packet → stock tools (sha256sum, openssl) → receiving workspace; the CLI as
subprocesses; one export through the real Secret Service (gnome-keyring under dbus-run-session)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.exchange import receiving
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from tests.core.test_exports import demo_round, export, opened

REPO = Path(__file__).resolve().parents[2]


def private_env(root: Path, *, keyring_backend: str | None = "keyring.backends.fail.Keyring") -> dict[str, str]:
    """The environment of a subprocess: HOME, the XDG folders, the runtime folder and TMPDIR inside `root` (a test's
    tmp_path), no D-Bus address of the caller, and keyring's fail backend unless told otherwise."""
    home = root / "proc-home"
    for d in (home, home / "run", home / "tmp"):
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_", "GNOME_KEYRING", "LOCALAPPDATA", "APPDATA"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "run"), TMPDIR=str(home / "tmp"))
    if keyring_backend:
        env["PYTHON_KEYRING_BACKEND"] = keyring_backend
    return env


def run_cli(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-W", "error", "main.py", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=180, env=env)


@pytest.fixture
def packet(tmp_path):
    with opened(tmp_path / "commune", SecretStore(InMemoryKeyring())) as ws:
        round_ = demo_round(ws)
        written = export(ws, round_, tmp_path / "usb")
        expected = sorted((n.participant.name, n.award_form, n.votes_for, n.votes_against, n.votes_abstain)
                          for n in rounds.nominees_of(ws, round_.id))
    return written, expected


@pytest.mark.skipif(not (shutil.which("sha256sum") and shutil.which("openssl")), reason="sha256sum/openssl missing")
def test_round_trip_with_stock_tools_and_a_second_workspace(packet, tmp_path):
    written, expected = packet
    out = tmp_path / "unzipped"
    with zipfile.ZipFile(written.path) as zf:
        zf.extractall(out)
    [folder] = list(out.iterdir())
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert sums.returncode == 0, sums.stdout + sums.stderr
    assert "data.json: OK" in sums.stdout and "manifest.json: OK" in sums.stdout
    sig = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin", "-in",
                          "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"], cwd=folder, capture_output=True, text=True)
    assert sig.returncode == 0 and "Signature Verified Successfully" in sig.stdout, sig.stdout + sig.stderr
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", "signer.pem", "-outform", "DER"], cwd=folder,
                         capture_output=True, check=True).stdout
    fp = subprocess.run(["sha256sum"], input=der, capture_output=True, check=True).stdout.split()[0].decode()
    assert fp == written.signer_fingerprint
    # a changed byte fails the stock check too
    target = next(p for p in (folder / "evidence").rglob("*") if p.is_file())
    target.write_bytes(target.read_bytes() + b"!")
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder, capture_output=True).returncode != 0

    with opened(tmp_path / "receiver") as ws:
        receiving.make_receiver_workspace(ws)
        result = receiving.receive_packet(ws, written.path, trust_fingerprint=format_fingerprint(fp))
        assert result.outcome == receiving.IMPORTED
        [round_] = receiving.imported_rounds(ws)
        got = sorted((n.participant.name, n.award_form, n.votes_for, n.votes_against, n.votes_abstain)
                     for n in rounds.nominees_of(ws, round_.id))
        assert got == expected
        extracted = ws.paths.root / result.record.extracted_path
        again = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=extracted, capture_output=True, text=True)
        assert again.returncode == 0, again.stdout


def test_cli_verify_and_receive(packet, tmp_path):
    written, expected = packet
    env = private_env(tmp_path)
    ok = run_cli("verify", written.path, env=env)
    assert ok.returncode == 0, ok.stderr
    assert "Hợp lệ" in ok.stdout and format_fingerprint(written.signer_fingerprint) in ok.stdout

    broken = tmp_path / "broken.zip"
    data = bytearray(written.path.read_bytes())
    data[len(data) // 3] ^= 0xFF
    broken.write_bytes(bytes(data))
    bad = run_cli("verify", broken, env=env)
    assert bad.returncode == 1 and "Hợp lệ" not in bad.stdout.split(":", 1)[1].splitlines()[0]

    recv = tmp_path / "receiver"
    first = run_cli("receive", written.path, "--data-dir", recv, env=env)
    assert first.returncode == 3, first.stdout + first.stderr
    assert "Chờ xác nhận" in first.stdout and "--trust-fingerprint" in first.stderr
    wrong = run_cli("receive", written.path, "--data-dir", recv, "--trust-fingerprint", "00" * 32, env=env)
    assert wrong.returncode == 2 and "KHÁC" in wrong.stderr
    good = run_cli("receive", written.path, "--data-dir", recv, "--trust-fingerprint",
                   format_fingerprint(written.signer_fingerprint), env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Hợp lệ — Đã nhập" in good.stdout and "1 gói đã nhập" in good.stdout
    dup = run_cli("receive", written.path, "--data-dir", recv, env=env)
    assert dup.returncode == 0 and "Gửi lại trùng" in dup.stdout
    tampered = run_cli("receive", broken, "--data-dir", recv, env=env)
    assert tampered.returncode == 1 and "khu cách ly" in tampered.stdout
    no_dir = run_cli("receive", written.path, env=env)
    assert no_dir.returncode == 2 and "--data-dir" in no_dir.stderr
    # a commune's own workspace is never turned into a receiver
    commune_ws = run_cli("receive", written.path, "--data-dir", tmp_path / "commune", env=env)
    assert commune_ws.returncode == 2 and "sổ của một xã" in commune_ws.stderr


def test_cli_export_without_keyring_is_a_clear_error(tmp_path):
    data = tmp_path / "commune"
    env = private_env(tmp_path)
    assert run_cli("demo", "--data-dir", data, env=env).returncode == 0
    r = run_cli("export-packet", "--round", "1", "--out", tmp_path, "--data-dir", data, env=env)
    assert r.returncode == 2 and "kho khóa" in r.stderr
    assert not list(tmp_path.glob("*.zip"))


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
                    reason="dbus-run-session or gnome-keyring-daemon not installed (Debian: dbus gnome-keyring)")
def test_export_packet_with_the_real_secret_service(tmp_path):
    data = tmp_path / "commune"
    assert run_cli("demo", "--data-dir", data, env=private_env(tmp_path)).returncode == 0
    out = tmp_path / "usb"
    out.mkdir()
    # A private D-Bus session with its own gnome-keyring daemon; HOME, XDG folders, runtime folder and TMPDIR in
    # tmp_path and no bus address of the caller: the real user's keyring is out of reach.
    env = private_env(tmp_path, keyring_backend=None)
    cmd = ("echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
           f"exec '{sys.executable}' -W error main.py export-packet --round 1 --out '{out}' --data-dir '{data}'")
    r = subprocess.run(["dbus-run-session", "--", "sh", "-c", cmd], cwd=REPO, env=env, capture_output=True,
                       text=True, timeout=180)
    assert r.returncode == 0, r.stdout + r.stderr
    [zip_path] = out.glob("02095_dot1_*_001.zip")
    assert "Dấu vân tay khóa ký của xã: SHA256:" in r.stdout
    # the demo round's documents are not issued: the drafts travel, and the officer is told so
    assert "Cảnh báo: chưa ban hành Biên bản họp Hội đồng, Tờ trình" in r.stderr
    v = run_cli("verify", zip_path, env=private_env(tmp_path))
    assert v.returncode == 0 and v.stdout.split("Dấu vân tay người ký: ")[1].strip().splitlines()[0] in r.stdout
    # the private key went to the keyring only: nothing in the workspace or the packet looks like one
    for p in list(data.rglob("*")) + [zip_path]:
        if p.is_file():
            assert b"PRIVATE KEY" not in p.read_bytes(), p
    # … and the keyring it went to is the private one under the temporary HOME.
    assert list(Path(env["XDG_DATA_HOME"], "keyrings").glob("*.keyring"))
