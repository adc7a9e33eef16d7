"""Which editor to open at a line, and the command line that does it. Pure: no IO."""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path, PurePath

# Editors that take `+LINE file`.
_PLUS_LINE = frozenset({"vi", "vim", "nvim", "view", "nano", "emacs", "emacsclient", "micro", "hx"})
# Editors that take `-g file:line`.
_GOTO = frozenset({"code", "code-insiders", "codium", "cursor", "windsurf"})


def editor_command(path: Path, line: int, environ: Mapping[str, str]) -> list[str]:
    """The argv that opens `path` at `line`: `$EDITOR`, then `$VISUAL`, then `vi`.

    The variable may hold arguments (`code --wait`); they are kept. Editors known to take a
    line get it (`+LINE file`, or `-g file:line` for VS Code and its kin); others get the file.
    """
    raw = environ.get("EDITOR", "").strip() or environ.get("VISUAL", "").strip() or "vi"
    try:
        argv = shlex.split(raw)
    except ValueError:
        argv = raw.split()
    argv = argv or ["vi"]
    name = PurePath(argv[0]).name.lower().removesuffix(".exe")
    line = max(1, line)
    if name in _PLUS_LINE:
        return [*argv, f"+{line}", str(path)]
    if name in _GOTO:
        return [*argv, "-g", f"{path}:{line}"]
    return [*argv, str(path)]
