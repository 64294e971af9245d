"""Key fingerprints as people read and type them: 'SHA256:7F3A 19C2 …' on paper, any spacing when typed."""
from __future__ import annotations

import re

from .errors import UserError

FINGERPRINT_RE = re.compile(r"^[0-9a-f]{64}$")


def format_fingerprint(hex_fingerprint: str) -> str:
    """The form printed on paper and shown in settings: 'SHA256:7F3A 19C2 … ' (16 groups of 4)."""
    h = hex_fingerprint.upper()
    return "SHA256:" + " ".join(h[i:i + 4] for i in range(0, len(h), 4))


def normalize_fingerprint(text: str) -> str:
    """Any typed or pasted form (prefix, spaces, colons, either case) → canonical hex; UserError if not one."""
    s = re.sub(r"[\s:]", "", (text or "").strip())
    if s.upper().startswith("SHA256"):
        s = s[6:]
    s = s.lower()
    if not FINGERPRINT_RE.match(s):
        raise UserError("keys.bad_fingerprint")
    return s
