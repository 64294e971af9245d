"""Work that can wait runs after the window is painted, never before, and still runs for a window never shown."""
from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desktop_app.ui import first_paint
from desktop_app.ui.first_paint import after_first_paint


def test_the_work_waits_for_the_window_to_be_exposed_and_keeps_its_order(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    inner = QLabel("sổ", window)
    QVBoxLayout(window).addWidget(inner)
    seen = []
    after_first_paint(inner, lambda: seen.append(("first", window.windowHandle().isExposed())))
    after_first_paint(window, lambda: seen.append(("second", window.windowHandle().isExposed())))
    for _ in range(3):                         # not shown: nothing runs however often the loop turns
        QApplication.processEvents()
    assert seen == []
    window.show()
    assert seen == []                          # never inside show()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen == [("first", True), ("second", True)]
    # Once painted, later work runs on a next turn of the loop (not at once, inside the caller).
    after_first_paint(window, lambda: seen.append(("late", True)))
    assert len(seen) == 2
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=3000)


def test_a_window_never_shown_still_gets_its_work(qtbot, monkeypatch):
    monkeypatch.setattr(first_paint, "FALLBACK_MS", 50)
    hidden = QWidget()
    qtbot.addWidget(hidden)
    seen = []
    start = time.monotonic()
    after_first_paint(hidden, lambda: seen.append(time.monotonic() - start))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert not hidden.isVisible() and seen[0] >= 0.04


def test_nothing_runs_for_a_deleted_widget(qtbot):
    widget = QWidget()
    seen = []
    after_first_paint(widget, lambda: seen.append(1))
    widget.deleteLater()
    qtbot.wait(1300)                           # past the fallback: the timers went with the widget
    assert seen == []
