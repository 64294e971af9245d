"""Nothing typed on the rounds screen is dropped without a word: changing round or screen with an unsaved meeting
or votes asks (save / don't save / stay); removing a nominee asks; a required field left empty never shrinks the
main window; "Before sending" says what the round still lacks."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import Campaign
from desktop_app.ui.main_window import MainWindow

from .conftest import answer_next_message, type_text


def second_round(session):
    campaign = Campaign.select().first()
    return rounds.create_round(session, campaign.id, date(2026, 4, 2), "Đợt bổ sung")


def window_on_rounds(qtbot, runner):
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1366, 696)
    window.show()
    window.show_screen("rounds")
    runner.wait()
    return window, window.screen_named("rounds")


def select_round(qtbot, screen, round_id):
    row = next(r for r in range(screen.rounds_table.rowCount())
               if screen.rounds_table.item(r, 0).data(Qt.UserRole) == round_id)
    rect = screen.rounds_table.visualItemRect(screen.rounds_table.item(row, 1))
    qtbot.mouseClick(screen.rounds_table.viewport(), Qt.LeftButton, pos=rect.center())


def test_unsaved_meeting_asks_before_another_round_is_shown(qtbot, runner, demo, session):
    other = second_round(session)
    window, screen = window_on_rounds(qtbot, runner)
    first = rounds.find_round(session, 1)
    select_round(qtbot, screen, first.id)
    assert screen.round.id == first.id
    place = screen.meeting["place"]
    place.selectAll()
    type_text(place, "Nhà văn hóa thôn Nà Khoang")
    # Stay: the round and the text stay.
    asked = answer_next_message(text="Ở lại")
    select_round(qtbot, screen, other.id)
    assert "cuộc họp" in asked["text"] and screen.round.id == first.id
    assert place.text() == "Nhà văn hóa thôn Nà Khoang"
    # A change elsewhere reloads the screen: the typing stays too.
    runner.run(rounds.set_summary, rounds.nominees_of(session, first.id)[0].id, "Tóm tắt mới")
    runner.wait()
    assert place.text() == "Nhà văn hóa thôn Nà Khoang"
    # Save: stored, then the other round is shown.
    answer_next_message(text="Lưu")
    select_round(qtbot, screen, other.id)
    runner.wait()
    assert rounds.meeting_of(session, first.id).place == "Nhà văn hóa thôn Nà Khoang"
    assert screen.round.id == other.id


def test_unsaved_votes_dropped_only_when_the_officer_says_so_and_leaving_the_screen_asks(qtbot, runner, demo,
                                                                                         session):
    window, screen = window_on_rounds(qtbot, runner)
    first = rounds.find_round(session, 1)
    nominee = rounds.nominees_of(session, first.id)[0]
    spin = screen.vote_spins[nominee.id][1]
    spin.setValue(spin.value() + 1)
    answer_next_message(text="Ở lại")
    window.nav.setCurrentRow(0)       # the officer clicks "Sổ theo dõi"
    # The navigation stays on "Đợt đề nghị" (its row, wherever the list puts it).
    assert window.stack.currentWidget() is screen and window.nav.currentItem().text() == "Đợt đề nghị"
    answer_next_message(text="Không lưu")
    window.nav.setCurrentRow(0)
    assert window.stack.currentWidget() is window.screen_named("participants")
    assert rounds.get_nominee(session, nominee.id).votes_against == nominee.votes_against


def test_saving_a_meeting_with_an_empty_required_field_keeps_the_window_size(qtbot, runner, demo, session):
    window, screen = window_on_rounds(qtbot, runner)
    size = window.size()
    screen.meeting["chair"].clear()
    qtbot.mouseClick(screen.save_meeting_button, Qt.LeftButton)
    runner.wait()
    assert screen.meeting_errors.text("meeting_chair")
    assert window.size() == size


def test_removing_a_nominee_asks_first(qtbot, runner, demo, session):
    window, screen = window_on_rounds(qtbot, runner)
    first = rounds.find_round(session, 1)
    before = len(rounds.nominees_of(session, first.id))
    screen.nominee_table.selectRow(0)
    name = screen.nominee_table.item(0, 0).text()
    asked = answer_next_message(QMessageBox.No)
    qtbot.mouseClick(screen.remove_button, Qt.LeftButton)
    runner.wait()
    assert name in asked["text"] and len(rounds.nominees_of(session, first.id)) == before
    answer_next_message(QMessageBox.Yes)
    qtbot.mouseClick(screen.remove_button, Qt.LeftButton)
    runner.wait()
    assert len(rounds.nominees_of(session, first.id)) == before - 1


def test_before_sending_lists_what_is_missing(qtbot, runner, demo, session):
    from desktop_app.core.exchange import keys

    other = second_round(session)
    window, screen = window_on_rounds(qtbot, runner)
    select_round(qtbot, screen, other.id)
    text = screen.readiness.toPlainText()
    assert "chưa có ai được đề nghị" in text.lower() and "(1)" in screen.tabs.tabText(5)
    first = rounds.find_round(session, 1)
    select_round(qtbot, screen, first.id)
    text = screen.readiness.toPlainText()
    assert "Mã Văn Long" not in text          # proposed with a written reason: nothing missing for him
    assert "chưa có khóa ký" in text          # the demo commune has no signing key yet
    runner.run(keys.create_key, "02095")
    runner.wait()
    assert "khóa ký" not in screen.readiness.toPlainText()
