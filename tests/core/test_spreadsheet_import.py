"""Importing the commune's Excel lists: the table found under banners, headings mapped, legacy encodings converted
per column, every row with its verdict before anything is written, one undoable batch, idempotent."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.core.register import participants
from desktop_app.core.register.participants import ParticipantFilter
from desktop_app.core.spreadsheets import exporting
from desktop_app.core.spreadsheets import importing as imp
from desktop_app.core.storage.models import Award, ImportBatch, Participant, Setting

from . import xlsx_samples as samples


def _snapshot(session):
    session.activate()
    return (sorted((p.name, p.updated_at) for p in Participant.select()), Award.select().count(),
            ImportBatch.select().count(), Setting.select().count())


def _verdicts(plan):
    return [(r.row, r.verdict) for r in plan.rows]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "nfd", "unicode"])
def test_a_real_shaped_list_gets_its_verdicts_without_writing(session, commune, tmp_path, encoding):
    path = samples.commune_individuals(tmp_path / "thon.xlsx", encoding=encoding)
    before = _snapshot(session)
    plan = imp.read_import(session, path)
    assert _snapshot(session) == before                      # a dry run writes nothing
    assert plan.kind == "individuals"
    assert plan.header_row == 4                              # under the banner and an empty row
    assert plan.mapping[:6] == ["stt", "name", "birth_date", "gender", "position", "workplace"]
    assert plan.mapping[6] == ""                             # "Mã ĐV": no field of ours
    assert plan.hidden_columns == [6]                        # column G is hidden in Excel
    assert plan.detected[1] == ("unicode" if encoding in ("nfd", "unicode") else encoding)
    assert plan.detected[4] == "vni"                         # the positions were typed with a VNI font
    assert _verdicts(plan) == [(6, "new"), (7, "new"), (8, "new"), (9, "new"), (10, "error"), (11, "skipped")]
    rows = {r.row: r for r in plan.rows}
    assert [rows[n].name for n in (6, 7, 8, 9)] == [p[0] for p in samples.PEOPLE]
    assert rows[6].values["position"] == "Trưởng thôn"
    assert rows[6].values["birth_date"] == "05/02/1985"
    assert rows[7].values["birth_date"] == "01/07/1979"       # a real Excel date
    assert rows[9].values["birth_date"] == "14/11/1984"       # a serial number
    assert rows[8].values["birth_date"] == "01/01/1990"       # "năm 1990" alone, and the row says so
    assert any("chỉ có năm sinh 1990" in n for n in rows[8].notes)
    assert rows[7].values["cccd"] == "001080000456"           # the leading zeros Excel dropped are back
    assert "workplace" not in rows[7].values                  # "#N/A" is an empty cell …
    assert any("F7" in n and "#N/A" in n for n in rows[7].notes)  # … with a note
    assert rows[10].problems == ["Dòng 10, cột C: ngày sinh 31/02/1980 không có thật"]
    assert rows[11].notes and "cộng" in rows[11].notes[0]
    assert plan.counts == {"new": 4, "same": 0, "update": 0, "duplicate": 0, "error": 1, "skipped": 1}


def test_importing_twice_adds_nothing_the_second_time(session, commune, tmp_path):
    path = samples.commune_individuals(tmp_path / "thon.xlsx")
    result = imp.apply_import(session, imp.read_import(session, path))
    assert (result.created, result.updated, result.not_imported) == (4, 0, 1)
    session.activate()
    dao = Participant.get(Participant.name == "Nguyễn Thị Đào")
    assert (dao.gender, dao.birth_date, dao.position, dao.workplace, dao.cccd) == (
        "nu", dt.date(1985, 2, 5), "Trưởng thôn", "Thôn Nà Làng", "001185000123")
    batch = ImportBatch.get_by_id(result.batch_id)
    assert (batch.file_name, batch.list_kind, len(batch.file_sha256)) == ("thon.xlsx", "individuals", 64)
    assert batch.counts["new"] == 4 and batch.created_at
    # found by search as anything typed in a form
    flt = ParticipantFilter(commune_id=commune.id, search="dao truong thon")
    assert [p.name for p in participants.list_participants(session, flt)] == ["Nguyễn Thị Đào"]

    again = imp.read_import(session, path)
    assert again.already_imported == batch.created_at
    assert again.counts["new"] == 0 and again.counts["same"] == 4
    before = _snapshot(session)
    second = imp.apply_import(session, again)
    assert (second.created, second.updated, second.batch_id) == (0, 0, None)
    assert _snapshot(session)[:3] == before[:3]


def test_a_changed_field_is_shown_updated_and_undone(session, commune, tmp_path):
    path = samples.commune_individuals(tmp_path / "thon.xlsx")
    imp.apply_import(session, imp.read_import(session, path))
    wb = openpyxl.load_workbook(path)
    wb.active["E6"] = "Phó trưởng thôn"
    wb.active.append([6, "Nguyễn Thị Đào", "05/02/1985", "Nữ", "", "Thôn Nà Làng"])   # the same person again
    wb.save(tmp_path / "thon2.xlsx")
    plan = imp.read_import(session, tmp_path / "thon2.xlsx")
    rows = {r.row: r for r in plan.rows}
    assert rows[6].verdict == "update"
    assert rows[6].changes == [("Chức vụ", "Trưởng thôn", "Phó trưởng thôn")]
    assert rows[12].verdict == "duplicate" and rows[12].duplicate_of == 6
    result = imp.apply_import(session, plan)
    assert result.updated == 1
    session.activate()
    assert Participant.get(Participant.name == "Nguyễn Thị Đào").position == "Phó trưởng thôn"
    assert imp.undo_import(session, result.batch_id) == 1
    assert Participant.get(Participant.name == "Nguyễn Thị Đào").position == "Trưởng thôn"
    with pytest.raises(UserError) as err:
        imp.undo_import(session, result.batch_id)
    assert err.value.code == "xlsx.batch_undone"


def test_undo_removes_what_the_batch_created_unless_it_changed_since(session, commune, tmp_path):
    path = samples.commune_individuals(tmp_path / "thon.xlsx")
    before = _snapshot(session)[0]
    result = imp.apply_import(session, imp.read_import(session, path))
    session.activate()
    dung = Participant.get(Participant.name == "Lê Văn Dũng")
    values = participants.participant_form_values(dung)
    participants.save_participant(session, dict(values, position="Chủ tịch"), dung.id)   # edited by hand since
    with pytest.raises(UserError) as err:
        imp.undo_import(session, result.batch_id)
    assert err.value.code == "xlsx.undo_changed" and "Lê Văn Dũng" in str(err.value)
    assert Participant.select().count() == len(before) + 4          # refused: nothing undone
    participants.save_participant(session, values, dung.id)         # the edit taken back: as imported again
    assert imp.undo_import(session, result.batch_id) == 4
    assert Participant.select().count() == len(before)

    fresh = imp.apply_import(session, imp.read_import(session, samples.collectives(tmp_path / "c.xlsx")))
    assert fresh.created == 2                                      # the third collective has an error
    assert imp.undo_import(session, fresh.batch_id) == 2
    session.activate()
    assert not Participant.select().where(Participant.name == "Trạm Y tế xã").exists()
    flt = ParticipantFilter(commune_id=commune.id, search="tram y te")
    assert participants.list_participants(session, flt) == []      # gone from the search index too


def test_undo_is_refused_for_someone_who_registered_since(session, commune, tmp_path):
    """A person the batch created who has registered for the movement since is "used": the undo is refused with
    its message and nothing changes (it used to end in the database's foreign-key error)."""
    from desktop_app.core.register import registrations
    from desktop_app.core.storage.models import Campaign, Registration

    result = imp.apply_import(session, imp.read_import(session, samples.commune_individuals(tmp_path / "thon.xlsx")))
    session.activate()
    dung = Participant.get(Participant.name == "Lê Văn Dũng")
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    made = registrations.save_registration(session, {
        "campaign_id": campaign.id, "year": "2025", "participant_id": dung.id, "aim_category": "danh_hieu",
        "aim_code": "LDTT", "registered_on": "12/01/2025"})
    before = _snapshot(session)
    with pytest.raises(UserError) as err:
        imp.undo_import(session, result.batch_id)
    assert err.value.code == "xlsx.undo_used" and "Lê Văn Dũng" in str(err.value)
    assert _snapshot(session) == before and Registration.get_by_id(made.id).participant_id == dung.id
    registrations.withdraw_registration(session, made.id)          # withdrawn, the registration is still theirs
    with pytest.raises(UserError):
        imp.undo_import(session, result.batch_id)


def test_cancel_leaves_nothing_written(session, commune, tmp_path):
    plan = imp.read_import(session, samples.commune_individuals(tmp_path / "thon.xlsx"))
    before = _snapshot(session)
    with pytest.raises(UserCancelled):
        imp.apply_import(session, plan, cancelled=lambda: True)
    assert _snapshot(session) == before


def test_the_officers_mapping_and_encodings_are_remembered(session, commune, tmp_path):
    path = samples.commune_individuals(tmp_path / "thon.xlsx", encoding="vni")
    plan = imp.read_import(session, path)
    assert not plan.remembered
    mapping = list(plan.mapping)
    mapping[4] = ""                                           # the officer leaves "Chức vụ" out
    encodings = list(plan.encodings)
    encodings[1] = "unicode"                                  # and overrides the detection (wrongly)
    corrected = imp.replan(session, plan, mapping=mapping, encodings=encodings)
    assert corrected.rows[0].name == "Nguyeãn Thò Ñaøo" and "position" not in corrected.rows[0].values
    corrected = imp.replan(session, corrected, encodings=plan.detected)
    assert corrected.rows[0].name == "Nguyễn Thị Đào"
    imp.apply_import(session, corrected)
    other = samples.commune_individuals(tmp_path / "thon-khac.xlsx", encoding="vni")   # same headings
    again = imp.read_import(session, other)
    assert again.remembered and again.mapping == mapping


def test_collectives_with_their_own_checks(session, commune, tmp_path):
    plan = imp.read_import(session, samples.collectives(tmp_path / "c.xlsx"))
    assert plan.kind == "collectives"
    assert _verdicts(plan) == [(3, "new"), (4, "error"), (5, "skipped"), (6, "new")]
    rows = {r.row: r for r in plan.rows}
    assert rows[3].values["category"] == "thon_ban" and rows[3].values["female_count"] == "58"
    assert rows[4].problems[0].startswith("Dòng 4, cột G: số thành viên nữ «30»")
    assert "dòng tiêu đề nhóm" in rows[5].notes[0]
    assert rows[6].values["category"] == "don_vi"


def test_award_history_matches_people_and_codes(session, commune, tmp_path):
    imp.apply_import(session, imp.read_import(session, samples.commune_individuals(tmp_path / "thon.xlsx")))
    plan = imp.read_import(session, samples.award_history(tmp_path / "kt.xlsx"))
    assert plan.kind == "awards"
    assert _verdicts(plan) == [(2, "new"), (3, "new"), (4, "new"), (5, "error"), (6, "error")]
    rows = {r.row: r for r in plan.rows}
    assert (rows[2].values["category"], rows[2].values["code"]) == ("danh_hieu", "LDTT")
    assert (rows[3].values["category"], rows[3].values["code"]) == ("xep_loai", "HTXSNV")
    assert (rows[4].values["category"], rows[4].values["code"]) == ("hinh_thuc", "giay_khen")
    assert "chưa có trong sổ" in rows[5].problems[0]
    assert rows[6].problems[0].startswith("Dòng 6, cột D:") and "Bằng khen vàng" in rows[6].problems[0]
    result = imp.apply_import(session, plan)
    assert result.created == 3
    session.activate()
    award = Award.get(Award.code == "giay_khen")
    assert (award.year, award.decision_number, award.decision_date, award.award_type) == (
        2023, "45/QĐ-UBND", dt.date(2024, 1, 15), "cong_trang")
    assert imp.read_import(session, tmp_path / "kt.xlsx").counts["same"] == 3


def test_errors_are_saved_with_a_reason_to_fix_and_import_again(session, commune, tmp_path):
    plan = imp.read_import(session, samples.commune_individuals(tmp_path / "thon.xlsx"))
    report = imp.write_error_report(session, plan, tmp_path / "loi.xlsx")
    ws = openpyxl.load_workbook(report).active
    rows = list(ws.values)
    assert rows[0][0] == "Dòng trong tệp gốc" and rows[0][-1] == "Lý do" and "Họ và tên" in rows[0]
    assert len(rows) == 2
    assert rows[1][0] == 10 and rows[1][2] == "Phạm Văn Tú" and "không có thật" in rows[1][-1]
    ws.cell(row=2, column=4).value = "28/02/1980"      # the officer fixes the date
    ws.parent.save(tmp_path / "loi-da-sua.xlsx")
    fixed = imp.read_import(session, tmp_path / "loi-da-sua.xlsx")
    assert fixed.mapping[-1] == ""                     # "Lý do" is not imported
    assert [r.verdict for r in fixed.rows] == ["new"]
    assert fixed.rows[0].values["birth_date"] == "28/02/1980"


def test_legacy_xls_is_read(session, commune, tmp_path):
    path = samples.as_xls(tmp_path / "cu.xls", [
        ["DANH SÁCH CÁN BỘ"], [],
        ["STT", "Hä vµ tªn", "Ngµy sinh", "Giíi tÝnh"],        # even the headings in TCVN3 …
        [1, "NguyÔn ThÞ §µo", dt.date(1985, 2, 5), "N÷"],
        [2, "TrÇn V¨n Hïng", "1/7/79", "Nam"],
    ])
    plan = imp.read_import(session, path)
    assert plan.header_row == 3
    assert plan.headings == ["STT", "Họ và tên", "Ngày sinh", "Giới tính"]    # … read in TCVN3 too
    assert plan.mapping == ["stt", "name", "birth_date", "gender"]
    assert plan.detected == ["unicode", "tcvn3", "unicode", "tcvn3"]
    assert [(r.name, r.values.get("birth_date"), r.values.get("gender")) for r in plan.rows] == [
        ("Nguyễn Thị Đào", "05/02/1985", "nu"), ("Trần Văn Hùng", "01/07/1979", "nam")]


def test_the_exported_register_imports_back_with_no_change(session, tmp_path):
    create_demo_commune(session)
    commune = session.home_commune()
    path = exporting.export_register(session, ParticipantFilter(commune_id=commune.id), tmp_path / "so.xlsx")
    plan = imp.read_import(session, path)
    assert plan.rows and {r.verdict for r in plan.rows} == {"same"}, [(r.row, r.verdict, r.changes, r.problems)
                                                                      for r in plan.rows if r.verdict != "same"]
    assert len(plan.rows) == participants.count_participants(session, ParticipantFilter(commune_id=commune.id))
    path = exporting.export_award_history(session, tmp_path / "kt.xlsx")
    plan = imp.read_import(session, path)
    assert plan.kind == "awards" and plan.rows and {r.verdict for r in plan.rows} == {"same"}


def test_achievements_of_people_already_in_the_register(session, tmp_path):
    create_demo_commune(session)
    session.activate()
    from desktop_app.core.register.campaigns import list_campaigns
    from desktop_app.core.storage.models import Achievement

    campaign = list_campaigns(session)[0]
    field = campaign.data["priority_fields"][0]
    person = Participant.select().where(Participant.birth_date.is_null(False)).order_by(Participant.id).first()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Tên thành tích", "Kết quả", "Từ ngày", "Đến ngày", "Lĩnh vực"])
    ws.append([1, person.name, person.birth_date.strftime("%d/%m/%Y"), "Hướng dẫn 120 hộ bản Cốc Phầy cài VNeID",
               "120 hộ", "01/03/2025", "30/06/2025", field["text"]])
    ws.append([2, person.name, person.birth_date.strftime("%d/%m/%Y"), "Hướng dẫn 120 hộ bản Cốc Phầy cài VNeID",
               "120 hộ", "01/03/2025", "30/06/2025", field["text"]])                 # the same row again
    ws.append([3, person.name, person.birth_date.strftime("%d/%m/%Y"), "Số hóa sổ hộ tịch", "",
               "01/07/2025", "01/03/2025", ""])                                      # ends before it starts
    ws.append([4, person.name, person.birth_date.strftime("%d/%m/%Y"), "Tập huấn", "", "", "", "Thiên văn học"])
    wb.save(tmp_path / "tt.xlsx")
    plan = imp.read_import(session, tmp_path / "tt.xlsx", campaign_id=campaign.id)
    assert plan.kind == "achievements"
    assert _verdicts(plan) == [(2, "new"), (3, "duplicate"), (4, "error"), (5, "error")]
    rows = {r.row: r for r in plan.rows}
    assert rows[2].values["field_codes"] == [field["code"]]
    assert rows[4].problems[0].startswith("Dòng 4, cột G: đến ngày")
    assert rows[5].problems[0].startswith("Dòng 5, cột H: lĩnh vực \"Thiên văn học\" không có trong danh mục")
    before = Achievement.select().where(Achievement.participant == person.id).count()
    imp.apply_import(session, plan)
    session.activate()
    assert Achievement.select().where(Achievement.participant == person.id).count() == before + 1
    flt = ParticipantFilter(commune_id=session.home_commune().id, search="coc phay")
    assert [p.id for p in participants.list_participants(session, flt)] == [person.id]   # found by its achievement
    assert imp.read_import(session, tmp_path / "tt.xlsx", campaign_id=campaign.id).rows[0].verdict == "same"


def test_date_of_birth_under_nam_and_nu_gives_the_gender(session, commune, tmp_path):
    # The common official layout: "Ngày sinh" merged over two columns "Nam" | "Nữ".
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    ws.append(["STT", "Họ và tên", "Ngày sinh", None, "Chức vụ"])
    ws.append([None, None, "Nam", "Nữ", None])
    ws.merge_cells("C2:D2")
    ws.append([1, "Hà Văn Sơn", "12/03/1980", None, "Trưởng thôn"])
    ws.append([2, "Bế Thị Lan", None, "1975", "Chi hội trưởng phụ nữ"])
    wb.save(tmp_path / "nam-nu.xlsx")
    plan = imp.read_import(session, tmp_path / "nam-nu.xlsx")
    assert plan.headings[2:4] == ["Ngày sinh Nam", "Ngày sinh Nữ"]
    assert plan.mapping[2:4] == ["birth_male", "birth_female"]
    assert [(r.values["gender"], r.values["birth_date"]) for r in plan.rows] == [("nam", "12/03/1980"),
                                                                                 ("nu", "01/01/1975")]


def test_namesakes_born_the_same_day_with_different_cccd_are_two_people(session, commune, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"])
    ws.append([1, "Nguyễn Văn Nam", "01/01/1980", "Nam", "001080000001"])
    ws.append([2, "Nguyễn Văn Nam", "01/01/1980", "Nam", "001080000002"])
    ws.append([3, "Nguyễn Văn Nam", "01/01/1980", "Nam", None])        # which one? the first of them
    ws.append([4, "Nguyễn Văn Nam", "01/01/1980", "Nam", "001080000002"])
    wb.save(tmp_path / "trung-ten.xlsx")
    plan = imp.read_import(session, tmp_path / "trung-ten.xlsx")
    assert _verdicts(plan) == [(2, "new"), (3, "new"), (4, "duplicate"), (5, "duplicate")]
    assert [r.duplicate_of for r in plan.rows[2:]] == [2, 3]
    imp.apply_import(session, plan)
    again = imp.read_import(session, tmp_path / "trung-ten.xlsx")
    assert _verdicts(again)[:2] == [(2, "same"), (3, "same")]
    wb = openpyxl.load_workbook(tmp_path / "trung-ten.xlsx")
    wb.active.append([5, "Nguyễn Văn Nam", "01/01/1980", "Nam", "001080000003"])   # a third namesake
    wb.save(tmp_path / "trung-ten-3.xlsx")
    third = imp.read_import(session, tmp_path / "trung-ten-3.xlsx")
    assert third.rows[-1].verdict == "new" and not third.rows[-1].changes
