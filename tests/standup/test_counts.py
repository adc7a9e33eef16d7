"""Standup's heading counts the change rows it lists, in `goaldash standup` and in the
dashboard's view alike (issue 15): a plan created, completed or deleted is a row, so it is a
change (the command line counted only the changes inside plans: "3 changes" over 5 rows)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from goaldash.model import Progress
from goaldash.report.standup import change_count, print_standup, rows, summary
from goaldash.standup.result import Change, PlanMoves, Standup
from goaldash.ui.views.standup import standup_head

AT = datetime(2026, 11, 20, 9, tzinfo=UTC)


def _change(text: str, line: int | None = 3) -> Change:
    return Change(text, line, "Kim", AT)


def _standup() -> Standup:
    new = PlanMoves("docs/new.md", "New", created=_change("New", 1), after=Progress(2, 0, 0))
    new.ticked += [_change("a"), _change("b")]
    done = PlanMoves("docs/done.md", "Done", completed=_change("Done", 1))
    done.ticked.append(_change("c"))
    gone = PlanMoves("docs/gone.md", "Gone", deleted=_change("Gone", None))
    return Standup(Path("/r"), "7d", AT, AT, None, commits=4, notes=["a note"],
                   plans=[new, done, gone])  # fmt: skip


def test_the_count_is_the_rows_listed(capsys: pytest.CaptureFixture[str]) -> None:
    st = _standup()
    listed = [r for r in rows(st) if not r.heading][len(st.notes) :]
    assert change_count(st) == len(listed) == 6
    assert summary(st).plain.startswith("6 changes in 3 plans")
    assert standup_head(st, change_count(st)).plain.startswith("6 changes in 3 plans")
    print_standup(st)
    out = capsys.readouterr().out.splitlines()
    signs = ("✓", "○", "◐", "+", "−", "⚑", "✔", "↻", "◆", "★", "✗")
    printed = [line for line in out if line.startswith("  ") and line.strip()[:1] in signs]
    assert len(printed) == 6 and out[0].startswith("6 changes in 3 plans")


def test_the_count_comes_first_so_a_narrow_heading_keeps_it() -> None:
    st = _standup()
    head = summary(st)
    head.truncate(24, overflow="ellipsis")
    assert head.plain.startswith("6 changes in 3 plans")
