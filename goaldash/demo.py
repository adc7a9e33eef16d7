"""The bundled sample repository behind `goaldash --demo`.

The samples are written with `{{today}}` and `{{today-24}}`-style tokens, so every run shows
finished, current, late and future phases whatever the date. They are copied into a temporary
folder, so ticking in the demo never changes the installed package.
"""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_TOKEN = re.compile(r"\{\{today(?:([+-])(\d+))?\}\}")


def render(text: str, today: date) -> str:
    """Replace `{{today}}`, `{{today+N}}` and `{{today-N}}` with ISO dates."""

    def sub(m: re.Match[str]) -> str:
        days = int(m.group(2) or 0) * (-1 if m.group(1) == "-" else 1)
        return (today + timedelta(days=days)).isoformat()

    return _TOKEN.sub(sub, text)


def _copy(src: Traversable, dest: Path, today: date) -> None:
    for entry in src.iterdir():
        target = dest / entry.name
        if entry.is_dir():
            if entry.name == "__pycache__":
                continue
            target.mkdir(parents=True, exist_ok=True)
            _copy(entry, target, today)
        elif entry.name.endswith(".md"):
            target.write_text(render(entry.read_text(encoding="utf-8"), today), encoding="utf-8")


def make_demo(today: date, dest: Path | None = None) -> Path:
    """Write the sample repository into `dest` (a new temporary folder by default)."""
    root = dest or Path(tempfile.mkdtemp(prefix="goaldash-demo-"))
    _copy(resources.files("goaldash") / "demo_data", root, today)
    return root
