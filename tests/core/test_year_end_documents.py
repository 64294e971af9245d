"""The year-end documents read back from the real files: the registration list, the ceremony and payout lists (PDF
and .xlsx), the Giấy khen (texts inside their boxes, the printer's offset moves them, the calibration page), and the
movement's summary report with its charts (PDF and .docx)."""
from __future__ import annotations

import io
import subprocess
import zipfile

import openpyxl
import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.documents import certificates as cert
from desktop_app.core.documents import movement_report, year_end
from desktop_app.core.documents.render_pdf import register_fonts
from desktop_app.core.documents.templates import load_template_set
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import outcomes
from desktop_app.core.nominations import statistics as st
from desktop_app.core.register import registrations as reg
from desktop_app.core.storage.models import Campaign, Participant

from .test_documents_pdf import pdftotext, squash, words


@pytest.fixture
def year(session):
    made = create_demo_commune(session)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    pid = {p.name: p.id for p in Participant.select()}
    # The demo registers for 2024 and 2025 (Trạm Y tế with two members, Nông Thị Hoa for CSTĐCS, …) and has the
    # province's decision back for round 1 (Nông Thị Hoa awarded the Bằng khen, Thôn Nà Khoang not).
    return session, campaign, made["round"], pid


def _fonts_embedded(data: bytes) -> None:
    out = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True).stdout.decode()
    rows = out.splitlines()[2:]
    assert rows and all(" yes yes yes " in r for r in rows), out
    assert "Helvetica" not in out


def test_registration_list_of_a_unit_and_of_the_commune(year):
    session, campaign, _r, pid = year
    unit = year_end.print_registration_list(session, campaign.id, 2025, pid["Trạm Y tế xã Thượng Quan"])
    flat = squash(pdftotext(unit, "-raw"))
    for text in ("UBND XÃ THƯỢNG QUAN", "TRẠM Y TẾ XÃ THƯỢNG QUAN", "BẢN ĐĂNG KÝ THI ĐUA", "Năm 2025",
                 "I. TẬP THỂ", "II. CÁ NHÂN", "Ma Thị Lan", "Lý Thị Hằng", "Tập thể lao động xuất sắc",
                 "THỦ TRƯỞNG ĐƠN VỊ", "Tổng số: 1 tập thể, 2 cá nhân"):
        assert text in flat, text
    assert "Nông Thị Hoa" not in flat and "Trường Phổ thông" not in flat
    _fonts_embedded(unit)
    commune = squash(pdftotext(year_end.print_registration_list(session, campaign.id, 2025), "-raw"))
    assert "Nông Thị Hoa" in commune and "Chiến sĩ thi đua cơ sở" in commune and "TM. ỦY BAN NHÂN DÂN" in commune
    with pytest.raises(UserError):
        year_end.print_registration_list(session, campaign.id, 2023)


def test_ceremony_and_payout_lists(year):
    session, _c, r, _pid = year
    flat = squash(pdftotext(year_end.print_ceremony_list(session, r.id), "-raw"))
    assert "TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG" in flat and "Đặng Thị Huyền" in flat and "Thôn Bản Chang" in flat
    assert "Mã Văn Long" not in flat and "Thôn Nà Khoang" not in flat     # not awarded
    assert "Nông Thị Hoa" in flat and "2417/QĐ-UBND" in flat               # the province's Bằng khen
    assert "Quyết định số 18/QĐ-UBND ngày 20/03/2026" in flat
    pay = year_end.print_payout_list(session, r.id)
    flat = squash(pdftotext(pay, "-raw"))
    # Giấy khen 0,3 × 2.340.000 = 702.000 per person, 0,6 × for a collective; Bằng khen 1,0 × (rules data).
    assert "702.000" in flat and "1.404.000" in flat and "2.340.000" in flat and "5.148.000" in flat
    assert "Năm triệu một trăm bốn mươi tám nghìn đồng" in flat and "Ký nhận" in flat
    _fonts_embedded(pay)
    wb = openpyxl.load_workbook(io.BytesIO(year_end.payout_xlsx(session, r.id)))
    ws = wb.active
    values = [row for row in ws.iter_rows(min_row=5, values_only=True)]
    assert values[-1][1] == "Tổng cộng" and values[-1][4] == 5_148_000 == sum(v[4] for v in values[:-1])
    ceremony = openpyxl.load_workbook(io.BytesIO(year_end.ceremony_xlsx(session, r.id))).active
    names = [row[1] for row in ceremony.iter_rows(min_row=5, values_only=True)]
    assert "Đặng Thị Huyền" in names and "Mã Văn Long" not in names


