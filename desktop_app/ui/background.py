"""The single background runner: long jobs (documents, packets, backups) never block the window.

A job is a plain function `job(progress, cancelled) -> result` that never touches widgets:
`progress(done, total, label)` reports, `cancelled()` says whether the user pressed Cancel (the job then
raises UserCancelled). The progress dialog appears only after PROGRESS_DELAY_MS, so quick jobs don't flash.
"""
from __future__ import annotations

import logging
import sys
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from desktop_app.core.errors import UserCancelled

from .signals import emit

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 600


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, job, cancel_event: threading.Event):
        super().__init__()
        self.job = job
        self.cancel_event = cancel_event

    def run(self) -> None:
        try:
            result = self.job(lambda done, total, label="": emit(self.progressed, int(done), int(total), str(label)),
                              self.cancel_event.is_set)
        except BaseException as exc:  # handed to the GUI thread, which decides how to show it
            emit(self.failed, (type(exc), exc, exc.__traceback__))
        else:
            emit(self.finished, result)


class BackgroundRunner(QObject):
    """Runs one job at a time on a worker thread; results and errors come back as callbacks on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._dialog: QProgressDialog | None = None
        self._cancel = threading.Event()

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def run(self, job: Callable[[Callable, Callable], Any], *, title: str, parent: QWidget | None = None,
            on_done: Callable[[Any], None] | None = None, on_error: Callable[[Any], None] | None = None) -> None:
        if self.busy:
            raise RuntimeError("a background job is already running")
        self._cancel = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(job, self._cancel)
        self._worker.moveToThread(self._thread)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog

        self._on_done, self._on_error = on_done, on_error
        # Bound methods of this GUI-thread object: Qt queues the calls back to the GUI thread.
        self._worker.progressed.connect(self._progressed)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self._thread.started.connect(self._worker.run)
        self._thread.start()
        emit(self.busy_changed, True)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        # setValue() on a modal progress dialog processes events: the job may finish inside it and
        # _cleanup() drop self._dialog (the widget itself is only deleteLater'd, so `dialog` stays usable).
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if label and self._dialog is dialog:
            dialog.setLabelText(label)

    @Slot(object)
    def _finished(self, result) -> None:
        callback = self._on_done
        self._cleanup()
        if callback is not None:
            callback(result)

    @Slot(object)
    def _failed(self, info) -> None:
        exc_type, exc, tb = info
        callback = self._on_error
        self._cleanup()
        if isinstance(exc, UserCancelled):
            return
        if callback is not None:
            callback(exc)
        else:
            sys.excepthook(exc_type, exc, tb)

    def cancel(self) -> None:
        self._cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Process events until the current job ends (tests, and closing the window)."""
        timer = QTimer()
        timer.setSingleShot(True)
        timer.start(timeout_ms)
        while self.busy and timer.isActive():
            QApplication.processEvents()
            QThread.msleep(5)
        return not self.busy

    def _cleanup(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None
        emit(self.busy_changed, False)
