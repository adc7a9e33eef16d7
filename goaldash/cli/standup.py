"""`goaldash standup [PATH] [--since WHEN] [--json]`: what moved in the plans since WHEN.

Argument parsing and exit codes only; `goaldash.standup` does the work. Every failure is one
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

from goaldash.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    OneLineParser,
    fail,
    folder_problem,
    writable_output,
)
from goaldash.config import ConfigError
from goaldash.text import clean, shown_path, utf8_text


def standup_parser() -> OneLineParser:
    p = OneLineParser(
        prog="goaldash standup",
        description=(
            "What moved in the plans since WHEN, from git history and uncommitted changes: "
            "items ticked, unticked, added and removed; blockers added and resolved; timeline "
            "adjustments; phase status changes; plans created, completed or deleted."
        ),
    )
    p.add_argument("path", nargs="?", default=".", help="repository or folder (default .)")
    p.add_argument(
        "--since",
        metavar="WHEN",
        default="yesterday",
        help="yesterday (default: the start of the previous working day, so Monday looks "
        "back to Friday), today, a date YYYY-MM-DD, a number of days or weeks (3d, 2w), "
        "or a git revision",
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="pretend today is this date")
    return p


def main(argv: list[str]) -> int:
    """`goaldash standup ...`; `argv` are the arguments after `standup`."""
    args = standup_parser().parse_args(argv)
    now = datetime.now().astimezone()
    if args.today:
        try:
            day = date.fromisoformat(args.today)
        except ValueError:
            return fail(f"--today wants YYYY-MM-DD, not {clean(args.today)!r}")
        now = datetime.combine(day, now.time()).astimezone()
    root = Path(args.path)
    problem = folder_problem(root, shown_path(args.path))
    if problem is not None:
        return fail(problem)
    from goaldash.cache import ParseCache
    from goaldash.config import load_config
    from goaldash.report.jsonout import fragment
    from goaldash.standup import StandupError, standup, to_dict

    root = root.resolve()
    try:
        config = load_config(root)
        cache = ParseCache.for_root(root)
        if cache.warning is not None:
            sys.stderr.write(f"goaldash: {cache.warning}\n")
        st = standup(root, args.since, now, config, cache=cache, keep_json=fragment)
    except StandupError as exc:
        return fail(clean(str(exc)), EXIT_USAGE if exc.usage else EXIT_REFUSED)
    except ConfigError as exc:
        return fail(clean(str(exc)))
    for note in st.notes:
        sys.stderr.write(f"goaldash: note: {clean(note)}\n")
    if args.json:
        writable_output(utf8=True)  # a JSON document is UTF-8, whatever the locale
        sys.stdout.write(utf8_text(json.dumps(to_dict(st), ensure_ascii=False, indent=2)) + "\n")
        return EXIT_OK
    from goaldash.report.standup import print_standup  # Rich only for text

    print_standup(st)
    return EXIT_OK
