"""Award history of a participant: emulation titles, award forms, annual ratings and initiatives — kept apart."""
from __future__ import annotations

from ..dates import now_iso, today
from ..errors import ValidationError
from ..storage.models import Award, Participant, database_proxy
from ..validation import Validator

CATEGORIES = ("danh_hieu", "hinh_thuc", "xep_loai", "sang_kien")
AWARD_TYPES = ("cong_trang", "chuyen_de", "dot_xuat", "cong_hien")
CATEGORY_LABELS = {"danh_hieu": "Danh hiệu thi đua", "hinh_thuc": "Hình thức khen thưởng",
                   "xep_loai": "Xếp loại đánh giá", "sang_kien": "Sáng kiến, đề tài được công nhận"}
TYPE_LABELS = {"cong_trang": "Công trạng", "chuyen_de": "Chuyên đề", "dot_xuat": "Đột xuất", "cong_hien": "Cống hiến"}

# What each category can hold (code → name). Titles and forms never mix (domain.md §2).
CATALOGUE = {
    "danh_hieu": {
        "LDTT": "Lao động tiên tiến",
        "CSTDCS": "Chiến sĩ thi đua cơ sở",
        "CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh",
        "TTLDTT": "Tập thể lao động tiên tiến",
        "TTLDXS": "Tập thể lao động xuất sắc",
        "THON_VH": "Thôn, tổ dân phố văn hóa",
    },
    "hinh_thuc": {
        "GIAY_KHEN": "Giấy khen",
        "BANG_KHEN_TINH": "Bằng khen của Chủ tịch UBND tỉnh",
        "BANG_KHEN_TTCP": "Bằng khen của Thủ tướng Chính phủ",
        "HUAN_CHUONG_LD3": "Huân chương Lao động hạng Ba",
    },
    "xep_loai": {
        "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
        "HTTNV": "Hoàn thành tốt nhiệm vụ",
        "HTNV": "Hoàn thành nhiệm vụ",
        "KHTNV": "Không hoàn thành nhiệm vụ",
    },
    "sang_kien": {
        "SANG_KIEN": "Sáng kiến được công nhận",
        "DE_TAI": "Đề tài nghiên cứu khoa học được nghiệm thu",
    },
}


def award_name(category: str, code: str) -> str:
    return CATALOGUE.get(category, {}).get(code, code)


def validate_award(values: dict) -> dict:
    v = Validator(values)
    category = v.choice("category", CATEGORIES)
    code = v.text("code", required=True, max_len=50)
    if category and code and code not in CATALOGUE.get(category, {}):
        v.fail("code", "award.code_category_mismatch")
    year = v.integer("year", required=True)
    if year is not None and not (1945 <= year <= today().year):
        v.fail("year", "award.year_invalid")
    v.text("decision_number", max_len=50)
    decided = v.date("decision_date", allow_future=False)
    if decided and year and decided.year < year:
        v.fail("decision_date", "date.range_order")
    v.text("issuer", max_len=200)
    v.choice("award_type", AWARD_TYPES)
    v.text("note", max_len=2000, multiline=True)
    return v.raise_if_failed()


def save_award(participant: Participant, values: dict, award_id: int | None = None) -> Award:
    clean = validate_award(values)
    with database_proxy.atomic():
        award = Award(commune=participant.commune_id, participant=participant, created_at=now_iso()) \
            if award_id is None else Award.get_by_id(award_id)
        for key, value in clean.items():
            setattr(award, key, value)
        award.name = award_name(clean["category"], clean["code"])
        award.save()
    return award


def set_archived(award: Award, archived: bool) -> None:
    award.archived_at = now_iso() if archived else None
    award.save()


def list_awards(participant: Participant) -> list[Award]:
    return list(Award.select().where((Award.participant == participant) & Award.archived_at.is_null())
                .order_by(Award.year.desc(), Award.id.desc()))


def award_form_values(a: Award) -> dict:
    from ..dates import format_vn_date

    return {"category": a.category, "code": a.code, "year": str(a.year), "decision_number": a.decision_number,
            "decision_date": format_vn_date(a.decision_date), "issuer": a.issuer, "award_type": a.award_type,
            "note": a.note}


__all__ = ["validate_award", "save_award", "list_awards", "CATALOGUE", "ValidationError"]
