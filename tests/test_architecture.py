"""The core never imports Textual: the UI depends on the core, never the reverse."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path


def _core_modules() -> list[str]:
    """Every module of the package outside `goaldash.ui` (new modules are covered unasked)."""
    import goaldash

    names = ["goaldash"]
    for info in pkgutil.walk_packages(goaldash.__path__, "goaldash."):
        if info.name == "goaldash.ui" or info.name.startswith("goaldash.ui."):
            continue
        if info.name == "goaldash.__main__":
            continue
        names.append(info.name)
    return names


CORE = _core_modules()


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported {out.stdout.strip()}"


def test_core_list_is_complete() -> None:
    for name in ("goaldash.edit", "goaldash.editor", "goaldash.schedule", "goaldash.parse.plan"):
        assert name in CORE


# The import graph, read from the source (every import, a deferred one inside a function too).

PACKAGE = Path(__import__("goaldash").__file__ or "").parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _owner(name: str) -> str | None:
    """The goaldash module that `name` (a module or a name inside one) lives in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str) -> set[str]:
    """The goaldash modules `module` imports."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{up}.{base}" if base else up
            names = [f"{base}.{a.name}" for a in node.names]
        for name in names:
            owner = _owner(name) if name.startswith("goaldash") else None
            if owner is not None and owner != module:
                found.add(owner)
    return found


GRAPH = {m: _imports(m) for m in MODULES}


def _third_party(module: str) -> set[str]:
    """Top-level names of the modules outside goaldash that `module` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found - {"goaldash"}


def test_the_graph_sees_every_module() -> None:
    assert "goaldash.parse.plan" in GRAPH and "goaldash.edit" in GRAPH
    assert "goaldash.model" in GRAPH["goaldash.parse.plan"]


def test_parse_imports_only_model_text_and_parse() -> None:
    """Parsing is bytes -> Plan: no files, no git, no cache, no output (the collector's pause
    is none of these)."""
    allowed = ("goaldash.model", "goaldash.text", "goaldash.collector")
    bad = {
        m: sorted(t for t in deps if not (t in allowed or t.startswith("goaldash.parse")))
        for m, deps in GRAPH.items()
        if m == "goaldash.parse" or m.startswith("goaldash.parse.")
    }
    assert {m: d for m, d in bad.items() if d} == {}


def test_rich_only_in_report_and_ui() -> None:
    bad = sorted(
        m
        for m in MODULES
        if "rich" in _third_party(m) and not m.startswith(("goaldash.report", "goaldash.ui"))
    )
    assert bad == []


def test_no_import_cycles() -> None:
    """No two goaldash modules import each other, however indirectly (Tarjan's SCCs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    assert cycles == []


def test_importing_the_app_loads_no_parser() -> None:
    """The dashboard paints before any parsing: importing it loads neither markdown-it nor
    goaldash's parser (they load in the workers that read plans), nor the file watcher, nor
    what its first frame does not show (a plan's screen, the keys, the palette)."""
    later = (
        "watchfiles",
        "goaldash.watch",
        "goaldash.ui.screens.plan",
        "goaldash.ui.screens.help",
        "goaldash.ui.palette",
        "goaldash.ui.widgets.checklist",
    )
    code = (
        "import sys\n"
        "import goaldash.ui.app\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'markdown_it'"
        f" or m == 'goaldash.parse' or m.startswith('goaldash.parse.') or m in {later!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"importing the app loaded {out.stdout.strip()}"


def test_every_status_has_words_and_looks() -> None:
    """A new status is a `Status` member and rows in the vocabulary and in report/style.py:
    none of the three may be forgotten."""
    from goaldash.model import Status
    from goaldash.parse.status import VOCABULARY
    from goaldash.report.style import BAR_STYLE, STATUS_STYLE

    assert set(STATUS_STYLE) == set(Status)
    assert set(Status) <= set(BAR_STYLE)
    worded = {row.status for row in VOCABULARY}
    assert set(Status) - {Status.UNKNOWN} <= worded
