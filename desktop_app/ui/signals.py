"""emit(): the one way the app emits a Qt signal from Python.

Works around a PySide6 6.12.0 bug: `SignalInstance.emit()` returns `True` without owning a reference, so
every emit made from Python lowered True's reference count by one. Python 3.11's bools are not immortal:
after a few hundred emits (progress reports, search counts, autosaves) the interpreter aborted with
"Fatal Python error: bool_dealloc". Signals emitted by Qt itself (clicked, toggled…) are not affected.
The bug is probed once, so the compensation switches itself off on a fixed PySide6.
tests/ui/test_signals.py measures it.

The same PySide6 hands back `None` without a reference from every Qt method that returns nothing (`setText`,
`setEnabled`, …): each call from Python lowered None's reference count by one. None holds about 5,000
references in a bare Qt process (some 50,000 with the whole window loaded), so a few thousand such calls, or a
working day of them, made the interpreter abort with "none_dealloc" (at the latest when it exited).
`keep_none_alive()` (run once when this module loads) probes for that and, when found, gives None a reference
count no day of work can use up (None is never freed anyway).
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


_none_stolen: bool | None = None
NONE_RESERVE = 1 << 48   # references given to None when void calls steal them (2**48 calls: never reached)


def void_calls_steal_none() -> bool:
    """True when a Qt method returning nothing hands back a None it does not own (PySide6 6.12.0)."""
    global _none_stolen
    if _none_stolen is None:
        probe = _Probe()
        before = sys.getrefcount(None)
        for _ in range(8):
            probe.setObjectName("probe")
        _none_stolen = sys.getrefcount(None) <= before - 8
        if _none_stolen:  # give back what the probe itself took
            for _ in range(8):
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return _none_stolen


def keep_none_alive() -> None:
    """On an affected PySide6, raise None's reference count far above what void calls can take away.
    CPython 3.11 keeps the count in the object's first field; from 3.12 None is immortal and this is moot."""
    if void_calls_steal_none() and sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += NONE_RESERVE


keep_none_alive()
