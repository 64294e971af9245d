"""A calendar beside every date field: the officer may type dd/mm/yyyy or click the calendar icon at the end of the
field and pick a day; the picked day is written into the field as dd/mm/yyyy (the same text typing would give, so
drafts, validation and the unsaved state work unchanged)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.dates import DateParseError, current_date, parse_vn_date

from .style import icon


class CalendarPopup(QWidget):
    """The month calendar under a date field; Enter or a click picks, Esc closes without a change."""

    def __init__(self, edit: QLineEdit):
        super().__init__(edit, Qt.Popup)
        self.edit = edit
        self.setObjectName("calendar_popup")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setLocale(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
        self.calendar.setFirstDayOfWeek(Qt.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.setSelectedDate(QDate(*self._start_date().timetuple()[:3]))
        self.calendar.clicked.connect(self.pick)
        self.calendar.activated.connect(self.pick)

    def _start_date(self) -> date:
        try:
            return parse_vn_date(self.edit.text()) or current_date()
        except DateParseError:
            return current_date()

    def pick(self, day: QDate) -> None:
        text = f"{day.day():02d}/{day.month():02d}/{day.year():04d}"
        if text != self.edit.text():
            self.edit.setText(text)   # textChanged: the form's draft and unsaved state follow, as when typing
        self.close()
        self.edit.setFocus()

    def open_below(self) -> None:
        self.adjustSize()
        below = self.edit.mapToGlobal(self.edit.rect().bottomLeft())
        screen = self.edit.screen().availableGeometry()
        x = min(below.x(), screen.right() - self.width())
        y = below.y() if below.y() + self.height() <= screen.bottom() else \
            self.edit.mapToGlobal(self.edit.rect().topLeft()).y() - self.height()
        self.move(max(screen.left(), x), max(screen.top(), y))
        self.show()
        self.calendar.setFocus()


def attach_calendar(edit: QLineEdit) -> QAction:
    """Put the calendar icon at the end of a date field; clicking it opens the calendar under the field."""
    action = edit.addAction(icon("calendar"), QLineEdit.TrailingPosition)
    action.setObjectName("open_calendar")
    action.setToolTip(QCoreApplication.translate("date_picker", "Choose the date on a calendar"))

    def open_calendar() -> None:
        if edit.isReadOnly() or not edit.isEnabled():
            return
        popup = CalendarPopup(edit)
        popup.setAttribute(Qt.WA_DeleteOnClose)
        edit.calendar_popup = popup
        popup.open_below()

    action.triggered.connect(open_calendar)
    return action
