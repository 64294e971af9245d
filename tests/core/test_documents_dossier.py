"""The dossier of a round: which files, ASCII names, progress and cancel; templates and messages as data."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from desktop_app.core.documents import ascii_name, build_dossier, compose_bien_ban, compose_to_trinh, load_template_set
from desktop_app.core.documents.samples import GIAY_KHEN, sample_dossier
from desktop_app.core.errors import UserCancelled, UserError, message_text
from desktop_app.core.resources import resource_path


@pytest.fixture(scope="module")
def files():
    return build_dossier(sample_dossier(), invariant=True)


def test_dossier_contains_every_document_in_both_formats(files):
    names = [n for n, _ in files]
    stems = sorted({n.rsplit(".", 1)[0] for n in names})
    assert stems == [
        "01_To_trinh", "02_Danh_sach",
        "03_Bao_cao_thanh_tich_01_Thon_Na_Lang",
        "03_Bao_cao_thanh_tich_02_To_cong_nghe_so_cong_dong_thon_Ban_Pjac",
        "03_Bao_cao_thanh_tich_03_Nguyen_Van_Duc",
        "03_Bao_cao_thanh_tich_04_Ha_Thi_Ngoc_Anh",
        "03_Bao_cao_thanh_tich_05_Trieu_Thi_Mai",
        "04_Bien_ban_hop_Hoi_dong", "05_Quyet_dinh_tang_Giay_khen", "06_Danh_sach_kem_theo_Quyet_dinh",
        "07_Danh_sach_chi_tien_thuong",
    ]
    for stem in stems:
        assert f"{stem}.pdf" in names and f"{stem}.docx" in names
    for name, data in files:
        assert re.fullmatch(r"[0-9A-Za-z_]+\.(pdf|docx)", name)
        assert data.startswith(b"%PDF-" if name.endswith(".pdf") else b"PK")


def test_ascii_names():
    assert ascii_name("Nguyễn Văn Đức") == "Nguyen_Van_Duc"
    assert ascii_name("Hà Thị Ngọc Ánh") == "Ha_Thi_Ngoc_Anh"
    assert ascii_name("Tổ công nghệ số (thôn Bản Pjạc)") == "To_cong_nghe_so_thon_Ban_Pjac"
    assert ascii_name("???") == "x"


def test_only_proposals_without_decision():
    d = replace(sample_dossier(), decision=None)
    d = replace(d, nominees=tuple(n for n in d.nominees if not n.award_form.decided_here))
    stems = {n.rsplit(".", 1)[0] for n, _ in build_dossier(d, formats=("pdf",), invariant=True)}
    assert "01_To_trinh" in stems and not any("Quyet_dinh" in s for s in stems)


def test_commune_only_round_has_no_to_trinh():
    d = sample_dossier()
    d = replace(d, nominees=tuple(replace(n, award_form=GIAY_KHEN) for n in d.nominees),
                decision=replace(d.decision, awardee_keys=tuple(n.key for n in d.nominees)))
    stems = [n.rsplit(".", 1)[0] for n, _ in build_dossier(d, formats=("pdf",), invariant=True)]
    assert stems[0] == "01_Bien_ban_hop_Hoi_dong"
    assert not any("To_trinh" in s for s in stems)
    assert stems[-1].endswith("_Phieu_gui")        # sent up with a covering letter instead of a Tờ trình
    assert "03_Quyet_dinh_tang_Giay_khen" in stems


def test_progress_reports_every_file_and_the_end():
    calls = []
    out = build_dossier(sample_dossier(), formats=("pdf",), progress=lambda *a: calls.append(a), invariant=True)
    total = len(out)
    assert calls[0] == (0, total, "01_To_trinh.pdf")
    assert calls[-1] == (total, total, "")
    assert [c[0] for c in calls] == list(range(total + 1))


def test_cancel_stops_with_user_cancelled():
    seen = []

    def cancelled():
        return len(seen) >= 3

    with pytest.raises(UserCancelled):
        build_dossier(sample_dossier(), formats=("pdf",), progress=lambda *a: seen.append(a), cancelled=cancelled)
    assert len(seen) == 3


def test_missing_meeting_and_decision_are_user_errors():
    d = replace(sample_dossier(), meeting=None)
    with pytest.raises(UserError) as e:
        compose_bien_ban(d, load_template_set())
    assert e.value.code == "documents.no_meeting"
    stems = {n for n, _ in build_dossier(d, formats=("pdf",), invariant=True)}
    assert not any("Bien_ban" in s for s in stems)
    empty = replace(sample_dossier(), nominees=())
    with pytest.raises(UserError) as e:
        compose_to_trinh(empty, load_template_set())
    assert e.value.code == "documents.no_nominees"


def test_template_set_is_data(tmp_path):
    src = json.loads(resource_path("templates", "chuyen_de_nd152_2025.json").read_text(encoding="utf-8"))
    src["documents"]["to_trinh"]["kind"] = "TỜ TRÌNH THỬ"
    src["documents"]["to_trinh"]["legal"] = ["luat_tdkt_2022"]   # căn cứ are registry keys, not typed text
    (tmp_path / "thu.json").write_text(json.dumps(src, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "layout_nd30_2020.json").write_text(
        resource_path("templates", "layout_nd30_2020.json").read_text(encoding="utf-8"), encoding="utf-8")
    t = load_template_set("thu", root=tmp_path)
    lines = compose_to_trinh(sample_dossier(), t).plain_lines()
    assert "TỜ TRÌNH THỬ" in lines
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;" in lines
    assert not any("152/2025" in line for line in lines)
    # A repealed decree is refused on a document dated after its repeal.
    src["documents"]["to_trinh"]["legal"] = ["nd_98_2023"]
    (tmp_path / "cu.json").write_text(json.dumps(src, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as e:
        compose_to_trinh(sample_dossier(), load_template_set("cu", root=tmp_path))
    assert e.value.code == "legal.not_in_force" and "98/2023" in str(e.value)


def test_bad_templates_are_user_errors(tmp_path):
    with pytest.raises(UserError) as e:
        load_template_set("khong_co", root=tmp_path)
    assert e.value.code == "documents.template_missing"
    (tmp_path / "hong.json").write_text("{", encoding="utf-8")
    with pytest.raises(UserError) as e:
        load_template_set("hong", root=tmp_path)
    assert e.value.code == "documents.template_invalid"
    src = json.loads(resource_path("templates", "chuyen_de_nd152_2025.json").read_text(encoding="utf-8"))
    src["documents"]["to_trinh"]["body"].append("{khong_ton_tai}")
    (tmp_path / "sai.json").write_text(json.dumps(src, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "layout_nd30_2020.json").write_text(
        resource_path("templates", "layout_nd30_2020.json").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UserError) as e:
        compose_to_trinh(sample_dossier(), load_template_set("sai", root=tmp_path))
    assert e.value.code == "documents.template_placeholder" and "khong_ton_tai" in str(e.value)


def test_every_documents_code_has_a_vietnamese_message():
    src = "\n".join(p.read_text(encoding="utf-8")
                    for p in resource_path("..", "desktop_app", "core", "documents").resolve().glob("*.py"))
    codes = set(re.findall(r"\"(documents\.[a-z_]+)\"", src))
    assert codes
    for code in codes:
        assert message_text(code) != code, code
