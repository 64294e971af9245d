"""A date picker beside every date field (issue 12, "What an officer reaches for"): a click on the calendar icon at
the end of the field opens the month; a click on a day writes dd/mm/yyyy into the field, which the form saves as if
it had been typed. Typing still works; a bad typed date opens the calendar on today."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableView, QToolButton

from desktop_app.core.dates import current_date
from desktop_app.core.storage.models import Achievement, Participant
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.date_picker import CalendarPopup

from .conftest import type_text


def today_in_vietnam() -> QDate:
    """The app's today is Vietnam's (+07:00), whatever zone the computer is set to."""
    today = current_date()
    return QDate(today.year, today.month, today.day)


def calendar_button(edit) -> QToolButton:
    """The icon button Qt puts inside the field for its trailing action (what the officer sees and clicks)."""
    buttons = [b for b in edit.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1, buttons
    return buttons[0]


def open_popup(qtbot, edit) -> CalendarPopup:
    qtbot.mouseClick(calendar_button(edit), Qt.LeftButton)
    popup = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CalendarPopup) and w.isVisible())
    return popup


def click_day(qtbot, popup: CalendarPopup, day: QDate) -> None:
    """Click the day's cell in the month grid with the mouse."""
    calendar = popup.calendar
    calendar.setCurrentPage(day.year(), day.month())
    view = calendar.findChild(QTableView)
    model = view.model()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            if str(model.data(index)) == str(day.day()) and _in_month(row, day.day()):
                qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
                return
    raise AssertionError(f"no cell for {day}")


def _in_month(row: int, day: int) -> bool:
    # the first grid rows may show the end of the previous month (22..31), the last rows the next month (1..14)
    return not (row <= 1 and day > 20) and not (row >= 4 and day < 15)


def test_picking_a_day_fills_the_field_and_the_form_saves_it(qtbot, session, runner, demo):
    participant = Participant.get(Participant.name == "Nông Thị Hoa")
    dialog = EditAchievementDialog(runner, participant)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    start = dialog.fields["date_from"]
    popup = open_popup(qtbot, start)
    assert popup.calendar.selectedDate() == today_in_vietnam()     # empty field: the calendar opens on today
    assert popup.calendar.firstDayOfWeek() == Qt.Monday
    click_day(qtbot, popup, QDate(2026, 3, 12))
    assert start.text() == "12/03/2026" and not popup.isVisible()
    assert dialog.autosave.dirty                                     # the form knows it changed
    # A date typed by hand opens the calendar on that date.
    end = dialog.fields["date_to"]
    type_text(end, "05/06/2026")
    popup = open_popup(qtbot, end)
    assert popup.calendar.selectedDate() == QDate(2026, 6, 5)
    qtbot.keyClick(popup.calendar, Qt.Key_Escape)
    assert end.text() == "05/06/2026"
    type_text(dialog.fields["title"], "Số hóa sổ hộ tịch")
    dialog.content_checks["ND4"].setChecked(True)
    dialog.field_checks["LV10"].setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert runner.wait()
    saved = Achievement.select().where(Achievement.title == "Số hóa sổ hộ tịch").get()
    assert saved.date_from == date(2026, 3, 12) and saved.date_to == date(2026, 6, 5)


def test_a_bad_typed_date_opens_the_calendar_on_today(qtbot, session, runner, demo):
    from desktop_app.ui.forms import date_edit

    edit = date_edit()
    qtbot.addWidget(edit)
    edit.show()
    type_text(edit, "31/02/2026")
    popup = open_popup(qtbot, edit)
    assert popup.calendar.selectedDate() == today_in_vietnam()
    qtbot.keyClick(popup.calendar, Qt.Key_Escape)
    assert edit.text() == "31/02/2026"      # nothing typed is replaced without a pick


def test_every_date_field_of_the_forms_has_the_calendar(qtbot, runner, demo):
    from desktop_app.ui.forms import date_edit

    edit = date_edit()
    qtbot.addWidget(edit)
    action = edit.findChild(type(edit.actions()[0]), "open_calendar") if edit.actions() else None
    assert action is not None and action.toolTip() == "Chọn ngày trên lịch"
    edit.setReadOnly(True)
    edit.show()
    qtbot.mouseClick(calendar_button(edit), Qt.LeftButton, pos=QPoint(4, 4))
    assert not any(isinstance(w, CalendarPopup) and w.isVisible() for w in QApplication.topLevelWidgets())
