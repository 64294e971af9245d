"""Windows that fit the officers' screens: most commune PCs have 1366×768 (about 1366×728 above the Windows
taskbar). A dialog's fields scroll inside it while its buttons stay in view, and no window opens larger than the
screen it is on. Visual rules of the app (spacing, type sizes, colours) are in docs/design.md."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

SCREEN_MARGIN = 16      # room left around a dialog on the screen (title bar and frame are outside its size)
TITLE_BAR = 32          # what the window manager adds above a dialog


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use (without the taskbar)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def scroll_contents(layout: QVBoxLayout, keep_last: int = 0) -> QScrollArea:
    """Move everything in `layout` (except its last `keep_last` items: the buttons) into a scroll area that
    takes their place, so long forms scroll inside the dialog and its buttons stay put."""
    content = QWidget()
    inner = QVBoxLayout(content)
    inner.setContentsMargins(0, 0, 8, 0)
    kept = [layout.takeAt(layout.count() - 1) for _ in range(keep_last)][::-1]
    items = [layout.takeAt(0) for _ in range(layout.count())]
    for item in items:
        stretch = 0
        if item.widget() is not None:
            inner.addWidget(item.widget(), stretch)
        elif item.layout() is not None:
            child: QLayout = item.layout()
            child.setParent(None)
            inner.addLayout(child)
        elif item.spacerItem() is not None:
            inner.addItem(item.spacerItem())
    scroll = QScrollArea()
    scroll.setObjectName("form_scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setWidget(content)
    layout.addWidget(scroll, 1)
    for item in kept:
        if item.widget() is not None:
            layout.addWidget(item.widget())
        elif item.layout() is not None:
            child = item.layout()
            child.setParent(None)
            layout.addLayout(child)
    scroll.content_hint = content.sizeHint
    return scroll


def fit_to_screen(dialog: QDialog, scroll: QScrollArea | None = None, min_width: int = 0) -> None:
    """Size a dialog to what it needs, but never larger than the screen: with a scroll area, the dialog asks for
    its content's full height and gets what the screen has; the rest scrolls."""
    room = available_geometry(dialog.parentWidget())
    max_size = QSize(room.width() - 2 * SCREEN_MARGIN, room.height() - 2 * SCREEN_MARGIN - TITLE_BAR)
    dialog.setMaximumSize(max_size)
    hint = dialog.sizeHint()
    if scroll is not None:
        extra = scroll.content_hint().height() - scroll.viewport().sizeHint().height()
        hint.setHeight(hint.height() + max(0, extra))
        hint.setWidth(max(hint.width(), scroll.content_hint().width() + 40))
    width = min(max(hint.width(), min_width, dialog.minimumWidth()), max_size.width())
    height = min(hint.height(), max_size.height())
    # A minimum height larger than the screen would push the buttons off it: keep minimums within the screen.
    dialog.setMinimumHeight(min(dialog.minimumHeight(), max_size.height()))
    dialog.resize(width, height)
