"""The house's rules, read from the code's imports (docs/design.md, "Who may import whom"):
- screens read through core query functions: nothing under desktop_app/ui imports peewee or the models;
- the core never imports the window, the composition root or the command line;
- the core's packages stand on floors: a package imports only from its own floor and the floors below;
- no import circles, and no import inside a function to hide one (the few that load something heavy or
  platform-only only when needed are listed here, with why)."""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "desktop_app"
CORE = APP / "core"

# Floors of the core, lowest first. A module may import from its own floor and the floors below.
FLOORS = [
    {"errors", "text", "dates", "formats", "resources", "vocabulary", "changes", "decoding", "fingerprints",
     "validation", "legal", "legacy_text"},
    {"storage"},
    {"register"},
    {"nominations"},
    {"documents", "spreadsheets", "signatures"},
    {"exchange"},
    {"workspace", "demo"},
]
FLOOR_OF = {name: i for i, names in enumerate(FLOORS) for name in names}

# Imports inside functions that are allowed, and why (module → imported names' module prefixes).
LATE_IMPORTS_ALLOWED = {
    # Windows-only / macOS-only system libraries, loaded on the platform that has them.
    "desktop_app.core.exchange.packets.drives": {"ctypes"},
    # peewee imported once with the PostgreSQL drivers hidden (psycopg costs 0.2–0.5 s; a commune never needs it).
    "desktop_app.core": {"peewee"},
    # keyring takes 0.2 s to import (it scans its backends): loaded on first use, never at start-up.
    "desktop_app.core.storage.secrets": {"keyring"},
    # openpyxl (~0.2 s) and xlrd load only when a spreadsheet is read or written, never at start-up.
    "desktop_app.core.spreadsheets.workbook": {"openpyxl", "xlrd"},
    "desktop_app.core.spreadsheets.importing": {"openpyxl"},
    "desktop_app.core.spreadsheets.exporting": {"openpyxl"},
    "desktop_app.core.spreadsheets.template": {"openpyxl"},
    # psycopg only when a receiving workspace on a PostgreSQL server is opened (issue 16), handed to peewee then.
    "desktop_app.core.storage.engines": {"psycopg"},
    "desktop_app.core.exchange.receiving.review": {"psycopg"},
    # the campaign files' format and msgspec (~25 ms) only when a file's bytes differ from the stored campaign's.
    "desktop_app.core.register.campaigns": {"desktop_app.core.register.campaign_files", "msgspec"},
}


def _modules(base: Path) -> dict[str, Path]:
    out = {}
    for path in base.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str, path: Path) -> list[tuple[str, bool]]:
    """(imported module, at top level?) for every import of a file; `from x import y` yields x.y when y is a
    module of the app, else x."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    known = _modules(APP)
    top_level = {id(n) for n in tree.body} | {id(n) for b in tree.body if isinstance(b, ast.If) for n in b.body}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, id(node) in top_level) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.append((sub if sub in known else target, id(node) in top_level))
    return out


def test_screens_never_touch_the_orm():
    offenders = []
    for module, path in _modules(APP / "ui").items():
        for imported, _ in _imports(module, path):
            if imported == "peewee" or imported.startswith(("peewee.", "playhouse")) \
                    or imported.startswith("desktop_app.core.storage.models"):
                offenders.append(f"{module} imports {imported}")
    assert offenders == []


def test_the_core_never_imports_the_window_or_the_command_line():
    offenders = []
    for module, path in _modules(CORE).items():
        for imported, _ in _imports(module, path):
            if imported.startswith(("PySide6", "desktop_app.ui", "desktop_app.app", "desktop_app.cli")):
                offenders.append(f"{module} imports {imported}")
    assert offenders == []


def _floor(module: str) -> int | None:
    parts = module.split(".")
    return FLOOR_OF.get(parts[2]) if len(parts) > 2 and parts[:2] == ["desktop_app", "core"] else None


def test_every_core_module_has_a_floor():
    assert [m for m in _modules(CORE) if m != "desktop_app.core" and _floor(m) is None] == []


def test_core_imports_go_down_the_floors_only():
    offenders = []
    for module, path in _modules(CORE).items():
        mine = _floor(module)
        for imported, _ in _imports(module, path):
            theirs = _floor(imported)
            if mine is not None and theirs is not None and theirs > mine:
                offenders.append(f"{module} (floor {mine}) imports {imported} (floor {theirs})")
    assert offenders == []


def test_no_import_inside_a_function_in_the_core():
    offenders = []
    for module, path in _modules(CORE).items():
        allowed = LATE_IMPORTS_ALLOWED.get(module, set())
        for imported, top in _imports(module, path):
            if not top and not any(imported == a or imported.startswith(a + ".") for a in allowed):
                offenders.append(f"{module} imports {imported} inside a function")
    assert offenders == []


def test_no_import_circles_in_the_app():
    modules = _modules(APP)
    graph = defaultdict(set)
    for module, path in modules.items():
        for imported, _ in _imports(module, path):
            if imported in modules and imported != module:
                # importing a package runs its __init__ only: an arrow to the package itself
                graph[module].add(imported)
    # Tarjan's strongly connected components: any component of more than one module is a circle.
    index, low, stack, on_stack, circles = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in list(modules):
        if node not in index:
            visit(node)
    # A package's __init__ re-exporting its own modules is not a circle of the code's design.
    circles = [c for c in circles if not all(m.startswith(c[0]) for m in c)]
    assert circles == []
