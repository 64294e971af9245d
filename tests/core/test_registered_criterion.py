"""A province whose rules require a registration (đăng ký thi đua) puts a computed criterion with rule `registered`
in its criteria data; the checklist then shows whether the nominee registered for the assessment year."""
from __future__ import annotations

import json

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.nominations import checklists
from desktop_app.core.nominations.criteria import HistoryEntry, ParticipantRecord, evaluate, load_catalog
from desktop_app.core.nominations.criteria.schema import parse_criteria_set
from desktop_app.core.register import registrations as reg
from desktop_app.core.resources import resource_path
from desktop_app.core.storage.models import Campaign, Participant

REGISTERED = {"code": "da_dang_ky", "kind": "computed", "text": "Có đăng ký thi đua đầu năm",
              "citation": {"source": "luat_tdkt_2022", "article": "quy định của tỉnh (ví dụ)", "quoted": False},
              "evidence_required": False, "rule": "registered", "params": {"codes": ["LDTT", "CSTDCS"]}}


def _set_with_registration():
    data = json.loads(resource_path("criteria", "giay_khen.ca_nhan.json").read_text(encoding="utf-8"))
    data["criteria"].append(REGISTERED)
    return parse_criteria_set(data, expected_id="giay_khen.ca_nhan")


def _result(assessment, code):
    return next(r for r in assessment.results if r.criterion.code == code)


def test_the_rule_reads_the_registrations_of_the_assessment_year():
    common = load_catalog().common
    s = _set_with_registration()
    person = lambda regs: ParticipantRecord("individual", {}, (), assessment_year=2025, registrations=tuple(regs))
    missing = _result(evaluate(s, person([]), {}, common), "da_dang_ky")
    assert missing.outcome == "not_met" and "Chưa có đăng ký thi đua năm 2025" in missing.computed.value_text
    other_year = _result(evaluate(s, person([HistoryEntry("danh_hieu", "LDTT", 2024)]), {}, common), "da_dang_ky")
    assert other_year.outcome == "not_met"
    ok = _result(evaluate(s, person([HistoryEntry("danh_hieu", "LDTT", 2025, name="Lao động tiên tiến")]), {}, common),
                 "da_dang_ky")
    assert ok.outcome == "met" and "Đã đăng ký thi đua năm 2025" in ok.computed.value_text
    assert ok.computed.provenance_text == "Lao động tiên tiến (2025)"


def test_the_checklists_record_carries_the_participants_registrations(session):
    create_demo_commune(session)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    p = Participant.get(Participant.name == "Hà Thị Thu")     # the demo registered nobody of her thôn
    assert checklists.participant_record(session, p, principles_confirmed=True, assessment_year=2025).registrations == ()
    reg.save_registration(session, {"campaign_id": campaign.id, "year": "2025", "participant_id": p.id,
                                    "aim_category": "danh_hieu", "aim_code": "CSTDCS", "registered_on": "12/01/2025"})
    record = checklists.participant_record(session, p, principles_confirmed=True, assessment_year=2025)
    assert [(e.code, e.year) for e in record.registrations] == [("CSTDCS", 2025)]
