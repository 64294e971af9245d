"""Windows that fit the officers' screens: most commune PCs have 1366×768 (about 1366×728 above the Windows
taskbar). A dialog's fields scroll inside it while its buttons stay in view, and no window opens larger than the
screen it is on. Visual rules of the app (spacing, type sizes, colours) are in docs/design.md."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
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
    inner.addStretch(1)   # room left over goes below the fields, not between them
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
    its content's full height and gets what the screen has; the rest scrolls. Wrapped labels are measured at the
    width the dialog gets (their plain size hint is for a narrow column: lines cut in half, or empty bands)."""
    room = available_geometry(dialog.parentWidget())
    max_size = QSize(room.width() - 2 * SCREEN_MARGIN, room.height() - 2 * SCREEN_MARGIN - TITLE_BAR)
    dialog.setMaximumSize(max_size)
    hint = dialog.sizeHint()
    if scroll is not None:
        hint.setWidth(max(hint.width(), scroll.content_hint().width() + 40))
    width = min(max(hint.width(), min_width, dialog.minimumWidth()), max_size.width())
    layout = dialog.layout()
    if scroll is not None:
        content = scroll.widget().layout()
        inner_width = width - 40
        need = content.heightForWidth(inner_width) if content.hasHeightForWidth() else scroll.content_hint().height()
        height = hint.height() - scroll.sizeHint().height() + 2 * scroll.frameWidth() + need
    elif layout is not None and layout.hasHeightForWidth():
        height = layout.heightForWidth(width)
    else:
        height = hint.height()
    height = min(height, max_size.height())
    # A minimum height larger than the screen would push the buttons off it: keep minimums within the screen.
    dialog.setMinimumHeight(min(max(dialog.minimumHeight(), height if scroll is None else 0), max_size.height()))
    dialog.resize(width, height)


def header_of(view):
    """The horizontal header of a table or a tree."""
    return view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()


def widen_to_headers(view, widths: dict[int, int]) -> None:
    """Give columns their width, but never less than their heading needs (a heading cut to "ı thức khen thư" is
    unreadable; Vietnamese headings are often twice the English ones)."""
    header = header_of(view)
    for column, width in widths.items():
        view.setColumnWidth(column, max(width, header.sectionSizeHint(column)))


def clipped_headings(view) -> list[str]:
    """Headings of visible columns narrower than their text (for the tests and the screenshot tool)."""
    header = header_of(view)
    model = view.model()
    out = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        if header.sectionSize(column) < header.sectionSizeHint(column) - 2:
            out.append(str(model.headerData(column, Qt.Horizontal)))
    return out
