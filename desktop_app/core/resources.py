"""Where the bundled data lives (resources/: campaigns, criteria, templates, fonts, messages, translations),
from source and from the PyInstaller bundle alike."""
from __future__ import annotations

import sys
from pathlib import Path


def _bundle_root() -> Path:
    # PyInstaller unpacks data next to the executable (sys._MEIPASS); from source it is the repo root.
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/."""
    return _bundle_root().joinpath("resources", *parts)


def user_guide_path() -> Path:
    """The Vietnamese user guide: docs/huong-dan-su-dung.md from source, help/ in the bundle (installer.spec)."""
    bundled = _bundle_root() / "help" / "huong-dan-su-dung.md"
    return bundled if bundled.is_file() else _bundle_root() / "docs" / "huong-dan-su-dung.md"
