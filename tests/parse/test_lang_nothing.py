""" "No blockers" as plans in other languages usually say it: with a "now" before it ("Şu an
engel yok", "現時点ではなし"), as a verb ("Δεν υπάρχουν εμπόδια", "Engel bulunmamaktadır"), "not
yet any" ("Chưa có") or "nothing to note" ("특이사항 없음"); none is an open blocker
(words.NOTHING, NO, CURRENTLY; parse/sections.py `is_nothing`)."""

from __future__ import annotations

import pytest

from goaldash.parse.sections import is_nothing
from tests.conftest import plan_of

NOTHING = {
    "tr": ("Engeller", "Şu an engel yok"),
    "tr-verb": ("Engeller", "Engel bulunmamaktadır"),
    "ko": ("차단 요소", "특이사항 없음"),
    "vi": ("Vướng mắc", "Chưa có"),
    "vi-noun": ("Vướng mắc", "Chưa có vướng mắc"),
    "ja": ("ブロッカー", "現時点ではなし"),
    "ja-polite": ("ブロッカー", "特にありません"),
    "el": ("Εμπόδια", "Δεν υπάρχουν εμπόδια"),
    "el-bare": ("ΕΜΠΟΔΙΑ", "Δεν υπαρχουν εμποδια"),
}


@pytest.mark.parametrize("lang", sorted(NOTHING))
def test_no_blockers_said_the_usual_way(lang: str) -> None:
    heading, entry = NOTHING[lang]
    plan = plan_of(f"# Plan\n\n## Phase 1: A\n\n- [ ] a\n\n## {heading}\n\n- {entry}\n")
    assert not plan.blockers


@pytest.mark.parametrize(
    "entry",
    ["Chưa có API key", "Şu an sunucu yok", "Δεν υπάρχει πρόσβαση στο API", "Keine Testdaten"],
)
def test_a_thing_missing_is_still_a_blocker(entry: str) -> None:
    assert not is_nothing(entry)
