"""The front door: --self-test, the demo command, the main window, errors reaching the user."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop_app.app import WindowHost
from desktop_app.core.errors import UserError
from desktop_app.ui.crash_dialog import CrashDialog
from desktop_app.ui.error_reporter import ErrorReporter
from desktop_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args, data_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_demo_then_self_test_from_the_command_line(tmp_path):
    data = tmp_path / "usb" / "SoThiDua"
    made = run_main("demo", data_dir=data)
    assert made.returncode == 0, made.stderr
    assert "Đã tạo xã mẫu Thượng Quan" in made.stdout
    assert (data / "sothidua.sqlite3").exists() and (data / "logs" / "sothidua.log").exists()
    again = run_main("demo", data_dir=data)
    assert again.returncode == 2 and "đã có dữ liệu" in again.stderr
    check = run_main("--self-test", data_dir=data)
    assert check.returncode == 0, check.stderr
    assert "self-test ok" in check.stdout


def test_newer_database_is_refused_and_left_alone(tmp_path):
    data = tmp_path / "ws"
    assert run_main("demo", data_dir=data).returncode == 0
    db = data / "sothidua.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = db.read_bytes()
    result = run_main("--self-test", data_dir=data)
    assert result.returncode == 1
    assert "phiên bản Sổ Thi đua mới hơn" in result.stderr
    assert db.read_bytes() == before


def test_main_window_shows_the_register(qtbot, runner, demo):
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    assert "Thượng Quan" in window.windowTitle()
    assert window.nav.item(0).text() == "Sổ theo dõi"
    assert window.participants.model.rowCount() == 30
    assert runner.wait()   # the match count comes from the runner
    assert window.participants.count_label.text() == "30 kết quả"
    actions = [a.text() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    assert "Thông tin xã…" in actions and "Khóa ký của xã…" in actions
    # The other screens are built on first visit, then kept.
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["Sổ theo dõi", "Đăng ký thi đua", "Phiếu tiêu chuẩn", "Đợt đề nghị", "Hồ sơ đề nghị",
                      "Khen thưởng", "Thống kê, báo cáo"]
    assert type(window.screens["rounds"]).__name__ == "QWidget"
    for row, name in enumerate(("ParticipantListScreen", "RegistrationScreen", "ChecklistScreen", "RoundScreen",
                                "DossierScreen", "OutcomeScreen", "StatisticsScreen")):
        window.nav.setCurrentRow(row)
        assert type(window.stack.currentWidget()).__name__ == name
    built = window.screens["rounds"]
    window.nav.setCurrentRow(0)
    window.show_screen("rounds")
    assert window.stack.currentWidget() is built and window.nav.currentRow() == 3


def test_user_error_becomes_a_message_and_bugs_reach_the_crash_dialog(qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(("crash", self.details.toPlainText())))
    reporter = ErrorReporter(tmp_path / "log.txt")
    error = UserError("evidence.source_missing", path="E:/anh.jpg")
    reporter.handle(UserError, error, None)
    assert shown[-1] == ("Không thể tiếp tục", "Không tìm thấy tệp minh chứng: E:/anh.jpg. Có thể USB đã bị rút ra.")
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        reporter.handle(type(exc), exc, exc.__traceback__)
    assert shown[-1][0] == "crash" and "ZeroDivisionError: boom" in shown[-1][1]


def test_daily_backup_runs_after_the_window_is_shown(qtbot, session, demo, monkeypatch):
    from desktop_app import app
    from desktop_app.app import _daily_backup_after_start

    monkeypatch.setattr(app, "DAILY_BACKUP_DELAY_MS", 200)

    host = WindowHost(session.paths.root)
    window = host.open(session)
    qtbot.addWidget(window)
    window.show()
    assert host.runner is window.runner and host.session is session
    assert not any(session.paths.backups_dir.glob("tu-dong-*"))
    _daily_backup_after_start(host)
    # on the runner a moment later: the window is not held up
    qtbot.waitUntil(lambda: any(session.paths.backups_dir.glob("tu-dong-*")) and not host.runner.busy, timeout=30000)
    copies = list(session.paths.backups_dir.glob("tu-dong-*"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("SELECT count(*) FROM participant").fetchone()[0] == 30
    finally:
        conn.close()


def test_scattered_search_indexes_are_merged_after_start(qtbot, session, demo, monkeypatch):
    """Saving participants one by one leaves the search index in many segments; a few seconds after start the
    window merges them, on the runner, and the search still finds everyone."""
    from desktop_app import app
    from desktop_app.app import _daily_backup_after_start
    from desktop_app.core.register import participants

    def segments():
        return session.db.execute_sql("SELECT count(DISTINCT segid) FROM participant_fts_idx").fetchone()[0]

    for name in ("Nguyễn Văn Đức", "Hà Thị Ngọc", "Bế Văn Tuấn"):
        participants.save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": name,
                                                "gender": "nam"})
    scattered = segments()
    assert scattered >= 2
    monkeypatch.setattr(participants, "SCATTERED", scattered - 1)
    monkeypatch.setattr(app, "DAILY_BACKUP_DELAY_MS", 100)
    host = WindowHost(session.paths.root)
    window = host.open(session)
    qtbot.addWidget(window)
    window.show()
    _daily_backup_after_start(host)
    qtbot.waitUntil(lambda: not host.runner.busy and segments() == 1, timeout=30000)
    home = session.home_commune().id
    found = participants.list_participant_rows(session, participants.ParticipantFilter(commune_id=home,
                                                                                       search="ha thi ng"))
    assert "Hà Thị Ngọc" in [row[1] for row in found]


def test_a_failed_daily_backup_shows_in_the_status_bar(qtbot, session, demo, monkeypatch):
    from desktop_app import app
    from desktop_app.app import _daily_backup_after_start
    from desktop_app.core.storage import snapshots

    monkeypatch.setattr(app, "DAILY_BACKUP_DELAY_MS", 100)

    def full_disk(s, *args, **kwargs):
        raise UserError("documents.disk_full", path=str(s.paths.backups_dir))

    monkeypatch.setattr(snapshots, "daily_backup", full_disk)
    host = WindowHost(session.paths.root)
    window = host.open(session)
    qtbot.addWidget(window)
    window.show()
    _daily_backup_after_start(host)
    qtbot.waitUntil(lambda: str(session.paths.backups_dir) in window.statusBar().currentMessage(), timeout=10000)
    assert not any(session.paths.backups_dir.glob("tu-dong-*"))


def test_cycles_are_collected_on_the_gui_thread_only(qtbot):
    """A Qt object freed by the cycle collector on the runner's thread crashes Qt: the application collects on the
    GUI thread from a timer, and a background thread allocating never triggers a collection itself."""
    import gc
    import threading
    import weakref

    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.ui.application import MainThreadGarbageCollector

    app = QApplication.instance()
    collector = MainThreadGarbageCollector(app)
    try:
        assert not gc.isenabled()
        collected_on = []
        gc.callbacks.append(lambda phase, info: phase == "start" and collected_on.append(threading.current_thread()))

        class Holder:
            pass

        def background():
            for _ in range(50_000):  # far past the first threshold, on a worker thread
                a, b = Holder(), Holder()
                a.b, b.a = b, a
                a.widget_ref = None
        worker = threading.Thread(target=background)
        worker.start()
        worker.join()
        assert worker not in collected_on
        cycle = QWidget()
        cycle.me = cycle                  # a widget in a reference cycle
        ref = weakref.ref(cycle)
        del cycle
        qtbot.waitUntil(lambda: ref() is None, timeout=5000)
        assert collected_on and set(collected_on) == {threading.main_thread()}
    finally:
        gc.callbacks.pop()
        collector.timer.stop()
        gc.enable()


def test_the_register_lists_its_first_page_once_at_start(qtbot, runner, demo, monkeypatch):
    """Switching the table's sorting on asks the model for the order it already lists in: no second query (the
    start used to list the first page four times), and the match count is still asked for."""
    from desktop_app.ui import participant_table_model as ptm

    calls = []
    real = ptm.core.list_participant_rows
    monkeypatch.setattr(ptm.core, "list_participant_rows", lambda *a, **k: calls.append(k) or real(*a, **k))
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    assert len(calls) == 1 and window.participants.model.rowCount() == 30
    assert runner.wait() and window.participants.count_label.text() == "30 kết quả"
    # A click on the name column's header still sorts (descending, then ascending again).
    header = window.participants.table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier,
                     QPoint(header.sectionViewportPosition(0) + 20, header.height() // 2))
    assert len(calls) == 2 and calls[-1]["descending"] is True
    first_desc = window.participants.model.id_at(0)
    QTest.mouseClick(header.viewport(), Qt.LeftButton, Qt.NoModifier,
                     QPoint(header.sectionViewportPosition(0) + 20, header.height() // 2))
    assert len(calls) == 3 and calls[-1]["descending"] is False
    assert window.participants.model.id_at(0) != first_desc


def test_the_start_loads_no_server_driver_no_crypto_no_pdf(tmp_path):
    """What a commune's start must not pay for (issue 9, start-up): the PostgreSQL driver peewee looks for
    (psycopg, 0.2–0.5 s), the signing code (cryptography), the document code (ReportLab, python-docx). The real
    start in a child process, up to the shown window, then the list of loaded modules."""
    data = tmp_path / "ws"
    assert run_main("demo", data_dir=data).returncode == 0
    code = ("import sys, json\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication(sys.argv[:1])\n"
            "QTimer.singleShot(0, app.quit)\n"
            "from desktop_app.app import run_gui\n"
            "run_gui(sys.argv[1])\n"
            "print(json.dumps(sorted(m for m, v in sys.modules.items() if v is not None)))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, env=env, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    import json

    loaded = set(json.loads(r.stdout.strip().splitlines()[-1]))
    assert "desktop_app.ui.main_window" in loaded and "peewee" in loaded       # the start really happened
    for heavy in ("psycopg", "psycopg2", "cryptography", "reportlab", "docx", "keyring",
                  # the Excel menus name the kinds of list without the column matching and the legacy encodings
                  "desktop_app.core.spreadsheets.columns", "desktop_app.core.legacy_text", "openpyxl",
                  # the campaign files are decoded only when their bytes are not the stored ones
                  "msgspec", "desktop_app.core.register.campaign_files"):
        assert heavy not in loaded, heavy


def test_the_window_start_is_parsed_without_the_commands_and_means_the_same(capsys):
    """`main.py` with only the window's options skips building the commands' parsers; the result is what the
    whole parser gives, and anything else (a command, a typo, a missing value, --help) gets the whole parser."""
    import pytest

    from desktop_app import cli

    for argv in ([], ["--data-dir", "/media/USB/SoThiDua"], ["--data-dir=E:\\SoThiDua", "--demo-if-empty"],
                 ["--self-test", "--data-dir", "demo"], ["--database", "postgresql://a@b/c", "--data-dir", "x"],
                 ["--keyring-check"]):
        assert cli.window_options_only(argv), argv
        assert cli.parse_args(argv) == cli.build_parser().parse_args(argv), argv
    for argv in (["demo"], ["backup", "--data-dir", "x"], ["--data-dir"], ["-h"], ["--help"], ["--bogus"],
                 ["dmeo"], ["--data-dir", "x", "stats"]):
        assert not cli.window_options_only(argv), argv
    with pytest.raises(SystemExit):
        cli.parse_args(["dmeo"])
    assert "invalid choice: 'dmeo'" in capsys.readouterr().err   # the whole parser names the commands


def test_main_py_starts_the_window_without_the_cycle_collector_and_a_command_with_it(tmp_path):
    """main.py turns the automatic collector off for the window's start (the window collects on its own timer);
    a command runs with it on again."""
    code = ("import gc, runpy, sys\n"
            "import desktop_app.cli as cli\n"
            "real = cli.run_command\n"
            "cli.run_command = lambda args: print('collector', gc.isenabled()) or real(args)\n"
            "import desktop_app.app as app\n"
            "app.run_gui = lambda *a, **k: print('collector', gc.isenabled()) or 0\n"
            f"sys.argv = ['main.py'] + sys.argv[1:]\n"
            f"runpy.run_path({str(ROOT / 'main.py')!r}, run_name='__main__')\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    window = subprocess.run([sys.executable, "-c", code, "--data-dir", str(tmp_path / "w")], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=120)
    assert window.stdout.strip() == "collector False", window.stderr
    command = subprocess.run([sys.executable, "-c", code, "demo", "--data-dir", str(tmp_path / "c")],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert command.returncode == 0 and command.stdout.startswith("collector True"), (command.stdout, command.stderr)
