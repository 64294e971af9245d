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
