"""The words plans are written in: one table, by concept and language.

Plans are written in many languages, and what makes a file a plan, or a heading a phase, is
the same idea in each: a file called "roadmap", "planificación" or "Zeitplan"; a heading that
says "Phase", "Fase", "Этап" or "阶段". The words live here as data, so that a language is a
row of this table, not a regular expression in several files.

Pure data and two helpers; no IO.
"""

from __future__ import annotations

import re
import unicodedata

LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "ru", "zh", "ja", "ko", "ar", "tr", "vi")

PLAN_FILE: dict[str, tuple[str, ...]] = {
    # What a file is called when it is a plan. Common words that also name other things
    # (Italian "piano", Portuguese "marco") are left out: a file is a plan by its name alone.
    "en": (
        "roadmap",
        "plan",
        "plans",
        "todo",
        "task",
        "tasks",
        "milestone",
        "milestones",
        "backlog",
        "progress",
        "implementation",
        "execution",
        "status",
    ),
    "es": (
        "planificación",
        "planificacion",
        "planeación",
        "planeacion",
        "cronograma",
        "hoja de ruta",
        "hitos",
        "tareas",
        "pendientes",
    ),
    "pt": ("planejamento", "planeamento", "roteiro", "tarefas", "marcos do projeto"),
    "fr": (
        "planification",
        "planning",
        "feuille de route",
        "jalons",
        "tâches",
        "taches",
        "avancement",
    ),
    "de": ("zeitplan", "projektplan", "fahrplan", "meilensteine", "aufgaben", "planung"),
    "it": ("pianificazione", "cronoprogramma", "tabella di marcia", "attività"),
    "ru": ("план", "дорожная карта", "задачи", "этапы", "вехи"),
    "zh": ("计划", "計劃", "計畫", "路线图", "路線圖", "里程碑", "任务", "任務", "进度"),
    "ja": ("計画", "ロードマップ", "マイルストーン", "タスク", "進捗"),
    "ko": ("계획", "로드맵", "마일스톤", "작업"),
    "ar": ("خطة", "خارطة الطريق", "مهام"),
    "tr": ("yol haritası", "görevler", "kilometre taşları"),
    "vi": ("kế hoạch", "lộ trình", "nhiệm vụ", "tiến độ"),
}
"""File names (without the extension, any case, words joined by spaces, `-` or `_`)."""

PHASE: dict[str, tuple[str, ...]] = {
    "en": ("phase", "stage", "milestone", "sprint"),
    "es": ("fase", "etapa", "hito"),
    "pt": ("fase", "etapa", "marco"),
    "fr": ("phase", "étape", "jalon"),
    "de": ("phase", "stufe", "etappe", "meilenstein"),
    "it": ("fase", "tappa", "traguardo"),
    "ru": ("фаза", "этап", "стадия", "веха"),
    "zh": ("阶段", "階段", "里程碑"),
    "ja": ("フェーズ", "段階", "マイルストーン", "工程"),
    "ko": ("단계", "페이즈", "마일스톤"),
    "ar": ("مرحلة", "المرحلة"),
    "tr": ("aşama", "faz", "kilometre taşı"),
    "vi": ("giai đoạn", "cột mốc"),
}
"""Words that name a stage of a plan, in a heading or a table's first column."""


def _spaced(word: str) -> str:
    """A word of the table as a pattern: its spaces match a space, `-` or `_`."""
    return r"[-_ ]".join(re.escape(w) for w in word.split(" "))


def _unspaced(word: str) -> bool:
    """Written without spaces between words (Chinese, Japanese): found anywhere in a name."""
    return all(unicodedata.east_asian_width(c) in ("W", "F") for c in word if not c.isspace())


def plan_file_pattern() -> re.Pattern[str]:
    """A file name that says "plan" on its own: one of `PLAN_FILE`'s words, as a word of the
    name (between separators), or anywhere in it for the scripts written without spaces."""
    words = sorted({w for ws in PLAN_FILE.values() for w in ws}, key=len, reverse=True)
    spaced = "|".join(_spaced(w) for w in words if not _unspaced(w))
    unspaced = "|".join(re.escape(w) for w in words if _unspaced(w))
    # No end anchor: a stale copy (`tasks.md.bak`) is named like a plan too.
    return re.compile(
        rf"^(?:(?:.*[-_ .])?(?:{spaced})(?:[-_ .].*)?|.*(?:{unspaced}).*)\.(?:md|markdown)",
        re.IGNORECASE,
    )


def phase_word_pattern() -> str:
    """`PHASE`'s words as one group to embed in a pattern: as whole words, or anywhere for the
    scripts written without spaces ("第二阶段")."""
    words = sorted({w for ws in PHASE.values() for w in ws}, key=len, reverse=True)
    spaced = "|".join(_spaced(w) for w in words if not _unspaced(w))
    unspaced = "|".join(re.escape(w) for w in words if _unspaced(w))
    return rf"(?:\b(?:{spaced})\b|{unspaced})"
