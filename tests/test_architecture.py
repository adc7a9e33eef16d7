"""The core never imports Textual: the UI depends on the core, never the reverse."""

from __future__ import annotations

import pkgutil
import subprocess
import sys


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
