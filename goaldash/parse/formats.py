"""Which family a plan belongs to, and whether it is a template or a stale copy."""

from __future__ import annotations

import re
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


def looks_like_template(path: str, title: str, placeholders: int, text: str) -> bool:
    """A file mostly made of placeholders, or one that says it is a template."""
    parts = [p.lower() for p in PurePosixPath(path).parts]
    # A templates folder, or a file named as one ("tasks-template.md"); a feature folder
    # such as "002-presentation-prompt-templates" says nothing about its files.
    if any(p.strip("._") in ("template", "templates") for p in parts[:-1]):
        return True
    if parts and "template" in parts[-1]:
        return True
    if _TITLE_PLACEHOLDER.search(title) and has_placeholder(title):
        return True  # "# [Feature Name] Implementation Plan"
    if placeholders < 10:
        return False
    nonblank = sum(1 for line in text.splitlines() if line.strip())
    return placeholders >= 0.25 * max(1, nonblank)


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
    p = PurePosixPath(path)
    parts = [x.lower() for x in p.parts]
    name = parts[-1] if parts else ""
    head = text[:4000]
    if "Milestones Alignment" in head or ("execution" in name and ".goalkit" in parts):
        return PlanFormat.GOALKIT_EXECUTION
    if (
        "Strategy Alignment" in head
        or "Milestone Plan:" in head
        or ("milestones" in name and ".goalkit" in parts)
    ):
        return PlanFormat.GOALKIT_MILESTONES
    if (
        "Execution Alignment" in head
        or "Implementation Tasks:" in head
        or (".goalkit" in parts and "tasks" in name)
    ):
        return PlanFormat.GOALKIT_TASKS
    if ".kiro" in parts and name.startswith("tasks"):
        return PlanFormat.KIRO_TASKS
    if ".planning" in parts:
        return PlanFormat.GSD
    if "backlog" in parts and ("id" in meta or "status" in meta):
        return PlanFormat.BACKLOG_MD
    # Three items with spec-kit ids are enough (looked for in C: a plan may have a million).
    spec_ids = len(list(islice(filter(_SPEC_TASK_ID.match, map(_TEXT, items)), 3)))
    if ("specs" in parts and name.startswith("tasks")) or spec_ids >= 3:
        return PlanFormat.SPEC_KIT_TASKS
    if (
        str(meta.get("type", "")).lower() == "plan"
        or has_status_table
        or ("status" in meta and "lifecycle" in meta)
    ):
        return PlanFormat.PLAN_FRONTMATTER
    if title.lower().startswith("implementation plan") or "**Based on:**" in head:
        return PlanFormat.IMPLEMENTATION_PLAN
    if has_tasks:
        return PlanFormat.GOALKIT_TASKS
    return PlanFormat.GENERIC