def test_an_amount_recorded_with_the_outcome_wins_over_the_rules(year):
    session, _c, r, _pid = year
    row = next(x for x in outcomes.outcomes_of(session, r.id) if x.name == "Đặng Thị Huyền")
    outcomes.set_outcome(session, row.nominee_id, "awarded", decision_id=row.decision_id, prize_amount=800_000)
    rows, total = year_end.payout_rows(session, r.id)
    assert ("Đặng Thị Huyền", "Giấy khen", "individual", 800_000) in rows and total == 5_246_000


def test_long_texts_shrink_and_never_leave_their_box():
    font = register_fonts(load_template_set().font)
    design = cert.load_design("phoi_giay_khen_xa")
    long_name = "Hợp tác xã Nông nghiệp và Dịch vụ Chè Shan tuyết Thượng Quan huyện Ngân Sơn tỉnh Thái Nguyên " * 2
    for field, text in (("name", long_name), ("achievement", "Đã có thành tích xuất sắc " * 40),
                        ("unit", "Trường"), ("name", "Bà Nguyễn Thị Ngọc Ánh"), ("signer", "X" * 300)):
        spec = design.fields[field]
        fitted = cert.fit_text(text, spec, font)
        assert len(fitted.lines) <= spec.max_lines
        assert all(stringWidth(line, font, fitted.size) <= spec.box[2] * mm + 0.01 for line in fitted.lines)
        assert len(fitted.lines) * fitted.size * 1.2 <= spec.box[3] * mm + fitted.size * 0.2 + 0.01
    assert cert.fit_text("Bà Nguyễn Thị Ngọc Ánh", design.fields["name"], font).size == design.fields["name"].size
    assert cert.fit_text(long_name, design.fields["name"], font).size < design.fields["name"].size


def _word_x(data: bytes, word: str) -> float:
    return next(w[0] for w in words(data)[0] if w[4] == word)


def test_certificates_on_the_blank_and_on_plain_a4_and_the_printers_offset(year):
    session, _c, r, _pid = year
    plain = cert.print_certificates(session, r.id)
    pages = words(plain)
    assert len(pages) == 3                      # Đặng Thị Huyền, Lý Thị Hằng, Thôn Bản Chang (not Mã Văn Long)
    text = squash(pdftotext(plain, "-raw"))
    for part in ("GIẤY KHEN", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG QUAN", "Bà Đặng Thị Huyền",
                 "Quyết định số 18/QĐ-UBND ngày 20/03/2026", "Thượng Quan, ngày 20 tháng 3 năm 2026", "Hoàng Văn Thắng",
                 "chuyển đổi số"):
        assert part in text, part
    _fonts_embedded(plain)
    info = subprocess.run(["pdfinfo", "-"], input=plain, capture_output=True, check=True).stdout.decode()
    assert "841.89 x 595.276 pts" in info        # A4 landscape
    blank = cert.print_certificates(session, r.id, design_id="phoi_giay_khen_xa")
    assert "GIẤY KHEN" not in pdftotext(blank)    # the blank carries its own words
    before = _word_x(blank, "Hoàng")
    cert.save_printer_offset(session, "", 4.0, -2.5)
    assert cert.printer_offset(session, "") == (4.0, -2.5)
    moved = cert.print_certificates(session, r.id, design_id="phoi_giay_khen_xa")
    assert _word_x(moved, "Hoàng") - before == pytest.approx(4.0 * 72 / 25.4, abs=0.2)
    with pytest.raises(UserError):
        cert.save_printer_offset(session, "", 45, 0)
    calib = squash(pdftotext(cert.print_calibration(session, "phoi_giay_khen_xa"), "-raw"))
    assert "TRANG CĂN CHỈNH" in calib and "Họ và tên / Tên tập thể (x=48, y=86 mm)" in calib and "+4 mm" in calib


