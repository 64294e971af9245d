"""Checklists stored per participant, run against the demo commune's real records: verdicts, answers
saved at once, principles, history-computed routes and moving a checklist to a changed criteria set."""
from __future__ import annotations

import json
import shutil

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import checklists
from desktop_app.core.nominations.criteria import load_catalog
from desktop_app.core.register.achievements import add_evidence, list_achievements
from desktop_app.core.register.awards import save_award
from desktop_app.core.register.participants import participant_form_values, save_participant
from desktop_app.core.resources import resource_path
from desktop_app.core.storage.models import Participant
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace


@pytest.fixture
def demo(session):
    return create_demo_commune(session)


def person(name: str) -> Participant:
    return Participant.get(Participant.name == name)


def reasons(checklist) -> list[str]:
    return [r["text"] for r in checklist.assessment["reasons"]]


def evidence_for(session, participant, tmp_path, name="bao_cao.pdf"):
    source = tmp_path / name
    source.write_bytes(b"%PDF-1.4 minh chung " + name.encode())
    return add_evidence(session, participant.id, source, list_achievements(session, participant.id)[0].id)


def fresh(session, checklist):
    """Read the checklist back from the database, as the window does after a restart."""
    return checklists.get_checklist(session, checklist.id)


def test_routes_fit_the_participant_kind(demo, session):
    individual = checklists.routes_for(person("Nông Thị Hoa"))
    collective = checklists.routes_for(person("Thôn Nà Khoang"), "bang_khen_tinh")
    assert [s.id for s in individual] == ["bang_khen_tinh.ca_nhan.chuyen_de", "bang_khen_tinh.ca_nhan.cong_trang",
                                         "giay_khen.ca_nhan"]
    assert [s.id for s in collective] == ["bang_khen_tinh.tap_the.chuyen_de", "bang_khen_tinh.tap_the.cong_trang"]
    with pytest.raises(UserError) as info:
        checklists.start_checklist(session, person("Thôn Nà Khoang").id, "giay_khen.ca_nhan")
    assert info.value.code == "checklist.wrong_kind"


def test_thematic_route_answers_saved_and_read_back(demo, session, tmp_path):
    hoa = person("Nông Thị Hoa")
    checklist = checklists.start_checklist(session, hoa.id, "bang_khen_tinh.ca_nhan.chuyen_de", 2025)
    assert checklist.verdict == "incomplete"
    assert any(t.startswith("Chưa xác nhận: Đang trong thời gian bị xem xét xử lý kỷ luật") for t in reasons(checklist))
    checklists.set_principles_confirmed(session, checklist.id, True)
    checklists.save_answer(session, checklist.id, "guong_mau", "met", "Không vi phạm, theo nhận xét của Văn phòng")
    stored = fresh(session, checklist)
    assert stored.verdict == "incomplete"
    assert stored.principles_confirmed
    assert checklists.answers_of(stored)["guong_mau"].note == "Không vi phạm, theo nhận xét của Văn phòng"
    # "Met" without the evidence the criterion demands is not enough.
    checklists.save_answer(session, stored.id, "thanh_tich_phong_trao", "met")
    stored = fresh(session, stored)
    assert stored.verdict == "incomplete"
    assert any(t.startswith("Thiếu minh chứng: Có thành tích xuất sắc") for t in reasons(stored))
    evidence = evidence_for(session, hoa, tmp_path)
    returned = checklists.save_answer(session, stored.id, "thanh_tich_phong_trao", "met", "Số hóa 520 hồ sơ",
                                      [evidence.id])
    stored = fresh(session, stored)
    assert stored.verdict == "eligible", reasons(stored)
    assert (returned.id, returned.verdict) == (stored.id, "eligible")  # operations return the fresh row
    assert reasons(stored) == []
    assert checklists.answers_of(stored)["thanh_tich_phong_trao"].evidence_ids == (evidence.id,)
    assert stored in checklists.list_checklists(session, hoa.id)


def test_not_met_answer_makes_it_not_eligible_with_the_reason(demo, session):
    checklist = checklists.start_checklist(session, person("Lý Thị Hằng").id, "giay_khen.ca_nhan", 2025)
    checklists.set_principles_confirmed(session, checklist.id, True)
    checklists.save_answer(session, checklist.id, "guong_mau", "met")
    checklists.save_answer(session, checklist.id, "hoan_thanh_nhiem_vu", "not_met",
                           "Xếp loại hoàn thành nhiệm vụ năm 2025")
    stored = fresh(session, checklist)
    assert stored.verdict == "not_eligible"
    assert "Không đạt: Hoàn thành tốt nhiệm vụ, nghĩa vụ công dân" in reasons(stored)
    # Every reason is listed, also what is still open.
    assert any(t.startswith("Chưa đạt tiêu chuẩn nào trong nhóm") for t in reasons(stored))
    with pytest.raises(UserError) as info:
        checklists.save_answer(session, stored.id, "khong_co", "met")
    assert info.value.code == "checklist.unknown_criterion"


