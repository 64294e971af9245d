"""The demo commune: a realistic register in a fresh workspace, never written over real data."""
from __future__ import annotations

import unicodedata

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import rounds
from desktop_app.core.register.participants import ParticipantFilter, list_participants
from desktop_app.core.storage.models import Achievement, Award, Checklist, EvidenceFile, Participant


def test_demo_commune(workspace):
    summary = create_demo_commune()
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
    found = list_participants(ParticipantFilter(commune_id=commune.id, search="nguyen van duc"))
    assert [p.name for p in found] == ["Nguyễn Văn Đức"]
    # Individuals are linked to a collective of the same commune.
    linked = Participant.select().where(Participant.organization.is_null(False))
    assert linked.count() > 0
    assert all(p.organization.kind == "collective" for p in linked)


def test_demo_checklists_and_round_1(workspace):
    summary = create_demo_commune()
    verdicts = [c.verdict for c in Checklist.select()]
    assert summary["checklists"] == len(verdicts)
    assert verdicts.count("eligible") >= 5 and "not_eligible" in verdicts and "incomplete" in verdicts
    blocked = Checklist.get(Checklist.participant == Participant.get(Participant.name == "Bàn Văn Sơn"))
    assert blocked.verdict == "not_eligible" and blocked.assessment["reasons"][0]["kind"] == "blocked"
    # Evidence files of the checklists are real files in the workspace.
    assert EvidenceFile.select().count() > 0
    assert all((workspace.paths.evidence_dir / e.stored_name).is_file() for e in EvidenceFile.select())
    r = summary["round"]
    assert (r.number, r.version, r.status, r.campaign.code, r.round_date.year) == (1, 1, "draft", "KH-635-2022-BK", 2026)
    nominees = rounds.nominees_of(r)
    bang_khen = [n for n in nominees if n.award_form == rounds.BANG_KHEN]
    giay_khen = [n for n in nominees if n.award_form == rounds.GIAY_KHEN]
    assert 2 <= sum(n.participant.kind == "individual" for n in bang_khen) <= 3
    assert 1 <= sum(n.participant.kind == "collective" for n in bang_khen) <= 2
    assert all(n.verdict_at_add == "eligible" and n.checklist.set_id.endswith("chuyen_de") for n in bang_khen)
    assert 3 <= len(giay_khen) <= 5
    overridden = [n for n in nominees if n.override_reason]
    assert len(overridden) == 1 and overridden[0].verdict_at_add != "eligible"
    assert all(n.summary for n in nominees)
    meeting = rounds.meeting_of(r)
    assert (meeting.members_total, meeting.members_present) == (9, 8)
    results = rounds.vote_results(r)
    assert set(results) == {n.id for n in nominees}
    assert any(not res.passed for res in results.values())
    decision = rounds.decisions_of(r)[0]
    awarded = Award.select().where((Award.decision_number == decision.number) & (Award.code == "GIAY_KHEN")
                                   & (Award.year == 2026))
    assert sorted(a.participant_id for a in awarded) == sorted(
        n.participant_id for n in giay_khen if results[n.id].passed)


def test_second_call_refused(workspace):
    create_demo_commune()
    before = Participant.select().count()
    with pytest.raises(UserError) as info:
        create_demo_commune()
    assert info.value.code == "demo.workspace_not_empty"
    assert Participant.select().count() == before


def test_refused_when_commune_configured(commune):
    with pytest.raises(UserError) as info:
        create_demo_commune()
    assert info.value.code == "demo.workspace_not_empty"
    assert Participant.select().count() == 0
