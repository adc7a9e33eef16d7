"""Standup mode: temporary git repositories with commits at set dates and authors."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from goaldash.cli import main
from goaldash.standup import (
    Standup,
    StandupError,
    previous_working_day,
    resolve_since,
    standup,
    to_dict,
)
from goaldash.standup.repo import author_env

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = """\
# Alpha plan

## Phase 1: Build

- [ ] write parser
- [ ] write tests
- [x] set up repo

## Phase 2: Ship

- [ ] release

## Blockers

- Waiting on API keys

## Timeline Adjustments

- 2026-11-10: Phase 1 moved a week - vendor late - Impact: +5 days
"""


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC, so set dates mean the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2026-11-01T09:00:00", who: str = "Alice") -> str:
        return subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=author_env(who, when),
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def commit(self, when: str, who: str = "Alice", message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, when=when, who=who)


P = "docs/plans/alpha-plan.md"
NOW = datetime.fromisoformat("2026-11-21T10:00:00+00:00")  # a Saturday


def one(st: Standup, path: str = P):  # type: ignore[no-untyped-def]
    found = [m for m in st.plans if m.path == path]
    assert found, f"{path} not in {[m.path for m in st.plans]}"
    return found[0]


def texts(changes) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.text for c in changes]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path / "repo")
    r.write(P, PLAN)
    r.write("README.md", "# Project\n")
    r.commit("2026-11-01T09:00:00")
    return r


# --------------------------------------------------------------------------- WHEN


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


# --------------------------------------------------------------------------- each kind


def test_each_kind_of_change_with_its_author_and_time(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.edit(P, "- [x] set up repo", "- [ ] set up repo")
    repo.commit("2026-11-20T14:02:00", who="Bob")
    repo.edit(P, "- [ ] write tests\n", "- [ ] write tests\n- [ ] write docs\n")
    repo.edit(P, "- [ ] release\n", "")
    repo.edit(P, "- Waiting on API keys", "- ~~Waiting on API keys~~\n- Legal review pending")
    repo.edit(P, "Impact: +5 days\n", "Impact: +5 days\n- 2026-11-20: Ship slips - QA - +3 days\n")
    repo.commit("2026-11-20T16:30:00", who="Carol")
    m = one(standup(repo.root, "yesterday", NOW))
    assert texts(m.ticked) == ["write parser"]
    assert (m.ticked[0].author, m.ticked[0].when) == (
        "Bob",
        datetime.fromisoformat("2026-11-20T14:02:00+00:00"),
    )
    assert m.ticked[0].line == 5
    assert texts(m.unticked) == ["set up repo"] and m.unticked[0].author == "Bob"
    assert texts(m.added) == ["write docs"] and m.added[0].author == "Carol"
    assert texts(m.removed) == ["release"] and m.removed[0].author == "Carol"
    assert texts(m.blockers_added) == ["Legal review pending"]
    assert texts(m.blockers_resolved) == ["Waiting on API keys"]
    assert m.blockers_resolved[0].author == "Carol"
    assert [c.text for c in m.adjustments_added] == ["2026-11-20: Ship slips"]
    assert m.created is None and m.completed is None and m.renamed_from is None


def test_phase_status_change_and_plan_completed(repo: Repo) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T10:00:00", who="Bob")
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.edit(P, "- [ ] write tests", "- [x] write tests")
    repo.commit("2026-11-20T11:00:00", who="Dan")
    m = one(standup(repo.root, "yesterday", NOW))
    changes = {c.phase: (c.before, c.after, c.author) for c in m.phase_changes}
    assert changes["1"] == ("in progress", "done", "Dan")
    assert changes["2"] == ("not started", "done", "Bob")
    assert m.completed is not None and m.completed.author == "Dan"


def test_a_status_table_row_changing(repo: Repo) -> None:
    repo.write(
        "docs/plans/beta-plan.md",
        "# Beta\n\n## Phase 1: Design\n\n## Phase 2: Build\n\n"
        "| Phase | Status |\n|---|---|\n| Phase 1 | In Progress |\n| Phase 2 | Not Started |\n",
    )
    repo.commit("2026-11-10T09:00:00")
    repo.edit("docs/plans/beta-plan.md", "| Phase 1 | In Progress |", "| Phase 1 | Complete |")
    repo.commit("2026-11-20T09:00:00", who="Erin")
    m = one(standup(repo.root, "yesterday", NOW), "docs/plans/beta-plan.md")
    assert [(c.phase, c.before, c.after, c.author) for c in m.phase_changes] == [
        ("1", "in progress", "done", "Erin")
    ]


def test_a_plan_created_in_the_span(repo: Repo) -> None:
    repo.write("docs/plans/new-plan.md", "# New\n\n- [ ] a\n- [x] b\n")
    repo.commit("2026-11-20T09:00:00", who="Fay")
    st = standup(repo.root, "yesterday", NOW)
    m = one(st, "docs/plans/new-plan.md")
    assert m.created is not None and m.created.author == "Fay"
    assert [x.path for x in st.plans] == ["docs/plans/new-plan.md"]  # alpha did not move


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


def test_ticked_then_unticked_in_the_span_is_no_change(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T09:00:00")
    repo.edit(P, "- [x] write parser", "- [ ] write parser")
    repo.commit("2026-11-20T10:00:00")
    assert standup(repo.root, "yesterday", NOW).plans == []


# --------------------------------------------------------------------------- identity


def test_moved_and_reordered_lines_are_not_removals(repo: Repo) -> None:
    text = (repo.root / P).read_text(encoding="utf-8")
    text = text.replace("- [ ] write parser\n- [ ] write tests\n", "- [ ] write tests\n")
    text = text.replace("- [x] set up repo\n", "- [x] set up repo\n- [x] write parser\n")
    # and "release" moves to phase 1 while staying open
    text = text.replace("- [ ] release\n", "").replace(
        "- [ ] write tests\n", "- [ ] write tests\n- [ ] release\n"
    )
    (repo.root / P).write_text(text, encoding="utf-8")
    repo.commit("2026-11-20T09:00:00", who="Gus")
    m = one(standup(repo.root, "yesterday", NOW))
    assert m.added == [] and m.removed == []
    assert texts(m.ticked) == ["write parser"] and m.ticked[0].author == "Gus"


def test_duplicate_item_texts_pair_in_order(repo: Repo) -> None:
    repo.write("docs/plans/dup-plan.md", "# D\n\n- [ ] check\n- [ ] check\n- [ ] other\n")
    repo.commit("2026-11-10T09:00:00")
    repo.edit("docs/plans/dup-plan.md", "- [ ] other\n", "- [ ] other\n- [ ] check\n")
    repo.edit("docs/plans/dup-plan.md", "- [ ] check\n", "- [x] check\n")
    repo.commit("2026-11-20T09:00:00")
    m = one(standup(repo.root, "yesterday", NOW), "docs/plans/dup-plan.md")
    assert [(c.text, c.line) for c in m.ticked] == [("check", 3)]
    assert [(c.text, c.line) for c in m.added] == [("check", 6)]


def test_a_renamed_plan_is_followed(repo: Repo) -> None:
    repo.git("mv", P, "docs/plans/renamed-plan.md")
    repo.commit("2026-11-20T09:00:00", who="Hal")
    new = "docs/plans/renamed-plan.md"
    repo.edit(new, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T10:00:00", who="Ida")
    st = standup(repo.root, "yesterday", NOW)
    m = one(st, new)
    assert m.renamed_from == P and m.created is None
    assert [(c.text, c.author) for c in m.ticked] == [("write parser", "Ida")]
    assert [x.path for x in st.plans] == [new]


def test_a_deleted_plan(repo: Repo) -> None:
    repo.git("rm", "-q", P)
    repo.commit("2026-11-20T09:00:00", who="Jo")
    m = one(standup(repo.root, "yesterday", NOW))
    assert m.deleted is not None and m.deleted.author == "Jo"


# --------------------------------------------------------------------------- the work tree


def test_uncommitted_changes(repo: Repo) -> None:
    repo.edit(P, "- [ ] write tests", "- [x] write tests")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    repo.edit(P, "- [ ] write parser", "- [x] write parser")  # not committed
    repo.write("docs/plans/draft-plan.md", "# Draft\n\n- [ ] idea\n")  # untracked
    st = standup(repo.root, "yesterday", NOW)
    m = one(st)
    assert {(c.text, c.author) for c in m.ticked} == {
        ("write tests", "Bob"),
        ("write parser", "uncommitted"),
    }
    draft = one(st, "docs/plans/draft-plan.md")
    assert draft.created is not None and draft.created.author == "uncommitted"


def test_uncommitted_changes_with_nothing_committed_in_the_span(repo: Repo) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    st = standup(repo.root, "today", NOW)
    assert st.commits == 0
    assert [(c.text, c.author) for c in one(st).ticked] == [("release", "uncommitted")]


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


def test_a_subfolder_of_the_repository(repo: Repo) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T09:00:00", who="Lu")
    st = standup(repo.root / "docs", "yesterday", NOW)
    assert [(m.path, texts(m.ticked)) for m in st.plans] == [("plans/alpha-plan.md", ["release"])]


# --------------------------------------------------------------------------- no history


def test_outside_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    with pytest.raises(StandupError, match="not in a git repository"):
        standup(tmp_path, "yesterday", NOW)
    assert main(["standup", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not in a git repository" in err and "Traceback" not in err


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


# --------------------------------------------------------------------------- output


def test_json_document(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T09:00:00", who="Bob")
    assert main(["standup", str(repo.root), "--today", "2026-11-21", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["since"] == "2026-11-20T00:00:00+00:00" and doc["until"].startswith("2026-11-21")
    (plan,) = doc["plans"]
    assert plan["path"] == P
    assert plan["ticked"] == [
        {
            "text": "release",
            "line": 11,
            "author": "Bob",
            "when": "2026-11-20T09:00:00+00:00",
            "phase": "2",
        }
    ]
    for key in (
        "unticked",
        "added",
        "removed",
        "blockers_added",
        "blockers_resolved",
        "adjustments_added",
        "phase_changes",
    ):
        assert key in plan
    assert doc == to_dict(standup(repo.root, "yesterday", NOW)) | {"until": doc["until"]}


def test_text_output_shows_file_text_literally(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(P, "- [ ] release", "- [x] release [/b] \x1b[31mred")
    repo.commit("2026-11-20T09:00:00", who="[bold]Eve")
    assert main(["standup", str(repo.root), "--today", "2026-11-21"]) == 0
    out = capsys.readouterr().out
    assert "1 commit" in out and "[bold]Eve" in out and "[/b]" in out
    assert "\x1b" not in out
    with pytest.raises(SystemExit) as usage:
        main(["standup", str(repo.root), "--since"])
    assert usage.value.code == 2
    assert main(["standup", str(repo.root / "nope")]) == 2


# --------------------------------------------------------------------------- the dashboard


async def test_standup_view_in_the_dashboard(repo: Repo) -> None:
    from tests.test_ui import loaded, make_app, rows_of, screen_text, until

    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T14:02:00", who="Bob")
    app = make_app(repo.root, watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("s")
        await until(pilot, lambda: any("ticked" in r for r in rows_of(app, "standup")), "rows")
        rows = rows_of(app, "standup")
        assert rows[0].startswith(P)
        assert "write parser" in rows[1] and "Bob" in rows[1] and "line 5" in rows[1]
        assert "1 commit" in screen_text(app)
        # [ and ]: the span; "today" saw nothing committed.
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: app.state.standup_span == "today", "the span to shorten")
        await until(pilot, lambda: "Nothing moved since" in screen_text(app), "an empty span")
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(
            pilot,
            lambda: app.state.standup_span == "3d" and not app.state.standup_busy,
            "the span to grow",
        )
        await until(pilot, lambda: any("Bob" in r for r in rows_of(app, "standup")), "rows")
        # An uncommitted edit shows up live.
        repo.edit(P, "- [ ] release", "- [x] release")
        await until(
            pilot,
            lambda: any("release" in r and "uncommitted" in r for r in rows_of(app, "standup")),
            "the uncommitted tick",
        )
        # Enter on a change opens the plan at its line.
        view = app.query_one("#standup-view")
        rows_w = view.rows  # type: ignore[attr-defined]
        index = next(i for i, r in enumerate(rows_of(app, "standup")) if "write parser" in r)
        rows_w.highlighted = index
        await pilot.press("enter")
        from goaldash.ui.plan_screen import PlanScreen

        await until(pilot, lambda: isinstance(app.screen, PlanScreen), "the plan screen")
        assert app.screen.path == P  # type: ignore[attr-defined]


async def test_standup_view_outside_git(tmp_path: Path) -> None:
    from tests.test_ui import loaded, make_app, screen_text, until

    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await loaded(pilot, app)
        await pilot.press("5")
        await until(pilot, lambda: "not in a git repository" in screen_text(app), "the message")
        assert app.is_running


def test_work_merged_from_a_branch_keeps_its_author(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "feature")
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T10:00:00", who="Bob")
    repo.git("checkout", "-q", "main")
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T11:00:00", who="Cy")
    repo.git(
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge feature",
        "feature",
        when="2026-11-20T12:00:00",
        who="Mia",
    )
    st = standup(repo.root, "yesterday", NOW)
    assert {(c.text, c.author) for c in one(st).ticked} == {
        ("write parser", "Bob"),
        ("release", "Cy"),
    }
    assert st.commits == 3
