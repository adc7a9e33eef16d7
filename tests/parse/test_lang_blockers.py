"""Blockers and placeholders in many languages (issue 14): "none" lines are no blocker, struck
or resolved entries are resolved, blocker tables and localized headings are read; tags are not
placeholders, slots are, and a plan with ticked items is never a template. English and at
least two other languages for each shape."""

from __future__ import annotations

import pytest

from tests.conftest import plan_of


def blockers(text: str) -> list[tuple[str, bool]]:
    return [(b.text, b.resolved) for b in plan_of(text).blockers]


# Each plan: a blockers heading of its language, a "none" entry, a struck entry, a resolved
# one and one still open.
BLOCKERS = {
    "en": ("## Current Blockers", "None at the moment", "~~Waiting on the legal review~~",
           "RESOLVED: staging certificate expired", "No API key for the payment sandbox"),
    "it": ("## Blocchi attuali", "Nessuno per ora", "~~In attesa della revisione legale~~",
           "Certificato di staging scaduto (risolto)", "Manca la chiave API della sandbox"),
    "vi": ("## Vướng mắc hiện tại", "Không có", "~~Chờ bộ phận pháp lý duyệt~~",
           "Chứng chỉ staging hết hạn (đã giải quyết)", "Chưa có khóa API cho môi trường thử"),
    "ja": ("## ブロッカー", "特になし", "~~法務レビュー待ち~~",
           "ステージング証明書の期限切れ（解決済み）", "決済サンドボックスのAPIキーがない"),
    "ko": ("## 블로커", "없음", "~~법무 검토 대기~~",
           "스테이징 인증서 만료 (해결됨)", "결제 샌드박스 API 키 없음"),
    "fr": ("## Points bloquants", "Aucun pour l'instant", "~~En attente de la revue juridique~~",
           "Certificat de préproduction expiré — résolu", "Pas de clé API pour le bac à sable"),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(BLOCKERS))
def test_a_blockers_section(lang: str) -> None:
    heading, none, struck, resolved, open_one = BLOCKERS[lang]
    text = (
        f"# Plan\n\n## Phase 1: Build\n\n- [ ] a\n\n{heading}\n\n"
        f"- {none}\n- {struck}\n- {resolved}\n- {open_one}\n"
    )
    assert blockers(text) == [
        (struck.strip("~"), True),
        (resolved, True),
        (open_one, False),
    ]


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("Blockers", "⚠️ **NONE** - nothing blocked"),
        ("Bloqueos", "⚠️ **NINGUNO** - nada bloqueado"),
        ("Blocker", "⚠️ **KEINE** - nichts blockiert"),
        ("Блокеры", "⚠️ **НЕТ** — ничего не блокирует"),
        ("Engeller", "⚠️ **YOK** - engel yok"),
    ],
)
def test_a_none_line_under_a_bold_label(label: str, text: str) -> None:
    assert blockers(f"# Plan\n\n**{label}:**\n\n- {text}\n") == []


# Risk tables with a status column, named in the language: risks, not blockers (a risk may
# come to block the work; it does not block it yet), whatever their status says.
RISK_TABLES = {
    "en": ("## Risks & Blockers", "| Risk | Owner | Status |", "Open", "Mitigated"),
    "pt": ("## Riscos", "| Risco | Responsável | Status |", "Em andamento", "Resolvido"),
    "tr": ("## Riskler", "| Risk | Sorumlu | Durum |", "Devam ediyor", "Çözüldü"),
    "ru": ("## Риски", "| Риск | Ответственный | Статус |", "В работе", "Решено"),
}


@pytest.mark.parametrize("lang", sorted(RISK_TABLES))
def test_a_risk_table_with_a_status_column_is_not_blockers(lang: str) -> None:
    heading, header, open_word, done_word = RISK_TABLES[lang]
    text = (
        f"# Plan\n\n{heading}\n\n{header}\n|---|---|---|\n"
        f"| Vendor API down | Ana | {open_word} |\n| Flaky CI | Ben | {done_word} |\n"
    )
    assert blockers(text) == []


