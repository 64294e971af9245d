"""Emitting signals from Python must not eat references to True (PySide6 6.12.0 bug; see ui/signals.py)."""
from __future__ import annotations

import gc
import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

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


def test_the_app_emits_only_through_the_helper():
    offenders = []
    for path in UI.glob("*.py"):
        if path.name == "signals.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.emit\(", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, "use desktop_app.ui.signals.emit():\n" + "\n".join(offenders)
