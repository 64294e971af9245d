"""Vietnamese typed with the old fonts (TCVN3/ABC, VNI-Windows) and NFD text come out as Unicode NFC, and a
column's encoding is told from its text."""
from __future__ import annotations

import unicodedata

import pytest

from desktop_app.core.legacy_text import TCVN3, UNICODE, VNI, detect_encoding, to_unicode

# Real-shaped samples: what a cell typed with the font holds, and what it reads as.
TCVN3_SAMPLES = [
    ("NguyÔn ThÞ §µo", "Nguyễn Thị Đào"),
    ("TrÇn V¨n Hïng", "Trần Văn Hùng"),
    ("Chñ tÞch UBND x·", "Chủ tịch UBND xã"),
    ("Th«n Nµ Lµng", "Thôn Nà Làng"),
    ("Tr­ëng th«n", "Trưởng thôn"),
    ("Hîp t¸c x· chÌ T©n LËp", "Hợp tác xã chè Tân Lập"),
    ("Phã bÝ th­ §¶ng uû", "Phó bí thư Đảng uỷ"),
    ("Lao ®éng tiªn tiÕn", "Lao động tiên tiến"),
]
VNI_SAMPLES = [
    ("Nguyeãn Thò Ñaøo", "Nguyễn Thị Đào"),
    ("Traàn Vaên Huøng", "Trần Văn Hùng"),
    ("Chuû tòch UBND xaõ", "Chủ tịch UBND xã"),
    ("Tröôûng thoân", "Trưởng thôn"),
    ("Hôïp taùc xaõ cheø Taân Laäp", "Hợp tác xã chè Tân Lập"),
    ("Lao ñoäng tieân tieán", "Lao động tiên tiến"),
    ("Phoù bí thö Ñaûng uûy", "Phó bí thư Đảng ủy"),
    ("NGUYEÃN THÒ ÑAØO", "NGUYỄN THỊ ĐÀO"),
]
UNICODE_SAMPLES = ["Nguyễn Thị Đào", "Hoàng Thị Ánh", "Đào Thị Lý", "Bùi Thị Thu Hà", "Thôn Nà Làng",
                   "Lò Văn Ún", "Hà Thị Ý", "Vi Văn Tú"]


@pytest.mark.parametrize("legacy, expected", TCVN3_SAMPLES)
def test_tcvn3_converts_and_is_detected(legacy, expected):
    assert detect_encoding([legacy]) == TCVN3
    converted = to_unicode(legacy, TCVN3)
    assert converted == expected
    assert unicodedata.is_normalized("NFC", converted)


@pytest.mark.parametrize("legacy, expected", VNI_SAMPLES)
def test_vni_converts_and_is_detected(legacy, expected):
    assert detect_encoding([legacy]) == VNI
    assert to_unicode(legacy, VNI) == expected


@pytest.mark.parametrize("text", UNICODE_SAMPLES)
def test_unicode_stays_unicode_even_with_only_latin1_letters(text):
    assert detect_encoding([text]) == UNICODE
    assert to_unicode(text, UNICODE) == text


def test_nfd_is_normalised_and_detected_as_unicode():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Đào")
    assert nfd != "Nguyễn Thị Đào"
    assert detect_encoding([nfd]) == UNICODE
    assert to_unicode(nfd, UNICODE) == "Nguyễn Thị Đào"


def test_a_column_is_judged_on_all_its_cells():
    # Mostly TCVN3 with ASCII-only cells and one ambiguous short word: still TCVN3.
    column = ["NguyÔn ThÞ §µo", "UBND", "TrÇn V¨n Hïng", "", None, 12, "Lª V¨n Dòng"]
    assert detect_encoding(column) == TCVN3
    assert detect_encoding(["UBND", "HTX", "123"]) == UNICODE   # nothing tells: Unicode, unchanged
    assert detect_encoding([]) == UNICODE


def test_the_same_text_reads_differently_in_each_font():
    # The one-byte "ù" is ự in TCVN3, a sắc tone after a vowel in VNI, ù in Unicode: detection must not guess.
    assert to_unicode("Thù", TCVN3) == "Thự"
    assert to_unicode("Thuù", VNI) == "Thú"
    assert detect_encoding(["Hïng"]) == TCVN3
