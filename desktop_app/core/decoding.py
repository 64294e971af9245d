"""Typed decoding of everything that comes from outside (campaign and criteria files, packet manifests and data,
backup manifests, settings): one library, msgspec, declares each format as a Struct and checks types, required
fields, unknown fields and sizes while it parses — no hand-written validators. Its errors become one Vietnamese
sentence that names the place in the file (`DecodeProblem`).

msgspec was chosen over pydantic: it parses straight into the declared types (a list where an object is expected
is refused at its first byte, not after building it), imports in a few milliseconds and adds ~0.5 MB.
"""
from __future__ import annotations

import ast
import re
import unicodedata
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

_TYPE_NAMES = {
    "str": "một chuỗi chữ", "int": "một số nguyên", "float": "một số", "bool": "true hoặc false",
    "object": "một đối tượng {…}", "array": "một danh sách […]", "null": "null", "date": "một ngày YYYY-MM-DD",
    "datetime": "một thời điểm ISO 8601",
}
_EXPECTED = re.compile(r"^Expected `(?P<want>[^`]+)`, got `(?P<got>[^`]+)`")
_MISSING = re.compile(r"^Object missing required field `(?P<field>[^`]+)`")
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<field>[^`]+)`")
_AT = re.compile(r" - at (?P<key>`key` in )?`(?P<path>[^`]+)`$")
_LENGTH = re.compile(r"^Expected `(?P<type>[^`]+)` of length (?P<op>[<>]=) (?P<n>\d+)$")
_BOUND = re.compile(r"^Expected `(?P<type>int|float)` (?P<op>[<>]=?) (?P<n>\S+)$")
_REGEX = re.compile(r"^Expected `str` matching regex (?P<regex>'.*'|\".*\")$")
_OPS = {"<=": "≤", ">=": "≥", "<": "<", ">": ">"}
#: regex (as given to msgspec.Meta) → what describe() says when a value does not match it; see `pattern`.
_PATTERN_WORDS: dict[str, str] = {}


class DecodeProblem(ValueError):
    """A file from outside does not have the declared shape; `text` is the Vietnamese sentence."""

    def __init__(self, text: str, *, where: str = "", raw: str = ""):
        super().__init__(text)
        self.text = text
        self.where = where
        self.raw = raw


def pattern(regex: str, words: str) -> str:
    """`regex` for msgspec.Meta(pattern=…), remembered with the Vietnamese words describe() gives when a value does not
    match it (msgspec's own message shows only the regex)."""
    _PATTERN_WORDS[regex] = words
    return regex


def _type_name(name: str) -> str:
    parts = [p.strip() for p in name.split("|")]
    return " hoặc ".join(_TYPE_NAMES.get(p, p) for p in parts)


def describe(exc: msgspec.MsgspecError) -> DecodeProblem:
    """msgspec's English error → one Vietnamese sentence naming the place ($.contents[2].code)."""
    raw = str(exc)
    where = ""
    m = _AT.search(raw)
    if m:
        where = m.group("path")
        raw_head = raw[: m.start()]
    else:
        raw_head = raw
        if isinstance(exc, msgspec.ValidationError):
            where = "$"  # msgspec names no place for the document itself
    place = f" tại một khóa của {where}" if m and m.group("key") else f" tại {where}" if where else ""
    if isinstance(exc, msgspec.DecodeError) and not isinstance(exc, msgspec.ValidationError):
        return DecodeProblem(f"không đọc được JSON{place} ({raw_head})", where=where, raw=raw)
    if m := _EXPECTED.match(raw_head):
        text = f"sai kiểu dữ liệu{place}: cần {_type_name(m.group('want'))}, gặp {_type_name(m.group('got'))}"
    elif m := _MISSING.match(raw_head):
        text = f"thiếu trường '{m.group('field')}'{place}"
    elif m := _UNKNOWN.match(raw_head):
        text = f"có trường lạ '{m.group('field')}'{place}"
    elif raw_head.startswith(("Invalid enum value", "Invalid value")):
        value = raw_head.removeprefix("Invalid enum value").removeprefix("Invalid value").strip()
        text = f"giá trị không được phép{place} ({value})"
    elif m := _LENGTH.match(raw_head):
        unit = "ký tự" if m.group("type") == "str" else "phần tử"
        want = f"tối đa {m.group('n')}" if m.group("op") == "<=" else f"ít nhất {m.group('n')}"
        text = f"độ dài không hợp lệ{place}: cần {want} {unit}"
    elif m := _BOUND.match(raw_head):
        text = (f"giá trị ngoài giới hạn{place}: cần {_type_name(m.group('type'))} "
                f"{_OPS[m.group('op')]} {m.group('n').removesuffix('.0')}")
    elif m := _REGEX.match(raw_head):
        try:
            regex = ast.literal_eval(m.group("regex"))  # msgspec shows the pattern as a Python literal
        except (ValueError, SyntaxError):
            regex = m.group("regex")
        text = f"sai dạng{place}: {_PATTERN_WORDS.get(regex) or f'cần khớp mẫu {regex}'}"
    elif raw_head.startswith("Invalid RFC3339 encoded datetime"):
        text = f"thời điểm không hợp lệ{place}: cần {_TYPE_NAMES['datetime']}"
    elif raw_head.startswith("Invalid RFC3339 encoded date"):
        text = f"ngày không hợp lệ{place}: cần {_TYPE_NAMES['date']}"
    elif "length" in raw_head:
        text = f"độ dài không hợp lệ{place} ({raw_head})"
    else:
        text = f"dữ liệu không hợp lệ{place} ({raw_head})"
    return DecodeProblem(text, where=where, raw=raw)


def decode_json(data: bytes | str, type_: type[T], *, strict: bool = True) -> T:
    """Parse JSON straight into `type_`; DecodeProblem (Vietnamese) for anything of another shape."""
    try:
        return msgspec.json.decode(data, type=type_, strict=strict)
    except msgspec.MsgspecError as exc:
        raise describe(exc) from None
    except RecursionError:
        # msgspec recurses while it skips a deeply nested value ([[[[…]]]] a million deep)
        raise DecodeProblem("dữ liệu lồng nhau quá sâu", raw="recursion") from None
    except UnicodeDecodeError as exc:
        # msgspec lets Python's own error through for invalid UTF-8 inside a string (found by fuzzing)
        raise DecodeProblem(f"tệp không phải văn bản UTF-8 (byte thứ {exc.start + 1} trong một chuỗi)",
                            raw=str(exc)) from None


def convert(obj: Any, type_: type[T], *, strict: bool = True) -> T:
    """Check an already-parsed value (a dict from JSON, a row from a file) against `type_`."""
    try:
        return msgspec.convert(obj, type=type_, strict=strict)
    except msgspec.MsgspecError as exc:
        raise describe(exc) from None
    except RecursionError:
        raise DecodeProblem("dữ liệu lồng nhau quá sâu", raw="recursion") from None


def nfc_strings(value: Any) -> Any:
    """Every string inside `value` in NFC (text from outside comes in NFC and NFD alike)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc_strings(v) for k, v in value.items()}
    if isinstance(value, msgspec.Struct):
        return msgspec.structs.replace(value, **{f: nfc_strings(getattr(value, f)) for f in value.__struct_fields__})
    return value
