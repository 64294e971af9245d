"""Qt fixtures: the real application object with our fonts and Vietnamese translations, a demo workspace, the
window's operation runner, and typing Vietnamese the way Unikey/IBus deliver it (QTest's keyClicks can only type
ASCII)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.demo import create_demo_commune
from desktop_app.ui.application import load_fonts, load_translations
from desktop_app.ui.operations import OperationRunner


@pytest.fixture(scope="session")
def qapp_args():
    return ["sothidua-tests"]


@pytest.fixture(scope="session", autouse=True)
def vietnamese_ui(qapp):
    load_fonts(qapp)
    translators = load_translations(qapp)
    assert translators, "no .qm translation loaded"
    yield translators


@pytest.fixture
def demo(session):
    """The demo commune in a fresh workspace: 30 participants with achievements and award history."""
    return create_demo_commune(session)


@pytest.fixture
def runner(qapp, session):
    """The window's operation runner over the test session; waits for what is still running at the end."""
    r = OperationRunner(session)
    yield r
    r.wait()
    r.shutdown()


def type_text(widget, text: str) -> None:
    """Type text character by character as key events carrying the (Vietnamese) text."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def commit_text(widget, text: str) -> None:
    """What an input method (Unikey, IBus) sends when a composed word is committed."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
