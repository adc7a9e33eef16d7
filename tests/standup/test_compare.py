"""standup() over a repository: renamed and deleted plans, a subfolder, no repository at all
(goaldash.standup.compare)."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaldash.cli import main
from goaldash.standup import StandupError, standup
from tests.standup.gitrepo import NOW, PLAN, P, Repo, needs_git, one, texts

pytestmark = needs_git


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


def test_a_subfolder_of_the_repository(repo: Repo) -> None:
    repo.edit(P, "- [ ] release", "- [x] release")
    repo.commit("2026-11-20T09:00:00", who="Lu")
    st = standup(repo.root / "docs", "yesterday", NOW)
    assert [(m.path, texts(m.ticked)) for m in st.plans] == [("plans/alpha-plan.md", ["release"])]


def test_outside_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    with pytest.raises(StandupError, match="not in a git repository"):
        standup(tmp_path, "yesterday", NOW)
    assert main(["standup", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not in a git repository" in err and "Traceback" not in err


def test_a_cache_whose_items_do_not_decode_is_not_believed(repo: Repo, tmp_path: Path) -> None:
    """A cache entry whose plan decodes but whose items do not (its digest checks out: a bug
    of ours, or a file planted in the cache) gives the standup the items the file gives, not
    none: every tick is still reported."""
    from dataclasses import replace

    from goaldash import cachefile
    from goaldash.cache import ParseCache
    from tests.test_cache import cache_file
    from tests.test_codec import blob_data, data_blob

    repo.edit(P, "- [ ] write parser", "- [x] write parser")
    repo.commit("2026-11-20T09:00:00", who="Kim")
    folder = tmp_path / "cache"
    want = standup(repo.root, "yesterday", NOW, cache=ParseCache.for_root(repo.root, folder))
    assert [(c.text, c.author) for c in one(want).ticked] == [("write parser", "Kim")]
    entries = ParseCache.for_root(repo.root, folder).entries
    data = blob_data(entries[P].blob)
    data[12][2][0] = "half"  # an item state that is none
    entries[P] = replace(entries[P], blob=data_blob(data))
    cache_file(repo.root, folder).write_bytes(cachefile._encode(entries))
    got = standup(repo.root, "yesterday", NOW, cache=ParseCache.for_root(repo.root, folder))
    assert [(c.text, c.author) for c in one(got).ticked] == [("write parser", "Kim")]
