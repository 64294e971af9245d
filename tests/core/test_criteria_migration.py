"""Moving a checklist from one version of a criteria set to another; old checklists stay readable."""
from __future__ import annotations

import copy

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.nominations.criteria import (Answer, ParticipantRecord, criteria_set_from_snapshot, evaluate,
                                                   load_catalog, migrate_answers, needs_migration, parse_criteria_set)

CLEAR = {"under_discipline": False, "under_inspection": False, "under_complaint": False}
RECORD = ParticipantRecord("individual", CLEAR, assessment_year=2025)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture
def v1(catalog):
    return catalog.get("giay_khen.ca_nhan")


def _v2(v1, edit) -> object:
    data = copy.deepcopy(v1.snapshot())
    data["version"] += 1
    edit(data)
    return parse_criteria_set(data, "giay_khen.ca_nhan.json", expected_id="giay_khen.ca_nhan")


def _by_code(data, code):
    stack = list(data["criteria"])
    while stack:
        c = stack.pop()
        if c["code"] == code:
            return c
        stack.extend(c.get("children", []))
    raise KeyError(code)


def _edit_v2(data):
    _by_code(data, "hoan_thanh_nhiem_vu")["text"] = "Hoàn thành tốt nhiệm vụ được giao và nghĩa vụ công dân nơi cư trú"
    _by_code(data, "guong_mau")["help"] = "Lời hướng dẫn mới, không đổi nghĩa tiêu chí."
    data["criteria"].insert(2, {"code": "ung_dung_so", "kind": "judgement", "text": "Sử dụng thành thạo dịch vụ công trực tuyến",
                                "citation": "Quy định của tỉnh", "evidence_required": False, "help": ""})
    group = _by_code(data, "thanh_tich_giay_khen")
    group["children"] = [c for c in group["children"] if c["code"] != "thanh_tich_linh_vuc"]


ANSWERS_V1 = {
    "guong_mau": Answer("met", "tốt"),
    "hoan_thanh_nhiem_vu": Answer("met"),
    "thanh_tich_phong_trao": Answer("met", evidence_ids=("ev-1",)),
    "thanh_tich_linh_vuc": Answer("not_met"),
}


def test_migration_keeps_matching_answers_and_lists_what_to_answer_again(v1):
    v2 = _v2(v1, _edit_v2)
    result = migrate_answers(v1, v2, ANSWERS_V1)

    assert (result.from_version, result.to_version) == (2, 3)
    assert set(result.kept) == {"guong_mau", "thanh_tich_phong_trao"}  # help text change keeps the answer
    assert result.answers == {k: ANSWERS_V1[k] for k in ("guong_mau", "thanh_tich_phong_trao")}
    assert [(i.code, i.reason) for i in result.to_reanswer] == [("hoan_thanh_nhiem_vu", "changed"), ("ung_dung_so", "new")]
    changed = result.to_reanswer[0]
    assert changed.old_text == "Hoàn thành tốt nhiệm vụ, nghĩa vụ công dân"
    assert {d.code for d in result.dropped} == {"hoan_thanh_nhiem_vu", "thanh_tich_linh_vuc"}
    assert not result.clean

    after = evaluate(v2, RECORD, result.answers, None)
    unanswered = {r.subject for r in after.reasons if r.kind == "unanswered"}
    assert {"hoan_thanh_nhiem_vu", "ung_dung_so"} <= unanswered


def test_whitespace_and_unicode_form_changes_are_not_changes(v1):
    import unicodedata

    def reflow(data):
        c = _by_code(data, "hoan_thanh_nhiem_vu")
        c["text"] = "  Hoàn thành tốt  nhiệm vụ,   nghĩa vụ công dân "
        c["citation"] = "Luật Thi đua, khen thưởng 2022, Điều 75 khoản 1 (trích)"

    v2 = _v2(v1, reflow)
    result = migrate_answers(v1, v2, ANSWERS_V1)
    assert result.clean and result.answers == ANSWERS_V1
    assert unicodedata.is_normalized("NFC", v2.criterion("hoan_thanh_nhiem_vu").text)


def test_evidence_now_required_means_answer_again(v1):
    v2 = _v2(v1, lambda d: _by_code(d, "guong_mau").__setitem__("evidence_required", True))
    result = migrate_answers(v1, v2, ANSWERS_V1)
    assert [(i.code, i.reason) for i in result.to_reanswer] == [("guong_mau", "changed")]
    assert "guong_mau" not in result.answers


def test_same_version_is_a_no_op(v1):
    result = migrate_answers(v1, v1, ANSWERS_V1)
    assert result.clean and result.answers == ANSWERS_V1 and not needs_migration(v1.fingerprint, v1)


def test_migration_between_different_sets_is_refused(catalog, v1):
    with pytest.raises(UserError) as info:
        migrate_answers(v1, catalog.get("giay_khen.tap_the"), ANSWERS_V1)
    assert "chỉ chuyển giữa các phiên bản của cùng một bộ" in str(info.value)


def test_old_checklist_stays_readable_as_filled(v1):
    # What storage keeps with the checklist: the snapshot, its fingerprint and the answers as dicts.
    stored = {
        "set_snapshot": v1.snapshot(),
        "set_fingerprint": v1.fingerprint,
        "answers": {k: a.to_dict() for k, a in ANSWERS_V1.items()},
    }
    v2 = _v2(v1, _edit_v2)
    assert needs_migration(stored["set_fingerprint"], v2)

    old_set = criteria_set_from_snapshot(stored["set_snapshot"])
    assert old_set.fingerprint == stored["set_fingerprint"]
    assert old_set.criterion("thanh_tich_linh_vuc") is not None  # gone from v2, still there as filled
    answers = {k: Answer.from_dict(d) for k, d in stored["answers"].items()}
    as_filled = evaluate(old_set, RECORD, answers, None)
    assert as_filled.set_version == 2
    assert as_filled.result("hoan_thanh_nhiem_vu").criterion.text == "Hoàn thành tốt nhiệm vụ, nghĩa vụ công dân"
