"""Which headings and list items are a plan's phases when no phase word says so: the ones whose
siblings carry a running id.

A heading that says "Phase 2" or "第二阶段" declares a phase by its word (`phases.parse_phase`).
Many plans name their stages by an id alone: `## M1 - Core`, `## Q1 2026 - Foundation`,
`- [x] **S01: Name**`, Kiro's `- [ ] 3. Name` with `3.1`, `3.2` after it. One such line alone
may be anything; two siblings or more with ids of the same shape are the plan's stages
(`## v0.2 - Beta` and `## v1.0` too: a roadmap's releases). This
module looks at the file's headings and top-level task items once, before the block walk, and
tells the walk which of them are phases.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from goaldash.parse.phases import PhaseDecl, declares, parse_phase, parse_phase_as, unlinked
from goaldash.parse.words import (
    NAMED_MILESTONE,
    PRIORITY,
    STEP,
    every_word,
    phase_word_pattern,
    words_pattern,
)

# The lines that matter: ATX headings, fence lines (to skip what they hold), and top-level
# task items that open with an id (a number, or bold). Each pattern opens with literal text,
# which the regex engine looks for quickly (a million-line file is read in hundredths of a
# second); a fence or an item is then checked to open its line.
_HEADING = re.compile(r"\n(#{1,6})[ \t]+([^\n]*)")
_FENCE = re.compile(r"```|~~~")
_ITEM = re.compile(r"\] ((?:\*\*[A-Z]{1,3}|\d{1,3}\.\s)[^\n]*)")
_ITEM_OPENING = re.compile(r"[-*+] \[[ xX~/-]\]\Z")


# An id with letters before its number: M1, S01, T3, CM-001, M3.5, MS-2.
_PREFIXED = re.compile(
    r"^(?P<lead>[\s*_]*)(?P<id>(?P<prefix>[A-Z]{1,3})-?\d{1,3}(?:\.\d+)?[a-z]?)"
    r"(?P<after>\s*[:：.]\s+|\s+[-–—]\s+|\s*$|\s+(?=\())(?P<rest>.*)$"
)
# A quarter or a half: "Q1 2026", "2026 Q2", "H2 2025".
_QUARTER = re.compile(
    r"^(?P<lead>[\s*_]*)(?P<id>(?P<prefix>[QH])[1-4][ -]\d{4}|\d{4}[ -](?P<prefix2>[QH])[1-4])"
    r"(?P<rest>.*)$"
)
# A version: "v0.2 - Beta", "v1.0 (planned)", "v2.1.0-rc1": a release a roadmap works toward.
_VERSION = re.compile(
    r"^(?P<lead>[\s*_]*)(?P<id>[vV]\d{1,3}(?:\.\d{1,3}){0,2}(?:-[a-z]+\.?\d*)?)"
    r"(?P<after>\s*[:：]\s+|\s+[-–—]\s+|\s*$|\s+(?=\())(?P<rest>.*)$"
)
_STEP_WORDS = "|".join(re.escape(w) for w in sorted(every_word(STEP), key=len, reverse=True))
# A step word with an id ("Step 3: Name", "Sprint 2", "Schritt 4"; "ブロック1" against it in the
# scripts written without spaces).
_STEP = re.compile(
    rf"^(?P<lead>[\s*_]*)(?P<word>{_STEP_WORDS})(?:\s+|(?<=[\u2e80-\uffff]))"
    rf"(?P<id>\d{{1,3}}(?:\.\d+)*[a-z]?)\b"
    r"(?P<after>\s*[:：.]\s*|\s+[-–—]\s+|\s*$|\s*(?=\())(?P<rest>.*)$",
    re.IGNORECASE,
)
# A priority level naming a prefixed id: "(Critical)", "- High", "Must have".
_PRIORITY = re.compile(
    rf"^[\s(\[*_]*{words_pattern(PRIORITY)}"
    r"(?=\s*(?:[)\]*_]|$|[-–—:,/|]\s)|\s+(?:priority|prioridad|prioridade|priorité|priorität))",
    re.IGNORECASE,
)
_NAMED_WORDS = sorted(every_word(NAMED_MILESTONE), key=len, reverse=True)
# A milestone word, then a name where an id would be: "MS Idee (Owner)", "Milestone Beta",
# "Jalon : Conception", "マイルストーン設計". Abbreviations ("MS") only as written.
_NAMED = re.compile(
    r"^[\s*_]*(?P<word>(?i:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _NAMED_WORDS if not w.isupper())
    + ")|"
    + "|".join(re.escape(w) for w in _NAMED_WORDS if w.isupper())
    + r")(?:\s*[:：]\s*|\s+[-–—]\s+|\s+|(?<=[\u2e80-\uffff]))(?P<rest>[^\W\d_].*)$"
)
# A phase word, then a name where an id would be: "FASE INMEDIATA (Semanas 1-2)", "Phase Zero
# prep (Week 0)" - a stage when its siblings are the word's numbered ones (`_named_stages`).
_WORD_NAMED = re.compile(
    rf"^[\s*_]*(?P<word>{phase_word_pattern()})\s+(?P<rest>[^\W\d_].*)$", re.IGNORECASE
)
# A paragraph's first line opening with a phase word: "Meilenstein 1: Analyse (bis 17.01.2025)"
# (a run of them, numbered, are the stages of a plan that has no other: `outline`).
# Its shape is looked for first (a word, a number, a colon), the word by `parse_phase` after:
# a blank line is tried against a few characters, not against every phase word.
_PLAIN = re.compile(r"\n\n[ \t]{0,3}([^\W\d_][^\s:]{0,30}[ \t]+\d{1,3}(?:\.\d+)?[ \t]*[:：][^\n]*)")
# Kiro's top-level task: "3. Name" (its parts, "3.1 Name", are tasks of the phase).
_NUMBERED = re.compile(r"^(?P<id>\d{1,3})\.\s+(?P<rest>\S.*)$")
_BOLD_ID = re.compile(
    r"^\*\*(?P<id>[A-Z]{1,3}\d{1,3}(?:\.\d+)?) ?[:：]\s*(?P<rest>[^*]+)\*\*(?P<after>.*)$"
)


@dataclass(slots=True)
class Outline:
    """What the walk needs to know before it reads the blocks."""

    headings: dict[int, PhaseDecl] = field(default_factory=dict)
    """Heading line -> the phase it declares by its id and its siblings'."""
    items: dict[int, PhaseDecl] = field(default_factory=dict)
    """Top-level task item line -> the phase it declares (Kiro, GSD slices)."""
    paragraphs: dict[int, PhaseDecl] = field(default_factory=dict)
    """Paragraph line -> the phase its plain first line declares, in a run of them
    ("Meilenstein 1: Analyse (bis 17.01.2025)", then "Meilenstein 2: ...")."""