def test_history_computed_route_from_the_demo_award_history(demo, session):
    # Hoàng Văn Thắng: CSTĐCS 2024 and 2025 in the demo history → the annual-merit route is met from the record.
    checklist = checklists.start_checklist(session, person("Hoàng Văn Thắng").id,
                                           "bang_khen_tinh.ca_nhan.cong_trang", 2025)
    computed = checklist.assessment["computed"]["cstdcs_02_lan"]
    assert computed["met"] is True
    assert computed["value_text"] == "đạt 2 năm liên tục CSTĐCS (2024, 2025)"
    assert computed["provenance_text"].startswith("CSTĐCS 2024 (QĐ ") and ", CSTĐCS 2025 (QĐ " in computed["provenance_text"]
    assert len(computed["provenance_refs"]) == 2
    checklists.set_principles_confirmed(session, checklist.id, True)
    checklists.save_answer(session, checklist.id, "guong_mau", "met")
    assert fresh(session, checklist).verdict == "eligible"
    # Nguyễn Văn Đức was rated HTTNV in 2025: no run ending in the assessment year.
    duc = checklists.start_checklist(session, person("Nguyễn Văn Đức").id, "bang_khen_tinh.ca_nhan.cong_trang", 2025)
    checklists.set_principles_confirmed(session, duc.id, True)
    checklists.save_answer(session, duc.id, "guong_mau", "met")
    duc = fresh(session, duc)
    assert duc.verdict == "not_eligible"
    assert ("Không đạt: Có 02 lần liên tục được công nhận danh hiệu Chiến sĩ thi đua cơ sở — cần 2 năm liên tục "
            "CSTĐCS đến năm 2025, nhưng năm 2025 chưa có") in reasons(duc)
    # Assessing an earlier year changes what the history gives, and is saved with the checklist.
    checklists.set_assessment_year(session, duc.id, 2024)
    assert fresh(session, duc).assessment_year == 2024
    assert fresh(session, duc).assessment["computed"]["cstdcs_02_lan"]["met"] is True


def test_thematic_awards_never_count_for_the_annual_merit_route(demo, session):
    hoa = person("Nông Thị Hoa")  # LĐTT only in the demo
    save_award(session, hoa.id, {"category": "danh_hieu", "code": "CSTDCS", "year": "2024",
                                 "decision_number": "15/QĐ-UBND", "issuer": "Chủ tịch UBND xã",
                                 "award_type": "cong_trang"})
    save_award(session, hoa.id, {"category": "danh_hieu", "code": "CSTDCS", "year": "2025",
                                 "decision_number": "88/QĐ-UBND", "issuer": "Chủ tịch UBND xã",
                                 "award_type": "chuyen_de"})
    checklist = checklists.start_checklist(session, hoa.id, "bang_khen_tinh.ca_nhan.cong_trang", 2025)
    computed = checklist.assessment["computed"]["cstdcs_02_lan"]
    assert computed["met"] is False
    assert computed["excluded_text"].startswith("Không tính: CSTĐCS 2025 (QĐ 88/QĐ-UBND) — khen thưởng chuyên đề")
    assert computed["excluded_text"] in reasons(checklist)
    # The same title recorded as annual merit counts.
    save_award(session, hoa.id, {"category": "danh_hieu", "code": "CSTDCS", "year": "2025",
                                 "decision_number": "89/QĐ-UBND", "issuer": "Chủ tịch UBND xã",
                                 "award_type": "cong_trang"})
    assert checklists.reassess(session, checklist.id).assessment["computed"]["cstdcs_02_lan"]["met"] is True


def test_collective_chuyen_de_giay_khen_does_not_make_annual_merit(demo, session):
    # The demo gives Thôn Nà Khoang a chuyên đề Giấy khen 2024 and no rating: công trạng is not met.
    village = person("Thôn Nà Khoang")
    checklist = checklists.start_checklist(session, village.id, "bang_khen_tinh.tap_the.cong_trang", 2025)
    assert checklist.verdict == "not_eligible"
    assert not any(v["met"] for v in checklist.assessment["computed"].values())


def test_discipline_flag_blocks_even_with_every_answer_met(demo, session, tmp_path):
    mai = person("Triệu Thị Mai")
    checklist = checklists.start_checklist(session, mai.id, "bang_khen_tinh.ca_nhan.chuyen_de", 2025)
    checklists.set_principles_confirmed(session, checklist.id, True)
    evidence = evidence_for(session, mai, tmp_path)
    checklists.save_answer(session, checklist.id, "guong_mau", "met")
    checklists.save_answer(session, checklist.id, "thanh_tich_phong_trao", "met", evidence_ids=[evidence.id])
    assert fresh(session, checklist).verdict == "eligible"
    values = participant_form_values(mai)
    values["under_discipline"] = True
    save_participant(session, values, mai.id)
    blocked = checklists.reassess(session, checklist.id)
    assert blocked.verdict == "not_eligible"
    assert reasons(blocked) == ["Chưa được khen thưởng: Đang trong thời gian bị xem xét xử lý kỷ luật hoặc đang "
                                "thi hành kỷ luật (Nghị định số 152/2025/NĐ-CP, Điều 4 — diễn đạt lại, chưa đối chiếu nguyên văn)"]
    # A recorded flag blocks even when the officer has not confirmed the principles yet.
    checklists.set_principles_confirmed(session, blocked.id, False)
    assert fresh(session, blocked).verdict == "not_eligible"


