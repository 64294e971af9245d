"""HelpWindow ("Hướng dẫn sử dụng"): the user guide, shown inside the app, offline (F1 or Trợ giúp)."""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.core.resources import user_guide_path

from .layout import available_geometry


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open_link)
        path = user_guide_path()
        self.browser.setSearchPaths([str(path.parent)])
        if path.is_file():
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation: %1")
                                      .replace("%1", str(path)))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        room = available_geometry(parent)
        self.resize(min(900, room.width() - 40), room.height() - 80)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
        else:
            self.browser.setSource(url)
