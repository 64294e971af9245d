"""after_first_paint(): work that can wait runs once the window is on screen.

The start shows the window before anything the officer does not see at once: the filters' lists of units and
years, the offer of unsaved drafts. A zero timer alone is not enough: it may fire before the window system has
exposed the window (on a real screen the expose comes later, and Qt paints the window when it handles it). So
the work waits until the window is exposed, i.e. painted, looking again every POLL_MS; a window that is never
exposed (hidden, minimised at start) gets its work after FALLBACK_MS all the same.

No event filter or paint handler in Python: the first event handed to Python makes PySide create the classes of
all of Qt's event types, which cost the start more (8 ms) than what waits here.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

POLL_MS = 10          # how often a window not yet exposed is looked at again
FALLBACK_MS = 1000    # a window that is not exposed (hidden, minimised) still gets its waiting work


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` on a turn of the event loop after `widget`'s window has been exposed and painted (at
    once, on the next turns, when it already has). Nothing runs once the widget is deleted (its timers go with
    it)."""
    waited = 0

    def look() -> None:
        nonlocal waited
        handle = widget.window().windowHandle()
        if (handle is not None and handle.isExposed()) or waited >= FALLBACK_MS:
            # Exposed: Qt painted the window while handling the expose; the callback runs on a later turn.
            QTimer.singleShot(0, widget, callback)
            return
        waited += POLL_MS
        QTimer.singleShot(POLL_MS, widget, look)

    QTimer.singleShot(0, widget, look)
