"""Qt set-up: the application object, bundled fonts, Vietnamese translations, error reporting."""
from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME
from desktop_app.core.resources import resource_path

from .style import STYLESHEET

log = logging.getLogger(__name__)
UI_FONTS = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")


def load_fonts(app: QApplication) -> None:
    """The UI font ships with the app so Vietnamese renders the same on every machine."""
    family = None
    for name in UI_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0 and family is None:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        app.setFont(QFont(family, 10))


def load_translations(app: QApplication) -> list[QTranslator]:
    """The Vietnamese of every screen and of Qt's own dialogs: one compiled file (tools/i18n.py release)."""
    translators = []
    path = resource_path("translations", "sothidua_vi.qm")
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        translators.append(translator)
    else:
        log.warning("translation not loaded: %s", path)
    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    return translators


class MainThreadGarbageCollector(QObject):
    """Python's cycle collector runs on whichever thread happens to allocate when a threshold is passed. Freeing a
    Qt widget caught in a reference cycle on the operation runner's thread crashes Qt (seen: a segmentation fault
    while a PDF was rendered in the background, "Garbage-collecting" in the crash trace). Automatic collection is
    switched off; the same thresholds are checked on the GUI thread every half second and collected there."""

    INTERVAL_MS = 500

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("SoThiDua")
    load_fonts(app)
    app.setStyleSheet(STYLESHEET)
    app._translators = load_translations(app)  # keep references alive
    if getattr(app, "_collector", None) is None:
        app._collector = MainThreadGarbageCollector(app)
    return app