# --- a criteria file changes -----------------------------------------------------------------------

def _changed_catalog(tmp_path, monkeypatch):
    """A copy of the shipped criteria where giay_khen.ca_nhan has version 2: one criterion reworded,
    one new, one alternative removed; checklists.catalog() loads from it from now on."""
    folder = tmp_path / "criteria"
    shutil.copytree(resource_path("criteria"), folder)
    path = folder / "giay_khen.ca_nhan.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] += 1
    data["criteria"][1]["text"] = "Hoàn thành tốt nhiệm vụ được giao và nghĩa vụ công dân nơi cư trú"
    data["criteria"].insert(2, {"code": "dung_dich_vu_cong", "kind": "judgement",
                                "text": "Sử dụng thành thạo dịch vụ công trực tuyến", "citation": "Quy định của tỉnh",
                                "evidence_required": False, "help": ""})
    group = data["criteria"][3]
    group["children"] = [c for c in group["children"] if c["code"] != "thanh_tich_linh_vuc"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    changed = load_catalog(folder)
    assert not changed.problems
    monkeypatch.setattr(checklists, "catalog", lambda: changed)
    return changed


def test_migration_to_a_changed_set_keeps_matching_answers(demo, session, tmp_path, monkeypatch):
    hang = person("Lý Thị Hằng")
    evidence = evidence_for(session, hang, tmp_path)
    old = checklists.start_checklist(session, hang.id, "giay_khen.ca_nhan", 2025)
    checklists.set_principles_confirmed(session, old.id, True)
    checklists.save_answer(session, old.id, "guong_mau", "met", "Gương mẫu")
    checklists.save_answer(session, old.id, "hoan_thanh_nhiem_vu", "met")
    checklists.save_answer(session, old.id, "thanh_tich_phong_trao", "met", "Hướng dẫn 300 người cài VNeID",
                           [evidence.id])
    checklists.save_answer(session, old.id, "thanh_tich_linh_vuc", "not_applicable")
    old = fresh(session, old)
    assert old.verdict == "eligible"
    old_snapshot = dict(old.set_snapshot)
    assert not checklists.is_outdated(old)

    _changed_catalog(tmp_path, monkeypatch)
    assert checklists.is_outdated(old)
    new, result = checklists.migrate_checklist(session, old.id)
    assert (result.from_version, result.to_version) == (2, 3)
    assert set(result.kept) == {"guong_mau", "thanh_tich_phong_trao"}
    assert [(r.code, r.reason) for r in result.to_reanswer] == [("hoan_thanh_nhiem_vu", "changed"),
                                                                ("dung_dich_vu_cong", "new")]
    assert {d.code for d in result.dropped} == {"hoan_thanh_nhiem_vu", "thanh_tich_linh_vuc"}
    new = fresh(session, new)
    assert new.set_version == 3 and new.replaces_id == old.id and new.principles_confirmed
    assert checklists.answers_of(new)["thanh_tich_phong_trao"].evidence_ids == (evidence.id,)
    assert new.verdict == "incomplete"
    assert "Chưa đánh giá: Sử dụng thành thạo dịch vụ công trực tuyến" in reasons(new)
    assert not checklists.is_outdated(new)
    # The old checklist stays readable exactly as filled: its snapshot, answers and verdict.
    old = fresh(session, old)
    assert old.archived_at is not None
    assert old.set_snapshot == old_snapshot and old.set_version == 2
    assert old.verdict == "eligible"
    assert checklists.criteria_set_of(old).criterion("thanh_tich_linh_vuc") is not None
    assert checklists.answers_of(old)["thanh_tich_linh_vuc"].status == "not_applicable"
    current = checklists.list_checklists(session, hang.id)
    assert new in current and old not in current
    with pytest.raises(UserError) as info:
        checklists.save_answer(session, old.id, "guong_mau", "not_met")
    assert info.value.code == "checklist.archived"
    assert fresh(session, old).verdict == "eligible"
    assert {new, old} <= set(checklists.list_checklists(session, hang.id, include_archived=True))


def test_answers_survive_a_reopened_database(demo, session, keyring_backend):
    checklist = checklists.start_checklist(session, person("Vi Thị Nga").id, "giay_khen.ca_nhan", 2025)
    checklists.save_answer(session, checklist.id, "guong_mau", "met", "Ghi chú có dấu: Đạt")
    path = session.paths.database
    session.close()
    reopened = open_workspace(session.paths.root, secrets=SecretStore(keyring_backend))
    try:
        assert reopened.paths.database == path
        stored = fresh(reopened, checklist)
        assert checklists.answers_of(stored)["guong_mau"].note == "Ghi chú có dấu: Đạt"
        assert stored.assessment["answered"] == 1
    finally:
        reopened.close()
