"""A ready demo commune (fictitious people, realistic names) so a new user sees the app at work."""
from __future__ import annotations

import random
from datetime import date

from .changes import Topic
from .dates import format_vn_date
from .errors import UserError
from .nominations import checklists, outcomes, rounds
from .register.achievements import add_evidence, list_achievements, save_achievement
from .register import registrations
from .register.awards import save_award
from .register.communes import save_commune_settings
from .register.participants import participant_form_values, save_participant
from .storage.models import Award, Campaign, Participant
from .storage.session import Session
from .vocabulary import GIAY_KHEN

COMMUNE = {
    "name": "Thượng Quan", "admin_code": "02095", "province": "Thái Nguyên",
    "receiving_authority": "Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)", "receiving_level": "so_noi_vu",
    "chairman_name": "Hoàng Văn Thắng", "doc_prefix": "UBND",
}

COLLECTIVES = [
    ("thon_ban", "Thôn Nà Khoang", "Thôn Nà Khoang, xã Thượng Quan", "Nông Văn Kiên", 212, 104),
    ("thon_ban", "Thôn Bản Chang", "Thôn Bản Chang, xã Thượng Quan", "Triệu Văn Phin", 187, 95),
    ("thon_ban", "Thôn Khuổi Slẳm", "Thôn Khuổi Slẳm, xã Thượng Quan", "Bàn Văn Quẩy", 143, 70),
    ("thon_ban", "Thôn Nà Làng", "Thôn Nà Làng, xã Thượng Quan", "Lý Thị Pẻng", 165, 88),
    ("co_quan", "Văn phòng HĐND và UBND xã Thượng Quan", "Trụ sở UBND xã Thượng Quan", "Hà Văn Hải", 14, 6),
    ("don_vi", "Trạm Y tế xã Thượng Quan", "Thôn Nà Khoang, xã Thượng Quan", "Ma Thị Lan", 10, 8),
    ("don_vi", "Trường Phổ thông dân tộc bán trú Tiểu học Thượng Quan", "Thôn Bản Chang, xã Thượng Quan", "Hoàng Thị Phương", 31, 25),
    ("don_vi", "Công an xã Thượng Quan", "Trụ sở UBND xã Thượng Quan", "Lộc Văn Tuấn", 9, 1),
    ("hop_tac_xa", "Hợp tác xã Nông nghiệp và Dịch vụ Chè Shan tuyết Thượng Quan", "Thôn Khuổi Slẳm, xã Thượng Quan", "Đàm Văn Khánh", 25, 12),
    ("doanh_nghiep", "Công ty TNHH Nông sản sạch Ngân Sơn", "Thôn Nà Làng, xã Thượng Quan", "Dương Văn Cường", 18, 7),
]

# (category, name, gender, birth, ethnicity, position, workplace index)
INDIVIDUALS = [
    ("cong_chuc", "Nguyễn Văn Đức", "nam", "12/03/1988", "Kinh", "Công chức Văn hóa - Xã hội", 4),
    ("cong_chuc", "Nông Thị Hoa", "nu", "05/09/1990", "Tày", "Công chức Văn phòng - Thống kê", 4),
    ("can_bo", "Hoàng Văn Thắng", "nam", "20/11/1975", "Tày", "Chủ tịch UBND xã", 4),
    ("can_bo", "Lường Văn Hùng", "nam", "02/02/1980", "Tày", "Phó Chủ tịch UBND xã", 4),
    ("cong_chuc", "Triệu Thị Mai", "nu", "17/06/1993", "Dao", "Công chức Tư pháp - Hộ tịch", 4),
    ("cong_chuc", "Bàn Văn Sơn", "nam", "08/08/1991", "Dao", "Công chức Địa chính - Xây dựng", 4),
    ("vien_chuc", "Ma Thị Lan", "nu", "14/04/1985", "Tày", "Trưởng Trạm Y tế", 5),
    ("vien_chuc", "Lý Thị Hằng", "nu", "23/12/1994", "Nùng", "Y sĩ đa khoa", 5),
    ("vien_chuc", "Hoàng Thị Phương", "nu", "30/01/1982", "Tày", "Hiệu trưởng", 6),
    ("vien_chuc", "Đặng Thị Huyền", "nu", "11/10/1992", "Dao", "Giáo viên tin học", 6),
    ("vien_chuc", "Ninh Thị Duyên", "nu", "19/05/1996", "Tày", "Giáo viên chủ nhiệm", 6),
    ("can_bo", "Lộc Văn Tuấn", "nam", "03/07/1987", "Nùng", "Trưởng Công an xã", 7),
    ("nguoi_lao_dong", "Đàm Văn Khánh", "nam", "15/03/1979", "Tày", "Giám đốc Hợp tác xã", 8),
    ("nguoi_lao_dong", "Vi Thị Nga", "nu", "27/08/1995", "Tày", "Kế toán Hợp tác xã", 8),
    ("nguoi_lao_dong", "Dương Văn Cường", "nam", "09/01/1984", "Kinh", "Giám đốc Công ty", 9),
    ("nguoi_dan", "Nông Văn Kiên", "nam", "21/02/1970", "Tày", "Trưởng thôn Nà Khoang", 0),
    ("nguoi_dan", "Triệu Văn Phin", "nam", "06/06/1968", "Dao", "Trưởng thôn Bản Chang", 1),
    ("nguoi_dan", "Lý Thị Pẻng", "nu", "12/12/1977", "Dao", "Trưởng thôn Nà Làng", 3),
    ("nguoi_dan", "Hà Thị Thu", "nu", "01/05/1998", "Tày", "Thành viên Tổ công nghệ số cộng đồng", 0),
    ("nguoi_dan", "Mã Văn Long", "nam", "28/09/2000", "Nùng", "Thành viên Tổ công nghệ số cộng đồng", 2),
]

