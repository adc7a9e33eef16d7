"""A stage's number written as a word, as an ordinal before the stage word, or as a Roman
numeral, and the stage words of more languages (goaldash/parse/phases.py `_spelled`,
words.NUMBER_WORDS, words.ORDINAL_SUFFIX, words.MORE_LANGUAGES)."""

from __future__ import annotations

import pytest

from tests.conftest import plan_of


def read(first: str, second: str) -> list[tuple[str, str]]:
    """The phases of a plan of two headings, two items under the first and one under the
    second; each item owned by its heading's phase."""
    plan = plan_of(f"# Plan\n\n## {first}\n\n- [x] a\n- [x] b\n\n## {second}\n\n- [ ] c\n")
    got = [(p.id, p.status.value) for p in plan.phases]
    if len(got) == 2:
        assert [i.phase for i in plan.items] == [got[0][0], got[0][0], got[1][0]]
    return got


TWO = [("1", "done"), ("2", "not_started")]
MILESTONES = [("M1", "done"), ("M2", "not_started")]

SPELLED = {
    # The number as a word after the stage word.
    "en": ("Phase One: Discovery", "Phase Two: Build", TWO),
    "de": ("Phase Eins: Konzept", "Phase Zwei – Umsetzung", TWO),
    "es": ("Fase uno: Análisis", "Fase dos: Diseño", TWO),
    "fr": ("Jalon un : Maquette", "Jalon deux : Bêta", MILESTONES),
    "it": ("Fase uno: Analisi", "Fase due: Progettazione", TWO),
    "ar": ("المرحلة الأولى: التخطيط", "المرحلة الثانية: التنفيذ", TWO),
    "ru": ("Этап первый: Анализ", "Этап второй: Дизайн", TWO),
    # An ordinal before it: a word, or a number and the language's ordinal mark.
    "en-word": ("First Phase: Discovery", "Second Phase (Build)", TWO),
    "en-suffix": ("1st Milestone: Alpha", "2nd Milestone: Beta", MILESTONES),
    "de-dot": ("1. Phase: Konzeption", "2. Phase: Umsetzung", TWO),
    "de-word": ("Erste Phase: Konzeption", "Zweite Phase: Umsetzung", TWO),
    "tr-dot": ("1. Aşama: Hazırlık", "2. Aşama: Geliştirme", TWO),
    "tr-word": ("Birinci Aşama: Hazırlık", "İkinci Aşama: Geliştirme", TWO),
    "es-mark": ("1ª Fase: Análisis", "2ª Fase: Diseño", TWO),
    "es-word": ("Primera fase: Análisis", "Segunda fase: Diseño", TWO),
    "pt-mark": ("1º Marco - Protótipo", "2º Marco - Beta", MILESTONES),
    "fr-mark": ("1re étape : Analyse", "2e étape : Conception", TWO),
    "fr-word": ("Première étape : Analyse", "Deuxième étape : Conception", TWO),
    "it-word": ("Prima fase: Analisi", "Seconda fase: Progettazione", TWO),
    "ru-word": ("Первый этап: Анализ", "Второй этап: Дизайн", TWO),
    "pl-dot": ("1. Etap: Analiza", "2. Etap: Projekt", TWO),
}


@pytest.mark.parametrize("key", sorted(SPELLED))
def test_a_number_spelled_or_an_ordinal_before_the_word(key: str) -> None:
    first, second, want = SPELLED[key]
    assert read(first, second) == want


def test_roman_numerals_are_ids_as_written() -> None:
    assert read("Phase I: Discovery", "Phase II: Build") == [("I", "done"), ("II", "not_started")]
    assert read("Stage III — Launch", "Stage IV — Scale") == [
        ("III", "done"),
        ("IV", "not_started"),
    ]
    assert read("Phase IX: Audit", "Phase XIV: Wrap-up") == [("IX", "done"), ("XIV", "not_started")]


MORE = {
    "pl": ("Etap 1: Analiza", "Etap 2: Projekt", TWO),
    "pl-ms": ("Kamień milowy 1: Prototyp", "Kamień milowy 2: Beta", MILESTONES),
    "nl": ("Fase 1: Analyse", "Fase 2: Ontwerp", TWO),
    "nl-ms": ("Mijlpaal 1: Prototype", "Mijlpaal 2: Bèta", MILESTONES),
    "sv": ("Fas 1: Analys", "Fas 2: Design", TWO),
    "sv-ms": ("Milstolpe 1: Prototyp", "Milstolpe 2: Beta", MILESTONES),
    "da": ("Milepæl 1: Prototype", "Milepæl 2: Beta", MILESTONES),
    "cs": ("Fáze 1: Analýza", "Fáze 2: Návrh", TWO),
    "uk": ("Етап 1: Аналіз", "Етап 2: Дизайн", TWO),
    "id": ("Tahap 1: Analisis", "Tahap 2: Desain", TWO),
    "hi": ("चरण 1: विश्लेषण", "चरण 2: डिज़ाइन", TWO),
    "fa": ("فاز ۱: تحلیل", "فاز ۲: طراحی", TWO),
    "he": ("שלב 1: ניתוח", "שלב 2: עיצוב", TWO),
    "el": ("Φάση 1: Ανάλυση", "Φάση 2: Σχεδιασμός", TWO),
}


@pytest.mark.parametrize("key", sorted(MORE))
def test_stage_words_of_more_languages(key: str) -> None:
    first, second, want = MORE[key]
    assert read(first, second) == want


@pytest.mark.parametrize(
    "heading",
    [
        "First milestone reached",  # a sentence, not a stage and its name
        "1st Phase Results",
        "2. Milestones",  # a numbered section about milestones
        "Phase one-pager",
        "The second phase: what changes",  # prose before the ordinal
        "Phase VIP: lounge",  # not a Roman numeral
        "Phase Onboarding: accounts",  # a word that starts like a number
    ],
)
def test_what_only_looks_like_a_spelled_id_is_no_stage(heading: str) -> None:
    plan = plan_of(f"# Plan\n\n## {heading}\n\n- [x] a\n\n## Notes\n\n- [ ] b\n")
    assert plan.phases == () or [p.id for p in plan.phases] == []


def test_an_id_written_after_the_word_wins_over_list_numbering() -> None:
    # "1." numbers the list of headings; the stage's own id comes after its word.
    assert read("1. Phase 3: Data", "2. Phase 4: UI") == [("3", "done"), ("4", "not_started")]
