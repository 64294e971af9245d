"""Errors the user can act on (shown as a Vietnamese message) versus bugs (shown in the crash dialog)."""
from __future__ import annotations

import json
from functools import lru_cache

from .resources import resource_path


@lru_cache(maxsize=1)
def _messages() -> dict[str, str]:
    """All message files under resources/messages/ (one per capability), merged; codes are unique."""
    merged: dict[str, str] = {}
    for path in sorted(resource_path("messages").glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            merged.update(json.load(fh))
    return merged


def message_text(code: str, **params) -> str:
    """The Vietnamese sentence for a message code, from resources/messages/vi.json."""
    template = _messages().get(code)
    if template is None:
        # A missing message is a bug, but the user must still see something useful.
        return f"{code}: {params}" if params else code
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class UserError(Exception):
    """Bad input or an environment problem the user can fix (full USB stick, locked keyring, newer database).

    Carries a message *code* (see resources/messages/vi.json) and its parameters; str() gives the
    Vietnamese sentence, so the CLI and the window show the same text.
    """

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(message_text(code, **params))

    @property
    def text(self) -> str:
        return str(self)


class UserCancelled(Exception):
    """The user cancelled a long operation; nothing to report."""


class ValidationError(UserError):
    """One or more fields are invalid; `fields` maps field name → message code."""

    def __init__(self, fields: dict[str, str], params: dict[str, dict] | None = None):
        self.fields = dict(fields)
        self.field_params = params or {}
        super().__init__("validation.failed", count=len(fields))

    def field_text(self, field: str) -> str:
        return message_text(self.fields[field], **self.field_params.get(field, {}))