ACHIEVEMENTS = [
    ("Triển khai Tổ công nghệ số cộng đồng tại thôn", ["ND1", "ND5"], ["LV10"],
     "Tổ chức tuyên truyền, hướng dẫn người dân cài đặt và sử dụng ứng dụng VNeID, dịch vụ công trực tuyến.",
     "Hướng dẫn {n} hộ dân cài đặt VNeID mức độ 2; tổ chức {m} buổi tuyên truyền tại nhà văn hóa thôn."),
    ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", ["ND2", "ND4"], ["LV10"],
     "Rà soát, số hóa hồ sơ hộ tịch và kết quả giải quyết thủ tục hành chính của xã.",
     "Số hóa {n} hồ sơ hộ tịch; tỷ lệ hồ sơ trực tuyến toàn trình đạt {m}%."),
    ("Ứng dụng sổ sức khỏe điện tử", ["ND3"], ["LV03"],
     "Hướng dẫn người dân cài đặt và sử dụng sổ sức khỏe điện tử, khám chữa bệnh bằng CCCD gắn chip.",
     "{n} người dân được lập sổ sức khỏe điện tử; {m} lượt khám bệnh dùng CCCD."),
    ("Chuyển đổi số trong dạy và học", ["ND3"], ["LV04"],
     "Xây dựng kho học liệu số, dạy học trực tuyến, thanh toán học phí không dùng tiền mặt.",
     "{n} bài giảng điện tử; {m}% phụ huynh nộp học phí qua ngân hàng."),
    ("Đưa sản phẩm chè Shan tuyết lên sàn thương mại điện tử", ["ND3", "ND5"], ["LV01", "LV08"],
     "Xây dựng gian hàng trên sàn thương mại điện tử, mã QR truy xuất nguồn gốc cho sản phẩm OCOP.",
     "Bán {n} kg chè qua kênh trực tuyến; doanh thu tăng {m}% so với năm trước."),
    ("Thanh toán không dùng tiền mặt tại chợ và thôn", ["ND1", "ND5"], ["LV09"],
     "Vận động hộ kinh doanh và người dân mở tài khoản, sử dụng mã QR thanh toán.",
     "{n} hộ kinh doanh dùng mã QR; {m} người dân mở tài khoản ngân hàng."),
]


def _achievement_values(rng: random.Random, campaign: Campaign, template, year: int) -> dict:
    title, contents, fields, description, results = template
    return {
        "campaign_id": campaign.id, "title": title, "description": description,
        "results": results.format(n=rng.randint(40, 900), m=rng.randint(20, 95)),
        "content_codes": contents, "field_codes": fields,
        "date_from": format_vn_date(date(year, 1, 1)), "date_to": format_vn_date(date(year, 12, 31)),
    }


