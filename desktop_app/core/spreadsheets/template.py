"""Blank templates (Tệp › Tải mẫu Excel) for each kind of list: the header row the importer recognises, drop-down
lists (data validation) for the kinds, categories, genders, award forms, priority fields and contents, the header
frozen, and a "Hướng dẫn" sheet with what each column takes and an example row."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import UserError
from ..register.campaigns import list_campaigns
from ..storage.session import Session
from ..vocabulary import (AWARD_CODES_BY_CATEGORY, COLLECTIVE_CATEGORIES, COMMENDATION_TYPES,
                          GENDERS, INDIVIDUAL_CATEGORIES)
from .columns import ACHIEVEMENTS, AWARDS, COLLECTIVES, INDIVIDUALS, LIST_KINDS

# (heading, what it takes, example, drop-down list or None)
_T = tuple[str, str, str, list[str] | None]


def _columns(session: Session, kind: str) -> list[_T]:
    if kind == INDIVIDUALS:
        return [
            ("STT", "Số thứ tự (không bắt buộc)", "1", None),
            ("Họ và tên", "Bắt buộc", "Nguyễn Thị Đào", None),
            ("Thành phần", "Chọn trong danh sách", INDIVIDUAL_CATEGORIES.name("can_bo"),
             [t.name for t in INDIVIDUAL_CATEGORIES]),
            ("Giới tính", "Nam hoặc Nữ", "Nữ", [t.name for t in GENDERS]),
            ("Ngày sinh", "Ngày/tháng/năm, ví dụ 05/02/1985 (chỉ biết năm: ghi 1985)", "05/02/1985", None),
            ("Dân tộc", "", "Tày", None),
            ("Chức vụ", "", "Trưởng thôn", None),
            ("Đơn vị công tác", "Cơ quan, đơn vị hoặc thôn", "Thôn Nà Làng", None),
            ("Số CCCD", "12 chữ số (ô dạng văn bản để giữ số 0 đầu)", "001185000123", None),
            ("Điện thoại", "", "0912345678", None),
            ("Ghi chú", "", "", None),
        ]
    if kind == COLLECTIVES:
        return [
            ("STT", "Số thứ tự (không bắt buộc)", "1", None),
            ("Tên đơn vị/tập thể", "Bắt buộc", "Thôn Nà Làng", None),
            ("Thành phần", "Chọn trong danh sách", COLLECTIVE_CATEGORIES.name("thon_ban"),
             [t.name for t in COLLECTIVE_CATEGORIES]),
            ("Địa chỉ", "", "Xã Hòa Bình", None),
            ("Người đứng đầu", "", "Nguyễn Văn An", None),
            ("Số thành viên", "Số nguyên", "120", None),
            ("Số thành viên nữ", "Số nguyên, không quá số thành viên", "58", None),
            ("Điện thoại", "", "", None),
            ("Ghi chú", "", "", None),
        ]
    if kind == AWARDS:
        names = [t.name for terms in AWARD_CODES_BY_CATEGORY.values() for t in terms]
        return [
            ("STT", "Số thứ tự (không bắt buộc)", "1", None),
            ("Họ và tên / Tên tập thể", "Người hoặc tập thể đã có trong sổ", "Nguyễn Thị Đào", None),
            ("Ngày sinh", "Để phân biệt người trùng tên", "05/02/1985", None),
            ("Số CCCD", "Để phân biệt người trùng tên", "", None),
            ("Danh hiệu / Hình thức", "Danh hiệu, hình thức khen thưởng, xếp loại hoặc sáng kiến", names[0], names),
            ("Năm", "Năm đạt", "2024", None),
            ("Số quyết định", "", "12/QĐ-UBND", None),
            ("Ngày quyết định", "Ngày/tháng/năm", "20/12/2024", None),
            ("Cơ quan ban hành", "", "UBND xã Hòa Bình", None),
            ("Loại khen thưởng", "Mặc định: Công trạng", COMMENDATION_TYPES.name("cong_trang"),
             [t.name for t in COMMENDATION_TYPES]),
            ("Ghi chú", "", "", None),
        ]
    if kind == ACHIEVEMENTS:
        campaigns = list_campaigns(session)
        contents = [c["code"] for c in (campaigns[0].data.get("contents", []) if campaigns else [])]
        fields = [c["text"] for c in (campaigns[0].data.get("priority_fields", []) if campaigns else [])]
        return [
            ("STT", "Số thứ tự (không bắt buộc)", "1", None),
            ("Họ và tên / Tên tập thể", "Người hoặc tập thể đã có trong sổ", "Nguyễn Thị Đào", None),
            ("Ngày sinh", "Để phân biệt người trùng tên", "05/02/1985", None),
            ("Phong trào", "Số hiệu hoặc tên phong trào (để trống nếu chỉ có một)",
             campaigns[0].number if campaigns else "", [c.number for c in campaigns] or None),
            ("Tên thành tích", "Bắt buộc", "Hướng dẫn người dân dùng dịch vụ công trực tuyến", None),
            ("Mô tả", "", "", None),
            ("Kết quả", "", "120 hồ sơ nộp trực tuyến", None),
            ("Từ ngày", "Ngày/tháng/năm", "01/03/2024", None),
            ("Đến ngày", "Ngày/tháng/năm", "30/11/2024", None),
            ("Nội dung thi đua", "Mã nội dung, cách nhau bằng dấu phẩy", ", ".join(contents[:1]), contents or None),
            ("Lĩnh vực", "Tên lĩnh vực, cách nhau bằng dấu phẩy", fields[0] if fields else "", fields or None),
        ]
    raise UserError("xlsx.unknown_list", name=kind)


def write_template(session: Session, kind: str, target: str | os.PathLike) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = _columns(session, kind)
    target = Path(target)
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    lists = wb.create_sheet("Danh mục")
    ws.append([c[0] for c in columns])
    for i, (heading, _what, _example, choices) in enumerate(columns, start=1):
        letter = get_column_letter(i)
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[letter].width = max(12, min(45, len(heading) + 6))
        if heading in ("Số CCCD", "Điện thoại", "Ngày sinh", "Ngày quyết định", "Từ ngày", "Đến ngày"):
            for row in range(2, 1002):
                ws.cell(row=row, column=i).number_format = "@"   # text: keeps leading zeros and dd/mm/yyyy
        if choices:
            # Long lists live on the "Danh mục" sheet (a literal list is limited to 255 characters).
            for r, value in enumerate(choices, start=1):
                lists.cell(row=r, column=i, value=value)
            dv = DataValidation(type="list", formula1=f"='Danh mục'!${letter}$1:${letter}${len(choices)}",
                                allow_blank=True, showErrorMessage=False)
            dv.promptTitle = heading
            dv.prompt = "Chọn trong danh sách"
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}1001")
    ws.freeze_panes = "A2"
    lists.sheet_state = "hidden"
    guide = wb.create_sheet("Hướng dẫn")
    guide.append([f"MẪU NHẬP {LIST_KINDS[kind].upper()} — Sổ Thi đua"])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append(["Điền từ dòng 2 của trang \"Danh sách\"; giữ nguyên dòng tiêu đề. Nhập bằng Tệp › Nhập từ Excel…"])
    guide.append([])
    guide.append(["Cột", "Cách ghi", "Ví dụ"])
    for cell in guide[4]:
        cell.font = Font(bold=True)
    for heading, what, example, _choices in columns:
        guide.append([heading, what, example])
    guide.append([])
    guide.append(["Dòng ví dụ (có thể chép sang trang Danh sách):"])
    guide.append([c[2] for c in columns])
    guide.column_dimensions["A"].width = 26
    guide.column_dimensions["B"].width = 60
    guide.column_dimensions["C"].width = 40
    wb.move_sheet(guide, offset=-1)
    wb.active = 0
    try:
        wb.save(target)
    except PermissionError:
        raise UserError("xlsx.export_locked", file=target.name) from None
    except OSError as exc:
        raise UserError("xlsx.export_failed", file=target.name, detail=exc.strerror or str(exc)) from None
    return target
