"""The demo commune: a realistic register in a fresh workspace, never written over real data."""
from __future__ import annotations

import unicodedata

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.models import Achievement, Award, Participant
from desktop_app.core.participants import ParticipantFilter, list_participants


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