# Checklists of the demo (assessment year 2025). "all" = every judgement met (evidence attached where
# demanded); "incomplete" = only the first criterion answered; "missing_evidence" = all met, no file.
DEMO_CHECKLISTS = [
    ("Nông Thị Hoa", "bang_khen_tinh.ca_nhan.chuyen_de", "all"),
    ("Ma Thị Lan", "bang_khen_tinh.ca_nhan.chuyen_de", "all"),
    ("Nguyễn Văn Đức", "bang_khen_tinh.ca_nhan.chuyen_de", "all"),
    ("Trạm Y tế xã Thượng Quan", "bang_khen_tinh.tap_the.chuyen_de", "all"),
    ("Thôn Nà Khoang", "bang_khen_tinh.tap_the.chuyen_de", "all"),
    ("Đặng Thị Huyền", "giay_khen.ca_nhan", "all"),
    ("Lý Thị Hằng", "giay_khen.ca_nhan", "all"),
    ("Thôn Bản Chang", "giay_khen.tap_the", "all"),
    ("Mã Văn Long", "giay_khen.ca_nhan", "missing_evidence"),
    ("Hoàng Văn Thắng", "bang_khen_tinh.ca_nhan.cong_trang", "all"),  # met from the award history
    ("Nguyễn Văn Đức", "bang_khen_tinh.ca_nhan.cong_trang", "all"),  # HTTNV in 2025: not eligible
    ("Bàn Văn Sơn", "giay_khen.ca_nhan", "all"),  # a complaint is being handled: not eligible
    ("Vi Thị Nga", "giay_khen.ca_nhan", "incomplete"),
]
# Round 1: (name, award form, votes for, against, abstain); Mã Văn Long is proposed with a written reason.
DEMO_ROUND = [
    ("Nông Thị Hoa", rounds.BANG_KHEN, 8, 0, 0),
    ("Ma Thị Lan", rounds.BANG_KHEN, 7, 1, 0),
    ("Nguyễn Văn Đức", rounds.BANG_KHEN, 7, 1, 0),
    ("Trạm Y tế xã Thượng Quan", rounds.BANG_KHEN, 8, 0, 0),
    ("Thôn Nà Khoang", rounds.BANG_KHEN, 6, 2, 0),
    ("Đặng Thị Huyền", rounds.GIAY_KHEN, 8, 0, 0),
    ("Lý Thị Hằng", rounds.GIAY_KHEN, 7, 1, 0),
    ("Thôn Bản Chang", rounds.GIAY_KHEN, 8, 0, 0),
    ("Mã Văn Long", rounds.GIAY_KHEN, 3, 4, 1),
]
OVERRIDE_REASON = ("Biên bản nghiệm thu kết quả hướng dẫn người dân đang chờ Tổ công nghệ số ký; "
                   "Hội đồng thống nhất xét, sẽ bổ sung minh chứng trước khi trình.")


def _demo_evidence(session: Session, participant: Participant):
    """A small report file attached to the participant's first achievement (copied into the workspace)."""
    achievement = list_achievements(session, participant.id)[0]
    folder = session.paths.evidence_dir / ".demo"
    folder.mkdir(exist_ok=True)
    source = folder / f"Báo cáo số liệu - {participant.name}.txt"
    source.write_text(f"BÁO CÁO SỐ LIỆU (minh chứng mẫu)\n{participant.name}\n{achievement.title}\n"
                      f"{achievement.results}\n", encoding="utf-8")
    try:
        return add_evidence(session, participant.id, source, achievement.id, note="Báo cáo số liệu")
    finally:
        source.unlink()
        folder.rmdir()


