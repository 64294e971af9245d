"""Unsaved form contents, written as the officer types, so a crash or power cut loses at most one field."""
from __future__ import annotations

from peewee import EXCLUDED

from ..changes import Topic
from .models import Draft
from .session import Session


def save_draft(session: Session, form_key: str, title: str, payload: dict) -> None:
    """Upsert one draft (a single small transaction; WAL makes it cheap enough for every keystroke pause)."""
    with session.write(Topic.DRAFTS):
        # EXCLUDED reuses the values already converted for the INSERT; passing payload.db_value(...) here
        # was converted a second time by peewee and stored the JSON as a JSON string.
        Draft.insert(form_key=form_key, title=title, payload=payload, updated_at=session.clock.now_iso()).on_conflict(
            conflict_target=[Draft.form_key],
            update={Draft.title: EXCLUDED.title, Draft.payload: EXCLUDED.payload,
                    Draft.updated_at: EXCLUDED.updated_at},
        ).execute()


def discard_draft(session: Session, form_key: str) -> None:
    with session.write(Topic.DRAFTS):
        Draft.delete().where(Draft.form_key == form_key).execute()


def get_draft(session: Session, form_key: str) -> Draft | None:
    session.activate()
    return Draft.get_or_none(Draft.form_key == form_key)


def pending_drafts(session: Session) -> list[Draft]:
    session.activate()
    return list(Draft.select().order_by(Draft.updated_at))
