"""The commune this workspace belongs to (its settings), the workspace's role, and the settings table."""
from __future__ import annotations

import re

from ..changes import Topic
from ..errors import UserError
from ..storage.models import Commune, Draft, Setting
from ..storage.session import Session
from ..validation import Validator
from ..vocabulary import COMMUNE_ROLE, RECEIVER_ROLE, RECEIVING_LEVELS

#: What a commune's administrative code may look like where it names packets and keyring entries.
COMMUNE_CODE_RE = re.compile(r"^[A-Za-z0-9-]{1,32}$")


def validate_commune_settings(values: dict) -> dict:
    v = Validator(values)
    v.text("name", required=True)
    code = v.pattern("admin_code", r"\d{3,10}", "commune.code_invalid", required=False)
    v.clean["admin_code"] = code
    v.text("province", required=True)
    v.text("receiving_authority", required=True, max_len=300)
    v.choice("receiving_level", RECEIVING_LEVELS.codes)
    v.text("chairman_name", required=True)
    v.text("doc_prefix", required=True, max_len=30)
    return v.raise_if_failed()


def home_commune(session: Session) -> Commune | None:
    return session.home_commune()


def require_home_commune(session: Session) -> Commune:
    commune = session.home_commune()
    if commune is None:
        raise UserError("commune.not_configured")
    return commune


def save_commune_settings(session: Session, values: dict, *, draft_key: str | None = None) -> Commune:
    """Create or update this workspace's own commune. A changed administrative code keeps the old one."""
    clean = validate_commune_settings(values)
    now = session.clock.now_iso()
    with session.write(Topic.COMMUNE, Topic.DRAFTS):
        if workspace_role(session) == RECEIVER_ROLE:
            raise UserError("receiving.no_commune_settings")
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
        commune = session.home_commune()
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


def set_setting(session: Session, key: str, value: str) -> None:
    with session.write(Topic.COMMUNE):
        # An upsert both engines speak (SQLite's INSERT OR REPLACE is not PostgreSQL's).
        Setting.insert(key=key, value=value).on_conflict(conflict_target=[Setting.key],
                                                         update={Setting.value: value}).execute()


def workspace_role(session: Session) -> str:
    """'commune' (keeps its own register) or 'receiver' (Sở Nội vụ / upper level receiving packets)."""
    return session.setting("role", COMMUNE_ROLE)


def is_receiver(session: Session) -> bool:
    return workspace_role(session) == RECEIVER_ROLE


def commune_code_of(commune: Commune) -> str:
    """The commune's administrative code, as packets and keys name it; UserError when it is not set."""
    code = (commune.admin_code or "").strip()
    if not code or not COMMUNE_CODE_RE.match(code):
        raise UserError("exports.no_commune_code")
    return code


def make_receiver_workspace(session: Session) -> None:
    """Turn an empty workspace into a receiving one; a commune's own workspace is refused (keep them apart)."""
    if is_receiver(session):
        return
    if session.home_commune() is not None:
        raise UserError("receiving.commune_workspace")
    set_setting(session, "role", RECEIVER_ROLE)
