"""The rounds screen driven like an officer: the demo round with votes and ranking, a new round, a nominee who
needs a written reason, votes → result text, thresholds, the Giấy khen decision, lock and correction."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import Award, Checklist, Nominee, Participant
from desktop_app.ui.round_correction_dialog import CorrectionDialog
from desktop_app.ui.round_decision_dialog import DecisionDialog
from desktop_app.ui.round_new_dialog import NewRoundDialog
from desktop_app.ui.round_nominee_dialog import AddNomineeDialog
from desktop_app.ui.round_screen import RoundScreen

from .conftest import commit_text, type_text


def make_screen(qtbot, runner):
    screen = RoundScreen(runner)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def click(qtbot, button, runner=None):
    """Click as the officer does; with a runner, wait for what the click started."""
    qtbot.mouseClick(button, Qt.LeftButton)
    if runner is not None:
        assert runner.wait()


def nominee_row(screen, name: str) -> int:
    return next(r for r in range(screen.nominee_table.rowCount()) if screen.nominee_table.item(r, 0).text() == name)


def round_(session, round_id):
    return rounds.get_round(session, round_id)


def test_demo_round_shows_nominees_override_votes_and_ranking(qtbot, runner, demo):
    screen = make_screen(qtbot, runner)
    assert screen.rounds_table.rowCount() == 1
    assert [screen.rounds_table.item(0, c).text() for c in range(5)] == ["1", "1", "10/03/2026", "Đang soạn", "9"]
    assert "Đợt đề nghị số 1 (lần 1)" in screen.header.text()
    row = nominee_row(screen, "Mã Văn Long")
    assert screen.nominee_table.item(row, 3).text().startswith("Biên bản nghiệm thu")
    assert screen.nominee_table.item(row, 2).text() == "chưa hoàn thành"
    assert not screen.nominee_table.item(row, 0).icon().isNull()
    assert screen.nominee_table.item(nominee_row(screen, "Nông Thị Hoa"), 0).icon().isNull()
    assert screen.threshold_spins[rounds.BANG_KHEN].text() == "Không đặt ngưỡng (quy định đang áp dụng không đặt)"
    long_id = screen.nominee_table.item(row, 0).data(Qt.UserRole)
    assert screen.result_text(long_id).startswith("Không đạt: 3/9 thành viên đồng ý (33,3%), 4 không đồng ý, "
                                                  "1 không biểu quyết")
    ranking = screen.results.toPlainText()
    assert "xếp trước Nguyễn Văn Đức (cùng 7 phiếu) vì là nữ" in ranking
    assert "Hội đồng: 9 thành viên, có mặt 8, họp ngày 12/03/2026." in ranking
    assert "Quyết định số 18/QĐ-UBND ngày 20/03/2026" in screen.decision_label.text()
    assert not screen.decision_button.isEnabled()


def test_new_round_nominee_with_written_reason_votes_threshold_decision(qtbot, session, runner, demo, monkeypatch):
    screen = make_screen(qtbot, runner)
    opened = []

    def fill_new_round(dialog):   # "Đợt mới…" opens the dialog (modal): the officer types and presses Save
        opened.append(dialog)
        dialog.show()
        dialog.date.clear()
        type_text(dialog.date, "15/4/2026")
        commit_text(dialog.title, "Đợt bổ sung")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
        return dialog.result()

    monkeypatch.setattr(NewRoundDialog, "exec", fill_new_round)
    click(qtbot, screen.new_round_button, runner)
    created = opened[0].created
    assert (created.number, created.title, created.round_date.isoformat()) == (2, "Đợt bổ sung", "2026-04-15")
    assert screen.round.id == created.id and screen.nominee_table.rowCount() == 0

    # Vi Thị Nga's Giấy khen checklist is not finished: a reason must be written.
    add = AddNomineeDialog(runner, created, parent=screen)
    add.show()
    type_text(add.search, "vi thi nga")
    add.apply_filter()
    assert add.select_participant(Participant.get(Participant.name == "Vi Thị Nga").id)
    add.form_combo.setCurrentIndex(add.form_combo.findData(rounds.GIAY_KHEN))
    assert "phải ghi rõ lý do" in add.verdict.text()
    assert add.summary.toPlainText()  # prefilled from the achievements
    click(qtbot, add.add_button, runner)
    assert add.added is None and add.isVisible()
    assert add.errors.text("override_reason").startswith("Vi Thị Nga chưa đủ điều kiện theo phiếu tiêu chuẩn")
    commit_text(add.override, "Hội đồng đề nghị xét thêm vì thành tích tiêu biểu ở thôn")
    click(qtbot, add.add_button, runner)
    assert add.added.override_reason == "Hội đồng đề nghị xét thêm vì thành tích tiêu biểu ở thôn"
    # An eligible nominee needs no reason.
    add2 = AddNomineeDialog(runner, created, parent=screen)
    add2.show()
    add2.select_participant(Participant.get(Participant.name == "Lý Thị Hằng").id)
    add2.form_combo.setCurrentIndex(add2.form_combo.findData(rounds.GIAY_KHEN))
    assert not add2.override.isEnabled()
    click(qtbot, add2.add_button, runner)
    assert add2.added.verdict_at_add == "eligible"
    assert screen.round.id == created.id   # the screen reloaded from the change notice, on the same round
    assert screen.nominee_table.rowCount() == 2

    # Votes without a meeting: the meeting form is saved first and its errors are shown next to the fields.
    screen.tabs.setCurrentIndex(1)
    type_text(screen.meeting["held_on"], "20/04/2026")
    commit_text(screen.meeting["place"], "Hội trường UBND xã")
    commit_text(screen.meeting["chair"], "Hoàng Văn Thắng")
    commit_text(screen.meeting["secretary"], "Triệu Thị Mai")
    type_text(screen.meeting["members_total"], "9")
    type_text(screen.meeting["members_present"], "10")
    click(qtbot, screen.save_meeting_button, runner)
    assert rounds.meeting_of(session, created.id) is None
    assert screen.meeting_errors.text("meeting_members_present") == "Số thành viên có mặt không được lớn hơn tổng số thành viên."
    screen.meeting["members_present"].clear()
    type_text(screen.meeting["members_present"], "8")
    click(qtbot, screen.save_meeting_button, runner)
    meeting = rounds.meeting_of(session, created.id)
    assert (meeting.members_total, meeting.members_present, meeting.place) == (9, 8, "Hội trường UBND xã")
    assert screen.meeting_errors.text("meeting_members_present") == ""
    screen.tabs.setCurrentIndex(2)
    for nominee in rounds.nominees_of(session, created.id):
        spins = screen.vote_spins[nominee.id]
        spins[0].setValue(7)
        spins[1].setValue(1)
    click(qtbot, screen.save_votes_button, runner)
    hang = next(n for n in rounds.nominees_of(session, created.id) if n.participant.name == "Lý Thị Hằng")
    assert (hang.votes_for, hang.votes_against) == (7, 1)
    assert screen.result_text(hang.id) == ("Đạt: 7/9 thành viên đồng ý (77,8%), 1 không đồng ý; không đặt ngưỡng, "
                                           "số đồng ý nhiều hơn số không đồng ý.")
    screen.threshold_spins[rounds.GIAY_KHEN].setValue(80)
    assert runner.wait()
    assert round_(session, created.id).thresholds == {rounds.GIAY_KHEN: 80}
    assert screen.result_text(hang.id).startswith("Không đạt: 7/9")
    assert "cần ít nhất 8 phiếu" in screen.result_text(hang.id)
    screen.threshold_spins[rounds.GIAY_KHEN].setValue(0)
    assert runner.wait()
    assert rounds.threshold_for(round_(session, created.id), rounds.GIAY_KHEN) is None
    # Too many votes for the members present: refused, with the nominee named.
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    screen.vote_spins[hang.id][0].setValue(8)
    click(qtbot, screen.save_votes_button, runner)
    assert "Lý Thị Hằng: tổng phiếu đồng ý và không đồng ý (9) vượt số thành viên có mặt (8)." in warnings[-1]
    assert Nominee.get_by_id(hang.id).votes_for == 7

    # The Giấy khen decision puts the award into the history of those approved.
    decision = DecisionDialog(runner, screen.round, ["Vi Thị Nga", "Lý Thị Hằng"], parent=screen)
    decision.show()
    assert decision.signer.text() == "Hoàng Văn Thắng"   # the commune's chairman, as stored now
    click(qtbot, decision.save_button, runner)
    assert decision.errors.text("number") == "Không được để trống."
    type_text(decision.number, "31/QĐ-UBND")
    click(qtbot, decision.save_button, runner)
    assert decision.decision is not None
    assert Award.select().where(Award.decision_number == "31/QĐ-UBND").count() == 2
    assert "Quyết định số 31/QĐ-UBND" in screen.decision_label.text()


def test_lock_disables_editing_and_correction_creates_version_2(qtbot, session, runner, demo, monkeypatch):
    screen = make_screen(qtbot, runner)
    assert screen.lock_button.isEnabled() and not screen.correction_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.Yes)
    click(qtbot, screen.lock_button, runner)
    assert rounds.find_round(session, 1).status == "locked"
    assert screen.rounds_table.item(0, 3).text() == "Đã khóa"
    for widget in (screen.add_nominee_button, screen.save_votes_button, screen.save_meeting_button,
                   screen.remove_button, screen.lock_button, *screen.threshold_spins.values()):
        assert not widget.isEnabled()
    assert screen.meeting["place"].isReadOnly()
    assert all(not spin.isEnabled() for spins in screen.vote_spins.values() for spin in spins)
    assert "Đợt này đã khóa" in screen.banner.text()
    assert screen.correction_button.isEnabled()

    opened = []

    def write_correction(dialog):   # "Tạo bản điều chỉnh…" opens the dialog (modal)
        opened.append(dialog)
        dialog.show()
        click(qtbot, dialog.create_button, runner)
        assert dialog.created is None and dialog.error.text() == "Ghi rõ lý do điều chỉnh."
        commit_text(dialog.reason, "Sửa chức vụ của bà Ma Thị Lan theo yêu cầu của Sở Nội vụ")
        click(qtbot, dialog.create_button, runner)
        return dialog.result()

    monkeypatch.setattr(CorrectionDialog, "exec", write_correction)
    click(qtbot, screen.correction_button, runner)
    v2 = opened[0].created
    assert v2 is not None and screen.round.id == v2.id
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
    assert Checklist.select().count() == demo["checklists"]


def test_unfilled_vote_rows_stay_not_recorded(qtbot, session, runner, demo):
    screen = make_screen(qtbot, runner)
    fresh = rounds.create_round(session, demo["round"].campaign_id, title="Đợt thử")
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    sheet = Checklist.get((Checklist.participant == person) & (Checklist.verdict == "eligible"))
    added = rounds.add_nominee(session, fresh.id, person.id, sheet.set_snapshot["award_form"], sheet.id)
    rounds.save_meeting(session, fresh.id, {"held_on": "01/04/2026", "place": "Hội trường UBND xã",
                                            "chair": "Hoàng Văn Thắng", "secretary": "Triệu Thị Mai",
                                            "members_total": "9", "members_present": "7"})
    screen.reload(select_id=fresh.id)   # written here directly, not through the window: no change notice
    assert screen.round.id == fresh.id
    click(qtbot, screen.save_votes_button, runner)
    assert Nominee.get_by_id(added.id).votes_for is None  # untouched: not a silent 0/0
    assert screen.result_text(added.id) == "Chưa ghi phiếu biểu quyết"
    screen.vote_spins[added.id][0].setValue(6)
    screen.vote_spins[added.id][1].setValue(1)
    click(qtbot, screen.save_votes_button, runner)
    assert (Nominee.get_by_id(added.id).votes_for, Nominee.get_by_id(added.id).votes_against) == (6, 1)
    assert screen.result_text(added.id).startswith("Đạt: 6/9")


def test_send_button_opens_the_export_for_this_round(qtbot, runner, demo):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    sent = []
    window.send_packet = lambda round_id=None: sent.append(round_id)
    screen = RoundScreen(runner)
    window.setCentralWidget(screen)
    window.show()
    assert screen.send_button.isEnabled() and screen.send_button.text() == "Gửi hồ sơ lên cấp trên…"
    click(qtbot, screen.send_button)
    assert sent == [demo["round"].id]
