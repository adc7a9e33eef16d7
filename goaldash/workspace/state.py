"""The workspace as the UI thread sees it: the plans on show, the filter, the undo stack, and
the jobs asked of the workers. Nothing here reads a file, parses or runs git: that is
`goaldash.workspace.worker`, on worker threads, which reports back by events."""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from goaldash.checks import cross_check
from goaldash.lazyitems import LazyItems
from goaldash.model import Item, Plan
from goaldash.workspace.events import PlansRead, Refused, StandupAnswer, Ticked
from goaldash.workspace.filters import finished, plan_matches
from goaldash.workspace.summary import Summary, counts, summarize

if TYPE_CHECKING:
    from goaldash.config import Config
    from goaldash.edit import EditResult
    from goaldash.standup import Standup


@dataclass(frozen=True, slots=True)
class Job:
    """Work for the IO worker, which runs jobs one at a time in the order they were asked, so
    a tick and the re-read after it can never race each other."""

    kind: str
    """"reread", "tick" or "undo"."""
    rels: frozenset[str] = frozenset()
    """The plans' paths, relative to the root (one for a tick or an undo)."""
    line: int = 0
    """A tick: the item's line."""
    text: str = ""
    """A tick: the item's text, to find it by should the file have changed."""
    fingerprint: str = ""
    """A tick: the fingerprint of the bytes the item was seen in."""
    result: EditResult | None = None
    """An undo: the write to undo."""
    items: Sequence[Item] | None = None
    """A tick: the plan's items as parsed from those bytes (they spare a parse)."""
    seq: int = 0
    """The job's number: its answer (`Ticked` or `Refused`) carries it back."""


@dataclass(frozen=True, slots=True)
class PlansApplied:
    """What a `PlansRead` did to the plans on show."""

    changed: bool
    gone: list[str]
    """Paths shown until now that are no longer plans."""


