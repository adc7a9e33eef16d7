"""Find and read every plan under a root: discovery, the pre-filter, then the parser."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from goaldash.cache import ParseCache
from goaldash.cachefile import Entry, pack
from goaldash.checks import GroupNotes, adds_warnings, as_of, checked, conflicts
from goaldash.codec import Malformed
from goaldash.collector import collector_paused
from goaldash.config import Config, load_config
from goaldash.discover import Candidate, candidates, is_plan, is_plan_text
from goaldash.lazyitems import LazyItems
from goaldash.model import Plan, PlanFacts
from goaldash.parse.basics import fingerprint, unread_plan
from goaldash.parse.encoding import is_binary
from goaldash.pool import mapped, pays_to_pool
from goaldash.safefile import MAX_BYTES, NotRegularFile, TooLarge, read_regular
from goaldash.text import Pieces, shown_path


@dataclass(slots=True)
class Found:
    """One plan found: in hand, or still encoded in the parse cache beside its facts and
    its `--json` text, and decoded only when something asks for the whole plan."""

    facts: PlanFacts
    json: Pieces = ""
    """The plan's `--json` text as parsed ("" when not known); the day and the plan's group
    may add warnings to it, which `Scan` checks from the facts."""
    entry: Entry | None = None
    parsed: Plan | None = None
    source: Candidate | None = None
    """The file: read again, should the cache's copy of the plan not decode."""

    @property
    def path(self) -> str:
        return self.facts.path

    def base(self) -> Plan:
        """The plan as its bytes parsed, before the day's and its group's warnings."""
        if self.parsed is None:
            assert self.entry is not None
            try:
                self.parsed = self.entry.plan
            except Malformed:  # never trusted: the file is read again instead
                self.parsed = None
            if self.parsed is None:
                self.parsed = self._read_again()
            self.entry = None  # decoded: its encoded copy (a big plan's, megabytes) is let go
        return self.parsed

    def whole(self) -> Plan:
        """`base` with its items decoded: should the cache's items not decode (`LazyItems`
        says they are broken), the file is read again instead, as for a plan that does not
        decode. For what needs the items (the standup compares them, `--json` lists them)."""
        plan = self.base()
        if isinstance(plan.items, LazyItems):
            plan.items.load()
            if plan.items.broken:
                self.parsed = plan = self._read_again()
        return plan

    def _read_again(self) -> Plan:
        c = self.source
        got = _read(c) if c is not None else None
        plan = got if not isinstance(got, bytes) else None
        if c is not None and isinstance(got, bytes):
            plan = parse_candidate(c.rel, got, c.group, c.known_place)
        if plan is None:
            plan = unread_plan(self.path, self.facts.group, "unreadable", "cannot be read again")
        return plan

    @classmethod
    def of(cls, plan: Plan, json: Pieces = "", source: Candidate | None = None) -> Found:
        return cls(PlanFacts.of(plan), json, parsed=plan, source=source)


@dataclass(slots=True)
class Scan:
    """The plans found under a root."""

    root: Path
    today: date
    config: Config = field(default_factory=Config)
    candidates: int = 0
    """How many markdown files were looked at."""
    found: list[Found] = field(default_factory=list)
    """By path."""
    conflicts: GroupNotes = field(default_factory=GroupNotes)
    """What files of a group say of each other: contradictions, the statuses they state."""
    notes: list[str] = field(default_factory=list)
    """What was passed over, in a sentence each: a folder that cannot be read, a binary
    file where a plan was expected (no plan row: it holds nothing to count)."""
    _plans: list[Plan] | None = None

    @property
    def plans(self) -> list[Plan]:
        """Every plan with all its warnings, by path (decoded from the cache on first use)."""
        if self._plans is None:
            self._plans = [self._finish(f) for f in self.found]
        return self._plans

    def whole_plans(self) -> list[Plan]:
        """`plans` with every plan's items decoded (`Found.whole`): what compares them needs
        them as the files give them, never none for a cache's broken copy."""
        for f in self.found:
            f.whole()
        self._plans = [self._finish(f) for f in self.found]
        return self._plans

    def _finish(self, f: Found) -> Plan:
        return checked(f.base(), self.today, self.conflicts)

    def kept_json(self, i: int) -> Pieces:
        """The `--json` text kept for the `i`th plan when the day and the plan's group add
        nothing to it, else "": a warm run never rebuilds a plan it need not."""
        f = self.found[i]
        return "" if adds_warnings(f.facts, self.today, self.conflicts) else f.json

    def plan_at(self, i: int) -> Plan:
        """The `i`th plan with all its warnings and its items (`Found.whole`), decoding just
        this one from the cache."""
        f = self.found[i]
        kept = f.parsed
        if f.whole() is kept and self._plans is not None:
            return self._plans[i]
        return self._finish(f)

    def without_json(self) -> None:
        """Let go of the plans' kept `--json` texts, for a caller that writes no JSON: a big
        plan's is a hundred megabytes (kept beside its encoded plan, until that is decoded)."""
        for f in self.found:
            f.json = ""
            if f.entry is not None:
                f.entry = replace(f.entry, json="")


