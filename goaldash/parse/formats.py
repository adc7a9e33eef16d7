"""Which family a plan belongs to, and whether it is a template or a stale copy."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter
from pathlib import PurePosixPath
from typing import Any

from goaldash.model import Item, PlanFormat
from goaldash.parse.placeholders import has_placeholder

BACKUP_SUFFIXES = (".bak", ".orig", ".old", ".backup", "~")
# A placeholder in a title: capitalised or several words ("[GOAL]", "[Feature/Goal]").
_TITLE_PLACEHOLDER = re.compile(r"\[(?:[A-Z][^\]]*|[a-z][^\]]*[ /][^\]]*)\](?!\()")
_SPEC_TASK_ID = re.compile(r"^\s*T\d{3,4}\b")
_TEXT = attrgetter("text")


def is_backup_path(path: str) -> bool:
    """`tasks.md.bak`, `plan.md~`: a stale copy beside the real file."""
    name = PurePosixPath(path).name.lower()
    return name.endswith(BACKUP_SUFFIXES)


def looks_like_template(
    path: str, title: str, placeholders: int, text: str, ticked: int = 0
) -> bool:
    """A file mostly made of placeholders, or one that says it is a template by where it sits
    or what it is called. A file with ticked items is real work, whatever its placeholders or
    title: a template has no ticked boxes."""
    parts = [p.lower() for p in PurePosixPath(path).parts]
    # A templates folder, or a file named as one ("tasks-template.md"); a feature folder
    # such as "002-presentation-prompt-templates" says nothing about its files.
    if any(p.strip("._") in ("template", "templates") for p in parts[:-1]):
        return True
    if parts and "template" in parts[-1]:
        return True
    if ticked:
        return False
    if _TITLE_PLACEHOLDER.search(title) and (has_placeholder(title) or placeholders >= 2):
        # "# [Feature Name] Implementation Plan"; a one-word "[Feature]" is a slot when the
        # file has other slots, a tag ("# [Draft] Auth plan") when it has none.
        return True
    if placeholders < 10:
        return False
    nonblank = sum(1 for line in text.splitlines() if line.strip())
    return placeholders >= 0.25 * max(1, nonblank)


@dataclass(frozen=True, slots=True)
class Clues:
    """What a plan's family is told by: where the file sits and what it holds."""

    parts: list[str]
    """The path's parts, lower case."""
    name: str
    """The file name, lower case."""
    head: str
    """The first 4,000 characters of the text."""
    meta: dict[str, Any]
    """The frontmatter."""
    title: str
    has_tasks: bool
    """Whether it has task tables (GoalKit tasks)."""
    has_status_table: bool
    """Whether it has a phase status table."""
    items: tuple[Item, ...]

    def spec_ids(self) -> int:
        """Items with spec-kit ids (T001), up to three (a plan may have a million)."""
        return len(list(islice(filter(_SPEC_TASK_ID.match, map(_TEXT, self.items)), 3)))


FORMATS: tuple[tuple[PlanFormat, Callable[[Clues], bool]], ...] = (
    (
        PlanFormat.GOALKIT_EXECUTION,
        lambda c: (
            "Milestones Alignment" in c.head or ("execution" in c.name and ".goalkit" in c.parts)
        ),
    ),
    (
        PlanFormat.GOALKIT_MILESTONES,
        lambda c: (
            "Strategy Alignment" in c.head
            or "Milestone Plan:" in c.head
            or ("milestones" in c.name and ".goalkit" in c.parts)
        ),
    ),
    (
        PlanFormat.GOALKIT_TASKS,
        lambda c: (
            "Execution Alignment" in c.head
            or "Implementation Tasks:" in c.head
            or (".goalkit" in c.parts and "tasks" in c.name)
        ),
    ),
    (PlanFormat.KIRO_TASKS, lambda c: ".kiro" in c.parts and c.name.startswith("tasks")),
    (PlanFormat.GSD, lambda c: ".planning" in c.parts),
    (
        PlanFormat.BACKLOG_MD,
        lambda c: "backlog" in c.parts and ("id" in c.meta or "status" in c.meta),
    ),
    (
        PlanFormat.SPEC_KIT_TASKS,
        lambda c: ("specs" in c.parts and c.name.startswith("tasks")) or c.spec_ids() >= 3,
    ),
    (
        PlanFormat.PLAN_FRONTMATTER,
        lambda c: (
            str(c.meta.get("type", "")).lower() == "plan"
            or c.has_status_table
            or ("status" in c.meta and "lifecycle" in c.meta)
        ),
    ),
    (
        PlanFormat.IMPLEMENTATION_PLAN,
        lambda c: c.title.lower().startswith("implementation plan") or "**Based on:**" in c.head,
    ),
    (PlanFormat.GOALKIT_TASKS, lambda c: c.has_tasks),
)
"""The families a plan can belong to, each with the rule that tells it, tried in order; the
first that holds wins, and a plan no rule claims is generic. A new format is a `PlanFormat`
member and a row here."""


def detect_format(
    path: str,
    text: str,
    meta: dict[str, Any],
    title: str,
    has_tasks: bool,
    has_status_table: bool,
    items: tuple[Item, ...],
) -> PlanFormat:
    """The plan's family, from where it sits and what it holds."""
    parts = [x.lower() for x in PurePosixPath(path).parts]
    clues = Clues(
        parts=parts,
        name=parts[-1] if parts else "",
        head=text[:4000],
        meta=meta,
        title=title,
        has_tasks=has_tasks,
        has_status_table=has_status_table,
        items=items,
    )
    return next((fmt for fmt, rule in FORMATS if rule(clues)), PlanFormat.GENERIC)