@dataclass(eq=False)
class Workspace:
    """The one source of truth of the dashboard: the plans on show and how they are filtered.

    Read and changed on the UI thread only. Workers are handed the workspace to read what they
    need (the root, the configuration, the jobs, which paths are plans) and report what they did
    as events; `apply_plans`, `apply_tick` and `apply_standup` take those events in.
    """

    root: Path
    today: date
    fixed_today: bool = False
    """True when `today` was given (tests, the demo): standup counts to that day."""
    config: Config | None = None
    """The folder's configuration; None until a worker reads it (and after it changed)."""
    plans: list[Plan] = field(default_factory=list)
    """Every plan read, by path, with the warnings that compare plans with each other."""
    query: str = ""
    """The `/` filter: every word must occur in what a line is about."""
    hide_finished: bool = False
    """True when finished plans are left out of every view."""
    scanning: bool = True
    """True until the scan has read every plan."""
    scanned: int = 0
    """Candidate files read so far."""
    candidates: int = 0
    """Candidate files (markdown files that may be plans)."""
    empty_folder: bool = False
    """The folder holds nothing at all."""
    passed_over: tuple[str, ...] = ()
    """What the last scan passed over, a sentence each: a folder it cannot read, a binary
    file where a plan was expected (no plan row: it holds nothing to count). The same notes
    `--once` writes on stderr; the Warnings tab lists them and the status line counts them."""
    standup: Standup | None = None
    """What moved in the span below (None until git has answered)."""
    standup_span: str = "yesterday"
    standup_error: str | None = None
    standup_busy: bool = False
    """True while git is being asked."""
    standup_stale: bool = True
    """The plans changed since git was last asked."""
    undo_stack: list[tuple[str, EditResult]] = field(default_factory=list)
    """Ticks written from here, last on top, with the plan's path."""
    version: int = 0
    """Goes up with every change to what a view shows: a view drawn at this version is
    current, and one drawn at another is redrawn before it is seen."""
    notes: list[str] = field(default_factory=list)
    """Things to tell the user that no event says (an undo that found nothing to undo);
    the UI takes them with `take_notes`."""
    _held: deque[Job] = field(default_factory=deque)
    """Ticks and undos asked but not yet handed to the IO worker: an undo waits here until
    every tick asked before it has been answered (it undoes what that tick wrote), and what
    is asked after it waits behind it. So a burst of keys does what slow presses do."""
    _in_flight: set[int] = field(default_factory=set)
    """Ticks handed to the IO worker and not answered yet (their `Job.seq`)."""
    _seq: int = 0
    jobs: queue.Queue[Job] = field(default_factory=queue.Queue)
    """Jobs for the IO worker (`worker.run_jobs`)."""
    scan_done: threading.Event = field(default_factory=threading.Event)
    """Set while no scan is running: jobs and standup wait for it."""
    stop: threading.Event = field(default_factory=threading.Event)
    """Set at exit: the IO worker and the file watcher stop."""
    _raw: dict[str, Plan] = field(default_factory=dict)
    """The plans as read, before the cross-plan checks."""
    _standup_round: int = 0

    @classmethod
    def at(cls, root: Path, today: date | None = None, config: Config | None = None) -> Workspace:
        """The workspace of the folder `root` (`today`: pretend it is that day)."""
        return cls(root.resolve(), today or date.today(), today is not None, config)

    # -- what is on show ------------------------------------------------------------------

    def plan(self, path: str) -> Plan | None:
        """The current copy of the plan at `path` (with cross-file warnings)."""
        for p in self.plans:
            if p.path == path:
                return p
        return None

    def known(self) -> set[str]:
        """The paths of every plan read (a worker may ask: a copy is taken at once)."""
        return set(self._raw)

    def visible(self) -> list[Plan]:
        """Plans that pass the filter (templates and copies included)."""
        return [
            p
            for p in self.plans
            if plan_matches(p, self.query) and not (self.hide_finished and finished(p))
        ]

    def counted(self) -> list[Plan]:
        """Visible plans that count: not templates, not stale copies (`summary.counts`)."""
        return [p for p in self.visible() if counts(p)]

    def summary(self) -> Summary:
        """The totals over the plans on show (`--once` adds up with the same function), and
        how many files the scan passed over."""
        return replace(summarize(self.visible()), passed_over=len(self.passed_over))

    def changed(self) -> None:
        """What the views show changed: every view is to be drawn again before it is seen."""
        self.version += 1

    def take_notes(self) -> list[str]:
        """The notes for the user gathered since last asked."""
        notes, self.notes = self.notes, []
        return notes

    def now(self) -> datetime:
        """The time standup counts to (on the pretended day, when one was given)."""
        now = datetime.now().astimezone()
        if self.fixed_today:
            now = datetime.combine(self.today, now.time()).astimezone()
        return now

    # -- what the workers found -----------------------------------------------------------

    def apply_plans(self, event: PlansRead) -> PlansApplied:
        """Take in plans read (or read again) and paths that stopped being plans."""
        changed = False
        gone: list[str] = []
        if event.replace_all:
            keep = {p.path for p in event.plans}
            for path in [k for k in self._raw if k not in keep]:
                del self._raw[path]
                changed = True
        for plan in event.plans:
            old = self._raw.get(plan.path)
            if old is not None and _same(old, plan):
                continue  # our own write, already shown; or a save that changed nothing
            self._raw[plan.path] = plan
            changed = True
        for path in event.removed:
            if self._raw.pop(path, None) is not None:
                changed = True
                gone.append(path)
        if event.scanned is not None:
            self.scanned = event.scanned
        if event.candidates is not None:
            self.candidates = event.candidates
        if event.final:
            self.scanning = False
            self.empty_folder = event.empty_folder
            self.passed_over = event.notes
        noted = bool(event.looked_at) and self._passed_over_again(event.looked_at, event.binary)
        if changed:
            self._recompute()
            self.standup_stale = True
        counted = event.scanned is not None or event.candidates is not None
        if changed or noted or event.final or counted:
            self.changed()
        return PlansApplied(changed, gone)

    def _passed_over_again(self, looked_at: tuple[str, ...], binary: tuple[str, ...]) -> bool:
        """Re-read paths: a binary file is passed over (its note added), one no longer binary
        (or gone) is not (its note dropped). True when the notes changed."""
        from goaldash.scan import binary_note

        stale = {binary_note(rel) for rel in looked_at}
        notes = [n for n in self.passed_over if n not in stale]
        notes.extend(binary_note(rel) for rel in binary)
        if tuple(notes) == self.passed_over:
            return False
        self.passed_over = tuple(notes)
        return True

    def apply_tick(self, event: Ticked) -> bool:
        """Take in a tick or an undo written; True when the plan on show changed with it.

        The tick is shown at once, on the copy of the plan it was made to; the parser's
        reading of the written file follows (a `PlansRead`). An item that moved was ticked in
        bytes not shown yet: that reading will show it.
        """
        from goaldash.watch import ticked_plan

        r = event.result
        if not event.undone and r.changed:
            self.undo_stack.append((event.rel, r))
        self._answered(event.seq)
        shown = self._raw.get(event.rel)
        if not r.changed or r.moved or shown is None or shown.fingerprint != event.before:
            return False
        self._raw[event.rel] = ticked_plan(shown, r.line, r.new_mark, r.fingerprint)
        self._recompute()
        self.standup_stale = True  # a tick is an uncommitted change
        return True

    def apply_refused(self, event: Refused) -> None:
        """Take in a tick or an undo refused (nothing was written)."""
        self._answered(event.seq)

    def scan_failed(self) -> None:
        """The scan stopped: nothing more is coming."""
        self.scanning = False
        self.changed()

    def _recompute(self) -> None:
        self.plans = cross_check([self._raw[k] for k in sorted(self._raw)])
        self.changed()

    # -- jobs -----------------------------------------------------------------------------

    def request_tick(self, plan: Plan, item: Item) -> None:
        """Toggle `item` of `plan` in its file (in the IO worker)."""
        self._seq += 1
        self._held.append(
            Job(
                "tick",
                frozenset({plan.path}),
                line=item.line,
                text=item.text,
                fingerprint=plan.fingerprint,
                items=plan.items,
                seq=self._seq,
            )
        )
        self._release()

    def request_undo(self) -> bool:
        """Undo the last tick written from here (in the IO worker); False when there is none.

        Ticks asked before still unanswered are waited for: the undo undoes the last of
        them, as it would had the keys been pressed slowly."""
        ticks = len(self._in_flight) + sum(1 for j in self._held if j.kind == "tick")
        undos = sum(1 for j in self._held if j.kind == "undo")
        if len(self.undo_stack) + ticks - undos <= 0:
            return False
        self._seq += 1
        self._held.append(Job("undo", seq=self._seq))
        self._release()
        return True

    @property
    def busy(self) -> bool:
        """Ticks or undos asked and not yet answered or handed over."""
        return bool(self._held or self._in_flight)

    def _answered(self, seq: int) -> None:
        self._in_flight.discard(seq)
        self._release()

    def _release(self) -> None:
        """Hand the IO worker what is held, in order, as far as nothing waits for an answer."""
        while self._held:
            job = self._held[0]
            if job.kind == "undo":
                if self._in_flight:
                    return  # what it undoes is not known yet
                self._held.popleft()
                if not self.undo_stack:
                    self.notes.append("Nothing to undo.")
                    continue
                rel, result = self.undo_stack.pop()
                self.jobs.put(Job("undo", frozenset({rel}), result=result, seq=job.seq))
            else:
                self._held.popleft()
                self._in_flight.add(job.seq)
                self.jobs.put(job)

    def request_reread(self, rels: set[str] | frozenset[str]) -> None:
        """Read these files again (in the IO worker)."""
        self.jobs.put(Job("reread", frozenset(rels)))

    def begin_rescan(self) -> None:
        """Every plan is about to be read again."""
        self.standup_stale = True
        self.scanning = True
        self.changed()

    def set_query(self, query: str) -> None:
        """Filter every view by these words."""
        if query != self.query:
            self.query = query
            self.changed()

    def toggle_finished(self) -> bool:
        """Hide finished plans, or show them again; True when they are now hidden."""
        self.hide_finished = not self.hide_finished
        self.changed()
        return self.hide_finished

    # -- standup --------------------------------------------------------------------------

    def begin_standup(self) -> int:
        """Git is to be asked again (for `standup_span`): the round its answer will carry."""
        self._standup_round += 1
        self.standup_stale = False
        self.standup_busy = True
        self.changed()
        return self._standup_round

    def apply_standup(self, event: StandupAnswer) -> bool:
        """Take in git's answer; False when it answers a span (or files) since replaced."""
        if event.round != self._standup_round:
            return False
        self.standup, self.standup_error, self.standup_busy = event.result, event.error, False
        self.changed()
        return True

    def step_standup_span(self, step: int) -> bool:
        """A shorter (-1) or longer (+1) span; True when it changed."""
        from goaldash.standup import SPANS

        span = self.standup_span
        at = SPANS.index(span) if span in SPANS else 1
        nxt = SPANS[max(0, min(len(SPANS) - 1, at + step))]
        if nxt == self.standup_span:
            return False
        self.standup_span = nxt
        self.changed()
        return True

    # -- configuration (workers) ----------------------------------------------------------

    def load_config(self) -> Config:
        """The folder's configuration, read once (raises ConfigError)."""
        from goaldash.config import load_config

        if self.config is None:
            self.config = load_config(self.root)
        return self.config


def _same(old: Plan, new: Plan) -> bool:
    """`old == new`, without decoding items the cache left encoded (on the UI thread): the
    same bytes (fingerprint) parse to the same items."""
    if old is new:
        return True
    if old.fingerprint != new.fingerprint:
        return False  # a field of the plan: they differ
    if any(isinstance(p.items, LazyItems) and not p.items.decoded for p in (old, new)):
        return replace(old, items=()) == replace(new, items=())
    return old == new
