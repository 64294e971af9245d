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
from desktop_app.ui.style import STYLESHEET


@pytest.fixture(scope="session")
def qapp_args():
    return ["sothidua-tests"]


@pytest.fixture(scope="session", autouse=True)
def vietnamese_ui(qapp):
    load_fonts(qapp)
    qapp.setStyleSheet(STYLESHEET)
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


_ANSWERING = [0]   # bumped when a test ends: its answer_next_message pollers stop


def answer_next_message(button=None, *, text: str | None = None, timeout_ms: int = 5000) -> dict:
    """Click a button of the next message box that opens, the way the officer would (by mouse). `button`: a
    QMessageBox.StandardButton, or `text`: the label of a custom button. Returns what was asked (filled in
    when the box appeared: {"title": …, "text": …}) so the test can check the question's words."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    seen: dict = {}
    deadline = [timeout_ms // 20]
    generation = _ANSWERING[0]

    def wanted(box):
        return box.button(button) if button is not None else next(
            (b for b in box.buttons() if b.text().replace("&", "") == text), None)

    def poll():
        if _ANSWERING[0] != generation:
            return   # the test that asked has ended: never answer the next test's questions
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                    and wanted(w) is not None), None)
        if box is None:
            deadline[0] -= 1
            if deadline[0] > 0:
                QTimer.singleShot(20, poll)
            return
        seen.update(title=box.windowTitle(), text=box.text())
        QTest.mouseClick(wanted(box), Qt.LeftButton)

    QTimer.singleShot(0, poll)
    return seen


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """At the end of a test pytest-qt closes the test's windows; one with unsaved typing asks before closing (as it
    must). Nobody is there to answer: answer "don't save", so a failing test cannot hang the run. Runs before
    pytest-qt's own teardown; stopped again when the next test starts."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    _ANSWERING[0] += 1
    app = QApplication.instance()
    if app is None:
        return (yield)

    def dismiss():
        for box in (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()):
            discard = next((b for b in box.buttons() if box.buttonRole(b) == QMessageBox.DestructiveRole), None)
            (discard or box.button(QMessageBox.No) or box.buttons()[-1]).click()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(dismiss)
    timer.start()
    app._question_dismisser = timer
    return (yield)


@pytest.fixture(autouse=True)
def stop_answering_questions(qapp):
    timer = getattr(qapp, "_question_dismisser", None)
    if timer is not None:
        timer.stop()
        qapp._question_dismisser = None
    yield
