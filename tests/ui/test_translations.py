"""The interface is Vietnamese through Qt Linguist: every string translated, every .qm up to date."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            out[(name, message.find("source").text)] = message.find("translation")
    return out


TRANSLATABLE = re.compile(r"(\.tr|\.translate|QT_TRANSLATE_NOOP)\(")


def modules_with_text() -> list[Path]:
    return [m for m in i18n.ui_modules() if TRANSLATABLE.search(m.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("module", modules_with_text(), ids=lambda p: p.stem)
def test_every_string_of_the_module_is_translated(module, tmp_path):
    committed = i18n.ts_for(module)
    assert committed.exists(), f"run: python tools/i18n.py update — {committed.name} is missing"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    subprocess.run([i18n._tool("pyside6-lupdate"), "-no-obsolete", str(module), "-ts", str(fresh)],
                   check=True, capture_output=True)
    found = messages(fresh)
    assert found, f"{module.name} has no translatable text"
    untranslated = [src for (ctx, src), tr in found.items()
                    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip()]
    assert not untranslated, f"{committed.name}: untranslated {untranslated}"
    assert set(found) == set(messages(committed)), f"{committed.name} is stale: run python tools/i18n.py update"


def test_qt_own_texts_are_translated():
    found = messages(i18n.TRANSLATIONS / "qt_vi.ts")
    assert all(tr is not None and tr.get("type") is None and tr.text for tr in found.values())
    for needed in [("QPlatformTheme", "OK"), ("QPlatformTheme", "Cancel"), ("QPlatformTheme", "&Yes"),
                   ("QPlatformTheme", "&No"), ("QPlatformTheme", "Save"), ("QPlatformTheme", "Close")]:
        assert needed in found


def test_compiled_qm_files_match_their_sources(tmp_path):
    fresh = {p.name: p.read_bytes() for p in i18n.release(tmp_path)}
    committed = {p.name: p.read_bytes() for p in i18n.TRANSLATIONS.glob("*.qm")}
    assert set(fresh) == set(committed), "run: python tools/i18n.py release"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale .qm (run python tools/i18n.py release): {stale}"


def test_standard_buttons_speak_vietnamese(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Save)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.Cancel).text() == "Hủy"
    assert box.button(QDialogButtonBox.Save).text() == "Lưu"
    message = QMessageBox(QMessageBox.Question, "t", "q", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.Yes).text().replace("&", "") == "Có"


class RecordingTranslator:
    """Installed last (asked first), it writes down every text Qt asks to translate and passes (returns "")."""

    def __init__(self):
        from PySide6.QtCore import QTranslator

        seen = self.seen = set()

        class _Rec(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                seen.add((context, source))
                return ""

            def isEmpty(self):
                return False

        self.translator = _Rec()


def shown_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

    out = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if isinstance(child, (QLabel, QAbstractButton)):
            out.append(child.text())
        if isinstance(child, QComboBox):
            out += [child.itemText(i) for i in range(child.count())]
    return [t for t in out if t]


def test_qt_file_and_print_dialogs_speak_vietnamese(qtbot, tmp_path):
    """Seen 14: Qt's own file and print dialogs (used on Linux) showed "Look in:", "Files of type:", "Printer",
    "Print to File (PDF)". Every text Qt asks for while they open (the file dialog for opening, saving and choosing
    a folder; the print dialog with its options shown) must have a Vietnamese translation in the shipped file."""
    from PySide6.QtCore import QCoreApplication, Qt, QTranslator
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.ui.printing import print_dialog
    from PySide6.QtWidgets import QFileDialog, QPushButton

    shipped = QTranslator()
    assert shipped.load(str(i18n.TRANSLATIONS / "sothidua_vi.qm"))
    recorder = RecordingTranslator()
    QCoreApplication.installTranslator(recorder.translator)
    texts = []
    try:
        for mode in ("open", "save", "folder"):
            dialog = QFileDialog(None, "t", str(tmp_path))
            qtbot.addWidget(dialog)
            dialog.setOption(QFileDialog.DontUseNativeDialog)
            dialog.setAcceptMode(QFileDialog.AcceptSave if mode == "save" else QFileDialog.AcceptOpen)
            dialog.setFileMode(QFileDialog.Directory if mode == "folder" else QFileDialog.ExistingFiles)
            dialog.setNameFilter("PDF (*.pdf)")
            dialog.show()
            qtbot.waitExposed(dialog)
            texts += shown_texts(dialog)
            dialog.close()
        printer = QPrinter(QPrinter.HighResolution)
        dialog = print_dialog(printer)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        options = next((b for b in dialog.findChildren(QPushButton) if b.text().endswith(">>")), None)
        if options is not None:
            qtbot.mouseClick(options, Qt.LeftButton)
        texts += shown_texts(dialog)
        dialog.close()
    finally:
        QCoreApplication.removeTranslator(recorder.translator)
    asked = {(c, s) for c, s in recorder.seen if c.startswith("Q") and s}
    assert ("QFileDialog", "Files of &type:") in asked and ("QPrintDialog", "Print to File (PDF)") in asked
    untranslated = sorted((c, s) for c, s in asked if not shipped.translate(c, s))
    assert not untranslated, f"Qt texts without Vietnamese (add them to qt_vi.ts): {untranslated}"
    for english in ("Look in:", "Files of type:", "Printer", "Print to File (PDF)", "File name:", "Cancel"):
        assert not any(t.replace("&", "") == english for t in texts), english
