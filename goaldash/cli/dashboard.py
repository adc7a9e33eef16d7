"""`goaldash [PATH]`: the dashboard, or with `--once` / `--json` a report, over the plans there."""

from __future__ import annotations

import argparse
import gc
import shutil
import signal
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from goaldash import __version__
from goaldash.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    OneLineParser,
    folder_problem,
    writable_output,
)
from goaldash.cli.common import fail as _fail
from goaldash.config import ConfigError
from goaldash.text import clean, shown_path

if TYPE_CHECKING:
    from goaldash.config import Config
    from goaldash.scan import Scan


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--today wants YYYY-MM-DD, not {value!r}") from None


def main_parser() -> OneLineParser:
    """The parser of `goaldash [PATH]`."""
    p = OneLineParser(
        prog="goaldash",
        description="A terminal dashboard for plans that live in markdown.",
        epilog="Subcommands: 'goaldash toggle FILE:LINE' ticks an item; 'goaldash standup "
        "[PATH] [--since WHEN]' says what moved (each has --help).",
    )
    p.add_argument(
        "path",
        nargs="?",
        default=None,
        help="repository or folder to read (default .), or one plan file",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="print a summary and exit")
    mode.add_argument("--json", action="store_true", help="print every plan as one JSON document")
    p.add_argument(
        "--demo",
        action="store_true",
        help="open a copy of the bundled sample plans (removed when goaldash exits)",
    )
    p.add_argument(
        "--keep-demo",
        action="store_true",
        help="with --demo: keep the copy, and say where it is",
    )
    p.add_argument("--today", metavar="YYYY-MM-DD", help="pretend today is this date")
    p.add_argument("--version", action="version", version=f"goaldash {__version__}")
    return p


def main(argv: list[str]) -> int:
    """`goaldash [PATH] [--once | --json | --demo] [--today DATE]`."""
    args = main_parser().parse_args(argv)
    try:
        today = _today(args.today)
    except argparse.ArgumentTypeError as exc:
        return _fail(str(exc))
    if args.keep_demo and not args.demo:
        return _fail("--keep-demo goes with --demo")
    if args.demo and args.path is not None:
        return _fail(
            f"--demo opens its own sample plans, not {shown_path(args.path)}: "
            "give --demo or a PATH, not both"
        )
    if not args.demo:
        path = Path(args.path if args.path is not None else ".")
        if path.is_file():
            return _show_file(args, path, today)
        return _show(args, path, today)
    from goaldash.demo import make_demo

    root = make_demo(today, history=True)
    where = shown_path(str(root))
    if args.keep_demo:
        sys.stderr.write(f"goaldash: demo plans copied to {where}; the copy is kept\n")
    else:
        sys.stderr.write(
            f"goaldash: demo plans copied to {where} (tick away: it is a copy, removed on exit;"
            " --keep-demo keeps it)\n"
        )
    if not args.keep_demo:
        _exit_on_hangup()  # a closed terminal or a kill still removes the copy
    try:
        return _show(args, root, today)
    finally:
        if not args.keep_demo:
            shutil.rmtree(root, ignore_errors=True)


def _exit_on_hangup() -> None:
    """Turn SIGHUP and SIGTERM into a normal exit, so `finally` blocks run."""

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, leave)


def _show(args: argparse.Namespace, root: Path, today: date) -> int:
    """The dashboard, `--once` or `--json` over the plans under `root`."""
    problem = folder_problem(root, shown_path(str(root) if args.demo else args.path or "."))
    if problem is not None:
        return _fail(problem)
    from goaldash.config import load_config

    try:
        config = load_config(root.resolve())
    except ConfigError as exc:
        return _fail(str(exc))
    if not (args.once or args.json):
        if not sys.stdout.isatty() or not sys.stdin.isatty():
            return _fail("the dashboard needs a terminal: use --once or --json for text output")
        return _dashboard(root.resolve(), today if args.today else None, config)
    _one_shot()
    from goaldash.cache import ParseCache
    from goaldash.scan import scan

    cache = ParseCache.for_root(root.resolve())
    if cache.warning is not None:
        sys.stderr.write(f"goaldash: {cache.warning}\n")
    from goaldash.report.jsonout import fragment_pieces  # no Rich

    result = scan(root.resolve(), today, config, cache=cache, keep_json=fragment_pieces)
    del cache  # saved: what the report needs of it, the scan keeps (a big plan's, megabytes)
    return _report(args, result)


def _one_shot() -> None:
    """`--once` and `--json` run without Python's cycle collector: everything they read lives
    until they exit (plans are plain data, made of no cycles, freed by reference counting when
    let go), and a big plan is a million objects, which the collector would walk again and
    again as the report is made (a second and more of a plan of a million items)."""
    gc.disable()


def _report(args: argparse.Namespace, result: Scan) -> int:
    """`--once` or `--json` of a scan; what it passed over, a line each on stderr."""
    from goaldash.report.jsonout import iter_json

    for note in result.notes:
        sys.stderr.write(f"goaldash: note: {clean(note)}\n")
    if args.json:
        writable_output(utf8=True)  # a JSON document is UTF-8, whatever the locale
        sys.stdout.writelines(iter_json(result))
        sys.stdout.write("\n")
        return EXIT_OK
    from goaldash.report.once import print_once

    result.without_json()
    print_once(result)
    return EXIT_OK


def _show_file(args: argparse.Namespace, path: Path, today: date) -> int:
    """`goaldash FILE`: with `--once` / `--json`, that one plan; else the dashboard on its
    folder with that plan open. A file that is not a plan is refused in one line."""
    from goaldash.config import load_config

    folder = path.resolve().parent
    try:
        config = load_config(folder)
    except ConfigError as exc:
        return _fail(str(exc))
    _one_shot()
    from goaldash.discover import Candidate
    from goaldash.report.jsonout import fragment_pieces
    from goaldash.scan import Scan, read_found

    name = path.resolve().name
    result = Scan(root=folder, today=today, config=config, candidates=1)
    found = [Candidate(folder / name, name, True, "")]  # named by the user: a plan if it can be
    keep = fragment_pieces if args.json else None
    for _, got in read_found(found, keep_json=keep, notes=result.notes):
        result.found.extend(got)
    if not result.found:
        why = f": {clean(result.notes[0])}" if result.notes else ""
        return _fail(f"{shown_path(args.path)} is not a plan{why}", EXIT_REFUSED)
    if args.once or args.json:
        return _report(args, result)
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        return _fail("the dashboard needs a terminal: use --once or --json for text output")
    del result
    gc.enable()  # the dashboard runs for long: its plans come and go
    return _dashboard(folder, today if args.today else None, config, open_path=name)


def _dashboard(root: Path, today: date | None, config: Config, open_path: str | None = None) -> int:
    """The dashboard on `root`. The plans are read by a child process started before
    Textual is imported (`workspace.reader`), on another core while the dashboard starts;
    the cycle collector waits for the first frame (`collector.pause_for_start`)."""
    from goaldash.collector import pause_for_start
    from goaldash.workspace import reader

    pause_for_start()
    early = reader.start(root, config)
    from goaldash.ui.app import run

    return run(root, today, config=config, open_path=open_path, reader=early)
