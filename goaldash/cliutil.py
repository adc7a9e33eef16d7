"""What every goaldash command shares: one-line usage errors, and no tracebacks on exit."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import NoReturn

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
    sys.stderr.write(f"goaldash: {message}\n")
    return code


def guarded(run: Callable[[list[str]], int], argv: list[str]) -> int:
    """Run a command: Ctrl-C exits 130, a reader that left the pipe (`| head`) exits 0."""
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
