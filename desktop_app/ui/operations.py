"""The one background runner of the window, and the change notices it sends (as Anki's CollectionOp/QueryOp).

Every change the window makes is a core operation `op(session, *args, **kwargs)` run by `OperationRunner.run`:
on a worker thread, inside the session's connection, never touching widgets. Writes run one at a time in the
order they were asked for (a draft saved before a Save is written before it); reads (`read=True`) run beside
them. When an operation finishes, the runner announces on the GUI thread the topics its committed writes
recorded (`ChangeNotifier.changed`), so every screen that shows them reloads; then the caller's `on_success`
runs. A `UserError` becomes a Vietnamese message (or the caller's `on_failure`); `UserCancelled` is silent
(the caller's `on_cancelled` runs, so the screen that started it is usable again);
anything else reaches the crash dialog, always from the GUI thread. Long operations (`progress=` a title) get
`progress(done, total, label)` and `cancelled()` and a progress dialog that appears only after 600 ms.
"""
from __future__ import annotations

import logging
import sys
import threading
from typing import Any, Callable, Iterable

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, QTimer, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop_app.core.changes import Topic
from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.core.storage.health import sqlite_error_code, storage_error
from desktop_app.core.storage.session import Session

from .signals import emit

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 600


class ChangeNotifier(QObject):
    """Says what changed; screens connect to `changed(frozenset[Topic])` and reload what they show."""

    changed = Signal(object)

    def announce(self, topics: Iterable[Topic]) -> None:
        topics = frozenset(topics)
        if topics:
            emit(self.changed, topics)


class _Relay(QObject):
    """Lives on the GUI thread: a worker's results come back through its queued signals."""

    progressed = Signal(int, int, str)
    finished = Signal(object, object)   # result, frozenset of topics
    failed = Signal(object, object)     # (type, exception, traceback), frozenset of topics


class _Task(QRunnable):
    def __init__(self, session: Session, op: Callable, args: tuple, kwargs: dict, relay: _Relay,
                 cancel_event: threading.Event, long: bool):
        super().__init__()
        self.setAutoDelete(True)
        self.session, self.op, self.args, self.kwargs = session, op, args, kwargs
        self.relay, self.cancel_event, self.long = relay, cancel_event, long

    def run(self) -> None:
        topics: set[Topic] = set()
        try:
            kwargs = dict(self.kwargs)
            if self.long:
                kwargs["progress"] = lambda done, total, label="": emit(
                    self.relay.progressed, int(done), int(total), str(label))
                kwargs["cancelled"] = self.cancel_event.is_set
            with self.session.connection(), self.session.collect_changes() as collected:
                try:
                    result = self.op(self.session, *self.args, **kwargs)
                finally:
                    topics = set(collected)
        except BaseException as exc:  # handed to the GUI thread, which decides how to show it
            emit(self.relay.failed, (type(exc), exc, exc.__traceback__), frozenset(topics))
        else:
            emit(self.relay.finished, result, frozenset(topics))


class OperationRunner(QObject):
    """Runs core operations off the GUI thread; one per window, shared by every screen and dialog."""

    busy_changed = Signal(bool)

    def __init__(self, session: Session, notifier: ChangeNotifier | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.notifier = notifier or ChangeNotifier(self)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)    # writes in the order they were asked for
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._running = 0
        self.shutting_down = False   # the window is closing: nothing new is asked of the officer
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(self, op: Callable[..., Any], *args, on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[Exception], None] | None = None, parent: QWidget | None = None,
            progress: str | None = None, read: bool = False, on_cancelled: Callable[[], None] | None = None,
            **kwargs) -> None:
        """Run `op(session, *args, **kwargs)` in the background (see the module's docstring)."""
        relay = _Relay()
        self._relays.add(relay)
        cancel = threading.Event()
        dialog = self._progress_dialog(progress, parent, cancel) if progress else None

        def done() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if dialog is not None:
                dialog.show_timer.stop()
                dialog.reset()
                dialog.hide()
                dialog.deleteLater()
            self._running -= 1
            if self._running == 0:
                emit(self.busy_changed, False)

        def finished(result, topics) -> None:
            done()
            self.notifier.announce(topics)
            if on_success is not None:
                on_success(result)

        def failed(info, topics) -> None:
            done()
            self.notifier.announce(topics)   # what was committed before the failure still shows
            exc_type, exc, tb = info
            if not isinstance(exc, UserError) and isinstance(exc, Exception) and sqlite_error_code(exc) is not None:
                # A read that met a full, read-only or vanished disk: the user's message, not the crash dialog.
                exc = storage_error(exc, self.session.paths) or exc
            if isinstance(exc, UserCancelled):
                if on_cancelled is not None:
                    on_cancelled()
                return
            if isinstance(exc, UserError):
                if on_failure is not None:
                    on_failure(exc)
                else:
                    QMessageBox.warning(parent or QApplication.activeWindow(), self.tr("Sổ Thi đua"), str(exc))
                return
            log.error("operation %s failed", getattr(op, "__qualname__", op), exc_info=(exc_type, exc, tb))
            sys.excepthook(exc_type, exc, tb)

        relay.finished.connect(finished, Qt.QueuedConnection)
        relay.failed.connect(failed, Qt.QueuedConnection)
        if dialog is not None:
            relay.progressed.connect(lambda d, t, label: self._show_progress(dialog, d, t, label), Qt.QueuedConnection)
        self._running += 1
        if self._running == 1:
            emit(self.busy_changed, True)
        task = _Task(self.session, op, args, kwargs, relay, cancel, long=progress is not None)
        (self._reads if read else self._writes).start(task)

    def _progress_dialog(self, title: str, parent: QWidget | None, cancel: threading.Event) -> QProgressDialog:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModal)
        # Shown by our own timer, PROGRESS_DELAY_MS after the start and never before: Qt's minimumDuration
        # shows it after 50 ms when its estimate of the remaining time is long, or after 4 s when no value
        # was set yet.
        dialog.setMinimumDuration(2_000_000_000)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.show_timer = QTimer(dialog)
        dialog.show_timer.setSingleShot(True)
        dialog.show_timer.timeout.connect(dialog.show)
        dialog.show_timer.start(PROGRESS_DELAY_MS)

        def cancel_now() -> None:
            cancel.set()
            dialog.setLabelText(self.tr("Cancelling…"))

        dialog.canceled.connect(cancel_now)
        return dialog

    @staticmethod
    def _show_progress(dialog: QProgressDialog, done: int, total: int, label: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if label:
            dialog.setLabelText(label)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Process events until every operation asked for so far has finished (closing the window, tests)."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.start(timeout_ms)
        while self.busy and timer.isActive():
            QApplication.processEvents()
            QThread.msleep(2)
        return not self.busy

    @Slot()
    def shutdown(self) -> None:
        """Wait for running operations (the window is closing); the pools' threads end with the runner."""
        self.shutting_down = True
        self._writes.waitForDone(60000)
        self._reads.waitForDone(60000)
        QApplication.processEvents()
