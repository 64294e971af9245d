"""Criteria files: every shipped file validates; broken files are reported by name and the rest still load."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import unicodedata
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


def _mutate(data: dict, how: str) -> dict:
    crit = data["criteria"]
    if how == "duplicate_code":
        crit[1]["code"] = crit[0]["code"]
    elif how == "unknown_rule":
        crit[1]["children"][0]["rule"] = "consecutive_medals"
    elif how == "missing_field":
        del crit[0]["text"]
    elif how == "wrong_type":
        data["version"] = "2"
    elif how == "bool_version":
        data["version"] = True
    elif how == "unknown_field":
        crit[0]["evidence_requried"] = True
    elif how == "bad_param":
        crit[1]["children"][0]["params"] = {"title": "CSTDCS", "count": 0}
    elif how == "unknown_param":
        crit[1]["children"][0]["params"]["years"] = 3
    elif how == "evidence_on_computed":
        crit[1]["children"][0]["evidence_required"] = True
    elif how == "bad_kind":
        crit[0]["kind"] = "yes_no"
    elif how == "empty_group":
        crit[1]["children"] = []
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
    else:  # pragma: no cover - test table typo
        raise AssertionError(how)
    return data


@pytest.mark.parametrize(
    "how, code, fragment",
    [
        ("duplicate_code", "criteria.load.duplicate_code", "mã tiêu chí “guong_mau” bị trùng"),
        ("unknown_rule", "criteria.load.unknown_rule", "quy tắc tính “consecutive_medals” không tồn tại"),
        ("missing_field", "criteria.load.missing_field", "thiếu trường “text”"),
        ("wrong_type", "criteria.load.wrong_type", "trường “version” phải là số nguyên"),
        ("bool_version", "criteria.load.wrong_type", "trường “version” phải là số nguyên"),
        ("unknown_field", "criteria.load.unknown_field", "trường “evidence_requried” không có trong định dạng"),
        ("bad_param", "criteria.load.bad_param", "tham số “count” của quy tắc “consecutive_titles”"),
        ("unknown_param", "criteria.load.unknown_param", "không có tham số “years”"),
        ("evidence_on_computed", "criteria.load.evidence_only_judgement", "yêu cầu minh chứng"),
        ("bad_kind", "criteria.load.bad_choice", "giá trị “yes_no” của trường “kind”"),
        ("empty_group", "criteria.load.group_needs_children", "ít nhất một tiêu chí con"),
        ("not_nfc", "criteria.load.not_nfc", "chưa chuẩn hóa Unicode NFC"),
        ("bad_date", "criteria.load.bad_date", "ngày “01/07/2025”"),
        ("dates_reversed", "criteria.load.dates_reversed", "hết hiệu lực đứng trước"),
        ("bad_award_form", "criteria.load.bad_choice", "“bang_khen” của trường “award_form”"),
        ("id_mismatch", "criteria.load.id_mismatch", "khác tên tệp"),
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


def test_validator_collects_every_problem_of_a_file(crit_dir):
    name = "bang_khen_tinh.ca_nhan.cong_trang.json"
    data = _mutate(_mutate(_load(crit_dir / name), "unknown_rule"), "wrong_type")
    with pytest.raises(CriteriaFileError) as info:
        parse_criteria_set(data, name)
    codes = {p.code for p in info.value.problems}
    assert {"criteria.load.unknown_rule", "criteria.load.wrong_type"} <= codes
    assert isinstance(info.value, UserError)
    assert str(info.value).startswith(f"Tệp tiêu chuẩn {name}: ")


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
    assert [(p.file, p.code) for p in cat.problems] == [("common.json", "criteria.load.unknown_field")]
    assert "“labels”" in cat.problems[0].text


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
