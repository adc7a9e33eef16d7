"""What moved between two versions of a plan: each kind of change, phases, a plan created,
items matched by identity (goaldash.standup.diff)."""

from __future__ import annotations

from datetime import datetime

from goaldash.standup import standup
from tests.standup.gitrepo import NOW, P, Repo, needs_git, one, texts

pytestmark = needs_git


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


def test_ticked_then_unticked_in_the_span_is_no_change(repo: Repo) -> None:
    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T09:00:00")
    repo.edit(P, "- [x] write parser", "- [ ] write parser")
    repo.commit("2026-11-20T10:00:00")
    assert standup(repo.root, "yesterday", NOW).plans == []


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
