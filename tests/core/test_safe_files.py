"""Issue 11, seen items 3 and 10: only safe files are opened (documents PDF or .docx, evidence from an allowlist,
no name that hides characters), and text from packets reaches the terminal with control characters escaped."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.packets import check_packet, write_packet
from desktop_app.core.exchange.packets import format as fmt

from .crafting import forge
from .test_packets import DATA, build_packet, header, make_sources
from .test_receiving import packets, receiver, store  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    written, key = build_packet(tmp_path_factory.mktemp("base"))
    return written.path, key


@pytest.mark.parametrize("rel, reason", [
    ("documents/bien-ban.exe", "file_type"),
    ("documents/to-trinh.html", "file_type"),
    ("evidence/1/anh.scr", "file_type"),
    ("evidence/1/macro.docm", "file_type"),
    ("evidence/1/no-suffix", "file_type"),
    ("evidence/1/anh ky\u202efdp.exe", "unsafe_path"),       # shows as "anh kyexe.pdf"
    ("evidence/1/anh\u200b.jpg", "unsafe_path"),             # zero-width space
    ("evidence/1/anh\u00a0.jpg", "unsafe_path"),             # a space that is not a space
    ("evidence/1/a\x1b[31m.jpg", "unsafe_path"),             # a terminal escape sequence
], ids=["exe-document", "html-document", "scr", "docm", "no-suffix", "rlo", "zero-width", "nbsp", "escape"])
def test_files_that_could_run_or_hide_are_refused_even_signed(base, tmp_path, rel, reason):
    """Seen 3: nothing restricted the file types under documents/ or evidence/, and names could carry right-to-left
    overrides and zero-width characters; the open button handed any of them to the desktop shell."""
    path, key = base
    packet = forge(path, key, tmp_path / "p.zip", add=[(rel, b"MZ\x90\x00 not really")])
    check = check_packet(packet)
    assert (check.verdict, check.reason) == (fmt.MALFORMED, reason), check
    assert check.reason_text


def test_allowed_evidence_types_pass(base, tmp_path):
    path, key = base
    for rel in ("evidence/1/anh.JPG", "evidence/1/ghi-am.m4a", "evidence/1/video.mp4", "evidence/1/bang.xlsx",
                "evidence/1/ghi chu.txt"):
        assert check_packet(forge(path, key, tmp_path / "ok.zip", add=[(rel, b"x")])).is_valid, rel


def test_the_writer_refuses_what_the_reader_would(tmp_path):
    from desktop_app.core.exchange.keys import get_or_create_commune_key

    from .test_packets import CODE, make_store

    key = get_or_create_commune_key(make_store(), CODE)
    src = tmp_path / "tool.exe"
    src.write_bytes(b"MZ")
    files = dict(make_sources(tmp_path / "src"), **{"evidence/1/tool.exe": src})
    (tmp_path / "out").mkdir()
    with pytest.raises(UserError) as err:
        write_packet(tmp_path / "out", files=files, data=DATA, header=header(), key=key)
    assert err.value.code == "packets.file_type_not_allowed" and "tool.exe" in str(err.value)
    assert list((tmp_path / "out").iterdir()) == []


def test_only_documents_that_may_be_opened_are_listed(packets, receiver):
    done = receiving.receive_packet(receiver, packets["p1"].path, trust_fingerprint=packets["p1"].signer_fingerprint)
    folder = receiver.paths.root / done.record.extracted_path / "documents"
    listed = receiving.round_document_files(receiver, done.record.round_id)
    assert listed and all(p.suffix in (".pdf", ".docx") for p in listed)
    # Files put into the folder some other way (or left by a release without these checks) are never offered.
    (folder / "cai-dat.exe").write_bytes(b"MZ")
    (folder / "to\u202efdp.exe").write_bytes(b"MZ")
    (folder / "trang.html").write_text("<script>")
    assert receiving.round_document_files(receiver, done.record.round_id) == listed
    assert not receiving.is_safe_to_open(folder / "cai-dat.exe")
    assert not receiving.is_safe_to_open(folder / "to\u202efdp.exe")
    assert receiving.is_safe_to_open(listed[0])


def run_cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], capture_output=True, cwd=cwd,
                          timeout=120, env=dict(os.environ, PYTHONIOENCODING="utf-8"))


HIDDEN = ("\x1b", "\u202e", "\u200b", "\x00", "\x07")


def test_verify_prints_names_escaped_and_never_a_traceback(base, tmp_path):
    """Seen 10 and 2: text from packets was printed raw (escape sequences, bidi overrides, NUL); a lone surrogate
    in the manifest made verify print "Hợp lệ" and then a traceback."""
    path, key = base
    named = tmp_path / "ho so \x1b[2J\x1b[31mDO\u202efdp.zip"
    named.write_bytes(path.read_bytes())
    proc = run_cli("verify", named)
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0 and "Hợp lệ" in out, out
    assert not any(c in out for c in HIDDEN) and "\\x1b[2J" in out and "\\u202e" in out
    surrogate = forge(path, key, tmp_path / "s.zip", manifest=lambda m: m["commune"].update(name="Xã \ud800"))
    proc = run_cli("verify", surrogate)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == 1 and "Traceback" not in err and "Hợp lệ" not in out, out + err
    assert "Gói hồ sơ sai cấu trúc" in out


def test_receive_prints_the_report_escaped(base, tmp_path):
    path, key = base
    named = tmp_path / "01234\x1b]0;pwned\x07_dot1.zip"
    named.write_bytes(path.read_bytes())
    proc = run_cli("receive", named, "--data-dir", tmp_path / "receiver")
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == 3, out + err  # a first packet waits for the paper fingerprint
    assert not any(c in out + err for c in HIDDEN) and "\\x1b]0;pwned\\x07" in out


def test_shown_escaped_keeps_vietnamese_and_escapes_the_rest():
    assert fmt.shown_escaped("Nguyễn Văn Đức, thôn Nà Khoang") == "Nguyễn Văn Đức, thôn Nà Khoang"
    assert fmt.shown_escaped("a\u202eb\u200bc\x00d\ud800") == "a\\u202eb\\u200bc\\x00d\\ud800"
    assert fmt.shown_escaped("dòng 1\ndòng 2", keep_newlines=True) == "dòng 1\ndòng 2"
    assert fmt.shown_escaped("dòng 1\ndòng 2") == "dòng 1\\x0adòng 2"
