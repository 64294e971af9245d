"""The province's rules as a separate, signed, optional layer: import with the fingerprint checked, thresholds and
criteria from the pack, the provincial regulation cited only when a pack is imported; the national data alone
otherwise."""
from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.errors import UserError
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import checklists, rounds, rules_pack
from desktop_app.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = resource_path("rules_packs", "tinh_mau_gia_dinh.json")
SAMPLE_FP = "84c4d2ee436b1a96f0a55d274d9a4db065c3f1c65b1e731b7477ee4957202268"
sys.path.insert(0, str(ROOT / "tools"))
from sign_rules_pack import sign  # noqa: E402


def test_the_sample_is_signed_and_clearly_fictitious():
    pack = rules_pack.read_pack_file(SAMPLE)
    assert pack.fictitious and "GIẢ ĐỊNH" in pack.label and pack.fingerprint == SAMPLE_FP
    assert pack.thresholds == {"bang_khen_tinh": Fraction(3, 5), "giay_khen": Fraction(3, 5)}
    assert [s["id"] for s in pack.criteria_sets] == ["tinh.bang_khen_tinh.ca_nhan.cong_trang"]


def test_first_import_needs_the_fingerprint_compared_on_paper(session, commune):
    with pytest.raises(UserError) as e:
        rules_pack.import_pack(session, SAMPLE)
    assert e.value.code == "rules_pack.confirm_fingerprint" and format_fingerprint(SAMPLE_FP) in str(e.value)
    with pytest.raises(UserError) as e:
        rules_pack.import_pack(session, SAMPLE, trust_fingerprint="00" * 32)
    assert e.value.code == "rules_pack.fingerprint_mismatch"
    assert rules_pack.current_pack(session) is None
    pack = rules_pack.import_pack(session, SAMPLE, trust_fingerprint=format_fingerprint(SAMPLE_FP))
    assert rules_pack.current_pack(session).version == pack.version == 1
    # The same key's next pack is imported at once; an older version is refused.
    rules_pack.import_pack(session, SAMPLE)


def test_a_changed_pack_or_another_key_is_refused(session, commune, tmp_path):
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    raw["pack"]["council"]["thresholds_percent"]["bang_khen_tinh"] = 10      # edited after signing
    changed = tmp_path / "sua.json"
    changed.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as e:
        rules_pack.import_pack(session, changed, trust_fingerprint=SAMPLE_FP)
    assert e.value.code == "rules_pack.bad_signature"
    rules_pack.import_pack(session, SAMPLE, trust_fingerprint=SAMPLE_FP)
    other = tmp_path / "khac.json"
    other.write_text(json.dumps(sign(raw["pack"], Ed25519PrivateKey.generate()), ensure_ascii=False),
                     encoding="utf-8")
    with pytest.raises(UserError) as e:                     # signed by another key: the officer must check again
        rules_pack.import_pack(session, other)
    assert e.value.code == "rules_pack.confirm_fingerprint"


def test_without_a_pack_only_national_rules_and_no_provincial_citation(session, demo_commune):
    r = rounds.find_round(session, 1)
    assert rounds.threshold_for(r, rounds.BANG_KHEN, session) is None
    assert "tinh.bang_khen_tinh.ca_nhan.cong_trang" not in checklists.catalog_for(session).sets
    files = dossier.round_documents(session, r.id, issue=False, formats=("pdf",))
    text = _text(files, "01_To_trinh")
    assert "MAU-01/2025" not in text and "Quyết định số" not in text.split("Căn cứ Kế hoạch")[0]


def test_with_the_pack_thresholds_criteria_and_citations_come_from_it(session, demo_commune):
    rules_pack.import_pack(session, SAMPLE, trust_fingerprint=SAMPLE_FP)
    r = rounds.find_round(session, 1)
    assert rounds.threshold_for(r, rounds.BANG_KHEN, session) == Fraction(3, 5)
    cat = checklists.catalog_for(session)
    s = cat.get("tinh.bang_khen_tinh.ca_nhan.cong_trang")
    cited = [c.citation for c in s.walk()]
    assert any("MAU-01/2025/QĐ-UBND" in c and "Tỉnh Mẫu (giả định), phiên bản 1" in c for c in cited)
    assert any("Luật Thi đua, khen thưởng số 06/2022/QH15" in c for c in cited)   # the national layer stays
    text = _text(dossier.round_documents(session, r.id, issue=False, formats=("pdf",)), "01_To_trinh")
    assert "Căn cứ Quyết định số MAU-01/2025/QĐ-UBND ngày 01 tháng 8 năm 2025 của Ủy ban nhân dân Tỉnh Mẫu" in text
    meeting = rounds.meeting_of(session, r.id).held_on
    [line] = rules_pack.deadline_lines(rules_pack.current_pack(session), meeting)
    assert "Hồ sơ đề nghị Bằng khen" in line and "Điều 9 (giả định)" in line
    rules_pack.remove_pack(session)
    assert rounds.threshold_for(r, rounds.BANG_KHEN, session) is None


