"""What every goaldash command shares: one-line usage errors, and no tracebacks on exit."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from goaldash.text import FFFD_ERRORS, clean

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see --help)\n")
        raise SystemExit(EXIT_USAGE)


def fail(message: str, code: int = EXIT_USAGE) -> int:
    """Say what went wrong in one line on stderr; return the exit code."""
    sys.stderr.write(f"goaldash: {clean(message)}\n")
    return code


def writable_output(utf8: bool = False) -> None:
    """Make stdout and stderr write what they cannot encode as U+FFFD instead of failing:
    a file name that is not UTF-8 (held with surrogates) can never end a run in a traceback.
    With `utf8`, stdout writes UTF-8 whatever the locale (a JSON document is UTF-8)."""
    for stream, force in ((sys.stdout, utf8), (sys.stderr, False)):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(ValueError, OSError, AttributeError):
            if force:
                reconfigure(encoding="utf-8", errors=FFFD_ERRORS)
            else:
                reconfigure(errors=FFFD_ERRORS)


def folder_problem(path: Path, shown: str) -> str | None:
    """Why `path` cannot be read as the folder of plans (in one line), or None when it can."""
    if not path.exists():
        return f"no such file or folder: {shown}"
    if path.is_file():
        return f"{shown} is a file: give the folder that holds it"
    if not os.access(path, os.R_OK | os.X_OK):
        return f"cannot read folder: {shown}"
    return None


def guarded(run: Callable[[list[str]], int], argv: list[str]) -> int:
    """Run a command: Ctrl-C exits 130, a reader that left the pipe (`| head`) exits 0;
    nothing it prints can fail to encode."""
    writable_output()
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
