"""Milestones named instead of numbered (issue 14): sibling headings that open with the same
milestone word and a name ("### MS Entwurf (Owner)", "### Milestone Beta", "### Jalon
Conception") are the plan's stages; a bold line with one date under one is the day it is
checked, and a review there whose outcome is written says it was held."""

from __future__ import annotations

from datetime import date

import pytest

from goaldash.model import Status
from tests.conftest import plan_of

# Three named milestones, each with its owner in parentheses, a bold dated review line and
# (for the first two) the outcome written after it; the third review is later, nothing yet.
NAMED = {
    "de": (
        "# Projekt\n\n"
        "### MS Entwurf (Anna Berg)\nSkizzen liegen vor.\n\n"
        "**Meilensteinsitzung am 03.02.2023**\nErgebnis: Entwurf angenommen.\n\n"
        "### MS Prototyp fertig (Jonas Keller)\nDer Prototyp läuft.\n\n"
        "**Abnahme am 17.03.23**\n\nAlles bestanden, kleine Nacharbeiten.\n\n"
        "### MS Auslieferung (Anna Berg)\nÜbergabe an den Kunden.\n\n"
        "**Meilensteinsitzung am 28.04.2023**\n",
        ["Entwurf", "Prototyp fertig", "Auslieferung"],
    ),
    "en": (
        "# Project\n\n"
        "### Milestone Alpha (Dana Reyes)\nFirst usable build.\n\n"
        "**Milestone review on 2024-03-12**\nOutcome: accepted with two follow-ups.\n\n"
        "### Milestone Beta (Sam Ortiz)\nFeature complete.\n\n"
        "**Sign-off meeting on 2024-04-09**\n\n- demo went well\n\n"
        "### Milestone Launch (Dana Reyes)\nPublic release.\n\n"
        "**Launch review on 2024-06-01**\n",
        ["Alpha", "Beta", "Launch"],
    ),
    "fr": (
        "# Projet\n\n"
        "### Jalon Conception (Léa Martin)\nMaquettes validées.\n\n"
        "**Revue du jalon le 2024-02-05**\nDécision : on passe au développement.\n\n"
        "### Jalon Développement (Hugo Petit)\nFonctions livrées.\n\n"
        "**Réunion de suivi le 2024-03-18**\nTout est conforme.\n\n"
        "### Jalon Recette (Léa Martin)\nTests utilisateurs.\n\n"
        "**Revue finale le 2024-05-02**\n",
        ["Conception", "Développement", "Recette"],
    ),
    "es": (
        "# Proyecto\n\n"
        "### Hito Diseño (Marta Gil)\nBocetos listos.\n\n"
        "**Revisión del hito el 2024-02-05**\nResultado: aprobado.\n\n"
        "### Hito Construcción (Pablo Ruiz)\nCódigo terminado.\n\n"
        "**Reunión de cierre el 2024-03-18**\nSin observaciones.\n\n"
        "### Hito Entrega (Marta Gil)\nEntrega al cliente.\n\n"
        "**Revisión final el 2024-05-02**\n",
        ["Diseño", "Construcción", "Entrega"],
    ),
    "ja": (
        "# プロジェクト\n\n"
        "### マイルストーン 設計 (田中)\n設計書を作成。\n\n"
        "**2024年2月5日 設計レビュー**\n結果：承認。\n\n"
        "### マイルストーン 実装 (佐藤)\n実装完了。\n\n"
        "**2024年3月18日 会議**\n問題なし。\n\n"
        "### マイルストーン リリース (田中)\n公開。\n\n"
        "**2024年5月2日 最終レビュー**\n",
        ["設計", "実装", "リリース"],
    ),
    "ru": (
        "# Проект\n\n"
        "### Веха Анализ (Иванов)\nТребования собраны.\n\n"
        "**Встреча по вехе 05.02.2024**\nИтог: требования утверждены.\n\n"
        "### Веха Разработка (Петров)\nКод готов.\n\n"
        "**Приёмка 18.03.2024**\nЗамечаний нет.\n\n"
        "### Веха Запуск (Иванов)\nВыпуск.\n\n"
        "**Совещание 02.05.2024**\n",
        ["Анализ", "Разработка", "Запуск"],
    ),
}


@pytest.mark.parametrize("lang", sorted(NAMED))
def test_named_milestones_are_the_stages_without_their_owners(lang: str) -> None:
    text, ids = NAMED[lang]
    plan = plan_of(text)
    assert [p.id for p in plan.phases] == ids
    assert [p.name for p in plan.phases] == ids
    assert {p.kind for p in plan.phases} == {"milestone"}


@pytest.mark.parametrize("lang", sorted(NAMED))
def test_a_held_review_is_done_and_a_later_one_not_yet(lang: str) -> None:
    plan = plan_of(NAMED[lang][0])
    assert [p.status for p in plan.phases] == [
        Status.DONE,
        Status.DONE,
        Status.NOT_STARTED,  # after the latest held review, and nothing written yet
    ]
    assert all(p.end is not None for p in plan.phases)  # each review line dates its milestone
    assert plan.status is Status.IN_PROGRESS


