"""Which files in a repository are plans, and which goal or spec folder each belongs to.

Discovery is two steps so that it stays cheap on a big repository: `candidates` lists the
markdown files (git's view of the tree when there is one), and `is_plan_text` is a regex
pre-filter that throws out files with nothing plan-like before any parsing happens.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from goaldash.config import Config
from goaldash.model import Plan
from goaldash.parse.formats import BACKUP_SUFFIXES

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        "build",
        "dist",
        "target",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "site-packages",
        ".next",
        ".nuxt",
        ".cache",
        "vendor",
        "bower_components",
        ".gradle",
        ".idea",
        "out",
        ".terraform",
        ".eggs",
    }
)
# Folders whose markdown files are plans by convention.
_KNOWN_PLACES = [
    re.compile(p)
    for p in (
        r"(^|/)\.goalkit/goals/[^/]+/",
        r"(^|/)specs/[^/]+/",
        r"(^|/)\.kiro/specs/[^/]+/",
        r"(^|/)\.planning/",
        r"(^|/)backlog/",
        r"(^|/)docs/plans/",
    )
]
_GROUPS = [
    re.compile(p)
    for p in (
        r"^(.*?\.goalkit/goals/[^/]+)/",
        r"^(.*?\.kiro/specs/[^/]+)/",
        r"^(.*?specs/[^/]+)/",
        r"^(.*?\.planning)/",
        r"^(.*?backlog)/",
    )
]
# File names that say "plan" on their own.
_PLAN_NAMES = re.compile(
    r"^(?:.*[-_ ])?(?:roadmap|plan|plans|todo|tasks?|milestones?|backlog|progress|"
    r"implementation[-_ ]?(?:plan|status|progress)?|execution|status)"
    r"(?:[-_ .].*)?\.(?:md|markdown)",
    re.IGNORECASE,
)
# The cheap pre-filter: any of these makes a file worth parsing.
_SIGNALS = re.compile(
    r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX~/-]\](?:[ \t]|$)"  # a task-list item
    r"|^#{1,6}[ \t].*\b(?:phase|milestone|stage|giai đoạn|blockers?)\b"  # a phase heading
    r"|^[ \t]*(?:\d+[.)][ \t]+)?\S{0,4}[ \t]*\*\*(?:phase|milestone|stage)[ \t]+\S+:"  # bold phase
    r"|^\|[ \t]*\**(?:phase|milestone)\**[ \t]*\|"  # a status table
    r"|^type:[ \t]*plan[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file that may be a plan."""

    path: Path
    rel: str
    """Path relative to the root, POSIX."""
    known_place: bool
    """In a folder where plans live by convention, or named like a plan."""
    group: str


def group_of(rel: str) -> str:
    """The goal or spec folder of a file ("" when it is in none)."""
    for g in _GROUPS:
        m = g.match(rel)
        if m:
            return m.group(1)
    return ""


def is_markdown_name(name: str) -> bool:
    """`.md`, `.markdown`, and stale copies of them such as `tasks.md.bak`."""
    lower = name.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return True
    for suffix in BACKUP_SUFFIXES:
        if lower.endswith(suffix) and lower[: -len(suffix)].endswith(MARKDOWN_SUFFIXES):
            return True
    return False


def _is_readme(name: str) -> bool:
    return name.lower().split(".")[0] in (
        "readme",
        "changelog",
        "contributing",
        "license",
        "code_of_conduct",
        "security",
    )


def is_known_place(rel: str) -> bool:
    """A file that is a plan because of where it is or what it is called."""
    name = PurePosixPath(rel).name
    if _is_readme(name):
        return False
    return any(p.search(rel) for p in _KNOWN_PLACES) or bool(_PLAN_NAMES.match(name))


def is_plan_text(text: str) -> bool:
    """The pre-filter: does the text hold anything that could make it a plan?"""
    return _SIGNALS.search(text) is not None


def is_plan(plan: Plan, known_place: bool) -> bool:
    """After parsing: keep the file as a plan?"""
    if known_place and not _is_readme(PurePosixPath(plan.path).name):
        return True
    return bool(plan.items or plan.phases or plan.status_rows or plan.blockers or plan.tasks)


def _git_files(root: Path) -> list[str] | None:
    """Files git tracks plus untracked ones it does not ignore; None outside a work tree."""
    try:
        proc = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    names = proc.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return sorted({n for n in names if n})


def _walk(root: Path) -> list[str]:
    """A walk that skips vendored and generated folders and survives symlink loops."""
    out: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path, rel: str) -> None:
        try:
            st = folder.stat()
        except OSError:
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            return
        seen.add(ident)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        if any(e.name == "pyvenv.cfg" for e in entries):
            return  # a virtual environment, whatever its name
        for entry in entries:
            sub = f"{rel}/{entry.name}" if rel else entry.name
            try:
                if entry.is_dir():
                    if entry.name not in SKIP_DIRS:
                        visit(Path(entry.path), sub)
                elif entry.is_file() and is_markdown_name(entry.name):
                    out.append(sub)
            except OSError:
                continue

    visit(root, "")
    return out


def candidates(root: Path, config: Config | None = None) -> list[Candidate]:
    """Markdown files under `root` that may be plans, sorted by path."""
    config = config or Config()
    files = _git_files(root)
    if files is None:
        files = _walk(root)
    else:
        files = [
            f
            for f in files
            if is_markdown_name(PurePosixPath(f).name)
            and not any(part in SKIP_DIRS for part in PurePosixPath(f).parts[:-1])
        ]
    extra = set()
    if config.include:
        everything = _git_files(root) if files is not None else None
        for f in everything or _walk_all(root):
            if config.included(f):
                extra.add(f)
    out = []
    for rel in sorted(set(files) | extra):
        if config.excluded(rel):
            continue
        path = root / rel
        out.append(Candidate(path, rel, is_known_place(rel) or rel in extra, group_of(rel)))
    return out


def _walk_all(root: Path) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        base = Path(dirpath).relative_to(root).as_posix()
        for f in filenames:
            out.append(f if base == "." else f"{base}/{f}")
    return out


def candidate_for(root: Path, rel: str, config: Config | None = None) -> Candidate | None:
    """The candidate for one file (the watcher's question), or None when it cannot be a plan.

    It answers as `candidates` would for that file: markdown names only, nothing under a
    skipped folder, nothing the configuration excludes, and (in a git work tree) nothing git
    ignores unless the configuration includes it.
    """
    config = config or Config()
    posix = PurePosixPath(rel)
    if rel.startswith("../") or posix.is_absolute():
        return None
    included = bool(config.include) and config.included(rel)
    if not included:
        if not is_markdown_name(posix.name):
            return None
        if any(part in SKIP_DIRS for part in posix.parts[:-1]):
            return None
        if _git_ignored(root, rel):
            return None
    if config.excluded(rel):
        return None
    return Candidate(root / rel, rel, is_known_place(rel) or included, group_of(rel))


def _git_ignored(root: Path, rel: str) -> bool:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "check-ignore", "-q", "--", rel],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0  # 1: not ignored; 128: not a work tree
