"""One measured process for bench/run.py: start-up to a shown window, or peak memory (VmHWM).

    python bench/child.py start-empty            an empty QMainWindow, prints "shown" when the loop runs
    python bench/child.py start-app DATA_DIR     the real start (main.py --data-dir DATA_DIR), same signal
    python bench/child.py rss-empty              peak RSS of an empty shown QMainWindow (JSON)
    python bench/child.py rss-app DATA_DIR       peak RSS with the register shown, then with every row fetched
    python bench/child.py packet MODE WS FP FILE  check (MODE=check) or receive (MODE=receive, into WS trusting FP
                                                 for commune 01234) one packet: peak RSS above the idle process
                                                 and the time (JSON)
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


def cpu_seconds() -> float:
    """User + system CPU time of this process so far, all threads (getrusage: microseconds, where os.times
    counts in 10 ms ticks)."""
    try:
        import resource
    except ImportError:  # Windows
        times = os.times()
        return times.user + times.system
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _signal_when_shown(app) -> None:
    from PySide6.QtCore import QTimer

    def shown():
        # The process's CPU time so far (all threads) too: it moves far less with the machine's load than the
        # wall-clock time the parent measures.
        print(f"shown {cpu_seconds():.4f}", flush=True)
        app.quit()

    # A zero timer fires on the first turn of the event loop, i.e. after show() and before any user input.
    QTimer.singleShot(0, shown)


def packet(mode: str, workspace: str, fingerprint: str, path: str) -> int:
    import time

    from desktop_app.core.exchange import receiving
    from desktop_app.core.exchange.packets import check_packet
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace

    session = None
    if mode == "receive":
        session = open_workspace(Path(workspace), secrets=SecretStore(InMemoryKeyring()))
        receiving.make_receiver_workspace(session)
        if fingerprint != "-":
            receiving.trust_key(session, "01234", fingerprint, trusted_by="bench")
    idle = vm_rss_kb()
    Path("/proc/self/clear_refs").write_text("5")
    start = time.perf_counter()
    if mode == "check":
        result = check_packet(path)
        verdict, reason = result.verdict, result.reason
    else:
        result = receiving.receive_packet(session, path)
        verdict, reason = f"{result.record.verdict}/{result.outcome}", result.record.reason
    elapsed = time.perf_counter() - start
    print(json.dumps({"idle": idle, "peak": vm_hwm_kb(), "seconds": elapsed, "verdict": verdict, "reason": reason}))
    return 0


def vm_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class _WhenTheWindowIsUp:
    """Import hook for the start-app measure: once main.py has loaded `desktop_app.app`, wraps its `start_gui` (the
    start up to the shown window) so that the "shown" signal is armed right after it. This process imports nothing
    of Qt or of the app before main.py runs: the app makes its own QApplication and loads its modules in the order
    of the officer's start (until 30/11/2026 this process made the QApplication first)."""

    def find_spec(self, name, path=None, target=None):
        if name != "desktop_app.app":
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        run_module = spec.loader.exec_module

        def exec_module(module):
            run_module(module)
            start_gui = module.start_gui

            def start_gui_then_signal(*args, **kwargs):
                host = start_gui(*args, **kwargs)
                from PySide6.QtWidgets import QApplication

                _signal_when_shown(QApplication.instance())
                return host

            module.start_gui = start_gui_then_signal

        spec.loader.exec_module = exec_module
        return spec


def start_app(data_dir: str) -> int:
    """The officer's start: main.py with the data folder, exactly as the shortcut runs it (its own QApplication,
    its own import order); "shown" on the first turn of the event loop after the window is up."""
    import runpy

    sys.meta_path.insert(0, _WhenTheWindowIsUp())
    main_py = Path(__file__).resolve().parents[1] / "main.py"
    sys.argv = [str(main_py), "--data-dir", data_dir]
    try:
        runpy.run_path(str(main_py), run_name="__main__")
    except SystemExit as done:
        return done.code or 0
    return 0


def main() -> int:
    mode = sys.argv[1]
    if mode == "packet":
        return packet(*sys.argv[2:6])
    if mode == "start-app":
        return start_app(sys.argv[2])
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    if mode == "start-empty":
        window = QMainWindow()
        window.show()
        _signal_when_shown(app)
        return app.exec()
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
