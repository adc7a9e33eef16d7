"""Mermaid `gantt` blocks as a timeline source: each `section` is a phase whose start is its
earliest task's start, whose end is its latest task's end, and whose status its tasks' tags tell.

Only the text is read, never run: a block is a fenced ```mermaid block whose first line is
`gantt`. The work is bounded: at most `MAX_LINES` lines a block and `MAX_BLOCKS` blocks a file,
each line read once, `after` resolved by one dictionary lookup. Anything not understood (an
unknown date format, a line that is not a task) is passed over; a malformed block gives what it
could read, or nothing, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from goaldash.model import Status
from goaldash.parse.phases import parse_phase

MAX_BLOCKS = 8
MAX_LINES = 400

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*mermaid\s*$", re.MULTILINE | re.IGNORECASE)
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|M|y)$")
_DAYS = {"ms": 0.0, "s": 0.0, "m": 0.0, "h": 1 / 24, "d": 1.0, "w": 7.0, "M": 30.0, "y": 365.0}
_TAGS = frozenset({"done", "active", "crit", "milestone", "vert"})
# "Phase 0-3: MVP": a section spanning phases 0 to 3
_RANGE = re.compile(r"^(?P<head>.*?\D)(?P<first>\d+(?:\.\d+)*)\s*[-–~]\s*(?P<last>\d+(?:\.\d+)*)")
# dateFormat tokens -> (regex, field)
_TOKENS = (
    ("YYYY", r"(?P<y>\d{4})"),
    ("YY", r"(?P<yy>\d{2})"),
    ("MM", r"(?P<m>\d{1,2})"),
    ("M", r"(?P<m>\d{1,2})"),
    ("DD", r"(?P<d>\d{1,2})"),
    ("D", r"(?P<d>\d{1,2})"),
)


@dataclass(slots=True)
class GanttTask:
    name: str
    id: str | None
    start: date | None
    end: date | None  # inclusive
    done: bool
    active: bool


@dataclass(slots=True)
class GanttSection:
    """A `section` of a gantt chart: the phase ids it names (one, or a range's first and last),
    or its label as written when it names none."""

    label: str
    first: str
    last: str
    name: str
    line: int
    tasks: list[GanttTask] = field(default_factory=list)

    @property
    def start(self) -> date | None:
        starts = [t.start for t in self.tasks if t.start]
        return min(starts) if starts else None

    @property
    def end(self) -> date | None:
        ends = [t.end for t in self.tasks if t.end]
        return max(ends) if ends else None

    @property
    def status(self) -> Status:
        if not self.tasks:
            return Status.UNKNOWN
        done = sum(t.done for t in self.tasks)
        if done == len(self.tasks):
            return Status.DONE
        if done or any(t.active for t in self.tasks):
            return Status.IN_PROGRESS
        return Status.NOT_STARTED


def _date_pattern(fmt: str) -> re.Pattern[str] | None:
    out: list[str] = []
    i = 0
    while i < len(fmt):
        for token, rx in _TOKENS:
            if fmt.startswith(token, i):
                out.append(rx)
                i += len(token)
                break
        else:
            if fmt[i].isalpha():
                return None  # a token we do not read (times, week days): no dates
            out.append(re.escape(fmt[i]))
            i += 1
    try:
        return re.compile("^" + "".join(out) + r"(?:[ T].*)?$")
    except re.error:
        return None


def _to_date(text: str, pattern: re.Pattern[str]) -> date | None:
    m = pattern.match(text)
    if not m:
        return None
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else (2000 + int(g["yy"]) if g.get("yy") else None)
    if year is None or not g.get("m") or not g.get("d"):
        return None
    try:
        return date(year, int(g["m"]), int(g["d"]))
    except ValueError:
        return None


def _section_ids(label: str) -> tuple[str, str, str]:
    """The section's first and last phase id and its name: "Fase 2: Diseño" -> 2, 2, Diseño;
    "Phase 0-3: MVP" -> 0, 3, MVP; "UI Redesign" (no id) -> its label as written."""
    rng = _RANGE.match(label)
    if rng:
        decl = parse_phase(rng.group("head") + rng.group("first") + label[rng.end() :])
        if decl is not None and decl.id == rng.group("first"):
            return decl.id, rng.group("last"), decl.name
    decl = parse_phase(label)
    if decl is not None:
        return decl.key, decl.key, decl.name
    return label, label, label


def _task(
    line: str, pattern: re.Pattern[str], ends: dict[str, date], previous: date | None
) -> GanttTask | None:
    name, sep, spec = line.partition(":")
    if not sep:
        return None
    parts = [p.strip() for p in spec.split(",")]
    tags = set()
    while parts and parts[0] in _TAGS:
        tags.add(parts.pop(0))
    ident = parts.pop(0) if len(parts) == 3 else None  # as mermaid reads it: id, start, end
    if not parts or len(parts) > 2:
        return None
    start: date | None
    if len(parts) == 1:  # only the end or duration: the task follows the previous one
        start, end_spec = previous, parts[0]
    else:
        first, end_spec = parts
        if first.startswith("after "):
            after = [ends[x] for x in first[6:].split() if x in ends]
            start = max(after) + timedelta(days=1) if after else None
        else:
            start = _to_date(first, pattern)
    end: date | None = None
    if end_spec.startswith("until "):
        end = None
    elif (dur := _DURATION.match(end_spec)) is not None:
        if start is not None:
            days = float(dur.group(1)) * _DAYS[dur.group(2)]
            end = start + timedelta(days=max(0, -int(-days // 1) - 1))  # inclusive
    else:
        end = _to_date(end_spec, pattern)
    if end is not None and start is not None and end < start:
        end = start
    if "milestone" in tags and start is not None:
        end = start
    return GanttTask(
        name=name.strip(),
        id=ident,
        start=start,
        end=end,
        done="done" in tags,
        active="active" in tags,
    )


def _block(lines: list[str], first_line: int) -> list[GanttSection]:
    pattern = _date_pattern("YYYY-MM-DD")
    assert pattern is not None
    sections: list[GanttSection] = []
    ends: dict[str, date] = {}
    previous: date | None = None
    for n, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        word, _, rest = line.partition(" ")
        low = word.lower()
        if low == "dateformat":
            pattern = _date_pattern(rest.strip())
            if pattern is None:
                return []  # dates we cannot read: no timeline rather than a wrong one
            continue
        if low == "section":
            label = rest.strip()
            if label:
                first, last, name = _section_ids(label)
                sections.append(GanttSection(label, first, last, name, first_line + n))
            continue
        if low in (
            "title",
            "axisformat",
            "tickinterval",
            "excludes",
            "includes",
            "todaymarker",
            "weekday",
            "inclusiveenddates",
            "topaxis",
            "displaymode",
        ) or low.startswith("acc"):
            continue
        if not sections:
            continue  # tasks before any section belong to no phase
        task = _task(line, pattern, ends, previous)
        if task is None:
            continue
        if task.id and task.end:
            ends[task.id] = task.end
        previous = (task.end + timedelta(days=1)) if task.end else previous
        sections[-1].tasks.append(task)
    return [s for s in sections if s.tasks]


def name_key(name: str) -> str:
    """A name as tasks and headings are matched: before any parenthesis, case folded."""
    for paren in "（(":
        name = name.split(paren, 1)[0]
    return name.strip().casefold()


def gantt_sections(text: str) -> list[GanttSection]:
    """The sections of the file's mermaid gantt charts, in file order."""
    if "mermaid" not in text:
        return []
    out: list[GanttSection] = []
    blocks = 0
    for m in _FENCE.finditer(text):
        if blocks >= MAX_BLOCKS:
            break
        fence = m.group(1)
        body_start = m.end() + 1
        close = re.compile(
            r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", re.MULTILINE
        ).search(text, body_start)
        body = text[body_start : close.start() if close else len(text)]
        lines = body.split("\n", MAX_LINES)[:MAX_LINES]
        head = next((x.strip() for x in lines if x.strip() and not x.strip().startswith("%%")), "")
        if head.lower() != "gantt":
            continue
        blocks += 1
        first_line = text.count("\n", 0, body_start) + 1
        try:
            out.extend(_block(lines, first_line))
        except (ValueError, OverflowError, KeyError):
            continue  # a malformed block is passed over
    return out