def test_the_review_lines_date_the_milestones() -> None:
    plan = plan_of(NAMED["de"][0])
    assert [p.end for p in plan.phases] == [date(2023, 2, 3), date(2023, 3, 17), date(2023, 4, 28)]
    plan = plan_of(NAMED["en"][0])
    assert [p.end for p in plan.phases] == [date(2024, 3, 12), date(2024, 4, 9), date(2024, 6, 1)]


@pytest.mark.parametrize("lang", sorted(NAMED))
def test_the_plan_is_done_when_every_review_is_held(lang: str) -> None:
    text = NAMED[lang][0] + "\nOK.\n"  # the last review's outcome written too
    plan = plan_of(text)
    assert [p.status for p in plan.phases] == [Status.DONE] * 3
    assert plan.status is Status.DONE


def test_a_review_word_read_through_a_typo() -> None:
    text = NAMED["de"][0].replace("**Abnahme am", "**Meilensteinsitzumg am")
    assert plan_of(text).phases[1].status is Status.DONE


def test_a_due_line_dates_a_milestone_but_never_makes_it_done() -> None:
    plan = plan_of(
        "# Plan\n\n### Milestone Alpha\nBuild.\n\n**Due 2024-05-01**\nStill to do: the docs.\n\n"
        "### Milestone Beta\nShip.\n\n**Target 2024-07-01**\n"
    )
    assert [(p.id, p.end, p.status) for p in plan.phases] == [
        ("Alpha", date(2024, 5, 1), Status.UNKNOWN),
        ("Beta", date(2024, 7, 1), Status.UNKNOWN),
    ]
    assert plan.status is not Status.DONE


def test_a_start_line_is_not_the_end() -> None:
    plan = plan_of(
        "# Plan\n\n### Milestone Alpha\n\n**Kickoff on 2024-01-08**\nWe began.\n\n"
        "### Milestone Beta\n\n**Review on 2024-03-01**\nPassed.\n"
    )
    assert [(p.id, p.end) for p in plan.phases] == [("Alpha", None), ("Beta", date(2024, 3, 1))]


def test_a_past_review_with_nothing_written_stays_unknown() -> None:
    plan = plan_of(
        "# Plan\n\n### Milestone Alpha\n\n**Review on 2024-03-01**\n\n"
        "### Milestone Beta\n\n**Review on 2024-05-01**\nPassed.\n"
    )
    assert [p.status for p in plan.phases] == [Status.UNKNOWN, Status.DONE]


def test_a_lone_named_heading_is_not_a_stage() -> None:
    plan = plan_of("# Setup\n\n### MS Teams\nInvite everyone.\n\n### Budget\n- [ ] approve\n")
    assert plan.phases == ()
    plan = plan_of("# Setup\n\n### MS Teams\nInvite.\n\n### Milestone Launch\nGo.\n")
    assert plan.phases == ()  # two milestone words, but not the same one


def test_the_abbreviation_only_as_written_and_labels_stay_labels() -> None:
    plan = plan_of("# Notes\n\n## ms Alpha\nx\n\n## ms Beta\ny\n")
    assert plan.phases == ()
    plan = plan_of("# App\n\n## Backend\n- [ ] api\n\n## Frontend\n- [ ] ui\n")
    assert plan.phases == ()


def test_numbered_phases_beside_named_milestones_win() -> None:
    plan = plan_of(
        "# Plan\n\n## Phase 1: Build\n- [x] code\n\n## Phase 2: Ship\n- [ ] release\n\n"
        "## Milestones\n\n### Milestone Alpha\n**Review on 2024-03-01**\nPassed.\n\n"
        "### Milestone Beta\nLater.\n"
    )
    assert [p.id for p in plan.phases] == ["1", "2"]
    plan = plan_of(
        "# Plan\n\n## M1 - Build\n- [x] code\n\n## M2 - Ship\n- [ ] release\n\n"
        "### Milestone Alpha\nx\n\n### Milestone Beta\ny\n"
    )
    assert [p.id for p in plan.phases] == ["M1", "M2"]
    plan = plan_of(
        "# Plan\n\n## Milestone Alpha\nx\n\n## Milestone Beta\ny\n\n"
        "## Etapa 1: Datos\n- [x] tabla\n\n## Etapa 2: Vista\n- [ ] pantalla\n"
    )
    assert [p.id for p in plan.phases] == ["1", "2"]  # siblings of the numbered ones, even


def test_a_heading_in_a_code_block_is_no_stage_and_hides_none() -> None:
    """A fenced sample ("## Phase 2" in a template shown as code) is text, not structure: the
    named milestones are still the stages."""
    text, ids = NAMED["en"]
    sample = "\nA stage is written like this:\n\n```markdown\n## Phase 2: Name\n- [ ] a task\n```\n"
    plan = plan_of(text + sample)
    assert [p.id for p in plan.phases] == ids
    plan = plan_of(text.replace("# Project\n", "# Project\n" + sample.replace("```", "~~~")))
    assert [p.id for p in plan.phases] == ids
