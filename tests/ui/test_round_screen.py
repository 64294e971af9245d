"""The rounds screen driven like an officer: the demo round with votes and ranking, a new round, a nominee who
needs a written reason, votes → result text, thresholds, the Giấy khen decision, lock and correction."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.register.communes import home_commune
from desktop_app.core.storage.models import Award, Participant
from desktop_app.ui.round_correction_dialog import CorrectionDialog
from desktop_app.ui.round_decision_dialog import DecisionDialog
from desktop_app.ui.round_new_dialog import NewRoundDialog
from desktop_app.ui.round_nominee_dialog import AddNomineeDialog
from desktop_app.ui.round_screen import RoundScreen

from .conftest import commit_text, type_text


def make_screen(qtbot, demo):
    screen = RoundScreen(demo["commune"])
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def nominee_row(screen, name: str) -> int:
    return next(r for r in range(screen.nominee_table.rowCount()) if screen.nominee_table.item(r, 0).text() == name)


def test_demo_round_shows_nominees_override_votes_and_ranking(qtbot, demo):
    screen = make_screen(qtbot, demo)
    assert screen.rounds_table.rowCount() == 1
    assert [screen.rounds_table.item(0, c).text() for c in range(5)] == ["1", "1", "10/03/2026", "Đang soạn", "9"]
    assert "Đợt đề nghị số 1 (lần 1)" in screen.header.text()
    row = nominee_row(screen, "Mã Văn Long")
    assert screen.nominee_table.item(row, 3).text().startswith("Biên bản nghiệm thu")
    assert screen.nominee_table.item(row, 2).text() == "chưa hoàn thành"
    assert not screen.nominee_table.item(row, 0).icon().isNull()
    assert screen.nominee_table.item(nominee_row(screen, "Nông Thị Hoa"), 0).icon().isNull()
    assert screen.threshold_spins[rounds.BANG_KHEN].text() == "Không đặt ngưỡng (NĐ 98/2023 không quy định)"
    long_id = screen.nominee_table.item(row, 0).data(Qt.UserRole)
    assert screen.result_text(long_id).startswith("Không đạt: 3/9 thành viên đồng ý (33,3%), 4 không đồng ý, "
                                                  "1 không biểu quyết")
    ranking = screen.results.toPlainText()
    assert "xếp trước Nguyễn Văn Đức (cùng 7 phiếu) vì là nữ" in ranking
    assert "Hội đồng: 9 thành viên, có mặt 8, họp ngày 12/03/2026." in ranking
    assert "Quyết định số 18/QĐ-UBND ngày 20/03/2026" in screen.decision_label.text()
    assert not screen.decision_button.isEnabled()


def test_new_round_nominee_with_written_reason_votes_threshold_decision(qtbot, demo, monkeypatch):
    screen = make_screen(qtbot, demo)
    dialog = NewRoundDialog(demo["commune"], parent=screen)
    dialog.date.clear()
    type_text(dialog.date, "15/4/2026")
    commit_text(dialog.title, "Đợt bổ sung")
    dialog.save()
    created = dialog.created
    assert (created.number, created.title, created.round_date.isoformat()) == (2, "Đợt bổ sung", "2026-04-15")
    screen.reload(created.id)
    assert screen.round.id == created.id and screen.nominee_table.rowCount() == 0

    # Vi Thị Nga's Giấy khen checklist is not finished: a reason must be written.
    add = AddNomineeDialog(created, parent=screen)
    type_text(add.search, "vi thi nga")
    add.apply_filter()
    assert add.select_participant(Participant.get(Participant.name == "Vi Thị Nga").id)
    add.form_combo.setCurrentIndex(add.form_combo.findData(rounds.GIAY_KHEN))
    assert "phải ghi rõ lý do" in add.verdict.text()
    assert add.summary.toPlainText()  # prefilled from the achievements
    add.save()
    assert add.added is None
    assert add.errors.text("override_reason").startswith("Vi Thị Nga chưa đủ điều kiện theo phiếu tiêu chuẩn")
    commit_text(add.override, "Hội đồng đề nghị xét thêm vì thành tích tiêu biểu ở thôn")
    add.save()
    assert add.added.override_reason == "Hội đồng đề nghị xét thêm vì thành tích tiêu biểu ở thôn"
    # An eligible nominee needs no reason.
    add2 = AddNomineeDialog(created, parent=screen)
    add2.select_participant(Participant.get(Participant.name == "Lý Thị Hằng").id)
    add2.form_combo.setCurrentIndex(add2.form_combo.findData(rounds.GIAY_KHEN))
    assert not add2.override.isEnabled()
    add2.save()
    assert add2.added.verdict_at_add == "eligible"
    screen.reload()
    assert screen.nominee_table.rowCount() == 2

    # Votes without a meeting: the meeting form is saved first and its errors are shown next to the fields.
    screen.tabs.setCurrentIndex(1)
    type_text(screen.meeting["held_on"], "20/04/2026")
    commit_text(screen.meeting["place"], "Hội trường UBND xã")
    commit_text(screen.meeting["chair"], "Hoàng Văn Thắng")
    commit_text(screen.meeting["secretary"], "Triệu Thị Mai")
    type_text(screen.meeting["members_total"], "9")
    type_text(screen.meeting["members_present"], "10")
    assert not screen.save_meeting()
    assert screen.meeting_errors.text("meeting_members_present") == "Số thành viên có mặt không được lớn hơn tổng số thành viên."
    screen.meeting["members_present"].clear()
    type_text(screen.meeting["members_present"], "8")
    assert screen.save_meeting()
    for nominee in rounds.nominees_of(created):
        spins = screen.vote_spins[nominee.id]
        spins[0].setValue(7)
        spins[1].setValue(1)
    assert screen.save_votes()
    hang = next(n for n in rounds.nominees_of(created) if n.participant.name == "Lý Thị Hằng")
    assert screen.result_text(hang.id) == ("Đạt: 7/9 thành viên đồng ý (77,8%), 1 không đồng ý; không đặt ngưỡng, "
                                           "số đồng ý nhiều hơn số không đồng ý.")
    screen.threshold_spins[rounds.GIAY_KHEN].setValue(80)
    assert rounds.NominationRound.get_by_id(created.id).thresholds == {rounds.GIAY_KHEN: 80}
    assert screen.result_text(hang.id).startswith("Không đạt: 7/9")
    assert "cần ít nhất 8 phiếu" in screen.result_text(hang.id)
    screen.threshold_spins[rounds.GIAY_KHEN].setValue(0)
    assert rounds.threshold_for(rounds.NominationRound.get_by_id(created.id), rounds.GIAY_KHEN) is None
    # Too many votes for the members present: refused, with the nominee named.
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    screen.vote_spins[hang.id][0].setValue(8)
    assert not screen.save_votes()
    assert "Lý Thị Hằng: tổng phiếu đồng ý và không đồng ý (9) vượt số thành viên có mặt (8)." in warnings[-1]

    # The Giấy khen decision puts the award into the history of those approved.
    decision = DecisionDialog(screen.round, ["Vi Thị Nga", "Lý Thị Hằng"], "Hoàng Văn Thắng", parent=screen)
    decision.save()
    assert decision.errors.text("number") == "Không được để trống."
    type_text(decision.number, "31/QĐ-UBND")
    decision.save()
    assert decision.decision is not None
    assert Award.select().where(Award.decision_number == "31/QĐ-UBND").count() == 2
    screen.reload()
    assert "Quyết định số 31/QĐ-UBND" in screen.decision_label.text()


def test_lock_disables_editing_and_correction_creates_version_2(qtbot, demo, monkeypatch):
    screen = make_screen(qtbot, demo)
    assert screen.lock_button.isEnabled() and not screen.correction_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.Yes)
    screen.lock_current()
    assert rounds.find_round(home_commune(), 1).status == "locked"
    assert screen.rounds_table.item(0, 3).text() == "Đã khóa"
    for widget in (screen.add_nominee_button, screen.save_votes_button, screen.save_meeting_button,
                   screen.remove_button, screen.lock_button, *screen.threshold_spins.values()):
        assert not widget.isEnabled()
    assert screen.meeting["place"].isReadOnly()
    assert all(not spin.isEnabled() for spins in screen.vote_spins.values() for spin in spins)
    assert "Đợt này đã khóa" in screen.banner.text()

    dialog = CorrectionDialog(screen.round, parent=screen)
    dialog.save()
    assert dialog.created is None and dialog.error.text() == "Ghi rõ lý do điều chỉnh."
    commit_text(dialog.reason, "Sửa chức vụ của bà Ma Thị Lan theo yêu cầu của Sở Nội vụ")
    dialog.save()
    v2 = dialog.created
    screen.reload(v2.id)
    assert [screen.rounds_table.item(r, 1).text() for r in range(2)] == ["2", "1"]
    assert [screen.rounds_table.item(r, 3).text() for r in range(2)] == ["Đang soạn", "Đã thay thế (bản cũ)"]
    assert "Đợt đề nghị số 1 (lần 2)" in screen.header.text()
    assert "Bản điều chỉnh của lần 1. Lý do: Sửa chức vụ của bà Ma Thị Lan" in screen.banner.text()
    assert screen.add_nominee_button.isEnabled() and screen.nominee_table.rowCount() == 9
    # The old version opens read only with its banner.
    screen.rounds_table.selectRow(1)
    assert screen.round.version == 1
    assert "Bản cũ, chỉ xem: đã được thay bằng lần 2." in screen.banner.text()
    assert not screen.add_nominee_button.isEnabled() and not screen.correction_button.isEnabled()
    assert not screen.decision_button.isEnabled()
    assert checklists.Checklist.select().count() == demo["checklists"]


def test_unfilled_vote_rows_stay_not_recorded(qtbot, demo):
    screen = make_screen(qtbot, demo)
    fresh = rounds.create_round(home_commune(), demo["round"].campaign, title="Đợt thử")
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    sheet = checklists.Checklist.get((checklists.Checklist.participant == person)
                                     & (checklists.Checklist.verdict == "eligible"))
    added = rounds.add_nominee(fresh, person, sheet.set_snapshot["award_form"], sheet)
    rounds.save_meeting(fresh, {"held_on": "01/04/2026", "place": "Hội trường UBND xã", "chair": "Hoàng Văn Thắng",
                                "secretary": "Triệu Thị Mai", "members_total": "9", "members_present": "7"})
    screen.reload(select_id=fresh.id)
    assert screen.round.id == fresh.id
    assert screen.save_votes()
    assert rounds.Nominee.get_by_id(added.id).votes_for is None  # untouched: not a silent 0/0
    assert screen.result_text(added.id) == "Chưa ghi phiếu biểu quyết"
    screen.vote_spins[added.id][0].setValue(6)
    screen.vote_spins[added.id][1].setValue(1)
    assert screen.save_votes()
    assert (rounds.Nominee.get_by_id(added.id).votes_for, rounds.Nominee.get_by_id(added.id).votes_against) == (6, 1)


def test_send_button_opens_the_export_for_this_round(qtbot, demo, monkeypatch):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    sent = []
    window.send_packet = lambda round_=None: sent.append(round_.id)
    screen = RoundScreen(demo["commune"])
    window.setCentralWidget(screen)
    window.show()
    assert screen.send_button.isEnabled() and screen.send_button.text() == "Gửi hồ sơ lên cấp trên…"
    screen.send_button.click()
    assert sent == [demo["round"].id]
