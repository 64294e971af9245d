"""A round from the database → dossier inputs, persistent numbers, real PDFs read back, files on disk, CLI."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import hashlib

import peewee as pw
import pytest

from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import rounds
from desktop_app.core.register.achievements import save_achievement
from desktop_app.core.register.campaigns import content_text
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage.models import Award, Campaign, DocumentNumber, IssuedDocument

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = {
    "Thôn Nà Làng": {"kind": "collective", "category": "thon_ban", "name": "Thôn Nà Làng",
                     "address": "Thôn Nà Làng, xã Thượng Quan", "head_name": "Lý Thị Pẻng", "member_count": "165",
                     "female_count": "88", "phone": "0209387012"},
    "Hà Thị Ngọc Ánh": {"kind": "individual", "category": "vien_chuc", "name": "Hà Thị Ngọc Ánh", "gender": "nu",
                        "birth_date": "14/04/1993", "position": "Viên chức Trạm Y tế",
                        "workplace": "Trạm Y tế xã Thượng Quan"},
    "Nguyễn Văn Đức": {"kind": "individual", "category": "cong_chuc", "name": "Nguyễn Văn Đức", "gender": "nam",
                       "birth_date": "12/03/1988", "position": "Công chức Văn hóa - Xã hội",
                       "workplace": "UBND xã Thượng Quan"},
    "Triệu Thị Mai": {"kind": "individual", "category": "nguoi_dan", "name": "Triệu Thị Mai", "gender": "nu",
                      "birth_date": "17/06/1979", "position": "Trưởng thôn", "workplace": "Thôn Khuổi Ỏn"},
}
# name → (award form, votes for, against): Đức is rejected by the council, Mai gets the commune's Giấy khen.
NOMINEES = [("Thôn Nà Làng", rounds.BANG_KHEN, 8, 0), ("Hà Thị Ngọc Ánh", rounds.BANG_KHEN, 6, 2),
            ("Nguyễn Văn Đức", rounds.BANG_KHEN, 3, 5), ("Triệu Thị Mai", rounds.GIAY_KHEN, 8, 0)]


@pytest.fixture
def people(session, commune):
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    made = {name: save_participant(session, dict(values)) for name, values in PEOPLE.items()}
    assert {p.commune_id for p in made.values()} == {commune.id}
    save_achievement(session, made["Hà Thị Ngọc Ánh"].id, {
        "campaign_id": campaign.id, "title": "Chuyển đổi số trong y tế cơ sở", "content_codes": ["ND3"],
        "description": "Triển khai khám chữa bệnh bằng căn cước công dân gắn chip.",
        "results": "96% người dân có hồ sơ sức khỏe điện tử.", "date_from": "01/01/2025", "date_to": "31/12/2025"})
    save_achievement(session, made["Thôn Nà Làng"].id, {
        "campaign_id": campaign.id, "title": "Phổ cập kỹ năng số cho người dân", "content_codes": ["ND1", "ND5"],
        "description": "Tổ công nghệ số cộng đồng đến từng hộ.", "results": "Hướng dẫn 412 hộ dân cài đặt VNeID.",
        "date_from": "01/03/2024", "date_to": "30/06/2025"})
    return made


def make_round(session, people, *, held_on=date(2026, 3, 12), decision: str | None = "07/QĐ-UBND"):
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    r = rounds.create_round(session, campaign.id, held_on)
    for name, form, *_ in NOMINEES:
        if form == rounds.GIAY_KHEN and decision is None:
            continue
        rounds.add_nominee(session, r.id, people[name].id, form, None, override_reason="Hội đồng thống nhất xét",
                           summary=f"Thành tích của {name}.")
    rounds.save_meeting(session, r.id, {"held_on": held_on, "start_time": "14:00", "end_time": "16h30",
                            "place": "Hội trường UBND xã Thượng Quan", "chair": "Hoàng Văn Thắng",
                            "secretary": "Triệu Thị Mai", "members_total": "9", "members_present": "8"})
    votes = {name: v for name, _, *v in NOMINEES}
    for n in rounds.nominees_of(session, r.id):
        rounds.set_votes(session, n.id, *votes[n.participant.name], 0)
    if decision is not None:
        rounds.record_decision(session, r.id, decision, held_on, "Hoàng Văn Thắng")
    return rounds.get_round(session, r.id)


def key_of(session, r, name) -> str:
    return next(str(n.id) for n in rounds.nominees_of(session, r.id) if n.participant.name == name)


def text_of(files, stem: str) -> str:
    data = next(d for n, d in files if n == f"{stem}.pdf")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", "-", "-"], input=data, capture_output=True,
                         check=True, timeout=60).stdout.decode("utf-8")
    return " ".join(out.split())


# --- inputs -----------------------------------------------------------------------------------------

def test_dossier_input_maps_commune_campaign_nominees_votes_and_decision(people, session):
    r = make_round(session, people)
    d = dossier.dossier_input(session, r.id, signer_fingerprint="ab12cd34" * 8)
    c = d.commune
    assert (c.name, c.body_lower, c.province) == ("xã Thượng Quan", "XÃ THƯỢNG QUAN", "tỉnh Thái Nguyên")
    assert (c.chairman, c.receiving_authority, c.number_suffix) == ("Hoàng Văn Thắng", "Sở Nội vụ tỉnh Thái Nguyên", "UBND")
    assert (d.campaign.number, d.campaign.document_kind, d.campaign.issued_on) == ("635/KH-UBND", "Kế hoạch", date(2022, 10, 10))
    assert d.signer_fingerprint == "SHA256:" + " ".join(["AB12 CD34"] * 8)  # grouped as on screen
    assert [n.name for n in d.nominees] == [name for name, *_ in NOMINEES]
    village, anh = d.nominee(key_of(session, r, "Thôn Nà Làng")), d.nominee(key_of(session, r, "Hà Thị Ngọc Ánh"))
    assert (village.kind, village.head_name, village.head_title, village.member_count, village.female_count) == \
        ("collective", "Lý Thị Pẻng", "TRƯỞNG THÔN", 165, 88)
    assert village.achievements[0].period == "từ 01/03/2024 đến 30/06/2025"
    assert (anh.gender, anh.birth_year, anh.position, anh.unit) == ("Nữ", 1993, "Viên chức Trạm Y tế",
                                                                     "Trạm Y tế xã Thượng Quan")
    assert anh.award_form.name == "Bằng khen của Chủ tịch UBND tỉnh" and not anh.award_form.decided_here
    assert anh.summary == "Thành tích của Hà Thị Ngọc Ánh."
    (a,) = anh.achievements
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    assert a.content == "Chuyển đổi số trong y tế cơ sở" and a.period == "năm 2025"
    assert a.contents == ("3",) and content_text(campaign, "ND3")      # the plan's content by its number
    assert a.measures == "Triển khai khám chữa bệnh bằng căn cước công dân gắn chip."
    assert a.results == "96% người dân có hồ sơ sức khỏe điện tử."
    m = d.meeting
    assert (m.held_on, m.members_total, m.members_present, m.start_time, m.end_time) == \
        (date(2026, 3, 12), 9, 8, "14 giờ 00", "16 giờ 30")
    duc = m.vote_for(key_of(session, r, "Nguyễn Văn Đức"))
    assert (duc.agree, duc.disagree, duc.passed, duc.result) == (3, 5, False, "Không đề nghị")
    assert m.vote_for(key_of(session, r, "Hà Thị Ngọc Ánh")).result == "Đề nghị khen thưởng"
    assert [n.name for n in d.proposed()] == ["Thôn Nà Làng", "Hà Thị Ngọc Ánh"]
    assert [n.name for n in d.reported()] == ["Thôn Nà Làng", "Hà Thị Ngọc Ánh", "Triệu Thị Mai"]
    assert d.decision.awardee_keys == (key_of(session, r, "Triệu Thị Mai"),)
    assert (d.round.submission_number, m.number, d.decision.number) == (None, None, None)
    assert dossier.missing_numbers(session, r.id) == ["bien_ban", "to_trinh", "quyet_dinh"]


def series(s: str, year: int) -> list[int]:
    return sorted(x.number for x in DocumentNumber.select().where(
        (DocumentNumber.series == s) & (DocumentNumber.year == year)))


@pytest.fixture
def fingerprint(session):
    from desktop_app.core.exchange.keys import create_key
    from desktop_app.core.register.communes import commune_code_of
    return create_key(session, commune_code_of(session.home_commune())).fingerprint


def states(session, r):
    return {s.code: s for s in dossier.document_states(session, r.id)}


def issue_all(session, r, fp, numbers=(1, 1, 7), on=date(2026, 3, 15)):
    bb = states(session, r)["bien_ban"]
    dossier.issue_document(session, r.id, "bien_ban", numbers[0], bb.fixed_date)
    dossier.issue_document(session, r.id, "to_trinh", numbers[1], on, signer_fingerprint=fp)
    dossier.issue_document(session, r.id, "quyet_dinh", numbers[2], on)


def test_drafts_carry_no_number_and_say_du_thao(people, session):
    r = make_round(session, people)
    files = dossier.round_documents(session, r.id, issue=False, formats=("pdf",))
    assert DocumentNumber.select().count() == 0
    assert dossier.missing_numbers(session, r.id) == ["bien_ban", "to_trinh", "quyet_dinh"]
    for stem in ("01_To_trinh", "04_Bien_ban_hop_Hoi_dong", "05_Quyet_dinh_tang_Giay_khen"):
        text = text_of(files, stem)
        assert "DỰ THẢO" in text, stem
    assert "Số: /TTr-UBND" in text_of(files, "01_To_trinh")
    # The Biên bản bears the meeting's date even as a draft; the Tờ trình has none until it is signed.
    assert "ngày tháng năm" in text_of(files, "01_To_trinh").replace("\u00a0", " ")
    # Drafts are made again freely and identically apart from the time they were made.
    again = dossier.round_documents(session, r.id, issue=False, formats=("pdf",))
    assert [n for n, _ in again] == [n for n, _ in files]


def test_issue_order_dates_and_fingerprint_follow_the_facts(people, session, fingerprint):
    r = make_round(session, people)
    s = states(session, r)
    assert s["to_trinh"].waiting_for == "bien_ban" and s["bien_ban"].fixed_date == date(2026, 3, 12)
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, r.id, "to_trinh", 1, date(2026, 3, 15), signer_fingerprint=fingerprint)
    assert err.value.code == "documents.issue_first"
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, r.id, "bien_ban", 1, date(2026, 3, 13))
    assert err.value.code == "documents.date_is_meeting"
    dossier.issue_document(session, r.id, "bien_ban", 4, date(2026, 3, 12))
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, r.id, "to_trinh", 1, date(2026, 3, 11), signer_fingerprint=fingerprint)
    assert err.value.code == "documents.date_before_meeting"
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, r.id, "to_trinh", 1, date(2099, 1, 1), signer_fingerprint=fingerprint)
    assert err.value.code == "documents.date_in_future"
    with pytest.raises(UserError) as err:                       # the cover document carries the key's fingerprint
        dossier.issue_document(session, r.id, "to_trinh", 1, date(2026, 3, 15))
    assert err.value.code == "documents.fingerprint_missing"
    dossier.issue_document(session, r.id, "to_trinh", 12, date(2026, 3, 15), signer_fingerprint=fingerprint)
    assert dossier.issued_numbers(session, r.id) == [("bien_ban", "04/BB-HĐTĐKT", date(2026, 3, 12)),
                                                     ("to_trinh", "12/TTr-UBND", date(2026, 3, 15))]
    files = dict(dossier.issued_files(session, r.id))
    to_trinh = text_of(list(files.items()), "01_To_trinh")
    assert "Số: 12/TTr-UBND" in to_trinh and "Thượng Quan, ngày 15 tháng 3 năm 2026" in to_trinh
    assert "Căn cứ Biên bản số 04/BB-HĐTĐKT ngày 12 tháng 3 năm 2026" in to_trinh
    assert "DỰ THẢO" not in to_trinh and "SHA256:" in to_trinh
    listing = text_of(list(files.items()), "02_Danh_sach")
    assert "Kèm theo Tờ trình số 12/TTr-UBND ngày 15 tháng 3 năm 2026" in listing
    minutes = text_of(list(files.items()), "04_Bien_ban_hop_Hoi_dong")
    assert "Số: 04/BB-HĐTĐKT" in minutes and "Thời gian bắt đầu: 14 giờ 00, ngày 12 tháng 3 năm 2026" in minutes
    assert "CHỦ TỌA" in minutes and "THƯ KÝ" in minutes and "Nơi nhận:" in minutes
    assert "có mặt 8/9 thành viên, vắng mặt 1 thành viên" in minutes


def test_numbers_are_unique_per_series_and_year_in_the_database(people, session, fingerprint):
    a = make_round(session, people, held_on=date(2026, 3, 12), decision=None)
    b = make_round(session, people, held_on=date(2026, 3, 13), decision=None)
    dossier.issue_document(session, a.id, "bien_ban", 5, date(2026, 3, 12))
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, b.id, "bien_ban", 5, date(2026, 3, 13))
    assert err.value.code == "documents.number_taken" and "05/BB-HĐTĐKT" in str(err.value)
    # The database itself refuses a second use, whatever the code path.
    with pytest.raises(pw.IntegrityError):
        with session.write():
            DocumentNumber.create(commune=session.home_commune(), series="BB-HĐTĐKT", year=2026, number=5,
                                  issued_at="x")
    dossier.issue_document(session, b.id, "bien_ban", 6, date(2026, 3, 13))
    assert series("BB-HĐTĐKT", 2026) == [5, 6]


def test_the_app_keeps_the_register_from_the_number_the_officer_sets(people, session, fingerprint):
    a = make_round(session, people, decision=None)
    assert states(session, a)["bien_ban"].proposed_number is None           # typed by default (văn thư's number)
    dossier.save_document_settings(session, {"register_by_app": True,
                                             "register_start": {"BB-HĐTĐKT": {"2026": 41}}})
    assert states(session, a)["bien_ban"].proposed_number == 41              # continues the real register
    dossier.issue_document(session, a.id, "bien_ban", 41, date(2026, 3, 12))
    b = make_round(session, people, decision=None)
    assert states(session, b)["bien_ban"].proposed_number == 42


def test_issued_files_are_frozen_and_reprint_the_same_bytes(people, session, fingerprint):
    r = make_round(session, people)
    issue_all(session, r, fingerprint)
    first = dossier.issued_files(session, r.id)
    assert len(first) == 18 and {n.rsplit(".", 1)[1] for n, _ in first} == {"pdf", "docx"}
    assert sorted(dossier.round_documents(session, r.id)) == sorted(first)   # reprint: the same bytes
    assert dossier.issued_files(session, r.id) == first
    row = IssuedDocument.get(IssuedDocument.round == r.id, IssuedDocument.code == "to_trinh")
    folder = session.paths.documents_dir / row.folder
    for f in row.files:
        assert hashlib.sha256((folder / f["name"]).read_bytes()).hexdigest() == f["sha256"]
    (folder / "02_Danh_sach.pdf").write_bytes(b"%PDF-1.4 changed")
    with pytest.raises(UserError) as err:
        dossier.round_documents(session, r.id)
    assert err.value.code == "documents.issued_file_changed"


def test_editing_after_issue_is_refused_and_a_correction_replaces_with_new_numbers(people, session, fingerprint):
    r = make_round(session, people)
    issue_all(session, r, fingerprint, numbers=(3, 9, 7))
    nominee = rounds.nominees_of(session, r.id)[0]
    with pytest.raises(UserError) as err:
        rounds.set_summary(session, nominee.id, "Sửa sau khi ban hành")
    assert err.value.code == "rounds.locked_by_document"
    assert "03/BB-HĐTĐKT" in str(err.value) and "bản điều chỉnh" in str(err.value)
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, r.id, "to_trinh", 10, date(2026, 3, 16), signer_fingerprint=fingerprint)
    assert err.value.code == "documents.already_issued"
    v2 = rounds.new_version(session, r.id, "Sửa tóm tắt thành tích")
    rounds.set_summary(session, rounds.nominees_of(session, v2.id)[0].id, "Tóm tắt đã sửa.")
    s = states(session, v2)
    assert not any(x.issued for x in s.values())
    assert s["to_trinh"].replaces == "09/TTr-UBND ngày 15/03/2026"
    with pytest.raises(UserError) as err:                         # never the old number again
        dossier.issue_document(session, v2.id, "bien_ban", 3, date(2026, 3, 12))
    assert err.value.code == "documents.number_taken"
    issue_all(session, v2, fingerprint, numbers=(4, 10, 8), on=date(2026, 3, 18))
    files = dossier.round_documents(session, v2.id, formats=("pdf",))
    to_trinh = text_of(files, "01_To_trinh")
    assert "Số: 10/TTr-UBND" in to_trinh
    assert "Tờ trình này thay thế Tờ trình số 09/TTr-UBND ngày 15 tháng 3 năm 2026" in to_trinh
    assert "Sửa tóm tắt thành tích" in to_trinh
    assert "Biên bản này thay thế Biên bản số 03/BB-HĐTĐKT" in text_of(files, "04_Bien_ban_hop_Hoi_dong")
    new = IssuedDocument.get(IssuedDocument.round == v2.id, IssuedDocument.code == "to_trinh")
    assert new.replaces.number == 9 and new.replaces.round_id == r.id   # both stay in the history
    assert dossier.issued_numbers(session, r.id)[1][1] == "09/TTr-UBND"


def test_decision_carries_prize_money_and_its_payout_list(people, session, fingerprint):
    r = make_round(session, people)
    dossier.save_document_settings(session, {"base_salary": 2_340_000, "executors": "Văn phòng Ủy ban nhân dân xã"})
    issue_all(session, r, fingerprint)
    files = dossier.round_documents(session, r.id, formats=("pdf",))
    decision = text_of(files, "05_Quyet_dinh_tang_Giay_khen")
    assert "Số: 07/QĐ-UBND" in decision and "Tặng Giấy khen cho 01 cá nhân" in decision
    assert "cá nhân 702.000 đồng (0,3 lần mức lương cơ sở)" in decision
    assert "Bảy trăm linh hai nghìn đồng" in decision
    assert "Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã Thượng Quan tại Biên bản số 01/BB-HĐTĐKT" in decision
    assert "Văn phòng Ủy ban nhân dân xã, các cơ quan, đơn vị có liên quan" in decision
    assert "Văn phòng HĐND và UBND xã" not in decision
    payout = text_of(files, "07_Danh_sach_chi_tien_thuong")
    assert "Triệu Thị Mai" in payout and "702.000" in payout and "Tổng cộng: 702.000 đồng" in payout
    # The award history names the decision as issued.
    award = Award.get(Award.decision_number == "07/QĐ-UBND")
    assert award.decision_date == date(2026, 3, 15)


def test_round_without_nominees_refuses_before_burning_numbers(session, commune):
    r = rounds.create_round(session, Campaign.get(Campaign.code == "KH-635-2022-BK").id)
    with pytest.raises(UserError) as err:
        dossier.round_documents(session, r.id, issue=False)
    assert err.value.code == "documents.no_nominees"
    assert DocumentNumber.select().count() == 0


# --- the documents, read back -----------------------------------------------------------------------

@pytest.fixture
def issued_files(people, session, fingerprint):
    r = make_round(session, people)
    issue_all(session, r, fingerprint)
    return r, dossier.round_documents(session, r.id, formats=("pdf",))


def test_pdfs_carry_commune_nominees_votes_and_numbers(issued_files):
    r, files = issued_files
    assert [n for n, _ in files] == [
        "01_To_trinh.pdf", "02_Danh_sach.pdf", "03_Bao_cao_thanh_tich_01_Thon_Na_Lang.pdf",
        "03_Bao_cao_thanh_tich_02_Ha_Thi_Ngoc_Anh.pdf", "03_Bao_cao_thanh_tich_03_Trieu_Thi_Mai.pdf",
        "04_Bien_ban_hop_Hoi_dong.pdf", "05_Quyet_dinh_tang_Giay_khen.pdf", "06_Danh_sach_kem_theo_Quyet_dinh.pdf",
        "07_Danh_sach_chi_tien_thuong.pdf"]
    to_trinh = text_of(files, "01_To_trinh")
    for expected in ("ỦY BAN NHÂN DÂN XÃ THƯỢNG QUAN", "Số: 01/TTr-UBND", "Thượng Quan, ngày 15 tháng 3 năm 2026",
                     "Kính gửi: Sở Nội vụ tỉnh Thái Nguyên", "Kế hoạch số 635/KH-UBND ngày 10 tháng 10 năm 2022",
                     "01 tập thể và 01 cá nhân", "Hoàng Văn Thắng"):
        assert expected in to_trinh, expected
    listing = text_of(files, "02_Danh_sach")
    assert "Thôn Nà Làng" in listing and "Hà Thị Ngọc Ánh" in listing
    assert "Nguyễn Văn Đức" not in listing and "Triệu Thị Mai" not in listing
    report = text_of(files, "03_Bao_cao_thanh_tich_02_Ha_Thi_Ngoc_Anh")
    for expected in ("BÁO CÁO THÀNH TÍCH", "Họ và tên: Hà Thị Ngọc Ánh", "Năm sinh: 1993",
                     "1. Chuyển đổi số trong y tế cơ sở (năm 2025) — nội dung thi đua số 3 của Kế hoạch số 635/KH-UBND",
                     "96% người dân có hồ sơ sức khỏe điện tử", "Địa chỉ: ………"):
        assert expected in report, expected
    assert "“" not in report.split("“Bắc Kạn")[1].split("”", 1)[1]   # no plan text quoted as if exact
    minutes = text_of(files, "04_Bien_ban_hop_Hoi_dong")
    for expected in ("Hà Thị Ngọc Ánh Bằng khen 6 2 66,7", "Nguyễn Văn Đức Bằng khen 3 5 33,3 Không đề nghị",
                     "Triệu Thị Mai Giấy khen 8 0 88,9", "kết thúc vào 16 giờ 30"):
        assert expected in minutes, expected
    assert "Triệu Thị Mai" in text_of(files, "06_Danh_sach_kem_theo_Quyet_dinh")


def test_only_the_bundled_liberation_serif_is_in_the_files(issued_files):
    _, files = issued_files
    for name, data in files:
        out = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True, timeout=60)
        rows = out.stdout.decode().splitlines()[2:]
        assert rows, name
        for row in rows:
            font, emb = row.split()[0], row.split()[-5]
            assert "LiberationSerif" in font and emb == "yes", (name, row)


# --- files on disk ----------------------------------------------------------------------------------

def test_write_dossier_writes_both_formats_without_leftovers(people, session, tmp_path):
    r = make_round(session, people)
    out = tmp_path / "USB" / "Ho_so_dot_1"
    paths = dossier.write_dossier(session, r.id, out, issue=False)
    assert sorted(p.name for p in paths) == sorted(p.name for p in out.iterdir())
    assert {p.suffix for p in paths} == {".pdf", ".docx"} and len(paths) == 18
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert (out / "01_To_trinh.pdf").read_bytes().startswith(b"%PDF-")
    again = dossier.write_dossier(session, r.id, out, issue=False)   # over the old files: same names
    assert [p.name for p in again] == [p.name for p in paths]
    assert DocumentNumber.select().count() == 0


def test_write_dossier_into_a_file_instead_of_a_folder(people, session, tmp_path):
    r = make_round(session, people)
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    with pytest.raises(UserError) as err:
        dossier.write_dossier(session, r.id, blocker / "sub", issue=False, formats=("pdf",))
    assert err.value.code == "documents.folder_not_writable" and str(blocker) in str(err.value)


def _mount(tmp_path, name, options):
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    target = tmp_path / name
    target.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.strip()}")
    return target


@pytest.mark.needs_root
def test_write_dossier_to_a_read_only_stick(people, session, tmp_path):
    r = make_round(session, people)
    stick = _mount(tmp_path, "ro", "ro,size=1m")
    try:
        with pytest.raises(UserError) as err:
            dossier.write_dossier(session, r.id, stick, issue=False, formats=("pdf",))
        assert err.value.code == "documents.folder_not_writable"
    finally:
        subprocess.run(["umount", str(stick)], check=True)


@pytest.mark.needs_root
def test_write_dossier_to_a_full_stick_leaves_no_half_file(people, session, tmp_path):
    r = make_round(session, people)
    stick = _mount(tmp_path, "full", "size=60k")
    try:
        with pytest.raises(UserError) as err:
            dossier.write_dossier(session, r.id, stick, issue=False)
        assert err.value.code == "documents.disk_full" and "đầy" in str(err.value)
        assert not [p for p in stick.iterdir() if p.name.startswith(".")]
    finally:
        subprocess.run(["umount", str(stick)], check=True)


# --- command line -----------------------------------------------------------------------------------

def test_cli_dossier_drafts_then_issues_one_document_at_a_time(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    run = lambda *args: subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--data-dir", str(data)],
                                       capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert run("demo").returncode == 0
    done = run("dossier", "--round", "1", "--out", str(out))
    assert done.returncode == 0, done.stderr
    printed = [Path(line) for line in done.stdout.splitlines() if line.startswith(str(out))]
    assert printed and all(p.is_file() for p in printed)
    assert {p.suffix for p in printed} == {".pdf", ".docx"}
    assert sorted(printed) == sorted(out.iterdir())
    assert "Dự thảo (chưa có số): Biên bản" in done.stdout
    minutes = run("dossier", "--round", "1", "--issue", "bien_ban", "--number", "3")
    assert minutes.returncode == 0, minutes.stderr
    assert "03/BB-HĐTĐKT" in minutes.stdout
    again = run("dossier", "--round", "1", "--issue", "bien_ban", "--number", "4")
    assert again.returncode == 2 and "đã được ban hành" in again.stderr
    # The Tờ trình needs the commune's key (its fingerprint is printed on it): without a keyring, a clear message.
    cover = run("dossier", "--round", "1", "--issue", "to_trinh", "--number", "5")
    assert cover.returncode == 2 and "kho khóa" in cover.stderr.lower()
    missing = run("dossier", "--round", "9", "--out", str(out))
    assert missing.returncode == 2 and "Không tìm thấy đợt đề nghị số 9" in missing.stderr


def test_a_dossier_without_a_to_trinh_goes_up_with_a_covering_letter(people, session, fingerprint):
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    r = rounds.create_round(session, campaign.id, date(2026, 3, 12))
    rounds.add_nominee(session, r.id, people["Triệu Thị Mai"].id, rounds.GIAY_KHEN, None,
                       override_reason="Hội đồng thống nhất xét")
    rounds.save_meeting(session, r.id, {"held_on": date(2026, 3, 12), "place": "Hội trường", "chair": "A",
                                        "secretary": "B", "members_total": "9", "members_present": "8"})
    rounds.set_votes(session, rounds.nominees_of(session, r.id)[0].id, 8, 0, 0)
    rounds.record_decision(session, r.id, "09/QĐ-UBND", date(2026, 3, 12), "Hoàng Văn Thắng")
    s = states(session, r)
    assert list(s) == ["bien_ban", "quyet_dinh", "phieu_gui"] and s["phieu_gui"].waiting_for == "bien_ban"
    dossier.issue_document(session, r.id, "bien_ban", 2, date(2026, 3, 12))
    assert states(session, r)["phieu_gui"].waiting_for == "quyet_dinh"
    dossier.issue_document(session, r.id, "quyet_dinh", 9, date(2026, 3, 13))
    with pytest.raises(UserError) as err:
        dossier.issue_document(session, r.id, "phieu_gui", 1, date(2026, 3, 14))
    assert err.value.code == "documents.fingerprint_missing"
    dossier.issue_document(session, r.id, "phieu_gui", 1, date(2026, 3, 14), signer_fingerprint=fingerprint)
    files = dossier.round_documents(session, r.id, formats=("pdf",))
    stems = [n for n, _ in files]
    assert stems[-1].endswith("_Phieu_gui.pdf") and not any("To_trinh" in n for n in stems)
    cover = text_of(files, stems[-1][:-4])
    assert "PHIẾU GỬI" in cover and "Số: 01/PG-UBND" in cover and "SHA256:" in cover
    assert "Quyết định số 09/QĐ-UBND ngày 13 tháng 3 năm 2026" in cover and "Biên bản số 02/BB-HĐTĐKT" in cover
