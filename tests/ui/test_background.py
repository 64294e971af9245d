"""The background runner: results and errors come back on the GUI thread; Cancel stops the job."""
from __future__ import annotations

import time

from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.ui.background import BackgroundRunner


def test_result_and_progress(qtbot):
    runner = BackgroundRunner()
    done = []

    def job(progress, cancelled):
        for i in range(3):
            progress(i + 1, 3, f"bước {i + 1}")
        return "xong"

    runner.run(job, title="Đang làm", on_done=done.append)
    assert runner.wait()
    assert done == ["xong"]


def test_cancel_stops_the_job(qtbot):
    runner = BackgroundRunner()
    outcome = []

    def job(progress, cancelled):
        for _ in range(500):
            if cancelled():
                raise UserCancelled()
            time.sleep(0.01)
        return "finished"

    runner.run(job, title="Lâu", on_done=outcome.append, on_error=outcome.append)
    runner.cancel()
    assert runner.wait()
    assert outcome == []


def test_user_error_reaches_on_error(qtbot):
    runner = BackgroundRunner()
    errors = []

    def job(progress, cancelled):
        raise UserError("evidence.source_missing", path="E:/x")

    runner.run(job, title="Lỗi", on_error=errors.append)
    assert runner.wait()
    assert len(errors) == 1 and "USB" in str(errors[0])