def _demo_checklists_and_round(session: Session, commune, campaign: Campaign) -> dict:
    by_name = {p.name: p for p in Participant.select().where(Participant.commune == commune)}
    son = by_name["Bàn Văn Sơn"]
    save_participant(session, {**participant_form_values(son), "under_complaint": True}, son.id)
    evidence, made = {}, {}
    for name, set_id, how in DEMO_CHECKLISTS:
        p = Participant.get_by_id(by_name[name].id)
        checklist = checklists.start_checklist(session, p.id, set_id, 2025)
        checklists.set_principles_confirmed(session, checklist.id, True)
        judgements = [c for c in checklists.criteria_set_of(checklist).walk() if c.kind == "judgement"]
        if how == "incomplete":
            judgements = judgements[:1]
        for c in judgements:
            ids = []
            if c.evidence_required and how != "missing_evidence":
                if name not in evidence:
                    evidence[name] = _demo_evidence(session, p)
                ids = [evidence[name].id]
            note = "Theo nhận xét của cơ quan quản lý" if c.code == "guong_mau" else ""
            checklist = checklists.save_answer(session, checklist.id, c.code, "met", note, ids)
        made[(name, set_id)] = checklist
    r = rounds.create_round(session, campaign.id, date(2026, 3, 10), "Đề nghị khen thưởng phong trào thi đua "
                            "“Bắc Kạn đẩy mạnh chương trình chuyển đổi số giai đoạn 2022 - 2025”")
    sets = {(name, form): c for (name, _), c in made.items()
            for form in [c.set_snapshot["award_form"]] if c.set_snapshot["route"]["code"] != "cong_trang"}
    for name, form, *_ in DEMO_ROUND:
        p = by_name[name]
        rounds.add_nominee(session, r.id, p.id, form, sets[(name, form)].id,
                           override_reason=OVERRIDE_REASON if name == "Mã Văn Long" else "",
                           summary=rounds.default_summary(session, p.id, campaign.id))
    rounds.save_meeting(session, r.id, {
        "held_on": "12/03/2026", "start_time": "14:00", "end_time": "16:00", "place": "Hội trường UBND xã Thượng Quan",
        "chair": "Hoàng Văn Thắng", "chair_title": "Chủ tịch UBND xã, Chủ tịch Hội đồng",
        "secretary": "Triệu Thị Mai", "secretary_title": "Công chức Tư pháp - Hộ tịch, Thư ký Hội đồng",
        "members_total": "9", "members_present": "8", "voting_method": "bỏ phiếu kín",
        "conclusion": "Hội đồng thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các tập thể, cá nhân "
                      "đạt biểu quyết; đề nghị Chủ tịch UBND xã tặng Giấy khen cho các tập thể, cá nhân đạt biểu quyết."})
    votes = {(name, form): v for name, form, *v in DEMO_ROUND}
    for n in rounds.nominees_of(session, r.id):
        rounds.set_votes(session, n.id, *votes[(n.participant.name, n.award_form)])
    rounds.record_decision(session, r.id, "18/QĐ-UBND", date(2026, 3, 20), commune.chairman_name)
    _demo_province_decision(session, r, by_name)
    return {"checklists": len(made), "round": r}


# The province's decision back on round 1 (fictitious number and signer): one Bằng khen awarded, one not, with the
# reason the Sở Nội vụ gave; the others are still waiting.
PROVINCE_DECISION = {"award_form": "bang_khen_tinh", "number": "2417/QĐ-UBND", "decided_on": "05/05/2026",
                     "issuer": "Chủ tịch UBND tỉnh Thái Nguyên", "level": "tinh", "signer": "Nguyễn Văn A",
                     "signer_title": "KT. CHỦ TỊCH — PHÓ CHỦ TỊCH",
                     "title": "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân đã có thành tích "
                              "xuất sắc trong phong trào thi đua chuyển đổi số giai đoạn 2022 - 2025"}
PROVINCE_REFUSAL = ("Chưa có số liệu minh chứng kết quả năm 2025 được cơ quan chuyên môn xác nhận "
                    "(Văn bản trả lời của Sở Nội vụ).")


def _demo_province_decision(session: Session, r, by_name) -> None:
    decision = outcomes.record_decision_back(session, r.id, PROVINCE_DECISION)
    nominees = {n.participant_id: n for n in rounds.nominees_of(session, r.id)}
    outcomes.set_outcome(session, nominees[by_name["Nông Thị Hoa"].id].id, "awarded", decision_id=decision.id)
    outcomes.set_outcome(session, nominees[by_name["Thôn Nà Khoang"].id].id, "not_awarded", reason=PROVINCE_REFUSAL)


# Registrations of the demo (đăng ký thi đua), two years: (year, collective, its title, members with LĐTT).
DEMO_REGISTRATIONS = [
    (2024, "Trạm Y tế xã Thượng Quan", "TTLDTT", ["Ma Thị Lan", "Lý Thị Hằng"]),
    (2025, "Trạm Y tế xã Thượng Quan", "TTLDXS", ["Ma Thị Lan", "Lý Thị Hằng"]),
    (2025, "Trường Phổ thông dân tộc bán trú Tiểu học Thượng Quan", "TTLDXS",
     ["Hoàng Thị Phương", "Đặng Thị Huyền", "Ninh Thị Duyên"]),
    (2025, "Thôn Nà Khoang", "THON_VH", []),
    (2025, "Thôn Bản Chang", "THON_VH", []),
    (2024, "Văn phòng HĐND và UBND xã Thượng Quan", "TTLDTT", ["Nguyễn Văn Đức", "Nông Thị Hoa"]),
    (2025, "Văn phòng HĐND và UBND xã Thượng Quan", "TTLDXS", ["Nguyễn Văn Đức", "Nông Thị Hoa", "Triệu Thị Mai"]),
]