Candidate = tuple[str, str, str, str]
"""A heading's id shape ("prefix M", "quarter Q", "step schritt"), the kind, id and rest of
the phase it would declare."""


def _candidate(text: str) -> Candidate | None:
    """The shape of a heading's id ("prefix M", "quarter", "word step") and the phase it would
    declare, for a heading no phase word declares."""
    text = text.replace("**", "").replace("__", "").strip().rstrip("#").strip()
    if m := _PREFIXED.match(text):
        if m.group("prefix") == "P" and _PRIORITY.match(m.group("rest")):
            return None  # "P0 (Critical)": a priority, not a stage ("M1 - Critical" is one)
        ident = m.group("id")
        kind = "milestone" if m.group("prefix") in ("M", "MS") else "phase"
        return "prefix " + m.group("prefix"), kind, ident, m.group("rest")
    if m := _QUARTER.match(text):
        rest = re.sub(r"^\s*(?:\([^)]*\))?\s*[-–—:]?\s*", "", m.group("rest"))
        return _QUARTER_SHAPE, "phase", m.group("id"), rest  # quarters and halves: one series
    if m := _VERSION.match(text):
        return "version", "phase", m.group("id"), m.group("rest")
    if m := _STEP.match(text):
        word = m.group("word").lower()
        return "step " + word, "phase", m.group("id"), m.group("rest")
    if m := _NAMED.match(text):
        word = " ".join(m.group("word").lower().split())
        return _NAMED_SHAPE + word, "milestone", "", m.group("rest")
    return None


_NAMED_SHAPE = "named "
_QUARTER_SHAPE = "quarter"


def _named(rest: str) -> PhaseDecl | None:
    """The milestone a named heading declares: its name is its id, without what follows in
    parentheses (an owner: "Idee (Florian Z.)" -> "Idee") or after a status mark."""
    decl = parse_phase_as("milestone", "", rest)
    if not decl.name:
        return None
    return replace(decl, id=decl.name, named=True)


