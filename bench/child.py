"""One measured process for bench/run.py: start-up to a shown window, or peak memory (VmHWM).

    python bench/child.py start-empty            an empty QMainWindow, prints "shown" when the loop runs
    python bench/child.py start-app DATA_DIR     the real start (desktop_app.app.run_gui), same signal
    python bench/child.py rss-empty              peak RSS of an empty shown QMainWindow (JSON)
    python bench/child.py rss-app DATA_DIR       peak RSS with the register shown, then with every row fetched
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def vm_hwm_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status (Linux only)")


def _signal_when_shown(app) -> None:
    from PySide6.QtCore import QTimer

    def shown():
        print("shown", flush=True)
        app.quit()

    # A zero timer fires on the first turn of the event loop, i.e. after show() and before any user input.
    QTimer.singleShot(0, shown)


def main() -> int:
    mode = sys.argv[1]
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if mode == "start-empty":
        window = QMainWindow()
        window.show()
        _signal_when_shown(app)
        return app.exec()
    if mode == "start-app":
        _signal_when_shown(app)
        from desktop_app.app import run_gui

        return run_gui(sys.argv[2])
    if mode == "rss-empty":
        window = QMainWindow()
        window.resize(1200, 760)
        window.show()
        app.processEvents()
        print(json.dumps({"shown": vm_hwm_kb()}))
        return 0
    if mode == "rss-app":
        from desktop_app.app import open_session
        from desktop_app.ui.application import create_application
        from desktop_app.ui.main_window import MainWindow
        from desktop_app.ui.operations import OperationRunner

        create_application(sys.argv[:1])
        session = open_session(sys.argv[2], log_to_file=False)
        runner = OperationRunner(session)
        window = MainWindow(runner)
        window.show()
        app.processEvents()
        runner.wait()  # the match count, computed on the runner as in the window
        model = window.participants.model
        result = {"total": model.total, "shown": vm_hwm_kb()}
        while model.canFetchMore():  # the officer scrolls to the very end of the list
            model.fetchMore()
        app.processEvents()
        result.update(fetched=model.rowCount(), all_rows=vm_hwm_kb())
        print(json.dumps(result))
        window.close()
        runner.shutdown()
        session.close()
        return 0
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    raise SystemExit(main())