def _demo_registrations(session: Session, campaign: Campaign) -> int:
    by_name = {p.name: p.id for p in Participant.select()}
    made = 0
    for year, collective, aim, members in DEMO_REGISTRATIONS:
        made += len(registrations.register_collective(session, {
            "campaign_id": campaign.id, "year": str(year), "participant_id": by_name[collective],
            "aim_category": "danh_hieu", "aim_code": aim, "registered_on": f"15/01/{year}"},
            [by_name[m] for m in members]))
    made += registrations.save_registration(session, {
        "campaign_id": campaign.id, "year": "2025", "participant_id": by_name["Nông Thị Hoa"],
        "aim_category": "danh_hieu", "aim_code": "CSTDCS", "registered_on": "16/01/2025"}) is not None
    return made


def create_demo_commune(session: Session) -> dict:
    """Fill an empty workspace with the demo commune, in one transaction. Refuses when the workspace already
    has a commune."""
    with session.write(Topic.EVERYTHING):
        return _create(session)


def _create(session: Session) -> dict:
    if session.home_commune() is not None:
        raise UserError("demo.workspace_not_empty")
    rng = random.Random(635)
    commune = save_commune_settings(session, COMMUNE)
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    collectives: list[Participant] = []
    for category, name, address, head, members, female in COLLECTIVES:
        collectives.append(save_participant(session, {
            "kind": "collective", "category": category, "name": name, "address": address, "head_name": head,
            "member_count": str(members), "female_count": str(female), "phone": f"0209{rng.randint(3800000, 3899999)}",
        }))
    individuals: list[Participant] = []
    for category, name, gender, born, ethnicity, position, org in INDIVIDUALS:
        individuals.append(save_participant(session, {
            "kind": "individual", "category": category, "name": name, "gender": gender, "birth_date": born,
            "ethnicity": ethnicity, "position": position, "workplace": collectives[org].name,
            "organization_id": collectives[org].id, "phone": f"09{rng.randint(10000000, 99999999)}",
            "cccd": f"006{rng.randint(100000000, 999999999)}" if rng.random() < 0.7 else "",
        }))
    achievements = 0
    for index, participant in enumerate(collectives + individuals):
        for k in range(1 + index % 2):
            template = ACHIEVEMENTS[(index + k) % len(ACHIEVEMENTS)]
            save_achievement(session, participant.id, _achievement_values(rng, campaign, template, 2023 + (index + k) % 3))
            achievements += 1
    awards = 0
    for index, person in enumerate(individuals):
        for year in (2023, 2024, 2025):
            rating = "HTXSNV" if (index + year) % 3 else "HTTNV"
            save_award(session, person.id, {"category": "xep_loai", "code": rating, "year": str(year),
                                "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "cong_trang"})
            title = "CSTDCS" if rating == "HTXSNV" and index % 2 == 0 else "LDTT"
            save_award(session, person.id, {"category": "danh_hieu", "code": title, "year": str(year),
                                "decision_number": f"{rng.randint(10, 99)}/QĐ-UBND",
                                "decision_date": f"{rng.randint(10, 28)}/12/{year}",
                                "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "cong_trang"})
            awards += 2
    for collective in collectives[:4]:
        save_award(session, collective.id, {"category": "hinh_thuc", "code": GIAY_KHEN, "year": "2024",
                                "decision_number": "112/QĐ-UBND", "decision_date": "20/12/2024",
                                "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "chuyen_de",
                                "note": "Khen thưởng sơ kết phong trào chuyển đổi số"})
        awards += 1
    session.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    registered = _demo_registrations(session, campaign)
    extra = _demo_checklists_and_round(session, commune, campaign)
    return {"commune": commune, "participants": len(collectives) + len(individuals),
            "achievements": achievements, "awards": Award.select().where(Award.commune == commune).count(),
            "checklists": extra["checklists"], "round": extra["round"], "registrations": registered}
