"""The demo commune: a realistic register in a fresh workspace, never written over real data."""
from __future__ import annotations

import unicodedata

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import rounds
from desktop_app.core.register.participants import ParticipantFilter, list_participants
from desktop_app.core.storage.models import (Achievement, Award, Checklist, Commune, EvidenceFile, NominationRound,
                                            Participant)


def test_demo_commune(session):
    summary = create_demo_commune(session)
    commune = summary["commune"]
    assert commune.is_home
    participants = Participant.select().where(Participant.commune == commune).count()
    assert 25 <= participants <= 40
    assert summary["participants"] == participants
    assert Participant.select().where(Participant.kind == "collective").count() >= 5
    assert summary["achievements"] == Achievement.select().count() > participants
    assert summary["awards"] == Award.select().count() > participants
    assert {a.award_type for a in Award.select()} >= {"cong_trang", "chuyen_de"}
    assert {a.category for a in Award.select()} >= {"danh_hieu", "hinh_thuc"}
    for p in Participant.select():
        assert unicodedata.is_normalized("NFC", p.name)
    found = list_participants(session, ParticipantFilter(commune_id=commune.id, search="nguyen van duc"))
    assert [p.name for p in found] == ["Nguyễn Văn Đức"]
    # Individuals are linked to a collective of the same commune.
    linked = Participant.select().where(Participant.organization.is_null(False))
    assert linked.count() > 0
    assert all(p.organization.kind == "collective" for p in linked)


def test_demo_checklists_and_round_1(session):
    summary = create_demo_commune(session)
    verdicts = [c.verdict for c in Checklist.select()]
    assert summary["checklists"] == len(verdicts)
    assert verdicts.count("eligible") >= 5 and "not_eligible" in verdicts and "incomplete" in verdicts
    blocked = Checklist.get(Checklist.participant == Participant.get(Participant.name == "Bàn Văn Sơn"))
    assert blocked.verdict == "not_eligible" and blocked.assessment["reasons"][0]["kind"] == "blocked"
    # Evidence files of the checklists are real files in the workspace.
    assert EvidenceFile.select().count() > 0
    assert all((session.paths.evidence_dir / e.stored_name).is_file() for e in EvidenceFile.select())
    r = summary["round"]
    assert (r.number, r.version, r.status, r.campaign.code, r.round_date.year) == (1, 1, "draft", "KH-635-2022-BK", 2026)
    nominees = rounds.nominees_of(session, r.id)
    bang_khen = [n for n in nominees if n.award_form == rounds.BANG_KHEN]
    giay_khen = [n for n in nominees if n.award_form == rounds.GIAY_KHEN]
    assert 2 <= sum(n.participant.kind == "individual" for n in bang_khen) <= 3
    assert 1 <= sum(n.participant.kind == "collective" for n in bang_khen) <= 2
    assert all(n.verdict_at_add == "eligible" and n.checklist.set_id.endswith("chuyen_de") for n in bang_khen)
    assert 3 <= len(giay_khen) <= 5
    overridden = [n for n in nominees if n.override_reason]
    assert len(overridden) == 1 and overridden[0].verdict_at_add != "eligible"
    assert all(n.summary for n in nominees)
    meeting = rounds.meeting_of(session, r.id)
    assert (meeting.members_total, meeting.members_present) == (9, 8)
    results = rounds.vote_results(session, r.id)
    assert set(results) == {n.id for n in nominees}
    assert any(not res.passed for res in results.values())
    assert rounds.BANG_KHEN == "bang_khen_tinh" and rounds.GIAY_KHEN == "giay_khen"
    decision = rounds.decisions_of(session, r.id)[0]
    # The awards the commune's decision gave are linked to it (award.decision), with the history's code
    # for the form the round nominated for: the same lower-case code.
    awarded = rounds.decision_awards(session, decision.id)
    assert sorted(a.participant_id for a in awarded) == sorted(
        n.participant_id for n in giay_khen if results[n.id].passed)
    assert all((a.category, a.code, a.year, a.decision_number) == ("hinh_thuc", "giay_khen", 2026, decision.number)
               for a in awarded)
    assert sorted(a.id for a in awarded) == sorted(a.id for a in Award.select().where(Award.decision == decision.id))


def test_second_call_refused(session):
    create_demo_commune(session)
    before = Participant.select().count()
    with pytest.raises(UserError) as info:
        create_demo_commune(session)
    assert info.value.code == "demo.workspace_not_empty"
    assert Participant.select().count() == before


def test_refused_when_commune_configured(session, commune):
    with pytest.raises(UserError) as info:
        create_demo_commune(session)
    assert info.value.code == "demo.workspace_not_empty"
    assert Participant.select().count() == 0


def test_demo_is_one_transaction(session, monkeypatch):
    """A failure at the very end (after the round and its decision) leaves the workspace as empty as before."""
    from desktop_app.core import demo

    real = demo._demo_checklists_and_round

    def fails_at_the_end(*args):
        real(*args)
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo, "_demo_checklists_and_round", fails_at_the_end)
    with pytest.raises(RuntimeError):
        create_demo_commune(session)
    assert session.home_commune() is None
    for model in (Commune, Participant, Achievement, Award, Checklist, EvidenceFile, NominationRound):
        assert model.select().count() == 0, model.__name__
    monkeypatch.undo()
    assert create_demo_commune(session)["participants"] == Participant.select().count()
