"""Which files in a repository are plans, and which goal or spec folder each belongs to.

Discovery is two steps so that it stays cheap on a big repository: `candidates` lists the
markdown files (git's view of the tree when there is one), and `is_plan_text` is a regex
pre-filter that throws out files with nothing plan-like before any parsing happens.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from stat import S_ISDIR

from goaldash import gitrun
from goaldash.config import Config
from goaldash.model import Plan
from goaldash.parse.formats import BACKUP_SUFFIXES
from goaldash.parse.words import phase_word_pattern, plan_file_pattern
from goaldash.text import clean, shown_path

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
# File names that say "plan" on their own, in the languages plans are written in.
_PLAN_NAMES = plan_file_pattern()
_PHASE_WORD = phase_word_pattern()
# The cheap pre-filter: any of these makes a file worth parsing.
_SIGNALS = re.compile(
    r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX~/-]\](?:[ \t]|$)"  # a task-list item
    rf"|^#{{1,6}}[ \t].*(?:{_PHASE_WORD}|\bblockers?\b)"  # a phase heading
    rf"|^[ \t]*(?:\d+[.)][ \t]+)?\S{{0,4}}[ \t]*\*\*{_PHASE_WORD}[ \t]+\S+:"  # bold phase
    rf"|^\|[ \t]*\**[^|\n]*{_PHASE_WORD}[^|\n]*\|"  # a status table
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


# Submodules are followed this deep (a submodule of a submodule of a submodule), and at most
# this many in all: a repository cannot make discovery run git without end.
SUBMODULE_DEPTH = 3
MAX_SUBMODULES = 64


def _git_files(root: Path, notes: list[str] | None = None) -> list[str] | None:
    """Files git tracks plus untracked ones it does not ignore, and the same inside the
    checked-out submodules under `root`; None outside a work tree. Folders git could not
    open are said in `notes`."""
    budget = [MAX_SUBMODULES]
    return _repo_files(root, root.resolve(), "", SUBMODULE_DEPTH, budget, notes)


_UNOPENED = re.compile(rb"could not open directory '(.*)': (.*)$", re.MULTILINE)


def _unopened(stderr: bytes, prefix: str) -> list[str]:
    """The folders `git ls-files --others` said it could not open, as notes."""
    return [
        _skipped(prefix + m.group(1).decode("utf-8", "surrogateescape"), m.group(2).decode())
        for m in _UNOPENED.finditer(stderr)
    ]


def _skipped(rel: str, why: str) -> str:
    return f"folder {shown_path(rel.rstrip('/') or '.')} skipped: cannot read it ({clean(why)})"


def _repo_files(
    folder: Path,
    top: Path,
    prefix: str,
    depth: int,
    budget: list[int],
    notes: list[str] | None = None,
) -> list[str] | None:
    """`_git_files` for the repository whose work tree holds `folder`, paths made relative
    to the scanned root by `prefix`. Every git run is hardened (`goaldash.gitrun`)."""
    try:
        cached = gitrun.run(folder, "ls-files", "-z", "--stage", timeout=30)
        if cached.returncode != 0:
            return None
        others = gitrun.run(folder, "ls-files", "-z", "--others", "--exclude-standard", timeout=30)
    except gitrun.GitError:
        return None
    if others.returncode != 0:
        return None
    if notes is not None:
        notes.extend(_unopened(others.stderr, prefix))
    files, links = gitrun.parse_stage(cached.stdout)
    # An untracked folder git will not look into (a nested repository) ends in "/".
    files += [
        n
        for raw in others.stdout.split(b"\0")
        if raw and not (n := raw.decode("utf-8", "surrogateescape")).endswith("/")
    ]
    out = [prefix + f for f in files]
    for link in links:
        if depth <= 0 or budget[0] <= 0:
            break
        sub = _submodule_folder(folder, link, top)
        if sub is None:
            continue
        budget[0] -= 1
        inner = _repo_files(sub, top, f"{prefix}{link}/", depth - 1, budget, notes)
        if inner:
            out += inner
    return sorted(set(out))


def _submodule_folder(folder: Path, link: str, top: Path) -> Path | None:
    """The checked-out submodule at `link` (relative to `folder`), or None: not checked out,
    not a real folder (a symlink is never followed), or not inside the scanned root."""
    if link.startswith("../") or "/../" in f"/{link}/" or PurePosixPath(link).is_absolute():
        return None
    sub = folder / link
    try:
        st = sub.lstat()
        if not S_ISDIR(st.st_mode) or not os.path.lexists(sub / ".git"):
            return None
        real = sub.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real == top or top not in real.parents:
        return None
    return sub


def _walk(root: Path, notes: list[str] | None = None) -> list[str]:
    """A walk that skips vendored and generated folders and survives symlink loops; a
    folder it cannot read is said in `notes`."""
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
        except OSError as exc:
            if notes is not None:
                notes.append(_skipped(rel, exc.strerror or str(exc)))
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


def candidates(
    root: Path, config: Config | None = None, notes: list[str] | None = None
) -> list[Candidate]:
    """Markdown files under `root` that may be plans, sorted by path. A folder that cannot
    be read is skipped, and said in `notes` (one sentence each)."""
    config = config or Config()
    listed = _git_files(root, notes)
    if listed is None:
        files = _walk(root, notes)
    else:
        files = [
            f
            for f in listed
            if is_markdown_name(PurePosixPath(f).name)
            and not any(part in SKIP_DIRS for part in PurePosixPath(f).parts[:-1])
        ]
    extra = set()
    if config.include:
        for f in listed if listed is not None else _walk_all(root):
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
        proc = gitrun.run(root, "check-ignore", "-q", "--", rel, timeout=10)
    except gitrun.GitError:
        return False
    return proc.returncode == 0  # 1: not ignored; 128: not a work tree (or in a submodule)
