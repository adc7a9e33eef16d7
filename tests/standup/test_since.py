"""Standup's WHEN: the words, the Monday rule, the span's edge, a revision, a shallow clone,
no history yet (goaldash.standup.since)."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from goaldash.cli import main
from goaldash.standup import StandupError, previous_working_day, resolve_since, standup
from tests.standup.gitrepo import NOW, PLAN, P, Repo, needs_git, one, texts

pytestmark = needs_git


def test_the_monday_rule() -> None:
    assert previous_working_day(date(2026, 11, 23)) == date(2026, 11, 20)  # Mon -> Fri
    assert previous_working_day(date(2026, 11, 24)) == date(2026, 11, 23)  # Tue -> Mon
    assert previous_working_day(date(2026, 11, 22)) == date(2026, 11, 20)  # Sun -> Fri
    assert previous_working_day(date(2026, 11, 21)) == date(2026, 11, 20)  # Sat -> Fri


def test_when_words() -> None:
    now = datetime.fromisoformat("2026-11-23T09:30:00+00:00")
    assert resolve_since("yesterday", now).start == datetime.fromisoformat(
        "2026-11-20T00:00:00+00:00"
    )
    assert resolve_since("3d", now).start == datetime.fromisoformat("2026-11-20T00:00:00+00:00")
    assert resolve_since("2w", now).start == datetime.fromisoformat("2026-11-09T00:00:00+00:00")
    assert resolve_since("2026-11-01", now).start == datetime.fromisoformat(
        "2026-11-01T00:00:00+00:00"
    )
    assert resolve_since("v1.2", now).rev == "v1.2"
    with pytest.raises(StandupError, match="not a date"):
        resolve_since("2026-13-01", now)


def test_changes_before_the_span_are_not_shown(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-19T17:00:00", who="Bob")  # Thursday
    st = standup(repo.root, "yesterday", NOW)
    assert st.plans == [] and st.commits == 0
    wider = one(standup(repo.root, "3d", NOW))
    assert texts(wider.ticked) == ["write parser"]


def test_monday_looks_back_to_friday(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-19T17:00:00", who="Thu")
    repo.edit(P, "- [ ] write tests", "- [x] write tests")
    repo.commit("2026-11-20T17:00:00", who="Fri")
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-22T12:00:00", who="Sun")
    monday = datetime.fromisoformat("2026-11-23T09:00:00+00:00")
    st = standup(repo.root, "yesterday", monday)
    assert st.since == datetime.fromisoformat("2026-11-20T00:00:00+00:00")
    m = one(st)
    assert {(c.text, c.author) for c in m.ticked} == {("write tests", "Fri"), ("release", "Sun")}


def test_since_a_revision(repo: Repo) -> None:
    repo.git("tag", "v1")
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-02T09:00:00", who="Kim")
    st = standup(repo.root, "v1", NOW)
    assert st.commits == 1 and texts(one(st).ticked) == ["release"]
    with pytest.raises(StandupError, match="not yesterday, today, a date"):
        standup(repo.root, "no-such-tag", NOW)
    assert main(["standup", str(repo.root), "--since", "no-such-tag"]) == 2
    assert main(["standup", str(repo.root), "--since", "2026-02-30"]) == 2


def test_a_shallow_clone_that_does_not_reach_the_moment(repo: Repo, tmp_path: Path) -> None:
    for day in (18, 19, 20):
        repo.edit(P, "Impact: +5 days\n", f"Impact: +5 days\n- note {day}\n")
        repo.commit(f"2026-11-{day}T09:00:00", who=f"D{day}")
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-21T08:00:00", who="Sat")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True
    )
    (clone / P).write_text(
        (clone / P).read_text(encoding="utf-8").replace("- [ ] write parser", "- [x] write parser"),
        encoding="utf-8",
    )
    st = standup(clone, "7d", NOW)
    assert st.notes and "shallow clone" in st.notes[0] and "uncommitted changes" in st.notes[0]
    ticked = {(c.text, c.author) for c in one(st).ticked}
    assert ticked == {("release", "Sat"), ("write parser", "uncommitted")}
    # A shallow clone that does reach the moment needs no note.
    assert standup(clone, "today", NOW).notes == []


def test_no_commits_yet(tmp_path: Path) -> None:
    r = Repo(tmp_path / "fresh")
    r.write(P, PLAN)
    st = standup(r.root, "yesterday", NOW)
    assert st.notes and "no commits yet" in st.notes[0]
    assert one(st).created is not None
