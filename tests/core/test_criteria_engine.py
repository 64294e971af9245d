"""The verdict engine: a table of cases over the shipped criteria sets."""
from __future__ import annotations

import pytest

from desktop_app.core.nominations.criteria import Answer, HistoryEntry, ParticipantRecord, evaluate, load_catalog

CLEAR = {"under_discipline": False, "under_inspection": False, "under_complaint": False}
MET = Answer("met")
MET_EV = Answer("met", "có báo cáo thành tích", ("ev-1",))
NOT_MET = Answer("not_met", "chưa đạt")
NA = Answer("not_applicable")


@pytest.fixture(scope="module")
def catalog():
    cat = load_catalog()
    assert cat.problems == ()
    return cat


def title(code, year, award_type="cong_trang", decision=""):
    return HistoryEntry("danh_hieu", code, year, award_type, decision)


def rating(code, year, award_type=None):
    return HistoryEntry("xep_loai", code, year, award_type)


def initiative(year, award_type="cong_trang", code="SANG_KIEN"):
    return HistoryEntry("sang_kien", code, year, award_type, f"{year}/QĐ-SK")


def person(history=(), flags=CLEAR, year=2025, kind="individual"):
    return ParticipantRecord(kind, dict(flags), tuple(history), assessment_year=year, name="Nguyễn Thị An", gender="female")


def unit(history=(), flags=CLEAR, year=2025):
    return ParticipantRecord("collective", dict(flags), tuple(history), assessment_year=year, name="Thôn Nà Pài", member_count=10, female_count=7)


TWO_CSTDCS = (title("CSTDCS", 2024, decision="12/QĐ-UBND"), title("CSTDCS", 2025, decision="30/QĐ-UBND"))
HTXSNV_2 = (rating("HTXSNV", 2024), rating("HTXSNV", 2025))

