"""What the columns of a commune's list mean: the kinds of list the app imports, the fields of each with the
headings officers write for them (compared folded: any accent, case, spacing or punctuation), finding the header
row under title rows and merged banners, and remembering the officer's mapping for files with the same headings."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from ..legacy_text import TCVN3, VNI, to_unicode
from ..text import fold

from .kinds import ACHIEVEMENTS, AWARDS, COLLECTIVES, INDIVIDUALS, LIST_KINDS, REGISTRATIONS  # noqa: F401

IGNORE = ""          # a column the import leaves alone
ROW_NUMBER = "stt"   # "STT": read, never stored


@dataclass(frozen=True)
class Field:
    key: str
    label: str                 # Vietnamese, as the mapping dialog and the row report name it
    headings: tuple[str, ...]  # folded headings that mean this field
    kinds: tuple[str, ...]


_P = (INDIVIDUALS, COLLECTIVES)
_WHO = (INDIVIDUALS, COLLECTIVES, ACHIEVEMENTS, AWARDS, REGISTRATIONS)
FIELDS = (
    Field(ROW_NUMBER, "STT (số thứ tự)", ("stt", "tt", "so tt", "so thu tu"), _WHO),
    Field("name", "Họ và tên / Tên tập thể",
          ("ho va ten", "ho ten", "ho, ten", "ten", "ho va ten / ten tap the", "ho va ten/ten tap the",
           "ten ca nhan", "ten don vi/tap the", "ten don vi tap the", "ten tap the", "ten don vi", "ten co quan",
           "ten thon", "ten thon, to dan pho", "ten ca nhan/tap the", "ca nhan/tap the duoc khen",
           "ho va ten (ten tap the)", "ten tap the/ca nhan"), _WHO),
    Field("kind", "Đối tượng (cá nhân/tập thể)", ("doi tuong", "loai doi tuong", "ca nhan/tap the", "loai"), _P),
    Field("category", "Thành phần", ("thanh phan", "doi tuong (thanh phan)", "phan loai", "loai hinh",
                                     "ma doi tuong", "loai can bo"), _P),
    Field("gender", "Giới tính", ("gioi tinh", "gioi", "nam/nu", "nam, nu", "phai"), _P),
    Field("gender_male", "Cột đánh dấu Nam (x)", ("nam",), (INDIVIDUALS,)),
    Field("gender_female", "Cột đánh dấu Nữ (x)", ("nu",), (INDIVIDUALS,)),
    Field("birth_date", "Ngày sinh",
          ("ngay sinh", "ngay, thang, nam sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "nam sinh",
           "sinh ngay", "ngay sinh (dd/mm/yyyy)", "ngay thang nam sinh (dd/mm/yyyy)"), _WHO),
    # "Ngày sinh" merged over two columns "Nam" | "Nữ": the date stands in the column of the person's gender.
    Field("birth_male", "Ngày sinh (cột Nam)", ("ngay sinh nam", "nam sinh nam", "ngay, thang, nam sinh nam",
                                                "ngay thang nam sinh nam"), (INDIVIDUALS,)),
    Field("birth_female", "Ngày sinh (cột Nữ)", ("ngay sinh nu", "nam sinh nu", "ngay, thang, nam sinh nu",
                                                 "ngay thang nam sinh nu"), (INDIVIDUALS,)),
    Field("ethnicity", "Dân tộc", ("dan toc",), _P),
    Field("position", "Chức vụ", ("chuc vu", "chuc danh", "chuc vu/chuc danh", "chuc vu, chuc danh",
                                  "chuc vu hoac chuc danh", "chuc vu (neu co)"), _P),
    Field("workplace", "Đơn vị công tác",
          ("don vi", "don vi cong tac", "noi cong tac", "co quan cong tac", "co quan, don vi", "ten phong ban/to",
           "ten don vi/tap the cong tac", "don vi/thon", "thon", "thon, to dan pho", "noi lam viec",
           "co quan/don vi cong tac"), _WHO),
    Field("cccd", "Số CCCD", ("so cccd", "cccd", "can cuoc cong dan", "so can cuoc cong dan", "so can cuoc",
                              "so cmnd/cccd", "cmnd/cccd", "so dinh danh", "so dinh danh ca nhan", "cmnd"), _WHO),
    Field("phone", "Điện thoại", ("dien thoai", "so dien thoai", "sdt", "so dt", "dt"), _P),
    Field("address", "Địa chỉ", ("dia chi", "dia chi tru so", "tru so"), (COLLECTIVES, INDIVIDUALS)),
    Field("head_name", "Người đứng đầu", ("nguoi dung dau", "ho ten nguoi dung dau", "thu truong", "truong thon",
                                          "nguoi dai dien"), _P),
    Field("member_count", "Số thành viên", ("so thanh vien", "tong so thanh vien", "so nguoi", "so can bo",
                                            "tong so"), _P),
    Field("female_count", "Số thành viên nữ", ("so nu", "so thanh vien nu", "trong do nu", "nu (nguoi)"), _P),
    Field("note", "Ghi chú", ("ghi chu",), (INDIVIDUALS, COLLECTIVES, AWARDS, REGISTRATIONS)),
    # achievements
    Field("title", "Tên thành tích", ("ten thanh tich", "thanh tich", "thanh tich noi bat", "noi dung thanh tich",
                                      "thanh tich dat duoc"), (ACHIEVEMENTS,)),
    Field("description", "Mô tả", ("mo ta", "tom tat", "tom tat thanh tich", "noi dung"), (ACHIEVEMENTS,)),
    Field("results", "Kết quả", ("ket qua", "ket qua dat duoc", "hieu qua"), (ACHIEVEMENTS,)),
    Field("date_from", "Từ ngày", ("tu ngay", "ngay bat dau", "thoi gian tu"), (ACHIEVEMENTS,)),
    Field("date_to", "Đến ngày", ("den ngay", "ngay ket thuc", "thoi gian den"), (ACHIEVEMENTS,)),
    Field("campaign", "Phong trào", ("phong trao", "ma phong trao", "phong trao thi dua", "ke hoach"),
          (ACHIEVEMENTS, REGISTRATIONS)),
    Field("content_codes", "Nội dung thi đua", ("noi dung thi dua", "ma noi dung"), (ACHIEVEMENTS,)),
    Field("field_codes", "Lĩnh vực", ("linh vuc", "linh vuc uu tien", "ma linh vuc"), (ACHIEVEMENTS,)),
    # award history
    Field("category_award", "Loại (danh hiệu/hình thức/xếp loại/sáng kiến)",
          ("loai muc", "loai khen", "danh hieu hay hinh thuc"), (AWARDS,)),
    Field("code", "Danh hiệu / Hình thức / Xếp loại",
          ("danh hieu", "hinh thuc", "hinh thuc khen thuong", "danh hieu thi dua", "xep loai", "muc khen thuong",
           "danh hieu/hinh thuc", "danh hieu, hinh thuc khen thuong", "xep loai danh gia",
           "danh hieu/hinh thuc khen thuong", "khen thuong"), (AWARDS,)),
    Field("year", "Năm", ("nam", "nam khen thuong", "nam dat", "nam cong nhan", "nam xep loai", "nam dang ky",
                          "nam thi dua"), (AWARDS, REGISTRATIONS)),
    Field("decision_number", "Số quyết định", ("so quyet dinh", "so qd", "quyet dinh so", "so, ngay quyet dinh"),
          (AWARDS,)),
    Field("decision_date", "Ngày quyết định", ("ngay quyet dinh", "ngay qd", "ngay ky", "ngay ky quyet dinh"),
          (AWARDS,)),
    Field("issuer", "Cơ quan ban hành", ("co quan ban hanh", "cap khen", "noi ban hanh", "cap quyet dinh",
                                         "nguoi ky", "co quan quyet dinh"), (AWARDS,)),
    Field("award_type", "Loại khen thưởng (công trạng/chuyên đề/…)",
          ("loai khen thuong", "phuong thuc", "hinh thuc to chuc"), (AWARDS,)),
    # registrations (đăng ký thi đua)
    Field("aim", "Danh hiệu / hình thức đăng ký",
          ("danh hieu dang ky", "dang ky danh hieu", "danh hieu thi dua dang ky", "dang ky danh hieu thi dua",
           "danh hieu dang ky thi dua", "dang ky thi dua", "dang ky", "noi dung dang ky", "hinh thuc dang ky",
           "danh hieu, hinh thuc dang ky", "danh hieu/hinh thuc dang ky", "dang ky dat danh hieu"), (REGISTRATIONS,)),
    Field("registered_on", "Ngày đăng ký", ("ngay dang ky", "ngay dk"), (REGISTRATIONS,)),
    Field("collective", "Đăng ký theo danh sách của tập thể",
          ("thuoc tap the", "tap the", "dang ky cung tap the", "tap the dang ky", "trong danh sach tap the"),
          (REGISTRATIONS,)),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}


def fold_heading(text) -> str:
    """'Ngày, tháng,\nnăm sinh ' → 'ngay, thang, nam sinh': folded, one space, no trailing colon or asterisk."""
    if text is None:
        return ""
    value = fold(str(text)).replace("\n", " ")
    value = re.sub(r"\s*([/,])\s*", r"\1 ", value)
    value = re.sub(r"[*:]+$", "", value).strip()
    value = value.replace("/ ", "/")
    return " ".join(value.split())


def fields_for(kind: str) -> list[Field]:
    return [f for f in FIELDS if kind in f.kinds]


def field_for_heading(heading: str, kind: str | None = None) -> str | None:
    """The field a heading names (within a list kind when given), or None."""
    folded = fold_heading(heading)
    if not folded:
        return None
    candidates = fields_for(kind) if kind else FIELDS
    for f in candidates:
        if folded in f.headings:
            return f.key
    # "Ngày sinh (nếu có)", "Họ và tên (1)": a known heading followed by a bracket
    base = re.sub(r"\s*\(.*\)\s*$", "", folded)
    if base != folded:
        for f in candidates:
            if base in f.headings:
                return f.key
    return None


@dataclass
class TableShape:
    """Where the table is in a sheet: the header row (its index in Sheet.rows), the headings, and the rows
    after it that only number the columns ("(1) (2) (3)") or continue a two-row header."""

    header_index: int
    headings: list[str]
    data_start: int


_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


def read_heading(cell) -> str:
    """A header cell as text; a heading typed with a TCVN3 or VNI font ("Hä vµ tªn") is read in it when that
    makes it a heading we know."""
    if cell is None:
        return ""
    text = str(cell)
    if field_for_heading(text) is None and not text.isascii():
        for encoding in (TCVN3, VNI):
            decoded = to_unicode(text, encoding)
            if field_for_heading(decoded) is not None:
                return decoded
    return text


def find_header(rows: list[tuple[int, list]], scan: int = 30) -> TableShape | None:
    """The header row: among the first rows, the one whose cells match most known headings (at least two).
    Title rows and merged banners above it (one long text in one cell) match none."""
    best, best_hits = None, 1
    for index, (_number, cells) in enumerate(rows[:scan]):
        hits = sum(1 for c in cells if isinstance(c, str) and field_for_heading(read_heading(c)) is not None)
        if hits > best_hits:
            best, best_hits = index, hits
    if best is None:
        return None
    headings = [read_heading(c) for c in rows[best][1]]
    start = best + 1
    # A second header row under merged cells ("Ngày sinh" over "Nam" | "Nữ"), then a numbering row.
    while start < len(rows) and start <= best + 2:
        cells = [c for c in rows[start][1] if c not in (None, "")]
        if cells and all(isinstance(c, (int, float)) and not isinstance(c, bool) and 0 < c < 100 and c == int(c)
                         or isinstance(c, str) and _NUMBERING.match(c.strip()) for c in cells) \
                and len(cells) >= max(2, len(headings) // 2):
            start += 1
            continue
        sub = rows[start][1]
        if cells and all(isinstance(c, str) and field_for_heading(c) is not None for c in cells) and \
                any(i < len(headings) and not headings[i] for i, c in enumerate(sub) if c not in (None, "")):
            parent = ""
            for i, c in enumerate(sub):
                while len(headings) <= i:
                    headings.append("")
                if headings[i]:
                    parent = headings[i]
                if c not in (None, ""):
                    # a merged heading spans the columns to its right: "Ngày sinh" over "Nam" | "Nữ"
                    headings[i] = f"{headings[i] or parent} {c}".strip()
            start += 1
            continue
        break
    return TableShape(best, headings, start)


def guess_kind(headings: list[str]) -> str:
    """The list kind these headings look like."""
    keys = {field_for_heading(h) for h in headings} - {None}
    folded = {fold_heading(h) for h in headings}
    if "aim" in keys:
        return REGISTRATIONS
    if "code" in keys and ("year" in keys or "decision_number" in keys):
        return AWARDS
    if "title" in keys:
        return ACHIEVEMENTS
    individual_marks = {"gender", "gender_male", "gender_female", "birth_date", "position", "ethnicity", "cccd"}
    if keys & individual_marks or folded & {"ho va ten", "ho ten"}:
        return INDIVIDUALS
    if keys & {"head_name", "member_count", "female_count", "address"} or \
            folded & {"ten don vi/tap the", "ten tap the", "ten don vi", "ten co quan", "ten thon"}:
        return COLLECTIVES
    return INDIVIDUALS


def guess_mapping(headings: list[str], kind: str) -> list[str]:
    """One field key per column (IGNORE where the heading says nothing known); each field is used once."""
    used: set[str] = set()
    mapping = []
    has_person_name = any(fold_heading(h) in ("ho va ten", "ho ten", "ho, ten") for h in headings)
    for heading in headings:
        key = field_for_heading(heading, kind)
        folded = fold_heading(heading)
        # "Tên đơn vị" is the collective's own name in a list of collectives, the workplace beside "Họ và tên".
        if key == "name" and has_person_name and folded not in ("ho va ten", "ho ten", "ho, ten") \
                and kind in (INDIVIDUALS, ACHIEVEMENTS, AWARDS, REGISTRATIONS):
            key = "workplace" if "workplace" not in used else None
        if key in used:
            key = None
        if key:
            used.add(key)
        mapping.append(key or IGNORE)
    return mapping


def headings_signature(headings: list[str], kind: str) -> str:
    """A key for 'files with the same headings' (folded, in order)."""
    text = json.dumps([kind] + [fold_heading(h) for h in headings], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def column_letter(index: int) -> str:
    """0 → 'A', 26 → 'AA' (cell addresses as Excel shows them)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
