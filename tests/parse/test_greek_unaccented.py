"""Greek written in capitals or without accents reads as Greek with them: capitals are written
without the tonos, so the vocabulary's Greek words match with or without their accents
(goaldash/parse/wordforms.py)."""

from __future__ import annotations

import pytest

from goaldash.parse.status import status_of
from goaldash.parse.tables import columns
from goaldash.parse.wordforms import escape, unaccented
from tests.conftest import plan_of

CAPITALS = """# ΣΧΕΔΙΟ ΥΛΟΠΟΙΗΣΗΣ

**Κατασταση:** Σε εξελιξη

## ΦΑΣΗ 1: ΑΝΑΛΥΣΗ (ΟΛΟΚΛΗΡΩΘΗΚΕ)

- [x] Συνεντευξεις

## ΦΑΣΗ 2: ΥΛΟΠΟΙΗΣΗ

**ΚΑΤΑΣΤΑΣΗ:** ΣΕ ΕΞΕΛΙΞΗ

- [x] Backend
- [ ] Frontend

## Φαση 3: Δοκιμες

**Κατασταση:** Δεν εχει ξεκινησει

## ΟΡΟΣΗΜΟ 4: Παραδοση

## ΕΜΠΟΔΙΑ

- Αναμονη εγκρισης
"""


def test_a_plan_in_capitals_and_without_accents() -> None:
    plan = plan_of(CAPITALS)
    assert plan.declared_status == "Σε εξελιξη"
    assert [(p.id, p.name, p.status.value) for p in plan.phases] == [
        ("1", "ΑΝΑΛΥΣΗ", "done"),
        ("2", "ΥΛΟΠΟΙΗΣΗ", "in_progress"),
        ("3", "Δοκιμες", "not_started"),
        ("M4", "Παραδοση", "not_started"),
    ]
    assert [(b.text, b.resolved) for b in plan.blockers] == [("Αναμονη εγκρισης", False)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("ΟΛΟΚΛΗΡΩΘΗΚΕ", "done"),
        ("Ολοκληρωθηκε", "done"),
        ("ολοκληρώθηκε", "done"),
        ("ΜΠΛΟΚΑΡΙΣΜΕΝΟ", "blocked"),
        ("ΑΚΥΡΩΘΗΚΕ", "cancelled"),
    ],
)
def test_status_words_without_accents(text: str, want: str) -> None:
    status = status_of(text)
    assert status is not None and status.value == want


def test_a_table_header_in_capitals() -> None:
    assert columns(["ΦΑΣΗ", "ΚΑΤΑΣΤΑΣΗ"]) == {"phase": 0, "status": 1}


def test_other_scripts_are_escaped_as_before() -> None:
    assert escape("à faire") == r"à\ faire"
    assert unaccented("Étape élevée") == "Étape élevée"
    assert unaccented("Κατάσταση ΐ") == "Κατασταση ι"
