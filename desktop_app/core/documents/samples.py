"""A demo round (xã Quang Thuận, movement 635/KH-UBND) for tests, previews and the demo workspace."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from .inputs import (Achievement, AwardForm, Campaign, CommuneSettings, CouncilMeeting, Decision, Dossier, Nominee,
                     RewardRule, Round, Vote)

BANG_KHEN = AwardForm(name="Bằng khen của Chủ tịch UBND tỉnh", short="Bằng khen")
GIAY_KHEN = AwardForm(name="Giấy khen của Chủ tịch UBND xã", short="Giấy khen", decided_here=True)

COMMUNE = CommuneSettings(
    name="xã Quang Thuận", province="tỉnh Thái Nguyên",
    body_upper="ỦY BAN NHÂN DÂN", body_lower="XÃ QUANG THUẬN", chairman="Hoàng Văn Thắng",
    receiving_authority="Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)",
)

CAMPAIGN = Campaign(number="635/KH-UBND", issued_on=date(2022, 10, 10), issuer="UBND tỉnh Bắc Kạn",
                    title="Bắc Kạn đẩy mạnh chương trình chuyển đổi số giai đoạn 2022 - 2025")

_MEASURES = (
    "Chủ động tham mưu Ủy ban nhân dân xã ban hành kế hoạch chuyển đổi số hằng năm; phân công nhiệm vụ cụ thể cho từng bộ phận.\n"
    "- Tổ chức tập huấn sử dụng dịch vụ công trực tuyến cho cán bộ thôn và người dân;\n"
    "- Phối hợp với Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng VNeID, thanh toán không dùng tiền mặt."
)
_RESULTS = (
    "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt 92%; "
    "100% văn bản đi, đến được xử lý trên môi trường mạng (trừ văn bản mật).\n"
    "- 1.250 người dân được hướng dẫn kích hoạt tài khoản định danh điện tử mức độ 2;\n"
    "- Không có hồ sơ giải quyết quá hạn."
)


def sample_dossier() -> Dossier:
    nominees = (
        Nominee(key="c1", kind="collective", name="Thôn Nà Làng", award_form=BANG_KHEN,
                summary="Dẫn đầu xã về tỷ lệ hộ gia đình sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
                address="Thôn Nà Làng, xã Quang Thuận, tỉnh Thái Nguyên", phone="0209 3870 123",
                head_name="Lục Văn Hùng", head_title="TRƯỞNG THÔN", member_count=142, female_count=71,
                description="Thôn có 142 hộ, 586 nhân khẩu, đồng bào dân tộc Tày chiếm 85%.",
                achievements=(Achievement("Phổ cập kỹ năng số cho người dân", _MEASURES, _RESULTS, "năm 2023 - 2025",
                                          ("1", "5")),)),
        Nominee(key="c2", kind="collective", name="Tổ công nghệ số cộng đồng thôn Bản Pjạc", award_form=BANG_KHEN,
                summary="Hướng dẫn 100% hộ trong thôn cài đặt và sử dụng ứng dụng VNeID.",
                address="Thôn Bản Pjạc, xã Quang Thuận", head_name="Nông Thị Hoa", head_title="TỔ TRƯỞNG",
                member_count=7, female_count=4,
                achievements=(Achievement("Hỗ trợ người dân sử dụng nền tảng số", _MEASURES, _RESULTS, "năm 2024"),)),
        Nominee(key="i1", kind="individual", name="Nguyễn Văn Đức", award_form=BANG_KHEN, gender="Nam",
                birth_year=1988, position="Công chức Văn phòng - Thống kê", unit="UBND xã Quang Thuận",
                summary="Tham mưu hiệu quả việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tỷ lệ hồ sơ trực tuyến đạt 92%.",
                achievements=(Achievement("Tham mưu triển khai chính quyền số cấp xã", _MEASURES, _RESULTS, "năm 2023 - 2025"),
                              Achievement("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                                          "Rà soát, số hóa toàn bộ sổ hộ tịch từ năm 2000.",
                                          "Số hóa 8.400 trang sổ hộ tịch, cập nhật vào cơ sở dữ liệu hộ tịch điện tử.", "năm 2024"))),
        Nominee(key="i2", kind="individual", name="Hà Thị Ngọc Ánh", award_form=BANG_KHEN, gender="Nữ",
                birth_year=1993, position="Viên chức Trạm Y tế", unit="Trạm Y tế xã Quang Thuận",
                summary="Triển khai hồ sơ sức khỏe điện tử cho 96% người dân trong xã.",
                achievements=(Achievement("Chuyển đổi số trong y tế cơ sở", "Triển khai khám chữa bệnh bằng căn cước công dân gắn chip.",
                                          "96% người dân có hồ sơ sức khỏe điện tử.", "năm 2025"),)),
        Nominee(key="g1", kind="individual", name="Triệu Thị Mai", award_form=GIAY_KHEN, gender="Nữ",
                birth_year=1979, position="Trưởng thôn", unit="Thôn Khuổi Ỏn",
                summary="Vận động 85% hộ trong thôn mở tài khoản thanh toán điện tử.",
                achievements=(Achievement("Vận động thanh toán không dùng tiền mặt", "Tuyên truyền qua loa truyền thanh thôn.",
                                          "85% hộ có tài khoản thanh toán điện tử.", "năm 2025"),)),
    )
    meeting = CouncilMeeting(
        held_on=date(2026, 2, 3), place="Hội trường Ủy ban nhân dân xã Quang Thuận", chair="Hoàng Văn Thắng",
        secretary="Nguyễn Văn Đức", members_total=9, members_present=8, start_time="14 giờ 00", end_time="16 giờ 30",
        number=3, voting_method="bỏ phiếu kín",
        votes=(Vote("c1", 8, 0, 0, "Đề nghị khen thưởng"), Vote("c2", 7, 1, 0, "Đề nghị khen thưởng"),
               Vote("i1", 8, 0, 0, "Đề nghị khen thưởng"), Vote("i2", 6, 2, 0, "Đề nghị khen thưởng"),
               Vote("g1", 8, 0, 0, "Đề nghị khen thưởng")),
    )
    return Dossier(
        commune=COMMUNE, campaign=CAMPAIGN,
        round=Round(number=1, year=2026, award_form=BANG_KHEN, submitted_on=date(2026, 2, 5), submission_number=5),
        nominees=nominees, meeting=meeting,
        decision=Decision(number=12, issued_on=date(2026, 2, 5), signer="Hoàng Văn Thắng", awardee_keys=("g1",)),
        signer_fingerprint="3F2A 9C41 7D0E 55B8 A1C3 0E6F 2B47 D910",
        reward=RewardRule(individual=0.3, collective=0.6, base_salary=2_340_000),
    )


def long_dossier(rows: int = 300, report_paragraphs: int = 0) -> Dossier:
    """A round with `rows` nominees whose names and units are long (wrapping), for flow tests."""
    base = sample_dossier()
    long_unit = "Trung tâm Phục vụ hành chính công và Chuyển đổi số xã Quang Thuận, tỉnh Thái Nguyên"
    nominees = []
    for i in range(rows):
        kind = "collective" if i % 10 == 0 else "individual"
        name = ("Tổ công nghệ số cộng đồng thôn Khuổi Ỏn Thượng số " if kind == "collective"
                else "Nguyễn Hoàng Thị Phương Thảo Ngọc Quỳnh ") + str(i + 1)
        nominees.append(Nominee(key=f"n{i}", kind=kind, name=name, award_form=BANG_KHEN, gender="Nữ",
                                position="Chuyên viên", unit=long_unit, address=long_unit,
                                summary="Hoàn thành xuất sắc nhiệm vụ chuyển đổi số được giao."))
    if report_paragraphs:
        text = "\n".join(
            f"Đoạn {k + 1}: Ủy ban nhân dân xã đã triển khai đồng bộ các giải pháp chuyển đổi số, "
            "đưa dịch vụ công trực tuyến đến từng thôn, bản; hướng dẫn người dân sử dụng ứng dụng VNeID, "
            "thanh toán không dùng tiền mặt và tra cứu thông tin trên Cổng thông tin điện tử của xã."
            for k in range(report_paragraphs))
        nominees[1] = replace(nominees[1], achievements=(Achievement("Thành tích dài", text, text, "2023 - 2025"),))
    return replace(base, nominees=tuple(nominees), meeting=None, decision=None)
