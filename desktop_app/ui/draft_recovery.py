"""At start: offer back every form that was being typed when the app last stopped."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.storage import drafts
from desktop_app.core.storage.models import Achievement, Award, Commune, Participant


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y")
    except ValueError:
        return iso


def dialog_for_draft(draft, commune: Commune | None, evidence_dir, parent: QWidget | None):
    """The dialog a draft belongs to, filled with the draft's values (None if its record is gone)."""
    from .achievement_dialog import EditAchievementDialog
    from .award_dialog import EditAwardDialog
    from .commune_settings_dialog import CommuneSettingsDialog
    from .participant_dialog import EditParticipantDialog

    payload = draft.payload or {}
    values = payload.get("values", {})
    form = payload.get("form")
    if form == "commune_settings":
        return CommuneSettingsDialog(commune, draft_values=values, parent=parent)
    if commune is None:
        return None
    if form == "participant":
        participant = Participant.get_or_none(Participant.id == payload.get("participant_id")) \
            if payload.get("participant_id") else None
        return EditParticipantDialog(commune, payload.get("kind", "individual"), participant, draft_values=values,
                                     parent=parent)
    owner = Participant.get_or_none(Participant.id == payload.get("participant_id"))
    if owner is None:
        return None
    if form == "achievement":
        record = Achievement.get_or_none(Achievement.id == payload.get("achievement_id")) \
            if payload.get("achievement_id") else None
        return EditAchievementDialog(evidence_dir, owner, record, draft_values=values, parent=parent)
    if form == "award":
        record = Award.get_or_none(Award.id == payload.get("award_id")) if payload.get("award_id") else None
        return EditAwardDialog(owner, record, draft_values=values, parent=parent)
    return None


def offer_recovery(parent: QWidget, commune: Commune | None, evidence_dir, ask=None) -> list:
    """Ask about each pending draft; reopen the form on Yes, discard on No. Returns the dialogs opened.

    `ask(draft) -> bool` replaces the question box in tests.
    """
    opened = []
    for draft in drafts.pending_drafts():
        if draft.form_key == "commune_settings" and commune is None:
            continue  # the first-run dialog picks this one up itself
        question = QCoreApplication.translate("draft_recovery", "Recover unsaved data from %1?\n\n%2").replace(
            "%1", _when(draft.updated_at)).replace("%2", draft.title)
        if ask is not None:
            yes = ask(draft)
        else:
            yes = QMessageBox.question(parent, QCoreApplication.translate("draft_recovery", "Unsaved data"),
                                       question) == QMessageBox.Yes
        if not yes:
            drafts.discard_draft(draft.form_key)
            continue
        dialog = dialog_for_draft(draft, commune, evidence_dir, parent)
        if dialog is None:
            drafts.discard_draft(draft.form_key)
            continue
        opened.append(dialog)
        if ask is None:
            dialog.exec()
    return opened
