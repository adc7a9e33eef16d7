"""parse_plan as a whole: it never raises, and reads big files."""

from __future__ import annotations

from tests.conftest import plan_of


def test_malformed_markdown_never_raises() -> None:
    nasty = "# [/x]\n\n" + "> " * 200 + "- [ ] deep\n" + "- " * 300 + "[ ] x\n" + "| a |\n|\n" * 5
    plan = plan_of(nasty + "[" * 5000 + "\x1b[2J\x00")
    assert plan.path == "docs/plans/plan.md"


def test_big_file_is_read() -> None:
    chunk = "## Phase {n}: Part {n} (Week {n})\n\n" + "- [ ] a task with some words in it\n" * 50
    text = "# Big\n\n" + "".join(chunk.format(n=n) for n in range(1, 120))
    plan = plan_of(text * 3)
    assert plan.progress.total == 50 * 119 * 3
