"""The core never imports Textual: the UI depends on the core, never the reverse."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "goaldash",
    "goaldash.model",
    "goaldash.text",
    "goaldash.parse",
    "goaldash.config",
    "goaldash.discover",
    "goaldash.scan",
    "goaldash.report",
    "goaldash.cli",
    "goaldash.demo",
    "goaldash.schedule",
    "goaldash.cliutil",
    "goaldash.edit",
    "goaldash.toggle_cli",
]


def test_core_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported {out.stdout.strip()}"
