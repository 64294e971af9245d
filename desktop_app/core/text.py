"""Vietnamese text at the edge: NFC normalisation and accent/đ folding for search."""
from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[0-9a-z]+")


def nfc(value: str | None) -> str:
    """Stored text is always NFC, trimmed, with inner whitespace runs collapsed to one space."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value))
    return " ".join(value.split())


def nfc_multiline(value: str | None) -> str:
    """NFC for long text: keeps line breaks, trims each line's trailing spaces."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
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