# Tags are not placeholders; a slot standing alone is.
TAGS = {
    "en": ("- [x] T001 [P] [Backend] Add the login route\n- [ ] T002 [Draft] Write the guide\n",
           "**Owner:** [NAME]\n"),
    "pt": ("- [x] T001 [P] [Backend] Criar a rota de login\n- [ ] T002 [Rascunho] Escrever o guia\n",
           "**Responsável:** [NOME]\n"),
    "de": ("- [x] T001 [P] [Backend] Login-Route anlegen\n- [ ] T002 [Entwurf] Anleitung schreiben\n",
           "**Verantwortlich:** [NAME]\n"),
    "ja": ("- [x] T001 [P] [バックエンド] ログイン処理を追加\n- [ ] T002 [下書き] ガイドを書く\n",
           "**担当:** [氏名]\n"),
    "ar": ("- [x] T001 [P] [الخلفية] إضافة مسار تسجيل الدخول\n- [ ] T002 [مسودة] كتابة الدليل\n",
           "**المسؤول:** [الاسم]\n"),
}  # fmt: skip


LEGEND = "## Format: `[ID] [P?] [Story] Description`\n\n"


@pytest.mark.parametrize("lang", sorted(TAGS))
def test_tags_and_the_legend_are_not_placeholders(lang: str) -> None:
    items, _ = TAGS[lang]
    plan = plan_of(f"# Plan\n\n{LEGEND}## Phase 1: Setup\n\n{items}")
    assert (plan.placeholders, plan.template) == (0, False)
    assert [w for w in plan.warnings if w.kind in ("placeholder", "template")] == []


NON_LATIN = pytest.mark.xfail(
    strict=True, reason="placeholders.py takes only a bracket with Latin letters for a slot"
)


@pytest.mark.parametrize("lang", sorted(TAGS))
def test_a_slot_standing_alone_is_a_placeholder_at_its_line(lang: str) -> None:
    items, slot = TAGS[lang]
    plan = plan_of(f"# Plan\n\n{slot}\n{LEGEND}## Phase 1: Setup\n\n{items}")
    assert plan.placeholders == 1
    assert [w.line for w in plan.warnings if w.kind == "placeholder"] == [3]
    assert plan.template is False


@pytest.mark.parametrize(
    ("title", "slot"),
    [
        ("# [Feature] Implementation Plan", "[Task description]"),
        ("# [Funcionalidad] Plan de implementación", "[Descripción de la tarea]"),
        pytest.param("# [機能名] 実装計画", "[タスクの説明]", marks=NON_LATIN),
        ("# [Fonctionnalité] Plan de mise en œuvre", "[Description de la tâche]"),
    ],
)
def test_a_plan_with_ticked_items_is_never_a_template(title: str, slot: str) -> None:
    ticked = "".join(f"- [x] Step {n} {slot}\n" for n in range(8))
    plan = plan_of(f"{title}\n\n{ticked}- [ ] {slot}\n")
    assert plan.template is False and plan.progress.done == 8
    assert plan_of(f"{title}\n\n- [ ] {slot}\n- [ ] {slot}\n").template is True


@pytest.mark.parametrize(
    ("heading", "none"),
    [
        ("## Blockers", "Nothing to report"),
        ("## Blocchi", "Nessun blocco al momento"),
        ("## Points de blocage", "Rien à signaler"),
        ("## Problemas bloqueantes", "Ninguno por ahora"),
        ("## العوائق الحالية", "لا توجد عوائق"),
        ("## 当前阻塞", "暂无"),
    ],
)
def test_localized_headings_and_none_lines(heading: str, none: str) -> None:
    text = f"# Plan\n\n{heading}\n\n- {none}\n- Waiting on the vendor's API keys\n"
    assert blockers(text) == [("Waiting on the vendor's API keys", False)]


@pytest.mark.parametrize(
    "none",
    [
        pytest.param("Derzeit keine", id="de"),
        pytest.param("Блокеров нет", id="ru"),
        pytest.param("ブロッカーなし", id="ja"),
        pytest.param("블로커 없음", id="ko"),
        pytest.param("Engel yok", id="tr"),
        pytest.param("Hiện tại không có", id="vi"),
        pytest.param("No blockers right now", id="en"),
    ],
)
def test_none_lines_in_the_order_each_language_writes_them(none: str) -> None:
    assert blockers(f"# Plan\n\n## Blockers\n\n- {none}\n") == []


@pytest.mark.parametrize(
    "line",
    ["Keine Testdaten vom Kunden", "Блокеров нет у поставщика API", "No API key", "Blocked"],
)
def test_a_none_word_with_a_thing_still_is_a_blocker(line: str) -> None:
    assert len(blockers(f"# Plan\n\n## Blockers\n\n- {line}\n")) == 1
