"""The words of the trade, once: every code the app stores (kinds, categories, genders, titles, award forms,
ratings, award types, statuses) with its Vietnamese name. Validation, the window's labels, the documents and
the database's CHECK constraints (tests/core/test_schema.py compares them) all read this module;
docs/glossary.md maps each Vietnamese term to its identifier and stored code.

Stored codes never change meaning; a renamed code keeps its old spelling in LEGACY_CODES so that data from
older versions (and packets written by them) still reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Term:
    """One stored code and how it is written for people: `name` in full, `short` where space is tight."""

    code: str
    name: str
    short: str = ""

    @property
    def short_name(self) -> str:
        return self.short or self.name


class Terms:
    """An ordered, read-only set of terms: `codes`, `name(code)`, `code in terms`, iteration in order."""

    def __init__(self, *terms: Term):
        self._terms = {t.code: t for t in terms}
        if len(self._terms) != len(terms):
            raise ValueError("duplicate code")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._terms)

    def __contains__(self, code: object) -> bool:
        return code in self._terms

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def __len__(self) -> int:
        return len(self._terms)

    def get(self, code: str | None) -> Term | None:
        return self._terms.get(code) if code else None

    def name(self, code: str | None) -> str:
        """The Vietnamese name; an unknown code is shown as itself (never hidden), empty stays empty."""
        term = self.get(code)
        return term.name if term else (code or "")

    def short_name(self, code: str | None) -> str:
        term = self.get(code)
        return term.short_name if term else (code or "")


# ----- participants ---------------------------------------------------------------------------------------

INDIVIDUAL, COLLECTIVE = "individual", "collective"
PARTICIPANT_KINDS = Terms(Term(INDIVIDUAL, "Cá nhân"), Term(COLLECTIVE, "Tập thể"))

COLLECTIVE_CATEGORIES = Terms(
    Term("co_quan", "Cơ quan"), Term("don_vi", "Đơn vị"), Term("thon_ban", "Thôn, bản"),
    Term("to_dan_pho", "Tổ dân phố"), Term("doanh_nghiep", "Doanh nghiệp"), Term("hop_tac_xa", "Hợp tác xã"),
)
INDIVIDUAL_CATEGORIES = Terms(
    Term("can_bo", "Cán bộ"), Term("cong_chuc", "Công chức"), Term("vien_chuc", "Viên chức"),
    Term("nguoi_lao_dong", "Người lao động"), Term("nguoi_dan", "Người dân"),
)
CATEGORIES_BY_KIND = {INDIVIDUAL: INDIVIDUAL_CATEGORIES, COLLECTIVE: COLLECTIVE_CATEGORIES}
PARTICIPANT_CATEGORIES = Terms(*INDIVIDUAL_CATEGORIES, *COLLECTIVE_CATEGORIES)

MALE, FEMALE = "nam", "nu"
GENDERS = Terms(Term(MALE, "Nam"), Term(FEMALE, "Nữ"))

# ----- award history (domain.md §2: titles and award forms never mix) -------------------------------------

TITLE, AWARD_FORM, RATING, INITIATIVE = "danh_hieu", "hinh_thuc", "xep_loai", "sang_kien"
AWARD_CATEGORIES = Terms(
    Term(TITLE, "Danh hiệu thi đua"), Term(AWARD_FORM, "Hình thức khen thưởng"),
    Term(RATING, "Xếp loại đánh giá"), Term(INITIATIVE, "Sáng kiến, đề tài được công nhận"),
)

TITLES = Terms(
    Term("LDTT", "Lao động tiên tiến", "LĐTT"),
    Term("CSTDCS", "Chiến sĩ thi đua cơ sở", "CSTĐCS"),
    Term("CSTD_TINH", "Chiến sĩ thi đua cấp tỉnh", "CSTĐ cấp tỉnh"),
    Term("TTLDTT", "Tập thể lao động tiên tiến", "TTLĐTT"),
    Term("TTLDXS", "Tập thể lao động xuất sắc", "TTLĐXS"),
    Term("THON_VH", "Thôn, tổ dân phố văn hóa"),
)

GIAY_KHEN, BANG_KHEN_TINH = "giay_khen", "bang_khen_tinh"
AWARD_FORMS = Terms(
    Term(GIAY_KHEN, "Giấy khen", "Giấy khen"),
    Term(BANG_KHEN_TINH, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen tỉnh"),
    Term("bang_khen_ttcp", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen Thủ tướng"),
    Term("huan_chuong_ld3", "Huân chương Lao động hạng Ba"),
)
RATINGS = Terms(
    Term("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"),
    Term("HTTNV", "Hoàn thành tốt nhiệm vụ", "HTTNV"),
    Term("HTNV", "Hoàn thành nhiệm vụ", "HTNV"),
    Term("KHTNV", "Không hoàn thành nhiệm vụ", "KHTNV"),
)
INITIATIVES = Terms(
    Term("SANG_KIEN", "Sáng kiến được công nhận"),
    Term("DE_TAI", "Đề tài nghiên cứu khoa học được nghiệm thu"),
)
AWARD_CODES_BY_CATEGORY = {TITLE: TITLES, AWARD_FORM: AWARD_FORMS, RATING: RATINGS, INITIATIVE: INITIATIVES}

COMMENDATION_TYPES = Terms(
    Term("cong_trang", "Công trạng"), Term("chuyen_de", "Chuyên đề"), Term("dot_xuat", "Đột xuất"),
    Term("cong_hien", "Cống hiến"),
)
#: NĐ 152/2025 Điều 4(3): thematic and exceptional awards do not count towards later annual-merit awards.
NOT_COUNTED_FOR_ANNUAL_MERIT = frozenset({"chuyen_de", "dot_xuat"})


@dataclass(frozen=True)
class NominationForm:
    """An award form a commune's round nominates for: its code (one of AWARD_FORMS), the full name printed in
    documents, and whether the commune decides it itself (Giấy khen) or proposes it upwards (Bằng khen)."""

    code: str
    name: str
    short: str
    decided_here: bool
    head_title: str       # who signs it: "CHỦ TỊCH"


NOMINATION_FORMS = {
    BANG_KHEN_TINH: NominationForm(BANG_KHEN_TINH, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen",
                                   decided_here=False, head_title="CHỦ TỊCH"),
    GIAY_KHEN: NominationForm(GIAY_KHEN, "Giấy khen của Chủ tịch Ủy ban nhân dân xã", "Giấy khen",
                              decided_here=True, head_title="CHỦ TỊCH"),
}

# ----- checklists, rounds, the commune ------------------------------------------------------------------

ANSWER_STATUSES = Terms(Term("met", "Đạt"), Term("not_met", "Không đạt"), Term("not_applicable", "Không áp dụng"))
ELIGIBLE, NOT_ELIGIBLE, INCOMPLETE = "eligible", "not_eligible", "incomplete"
VERDICTS = Terms(Term(ELIGIBLE, "Đủ điều kiện"), Term(NOT_ELIGIBLE, "Chưa đủ điều kiện"),
                 Term(INCOMPLETE, "Chưa hoàn thành"))

DRAFT, LOCKED, SENT, SUPERSEDED = "draft", "locked", "sent", "superseded"
ROUND_STATUSES = Terms(Term(DRAFT, "Đang soạn"), Term(LOCKED, "Đã khóa"), Term(SENT, "Đã gửi"),
                       Term(SUPERSEDED, "Đã thay thế"))
EDITABLE_ROUND_STATUSES = (DRAFT,)

# The review of a received round at the province (issue 16; stored in round_review.state, migration 0011).
RECEIVED, UNDER_REVIEW, RETURNED, READY, DECIDED, RESULT_SENT = (
    "da_tiep_nhan", "dang_tham_dinh", "can_bo_sung", "du_dieu_kien", "da_co_quyet_dinh", "da_tra_ket_qua")
REVIEW_STATES = Terms(Term(RECEIVED, "Đã tiếp nhận"), Term(UNDER_REVIEW, "Đang thẩm định"),
                      Term(RETURNED, "Cần bổ sung"), Term(READY, "Đủ điều kiện trình"),
                      Term(DECIDED, "Đã có quyết định"), Term(RESULT_SENT, "Đã trả kết quả"))
AWARDED, NOT_AWARDED = "awarded", "not_awarded"
NOMINEE_OUTCOMES = Terms(Term(AWARDED, "Được khen thưởng"), Term(NOT_AWARDED, "Không được khen thưởng"))
# What an officer of the receiving level may do (PostgreSQL group roles of migration 0011).
DUTIES = Terms(Term("import", "Tiếp nhận hồ sơ"), Term("review", "Thẩm định"), Term("decide", "Trình và ghi quyết định"),
               Term("admin", "Quản trị"))

RECEIVING_LEVELS = Terms(Term("so_noi_vu", "Tỉnh — Sở Nội vụ"), Term("huyen", "Huyện (trước 01/7/2025)"),
                         Term("khac", "Khác"))
COMMUNE_ROLE, RECEIVER_ROLE = "commune", "receiver"
WORKSPACE_ROLES = Terms(Term(COMMUNE_ROLE, "Xã (lập hồ sơ)"), Term(RECEIVER_ROLE, "Nơi tiếp nhận hồ sơ"))

# ----- the two ends of the year (issue 15) ------------------------------------------------------------------

#: What a participant may register for (đăng ký thi đua): a title or an award form (domain.md §10).
REGISTRATION_AIMS = {TITLE: TITLES, AWARD_FORM: AWARD_FORMS}
REGISTRATION_SOURCES = Terms(Term("window", "Nhập trên màn hình"), Term("excel", "Nhập từ Excel"),
                             Term("command", "Dòng lệnh"))
AWARDED, NOT_AWARDED = "awarded", "not_awarded"
OUTCOMES = Terms(Term(AWARDED, "Được khen thưởng"), Term(NOT_AWARDED, "Không được khen thưởng"))
DECISION_LEVELS = Terms(Term("xa", "Cấp xã"), Term("tinh", "Cấp tỉnh"), Term("trung_uong", "Trung ương"))
DECISION_SOURCES = Terms(Term("commune", "Quyết định của xã"), Term("paper", "Nhập từ quyết định giấy"),
                         Term("return_packet", "Gói trả kết quả có chữ ký"))

# ----- old spellings ---------------------------------------------------------------------------------------

#: Codes written by earlier versions → today's code (migration 0006 rewrote stored data; packets from older
#: versions still carry them).
LEGACY_CODES = {
    "bang_khen_chu_tich_tinh": BANG_KHEN_TINH,
    "GIAY_KHEN": GIAY_KHEN,
    "BANG_KHEN_TINH": BANG_KHEN_TINH,
    "BANG_KHEN_TTCP": "bang_khen_ttcp",
    "HUAN_CHUONG_LD3": "huan_chuong_ld3",
}


def current_code(code: str | None) -> str:
    """Today's spelling of a code that may come from an older version."""
    return LEGACY_CODES.get(code, code) if code else ""


def award_name(category: str, code: str) -> str:
    """The name of an award-history entry: a title, an award form, a rating or an initiative."""
    terms = AWARD_CODES_BY_CATEGORY.get(category)
    return terms.name(code) if terms is not None else code