# (case id, set id, record, answers, verdict, expected (reason kind, subject) pairs — exactly these, in order)
CASES = [
    ("individual thematic, all met with evidence", "bang_khen_tinh.ca_nhan.chuyen_de", person(),
     {"guong_mau": MET, "thanh_tich_phong_trao": MET_EV}, "eligible", []),
    ("individual thematic, evidence missing", "bang_khen_tinh.ca_nhan.chuyen_de", person(),
     {"guong_mau": MET, "thanh_tich_phong_trao": MET}, "incomplete", [("missing_evidence", "thanh_tich_phong_trao")]),
    ("individual thematic, nothing answered", "bang_khen_tinh.ca_nhan.chuyen_de", person(), {}, "incomplete",
     [("unanswered", "guong_mau"), ("unanswered", "thanh_tich_phong_trao")]),
    ("individual thematic, criterion not met", "bang_khen_tinh.ca_nhan.chuyen_de", person(),
     {"guong_mau": NOT_MET, "thanh_tich_phong_trao": MET_EV}, "not_eligible", [("not_met", "guong_mau")]),
    ("not met wins over unanswered, both listed", "bang_khen_tinh.ca_nhan.chuyen_de", person(),
     {"guong_mau": NOT_MET}, "not_eligible", [("not_met", "guong_mau"), ("unanswered", "thanh_tich_phong_trao")]),
    ("under discipline blocks a complete checklist", "bang_khen_tinh.ca_nhan.chuyen_de",
     person(flags={**CLEAR, "under_discipline": True}), {"guong_mau": MET, "thanh_tich_phong_trao": MET_EV},
     "not_eligible", [("blocked", "dang_bi_ky_luat")]),
    ("complaint under investigation blocks", "giay_khen.tap_the", unit(flags={**CLEAR, "under_complaint": True}),
     {"guong_mau": MET, "noi_bo_doan_ket": MET, "hoan_thanh_nhiem_vu": MET, "thanh_tich_phong_trao": MET_EV},
     "not_eligible", [("blocked", "dang_giai_quyet_khieu_nai")]),
    ("blocking flags not confirmed", "bang_khen_tinh.ca_nhan.chuyen_de", person(flags={"under_discipline": False}),
     {"guong_mau": MET, "thanh_tich_phong_trao": MET_EV}, "incomplete",
     [("not_confirmed", "dang_bi_thanh_tra"), ("not_confirmed", "dang_giai_quyet_khieu_nai")]),
    ("collective thematic needs nội bộ đoàn kết", "bang_khen_tinh.tap_the.chuyen_de", unit(),
     {"guong_mau": MET, "thanh_tich_phong_trao": MET_EV}, "incomplete", [("unanswered", "noi_bo_doan_ket")]),
    ("collective thematic complete", "bang_khen_tinh.tap_the.chuyen_de", unit(),
     {"guong_mau": MET, "noi_bo_doan_ket": MET, "thanh_tich_phong_trao": MET_EV}, "eligible", []),
    ("set for the other participant kind", "bang_khen_tinh.tap_the.chuyen_de", person(),
     {"guong_mau": MET, "noi_bo_doan_ket": MET, "thanh_tich_phong_trao": MET_EV}, "not_eligible", [("wrong_kind", None)]),
    ("annual merit: 2 consecutive CSTĐCS", "bang_khen_tinh.ca_nhan.cong_trang", person(TWO_CSTDCS),
     {"guong_mau": MET}, "eligible", []),
    ("annual merit: only one CSTĐCS", "bang_khen_tinh.ca_nhan.cong_trang", person(TWO_CSTDCS[1:]),
     {"guong_mau": MET}, "not_eligible",
     [("not_met", "thanh_tich_nhieu_nam"), ("not_met", "cstdcs_02_lan"), ("not_met", "htxsnv_02_nam"), ("not_met", "sang_kien_02")]),
    ("annual merit: CSTĐCS run must end in the assessment year", "bang_khen_tinh.ca_nhan.cong_trang",
     person(TWO_CSTDCS, year=2026), {"guong_mau": MET}, "not_eligible",
     [("not_met", "thanh_tich_nhieu_nam"), ("not_met", "cstdcs_02_lan"), ("not_met", "htxsnv_02_nam"), ("not_met", "sang_kien_02")]),
    ("annual merit: 2 years HTXSNV + 2 initiatives in them", "bang_khen_tinh.ca_nhan.cong_trang",
     person(HTXSNV_2 + (initiative(2024), initiative(2025, code="DE_TAI"))), {"guong_mau": MET}, "eligible", []),
    ("annual merit: initiative outside the 2 years", "bang_khen_tinh.ca_nhan.cong_trang",
     person(HTXSNV_2 + (initiative(2022), initiative(2025))), {"guong_mau": MET}, "not_eligible",
     [("not_met", "thanh_tich_nhieu_nam"), ("not_met", "cstdcs_02_lan"), ("not_met", "sang_kien_02")]),
    ("annual merit met but unanswered judgement", "bang_khen_tinh.ca_nhan.cong_trang", person(TWO_CSTDCS), {},
     "incomplete", [("unanswered", "guong_mau")]),
    ("collective annual merit: HTXSNV then TTLĐXS", "bang_khen_tinh.tap_the.cong_trang",
     unit((rating("HTXSNV", 2024), title("TTLDXS", 2025))),
     {c: MET for c in ("guong_mau", "noi_bo_doan_ket", "dan_chu_co_so", "to_chuc_thi_dua", "cham_lo_doi_song",
                       "thuc_hanh_tiet_kiem", "phong_chong_tham_nhung")}, "eligible", []),
    ("collective annual merit: one year only", "bang_khen_tinh.tap_the.cong_trang", unit((title("TTLDXS", 2025),)),
     {c: MET for c in ("guong_mau", "noi_bo_doan_ket", "dan_chu_co_so", "to_chuc_thi_dua", "cham_lo_doi_song",
                       "thuc_hanh_tiet_kiem", "phong_chong_tham_nhung")}, "not_eligible", [("not_met", "htxsnv_hoac_ttldxs_02_nam")]),
    ("giấy khen: second alternative met, first not applicable", "giay_khen.ca_nhan", person(),
     {"guong_mau": MET, "hoan_thanh_nhiem_vu": MET, "thanh_tich_phong_trao": NA, "thanh_tich_linh_vuc": MET_EV}, "eligible", []),
    ("giấy khen: one alternative failed, other still open", "giay_khen.ca_nhan", person(),
     {"guong_mau": MET, "hoan_thanh_nhiem_vu": MET, "thanh_tich_phong_trao": NOT_MET}, "incomplete",
     [("unanswered", "thanh_tich_giay_khen"), ("unanswered", "thanh_tich_linh_vuc")]),
    ("giấy khen: no alternative met", "giay_khen.ca_nhan", person(),
     {"guong_mau": MET, "hoan_thanh_nhiem_vu": MET, "thanh_tich_phong_trao": NOT_MET, "thanh_tich_linh_vuc": NA},
     "not_eligible", [("not_met", "thanh_tich_giay_khen"), ("not_met", "thanh_tich_phong_trao")]),
    ("giấy khen: alternative met without evidence", "giay_khen.ca_nhan", person(),
     {"guong_mau": MET, "hoan_thanh_nhiem_vu": MET, "thanh_tich_phong_trao": MET, "thanh_tich_linh_vuc": NOT_MET},
     "incomplete", [("unanswered", "thanh_tich_giay_khen"), ("missing_evidence", "thanh_tich_phong_trao")]),
    ("not applicable refused on a required criterion", "giay_khen.ca_nhan", person(),
     {"guong_mau": NA, "hoan_thanh_nhiem_vu": MET, "thanh_tich_phong_trao": MET_EV}, "incomplete",
     [("na_not_allowed", "guong_mau")]),
]


