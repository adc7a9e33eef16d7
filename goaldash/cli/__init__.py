"""The `goaldash` command: argument parsing and exit codes only; the core does the work.

A subcommand is a module of this package with `main(argv) -> int` and a row of `COMMANDS`;
anything else is `goaldash [PATH]` (`dashboard`). Every failure is one line on stderr and an
exit code (`common`), never a traceback.
"""

from __future__ import annotations

import importlib
import sys

from goaldash.cli.common import guarded

COMMANDS: dict[str, str] = {
    "toggle": "goaldash.cli.toggle",  # tick (or untick) an item: goaldash toggle FILE:LINE
    "standup": "goaldash.cli.standup",  # what moved since the last working day
}
"""Subcommand -> the module that runs it. A folder named like one is reached as ./NAME."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `goaldash` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    module = COMMANDS.get(args[0], "goaldash.cli.dashboard") if args else "goaldash.cli.dashboard"
    if module != "goaldash.cli.dashboard":
        args = args[1:]
    run = importlib.import_module(module).main
    return guarded(run, args)
