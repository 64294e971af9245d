"""emit(): the one way the app emits a Qt signal from Python.

Works around a PySide6 6.12.0 bug: `SignalInstance.emit()` returns `True` without owning a reference, so
every emit made from Python lowered True's reference count by one. Python 3.11's bools are not immortal:
after a few hundred emits (progress reports, search counts, autosaves) the interpreter aborted with
"Fatal Python error: bool_dealloc". Signals emitted by Qt itself (clicked, toggled…) are not affected.
The bug is probed once, so the compensation switches itself off on a fixed PySide6.
tests/ui/test_signals.py measures it.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_steals_result: bool | None = None


class _Probe(QObject):
    ping = Signal(int)


def emit_steals_result() -> bool:
    """True when SignalInstance.emit() hands back a bool it does not own (the PySide6 6.12.0 bug)."""
    global _steals_result
    if _steals_result is None:
        probe = _Probe()
        before = sys.getrefcount(True)
        for _ in range(8):
            probe.ping.emit(0)
        _steals_result = sys.getrefcount(True) <= before - 8
        if _steals_result:  # give back what the probe itself took
            for _ in range(8):
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return _steals_result


def emit(signal, *args):
    """signal.emit(*args), keeping True's reference count right on PySide6 6.12.0."""
    result = signal.emit(*args)
    if isinstance(result, bool) and emit_steals_result():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
    return result
