"""Workbooks shaped like the lists communes really have (domain.md §9): a merged title banner above the header,
"STT" and a numbering row, text dates, a column typed in TCVN3 (ABC) and one in VNI-Windows, NFD text, `#N/A` left
by VLOOKUP, a subtotal row, a hidden code column. Built with openpyxl (and xlwt for the legacy .xls)."""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

# name (Unicode), the same name as typed with a TCVN3 font, and with a VNI font
PEOPLE = [
    ("Nguyễn Thị Đào", "NguyÔn ThÞ §µo", "Nguyeãn Thò Ñaøo"),
    ("Trần Văn Hùng", "TrÇn V¨n Hïng", "Traàn Vaên Huøng"),
    ("Hoàng Thị Ánh", "Hoµng ThÞ ¸nh", "Hoaøng Thò AÙnh"),
    ("Lê Văn Dũng", "Lª V¨n Dòng", "Leâ Vaên Duõng"),
]
UNITS = [("Trưởng thôn", "Tr­ëng th«n", "Tröôûng thoân"), ("Chủ tịch UBND xã", "Chñ tÞch UBND x·", "Chuû tòch UBND xaõ")]


def commune_individuals(path: Path, *, encoding: str = "tcvn3") -> Path:
    """The thôn's list: banner, header, numbering row, 4 people (names in `encoding`, positions in VNI), one
    '#N/A' in the unit column, one text date, one serial date, 'năm 1985', an impossible date, a subtotal."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "UBND XÃ HÒA BÌNH"
    ws["A2"] = "DANH SÁCH CÁN BỘ, NGƯỜI LAO ĐỘNG THAM GIA PHONG TRÀO NĂM 2025"
    ws.merge_cells("A2:H2")
    header = ["STT", "Họ và tên", "Ngày, tháng,\nnăm sinh", "Giới tính", "Chức vụ", "Đơn vị công tác", "Mã ĐV",
              "Số CCCD"]
    ws.append([])
    ws.append(header)
    ws.append([f"({i})" for i in range(1, len(header) + 1)])
    col = {"tcvn3": 1, "vni": 2, "unicode": 0, "nfd": 0}[encoding]

    def name(i):
        text = PEOPLE[i][col]
        return unicodedata.normalize("NFD", text) if encoding == "nfd" else text

    ws.append([1, name(0), "05/02/1985", "Nữ", UNITS[0][2], "Thôn Nà Làng", "TNL", "001185000123"])
    ws.append([2, name(1), dt.datetime(1979, 7, 1), "Nam", UNITS[1][2], "#N/A", "#N/A", 1080000456])
    ws.append([3, name(2), "năm 1990", "Nữ", UNITS[0][2], "Thôn Bản Chang", "TBC", None])
    ws.append([4, name(3), 31000, "Nam", UNITS[1][2], "UBND xã", "UB", None])   # serial 31000 = 14/11/1984
    ws.append([5, "Phạm Văn Tú", "31/02/1980", "Nam", "", "UBND xã", "UB", None])
    ws.append([None, "Tổng cộng: 5 người", None, None, None, None, None, None])
    ws.column_dimensions["G"].hidden = True
    for i in range(1, 9):
        ws.column_dimensions[get_column_letter(i)].width = 18
    wb.save(path)
    return path


def collectives(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tập thể"
    ws.append(["DANH SÁCH TẬP THỂ"])
    ws.append(["TT", "Tên đơn vị/tập thể", "Thành phần", "Địa chỉ", "Người đứng đầu", "Số thành viên", "Số nữ"])
    ws.append([1, "Thôn Nà Làng", "Thôn, bản", "Xã Hòa Bình", "Nguyễn Văn An", 120, "58"])
    ws.append([2, "Hợp tác xã Chè Tân Lập", "hop_tac_xa", "", "Hà Thị Lan", 25, 30])   # 30 women > 25 members
    ws.append(["I.", "Khối cơ quan", None, None, None, None, None])
    ws.append([3, "Trạm Y tế xã", "Đơn vị", "", "", None, None])
    wb.save(path)
    return path


def award_history(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    ws.append(["STT", "Họ tên", "Ngày sinh", "Danh hiệu / hình thức", "Năm", "Số QĐ", "Ngày QĐ", "Cấp khen"])
    ws.append([1, "Nguyễn Thị Đào", "05/02/1985", "Lao động tiên tiến", 2024, "12/QĐ-UBND", "20/12/2024", "UBND xã"])
    ws.append([2, "Nguyễn Thị Đào", "05/02/1985", "HTXSNV", 2024, "", "", "UBND xã"])
    ws.append([3, "Trần Văn Hùng", "01/07/1979", "Giấy khen", 2023, "45/QĐ-UBND", "15/1/2024", "Chủ tịch UBND xã"])
    ws.append([4, "Người Lạ", "", "Giấy khen", 2023, "", "", ""])
    ws.append([5, "Trần Văn Hùng", "01/07/1979", "Bằng khen vàng", 2023, "", "", ""])
    wb.save(path)
    return path


def as_xls(path: Path, rows: list[list]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, (dt.date, dt.datetime)):
                sheet.write(r, c, value, date_style)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path