def binary_note(rel: str) -> str:
    """What is said of a binary file where a plan was expected (one sentence, one maker)."""
    return f"{shown_path(rel)} looks like a binary file, not markdown: not read"


def read_candidate(c: Candidate, today: date, binary: list[str] | None = None) -> Plan | None:
    """Read one candidate; None when it turns out not to be a plan. With `binary`, a binary
    file is no plan and its path is added there (without, it is an unreadable plan)."""
    got = _read(c)
    if binary is not None and isinstance(got, bytes) and is_binary(got):
        binary.append(c.rel)
        return None
    if not isinstance(got, bytes):
        return got
    plan = parse_candidate(c.rel, got, c.group, c.known_place)
    return None if plan is None else as_of(plan, today)


def _read(c: Candidate) -> bytes | Plan | None:
    """The candidate's bytes; or a plan that says why they cannot be read; or None."""
    try:
        return read_regular(c.path, MAX_BYTES)
    except TooLarge as exc:
        return _unreadable(c, exc.strerror or "too large: not read")
    except NotRegularFile as exc:
        # A FIFO or a device posing as a plan is listed (as unreadable) only where a plan
        # was expected by name or place; elsewhere it is no plan at all.
        return _unreadable(c, f"cannot be read: {exc.strerror}") if c.known_place else None
    except FileNotFoundError:
        return None  # gone since it was listed: no plan, not an unreadable one
    except OSError as exc:
        if not c.known_place:
            return None
        return _unreadable(c, f"cannot be read: {exc.strerror or exc}")


def _mtime(c: Candidate) -> int:
    try:
        return c.path.stat().st_mtime_ns
    except OSError:
        return 0


def parse_candidate(rel: str, data: bytes, group: str, known_place: bool) -> Plan | None:
    """The pre-filter, then the parser; None when the file is not a plan. Pure."""
    from goaldash.parse.plan import decode, parse_plan

    if not known_place:
        text, _ = decode(data)
        if not is_plan_text(text):
            return None
    plan = parse_plan(rel, data, group=group)
    return plan if is_plan(plan, known_place) else None


KeepJson = Callable[[Plan], Pieces]
"""What the cache keeps as a plan's `--json` text (the caller's `report.jsonout.fragment`:
the reading layer writes no JSON of its own)."""


def _parse_job(
    job: tuple[str, bytes, str, bool, KeepJson | None],
) -> tuple[PlanFacts | None, bytes, Pieces]:
    """Parse one file, on a worker's core: the plan's facts, the plan encoded as the parse
    cache keeps it (plain JSON), and its `--json` text. The caller decodes the plan only if
    it needs more than the facts and the text (`--json` does not)."""
    rel, data, group, known_place, keep_json = job
    with collector_paused():
        plan = parse_candidate(rel, data, group, known_place)
        facts, blob = pack(plan)
        return facts, blob, keep_json(plan) if plan is not None and keep_json is not None else ""


def _unreadable(c: Candidate, message: str) -> Plan:
    return unread_plan(c.rel, c.group, "unreadable", message)


def read_batches(
    found: list[Candidate],
    today: date,
    cache: ParseCache | None = None,
    workers: int | None = None,
    batch_seconds: float = 0.05,
    keep_json: KeepJson | None = None,
) -> Iterator[tuple[int, list[Plan]]]:
    """Read every candidate; yield (files done so far, plans as of `today`) in batches as
    they come. Cache hits come first, at reading speed; the rest are parsed, on several
    processes when there are enough of them to pay for it."""
    for done, got in read_found(found, cache, workers, batch_seconds, keep_json):
        yield done, [as_of(f.base(), today) for f in got]


