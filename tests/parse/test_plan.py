"""parse_plan as a whole: it never raises, and reads big files."""

from __future__ import annotations

from tests.conftest import plan_of


def test_malformed_markdown_never_raises() -> None:
    """Nesting past the limits, a broken table, unclosed brackets and an escape code: read,
    with what was too deep to read named by line. (It once asserted only the plan's path, on
    text ending in a NUL byte, which made it a binary file that was never parsed.)"""
    nasty = "# [/x]\n\n" + "> " * 200 + "- [ ] deep\n" + "- " * 300 + "[ ] x\n" + "| a |\n|\n" * 5
    plan = plan_of(nasty + "[" * 5000 + "\x1b[2J")
    assert plan.title == "[/x]"
    assert [(w.kind, w.line) for w in plan.warnings if w.kind != "placeholder"] == [
        ("parse-error", 3),
        ("parse-error", 4),
    ]
    assert all("nested too deeply" in w.message for w in plan.warnings if w.kind == "parse-error")
    assert plan.items == ()


def test_big_file_is_read() -> None:
    chunk = "## Phase {n}: Part {n} (Week {n})\n\n" + "- [ ] a task with some words in it\n" * 50
    text = "# Big\n\n" + "".join(chunk.format(n=n) for n in range(1, 120))
    plan = plan_of(text * 3)
    assert plan.progress.total == 50 * 119 * 3