def outline(text: str) -> Outline:
    """The phases the file declares by ids alone (see the module's docstring)."""
    out = Outline()
    if "#" not in text and "- [" not in text:
        return out
    fence: str | None = None
    parents: list[tuple[int, int]] = []  # (level, line) of the headings enclosing this one
    groups: dict[tuple[int, int], list[tuple[int, Candidate]]] = defaultdict(list)
    declaring: dict[tuple[int, int], list[str]] = defaultdict(list)  # siblings by their word
    word_named: dict[tuple[int, int], list[tuple[int, str, str]]] = defaultdict(list)
    numbered: list[tuple[int, PhaseDecl]] = []
    bold: list[tuple[int, PhaseDecl]] = []
    text = "\n" + text  # the first line opens with a newline too
    events: list[tuple[int, re.Match[str]]] = [(m.start() + 1, m) for m in _HEADING.finditer(text)]
    if "```" in text or "~~~" in text:
        for m in _FENCE.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            if m.start() - start <= 3 and not text[start : m.start()].strip():
                events.append((start, m))
    plain: list[tuple[int, PhaseDecl]] = []
    for m in _PLAIN.finditer(text):
        events.append((m.start(1), m))
    if "] 1. " in text or "] 0. " in text or "] **" in text:
        for m in _ITEM.finditer(text):
            start = text.rfind("\n", 0, m.start()) + 1
            if _ITEM_OPENING.match(text, start, m.start() + 1):
                events.append((start, m))
    events.sort(key=lambda e: e[0])
    line = 0
    at = 0
    for start, m in events:
        line += text.count("\n", at, start)
        at = start
        if m.re is _FENCE:
            mark = m.group()
            fence = None if fence == mark else fence or mark
            continue
        if fence is not None:
            continue
        if m.re is _HEADING:
            heading = unlinked(m.group(2))
            level = len(m.group(1))
            while parents and parents[-1][0] >= level:
                parents.pop()
            parent = parents[-1][1] if parents else 0
            parents.append((level, line))
            if declares(heading):
                declaring[(parent, level)].append(heading)
            elif (found := _candidate(heading)) is not None:
                groups[(parent, level)].append((line, found))
            elif w := _WORD_NAMED.match(heading.replace("**", "").strip()):
                word_named[(parent, level)].append((line, w.group("word"), w.group("rest")))
            continue
        if m.re is _PLAIN:
            if (decl := parse_phase(m.group(1), strict_colon=True)) is not None:
                plain.append((line, decl))
            continue
        item = m.group(1)
        if item.startswith("**"):
            if b := _BOLD_ID.match(item):
                bold.append((line, parse_phase_as("phase", b.group("id"), b.group("rest"))))
        elif n := _NUMBERED.match(item):
            numbered.append((line, parse_phase_as("phase", n.group("id"), n.group("rest"))))
    named: dict[int, PhaseDecl] = {}
    for members in groups.values():
        shapes: dict[str, int] = defaultdict(int)
        for _, found in members:
            shapes[found[0]] += 1
        for heading_line, (shape, kind, ident, rest) in members:
            if shapes[shape] < 2:
                continue
            if not shape.startswith(_NAMED_SHAPE):
                out.headings[heading_line] = parse_phase_as(kind, ident, rest)
            elif (decl := _named(rest)) is not None:
                named[heading_line] = decl
    out.headings.update(_named_stages(word_named, declaring))
    if len(bold) >= 2:
        out.items.update(bold)
    out.items.update(_running(numbered))
    if not declaring and not out.headings and not out.items:
        out.paragraphs.update(_running(plain))  # no other stages: the plain lines are
    if named and not out.headings and not out.items and not declaring:
        # Named milestones are the stages only where no heading or item gives a stage an id
        # (a heading in a code block is a sample, not one of the file's: it gives none).
        out.headings.update(named)
    return out


_NAME_END = re.compile(r"\s+[-–—]\s+|\s*[:：]\s*")


def _named_stages(
    word_named: dict[tuple[int, int], list[tuple[int, str, str]]],
    declaring: dict[tuple[int, int], list[str]],
) -> dict[int, PhaseDecl]:
    """The headings that open with a phase word and a name, beside siblings that open with
    the same word and an id ("## FASE INMEDIATA (Semanas 1-2)" before "## FASE 1 (Semanas
    3-4)"): stages of the same series, named by the name. Only those that carry what a stage
    carries over a section (a span or a date): "## Phase overview" or "## Phase summary -
    done" beside "## Phase 1" is a section about the phases."""
    out: dict[int, PhaseDecl] = {}
    for group, members in word_named.items():
        words = {d.word.casefold() for h in declaring.get(group, ()) if (d := parse_phase(h))}
        for line, word, rest in members:
            if word.casefold() not in words:
                continue
            decl = parse_phase_as("phase", "", rest)
            said = decl.span or decl.start or decl.end
            if decl.name and said:
                ident = _NAME_END.split(decl.name, maxsplit=1)[0]  # "INMEDIATA - CRÍTICA"
                out[line] = replace(decl, id=ident, named=True, word=word.casefold())
    return out


def _running(numbered: list[tuple[int, PhaseDecl]]) -> list[tuple[int, PhaseDecl]]:
    """The items of `numbered` whose ids run 1, 2, 3 (or from 0), two at least; a number out
    of the run ends it."""
    run: list[tuple[int, PhaseDecl]] = []
    for line, decl in numbered:
        if not decl.id.isdigit():
            break
        n = int(decl.id)
        expected = int(run[-1][1].id) + 1 if run else None
        if (expected is None and n in (0, 1)) or n == expected:
            run.append((line, decl))
        elif n in (0, 1):
            break
    return run if len(run) >= 2 else []
