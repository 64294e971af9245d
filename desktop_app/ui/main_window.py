"""MainWindow: navigation between the screens, menus, and the status bar."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QStackedWidget, QWidget)

from desktop_app import __version__
from desktop_app.core.changes import Topic, touches
from desktop_app.core.register.communes import is_receiver

from .operations import OperationRunner
from .participant_list_screen import ParticipantListScreen
from .style import ICON_SIZE, NAV_WIDTH, icon


class MainWindow(QMainWindow):
    """The window of one open workspace. Screens and dialogs get the window's operation runner (which holds
    the session and the change notices); the window owns nothing else."""

    def __init__(self, runner: OperationRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.session = runner.session
        self.commune = self.session.home_commune()
        self.receiver = is_receiver(self.session)
        self.setWindowTitle(self.tr("Sổ Thi đua — %1").replace("%1", self._commune_title()))
        self.resize(1200, 700)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setIconSize(ICON_SIZE)
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 4, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._show_row)
        self.screens: dict[str, object] = {}
        self._factories: dict[str, object] = {}

        if self.commune is not None:
            self.participants = ParticipantListScreen(runner, self.stack)
            self.add_screen("participants", self.tr("Register of participants"), self.participants)
            # The other screens (and the document and packet code they import) are built on first visit:
            # start-up on an old PC pays only for the register.
            self.add_lazy_screen("registrations", self.tr("Emulation registration"), self._make_registrations)
            self.add_lazy_screen("checklists", self.tr("Criteria checklists"), self._make_checklists)
            self.add_lazy_screen("rounds", self.tr("Nomination rounds"), self._make_rounds)
            self.add_lazy_screen("dossier", self.tr("Nomination dossier"), self._make_dossier)
            self.add_lazy_screen("outcomes", self.tr("Decisions and certificates"), self._make_outcomes)
            self.add_lazy_screen("statistics", self.tr("Statistics and report"), self._make_statistics)
        if self.receiver:
            self.add_lazy_screen("receiving", self.tr("Receive dossiers"), self._make_receiving)
            self.add_lazy_screen("review", self.tr("Review dossiers"), self._make_review)
        self.nav.setCurrentRow(0)

        self._build_menus()
        path = QLabel(self.tr("Data folder: %1").replace("%1", str(self.session.paths.root)))
        path.setObjectName("data_dir_label")
        self.statusBar().addPermanentWidget(path)
        for problem in self.session.problems:
            self.statusBar().showMessage(problem.text)
        runner.notifier.changed.connect(self._on_changed)

    def _on_changed(self, changes) -> None:
        if touches(changes, Topic.COMMUNE):
            self.commune = self.session.home_commune()
            self.setWindowTitle(self.tr("Sổ Thi đua — %1").replace("%1", self._commune_title()))

    def closeEvent(self, event) -> None:
        if not all(self._may_leave(screen) for screen in self.screens.values()):
            event.ignore()   # the officer chose to stay with what they typed
            return
        self.runner.shutdown()   # a save in flight is finished, never cut off
        super().closeEvent(event)

    def _commune_title(self) -> str:
        if self.commune is None:
            return self.tr("receiving dossiers") if self.receiver else self.tr("commune not set up")
        return self.tr("Commune %1, %2").replace("%1", self.commune.name).replace("%2", self.commune.province)

    NAV_ICONS = {"participants": "register", "checklists": "checklist", "rounds": "rounds", "dossier": "dossier",
                 "receiving": "receiving", "registrations": "registration", "outcomes": "outcomes",
                 "statistics": "statistics",
                 "review": "checklist"}

    def add_screen(self, key: str, title: str, widget) -> None:
        self.screens[key] = widget
        self.stack.addWidget(widget)
        item = QListWidgetItem(icon(self.NAV_ICONS.get(key, "register")), title, self.nav)
        item.setData(Qt.UserRole, key)
        item.setToolTip(title)

    def add_lazy_screen(self, key: str, title: str, factory) -> None:
        """A navigation entry whose screen is built by `factory()` the first time it is shown."""
        placeholder = QWidget()
        self._factories[key] = factory
        self.add_screen(key, title, placeholder)

    def screen_named(self, key: str):
        """The screen for `key`, built now if it was not yet."""
        factory = self._factories.pop(key, None)
        if factory is not None:
            placeholder = self.screens[key]
            index = self.stack.indexOf(placeholder)
            widget = factory()
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens[key] = widget
            setattr(self, key, widget)
        return self.screens[key]

    def _show_row(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        current = self.stack.currentWidget()
        target = self.screen_named(item.data(Qt.UserRole))
        if current is not None and current is not target and not self._may_leave(current):
            # Unsaved work on the current screen and the officer chose to stay: the navigation follows.
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(next(r for r in range(self.nav.count())
                                        if self.screens.get(self.nav.item(r).data(Qt.UserRole)) is current))
            self.nav.blockSignals(False)
            return
        self.stack.setCurrentWidget(target)

    @staticmethod
    def _may_leave(screen) -> bool:
        """A screen with typing not yet saved asks first (RoundScreen.can_leave); others can always be left."""
        return getattr(screen, "can_leave", lambda: True)()

    def show_screen(self, key: str) -> None:
        self.screen_named(key)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.UserRole) == key:
                self.nav.setCurrentRow(row)

    def _make_registrations(self):
        from .registration_screen import RegistrationScreen

        return RegistrationScreen(self.runner)

    def _make_outcomes(self):
        from .outcome_screen import OutcomeScreen

        return OutcomeScreen(self.runner)

    def _make_statistics(self):
        from .statistics_screen import StatisticsScreen

        return StatisticsScreen(self.runner)

    def _make_checklists(self):
        from .checklist_screen import ChecklistScreen

        return ChecklistScreen(self.runner)

    def _make_rounds(self):
        from .round_screen import RoundScreen

        return RoundScreen(self.runner)

    def _make_dossier(self):
        from .dossier_screen import DossierScreen

        return DossierScreen(self.runner)

    def _make_receiving(self):
        from .receiving_screen import ReceivingScreen

        return ReceivingScreen(self.runner)

    def _make_review(self):
        from .review_screen import ReviewScreen

        return ReviewScreen(self.runner)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_dir = QAction(self.tr("Open the data folder"), self)
        open_dir.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.paths.root))))
        file_menu.addAction(open_dir)
        if self.commune is not None:
            send = QAction(self.tr("Send the dossier (signed packet)…"), self)
            send.setObjectName("send_packet")
            send.triggered.connect(lambda: self.send_packet())
            file_menu.addAction(send)
        if self.commune is not None:
            self._build_excel_menu(file_menu)
        backup_action = QAction(self.tr("Back up to USB…"), self)
        backup_action.triggered.connect(self.backup_to_usb)
        file_menu.addAction(backup_action)
        restore_action = QAction(self.tr("Restore from a backup…"), self)
        restore_action.triggered.connect(self.restore_backup)
        file_menu.addAction(restore_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        if not self.receiver:  # a receiving workspace has no commune of its own
            commune_action = QAction(self.tr("Commune information…"), self)
            commune_action.triggered.connect(self.edit_commune)
            settings_menu.addAction(commune_action)
        if self.receiver:
            server_action = QAction(self.tr("Connection to the Sở's shared database…"), self)
            server_action.setObjectName("server_connection")
            server_action.triggered.connect(self.server_connection)
            settings_menu.addAction(server_action)
        if self.commune is not None:
            key_action = QAction(self.tr("Signing key of the commune…"), self)
            key_action.triggered.connect(self.key_settings)
            settings_menu.addAction(key_action)
        signing_action = QAction(self.tr("Digital signatures (token, trusted roots, seal)…"), self)
        signing_action.setObjectName("signing_settings")
        signing_action.triggered.connect(self.signing_settings)
        settings_menu.addAction(signing_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("User guide"), self)
        guide.setObjectName("user_guide")
        guide.setShortcut(QKeySequence.HelpContents)
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("About Sổ Thi đua"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _build_excel_menu(self, file_menu) -> None:
        """Tệp › Nhập từ Excel…, Tệp › Xuất ra Excel ›, Tệp › Tải mẫu Excel › (issue 14)."""
        from desktop_app.core.spreadsheets.kinds import LIST_KINDS

        def excel_export():
            # Loaded on first use: the export code brings the rounds and their signing code (not for the start).
            from . import excel_export as module
            return module

        file_menu.addSeparator()
        import_action = QAction(self.tr("Import from Excel…"), self)
        import_action.setObjectName("import_excel")
        import_action.triggered.connect(lambda: self.import_excel())
        file_menu.addAction(import_action)
        history = QAction(self.tr("Imports from Excel (undo)…"), self)
        history.setObjectName("import_history")
        history.triggered.connect(self.import_history)
        file_menu.addAction(history)
        export_menu = file_menu.addMenu(self.tr("Export to Excel"))
        export_menu.setObjectName("export_excel_menu")
        register = export_menu.addAction(self.tr("The register (as shown: search and filters)…"))
        register.setObjectName("export_register")
        register.triggered.connect(self.export_register)
        awards = export_menu.addAction(self.tr("The award history…"))
        awards.setObjectName("export_awards")
        awards.triggered.connect(lambda: excel_export().export_award_history(self.runner, self))
        round_list = export_menu.addAction(self.tr("A round's list of nominees…"))
        round_list.setObjectName("export_round")
        round_list.triggered.connect(lambda: excel_export().export_round(self.runner, self))
        checklists = export_menu.addAction(self.tr("Checklist results with their reasons…"))
        checklists.setObjectName("export_checklists")
        checklists.triggered.connect(lambda: excel_export().export_checklists(self.runner, self))
        template_menu = file_menu.addMenu(self.tr("Blank Excel template"))
        template_menu.setObjectName("template_menu")
        for kind, name in LIST_KINDS.items():
            action = template_menu.addAction(name + "…")
            action.setObjectName(f"template_{kind}")
            action.triggered.connect(lambda _=False, k=kind: excel_export().save_template(self.runner, self, k))
        file_menu.addSeparator()

    def import_excel(self, path: str | None = None) -> None:
        from .excel_import_dialog import ExcelImportDialog

        self.excel_import = ExcelImportDialog(self.runner, self, path=path)
        self.excel_import.open()   # window-modal, without a nested event loop

    def import_history(self) -> None:
        from .excel_import_dialog import ImportHistoryDialog

        self.excel_history = ImportHistoryDialog(self.runner, self)
        self.excel_history.open()   # window-modal, without a nested event loop

    def export_register(self) -> None:
        from . import excel_export

        screen = self.participants
        excel_export.export_register(self.runner, self, screen.model.filter, screen.filter_description())

    def backup_to_usb(self) -> None:
        from .backup_dialog import BackupDialog

        BackupDialog(self.runner, parent=self).exec()

    def restore_backup(self) -> None:
        from .backup_dialog import RestoreDialog

        RestoreDialog(self.runner, parent=self).exec()

    def edit_commune(self) -> None:
        from .commune_settings_dialog import CommuneSettingsDialog

        CommuneSettingsDialog(self.runner, parent=self).exec()

    def send_packet(self, round_id: int | None = None) -> None:
        from .export_dialog import ExportDialog

        ExportDialog(self.runner, round_id=round_id, parent=self).exec()

    def server_connection(self) -> None:
        from .server_connection_dialog import ServerConnectionDialog

        ServerConnectionDialog(self.runner, parent=self).exec()

    def key_settings(self) -> None:
        from .key_settings_dialog import KeySettingsDialog

        KeySettingsDialog(self.runner, parent=self).exec()

    def signing_settings(self) -> None:
        from .signing_settings_dialog import SigningSettingsDialog

        SigningSettingsDialog(self.runner, parent=self).exec()

    def show_guide(self) -> None:
        from .help_window import HelpWindow

        self.guide = HelpWindow(self)
        self.guide.show()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Sổ Thi đua"), self.tr(
            "Sổ Thi đua %1\nRegister of the emulation movement and nomination dossiers for communes.\n"
            "Data folder: %2\nLog file: %3").replace("%1", __version__).replace(
            "%2", str(self.session.paths.root)).replace("%3", str(self.session.paths.log_file)))
