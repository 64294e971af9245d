"""SHA256SUMS: the writer's form parses back exactly; every line outside the one grammar is refused (bad_sums)."""
from __future__ import annotations

import unicodedata

import pytest

from desktop_app.core.exchange.packets import format as fmt

A = "a" * 64
B = "0123456789abcdef" * 4
NAMES = {"data.json": A, "documents/Tờ trình.pdf": B, "evidence/ảnh 1.jpg": A, "manifest.json": B, "signer.pem": A}


def test_the_writers_form_parses_back_exactly():
    content = fmt.sums_bytes(NAMES)
    assert fmt.parse_sums(content) == NAMES
    assert content.decode("utf-8").splitlines()[0] == f"{A}  data.json"


def line(digest: str, name: str) -> bytes:
    return f"{digest}  {name}\n".encode("utf-8")


@pytest.mark.parametrize("content", [
    b"",                                                        # no line at all
    b"\n",                                                      # a blank line
    line(A, "data.json")[:-1],                                  # no final newline
    line(A, "data.json") + b"\n",                               # a blank line at the end
    line(A, "data.json").replace(b"\n", b"\r\n"),               # CRLF
    b"\xef\xbb\xbf" + line(A, "data.json"),                     # a byte-order mark
    line(A.upper(), "data.json"),                               # upper-case hex
    line(A[:63], "data.json"),                                  # 63 hex digits
    line(A + "a", "data.json"),                                 # 65
    f"{A} data.json\n".encode(),                                # one space
    f"{A}   data.json\n".encode(),                              # three spaces: the name would start with one
    f"{A}\tdata.json\n".encode(),                               # a tab
    f"{A}  *data.json\n".encode(),                              # sha256sum's binary marker
    line(A, "data.json ") ,                                     # a space after the name
    line(A, "# comment"),                                       # not a file of the packet
    line(A, "../data.json"),
    line(A, "/etc/passwd"),
    line(A, "documents\\x.pdf"),
    line(A, "documents/x.exe"),                                 # a type the receiver may not open
    line(A, unicodedata.normalize("NFD", "documents/Tờ trình.pdf")),
    line(A, "documents/a\u202efdp.exe"),                        # a bidi override
    line(A, "SHA256SUMS"),
    line(A, "SHA256SUMS.sig"),
    line(A, "manifest.json") + line(B, "data.json"),           # not sorted
    line(A, "data.json") + line(B, "data.json"),               # listed twice
    "é".encode("latin-1") + b"\n",                              # not UTF-8
])
def test_anything_else_is_bad_sums(content):
    with pytest.raises(fmt.FormatError) as info:
        fmt.parse_sums(content)
    assert info.value.code == "bad_sums"


def test_line_count_and_size_are_bounded_by_the_limits():
    limits = fmt.Limits(max_entries=3, max_sums_bytes=400)
    three = {f"evidence/{i}.jpg": A for i in range(3)}
    assert fmt.parse_sums(fmt.sums_bytes(three), limits) == three
    four = {f"evidence/{i}.jpg": A for i in range(4)}
    with pytest.raises(fmt.FormatError, match="more than 3 lines"):
        fmt.parse_sums(fmt.sums_bytes(four), fmt.Limits(max_entries=3))
    long = {f"evidence/{'x' * 100}{i}.jpg": A for i in range(3)}
    with pytest.raises(fmt.FormatError, match="too large"):
        fmt.parse_sums(fmt.sums_bytes(long), limits)
