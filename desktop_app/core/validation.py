"""Field validation that collects every problem at once, as message codes keyed by field name."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from .dates import DateParseError, parse_vn_date
from .errors import ValidationError
from .text import char_label, nfc, nfc_multiline, strip_invisible, unprintable_char

SHORT_TEXT = 200
LONG_TEXT = 20000
#: A count typed into a form never needs more digits than this (int() of 4,300 digits raises).
MAX_DIGITS = 12


class Validator:
    """Reads raw form values (strings as typed), cleans them, and remembers every field error."""

    def __init__(self, values: dict[str, Any], *, today: date | None = None):
        self.values = values
        self.today = today  # "in the future" is judged against the session's clock
        self.errors: dict[str, str] = {}
        self.params: dict[str, dict] = {}
        self.clean: dict[str, Any] = {}

    def fail(self, field: str, code: str, **params) -> None:
        if field not in self.errors:
            self.errors[field] = code
            if params:
                self.params[field] = params

    def text(self, field: str, *, required: bool = False, max_len: int = SHORT_TEXT, multiline: bool = False) -> str:
        """Cleaned text: NFC, trimmed, invisible format characters (zero-width, BOM, soft hyphen) removed, tabs as
        spaces. A character that cannot be printed (a control character such as NUL, an emoji) is refused with
        a message naming it, so a pasted string can never make the dossier fail later."""
        raw = self.values.get(field)
        raw = strip_invisible(str(raw)).replace("\t", " ") if raw is not None else None
        seen = (raw or "").replace("\r\n", "\n").replace("\r", "\n")
        bad = unprintable_char(seen if multiline else seen.replace("\n", " "), multiline=multiline)
        value = nfc_multiline(raw) if multiline else nfc(raw)
        if bad is not None:
            self.fail(field, "field.unprintable", char=char_label(bad[1]), position=bad[0] + 1)
        elif required and not value:
            self.fail(field, "field.required")
        elif len(value) > max_len:
            self.fail(field, "field.too_long", max=max_len)
        self.clean[field] = value
        return value

    def choice(self, field: str, allowed, *, required: bool = True) -> str:
        value = nfc(self.values.get(field))
        if not value:
            if required:
                self.fail(field, "field.required")
        elif value not in allowed:
            self.fail(field, "field.invalid_choice")
        self.clean[field] = value
        return value

    def date(self, field: str, *, required: bool = False, allow_future: bool = True) -> date | None:
        raw = self.values.get(field)
        if isinstance(raw, date):
            raw = raw.strftime("%d/%m/%Y")
        try:
            value = parse_vn_date(raw, allow_future=allow_future, today=self.today)
        except DateParseError as exc:
            self.fail(field, exc.code, **exc.params)
            value = None
        else:
            if value is None and required:
                self.fail(field, "field.required")
        self.clean[field] = value
        return value

    def integer(self, field: str, *, required: bool = False, minimum: int | None = None,
                maximum: int | None = None) -> int | None:
        raw = self.values.get(field)
        text = nfc(str(raw)) if raw is not None else ""
        value = None
        if not text:
            if required:
                self.fail(field, "field.required")
        elif not re.fullmatch(r"[0-9]+", text):     # ASCII digits only (\d takes any script's digits)
            self.fail(field, "field.not_integer")
        elif len(text.lstrip("0")) > MAX_DIGITS:
            self.fail(field, "field.too_large", max=maximum if maximum is not None else 10 ** MAX_DIGITS - 1)
        else:
            value = int(text)
            if minimum is not None and value < minimum:
                self.fail(field, "field.too_small", min=minimum)
            elif maximum is not None and value > maximum:
                self.fail(field, "field.too_large", max=maximum)
        self.clean[field] = value
        return value

    def pattern(self, field: str, regex: str, code: str, *, required: bool = False, strip_spaces: bool = True) -> str:
        value = nfc(self.values.get(field))
        if strip_spaces:
            value = value.replace(" ", "").replace(".", "")
        if not value:
            if required:
                self.fail(field, "field.required")
        elif not re.fullmatch(regex, value):
            self.fail(field, code)
        self.clean[field] = value
        return value

    def raise_if_failed(self) -> dict[str, Any]:
        if self.errors:
            raise ValidationError(self.errors, self.params)
        return self.clean
