"""Criteria files: every shipped file validates; broken files are reported by name and the rest still load."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.nominations.criteria import (CriteriaFileError, ParticipantRecord, criteria_set_from_snapshot,
                                                   evaluate, load_catalog, parse_criteria_set, suggest_sets)
from desktop_app.core.resources import resource_path
from desktop_app.core.vocabulary import AWARD_CODES_BY_CATEGORY, COMMENDATION_TYPES, NOMINATION_FORMS

CRITERIA_DIR = resource_path("criteria")
REPO = Path(__file__).resolve().parents[2]
EXPECTED_SETS = {
    "bang_khen_tinh.ca_nhan.chuyen_de",
    "bang_khen_tinh.tap_the.chuyen_de",
    "bang_khen_tinh.ca_nhan.cong_trang",
    "bang_khen_tinh.tap_the.cong_trang",
    "giay_khen.ca_nhan",
    "giay_khen.tap_the",
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture
def crit_dir(tmp_path):
    """A writable copy of the shipped criteria directory."""
    target = tmp_path / "criteria"
    shutil.copytree(CRITERIA_DIR, target)
    return target


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _save(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_every_shipped_file_loads_without_problems(catalog):
    assert catalog.problems == ()
    assert set(catalog.sets) == EXPECTED_SETS
    assert catalog.common is not None
    assert {p.flag for p in catalog.common.principles} == {"under_discipline", "under_inspection", "under_complaint"}


@pytest.mark.parametrize("path", sorted(CRITERIA_DIR.glob("*.json")), ids=lambda p: p.name)
def test_shipped_file_is_utf8_nfc(path):
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


def test_shipped_sets_carry_their_metadata(catalog):
    for s in catalog.sets.values():
        assert s.version >= 1 and s.schema_version == 1
        assert s.legal_basis and any(b.kind == "law" for b in s.legal_basis)
        assert any(b.kind == "provincial" and b.configurable for b in s.legal_basis)
        assert s.effective_from == dt.date(2025, 7, 1)
        kind_word = "ca_nhan" if s.participant_kind == "individual" else "tap_the"
        assert kind_word in s.id
        assert s.criterion("guong_mau") is not None
        assert s.award_form in NOMINATION_FORMS and s.id.startswith(s.award_form + ".")  # the rounds' own codes
    # The collective sets add "nội bộ đoàn kết"; the individual ones do not.
    for sid, s in catalog.sets.items():
        assert (s.criterion("noi_bo_doan_ket") is not None) == (s.participant_kind == "collective"), sid
    thematic = catalog.sets["bang_khen_tinh.ca_nhan.chuyen_de"]
    assert thematic.award_form == "bang_khen_tinh" and thematic.route.code == "chuyen_de"
    assert thematic.criterion("thanh_tich_phong_trao").evidence_required
    annual = catalog.sets["bang_khen_tinh.ca_nhan.cong_trang"]
    assert annual.criterion("cstdcs_02_lan").params == {"title": "CSTDCS", "count": 2}
    assert annual.criterion("htxsnv_02_nam").rule == "consecutive_ratings"
    assert annual.award_type == "cong_trang"


def test_snapshot_round_trip_keeps_the_exact_set(catalog):
    s = catalog.sets["bang_khen_tinh.ca_nhan.cong_trang"]
    snap = json.loads(json.dumps(s.snapshot()))  # as the database would store it
    again = criteria_set_from_snapshot(snap)
    assert again == s
    assert again.fingerprint == s.fingerprint
    assert len(s.fingerprint) == 64


def test_suggest_sets_by_kind_form_and_date(catalog):
    ids = [s.id for s in suggest_sets(catalog, "individual")]
    assert ids == ["bang_khen_tinh.ca_nhan.chuyen_de", "bang_khen_tinh.ca_nhan.cong_trang", "giay_khen.ca_nhan"]
    ids = [s.id for s in suggest_sets(catalog, "collective", "giay_khen")]
    assert ids == ["giay_khen.tap_the"]
    assert suggest_sets(catalog, "collective", on=dt.date(2025, 6, 30)) == []
    assert len(suggest_sets(catalog.sets.values(), "collective", on=dt.date(2026, 2, 5))) == 3


def test_broken_and_newer_files_are_reported_and_the_rest_load(crit_dir):
    (crit_dir / "giay_khen.ca_nhan.json").write_text('{"id": "giay_khen.ca_nhan", ', encoding="utf-8")
    newer = _load(crit_dir / "giay_khen.tap_the.json")
    newer["schema_version"] = 7
    _save(crit_dir / "giay_khen.tap_the.json", newer)

    cat = load_catalog(crit_dir)

    assert set(cat.sets) == EXPECTED_SETS - {"giay_khen.ca_nhan", "giay_khen.tap_the"}
    by_file = {p.file: p for p in cat.problems}
    assert set(by_file) == {"giay_khen.ca_nhan.json", "giay_khen.tap_the.json"}
    broken = by_file["giay_khen.ca_nhan.json"]
    assert broken.code == "criteria.load.bad_json"
    assert broken.text.startswith("Tệp tiêu chuẩn giay_khen.ca_nhan.json: lỗi cú pháp JSON ở dòng 1")
    newer_problem = by_file["giay_khen.tap_the.json"]
    assert newer_problem.code == "criteria.load.unknown_schema_version"
    assert "phiên bản định dạng 7 chưa được hỗ trợ" in newer_problem.text
    assert "cập nhật Sổ Thi đua" in newer_problem.text


@pytest.mark.parametrize("found", ["1", 1.0, True, [1], {"v": 1}, None])
def test_a_schema_version_that_is_not_a_known_number_gets_the_version_message(catalog, found):
    snap = catalog.sets["giay_khen.tap_the"].snapshot()
    snap["schema_version"] = found
    with pytest.raises(CriteriaFileError) as info:
        parse_criteria_set(snap)
    assert [p.code for p in info.value.problems] == ["criteria.load.unknown_schema_version"]


def _mutate(data: dict, how: str) -> dict:
    crit = data["criteria"]
    computed = crit[1]["children"][0]          # cstdcs_02_lan: consecutive_titles
    group = crit[1]["children"][1]             # htxsnv_va_sang_kien: all_of of two computed criteria
    if how == "duplicate_code":
        crit[1]["code"] = crit[0]["code"]
    elif how == "unknown_rule":
        computed["rule"] = "consecutive_medals"
    elif how == "missing_field":
        del crit[0]["text"]
    elif how == "missing_rule":
        del computed["rule"]
    elif how == "wrong_type":
        data["version"] = "2"
    elif how == "bool_version":
        data["version"] = True
    elif how == "zero_version":
        data["version"] = 0
    elif how == "deep_wrong_type":
        group["children"][0]["evidence_required"] = "không"
    elif how == "deep_citation_wrong_type":
        group["children"][0]["citation"]["quoted"] = 1
    elif how == "unknown_field":
        crit[0]["evidence_requried"] = True
    elif how == "deep_unknown_field":
        group["children"][0]["weight"] = 2
    elif how == "field_of_another_kind":
        crit[0]["rule"] = "consecutive_titles"
    elif how == "bad_param":
        computed["params"] = {"title": "CSTDCS", "count": 0}
    elif how == "unknown_param":
        computed["params"]["years"] = 3
    elif how == "evidence_on_computed":
        computed["evidence_required"] = True
    elif how == "bad_kind":
        crit[0]["kind"] = "yes_no"
    elif how == "bad_participant_kind":
        data["participant_kind"] = "ca_nhan"
    elif how == "bad_legal_basis_kind":
        data["legal_basis"][0]["kind"] = "ordinance"
    elif how == "empty_group":
        crit[1]["children"] = []
    elif how == "empty_criteria":
        data["criteria"] = []
    elif how == "blank_text":
        crit[0]["text"] = "   "
    elif how == "long_text":
        crit[0]["text"] = "x" * 1001
    elif how == "bad_code":
        crit[0]["code"] = "gương_mẫu"
    elif how == "not_nfc":
        crit[0]["text"] = unicodedata.normalize("NFD", crit[0]["text"])
    elif how == "bad_date":
        data["effective_from"] = "01/07/2025"
    elif how == "dates_reversed":
        data["effective_to"] = "2020-01-01"
    elif how == "bad_award_form":
        data["award_form"] = "bang_khen"
    elif how == "id_mismatch":
        data["id"] = "bang_khen_tinh.ca_nhan.khac"
    elif how == "unknown_source":
        group["children"][0]["citation"]["source"] = "luat_khong_co"
    else:  # pragma: no cover - test table typo
        raise AssertionError(how)
    return data


# A type error reads "criteria.load.invalid" with msgspec's place; the checks after decoding keep their own codes.
@pytest.mark.parametrize(
    "how, code, fragment",
    [
        ("duplicate_code", "criteria.load.duplicate_code",
         "mã tiêu chí “guong_mau” bị trùng (tại $.criteria[1].code; đã dùng ở $.criteria[0].code)"),
        ("unknown_rule", "criteria.load.unknown_rule",
         "quy tắc tính “consecutive_medals” không tồn tại (tại $.criteria[1].children[0].rule)"),
        ("missing_field", "criteria.load.invalid", "thiếu trường 'text' tại $.criteria[0]"),
        ("missing_rule", "criteria.load.invalid", "thiếu trường 'rule' tại $.criteria[1].children[0]"),
        ("wrong_type", "criteria.load.invalid", "sai kiểu dữ liệu tại $.version: cần một số nguyên, gặp một chuỗi chữ"),
        ("bool_version", "criteria.load.invalid", "sai kiểu dữ liệu tại $.version: cần một số nguyên, gặp true hoặc false"),
        ("zero_version", "criteria.load.invalid", "giá trị ngoài giới hạn tại $.version: cần một số nguyên ≥ 1"),
        ("deep_wrong_type", "criteria.load.invalid", "sai kiểu dữ liệu tại $.criteria[1].children[1].children[0]"
                                                     ".evidence_required: cần true hoặc false, gặp một chuỗi chữ"),
        ("deep_citation_wrong_type", "criteria.load.invalid",
         "sai kiểu dữ liệu tại $.criteria[1].children[1].children[0].citation.quoted: cần true hoặc false"),
        ("unknown_field", "criteria.load.invalid", "có trường lạ 'evidence_requried' tại $.criteria[0]"),
        ("deep_unknown_field", "criteria.load.invalid", "có trường lạ 'weight' tại $.criteria[1].children[1].children[0]"),
        ("field_of_another_kind", "criteria.load.invalid", "có trường lạ 'rule' tại $.criteria[0]"),
        ("bad_param", "criteria.load.bad_param",
         "tham số “count” của quy tắc “consecutive_titles” phải là số nguyên ≥ 1 (tại $.criteria[1].children[0].params)"),
        ("unknown_param", "criteria.load.unknown_param", "không có tham số “years”"),
        ("evidence_on_computed", "criteria.load.evidence_only_judgement", "yêu cầu minh chứng"),
        ("bad_kind", "criteria.load.invalid", "giá trị không được phép tại $.criteria[0].kind ('yes_no')"),
        ("bad_participant_kind", "criteria.load.invalid", "giá trị không được phép tại $.participant_kind ('ca_nhan')"),
        ("bad_legal_basis_kind", "criteria.load.invalid", "giá trị không được phép tại $.legal_basis[0].kind ('ordinance')"),
        ("empty_group", "criteria.load.invalid", "độ dài không hợp lệ tại $.criteria[1].children: cần ít nhất 1 phần tử"),
        ("empty_criteria", "criteria.load.invalid", "độ dài không hợp lệ tại $.criteria: cần ít nhất 1 phần tử"),
        ("blank_text", "criteria.load.invalid", "sai dạng tại $.criteria[0].text: không được để trống"),
        ("long_text", "criteria.load.invalid", "độ dài không hợp lệ tại $.criteria[0].text: cần tối đa 1000 ký tự"),
        ("bad_code", "criteria.load.invalid",
         "sai dạng tại $.criteria[0].code: mã chỉ được gồm chữ không dấu, số, “_” và “.”"),
        ("not_nfc", "criteria.load.not_nfc", "văn bản “text” chưa chuẩn hóa Unicode NFC (tại $.criteria[0].text)"),
        ("bad_date", "criteria.load.invalid", "ngày không hợp lệ tại $.effective_from: cần một ngày YYYY-MM-DD"),
        ("dates_reversed", "criteria.load.dates_reversed", "hết hiệu lực đứng trước"),
        ("bad_award_form", "criteria.load.invalid", "giá trị không được phép tại $.award_form ('bang_khen')"),
        ("id_mismatch", "criteria.load.id_mismatch", "khác tên tệp"),
        ("unknown_source", "criteria.load.unknown_source",
         "$.criteria[1].children[1].children[0].citation: văn bản “luat_khong_co” không có"),
    ],
)
def test_validator_names_file_and_problem(crit_dir, how, code, fragment):
    name = "bang_khen_tinh.ca_nhan.cong_trang.json"
    _save(crit_dir / name, _mutate(_load(crit_dir / name), how))

    cat = load_catalog(crit_dir)

    assert "bang_khen_tinh.ca_nhan.cong_trang" not in cat.sets
    assert len(cat.sets) == len(EXPECTED_SETS) - 1
    problems = [p for p in cat.problems if p.file == name]
    assert code in [p.code for p in problems], [p.text for p in problems]
    text = next(p.text for p in problems if p.code == code)
    assert text.startswith(f"Tệp tiêu chuẩn {name}: ")
    assert fragment in text


def test_checks_after_decoding_collect_every_problem_of_a_file(crit_dir):
    name = "bang_khen_tinh.ca_nhan.cong_trang.json"
    data = _load(crit_dir / name)
    for how in ("unknown_rule", "duplicate_code", "dates_reversed", "not_nfc", "id_mismatch", "unknown_source"):
        data = _mutate(data, how)
    data["criteria"][0]["not_applicable_allowed"] = True  # fine: a judgement
    data["criteria"][1]["not_applicable_allowed"] = True  # a group may not
    with pytest.raises(CriteriaFileError) as info:
        parse_criteria_set(data, name, expected_id="bang_khen_tinh.ca_nhan.cong_trang")
    assert [p.code for p in info.value.problems] == [
        "criteria.load.not_nfc", "criteria.load.id_mismatch", "criteria.load.dates_reversed",
        "criteria.load.duplicate_code", "criteria.load.na_only_judgement", "criteria.load.unknown_rule",
        "criteria.load.unknown_source",
    ]
    assert isinstance(info.value, UserError)
    assert str(info.value).startswith(f"Tệp tiêu chuẩn {name}: ")


def test_a_type_error_stops_decoding_and_is_reported_alone(crit_dir):
    # msgspec stops at the first type error (schema.py says so): the rule's problem is found once the type is fixed.
    name = "bang_khen_tinh.ca_nhan.cong_trang.json"
    data = _mutate(_mutate(_load(crit_dir / name), "unknown_rule"), "wrong_type")
    with pytest.raises(CriteriaFileError) as info:
        parse_criteria_set(data, name)
    assert [(p.code, p.params["where"]) for p in info.value.problems] == [("criteria.load.invalid", "$.version")]
    data["version"] = 2
    with pytest.raises(CriteriaFileError) as info:
        parse_criteria_set(data, name)
    assert [p.code for p in info.value.problems] == ["criteria.load.unknown_rule"]


def test_snapshot_with_a_wrong_type_is_refused_with_its_place(catalog):
    snap = catalog.sets["giay_khen.tap_the"].snapshot()
    snap["criteria"][0]["help"] = 5
    with pytest.raises(CriteriaFileError) as info:
        criteria_set_from_snapshot(snap)
    assert info.value.file == "<bản lưu>"
    assert str(info.value) == ("Tệp tiêu chuẩn <bản lưu>: sai kiểu dữ liệu tại $.criteria[0].help: "
                               "cần một chuỗi chữ, gặp một số nguyên")


@pytest.mark.parametrize("how, fragment", [
    (lambda d: d["principles"][0].update(flag="under_arrest"),
     "giá trị không được phép tại $.principles[0].flag ('under_arrest')"),
    (lambda d: d["council"].update(collective_women_share_min_percent=170),
     "giá trị ngoài giới hạn tại $.council.collective_women_share_min_percent: cần một số ≤ 100"),
    (lambda d: d["council"]["thresholds_percent"].update(bang_khen_chu_tich_tinh=60),
     "giá trị không được phép tại một khóa của $.council.thresholds_percent ('bang_khen_chu_tich_tinh')"),
    (lambda d: d["council"]["thresholds_percent"].update(giay_khen=0),
     "giá trị ngoài giới hạn tại $.council.thresholds_percent[...]: cần một số > 0"),
    (lambda d: d.update(principles=[]), "độ dài không hợp lệ tại $.principles: cần ít nhất 1 phần tử"),
    (lambda d: d["principles"][1].update(code=d["principles"][0]["code"]),
     "mã tiêu chí “dang_bi_ky_luat” bị trùng (tại $.principles[1].code; đã dùng ở $.principles[0].code)"),
])
def test_broken_common_file_names_the_place(crit_dir, how, fragment):
    data = _load(crit_dir / "common.json")
    how(data)
    _save(crit_dir / "common.json", data)
    cat = load_catalog(crit_dir)
    assert cat.common is None and set(cat.sets) == EXPECTED_SETS
    (problem,) = cat.problems
    assert problem.file == "common.json"
    assert problem.text.startswith("Tệp tiêu chuẩn common.json: ")
    assert fragment in problem.text, problem.text


def test_council_percentages_become_exact_fractions(crit_dir):
    data = _load(crit_dir / "common.json")
    data["council"]["thresholds_percent"]["giay_khen"] = 66.67
    _save(crit_dir / "common.json", data)
    council = load_catalog(crit_dir).common.council
    assert council.threshold_for("giay_khen") == Fraction(6667, 10000)
    assert council.threshold_for("bang_khen_tinh") is None
    assert council.collective_women_share_min == Fraction(7, 10)


def test_not_json_numbers_and_huge_or_deep_files_are_reported_not_raised(crit_dir):
    path = crit_dir / "giay_khen.ca_nhan.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"version": ', '"version": NaN, "x": ', 1), encoding="utf-8")
    (crit_dir / "giay_khen.tap_the.json").write_bytes(b"[" * 200_000 + b"]" * 200_000)
    (crit_dir / "bang_khen_tinh.ca_nhan.cong_trang.json").write_bytes(b" " * (1 << 20) + b"{}")
    cat = load_catalog(crit_dir)
    by_file = {p.file: p for p in cat.problems}
    assert by_file["giay_khen.ca_nhan.json"].code == "criteria.load.not_a_number"
    assert "“NaN” không phải là một số JSON" in by_file["giay_khen.ca_nhan.json"].text
    assert by_file["giay_khen.tap_the.json"].code == "criteria.load.too_deep"
    assert by_file["bang_khen_tinh.ca_nhan.cong_trang.json"].code == "criteria.load.too_big"
    assert set(cat.sets) == EXPECTED_SETS - {"giay_khen.ca_nhan", "giay_khen.tap_the", "bang_khen_tinh.ca_nhan.cong_trang"}


def test_duplicate_json_key_is_refused(crit_dir):
    path = crit_dir / "giay_khen.tap_the.json"
    text = path.read_text(encoding="utf-8").replace('"version": 2,', '"version": 2, "version": 3,', 1)
    path.write_text(text, encoding="utf-8")
    cat = load_catalog(crit_dir)
    assert "giay_khen.tap_the" not in cat.sets
    assert [p.code for p in cat.problems] == ["criteria.load.duplicate_key"]


def test_code_unknown_to_the_vocabulary_is_refused(crit_dir):
    name = "bang_khen_tinh.ca_nhan.cong_trang.json"
    data = _load(crit_dir / name)
    data["criteria"][1]["children"][0]["params"]["title"] = "CSTDSC"  # typo
    _save(crit_dir / name, data)
    cat = load_catalog(crit_dir)
    assert "bang_khen_tinh.ca_nhan.cong_trang" not in cat.sets
    (problem,) = cat.problems
    assert problem.code == "criteria.load.unknown_award_code"
    assert "“CSTDSC”" in problem.text
    assert "common.json" not in problem.text  # the codes are no longer declared there


def test_any_title_code_of_the_vocabulary_is_accepted(crit_dir):
    # "Thôn, tổ dân phố văn hóa" was never in the old common.json labels; the vocabulary knows it.
    name = "bang_khen_tinh.ca_nhan.cong_trang.json"
    data = _load(crit_dir / name)
    data["criteria"][1]["children"][0]["params"]["title"] = "THON_VH"
    _save(crit_dir / name, data)
    cat = load_catalog(crit_dir)
    assert cat.problems == ()
    assert cat.sets["bang_khen_tinh.ca_nhan.cong_trang"].criterion("cstdcs_02_lan").params["title"] == "THON_VH"


def test_common_file_has_no_labels_names_come_from_the_vocabulary(catalog):
    data = _load(CRITERIA_DIR / "common.json")
    assert "labels" not in data and "award_types" not in data
    common = catalog.common
    assert set(common.labels) == set(AWARD_CODES_BY_CATEGORY)
    for category, terms in AWARD_CODES_BY_CATEGORY.items():
        assert {code: (label.short, label.name) for code, label in common.labels[category].items()} == \
            {t.code: (t.short_name, t.name) for t in terms}
    assert common.label("danh_hieu", "CSTDCS") == "CSTĐCS"
    assert common.label("xep_loai", "HTXSNV") == "HTXSNV"
    assert common.label("danh_hieu", "KHONG_CO") == "KHONG_CO"
    assert common.knows("hinh_thuc", "giay_khen") and not common.knows("hinh_thuc", "GIAY_KHEN")
    assert common.award_type_names == {t.code: t.name for t in COMMENDATION_TYPES}


def test_old_common_file_with_labels_is_reported(crit_dir):
    data = _load(crit_dir / "common.json")
    data["labels"] = {"danh_hieu": {"LDTT": {"short": "LĐTT", "name": "Lao động tiên tiến"}}}
    _save(crit_dir / "common.json", data)
    cat = load_catalog(crit_dir)
    assert cat.common is None
    assert [(p.file, p.code) for p in cat.problems] == [("common.json", "criteria.load.invalid")]
    assert "có trường lạ 'labels' tại $" in cat.problems[0].text


def test_council_thresholds_name_the_award_forms_by_their_codes(catalog):
    thresholds = catalog.common.council.thresholds
    # threshold_for() of a misspelt form is silently "no threshold": every nominated form must be listed.
    assert set(NOMINATION_FORMS) <= set(thresholds)
    assert "bang_khen_chu_tich_tinh" not in thresholds


def test_broken_common_file_keeps_sets_but_never_says_eligible(crit_dir):
    data = _load(crit_dir / "common.json")
    data["principles"][0]["flag"] = "under_arrest"
    _save(crit_dir / "common.json", data)
    cat = load_catalog(crit_dir)
    assert cat.common is None
    assert set(cat.sets) == EXPECTED_SETS
    assert [p.file for p in cat.problems] == ["common.json"]
    s = cat.sets["giay_khen.ca_nhan"]
    from desktop_app.core.nominations.criteria import Answer

    answers = {c.code: Answer("met", evidence_ids=(1,)) for c in s.walk() if c.answerable}
    flags = {"under_discipline": False, "under_inspection": False, "under_complaint": False}
    result = evaluate(s, ParticipantRecord("individual", flags), answers, cat.common)
    assert result.verdict == "incomplete"
    assert [r.kind for r in result.reasons] == ["no_principles"]


def test_missing_directory_entry_for_common(crit_dir):
    (crit_dir / "common.json").unlink()
    cat = load_catalog(crit_dir)
    assert cat.common is None and len(cat.sets) == len(EXPECTED_SETS)
    assert cat.problems[0].code == "criteria.load.common_missing"


def test_catalog_get_unknown_set_is_user_error(catalog):
    with pytest.raises(UserError) as info:
        catalog.get("bang_khen_tinh.ca_nhan.khong_co")
    assert "Không tìm thấy bộ tiêu chuẩn" in str(info.value)


def test_every_message_code_used_has_a_vietnamese_text():
    messages = json.loads((REPO / "resources/messages/criteria.json").read_text(encoding="utf-8"))
    sources = list((REPO / "desktop_app/core/nominations/criteria").glob("*.py")) + [REPO / "desktop_app/core/nominations/council.py"]
    used = set()
    for path in sources:
        used |= set(re.findall(r'"((?:criteria|council)\.[a-z_]+(?:\.[a-z_]+)+)"', path.read_text(encoding="utf-8")))
    used |= {f"criteria.verdict.{v}" for v in ("eligible", "not_eligible", "incomplete")}
    used |= {f"criteria.kind.{k}" for k in ("individual", "collective")}
    assert len(used) > 60
    missing = sorted(code for code in used if code not in messages)
    assert missing == []
    assert all(k.startswith(("criteria.", "council.")) for k in messages)


def test_core_modules_do_not_import_qt():
    code = (
        "import sys; import desktop_app.core.nominations.criteria, desktop_app.core.nominations.council; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_snapshots_saved_by_older_releases_read_back_as_the_hand_checker_read_them():
    # The golden file was written by the hand-written checker this decoder replaced, from the same stored snapshots.
    golden = json.loads((REPO / "tests/data/criteria/snapshots-read-by-the-hand-checker.json").read_text("utf-8"))
    seen = {}
    for db in sorted((REPO / "tests/data/schema").glob("*.sqlite3")):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            tables = {name for (name,) in con.execute("select name from sqlite_master where type = 'table'")}
            rows = con.execute("select set_snapshot from checklist").fetchall() if "checklist" in tables else []
        finally:
            con.close()
        for (text,) in rows:
            key = hashlib.sha256(text.encode("utf-8")).hexdigest()
            try:
                seen[key] = repr(criteria_set_from_snapshot(json.loads(text)))
            except CriteriaFileError:
                seen[key] = "refused"
    assert seen == golden["snapshots"]
    assert sum(v != "refused" for v in seen.values()) == 2
