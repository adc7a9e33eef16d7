"""The core of live updates: which events matter, re-reading, and a tick shown at once."""

from __future__ import annotations

from pathlib import Path

from pytest import MonkeyPatch

from goaldash.config import Config
from goaldash.edit import set_item_state
from goaldash.parse import fingerprint
from goaldash.watch import ADDED, DELETED, relevant, reread, ticked_plan

from .conftest import TODAY, plan_of

PLAN = "# P\n\n## Phase 1: A\n\n- [ ] one\n- [x] two\n\n## Phase 2: B\n\n- [ ] three\n"


def test_relevant_keeps_markdown_and_config_only(tmp_path: Path) -> None:
    ok = relevant(tmp_path)
    assert ok(None, str(tmp_path / "docs" / "plan.md"))
    assert ok(None, str(tmp_path / ".goaldash.toml"))
    assert not ok(None, str(tmp_path / "src" / "main.py"))
    assert not ok(None, str(tmp_path / ".git" / "x.md"))
    assert not ok(None, str(tmp_path / "node_modules" / "a" / "README.md"))
    assert not ok(None, str(tmp_path / "docs" / ".plan.md.swp"))
    assert not ok(None, "/elsewhere/plan.md")


def test_a_folder_just_made_is_looked_into(tmp_path: Path) -> None:
    """A folder made and filled at once may be filled before the watcher watches it: its
    creation is an event that matters, and a re-read of it reads the plans in it."""
    ok = relevant(tmp_path)
    assert ok(ADDED, str(tmp_path / "docs" / "plans"))
    assert not ok(ADDED + 1, str(tmp_path / "docs" / "plans"))  # modified: its files say
    assert ok(ADDED, str(tmp_path / ".goalkit"))  # a folder with a dot: made all at once
    assert ok(DELETED, str(tmp_path / "specs" / "001-v1.2-api"))
    assert not ok(ADDED, str(tmp_path / "node_modules"))
    assert not ok(ADDED, str(tmp_path / "node_modules" / "a"))
    plans = tmp_path / "docs" / "plans"
    (plans / "deeper").mkdir(parents=True)
    (plans / "again-plan.md").write_text(PLAN)
    (plans / "deeper" / "more-plan.md").write_text(PLAN)
    (plans / "notes.txt").write_text("not markdown")
    out = reread(tmp_path, ["docs/plans"], Config(), TODAY, lambda _rel: False)
    assert [p.path for p in out.plans] == [
        "docs/plans/again-plan.md",
        "docs/plans/deeper/more-plan.md",
    ]
    assert not out.removed and not out.rescan


def test_a_folder_renamed_away_takes_its_plans_along(tmp_path: Path) -> None:
    """A folder renamed comes as its old name deleted and its new name added (its files'
    own events may never come): the plans under the old name go, those under the new come,
    and nothing is counted twice."""
    (tmp_path / "specs" / "001-y").mkdir(parents=True)
    (tmp_path / "specs" / "001-y" / "tasks.md").write_text(PLAN)
    shown = {"specs/001-x/tasks.md", "specs/001-x/plan.md", "docs/other-plan.md"}
    out = reread(
        tmp_path, ["specs/001-x", "specs/001-y"], Config(), TODAY, shown.__contains__, shown
    )
    assert [p.path for p in out.plans] == ["specs/001-y/tasks.md"]
    assert sorted(out.removed) == ["specs/001-x/plan.md", "specs/001-x/tasks.md"]


def test_reread_trusts_a_fresh_stat(tmp_path: Path) -> None:
    plans = tmp_path / "docs" / "plans"
    plans.mkdir(parents=True)
    (plans / "a-plan.md").write_text(PLAN)
    known = {"docs/plans/a-plan.md", "docs/plans/gone-plan.md", "notes.md"}
    (tmp_path / "notes.md").write_text("# Notes\n\nprose, no longer a plan\n")
    out = reread(
        tmp_path,
        ["docs/plans/a-plan.md", "docs/plans/gone-plan.md", "notes.md", ".goaldash.toml"],
        Config(),
        TODAY,
        known.__contains__,
    )
    assert [p.path for p in out.plans] == ["docs/plans/a-plan.md", "notes.md"]
    assert out.removed == ["docs/plans/gone-plan.md"]
    assert out.rescan


def test_ticked_plan_counts_like_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes(PLAN.encode())
    plan = plan_of(PLAN, path="plan.md")
    result = set_item_state(
        path,
        5,
        None,
        expect_text="one",
        expect_fingerprint=plan.fingerprint,
        known_items=plan.items,
    )
    shown = ticked_plan(plan, result.line, result.new_mark, result.fingerprint)
    parsed = plan_of(path.read_bytes(), path="plan.md")
    assert shown.items == parsed.items
    assert shown.progress == parsed.progress
    assert [p.progress for p in shown.phases] == [p.progress for p in parsed.phases]
    assert shown.fingerprint == fingerprint(path.read_bytes()) == parsed.fingerprint


def test_known_items_are_used_only_for_the_bytes_they_came_from(tmp_path: Path) -> None:
    """Items from other bytes (the file changed since) are ignored: the file is parsed."""
    path = tmp_path / "plan.md"
    old = PLAN.replace("- [ ] one\n", "- [ ] one\n- [ ] extra\n")
    stale = plan_of(old, path="plan.md")
    path.write_bytes(PLAN.encode())
    result = set_item_state(
        path,
        7,
        None,
        expect_text="two",
        expect_fingerprint=stale.fingerprint,
        known_items=stale.items,
    )
    assert result.moved and result.line == 6 and result.text == "two"
    assert path.read_bytes() == PLAN.replace("- [x] two", "- [ ] two").encode()


def test_many_plans_deleted_at_once_wait_once(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    """Vanished plans get one shared grace period to come back (vim), not one each: with 300
    plans deleted, reread sleeps about as often as for one (it hung minutes before)."""
    from goaldash import watch

    naps: list[float] = []
    real_sleep = watch.time.sleep

    def counted(seconds: float) -> None:
        naps.append(seconds)
        real_sleep(seconds)

    monkeypatch.setattr(watch.time, "sleep", counted)
    gone = [f"docs/plans/p{i}-plan.md" for i in range(300)]
    out = reread(tmp_path, gone, Config(), TODAY, lambda rel: True)
    assert out.removed == sorted(gone) and out.plans == []
    assert sum(naps) <= watch.VANISH_SECONDS + 0.05


def test_a_plan_back_within_the_grace_period_is_read(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    """vim's save: the file is renamed away and written anew; a look in between finds nothing.
    The file comes back during reread's first nap (no timing involved)."""
    from goaldash import watch

    plan = tmp_path / "docs" / "plans" / "a-plan.md"
    plan.parent.mkdir(parents=True)
    monkeypatch.setattr(watch.time, "sleep", lambda _s: plan.exists() or plan.write_text(PLAN))
    out = reread(tmp_path, ["docs/plans/a-plan.md"], Config(), TODAY, lambda rel: True)
    assert [p.path for p in out.plans] == ["docs/plans/a-plan.md"] and out.removed == []
