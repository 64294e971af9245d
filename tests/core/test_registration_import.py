"""Đăng ký thi đua from Excel (issue 15 with issue 14's machinery): the units' registration list read under its
banner, each row judged (who, for what, which year and date, on which collective's list) before anything is
written, imported as one undoable batch, the same list again adding nothing."""
from __future__ import annotations

import openpyxl
import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.register.campaigns import list_campaigns
from desktop_app.core.spreadsheets import importing as imp
from desktop_app.core.storage.models import ImportBatch, Participant, Registration


def registrations(session) -> list[tuple]:
    session.activate()
    return sorted((r.participant.name, r.aim_code, r.year, r.registered_on.isoformat(), r.source,
                   r.collective.name if r.collective_id else "")
                  for r in Registration.select().where(Registration.archived_at.is_null()))


def sheet(path, rows, *, headings=("STT", "Họ và tên / Tên tập thể", "Danh hiệu đăng ký", "Thuộc tập thể",
                                   "Ngày đăng ký", "Ghi chú")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ỦY BAN NHÂN DÂN XÃ THƯỢNG QUAN"])
    ws.append(["DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2025"])
    ws.append([])
    ws.append(list(headings))
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row])
    wb.save(path)
    return path


ROWS = [
    ("Trạm Y tế xã Thượng Quan", "Tập thể lao động xuất sắc", "", "15/01/2025", ""),   # registered in the demo
    ("Lý Thị Hằng", "LĐTT", "Trạm Y tế xã Thượng Quan", "15/01/2025", ""),              # idem, on its list
    ("Nguyễn Văn Đức", "Chiến sĩ thi đua cơ sở", "", "15/01/2025", "Đăng ký tại hội nghị"),
    ("Đặng Thị Huyền", "Lao động tiên tiến", "Trường Phổ thông dân tộc bán trú Tiểu học Thượng Quan",
     "16/01/2025", ""),                                                    # registered in the demo, another date
    ("Thôn Bản Chang", "Lao động tiên tiến", "", "15/01/2025", ""),          # an individual's title for a thôn
    ("Không Có Ai", "LĐTT", "", "15/01/2025", ""),                           # not in the register
    ("Nguyễn Văn Đức", "Bay lượn", "", "15/01/2025", ""),                    # no such title
    ("Nguyễn Văn Đức", "Chiến sĩ thi đua cơ sở", "", "15/01/2025", ""),      # row 3 again
    ("Đặng Thị Huyền", "LĐTT", "Tổ Không Tồn Tại", "15/01/2025", ""),        # unknown collective
    ("Nguyễn Văn Đức", "LĐTT", "", "31/02/2025", ""),                        # no such day
]


PROBLEM_9 = "Dòng 9, cột C: danh hiệu / hình thức đăng ký «Lao động tiên tiến» — Danh hiệu này không dành cho tập thể."


@pytest.fixture
def demo(session):
    create_demo_commune(session)
    return list_campaigns(session)[0]


def test_a_registration_list_is_judged_row_by_row_then_imported_once(session, demo, tmp_path):
    path = sheet(tmp_path / "dang_ky.xlsx", ROWS)
    before = registrations(session)
    plan = imp.read_import(session, path, campaign_id=demo.id, year=2025)
    assert registrations(session) == before                           # the preview writes nothing
    assert plan.kind == "registrations" and plan.header_row == 4
    assert plan.mapping == ["stt", "name", "aim", "collective", "registered_on", "note"]
    verdicts = {r.row: r.verdict for r in plan.rows}
    assert verdicts == {5: "same", 6: "same", 7: "new", 8: "update", 9: "error", 10: "error", 11: "error",
                        12: "duplicate", 13: "error", 14: "error"}, verdicts
    rows = {r.row: r for r in plan.rows}
    assert [c[0] for c in rows[8].changes] == ["Ngày đăng ký"] and rows[8].changes[0][2] == "16/01/2025"
    problems = {r.row: r.problems for r in plan.rows if r.problems}
    assert problems[9] == [PROBLEM_9], problems[9]
    assert problems[10][0].startswith("Dòng 10, cột B: \"Không Có Ai\" chưa có trong sổ theo dõi")
    assert problems[11][0].startswith("Dòng 11, cột C: danh hiệu / hình thức đăng ký \"Bay lượn\" không phải")
    assert problems[13] == ["Dòng 13, cột D: đăng ký theo danh sách của tập thể \"Tổ Không Tồn Tại\" không phải "
                            "tập thể nào trong sổ theo dõi"]
    assert problems[14][0].startswith("Dòng 14, cột E: ngày đăng ký 31/02/2025 không có thật")

    result = imp.apply_import(session, plan)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 2)
    added = set(registrations(session)) - set(before)
    assert added == {("Nguyễn Văn Đức", "CSTDCS", 2025, "2025-01-15", "excel", ""),
                     ("Đặng Thị Huyền", "LDTT", 2025, "2025-01-16", "window",
                      "Trường Phổ thông dân tộc bán trú Tiểu học Thượng Quan")}
    # the same list again: nothing new
    again = imp.read_import(session, path, campaign_id=demo.id, year=2025)
    assert [r.verdict for r in again.rows if r.row in (7, 8)] == ["same", "same"]
    assert again.already_imported
    # a later list with another date for one of them: an update, then the whole batch undone
    changed = sheet(tmp_path / "dang_ky_2.xlsx", [("Nguyễn Văn Đức", "CSTĐCS", "", "20/01/2025", "Đăng ký lại")])
    plan2 = imp.read_import(session, changed, campaign_id=demo.id, year=2025)
    [row] = plan2.rows
    assert row.verdict == "update" and ("Ngày đăng ký", "15/01/2025", "20/01/2025") in row.changes
    second = imp.apply_import(session, plan2)
    assert ("Nguyễn Văn Đức", "CSTDCS", 2025, "2025-01-20", "excel", "") in registrations(session)
    imp.undo_import(session, second.batch_id)
    imp.undo_import(session, result.batch_id)
    assert registrations(session) == before
    assert ImportBatch.select().where(ImportBatch.undone_at.is_null()).count() == 0


