"""Emitting signals from Python must not eat references to True, nor calling Qt's void methods the references
to None (PySide6 6.12.0 bugs; see ui/signals.py)."""
from __future__ import annotations

import gc
import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.ui import signals
from desktop_app.ui.signals import emit

UI = Path(__file__).resolve().parents[2] / "desktop_app" / "ui"


class Sender(QObject):
    plain = Signal()
    number = Signal(int)
    flag = Signal(bool)


def test_thousands_of_emits_keep_true_alive(qtbot):
    sender = Sender()
    got = []
    sender.number.connect(got.append)
    gc.collect()
    before = sys.getrefcount(True)
    for i in range(3000):  # more than True's whole reference count at start-up on PySide6 6.12.0
        emit(sender.plain)
        emit(sender.number, i)
        emit(sender.flag, i % 2 == 0)
    gc.collect()
    assert len(got) == 3000
    assert sys.getrefcount(True) >= before - 2


def test_tens_of_thousands_of_void_calls_keep_none_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    if signals.void_calls_steal_none():
        # Compensated when the window's code was loaded: None holds far more than a day of calls can take.
        assert sys.getrefcount(None) > signals.NONE_RESERVE // 2
    before = sys.getrefcount(None)
    calls = 30_000   # more than None's whole reference count at start-up (≈ 5,000 in a bare Qt process)
    for _ in range(calls):
        widget.setEnabled(True)
        widget.setToolTip("")
    gc.collect()
    assert sys.getrefcount(None) > 0
    if not signals.void_calls_steal_none():
        assert sys.getrefcount(None) >= before - 2


def test_the_app_emits_only_through_the_helper():
    offenders = []
    for path in UI.glob("*.py"):
        if path.name == "signals.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.emit\(", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, "use desktop_app.ui.signals.emit():\n" + "\n".join(offenders)
