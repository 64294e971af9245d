"""The commune this workspace belongs to (its settings) and, at the receiving level, the communes it hears from."""
from __future__ import annotations

import re

from ..dates import now_iso
from ..errors import UserError
from ..storage.models import Commune, Setting
from ..validation import Validator

RECEIVING_LEVELS = ("so_noi_vu", "huyen", "khac")
ROLES = ("commune", "receiver")


def validate_commune_settings(values: dict) -> dict:
    v = Validator(values)
    v.text("name", required=True)
    code = v.pattern("admin_code", r"\d{3,10}", "commune.code_invalid", required=False)
    v.clean["admin_code"] = code
    v.text("province", required=True)
    v.text("receiving_authority", required=True, max_len=300)
    v.choice("receiving_level", RECEIVING_LEVELS)
    v.text("chairman_name", required=True)
    v.text("doc_prefix", required=True, max_len=30)
    return v.raise_if_failed()


def home_commune() -> Commune | None:
    return Commune.get_or_none(Commune.is_home == True)  # noqa: E712 (peewee expression)


def require_home_commune() -> Commune:
    commune = home_commune()
    if commune is None:
        raise UserError("commune.not_configured")
    return commune


def save_commune_settings(values: dict) -> Commune:
    """Create or update this workspace's own commune. A changed administrative code keeps the old one."""
    clean = validate_commune_settings(values)
    now = now_iso()
    commune = home_commune()
    if commune is None:
        return Commune.create(is_home=True, created_at=now, updated_at=now, **clean)
    if commune.admin_code and clean["admin_code"] != commune.admin_code:
        former = list(commune.former_codes or [])
        if commune.admin_code not in former:
            former.append(commune.admin_code)
        commune.former_codes = former
    for key, value in clean.items():
        setattr(commune, key, value)
    commune.updated_at = now
    commune.save()
    return commune


def get_setting(key: str, default: str | None = None) -> str | None:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def set_setting(key: str, value: str) -> None:
    Setting.insert(key=key, value=value).on_conflict_replace().execute()


def workspace_role() -> str:
    """'commune' (keeps its own register) or 'receiver' (Sở Nội vụ / upper level receiving packets)."""
    return get_setting("role", "commune")


#: What a commune's administrative code may look like where it names packets and keyring entries.
COMMUNE_CODE_RE = re.compile(r"^[A-Za-z0-9-]{1,32}$")


def commune_code_of(commune: Commune) -> str:
    """The commune's administrative code, as packets and keys name it; UserError when it is not set."""
    code = (commune.admin_code or "").strip()
    if not code or not COMMUNE_CODE_RE.match(code):
        raise UserError("exports.no_commune_code")
    return code
