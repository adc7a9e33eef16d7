"""`goaldash toggle FILE:LINE`: tick, untick or set one task-list item from the command line.

Argument parsing and exit codes only; `goaldash.edit` does the work. Every failure is one line
on stderr: exit 1 when the write is refused, 2 for a bad request. Never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from goaldash.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, OneLineParser, fail
from goaldash.edit import EditError, set_item_state
from goaldash.model import ItemState
from goaldash.text import clean, shown_path


def toggle_parser() -> OneLineParser:
    """The parser of `goaldash toggle FILE:LINE [--expect TEXT] [--done|--open|--in-progress]`."""
    p = OneLineParser(
        prog="goaldash toggle",
        description=(
            "Toggle the task-list item at FILE:LINE (open -> done, done -> open, "
            "in progress -> done), or set it. Only the mark between the brackets changes."
        ),
    )
    p.add_argument("target", metavar="FILE:LINE", help="the plan file and the item's 1-based line")
    p.add_argument(
        "--expect",
        metavar="TEXT",
        help="the item's text: if the file changed and the item moved, it is found by this "
        "text (refused unless exactly one item reads so)",
    )
    state = p.add_mutually_exclusive_group()
    for flag, value in (
        ("--done", ItemState.DONE),
        ("--open", ItemState.OPEN),
        ("--in-progress", ItemState.IN_PROGRESS),
    ):
        state.add_argument(
            flag,
            dest="state",
            action="store_const",
            const=value,
            help=f"set the item {value.value.replace('_', ' ')} instead of toggling it",
        )
    return p


def _split_target(target: str) -> tuple[str, int] | None:
    """ "plan.md:12" -> ("plan.md", 12); None when it is not FILE:LINE."""
    file, sep, line = target.rpartition(":")
    if not sep or not file or not (line.isascii() and line.isdigit()):
        return None
    return file, int(line)


def main(argv: list[str]) -> int:
    """`goaldash toggle ...`; `argv` are the arguments after `toggle`."""
    parser = toggle_parser()
    args = parser.parse_args(argv)
    split = _split_target(args.target)
    if split is None:
        parser.error(f"expected FILE:LINE such as plan.md:12, not '{shown_path(args.target)}'")
    file, line = split
    try:
        result = set_item_state(Path(file), line, args.state, expect_text=args.expect)
    except EditError as exc:
        return fail(
            _with_paths_shown(str(exc), Path(file)), EXIT_USAGE if exc.usage else EXIT_REFUSED
        )
    except Exception as exc:  # a bug must still end in one line, not a traceback
        return fail(f"internal error: {type(exc).__name__}: {clean(str(exc))}", EXIT_REFUSED)
    if result.moved:
        sys.stderr.write(f"goaldash: note: the item moved from line {line} to {result.line}\n")
    if not result.changed:
        sys.stderr.write("goaldash: note: already so; nothing written\n")
    label = result.state.value.replace("_", " ")
    sys.stdout.write(
        f"{label}  {shown_path(file)}:{result.line}  [{result.new_mark}] {clean(result.text)}\n"
    )
    return EXIT_OK


def _with_paths_shown(message: str, path: Path) -> str:
    """An edit's message with the file's (and its folder's) path as goaldash shows paths
    (`shown_path`: an odd byte or a control character as U+FFFD) rather than merely cleaned."""
    for p in (path, path.parent):
        cleaned, shown = clean(str(p)), shown_path(str(p))
        if cleaned != shown and cleaned:
            message = message.replace(cleaned, shown)
    return message
