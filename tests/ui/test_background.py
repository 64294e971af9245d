"""The operation runner (ui/operations.py): every change runs off the GUI thread; writes one at a time in the order
asked, reads beside them; long operations report progress and can be cancelled, their dialog appearing only after
600 ms; a UserError reaches on_failure or a message box, a bug reaches sys.excepthook on the GUI thread; change
notices name the topics of committed writes only, once the operation has finished."""
from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from desktop_app.core.changes import Topic
from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.core.register.communes import set_setting
from desktop_app.ui.operations import PROGRESS_DELAY_MS


def gui_thread():
    return QApplication.instance().thread()


def test_an_operation_runs_off_the_gui_thread_and_its_result_comes_back_on_it(qtbot, runner, session):
    seen = {}

    def op(s, a, b=0):
        seen["op_session"] = s
        seen["op_thread"] = QThread.currentThread()
        return a + b

    results = []
    runner.run(op, 2, b=3, on_success=lambda r: (results.append(r), seen.update(done_thread=QThread.currentThread())))
    assert runner.busy
    assert runner.wait()
    assert results == [5]
    assert seen["op_session"] is session
    assert seen["op_thread"] is not gui_thread()
    assert seen["done_thread"] is gui_thread()
    assert not runner.busy


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot, runner):
    order, running, overlaps = [], [0], []
    lock = threading.Lock()

    def write(s, n):
        with lock:
            running[0] += 1
            overlaps.append(running[0])
        time.sleep(0.02 if n % 2 == 0 else 0.001)   # an early write that takes longer still comes first
        order.append(n)
        with lock:
            running[0] -= 1

    for n in range(8):
        runner.run(write, n)
    assert runner.wait()
    assert order == list(range(8))
    assert max(overlaps) == 1


def test_reads_run_beside_a_write(qtbot, runner):
    read_ran = threading.Event()
    outcome = []

    def slow_write(s):
        # Finishes only once the read has run: a read queued behind the write would never let it finish.
        outcome.append("write saw the read" if read_ran.wait(10) else "write waited in vain")

    def read(s):
        read_ran.set()
        return "read"

    runner.run(slow_write)
    runner.run(read, read=True, on_success=outcome.append)
    assert runner.wait()
    assert sorted(outcome) == ["read", "write saw the read"]


def test_a_quick_long_operation_never_shows_its_progress_dialog(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    done = []

    def quick(s, progress, cancelled):
        progress(1, 1, "xong")
        return "ok"

    runner.run(quick, progress="Đang làm", parent=parent, on_success=done.append)
    assert runner.wait()
    assert done == ["ok"]
    assert not [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_progress_dialog_appears_after_600_ms_and_cancel_stops_the_operation(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started, stopped = threading.Event(), []
    outcome = []

    def long_job(s, progress, cancelled):
        started.set()
        for i in range(2000):
            if cancelled():
                stopped.append(i)
                raise UserCancelled()
            progress(i, 2000, f"Bước {i}")
            time.sleep(0.005)
        return "finished"

    clock = QElapsedTimer()
    clock.start()
    runner.run(long_job, progress="Đang tạo hồ sơ", parent=parent, on_success=outcome.append,
               on_failure=outcome.append)
    assert started.wait(5)

    def visible_dialogs():
        return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]

    while clock.elapsed() < PROGRESS_DELAY_MS - 200:
        QApplication.processEvents()
        assert not visible_dialogs(), f"the progress dialog showed after {clock.elapsed()} ms"
        time.sleep(0.01)
    qtbot.waitUntil(lambda: bool(visible_dialogs()), timeout=3000)
    assert clock.elapsed() >= PROGRESS_DELAY_MS - 50
    [dialog] = visible_dialogs()
    assert dialog.windowTitle() == "Đang tạo hồ sơ"
    qtbot.waitUntil(lambda: dialog.labelText().startswith("Bước ") and dialog.value() > 0, timeout=3000)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.isVisible())
    assert cancel.text() == "Hủy"
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert runner.wait()
    assert stopped, "the operation did not see the Cancel"
    assert outcome == []   # a cancelled operation reports neither success nor failure
    assert not visible_dialogs()


def test_user_error_reaches_on_failure(qtbot, runner, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a))
    errors = []

    def op(s):
        raise UserError("evidence.source_missing", path="E:/x")

    runner.run(op, on_failure=errors.append, on_success=lambda r: errors.append("success?"))
    assert runner.wait()
    assert len(errors) == 1 and isinstance(errors[0], UserError) and "USB" in str(errors[0])
    assert boxes == []


