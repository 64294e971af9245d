"""Translation upkeep: `python tools/i18n.py update` refreshes resources/translations/<module>_vi.ts from the
sources (one file per UI module, so parallel work never edits the same file); `fill GLOSSARY.json` fills
unfinished entries from an {english: vietnamese} file; `release` compiles them all into ONE file,
resources/translations/sothidua_vi.qm (the app loads one file at start, not one per screen).

The test suite (tests/ui/test_translations.py) fails when a string is untranslated or a .qm is stale.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "desktop_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def ui_modules() -> list[Path]:
    return sorted(p for p in UI.glob("*.py") if p.name != "__init__.py")


def ts_for(module: Path) -> Path:
    return TRANSLATIONS / f"{module.stem}_vi.ts"


QT_OWN = "qt_vi"   # Qt's own dialogs (not made from our sources: kept by hand)


def update() -> None:
    """Refresh every module's .ts (entries whose text left the source are dropped, not kept as vanished);
    the .ts and .qm of a module that no longer exists are removed."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    wanted = {ts_for(module).stem for module in ui_modules()} | {QT_OWN}
    for stale in TRANSLATIONS.glob("*_vi.ts"):
        if stale.stem not in wanted:
            stale.unlink()
    for module in ui_modules():
        ts = ts_for(module)
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-target-language", "vi_VN", str(module),
                        "-ts", str(ts)], check=True, capture_output=True)
        if "<message" not in ts.read_text(encoding="utf-8"):
            ts.unlink()  # a module with no user-visible text needs no file


def fill(glossary: Path) -> int:
    """Fill unfinished messages whose source text is in a JSON glossary {english: vietnamese}."""
    import json
    import xml.etree.ElementTree as ET

    words = json.loads(glossary.read_text(encoding="utf-8"))
    filled = 0
    for ts in sorted(TRANSLATIONS.glob("*_vi.ts")):
        tree = ET.parse(ts)
        changed = False
        for message in tree.getroot().iter("message"):
            translation = message.find("translation")
            source = message.find("source").text
            if translation is not None and translation.get("type") == "unfinished" and source in words:
                translation.text = words[source]
                del translation.attrib["type"]
                changed = True
                filled += 1
        if changed:
            tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


QM = "sothidua_vi.qm"


def release(out_dir: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts into the one .qm the app loads (any other .qm in out_dir is removed)."""
    for qm in out_dir.glob("*.qm"):
        if qm.name != QM:
            qm.unlink()
    qm = out_dir / QM
    sources = [str(ts) for ts in sorted(TRANSLATIONS.glob("*_vi.ts"))]
    subprocess.run([_tool("pyside6-lrelease"), "-silent", *sources, "-qm", str(qm)], check=True)
    return [qm]


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "all"
    if action in ("update", "all"):
        update()
    if action == "fill":
        print(f"filled {fill(Path(sys.argv[2]))} messages")
    if action in ("release", "all"):
        release()
