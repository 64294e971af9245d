"""describe(): each kind of msgspec error becomes one Vietnamese sentence that names the place in the file."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec
import pytest

from desktop_app.core.decoding import DecodeProblem, convert, decode_json, pattern

_CODE = pattern(r"^[a-z_]+\Z", "mã chỉ gồm chữ thường không dấu và “_”")


class Item(msgspec.Struct, forbid_unknown_fields=True):
    code: Annotated[str, msgspec.Meta(pattern=_CODE)]
    name: Annotated[str, msgspec.Meta(max_length=5)] = "x"
    free: Annotated[str, msgspec.Meta(pattern=r"^\d+\Z")] = "1"


class Doc(msgspec.Struct, forbid_unknown_fields=True):
    year: Annotated[int, msgspec.Meta(ge=1945, le=2200)]
    share: Annotated[float, msgspec.Meta(gt=0, le=100)] = 1.0
    kind: Literal["a", "b"] = "a"
    items: Annotated[list[Item], msgspec.Meta(min_length=1, max_length=2)] = msgspec.field(
        default_factory=lambda: [Item("a")])
    by_kind: dict[Literal["a", "b"], int] = {}
    on: dt.date | None = None
    at: dt.datetime | None = None


@pytest.mark.parametrize("data, text, where", [
    ({"year": "2025"}, "sai kiểu dữ liệu tại $.year: cần một số nguyên, gặp một chuỗi chữ", "$.year"),
    ({}, "thiếu trường 'year' tại $", "$"),
    ({"year": 2025, "extra": 1}, "có trường lạ 'extra' tại $", "$"),
    ({"year": 2025, "items": [{"code": "a", "extra": 1}]}, "có trường lạ 'extra' tại $.items[0]", "$.items[0]"),
    ({"year": 2025, "kind": "c"}, "giá trị không được phép tại $.kind ('c')", "$.kind"),
    ({"year": 2025, "by_kind": {"c": 1}}, "giá trị không được phép tại một khóa của $.by_kind ('c')", "$.by_kind"),
    ({"year": 1800}, "giá trị ngoài giới hạn tại $.year: cần một số nguyên ≥ 1945", "$.year"),
    ({"year": 2025, "share": 0}, "giá trị ngoài giới hạn tại $.share: cần một số > 0", "$.share"),
    ({"year": 2025, "items": []}, "độ dài không hợp lệ tại $.items: cần ít nhất 1 phần tử", "$.items"),
    ({"year": 2025, "items": [{"code": "a"}] * 3}, "độ dài không hợp lệ tại $.items: cần tối đa 2 phần tử", "$.items"),
    ({"year": 2025, "items": [{"code": "a", "name": "dài quá"}]},
     "độ dài không hợp lệ tại $.items[0].name: cần tối đa 5 ký tự", "$.items[0].name"),
    ({"year": 2025, "items": [{"code": "Mã"}]},
     "sai dạng tại $.items[0].code: mã chỉ gồm chữ thường không dấu và “_”", "$.items[0].code"),
    ({"year": 2025, "items": [{"code": "a", "free": "x"}]},
     r"sai dạng tại $.items[0].free: cần khớp mẫu ^\d+\Z", "$.items[0].free"),
    ({"year": 2025, "on": "01/07/2025"}, "ngày không hợp lệ tại $.on: cần một ngày YYYY-MM-DD", "$.on"),
    ({"year": 2025, "at": "hôm qua"}, "thời điểm không hợp lệ tại $.at: cần một thời điểm ISO 8601", "$.at"),
])
def test_every_kind_of_error_is_one_vietnamese_sentence_with_its_place(data, text, where):
    with pytest.raises(DecodeProblem) as info:
        convert(data, Doc)
    assert info.value.text == text
    assert info.value.where == where


def test_a_pattern_matching_the_words_end_to_end_from_bytes():
    with pytest.raises(DecodeProblem) as info:
        decode_json(b'{"year": 2025, "items": [{"code": "A"}]}', Doc)
    assert info.value.text == "sai dạng tại $.items[0].code: mã chỉ gồm chữ thường không dấu và “_”"


def test_malformed_json_has_no_place_but_says_so():
    with pytest.raises(DecodeProblem) as info:
        decode_json(b'{"year": ', Doc)
    assert info.value.text.startswith("không đọc được JSON")
    assert info.value.where == ""


def test_a_trailing_newline_does_not_pass_a_pattern_anywhere():
    """`$` also matches before a final newline: every declared pattern ends with \\Z, so "abc\\n" is no code."""
    from desktop_app.core.documents import templates
    from desktop_app.core.nominations import rules_pack
    from desktop_app.core.register import campaign_files
    from desktop_app.core.storage import backup

    cases = [(campaign_files.Code, lambda v: v, "ND1"),
             (rules_pack.PackId, lambda v: v, "tinh.mau"),
             (templates.TemplateSetFile, lambda v: {"documents": {}, "layout": v}, "layout_nd30_2020"),
             (backup.ManifestEntry, lambda v: {"sha256": v, "size": 1}, "0" * 64)]
    for type_, wrap, good in cases:
        convert(wrap(good), type_)
        with pytest.raises(DecodeProblem):
            convert(wrap(good + "\n"), type_)
