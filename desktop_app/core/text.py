"""Vietnamese text at the edge: NFC normalisation and accent/đ folding for search."""
from __future__ import annotations

import dataclasses
import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")
#: Control characters (C0 but the line break, DEL, C1): never stored; forms refuse them with a message first
#: (validation.Validator.text), every other way in (notes, reasons, summaries) drops them here.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def nfc(value: str | None) -> str:
    """Stored text is always NFC, trimmed, with inner whitespace runs collapsed to one space."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", _CONTROLS.sub(" ", str(value)))
    return " ".join(value.split())


def nfc_multiline(value: str | None) -> str:
    """NFC for long text: keeps line breaks, trims each line's trailing spaces."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub(" ", value.replace("\t", " "))
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def fold(value: str | None) -> str:
    """Lower-case, no diacritics, đ→d: 'Nguyễn Văn Đức' → 'nguyen van duc' (NFC or NFD input)."""
    if not value:
        return ""
    value = unicodedata.normalize("NFD", str(value)).replace("đ", "d").replace("Đ", "D")
    value = "".join(ch for ch in value if not unicodedata.combining(ch))
    return " ".join(value.lower().split())


def tokens(value: str | None) -> list[str]:
    """Folded search tokens."""
    return _TOKEN.findall(fold(value))


def fts_query(value: str | None) -> str | None:
    """An FTS5 query matching every token as a prefix (search as you type), or None if empty."""
    toks = tokens(value)
    if not toks:
        return None
    return " ".join(f'"{t}"*' for t in toks)


# Vietnamese alphabetical order: ă, â after a; đ after d; ê after e; ô, ơ after o; ư after u.
_ALPHABET = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
             "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
             "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_RANK = {letter: chr(0x30 + i) for i, letter in enumerate(_ALPHABET)}  # '0'..'Z': all above the space
_MODIFIERS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}  # breve, circumflex, horn
# Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}


def collation_key(value: str | None) -> tuple[str, str]:
    """(letters, tones) keys that sort Vietnamese text in dictionary order when compared as plain strings:
    letters first (a < ă < â … d < đ), then tones (ngang < huyền < hỏi < ngã < sắc < nặng)."""
    letters, tones = [], []
    text = unicodedata.normalize("NFD", (value or "").lower())
    i = 0
    while i < len(text):
        ch = text[i]
        i += 1
        if ch == " ":
            letters.append(" ")
            tones.append(" ")
            continue
        base, tone = ch, "0"
        while i < len(text) and unicodedata.combining(text[i]):
            mark = text[i]
            i += 1
            if mark in _MODIFIERS:
                base = unicodedata.normalize("NFC", base + mark)
            elif mark in _TONES:
                tone = _TONES[mark]
        if base in _RANK:
            letters.append(_RANK[base])
            tones.append(tone)
    return "".join(letters).strip(), "".join(tones).strip()


def name_sort_key(name: str) -> str:
    """Vietnamese lists sort by given name (the last word), then the whole name, in Vietnamese
    alphabetical order (Dũng before Đức), then by tones. Compared as a plain string in SQL."""
    words = nfc(name).split()
    given_letters, given_tones = collation_key(words[-1] if words else "")
    full_letters, full_tones = collation_key(" ".join(words))
    # The space (0x20) sorts below every letter code, so shorter names come first.
    return f"{given_letters} {full_letters} {given_tones} {full_tones}"


# ----- characters that cannot be printed ----------------------------------------------------------------------

#: Invisible format characters pasted from chat apps and PDFs: removed without a word (zero-width space,
#: joiners, word joiner, byte-order mark, soft hyphen, bidirectional controls).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d"
                                    "\u202e\u2066\u2067\u2068\u2069"))
#: Emoji and pictographs that live in the Basic Multilingual Plane, and what turns a character into one.
_EMOJI_RANGES = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE00, 0xFE0F), (0x20E3, 0x20E3), (0x3030, 0x3030),
                 (0x303D, 0x303D), (0x3297, 0x3299))


def strip_invisible(value: str) -> str:
    return value.translate(_INVISIBLE)


def unprintable_char(value: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """(position, character) of the first character a document cannot print, or None.

    Refused: control characters (NUL included; a line break only where the field has lines), unassigned and
    private-use code points, lone surrogates, emoji and anything outside the Basic Multilingual Plane (the
    documents' fonts have none of them, and Word refuses some)."""
    for i, ch in enumerate(value):
        code = ord(ch)
        if ch == "\n" and multiline:
            continue
        if code > 0xFFFF or any(lo <= code <= hi for lo, hi in _EMOJI_RANGES):
            return i, ch
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return i, ch
    return None


def char_label(ch: str) -> str:
    """How a refused character is named in a message: itself when it can be seen, else its code."""
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or ord(ch) in range(0xFE00, 0xFE10):
        return f"U+{ord(ch):04X}"
    return f"{ch} (U+{ord(ch):04X})"


def printable(value: str, *, multiline: bool = True) -> str:
    """Text that every document format accepts: what `unprintable_char` refuses is dropped (a second line of
    defence for data stored before fields refused it, or received in a packet)."""
    value = strip_invisible(value).replace("\t", " ")
    if unprintable_char(value, multiline=multiline) is None:
        return value
    out = []
    for ch in value:
        if unprintable_char(ch, multiline=multiline) is None:
            out.append(ch)
    return "".join(out)


def printable_fields(obj):
    """`obj` (a dataclass, tuple, list or string) with every string made `printable`."""
    if isinstance(obj, str):
        return printable(obj)
    if isinstance(obj, tuple):
        return tuple(printable_fields(v) for v in obj)
    if isinstance(obj, list):
        return [printable_fields(v) for v in obj]
    if isinstance(obj, dict):
        return {k: printable_fields(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: printable_fields(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
        return dataclasses.replace(obj, **changes)
    return obj