def test_the_year_and_the_date_come_from_the_sheet_or_are_asked_for(session, demo, tmp_path):
    path = sheet(tmp_path / "nam.xlsx", [("Nguyễn Văn Đức", "CSTĐCS", 2024)], headings=("STT", "Họ và tên",
                                                                                        "Danh hiệu đăng ký", "Năm"))
    plan = imp.read_import(session, path, campaign_id=demo.id)
    [row] = plan.rows
    assert row.verdict == "error" and row.problems == [
        "Dòng 5: không rõ ngày đăng ký: tệp không có cột Ngày đăng ký; hãy ghi ngày của bản đăng ký"]
    plan = imp.replan(session, plan, registered_on="10/01/2024")
    assert plan.rows[0].verdict == "new" and plan.rows[0].values["year"] == "2024"
    no_year = sheet(tmp_path / "khong_nam.xlsx", [("Nguyễn Văn Đức", "CSTĐCS")],
                    headings=("STT", "Họ và tên", "Danh hiệu đăng ký"))
    plan = imp.read_import(session, no_year, campaign_id=demo.id, registered_on="10/01/2025")
    assert plan.rows[0].problems == ["Dòng 5: không rõ năm đăng ký: tệp không có cột Năm; hãy chọn năm đăng ký"]
    assert imp.replan(session, plan, year=2025).rows[0].verdict == "new"
    # a year outside the movement (2022–2025) is the form's own check
    plan = imp.replan(session, plan, year=2031)
    assert plan.rows[0].problems == ["Dòng 5: năm — Năm đăng ký phải nằm trong thời gian của phong trào (2022 - 2025)."]
    assert plan.rows[0].verdict == "error"


def test_an_archived_participant_cannot_register(session, demo, tmp_path):
    person = Participant.get(Participant.name == "Nguyễn Văn Đức")
    Participant.update(archived_at="2025-01-01T00:00:00").where(Participant.id == person.id).execute()
    path = sheet(tmp_path / "x.xlsx", [("Nguyễn Văn Đức", "LĐTT", "", "15/01/2025", "")])
    plan = imp.read_import(session, path, campaign_id=demo.id, year=2025)
    assert plan.rows[0].verdict == "error"
    with pytest.raises(UserError):
        imp.apply_import(session, imp.replan(session, plan, mapping=["stt", "", "aim", "", "", ""]))


def test_a_registration_list_from_the_command_line(tmp_path):
    from .test_spreadsheet_cli import _runner

    run = _runner(tmp_path / "data")
    assert run("demo").returncode == 0
    path = sheet(tmp_path / "dk.xlsx", [("Nguyễn Văn Đức", "CSTĐCS", "", "15/01/2025", "")])
    dry = run("import-xlsx", str(path), "--dry-run")
    assert dry.returncode == 1 and "không rõ năm đăng ký" in dry.stdout, dry.stdout + dry.stderr
    done = run("import-xlsx", str(path), "--year", "2025")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Đăng ký thi đua (danh hiệu, hình thức đăng ký)" in done.stdout
    assert "Đã nhập: 1 mới" in done.stdout
    listed = run("registrations", "--year", "2025", "--out", str(tmp_path / "out"))
    assert listed.returncode == 0 and "Nguyễn Văn Đức\tChiến sĩ thi đua cơ sở" in listed.stdout, listed.stdout