def test_only_the_chosen_nominees_get_a_certificate(year):
    session, _c, r, _pid = year
    rows = [x for x in outcomes.outcomes_of(session, r.id) if x.outcome == "awarded" and x.award_form == "giay_khen"]
    one = cert.print_certificates(session, r.id, [rows[0].nominee_id])
    assert len(words(one)) == 1
    nobody = next(x for x in outcomes.outcomes_of(session, r.id) if x.outcome == "not_awarded")
    with pytest.raises(UserError):
        cert.print_certificates(session, r.id, [nobody.nominee_id])


def test_summary_report_pdf_and_docx(year):
    session, campaign, _r, _pid = year
    movement_report.save_report_texts(session, campaign.id, {"situation": "Xã có 4 thôn vùng cao.",
                                                             "proposals": "Đề nghị tỉnh hỗ trợ thiết bị."})
    pdf = movement_report.print_summary_report(session, campaign.id, 2022, 2025)
    flat = squash(pdftotext(pdf, "-raw"))
    for part in ("BÁO CÁO", "I. ĐẶC ĐIỂM TÌNH HÌNH", "Xã có 4 thôn vùng cao.", "II. CÔNG TÁC CHỈ ĐẠO",
                 "[Cán bộ viết phần này", "III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA", "Thành tích theo lĩnh vực ưu tiên",
                 "Khoa học và Công nghệ", "IV. CÔNG TÁC KHEN THƯỞNG", "V. TỒN TẠI, HẠN CHẾ", "Đề nghị tỉnh hỗ trợ",
                 "Toàn xã ghi nhận 45 thành tích", "TM. ỦY BAN NHÂN DÂN"):
        assert part in flat, part
    _fonts_embedded(pdf)
    docx = movement_report.print_summary_report(session, campaign.id, 2022, 2025, "docx")
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "Xã có 4 thôn vùng cao." in body and "Thành tích theo nội dung thi đua" in body
    svgs = movement_report.chart_svgs(session, campaign.id, 2022, 2025)
    assert set(svgs) >= {"content", "field", "year", "women"} and b"Y t" in svgs["field"]


def test_registrations_against_awards_in_the_statistics(year):
    session, campaign, _r, _pid = year
    s = st.movement_statistics(session, campaign.id, 2022, 2025)
    pairs = {a.key: (a.value, b.value) for a, b in s.registrations}
    # Each figure is the number of records behind it; "reached" counts those whose history has the title that year.
    for key, (registered, reached) in pairs.items():
        code = key.split(":", 1)[1]
        assert len(st.figure_records(session, campaign.id, 2022, 2025, key)) == registered
        assert len(st.figure_records(session, campaign.id, 2022, 2025, f"reached:{code}")) == reached <= registered
    assert pairs["reg:LDTT"][0] == 12 and pairs["reg:CSTDCS"][0] == 1
    assert [x.name for x in st.figure_records(session, campaign.id, 2022, 2025, "reg:CSTDCS")] == ["Nông Thị Hoa"]
    # The round of March 2026 reports on 2025: its outcomes count in 2022–2025.
    assert any(f.key == "outcome:giay_khen:awarded" and f.value == 3 for f in s.outcomes)


def test_the_yearly_statistics_form_is_counted_from_the_history_and_labelled_unverified(year):
    session, _c, _r, _pid = year
    rows = {r[0]: r[1:] for r in year_end.statistics_form_rows(session, 2025)}
    # The demo gives every individual one title a year (LĐTT or CSTĐCS), all công trạng.
    titles = rows["Lao động tiên tiến"][0] + rows["Chiến sĩ thi đua cơ sở"][0]
    assert titles == 20 == rows["Lao động tiên tiến"][3] + rows["Chiến sĩ thi đua cơ sở"][3]
    for total, groups, households, people, cadres, others, *types in rows.values():
        assert total == groups + households + people == sum(types) and people == cadres + others
    flat = squash(pdftotext(year_end.print_statistics_form(session, 2025), "-raw"))
    assert "CHƯA ĐỐI CHIẾU VỚI VĂN BẢN GỐC" in flat and "0603.N" in flat and "Lao động tiên tiến" in flat
    sheet = openpyxl.load_workbook(io.BytesIO(year_end.statistics_form_xlsx(session, 2025))).active
    assert "0603.N" in sheet["A2"].value and sheet["A4"].value == "Danh hiệu, hình thức"
