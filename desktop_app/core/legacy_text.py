"""Vietnamese text typed with the old 8-bit fonts, brought to Unicode NFC: TCVN3 (ABC, ".VnTime") and
VNI-Windows ("VNI-Times"). A cell typed with such a font holds Latin-1-looking characters ("NguyÔn ThÞ §µo" is
"Nguyễn Thị Đào" in TCVN3, "Nguyeãn Thò Ñaøo" in VNI); NFD text pasted from the web is normalised to NFC.

`detect_encoding(texts)` tells a column's encoding by converting a sample with each candidate and counting the
words that become well-formed Vietnamese syllables; `to_unicode(text, encoding)` converts one value.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

UNICODE, TCVN3, VNI = "unicode", "tcvn3", "vni"
ENCODINGS = (UNICODE, TCVN3, VNI)

# TCVN 5712:1993 (VN3, the "ABC" fonts): one byte per letter, lower-case letters with their tones; the upper-case
# toned letters come from the ".VnTimeH" fonts, which draw the lower-case codes as capitals.
_TCVN3_SOURCE = (
    "µ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "®" "ÌÐÎÏÑ" "ªÒÕÓÔÖ" "×ÝØÜÞ" "ßãáâä" "«åèæçé" "¬êíëìî" "ïóñòô"
    "\xadõøö÷ù" "úýûüþ" "¡¢§£¤¥¦")
_TCVN3_TARGET = (
    "àáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "đ" "èéẻẽẹ" "êềếểễệ" "ìíỉĩị" "òóỏõọ" "ôồốổỗộ" "ơờớởỡợ" "ùúủũụ"
    "ưừứửữự" "ỳýỷỹỵ" "ĂÂĐÊÔƠƯ")
assert len(_TCVN3_SOURCE) == len(_TCVN3_TARGET)
_TCVN3 = str.maketrans(_TCVN3_SOURCE, _TCVN3_TARGET)

# VNI-Windows: a base letter followed by mark characters (tones in the order sắc, huyền, hỏi, ngã, nặng).
_VNI_TONES = "ÙØÛÕÏ"
_VNI_TONES_I = "ÍÌÆÓÒ"      # i carries its tone in one character
_TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(vni: str, uni: str) -> None:
        table[vni] = uni
        table[vni.lower()] = uni.lower()

    bases = {  # VNI spelling of the base vowel → Unicode base vowel
        "A": "A", "AÂ": "Â", "AÊ": "Ă", "E": "E", "EÂ": "Ê", "O": "O", "OÂ": "Ô", "Ô": "Ơ", "U": "U", "Ö": "Ư",
        "Y": "Y"}
    # â and ă have their own tone characters: ấ = AÁ, ầ = AÀ, ẩ = AÅ, ẫ = AÃ, ậ = AÄ; ắ = AÉ, ằ = AÈ, ẳ = AÚ, ẵ = AÜ,
    # ặ = AË (ê and ô use â's).
    hat_tones = "ÁÀÅÃÄ"
    breve_tones = "ÉÈÚÜË"
    for vni, uni in bases.items():
        if vni in ("Ô", "Ö"):
            add(vni, uni)
        elif len(vni) == 2:
            add(vni, uni)
        for i, mark in enumerate(_TONE_MARKS):
            toned = unicodedata.normalize("NFC", uni + mark)
            if vni.endswith("Â"):
                add(vni[:-1] + hat_tones[i], toned)
            elif vni.endswith("Ê"):
                add(vni[:-1] + breve_tones[i], toned)
            elif vni == "Y" and i == 4:
                add("Î", toned)
            else:
                add(vni + _VNI_TONES[i], toned)
    for i, mark in enumerate(_TONE_MARKS):
        add(_VNI_TONES_I[i], unicodedata.normalize("NFC", "I" + mark))
    add("Ñ", "Đ")
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(sorted((re.escape(k) for k in _VNI), key=len, reverse=True)))

# ----- how Vietnamese a text looks ------------------------------------------------------------------------

_ONSETS = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_OPEN = ("ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu oai oay oao oeo uôi ươi ươu uây yêu uyu "
         "ia ua ưa uya").split()
_CLOSABLE = "a ă â e ê i o ô ơ u ư y iê oa oă oe oo uâ uê uô uơ ươ uy yê uyê".split()
_WORD_RE = re.compile(
    "^" + _ONSETS + "(?:(?:" + "|".join(sorted(_OPEN, key=len, reverse=True)) + ")|(?:"
    + "|".join(sorted(_CLOSABLE, key=len, reverse=True)) + ")(?:ng|nh|ch|[cmnpt])?)$")
_LETTERS = re.compile(r"[^\W\d_]+")
_VIET_LETTERS = set("abcdefghijklmnopqrstuvwxyzđ" + "ăâêôơư") 


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    if any(ch not in _VIET_LETTERS for ch in base):
        return False
    return bool(_WORD_RE.match(base))


def vietnamese_score(text: str) -> int:
    """+1 for every word with a non-ASCII letter that is a well-formed Vietnamese syllable, −1 for every other
    word with a non-ASCII character (plain ASCII words count for nothing: they read the same in every font)."""
    score = 0
    for word in re.split(r"\s+", text):
        letters = _LETTERS.findall(word)
        if word.isascii():
            continue
        if len(letters) == 1 and len(letters[0]) == len(word.strip(",.;:()\"'-/")) and _is_syllable(letters[0]):
            score += 1
        else:
            score -= 1
    return score


def to_unicode(text: str, encoding: str) -> str:
    """One value converted from `encoding` to Unicode NFC (NFD input becomes NFC; ASCII is unchanged)."""
    if not text:
        return text
    if encoding == TCVN3:
        text = text.translate(_TCVN3)
    elif encoding == VNI:
        text = _VNI_RE.sub(lambda m: _VNI[m.group(0)], text)
    return unicodedata.normalize("NFC", text)


def detect_encoding(texts: Iterable[str], sample: int = 200) -> str:
    """The encoding the texts of one column were typed in: the candidate under which most words read as
    Vietnamese; Unicode when nothing tells them apart (plain ASCII, or too little text)."""
    scores = dict.fromkeys(ENCODINGS, 0)
    seen = 0
    for text in texts:
        if not isinstance(text, str) or text.isascii():
            continue
        text = unicodedata.normalize("NFC", text)
        if any(ord(ch) > 0xFF and unicodedata.category(ch).startswith("L") for ch in text):
            scores[UNICODE] += 5  # letters beyond Latin-1 exist only in Unicode text
        for enc in ENCODINGS:
            scores[enc] += vietnamese_score(to_unicode(text, enc))
        seen += 1
        if seen >= sample:
            break
    best = max(ENCODINGS, key=lambda e: (scores[e], e == UNICODE))
    return best if scores[best] > scores[UNICODE] else UNICODE


#: How the mapping dialog names each encoding.
ENCODING_NAMES = {UNICODE: "Unicode", TCVN3: "TCVN3 (ABC)", VNI: "VNI-Windows"}
