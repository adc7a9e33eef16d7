"""A blockers section saying there is nothing, and an entry marked resolved, in the twelve
languages of `words.MORE_LANGUAGES` (words.NOTHING, NO, RESOLVED, ISSUES)."""

from __future__ import annotations

import pytest

from goaldash.parse.words import MORE_LANGUAGES
from tests.conftest import plan_of
from tests.parse.test_more_languages import LANGS

NONE = {
    # A whole entry saying nothing; "no" and the blocker word; an entry marked resolved.
    "pl": ("Brak", "Brak blokerów", "Rozwiązany: dostęp do VPN"),
    "nl": ("Geen", "Geen blokkades", "Opgelost: VPN-toegang"),
    "sv": ("Inga", "Inga hinder", "Löst: VPN-åtkomst"),
    "da": ("Ingen", "Ingen blokeringer", "Løst: VPN-adgang"),
    "no": ("Ingen", "Ingen hindringer", "Løst: VPN-tilgang"),
    "cs": ("Žádné", "Žádné překážky", "Vyřešeno: přístup k VPN"),
    "uk": ("Немає", "Немає блокерів", "Вирішено: доступ до VPN"),
    "id": ("Tidak ada", "Tidak ada hambatan", "Diperbaiki: akses VPN"),
    "hi": ("कोई नहीं", "कोई नहीं", "हल: VPN पहुँच"),
    "fa": ("هیچ", "بدون مانع", "حل شد: دسترسی VPN"),
    "he": ("אין", "אין חסמים", "נפתר: גישה ל-VPN"),
    "el": ("Κανένα", "Κανένα εμπόδιο", "Επιλύθηκε: πρόσβαση VPN"),
}


def test_every_language_has_its_none_lines() -> None:
    assert sorted(NONE) == sorted(MORE_LANGUAGES)


@pytest.mark.parametrize("code", sorted(NONE))
def test_nothing_is_no_blocker_and_a_resolved_entry_is_resolved(code: str) -> None:
    heading = LANGS[code].blockers[0]
    alone, no_blockers, resolved = NONE[code]
    for line in (alone, no_blockers):
        assert plan_of(f"# Plan\n\n{heading}\n\n- {line}\n").blockers == (), line
    got = [b.resolved for b in plan_of(f"# Plan\n\n{heading}\n\n- {resolved}\n").blockers]
    assert got == [True]