@pytest.mark.parametrize("set_id, record, answers, verdict, reasons", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_verdict_table(catalog, set_id, record, answers, verdict, reasons):
    result = evaluate(catalog.get(set_id), record, answers, catalog.common)
    assert [(r.kind, r.subject) for r in result.reasons] == reasons
    assert result.verdict == verdict
    for r in result.reasons:
        assert r.text and not r.text.startswith(("criteria.", "council."))  # a real Vietnamese sentence


@pytest.mark.parametrize("award_type", ["chuyen_de", "dot_xuat"])
def test_thematic_and_exceptional_titles_never_count_for_annual_merit(catalog, award_type):
    s = catalog.get("bang_khen_tinh.ca_nhan.cong_trang")
    history = (title("CSTDCS", 2024, decision="12/QĐ-UBND"), title("CSTDCS", 2025, award_type, "30/QĐ-UBND"))
    result = evaluate(s, person(history), {"guong_mau": MET}, catalog.common)
    assert result.verdict == "not_eligible"
    value = result.computed["cstdcs_02_lan"]
    assert not value.met
    assert [e.year for e in value.excluded] == [2025]
    assert value.excluded_text.startswith("Không tính: CSTĐCS 2025 (QĐ 30/QĐ-UBND) — khen thưởng chuyên đề, đột xuất")
    texts = [r.text for r in result.reasons]
    assert any("Không tính: CSTĐCS 2025" in t for t in texts)
    # Same history recorded as annual merit does count: the type alone made the difference.
    ok = evaluate(s, person((history[0], title("CSTDCS", 2025, "cong_trang", "30/QĐ-UBND"))), {"guong_mau": MET}, catalog.common)
    assert ok.verdict == "eligible"


@pytest.mark.parametrize("award_type", ["chuyen_de", "dot_xuat"])
def test_thematic_initiatives_and_ratings_do_not_count_either(catalog, award_type):
    s = catalog.get("bang_khen_tinh.ca_nhan.cong_trang")
    history = HTXSNV_2 + (initiative(2024), initiative(2025, award_type))
    result = evaluate(s, person(history), {"guong_mau": MET}, catalog.common)
    assert result.verdict == "not_eligible"
    assert len(result.computed["sang_kien_02"].provenance) == 1
    rated = evaluate(s, person((rating("HTXSNV", 2024), rating("HTXSNV", 2025, award_type), initiative(2024), initiative(2025))),
                     {"guong_mau": MET}, catalog.common)
    assert not rated.computed["htxsnv_02_nam"].met


def test_computed_value_carries_provenance(catalog):
    s = catalog.get("bang_khen_tinh.ca_nhan.cong_trang")
    history = (title("CSTDCS", 2023, decision="5/QĐ-UBND"),) + TWO_CSTDCS
    result = evaluate(s, person(history), {"guong_mau": MET}, catalog.common)
    value = result.computed["cstdcs_02_lan"]
    assert value.met
    assert value.provenance_text == "CSTĐCS 2024 (QĐ 12/QĐ-UBND), CSTĐCS 2025 (QĐ 30/QĐ-UBND)"
    assert value.value_text == "đạt 2 năm liên tục CSTĐCS (2024, 2025)"
    assert [e.decision_number for e in value.provenance] == ["12/QĐ-UBND", "30/QĐ-UBND"]
    assert result.result("cstdcs_02_lan").outcome == "met"
    assert result.result("thanh_tich_nhieu_nam").outcome == "met"


def test_provenance_without_decision_and_mixed_codes(catalog):
    s = catalog.get("bang_khen_tinh.tap_the.cong_trang")
    result = evaluate(s, unit((rating("HTXSNV", 2024), title("TTLDXS", 2025, decision="7/QĐ-UBND"))), {}, catalog.common)
    value = result.computed["htxsnv_hoac_ttldxs_02_nam"]
    assert value.met
    assert value.provenance_text == "HTXSNV 2024 (chưa ghi số quyết định), TTLĐXS 2025 (QĐ 7/QĐ-UBND)"


def test_without_assessment_year_the_latest_run_counts(catalog):
    s = catalog.get("bang_khen_tinh.ca_nhan.cong_trang")
    result = evaluate(s, person(TWO_CSTDCS, year=None), {"guong_mau": MET}, catalog.common)
    assert result.verdict == "eligible"


def test_answers_cannot_override_computed_criteria(catalog):
    s = catalog.get("bang_khen_tinh.ca_nhan.cong_trang")
    answers = {"guong_mau": MET, "cstdcs_02_lan": Answer("met", "tôi chắc chắn"), "htxsnv_02_nam": MET, "sang_kien_02": MET}
    result = evaluate(s, person(()), answers, catalog.common)
    assert result.verdict == "not_eligible"
    assert result.result("cstdcs_02_lan").answer.note == "tôi chắc chắn"  # the note is kept


def test_every_reason_is_listed_at_once(catalog):
    s = catalog.get("bang_khen_tinh.ca_nhan.chuyen_de")
    record = person(flags={"under_discipline": True, "under_inspection": True})
    result = evaluate(s, record, {"thanh_tich_phong_trao": MET}, catalog.common)
    assert result.verdict == "not_eligible"
    assert [r.kind for r in result.reasons] == ["blocked", "blocked", "not_confirmed", "unanswered", "missing_evidence"]
    texts = [r.text for r in result.reasons]
    assert texts[0].startswith("Chưa được khen thưởng: Đang trong thời gian bị xem xét xử lý kỷ luật")
    assert "Nghị định số 152/2025/NĐ-CP, Điều 4" in texts[0]
    assert texts[-1].startswith("Thiếu minh chứng: Có thành tích xuất sắc")
    assert result.verdict_text == "Chưa đủ điều kiện"


def test_progress_counts_and_ignored_answers(catalog):
    s = catalog.get("giay_khen.ca_nhan")
    answers = {"guong_mau": MET, "thanh_tich_giay_khen": MET, "khong_co": MET, "hoan_thanh_nhiem_vu": Answer(None, "đang hỏi")}
    result = evaluate(s, person(), answers, catalog.common)
    assert (result.answered, result.answerable) == (1, 4)
    assert result.ignored_answers == ("khong_co", "thanh_tich_giay_khen")


def test_verdict_texts(catalog):
    s = catalog.get("bang_khen_tinh.ca_nhan.chuyen_de")
    done = evaluate(s, person(), {"guong_mau": MET, "thanh_tich_phong_trao": MET_EV}, catalog.common)
    open_ = evaluate(s, person(), {}, catalog.common)
    assert (done.verdict_text, open_.verdict_text) == ("Đủ điều kiện", "Chưa hoàn thành")


def test_answer_rejects_unknown_status_and_round_trips():
    with pytest.raises(ValueError):
        Answer("yes")
    a = Answer("met", "ghi chú", ["ev-1", 7])
    assert a.evidence_ids == ("ev-1", 7)
    assert Answer.from_dict(a.to_dict()) == a


def test_assessment_summary_is_json_ready(catalog):
    import json

    s = catalog.get("bang_khen_tinh.ca_nhan.cong_trang")
    history = (HistoryEntry("danh_hieu", "CSTDCS", 2024, "cong_trang", "12/QĐ-UBND", ref="award-1"),
               HistoryEntry("danh_hieu", "CSTDCS", 2025, "cong_trang", "30/QĐ-UBND", ref="award-2"))
    result = evaluate(s, person(history), {}, catalog.common)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["verdict"] == "incomplete" and data["verdict_text"] == "Chưa hoàn thành"
    assert data["set_fingerprint"] == s.fingerprint and data["set_version"] == s.version == 2
    assert [r["subject"] for r in data["reasons"]] == ["guong_mau"]
    assert data["reasons"][0]["text"].startswith("Chưa đánh giá: Gương mẫu chấp hành")
    assert data["computed"]["cstdcs_02_lan"]["provenance_refs"] == ["award-1", "award-2"]
    assert data["computed"]["cstdcs_02_lan"]["met"] is True
