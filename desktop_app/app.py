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
    return run_gui(getattr(args, "data_dir", None), demo_if_empty=args.demo_if_empty)


def _open_or_report(data_dir):
    from PySide6.QtWidgets import QMessageBox

    from .core.workspace import open_workspace

    try:
        return open_workspace(data_dir)
    except UserError as error:
        QMessageBox.critical(None, "Sổ Thi đua", str(error))
        return None


def build_main_window(workspace):
    from .ui.main_window import MainWindow

    return MainWindow(workspace)


def run_gui(data_dir, *, demo_if_empty: bool = False) -> int:
    from .core import communes, drafts
    from .core.demo import create_demo_commune
    from .ui.application import create_application
    from .ui.commune_settings_dialog import CommuneSettingsDialog
    from .ui.crash_dialog import ErrorReporter
    from .ui.draft_recovery import offer_recovery

    app = create_application(sys.argv[:1])
    workspace = _open_or_report(data_dir)
    if workspace is None:
        return 1
    ErrorReporter(workspace.paths.log_file).install()
    if communes.home_commune() is None and demo_if_empty:
        create_demo_commune()
    if communes.home_commune() is None:
        draft = drafts.get_draft("commune_settings")
        dialog = CommuneSettingsDialog(None, draft_values=(draft.payload or {}).get("values") if draft else None,
                                       first_run=True)
        if not dialog.exec():
            workspace.close()
            return 0
    window = build_main_window(workspace)
    window.show()
    offer_recovery(window, communes.home_commune(), workspace.paths.evidence_dir)
    code = app.exec()
    workspace.close()
    return code


def self_test(data_dir) -> int:
    """Open the workspace and build the main window offscreen; 0 when everything loads."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .ui.application import create_application
    from .core.workspace import open_workspace

    app = create_application(sys.argv[:1])
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
    return 0