def test_cli_import_rules(tmp_path):
    data = tmp_path / "data"
    run = lambda *a: subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, a), "--data-dir", str(data)],
                                    capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run("demo").returncode == 0
    first = run("import-rules", SAMPLE)
    assert first.returncode == 3 and "84C4 D2EE" in first.stderr
    done = run("import-rules", SAMPLE, "--trust-fingerprint", format_fingerprint(SAMPLE_FP))
    assert done.returncode == 0, done.stderr
    assert "Tỉnh Mẫu (giả định)" in done.stdout and "MAU-01/2025/QĐ-UBND" in done.stdout


@pytest.fixture
def demo_commune(session):
    from desktop_app.core.demo import create_demo_commune
    return create_demo_commune(session)


def _text(files, stem):
    data = dict(files)[f"{stem}.pdf"]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", "-", "-"], input=data, capture_output=True,
                         check=True, timeout=60).stdout.decode("utf-8")
    return " ".join(out.split())


def test_hostile_pack_files_are_refused_without_loading_them(session, commune, tmp_path):
    """A rules pack from a stick gets the defences of the packets: a huge file is not read into memory, deep nesting
    does not crash the parser, a signature over other bytes is refused."""
    import time

    huge = tmp_path / "huge.json"
    with open(huge, "wb") as fh:       # 3 GB on paper, nothing on disk (sparse)
        fh.truncate(3 * 1024 ** 3)
    started = time.perf_counter()
    with pytest.raises(UserError, match="quá lớn|lớn quá"):
        rules_pack.import_pack(session, huge)
    assert time.perf_counter() - started < 5
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    with pytest.raises(UserError) as error:
        rules_pack.import_pack(session, deep)
    assert error.value.code == "rules_pack.not_a_pack"
    for content in (b"", b"\xff\xfe", b"null", b"[]", b'{"format": 1}'):
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        with pytest.raises(UserError):
            rules_pack.import_pack(session, bad)


@pytest.mark.parametrize("change, where", [
    (lambda p: p["regulation"].__setitem__("date", "01/08/2025"), "$.pack.regulation.date"),
    (lambda p: p.__setitem__("version", "2"), "$.pack.version"),
    (lambda p: p.__setitem__("version", 0), "$.pack.version"),
    (lambda p: p["council"]["thresholds_percent"].__setitem__("bang_khen_chu_tich", 60),
     "$.pack.council.thresholds_percent"),
    (lambda p: p["council"]["thresholds_percent"].__setitem__("giay_khen", 150), "$.pack.council.thresholds_percent"),
    (lambda p: p["deadlines"][0].__setitem__("days_after_meeting", -3), "$.pack.deadlines[0].days_after_meeting"),
    (lambda p: p["deadlines"][0].pop("what"), "$.pack.deadlines[0]"),
    (lambda p: p.__setitem__("thresholds", {}), "$.pack"),                  # an unknown field (a misplaced key)
    (lambda p: p.__setitem__("id", "tinh.mau\n"), "$.pack.id"),
    (lambda p: p.__setitem__("criteria_sets", {"id": "tinh.x"}), "$.pack.criteria_sets"),
    (lambda p: p.__setitem__("province", ""), "$.pack.province"),
])
def test_a_signed_pack_of_the_wrong_shape_is_refused_with_the_place_named(session, commune, tmp_path, change, where):
    """Typed decoding (issue 9): a pack signed by the province's key but not of the declared format is refused
    before anything is kept, with one Vietnamese sentence naming the place in the file."""
    raw = json.loads(SAMPLE.read_text(encoding="utf-8"))
    change(raw["pack"])
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps(sign(raw["pack"], Ed25519PrivateKey.generate()), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as e:
        rules_pack.import_pack(session, bad)
    assert e.value.code == "rules_pack.invalid", e.value
    assert where in str(e.value) and "Gói quy định bị lỗi" in str(e.value), str(e.value)
    assert "Expected" not in str(e.value) and "Object" not in str(e.value)   # no msgspec English
