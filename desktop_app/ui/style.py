"""The app's look, in one place (the visual rules are written down in docs/design.md): one UI font at 10 pt, one
accent colour, compact rows that still take a thumb-sized click, bold headings, icons for the navigation."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from desktop_app.core.resources import resource_path

ACCENT = "#1f4e79"        # navigation, headings, the selected row
ACCENT_LIGHT = "#dce8f5"
NAV_WIDTH = 184
ICON_SIZE = QSize(22, 22)

STYLESHEET = f"""
QListWidget#navigation {{
    background: #f3f6fa; border: none; border-right: 1px solid #d0d7e1; font-size: 11pt; outline: 0;
}}
QListWidget#navigation::item {{ padding: 9px 6px; border-radius: 4px; margin: 2px 4px; color: #1d2733; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: {ACCENT_LIGHT}; }}
QHeaderView::section {{ font-weight: bold; padding: 3px 6px; background: #eef2f7; border: none;
    border-right: 1px solid #d0d7e1; border-bottom: 1px solid #d0d7e1; }}
QTableView, QTableWidget, QTreeWidget, QListWidget {{ selection-background-color: {ACCENT}; }}
QGroupBox {{ font-weight: bold; margin-top: 12px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 6px; padding: 0 3px; }}
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QRadioButton {{ font-weight: normal; }}
QPushButton {{ padding: 4px 12px; }}
QStatusBar {{ color: #444; }}
"""


def icon(name: str) -> QIcon:
    """An icon of resources/icons (SVG)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
