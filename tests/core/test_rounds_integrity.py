"""Round rules that must hold against later edits: a nominee is judged on the record as it is now, a meeting
cannot be changed under votes already cast, and a typed percentage means exactly what was typed."""
from __future__ import annotations

from fractions import Fraction

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.register.participants import participant_form_values, save_participant
from desktop_app.core.storage.models import Participant

from .test_rounds import MEETING, eligible


@pytest.fixture
def demo(session):
    return create_demo_commune(session)


def test_a_discipline_flag_ticked_after_the_checklist_blocks_the_nomination(session, tmp_path, demo):
    sheet = eligible(session, tmp_path, "Hà Thị Thu", "giay_khen.ca_nhan")
    person = Participant.get(Participant.name == "Hà Thị Thu")
    values = participant_form_values(person)
    values["under_discipline"] = True
    save_participant(session, values, person.id)
    fresh = rounds.create_round(session, demo["round"].campaign_id, title="Đợt bổ sung")
    with pytest.raises(UserError) as error:
        rounds.add_nominee(session, fresh.id, person.id, "giay_khen", sheet.id)
    assert error.value.code == "rounds.not_eligible"
    assert checklists.get_checklist(session, sheet.id).verdict == "not_eligible"  # the stored verdict follows


def test_meeting_cannot_drop_below_the_votes_already_cast(session, demo):
    round_id = demo["round"].id
    before = rounds.meeting_of(session, round_id).members_present
    with pytest.raises(ValidationError) as error:
        rounds.save_meeting(session, round_id, {**MEETING, "members_present": "3"})
    assert error.value.fields == {"members_present": "rounds.present_below_votes"}
    assert rounds.meeting_of(session, round_id).members_present == before
    assert rounds.vote_results(session, round_id)  # results still compute


def test_typed_threshold_is_exact(session, demo):
    round_id = demo["round"].id
    rounds.set_threshold(session, round_id, rounds.GIAY_KHEN, 66.7)
    assert rounds.threshold_for(rounds.get_round(session, round_id), rounds.GIAY_KHEN) == Fraction(667, 1000)


def test_a_typed_decision_number_already_used_is_refused(session, demo):
    from datetime import date

    from desktop_app.core.documents import round_documents as dossier
    from desktop_app.core.storage.models import DocumentNumber

    commune = session.home_commune()
    with session.write():
        for n in range(1, 19):                       # numbers 1..18 of 2026 went to other documents
            DocumentNumber.create(commune=commune, series="QĐ-UBND", year=2026, number=n,
                                  purpose="quyết định khác", issued_at="x")
    r = demo["round"]
    meeting = rounds.meeting_of(session, r.id).held_on
    dossier.issue_document(session, r.id, "bien_ban", 1, meeting)
    state = {s.code: s for s in dossier.document_states(session, r.id)}["quyet_dinh"]
    assert state.proposed_number is None             # the typed 18/QĐ-UBND is taken: not proposed again
    with pytest.raises(UserError) as error:
        dossier.issue_document(session, r.id, "quyet_dinh", 18, date(2026, 3, 20))
    assert error.value.code == "documents.number_taken" and "quyết định khác" in str(error.value)
    assert dossier.missing_numbers(session, r.id) == ["to_trinh", "quyet_dinh"]   # nothing half-issued
