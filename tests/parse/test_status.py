"""The status vocabulary: words and emoji, in cells and in headings."""

from __future__ import annotations

from goaldash.model import Status
from goaldash.parse.phases import parse_phase
from goaldash.parse.status import VOCABULARY, status_of
from tests.conftest import plan_of


def test_status_words_in_any_case() -> None:
    rows = "".join(
        f"| Phase {i} | {word} |\n"
        for i, word in enumerate(
            [
                "complete",
                "DONE",
                "in progress",
                "Pending",
                "BLOCKED",
                "delayed",
                "⏸️",
                "⬜",
                "⚠️",
                "🔴",
            ],
            1,
        )
    )
    plan = plan_of("# P\n\n| Phase | Status |\n|---|---|\n" + rows)
    assert [r.status for r in plan.status_rows] == [
        Status.DONE,
        Status.DONE,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
        Status.BLOCKED,
        Status.IN_PROGRESS,
        Status.NOT_STARTED,
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.BLOCKED,
    ]


def test_every_word_of_the_vocabulary_reads_as_its_row() -> None:
    """Each word and emoji of the status table means its row's status, in a cell in any case
    and form, and (the heading words) at the start of a heading's note: a word shadowed by
    an earlier row, or an emoji in two rows, fails here."""
    for row in VOCABULARY:
        for word in row.all_words:
            for sep in (" ", "-", "_", ""):
                form = word.replace("_", sep)
                for cell in (form, form.upper(), form.title()):
                    assert status_of(cell) is row.status, cell
        for word in row.heading_words:
            decl = parse_phase(f"Phase 1: Name - {word.replace('_', ' ').title()}")
            assert decl is not None and decl.status is row.status, word
        for ch in row.emoji:
            assert status_of(ch + "\ufe0f") is row.status, ch
    emoji = [ch for row in VOCABULARY for ch in row.emoji]
    assert len(emoji) == len(set(emoji))


def test_paused_means_the_same_in_a_heading_a_table_and_the_frontmatter() -> None:
    """On hold: blocked. The heading pattern once took "paused" as a status word that the
    vocabulary did not know, so a paused phase was read from its items (here: in progress,
    and not started) and a paused status row was unknown."""
    plan = plan_of(
        "---\nstatus: paused\n---\n# P\n\n## Phase 1: Build - Paused\n\n- [x] a\n- [ ] b\n\n"
        "## Phase 2: Ship\n\n- [ ] c\n\n| Phase | Status |\n|---|---|\n| Phase 2 | PAUSED |\n"
    )
    assert [(p.declared_status, p.status) for p in plan.phases] == [
        (Status.BLOCKED, Status.BLOCKED),
        (Status.BLOCKED, Status.BLOCKED),
    ]
    assert plan.status_rows[0].status is Status.BLOCKED
    assert plan.status is Status.BLOCKED
