"""At start: offer back every form that was being typed when the app last stopped."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.dates import format_vn_datetime
from desktop_app.core.register.achievements import get_achievement
from desktop_app.core.register.awards import get_award
from desktop_app.core.register.participants import get_participant
from desktop_app.core.storage import drafts

from .operations import OperationRunner


def _when(iso: str) -> str:
    try:
        return format_vn_datetime(datetime.fromisoformat(iso))
    except ValueError:
        return iso


def dialog_for_draft(runner: OperationRunner, draft, parent: QWidget | None):
    """The dialog a draft belongs to, filled with the draft's values (None if its record is gone)."""
    from .achievement_dialog import EditAchievementDialog
    from .award_dialog import EditAwardDialog
    from .commune_settings_dialog import CommuneSettingsDialog
    from .participant_dialog import EditParticipantDialog

    session = runner.session
    payload = draft.payload if isinstance(draft.payload, dict) else {}
    values = payload.get("values") if isinstance(payload.get("values"), dict) else {}
    form = payload.get("form")
    if form == "commune_settings":
        return CommuneSettingsDialog(runner, draft_values=values, parent=parent)
    if session.home_commune() is None:
        return None
    if form in ("registration", "report_texts", "decision_back", "outcome"):
        return _year_end_dialog(runner, form, payload, values, parent)
    if form == "participant":
        participant = get_participant(session, payload.get("participant_id"))
        return EditParticipantDialog(runner, payload.get("kind", "individual"), participant, draft_values=values,
                                     parent=parent)
    owner = get_participant(session, payload.get("participant_id"))
    if owner is None:
        return None
    if form == "achievement":
        record = get_achievement(session, payload.get("achievement_id"))
        return EditAchievementDialog(runner, owner, record, draft_values=values, parent=parent)
    if form == "award":
        record = get_award(session, payload.get("award_id"))
        return EditAwardDialog(runner, owner, record, draft_values=values, parent=parent)
    return None


def _year_end_dialog(runner: OperationRunner, form, payload: dict, values: dict, parent):
    """The forms of the two ends of the year (issue 15): registration, decision received, outcome, report text."""
    from desktop_app.core.nominations import outcomes
    from desktop_app.core.nominations.rounds import get_round
    from desktop_app.core.register.registrations import get_registration

    from .outcome_dialogs import OutcomeDialog, ReturnedDecisionDialog
    from .registration_dialog import RegistrationDialog
    from .report_dialog import ReportTextsDialog

    session = runner.session
    if form == "registration":
        record = get_registration(session, payload.get("registration_id"))
        return RegistrationDialog(runner, registration=record, draft_values=values, parent=parent)
    if form == "report_texts" and payload.get("campaign_id"):
        return ReportTextsDialog(runner, payload["campaign_id"], draft_values=values, parent=parent)
    round_ = get_round(session, payload.get("round_id"))
    if round_ is None:
        return None
    if form == "decision_back":
        return ReturnedDecisionDialog(runner, round_, values.get("award_form") or "bang_khen_tinh",
                                      draft_values=values, parent=parent)
    if form == "outcome":
        row = next((r for r in outcomes.outcomes_of(session, round_.id) if r.nominee_id == payload.get("nominee_id")),
                   None)
        return OutcomeDialog(runner, round_, row, draft_values=values, parent=parent) if row else None
    return None


def offer_recovery(runner: OperationRunner, parent: QWidget, ask=None) -> list:
    """Ask about each pending draft; reopen the form on Yes, discard on No. Returns the dialogs opened.

    `ask(draft) -> bool` replaces the question box in tests.
    """
    opened = []
    commune = runner.session.home_commune()
    for draft in drafts.pending_drafts(runner.session):
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
            runner.run(drafts.discard_draft, draft.form_key)
            continue
        dialog = dialog_for_draft(runner, draft, parent)
        if dialog is None:
            runner.run(drafts.discard_draft, draft.form_key)
            continue
        opened.append(dialog)
        if ask is None:
            dialog.exec()
    return opened
