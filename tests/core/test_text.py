"""Vietnamese text at the edge: NFC storage form and accent/đ folding for search."""
from __future__ import annotations

import unicodedata

import pytest

from desktop_app.core.text import fold, fts_query, nfc, nfc_multiline, tokens

NAME = "Nguyễn Văn Đức"
NAME_NFD = unicodedata.normalize("NFD", NAME)


def test_nfd_fixture_really_is_decomposed():
    assert NAME_NFD != NAME
    assert len(NAME_NFD) > len(NAME)


@pytest.mark.parametrize("value", [NAME, NAME_NFD, "NGUYỄN VĂN ĐỨC", "nguyễn văn đức", "  Nguyen   Van\tDuc "])
def test_fold_ignores_case_accents_d_and_spacing(value):
    assert fold(value) == "nguyen van duc"


@pytest.mark.parametrize("raw, folded", [
    ("Đặng Thị Huyền", "dang thi huyen"),
    ("Khuổi Slẳm", "khuoi slam"),
    ("Lường Văn Hùng", "luong van hung"),
    ("Ưng Hoàng Phúc", "ung hoang phuc"),
    ("", ""),
    (None, ""),
])
def test_fold_examples(raw, folded):
    assert fold(raw) == folded


def test_nfc_composes_and_collapses_whitespace():
    out = nfc("  " + NAME_NFD + "   \n ")
    assert out == NAME
    assert unicodedata.is_normalized("NFC", out)
    assert nfc("Thôn   Nà\tKhoang") == "Thôn Nà Khoang"
    assert nfc(None) == ""


def test_nfc_multiline_keeps_line_breaks():
    raw = unicodedata.normalize("NFD", "Dòng một   \r\nDòng hai\rDòng ba  ")
    assert nfc_multiline(raw) == "Dòng một\nDòng hai\nDòng ba"


def test_tokens_split_on_punctuation():
    assert tokens("Đức-Anh, (Thượng Quan)!") == ["duc", "anh", "thuong", "quan"]


def test_fts_query_is_prefix_per_token():
    assert fts_query("Nguyễn V") == '"nguyen"* "v"*'
    assert fts_query(NAME_NFD) == '"nguyen"* "van"* "duc"*'


@pytest.mark.parametrize("empty", ["", "   ", None, "!!! -- ,,"])
def test_fts_query_none_when_nothing_to_search(empty):
    assert fts_query(empty) is None


def test_fts_query_cannot_inject_fts_syntax():
    q = fts_query('duc" OR name:* NEAR(')
    assert q == '"duc"* "or"* "name"* "near"*'
