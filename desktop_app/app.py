"""Composition root: arguments → workspace (database, files) → services → Qt window or command line."""
from __future__ import annotations

import logging
import sys

from . import cli
from .core.errors import UserError

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = cli.build_parser().parse_args(argv)
    if args.command:
        return cli.run_command(args)
    if args.self_test:
        return self_test(getattr(args, "data_dir", None))
    if args.keyring_check:
        return keyring_check()
    return run_gui(getattr(args, "data_dir", None), demo_if_empty=args.demo_if_empty)


def _open_or_report(data_dir):
    from PySide6.QtWidgets import QMessageBox

    from .core.storage.session import open_workspace

    try:
        return open_workspace(data_dir)
    except UserError as error:
        QMessageBox.critical(None, "Sổ Thi đua", str(error))
        return None


def _check_database_or_restore(data_dir) -> bool:
    """A damaged database file (power cut, failing disk) is found before opening it and a restore is offered."""
    from PySide6.QtWidgets import QMessageBox

    from .core.storage.paths import workspace_for
    from .core.storage.snapshots import check_database

    paths = workspace_for(data_dir)
    problem = check_database(paths.database)
    if problem is None:
        return True
    from .ui.backup_dialog import (
        offer_restore_damaged,  # only now: it loads the USB-drive code
    )

    log.error("damaged database %s: %s", paths.database, problem)
    if offer_restore_damaged(paths, problem):
        return True
    QMessageBox.critical(None, "Sổ Thi đua", str(UserError("backup.damaged_not_opened", path=str(paths.database),
                                                            detail=problem)))
    return False


def _daily_backup(workspace) -> str | None:
    """The automatic copy of the day (at most one per day); a failure is reported, never blocks the start."""
    from .core.storage.snapshots import daily_backup

    try:
        daily_backup(workspace.paths)
    except UserError as error:
        log.warning("daily backup failed: %s", error)
        return str(error)
    return None


def _daily_backup_after_start(window, workspace) -> None:
    """Take the day's copy on a pool thread once the window is up (1.5 s on a 408 MB database: the officer
    should not wait for it); a failure shows in the status bar. SQLite's online backup reads a consistent
    snapshot while the window goes on writing (WAL)."""
    from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

    from .core.storage.models import database_proxy
    from .ui.signals import emit

    class Done(QObject):
        failed = Signal(str)

    class Task(QRunnable):
        def __init__(self):
            super().__init__()
            self.done = Done()

        def run(self):
            try:
                problem = _daily_backup(workspace)
            finally:
                database_proxy.close()  # this pool thread's connection, if the backup opened one
            if problem:
                emit(self.done.failed, problem)

    task = Task()
    task.done.failed.connect(window.statusBar().showMessage)
    window._daily_backup_signals = task.done  # alive until the task reports
    QThreadPool.globalInstance().start(task)


def keyring_report() -> tuple[str, list[str]]:
    """The keyring backend in use and every backend class keyring found (through package metadata)."""
    import keyring
    import keyring.backend

    active = keyring.get_keyring()
    found = sorted(f"{c.__module__}.{c.__name__}" for c in keyring.backend.KeyringBackend._classes)
    return f"{type(active).__module__}.{type(active).__name__}", found


def keyring_check() -> int:
    """Hidden --keyring-check (the bundle's smoke test): 0 when keyring backends were found at all."""
    active, found = keyring_report()
    print(f"keyring backend: {active}")
    print("keyring backends found: " + (", ".join(found) or "none"))
    real = [name for name in found if not name.startswith(("keyring.backends.fail.", "keyring.backends.null."))]
    return 0 if real else 1


def build_main_window(workspace):
    from .ui.main_window import MainWindow

    return MainWindow(workspace)


def run_gui(data_dir, *, demo_if_empty: bool = False) -> int:
    from .core.register import communes
    from .core.storage import drafts
    from .ui.application import create_application
    from .ui.commune_settings_dialog import CommuneSettingsDialog
    from .ui.crash_dialog import ErrorReporter
    from .ui.draft_recovery import offer_recovery

    app = create_application(sys.argv[:1])
    if not _check_database_or_restore(data_dir):
        return 1
    workspace = _open_or_report(data_dir)
    if workspace is None:
        return 1
    ErrorReporter(workspace.paths.log_file).install()
    receiver = communes.workspace_role() == "receiver"  # a receiving workspace has no commune of its own
    if communes.home_commune() is None and demo_if_empty and not receiver:
        from .core.demo import create_demo_commune

        create_demo_commune()
    if communes.home_commune() is None and not receiver:
        draft = drafts.get_draft("commune_settings")
        dialog = CommuneSettingsDialog(None, draft_values=(draft.payload or {}).get("values") if draft else None,
                                       first_run=True)
        if not dialog.exec():
            workspace.close()
            return 0
    window = build_main_window(workspace)
    window.show()
    _daily_backup_after_start(window, workspace)
    offer_recovery(window, communes.home_commune(), workspace.paths.evidence_dir)
    code = app.exec()
    workspace.close()
    return code


def self_test(data_dir) -> int:
    """Open the workspace and build the main window offscreen; 0 when everything loads."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .core.storage.paths import workspace_for
    from .core.storage.session import open_workspace
    from .core.storage.snapshots import check_database, latest_good_backup
    from .ui.application import create_application

    app = create_application(sys.argv[:1])
    paths = workspace_for(data_dir)
    problem = check_database(paths.database)
    if problem is not None:
        latest = latest_good_backup(paths)
        print(f"self-test: damaged database {paths.database}: {problem}; latest good automatic backup: "
              f"{latest.path if latest else 'none'}", file=sys.stderr)
        return 1
    try:
        workspace = open_workspace(data_dir)
    except UserError as error:
        print(f"self-test: {error}", file=sys.stderr)
        return 1
    window = build_main_window(workspace)
    window.show()
    app.processEvents()
    translators = len(getattr(app, "_translators", []))
    window.close()
    workspace.close()
    print(f"self-test ok: workspace {workspace.paths.root}, {translators} translation files")
    print(f"keyring backend: {keyring_report()[0]}")
    return 0