def test_user_error_without_on_failure_becomes_a_message_box(qtbot, runner, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: boxes.append((title, text, QThread.currentThread())))
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: hooked.append(info))

    def op(s):
        raise UserError("evidence.source_missing", path="E:/anh.jpg")

    runner.run(op)
    assert runner.wait()
    assert len(boxes) == 1
    title, text, thread = boxes[0]
    assert title == "Sổ Thi đua"
    assert text == "Không tìm thấy tệp minh chứng: E:/anh.jpg. Có thể USB đã bị rút ra."
    assert thread is gui_thread()
    assert hooked == []


def test_a_bug_reaches_the_excepthook_on_the_gui_thread(qtbot, runner, monkeypatch):
    hooked = []
    monkeypatch.setattr(sys, "excepthook",
                        lambda exc_type, exc, tb: hooked.append((exc_type, exc, tb, QThread.currentThread(),
                                                                 threading.current_thread())))
    failures = []
    op_thread = []

    def op(s):
        op_thread.append(threading.current_thread())
        return 1 / 0

    runner.run(op, on_failure=failures.append)
    assert runner.wait()
    assert failures == []   # on_failure is for UserError only: a bug is never shown as a plain message
    [(exc_type, exc, tb, qthread, pythread)] = hooked
    assert exc_type is ZeroDivisionError and isinstance(exc, ZeroDivisionError) and tb is not None
    assert qthread is gui_thread()
    assert pythread is threading.main_thread() and op_thread[0] is not threading.main_thread()


def test_change_notices_come_after_the_operation_with_committed_topics(qtbot, runner, session):
    events = []
    runner.notifier.changed.connect(lambda topics: events.append(("changed", topics, QThread.currentThread())))

    def op(s):
        set_setting(s, "test.key", "1")                    # commits: Topic.COMMUNE
        with s.write(Topic.PARTICIPANTS):
            with pytest.raises(ValueError):
                with s.write(Topic.AWARDS):                # a savepoint rolled back inside: not announced
                    raise ValueError("inner")
        events.append(("op finished", None, QThread.currentThread()))
        return "ok"

    runner.run(op, on_success=lambda r: events.append(("success", r, QThread.currentThread())))
    assert runner.wait()
    assert [e[0] for e in events] == ["op finished", "changed", "success"]
    assert events[1][1] == frozenset({Topic.COMMUNE, Topic.PARTICIPANTS})
    assert events[1][2] is gui_thread() and events[0][2] is not gui_thread()
    assert session.setting("test.key") == "1"


def test_a_rolled_back_write_announces_nothing(qtbot, runner, session, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    announced = []
    runner.notifier.changed.connect(announced.append)
    errors = []

    def op(s):
        with s.write(Topic.COMMUNE):
            set_setting(s, "test.rolled_back", "1")
            raise UserError("evidence.source_missing", path="E:/x")

    runner.run(op, on_failure=errors.append)
    assert runner.wait()
    assert len(errors) == 1
    assert announced == []
    assert session.setting("test.rolled_back") is None


def test_what_was_committed_before_a_failure_is_announced(qtbot, runner, session):
    announced = []
    runner.notifier.changed.connect(announced.append)
    errors = []

    def op(s):
        set_setting(s, "test.kept", "1")                   # committed on its own
        with s.write(Topic.PARTICIPANTS):
            raise UserError("evidence.source_missing", path="E:/x")

    runner.run(op, on_failure=errors.append)
    assert runner.wait()
    assert len(errors) == 1
    assert announced == [frozenset({Topic.COMMUNE})]
    assert session.setting("test.kept") == "1"
