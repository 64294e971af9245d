"""desktop_app.core never imports PySide6: every module of it, imported in a fresh interpreter."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import desktop_app.core

CORE_DIR = Path(desktop_app.core.__file__).resolve().parent
REPO_ROOT = CORE_DIR.parents[1]

# Walks the folder rather than relying on pkgutil alone: a subpackage added without an __init__.py
# (a namespace package) is invisible to pkgutil.walk_packages but still importable and still core.
SCRIPT = r"""
import importlib, json, pkgutil, sys
from pathlib import Path
import desktop_app.core as core

root = Path(core.__file__).resolve().parent
names = {info.name for info in pkgutil.walk_packages(core.__path__, core.__name__ + ".")}
for path in root.rglob("*.py"):
    if "__pycache__" in path.parts:
        continue
    rel = path.relative_to(root).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"]
    names.add(".".join([core.__name__, *parts]))
imported = []
for name in sorted(names):
    importlib.import_module(name)
    imported.append(name)
qt = sorted(k for k in sys.modules if k.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": imported, "qt": qt}))
"""


def _import_all_core() -> dict:
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_core_modules_import_without_pyside6():
    report = _import_all_core()
    assert report["qt"] == [], f"core pulled in Qt: {report['qt']}"
    imported = set(report["imported"])
    # The walk really reached every module of every package, nested ones included, not an empty list.
    expected_files = {p for p in CORE_DIR.rglob("*.py") if "__pycache__" not in p.parts}
    assert len(imported) >= len(expected_files)
    assert {_module_name(p) for p in expected_files} <= imported
    for name in ("desktop_app.core.register.participants", "desktop_app.core.storage.database",
                 "desktop_app.core.storage.session", "desktop_app.core.workspace", "desktop_app.core.vocabulary",
                 "desktop_app.core.demo", "desktop_app.core.storage.migrations.m0001_initial",
                 "desktop_app.core.nominations.rounds", "desktop_app.core.nominations.criteria.engine",
                 "desktop_app.core.documents.round_documents", "desktop_app.core.exchange.sending",
                 "desktop_app.core.exchange.packets.reader", "desktop_app.core.exchange.receiving.intake"):
        assert name in imported
    for package in ("storage", "register", "nominations", "documents", "exchange"):
        assert any(name.startswith(f"desktop_app.core.{package}.") for name in imported), package


def _module_name(path: Path) -> str:
    parts = [p for p in path.relative_to(CORE_DIR).with_suffix("").parts if p != "__init__"]
    return ".".join(["desktop_app.core", *parts])


def test_the_check_would_see_pyside6():
    # Guard against a check that can never fail: the same probe does see Qt once it is imported.
    probe = "import sys, PySide6.QtCore; print(sorted(k for k in sys.modules if k.startswith('PySide6')))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "PySide6" in result.stdout