def read_found(
    found: list[Candidate],
    cache: ParseCache | None = None,
    workers: int | None = None,
    batch_seconds: float = 0.05,
    keep_json: KeepJson | None = None,
    notes: list[str] | None = None,
) -> Iterator[tuple[int, list[Found]]]:
    """`read_batches`, with cache hits left encoded until asked for. With `notes`, a binary
    file is no plan: a sentence in `notes` says so (without, it is an unreadable plan)."""
    misses: list[tuple[Candidate, bytes, str]] = []
    batch: list[Found] = []
    done = 0
    last = time.monotonic()
    for c in found:
        got = _read(c)
        one: Found | None
        if notes is not None and isinstance(got, bytes) and is_binary(got):
            notes.append(binary_note(c.rel))
            got = None
        if isinstance(got, bytes):
            fp = fingerprint(got)
            hit = cache.get(c.rel, fp, c.known_place, c.group) if cache is not None else None
            if hit is None:
                misses.append((c, got, fp))
                continue
            one = None if hit.facts is None else Found(hit.facts, hit.json, hit, source=c)
        else:
            one = None if got is None else Found.of(got)
        done += 1
        if one is not None:
            batch.append(one)
        if time.monotonic() - last > batch_seconds:
            yield done, batch
            batch, last = [], time.monotonic()
    if batch or not misses:
        yield done, batch
        batch, last = [], time.monotonic()
    if not misses:
        return
    jobs = [(c.rel, d, c.group, c.known_place, keep_json) for c, d, _ in misses]
    if not pays_to_pool(jobs, workers):
        # Parsed here: the plan is at hand, and is encoded only for a cache that keeps it.
        # Each file's bytes are let go once parsed (a big plan's, before it is encoded).
        misses.reverse()
        jobs.reverse()
        while misses:
            c, data, fp = misses.pop()
            text: Pieces = ""
            with collector_paused():  # a plan is made, then encoded: no cycles
                plan = parse_candidate(*jobs.pop()[:4])
                size = len(data)
                del data
                if cache is not None and cache.keeps:
                    facts, blob = pack(plan)
                    text = keep_json(plan) if plan is not None and keep_json is not None else ""
                    mtime = _mtime(c)
                    entry = Entry(size, mtime, fp, c.known_place, c.group, facts, blob, text)
                    cache.put(c.rel, entry)
            done += 1
            if plan is not None:
                batch.append(Found.of(plan, text, source=c))  # its text is not made twice
            if time.monotonic() - last > batch_seconds:
                yield done, batch
                batch, last = [], time.monotonic()
        yield done, batch
        return
    with mapped(_parse_job, jobs, workers, chunksize=8) as results:
        for (c, data, fp), (facts, blob, text) in zip(misses, results, strict=True):
            mtime = _mtime(c) if cache is not None else 0
            entry = Entry(len(data), mtime, fp, c.known_place, c.group, facts, blob, text)
            if cache is not None:
                cache.put(c.rel, entry)
            done += 1
            if facts is not None:
                batch.append(Found(facts, text, entry, source=c))
            if time.monotonic() - last > batch_seconds:
                yield done, batch
                batch, last = [], time.monotonic()
    yield done, batch


def parse_many(
    jobs: list[tuple[str, bytes, str, bool]], workers: int | None = None
) -> list[Plan | None]:
    """`parse_candidate` for each (path, bytes, group, known place), on several processes
    when there are enough of them to pay for starting them."""
    with mapped(_parse_only, jobs, workers, chunksize=4) as results:
        return list(results)


def _parse_only(job: tuple[str, bytes, str, bool]) -> Plan | None:
    return parse_candidate(*job)


def iter_plans(root: Path, today: date, config: Config | None = None) -> Iterator[Plan]:
    """Yield plans one by one as they are read (the dashboard shows them as they come)."""
    config = config if config is not None else load_config(root)
    for _, plans in read_batches(candidates(root, config), today):
        yield from plans


def scan(
    root: Path,
    today: date,
    config: Config | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: ParseCache | None = None,
    workers: int | None = None,
    keep_json: KeepJson | None = None,
) -> Scan:
    """Read every plan under `root`; `keep_json` gives the `--json` text the cache keeps of
    each plan parsed. Raises ConfigError for a bad configuration."""
    config = config if config is not None else load_config(root)
    notes: list[str] = []
    found = candidates(root, config, notes)
    result = Scan(root=root, today=today, config=config, candidates=len(found), notes=notes)
    for done, got in read_found(found, cache, workers, keep_json=keep_json, notes=notes):
        result.found.extend(got)
        if progress is not None:
            progress(done, len(found))
    result.found.sort(key=lambda f: f.path)
    result.conflicts = conflicts([f.facts for f in result.found])
    if cache is not None:
        cache.save()
    return result


__all__ = ["Scan", "read_batches", "read_candidate", "scan"]
