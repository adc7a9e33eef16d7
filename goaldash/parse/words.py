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

from goaldash.parse.wordforms import escape, with_unaccented

LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "ru", "zh", "ja", "ko", "ar", "tr", "vi")
"""The languages every concept is written in. `PHASE` and `MILESTONE` (what gives a plan its
shape), `STATUS_KEY`, `COLUMN`'s status column and `BLOCKERS` have more: `MORE_LANGUAGES`,
whose status words are in `status.VOCABULARY`."""
MORE_LANGUAGES = ("pl", "nl", "sv", "da", "no", "cs", "uk", "id", "hi", "fa", "he", "el")

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
    "fr": ("phase", "étape", "etape", "jalon"),
    "de": ("phase", "stufe", "etappe", "meilenstein"),
    "it": ("fase", "tappa", "traguardo"),
    "ru": ("фаза", "этап", "стадия", "веха"),
    "zh": ("阶段", "階段", "里程碑"),
    "ja": ("フェーズ", "段階", "マイルストーン", "工程", "スプリント"),
    "ko": ("단계", "페이즈", "마일스톤"),
    "ar": ("مرحلة", "المرحلة"),
    "tr": ("aşama", "faz", "kilometre taşı"),
    "vi": ("giai đoạn", "cột mốc"),
    "pl": ("faza", "etap", "kamień milowy"),
    "nl": ("fase", "mijlpaal"),
    "sv": ("fas", "etapp", "milstolpe"),
    "da": ("fase", "milepæl"),
    "no": ("fase", "milepæl"),
    "cs": ("fáze", "etapa", "milník"),
    "uk": ("фаза", "етап", "віха"),
    "id": ("fase", "tahap", "tahapan"),
    "hi": ("चरण",),
    "fa": ("فاز", "مرحله"),
    "he": ("שלב", "אבן דרך"),
    "el": ("φάση", "στάδιο", "ορόσημο"),
}
"""Words that name a stage of a plan, in a heading or a table's first column."""


def _spaced(word: str) -> str:
    """A word of the table as a pattern: its spaces match a space, `-` or `_`."""
    return r"[-_ ]".join(escape(w) for w in word.split(" "))


def _unspaced(word: str) -> bool:
    """Written without spaces between words (Chinese, Japanese): found anywhere in a name."""
    return all(unicodedata.east_asian_width(c) in ("W", "F") for c in word if not c.isspace())


def plan_file_pattern() -> re.Pattern[str]:
    """A file name that says "plan" on its own: one of `PLAN_FILE`'s words, as a word of the
    name (between separators), or anywhere in it for the scripts written without spaces."""
    words = sorted(every_word(PLAN_FILE), key=len, reverse=True)
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
    words = sorted(every_word(PHASE), key=len, reverse=True)
    spaced = "|".join(_spaced(w) for w in words if not _unspaced(w))
    unspaced = "|".join(re.escape(w) for w in words if _unspaced(w))
    return rf"(?:\b(?:{spaced})\b|{unspaced})"


BLOCKERS: dict[str, tuple[str, ...]] = {
    # A heading (or bold label) made of one of these, maybe with a qualifier and a second noun
    # from `ISSUES` ("Blockers & Risks"), opens a list or table of blockers.
    "en": ("blockers", "blocker", "impediments", "impediment", "blocking issues", "blocked"),
    "es": (
        "bloqueadores",
        "bloqueador",
        "bloqueos",
        "bloqueo",
        "impedimentos",
        "problemas bloqueantes",
        "bloqueado",
    ),
    "pt": ("bloqueadores", "bloqueador", "bloqueios", "bloqueio", "impedimentos", "bloqueado"),
    "fr": (
        "blocages",
        "blocage",
        "bloqueurs",
        "points bloquants",
        "points de blocage",
        "obstacles",
        "bloqué",
    ),
    "de": ("blocker", "hindernisse", "blockaden", "blockierungen", "blockiert"),
    "it": ("blocchi", "bloccanti", "impedimenti", "ostacoli", "bloccato"),
    "ru": ("блокеры", "блокер", "блокирующие факторы", "препятствия", "заблокировано"),
    "zh": ("阻塞项", "阻塞问题", "阻塞", "阻碍", "阻礙", "障碍", "卡点"),
    "ja": ("ブロッカー", "阻害要因", "ブロック要因"),
    "ko": ("블로커", "차단 요소", "장애물"),
    "ar": ("العوائق", "المعوقات", "عوائق"),
    "tr": ("engeller", "engelleyiciler", "engel"),
    "vi": ("vướng mắc", "trở ngại", "điểm nghẽn"),
    "pl": ("blokery", "bloker", "blokady", "blokada", "przeszkody"),
    "nl": ("blokkades", "blokkade", "blokkerende punten", "belemmeringen", "obstakels"),
    "sv": ("blockerare", "blockeringar", "hinder"),
    "da": ("blokeringer", "forhindringer", "hindringer"),
    "no": ("blokkeringer", "hindringer"),
    "cs": ("blokátory", "blokery", "překážky", "blokující problémy"),
    "uk": ("блокери", "блокер", "перешкоди", "блокуючі фактори"),
    "id": ("hambatan", "kendala", "penghambat"),
    "hi": ("अवरोध", "बाधाएँ", "बाधाएं", "रुकावटें"),
    "fa": ("موانع", "مانع"),
    "he": ("חסמים", "חסם", "מכשולים"),
    "el": ("εμπόδια", "εμπόδιο"),
}
"""Words that name a plan's blockers, as a heading."""

BLOCKED_FLAG: dict[str, tuple[str, ...]] = {
    # An open item flagged with one of these is a blocker: "(BLOCKED: waiting on ops)",
    # "— **Blocked** by OPS-77", "🔴 blocked on review" (`sections.flags_blocked`).
    "en": ("blocked",),
}
"""The word that flags an open item blocked."""

BLOCKED_BY: dict[str, tuple[str, ...]] = {
    "en": ("by", "on", "until", "till", "waiting", "pending", "due to", "because", "since"),
}
"""Words that say what blocks an item, after its flag ("Blocked by OPS-77")."""

BEING: dict[str, tuple[str, ...]] = {
    "en": ("is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "becomes"),
}
"""Verbs that make the flag word the predicate of a clause in the item's text ("explain what
to do when a job is BLOCKED"): a state the item talks about, not one it is in."""

RISKS: dict[str, tuple[str, ...]] = {
    "en": ("risks", "risk"),
    "es": ("riesgos", "riesgo"),
    "pt": ("riscos", "risco"),
    "fr": ("risques", "risque"),
    "de": ("risiken", "risiko"),
    "it": ("rischi", "rischio"),
    "ru": ("риски", "риск"),
    "zh": ("风险", "風險"),
    "ja": ("リスク",),
    "ko": ("위험", "리스크"),
    "ar": ("المخاطر", "مخاطر"),
    "tr": ("riskler", "risk"),
    "vi": ("rủi ro",),
    "pl": ("ryzyka", "ryzyko"),
    "nl": ("risico's", "risico"),
    "sv": ("risker", "risk"),
    "da": ("risici", "risiko"),
    "no": ("risikoer", "risiko"),
    "cs": ("rizika", "riziko"),
    "uk": ("ризики", "ризик"),
    "id": ("risiko",),
    "hi": ("जोखिम",),
    "fa": ("ریسک‌ها", "ریسک"),
    "he": ("סיכונים",),
    "el": ("κίνδυνοι", "κίνδυνος"),
}
"""Words for risks: a risk may come to block the work, it does not block it yet.
A table of them (or a row typed so) is not a table of blockers."""

ISSUES: dict[str, tuple[str, ...]] = {
    lang: RISKS.get(lang, ()) + others
    for lang, others in {
        "en": ("issues", "issue", "concerns", "problems", "dependencies"),
        "es": ("problemas", "incidencias"),
        "pt": ("problemas",),
        "fr": ("problèmes",),
        "de": ("probleme",),
        "it": ("problemi",),
        "ru": ("проблемы",),
        "zh": ("问题", "問題"),
        "ja": ("課題", "問題"),
        "ko": ("이슈", "문제"),
        "ar": ("المشاكل",),
        "tr": ("sorunlar",),
        "vi": ("vấn đề",),
        "pl": ("problemy",),
        "nl": ("problemen",),
        "sv": ("problem",),
        "da": ("problemer",),
        "no": ("problemer",),
        "cs": ("problémy",),
        "uk": ("проблеми",),
        "id": ("masalah",),
        "hi": ("समस्याएँ", "समस्याएं"),
        "fa": ("مشکلات",),
        "he": ("בעיות",),
        "el": ("προβλήματα",),
    }.items()
}
"""Risks and issues: beside a blocker word in a heading, they are read as blockers; issues
heading a table with a status column too (risks do not: `RISKS`)."""

NOTHING: dict[str, tuple[str, ...]] = {
    # A blockers entry that is one of these (alone, or followed by a dash and a note, or by a
    # blocker word) says there is nothing: "None", "Keine", "なし", "⚠️ **NONE** - ...".
    "en": ("none", "nothing to report", "nothing", "n/a", "nil"),
    "es": ("ninguno", "ninguna", "nada"),
    "pt": ("nenhum", "nenhuma", "nada"),
    "fr": ("aucun", "aucune", "rien à signaler", "rien", "néant"),
    "de": ("keine", "keiner", "keins", "nichts"),
    "it": ("nessun blocco", "nessuno", "nessuna", "niente", "nulla"),
    "ru": ("нет", "никаких", "отсутствуют", "ничего"),
    "zh": ("无", "無", "暂无", "暫無", "没有"),
    "ja": ("なし", "無し", "特になし", "ありません", "特にありません"),
    "ko": ("없음", "없습니다", "해당 없음", "특이사항 없음", "특이 사항 없음"),
    "ar": ("لا يوجد", "لا شيء"),
    "tr": ("yok", "yoktur", "hiçbiri", "bulunmamaktadır", "bulunmuyor"),
    "vi": ("không có", "không", "chưa có"),
    "pl": ("brak", "nic", "żadne", "żadnych"),
    "nl": ("geen", "niets"),
    "sv": ("inga", "inget", "ingen"),
    "da": ("ingen", "intet", "ingenting"),
    "no": ("ingen", "ingenting"),
    "cs": ("žádné", "žádný", "nic"),
    "uk": ("немає", "нічого", "відсутні"),
    "id": ("tidak ada", "nihil"),
    "hi": ("कोई नहीं", "कुछ नहीं"),
    "fa": ("هیچ", "ندارد", "وجود ندارد"),
    "he": ("אין", "אין כרגע"),
    "el": ("κανένα", "κανένας", "τίποτα", "δεν υπάρχουν", "δεν υπάρχει"),
}
"""Words that say "there is nothing" as a whole entry."""

NO: dict[str, tuple[str, ...]] = {
    "en": ("no",),
    "es": ("sin", "no hay"),
    "pt": ("sem", "não há"),
    "fr": ("pas de", "aucun", "aucune"),
    "de": ("kein", "keine"),
    "it": ("nessun", "nessuna", "non ci sono"),
    "ru": ("нет", "без"),
    "zh": ("无", "没有", "暂无"),
    "ar": ("لا توجد", "لا يوجد", "بدون"),
    "tr": ("hiç",),
    "vi": ("không có", "chưa có"),
    "pl": ("brak", "bez"),
    "nl": ("geen",),
    "sv": ("inga", "ingen"),
    "da": ("ingen",),
    "no": ("ingen",),
    "cs": ("žádné", "bez"),
    "uk": ("немає", "без"),
    "id": ("tidak ada", "tanpa"),
    "fa": ("بدون",),
    "he": ("אין", "ללא"),
    "el": ("κανένα", "χωρίς", "δεν υπάρχουν", "δεν υπάρχει"),
}
"""Words that say "no ..." before a noun: "No blockers" is nothing; "No API key" is a blocker,
so these count only before a blocker or issue word, or a "currently"."""

CURRENTLY: dict[str, tuple[str, ...]] = {
    "en": ("currently", "at this time", "at the moment", "yet", "so far", "for now", "known"),
    "es": ("por ahora", "actualmente", "por el momento", "de momento"),
    "pt": ("no momento", "por enquanto", "atualmente", "ainda"),
    "fr": ("pour l'instant", "actuellement", "pour le moment"),
    "de": ("derzeit", "aktuell", "momentan", "bisher"),
    "it": ("al momento", "attualmente", "per ora"),
    "ru": ("пока", "сейчас", "на данный момент"),
    "zh": ("目前", "当前", "當前"),
    "ja": ("現在", "今のところ", "現時点では", "現時点で"),
    "ko": ("현재", "현재까지"),
    "tr": ("şu anda", "şu an", "şimdilik"),
    "vi": ("hiện tại",),
}
"""Words for "now": qualify a blockers heading ("Current blockers") or a "None" entry."""

OPEN_QUALIFIER: dict[str, tuple[str, ...]] = {
    "en": ("current", "active", "open", "known", "outstanding"),
    "es": ("actuales", "activos", "abiertos", "actual", "activo"),
    "pt": ("atuais", "ativos", "abertos", "ativo", "atual"),
    "fr": ("actuels", "actuelles", "actifs", "ouverts", "en cours"),
    "de": ("aktuelle", "offene", "bekannte"),
    "it": ("attuali", "aperti", "attivi"),
    "ru": ("текущие", "открытые", "активные"),
    "zh": ("当前", "當前", "现有", "未解决的"),
    "ja": ("現在の", "未解決の"),
    "ko": ("현재",),
    "ar": ("الحالية", "الحالي", "المفتوحة"),
    "tr": ("mevcut", "açık", "güncel"),
    "vi": ("hiện tại",),
}
"""Words that qualify a blockers heading without changing what it holds."""

RESOLVED: dict[str, tuple[str, ...]] = {
    "en": ("resolved", "fixed", "solved", "closed", "unblocked", "mitigated"),
    "es": ("resuelto", "resuelta", "resueltos", "solucionado", "solucionada", "corregido"),
    "pt": ("resolvido", "resolvida", "resolvidos", "solucionado", "corrigido"),
    "fr": ("résolu", "résolue", "résolus", "corrigé", "réglé", "levé"),
    "de": ("gelöst", "behoben", "erledigt"),
    "it": ("risolto", "risolta", "risolti", "corretto"),
    "ru": ("решено", "решён", "решена", "устранено", "исправлено"),
    "zh": ("已解决", "已解決", "已修复", "已修復", "已处理"),
    "ja": ("解決済み", "解決済", "対応済み", "修正済み"),
    "ko": ("해결됨", "해결 완료", "수정됨"),
    "ar": ("تم الحل", "محلول"),
    "tr": ("çözüldü", "giderildi"),
    "vi": ("đã giải quyết", "đã xử lý", "đã sửa"),
    "pl": ("rozwiązany", "rozwiązana", "rozwiązane", "naprawiony", "naprawione"),
    "nl": ("opgelost", "verholpen"),
    "sv": ("löst", "åtgärdat", "åtgärdad"),
    "da": ("løst", "rettet"),
    "no": ("løst", "fikset"),
    "cs": ("vyřešeno", "vyřešený", "opraveno"),
    "uk": ("вирішено", "виправлено", "усунено"),
    "id": ("terselesaikan", "diperbaiki"),
    "hi": ("हल हो गया", "हल"),
    "fa": ("حل شد", "برطرف شد"),
    "he": ("נפתר", "תוקן"),
    "el": ("επιλύθηκε", "λύθηκε", "διορθώθηκε"),
}
"""Words that mark a blocker resolved: at its start, in parentheses, after a dash, or as the
qualifier of a heading ("Resolved blockers")."""


def every_word(table: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The words of `table` in every language (Greek ones without their accents too)."""
    return frozenset(with_unaccented(w for ws in table.values() for w in ws))


def words_pattern(*tables: dict[str, tuple[str, ...]]) -> str:
    """The words of `tables` as one group: longest first, spaces matching any run of spaces,
    Greek with or without its accents."""
    words = sorted({w for t in tables for ws in t.values() for w in ws}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(escape(p) for p in w.split(" ")) for w in words) + ")"


COUNT_KEY: dict[str, tuple[str, ...]] = {
    # The key of a line counting a phase's finished parts: `**Plans:** 3/4 plans executed`.
    "en": ("plans", "progress", "tasks"),
    "es": ("planes", "progreso", "tareas"),
    "pt": ("planos", "progresso", "tarefas"),
    "fr": ("plans", "progression", "tâches", "taches"),
    "de": ("pläne", "fortschritt", "aufgaben"),
    "it": ("piani", "avanzamento", "attività"),
    "ru": ("планы", "прогресс", "задачи"),
    "zh": ("计划", "進度", "进度", "任务"),
    "ja": ("プラン", "進捗", "タスク"),
    "ko": ("계획", "진행률", "작업"),
    "ar": ("الخطط", "التقدم", "المهام"),
    "tr": ("planlar", "ilerleme", "görevler"),
    "vi": ("kế hoạch", "tiến độ", "nhiệm vụ"),
}
"""A phase's line `**Key:** N/M ...` under one of these keys says how much of it is done: all
of it (done), none (not started), some (in progress)."""

DOCUMENT_STATE: dict[str, tuple[str, ...]] = {
    # A status line saying where the document stands, not the work: "**Status:** Draft".
    "en": ("draft", "approved", "final", "accepted", "proposed", "in review", "under review"),
    "es": ("borrador", "aprobado", "aprobada", "propuesta", "en revisión"),
    "pt": ("rascunho", "aprovado", "aprovada", "proposta", "em revisão"),
    "fr": ("brouillon", "approuvé", "approuvée", "validé", "validée", "proposition"),
    "de": ("entwurf", "genehmigt", "freigegeben", "in prüfung"),
    "it": ("bozza", "approvato", "approvata", "proposta"),
    "ru": ("черновик", "утверждён", "утвержден", "утверждено", "на согласовании"),
    "zh": ("草稿", "草案", "已批准", "待审核"),
    "ja": ("ドラフト", "草案", "承認済み", "レビュー中"),
    "ko": ("초안", "승인됨", "검토 중"),
    "ar": ("مسودة", "معتمد"),
    "tr": ("taslak", "onaylandı"),
    "vi": ("bản nháp", "đã duyệt"),
}
"""The document's state: a plan whose status line says only this, and whose phases say the
work is under way, is under way."""

STATUS_KEY: dict[str, tuple[str, ...]] = {
    # The key of a status line: `**Status:** ✅ Complete`, `**ステータス**: 完了`, `Статус: ...`.
    "en": ("status", "state", "current status", "overall status", "project status"),
    "es": ("estado", "estatus", "estado actual"),
    "pt": ("status", "estado", "situação", "status atual", "situação atual"),
    "fr": ("statut", "état", "etat", "statut actuel"),
    "de": ("status", "zustand", "aktueller status"),
    "it": ("stato", "stato attuale"),
    "ru": ("статус", "состояние", "текущий статус"),
    "zh": ("状态", "狀態", "当前状态", "當前狀態"),
    "ja": ("ステータス", "状態", "状況", "現在のステータス"),
    "ko": ("상태", "현재 상태", "진행 상태"),
    "ar": ("الحالة", "الحالة الحالية"),
    "tr": ("durum", "mevcut durum"),
    "vi": ("trạng thái", "trạng thái hiện tại"),
    "pl": ("status", "stan"),
    "nl": ("status",),
    "sv": ("status",),
    "da": ("status",),
    "no": ("status",),
    "cs": ("stav", "aktuální stav"),
    "uk": ("статус", "стан"),
    "id": ("status",),
    "hi": ("स्थिति",),
    "fa": ("وضعیت",),
    "he": ("סטטוס", "מצב"),
    "el": ("κατάσταση",),
}
"""The words of a line that states the status of the phase it is under (or of the plan, above
the first phase)."""


MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    # Each language's twelve months, January first: the names and the abbreviations plans
    # write (a trailing dot is allowed wherever a name is read). Russian has the genitive too
    # ("28 декабря 2025"). Scripts that write months as numbers (年月日, 년월일) need none.
    "en": (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    "es": (
        ("enero", "ene"),
        ("febrero", "feb"),
        ("marzo", "mar"),
        ("abril", "abr"),
        ("mayo", "may"),
        ("junio", "jun"),
        ("julio", "jul"),
        ("agosto", "ago"),
        ("septiembre", "setiembre", "sept", "sep", "set"),
        ("octubre", "oct"),
        ("noviembre", "nov"),
        ("diciembre", "dic"),
    ),
    "pt": (
        ("janeiro", "jan"),
        ("fevereiro", "fev"),
        ("março", "marco", "mar"),
        ("abril", "abr"),
        ("maio", "mai"),
        ("junho", "jun"),
        ("julho", "jul"),
        ("agosto", "ago"),
        ("setembro", "set"),
        ("outubro", "out"),
        ("novembro", "nov"),
        ("dezembro", "dez"),
    ),
    "fr": (
        ("janvier", "janv"),
        ("février", "fevrier", "févr", "fevr", "fév"),
        ("mars",),
        ("avril", "avr"),
        ("mai",),
        ("juin",),
        ("juillet", "juil"),
        ("août", "aout"),
        ("septembre", "sept"),
        ("octobre", "oct"),
        ("novembre", "nov"),
        ("décembre", "decembre", "déc", "dec"),
    ),
    "de": (
        ("januar", "jänner", "jan"),
        ("februar", "feb"),
        ("märz", "maerz", "mär", "mrz"),
        ("april", "apr"),
        ("mai",),
        ("juni", "jun"),
        ("juli", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("oktober", "okt"),
        ("november", "nov"),
        ("dezember", "dez"),
    ),
    "it": (
        ("gennaio", "gen"),
        ("febbraio", "feb"),
        ("marzo", "mar"),
        ("aprile", "apr"),
        ("maggio", "mag"),
        ("giugno", "giu"),
        ("luglio", "lug"),
        ("agosto", "ago"),
        ("settembre", "set"),
        ("ottobre", "ott"),
        ("novembre", "nov"),
        ("dicembre", "dic"),
    ),
    "ru": (
        ("январь", "января", "янв"),
        ("февраль", "февраля", "фев"),
        ("март", "марта", "мар"),
        ("апрель", "апреля", "апр"),
        ("май", "мая"),
        ("июнь", "июня", "июн"),
        ("июль", "июля", "июл"),
        ("август", "августа", "авг"),
        ("сентябрь", "сентября", "сен", "сент"),
        ("октябрь", "октября", "окт"),
        ("ноябрь", "ноября", "ноя"),
        ("декабрь", "декабря", "дек"),
    ),
    "tr": (
        ("ocak", "oca"),
        ("şubat", "şub"),
        ("mart", "mar"),
        ("nisan", "nis"),
        ("mayıs", "may"),
        ("haziran", "haz"),
        ("temmuz", "tem"),
        ("ağustos", "ağu"),
        ("eylül", "eyl"),
        ("ekim", "eki"),
        ("kasım", "kas"),
        ("aralık", "ara"),
    ),
    # Vietnamese names a month by its number: "15 tháng 3 năm 2026" is 15 March 2026.
    "vi": tuple(
        (f"tháng {i}", f"tháng {i:02d}") if i < 10 else (f"tháng {i}",) for i in range(1, 13)
    ),
}
"""Month names by language; `parse.dates` reads `28 déc. 2025`, `3 de marzo de 2025`,
`15. März 2025`, `Dec 28, 2025` and `15 tháng 3 năm 2026` from them."""

OF_YEAR: dict[str, tuple[str, ...]] = {
    "es": ("de", "del"),
    "pt": ("de",),
    "vi": ("năm",),
}
"""Words between a month and its year: "3 de marzo de 2025", "15 tháng 3 năm 2026"."""

COLUMN: dict[str, dict[str, tuple[str, ...]]] = {
    # What a table's header cell says, by what the column holds. A header matches a word when
    # it is the word, or starts or ends with it ("Target Date", "Fecha de Finalización").
    "phase": PHASE,
    "id": {
        "en": ("#", "id", "no", "no.", "number"),
        "es": ("nº", "núm", "número"),
        "pt": ("nº", "número"),
        "fr": ("n°", "numéro"),
        "de": ("nr", "nr."),
        "ru": ("№",),
        "ja": ("番号",),
        "zh": ("编号", "序号"),
    },
    "status": {
        "en": ("status", "state"),
        "es": ("estado", "estatus"),
        "pt": ("status", "estado", "situação"),
        "fr": ("statut", "état", "etat"),
        "de": ("status", "zustand"),
        "it": ("stato",),
        "ru": ("статус", "состояние"),
        "zh": ("状态", "狀態"),
        "ja": ("ステータス", "状態", "状況"),
        "ko": ("상태",),
        "ar": ("الحالة",),
        "tr": ("durum",),
        "vi": ("trạng thái",),
        # Not Ukrainian "стан": a header starting with it ("Стандарт") would be read as status.
        "pl": ("status", "stan"),
        "nl": ("status",),
        "sv": ("status",),
        "da": ("status",),
        "no": ("status",),
        "cs": ("stav",),
        "uk": ("статус",),
        "id": ("status",),
        "hi": ("स्थिति",),
        "fa": ("وضعیت",),
        "he": ("סטטוס", "מצב"),
        "el": ("κατάσταση",),
    },
    "progress": {
        "en": ("progress", "complete", "completion", "% done", "%"),
        "es": ("progreso", "avance"),
        "pt": ("progresso",),
        "fr": ("progression", "avancement"),
        "de": ("fortschritt",),
        "it": ("avanzamento", "progresso"),
        "ru": ("прогресс",),
        "zh": ("进度", "進度", "完成度"),
        "ja": ("進捗", "進捗率"),
        "ko": ("진행률",),
        "tr": ("ilerleme",),
        "vi": ("tiến độ",),
    },
    "start": {
        "en": ("start", "start date", "begin", "started", "kickoff", "kicked off", "began"),
        "es": ("inicio", "fecha de inicio", "comienzo", "iniciado", "iniciada", "comenzó"),
        "pt": ("início", "inicio", "data de início", "data início", "iniciado", "iniciada"),
        "fr": ("début", "debut", "date de début", "commencé", "commencée", "lancé"),
        "de": ("beginn", "start", "startdatum", "begonnen", "gestartet"),
        "it": ("inizio", "data di inizio"),
        "ru": ("начало", "дата начала"),
        "zh": ("开始", "開始", "开始日期", "開始日期"),
        "ja": ("開始", "開始日"),
        "ko": ("시작", "시작일"),
        "tr": ("başlangıç",),
        "vi": ("bắt đầu", "ngày bắt đầu"),
    },
    "end": {
        "en": (
            "end",
            "end date",
            "target date",
            "target",
            "due",
            "due date",
            "deadline",
            "eta",
            "target completion",
            "expected completion",
            "finish by",
            "end by",
            "complete by",
            "ends",
            "delivery date",
            "go-live",
            "launch date",
        ),
        "es": ("fin", "fecha de fin", "fecha límite", "fecha estimada", "fecha objetivo"),
        "pt": ("fim", "prazo", "data prevista", "data alvo", "data fim"),
        "fr": ("fin", "échéance", "date cible", "date de fin", "date prévue"),
        "de": ("ende", "enddatum", "zieldatum", "fällig", "termin", "deadline"),
        "it": ("fine", "scadenza", "data prevista"),
        "ru": ("срок", "окончание", "дата окончания", "дедлайн"),
        "zh": (
            "截止",
            "截止日期",
            "结束",
            "結束",
            "目标日期",
            "预计完成",
            "預計完成",
            "计划完成",
            "計劃完成",
        ),
        "ja": ("期限", "終了", "終了日", "目標日", "完了予定"),
        "ko": ("마감", "마감일", "종료", "종료일", "목표일"),
        "tr": ("bitiş", "hedef tarih"),
        "vi": ("hạn", "ngày kết thúc", "hạn chót"),
        "nl": ("einddatum", "streefdatum", "opleverdatum", "deadline"),
        "pl": ("termin zakończenia", "data zakończenia", "termin"),
        "uk": ("термін", "кінцевий термін", "дата завершення", "дедлайн"),
        "el": ("προθεσμία", "προθεσμια", "ημερομηνία λήξης", "ημερομηνια ληξης"),
        "hi": ("समय सीमा", "समय-सीमा", "अंतिम तिथि"),
        "id": ("tenggat", "tenggat waktu", "batas waktu", "tanggal selesai"),
    },
    "completed": {
        # A date the phase was finished: the end, when the row has one, before any target.
        "en": ("completed", "completion date", "completed on", "finished", "done on", "closed"),
        "es": ("fecha de finalización", "finalizado", "completado", "fecha de cierre"),
        "pt": ("data conclusão", "data de conclusão", "concluído", "concluido"),
        "fr": ("terminé", "termine", "date de fin réelle", "achevé"),
        "de": ("abgeschlossen", "erledigt am", "fertig"),
        "it": ("completato", "data completamento"),
        "ru": ("завершено", "дата завершения"),
        "zh": ("完成日期", "完成时间", "完成於"),
        "ja": ("完了日",),
        "ko": ("완료일",),
        "tr": ("tamamlanma",),
        "vi": ("hoàn thành",),
    },
    "estimate": {
        "en": ("estimate", "duration", "effort", "timeline", "weeks", "days"),
        "es": ("duración", "estimación"),
        "pt": ("duração", "estimativa"),
        "fr": ("durée", "estimation"),
        "de": ("dauer", "aufwand"),
        "ru": ("длительность", "оценка"),
        "zh": ("工期", "预计"),
        "ja": ("期間", "工数"),
        "ko": ("기간",),
    },
    "task": {
        # A task table's name column, beside its id column: `| ID | Tarea | Estado |`.
        "en": ("task", "task name"),
        "es": ("tarea", "nombre de la tarea"),
        "pt": ("tarefa", "nome da tarefa"),
        "fr": ("tâche", "tache", "nom de la tâche"),
        "de": ("aufgabe", "aufgabenname"),
        "it": ("attività", "compito"),
        "ru": ("задача", "название задачи"),
        "zh": ("任务", "任務", "任务名称"),
        "ja": ("タスク", "タスク名"),
        "ko": ("작업", "작업명", "태스크"),
        "ar": ("المهمة",),
        "tr": ("görev", "görev adı"),
        "vi": ("nhiệm vụ", "công việc"),
    },
    "notes": {
        "en": ("notes", "note", "comments"),
        "es": ("notas", "comentarios", "observaciones"),
        "pt": ("notas", "observações", "comentários"),
        "fr": ("notes", "remarques", "commentaires"),
        "de": ("notizen", "bemerkungen", "anmerkungen"),
        "ru": ("примечания", "комментарии"),
        "zh": ("备注", "備註"),
        "ja": ("備考",),
        "ko": ("비고",),
    },
}
"""Table header words by column kind, in every language of `LANGUAGES` that has them (the
stage, status and end columns in `MORE_LANGUAGES` too)."""

SPAN: dict[str, tuple[str, ...]] = {
    "en": ("dates", "schedule", "period", "window", "time frame", "timeframe"),
    "es": ("período", "periodo", "fechas"),
    "pt": ("período", "periodo", "datas"),
    "fr": ("période", "periode", "dates"),
    "de": ("zeitraum", "zeitfenster"),
    "it": ("periodo",),
    "ru": ("сроки", "период"),
    "zh": ("时间", "時間", "起止时间", "起止日期"),
    "ja": ("日程",),
    "ko": ("일정",),
    "vi": ("thời gian",),
    "nl": ("periode",),
    "pl": ("okres",),
    "uk": ("терміни", "період"),
}
"""Keys of a line giving a stretch of time, besides `COLUMN`'s estimate words ("Timeline",
"Dauer", "工期"): "**Zeitraum:** 05.01.2026 – 30.01.2026". Read only when a range of dates."""

UNTIL: dict[str, tuple[str, ...]] = {
    "en": ("to", "until", "till", "through", "thru"),
    "es": ("al", "a", "hasta"),
    "pt": ("a", "até"),
    "fr": ("au", "à", "jusqu'au"),
    "de": ("bis", "bis zum"),
    "it": ("al", "a", "fino al"),
    "ru": ("по", "до"),
    "zh": ("至", "到"),
    "ja": ("から",),
    "ko": ("부터",),
    "vi": ("đến", "tới"),
    "nl": ("tot", "t/m", "tot en met"),
    "pl": ("do",),
    "uk": ("по", "до"),
    "id": ("sampai", "hingga", "s.d.", "s/d"),
}
"""Words between the two dates of a range, as a dash is: "02.02.2026 bis 27.03.2026",
"du 16/03/2026 au 30/04/2026", "с 16.03.2026 по 30.04.2026", "2026年3月2日至2026年3月13日"."""

FROM: dict[str, tuple[str, ...]] = {
    "en": ("from",),
    "es": ("del", "desde"),
    "pt": ("de", "desde"),
    "fr": ("du", "de"),
    "de": ("vom", "von"),
    "it": ("dal", "da"),
    "ru": ("с", "со"),
    "vi": ("từ",),
    "nl": ("van",),
    "pl": ("od",),
    "uk": ("з", "із", "від"),
    "id": ("dari",),
}
"""Words opening a range, before its first day: "du 2 au 13 mars 2026", "с 2 по 13 марта 2026"
(a day after another word, "Phase 2 to 13 March 2026", is no range's start)."""

TOTAL: dict[str, tuple[str, ...]] = {
    "en": ("total", "overall", "sum"),
    "es": ("total",),
    "pt": ("total",),
    "fr": ("total",),
    "de": ("gesamt", "summe"),
    "it": ("totale",),
    "ru": ("итого", "всего"),
    "zh": ("合计", "合計", "总计", "總計"),
    "ja": ("合計", "全体"),
    "ko": ("합계", "전체"),
    "tr": ("toplam",),
    "vi": ("tổng",),
}
"""A table row that sums the others up: not a phase."""

MILESTONE: dict[str, tuple[str, ...]] = {
    "en": ("milestone", "milestones"),
    "es": ("hito", "hitos"),
    "pt": ("marco", "marcos"),
    "fr": ("jalon", "jalons"),
    "de": ("meilenstein", "meilensteine"),
    "it": ("traguardo", "traguardi"),
    "ru": ("веха", "вехи"),
    "zh": ("里程碑",),
    "ja": ("マイルストーン",),
    "ko": ("마일스톤",),
    "tr": ("kilometre taşı",),
    "vi": ("cột mốc",),
    "pl": ("kamień milowy", "kamienie milowe"),
    "nl": ("mijlpaal", "mijlpalen"),
    "sv": ("milstolpe", "milstolpar"),
    "da": ("milepæl", "milepæle"),
    "no": ("milepæl", "milepæler"),
    "cs": ("milník", "milníky"),
    "uk": ("віха", "віхи"),
    "he": ("אבן דרך",),
    "el": ("ορόσημο", "ορόσημα"),
}
"""The words of `PHASE` that name a milestone (a point reached) rather than a stretch of work:
a table keyed by them is a milestone table."""

NAMED_MILESTONE: dict[str, tuple[str, ...]] = {
    # Words written in capitals ("MS") are abbreviations, read only as written; the others in
    # any case. Portuguese "marco" is left out: it is a given name as often as a milestone.
    "en": ("milestone", "MS"),
    "es": ("hito",),
    "fr": ("jalon",),
    "de": ("meilenstein", "MS"),
    "it": ("traguardo",),
    "ru": ("веха",),
    "zh": ("里程碑",),
    "ja": ("マイルストーン",),
    "ko": ("마일스톤",),
    "tr": ("kilometre taşı",),
    "vi": ("cột mốc",),
}
"""Words that, followed by a name instead of an id, open a named milestone ("### MS Idee
(Owner)", "### Milestone Beta", "### Jalon Conception"): the plan's stages when two sibling
headings or more open with the same one (`levels`)."""

REVIEW: dict[str, tuple[str, ...]] = {
    "en": ("review", "meeting", "sign-off", "signoff", "sign off", "acceptance", "walkthrough"),
    "es": ("revisión", "revision", "reunión", "reunion", "aprobación", "aceptación"),
    "pt": ("revisão", "reunião", "aprovação", "aceitação"),
    "fr": ("revue", "réunion", "reunion", "recette", "comité"),
    "de": ("sitzung", "abnahme", "besprechung", "review", "meeting", "treffen"),
    "it": ("riunione", "revisione", "collaudo"),
    "ru": ("встреча", "приёмка", "приемка", "совещание", "ревью"),
    "zh": ("评审", "評審", "会议", "會議", "验收", "驗收"),
    "ja": ("会議", "レビュー", "打ち合わせ", "検収"),
    "ko": ("회의", "검토", "리뷰"),
    "ar": ("اجتماع", "مراجعة"),
    "tr": ("toplantı", "inceleme"),
    "vi": ("họp", "nghiệm thu"),
}
"""Words naming a review, meeting or sign-off: a milestone's bold dated line that names one
("**Milestone review on 2024-03-12**", "**Meilensteinsitzung am 12.04.2017**") is the
meeting where the milestone is checked; its outcome written after it says it was held."""


STEP: dict[str, tuple[str, ...]] = {
    # Parts of the work, and stretches of time or releases a plan is cut into ("Week 1",
    # "Part 2", "Epic 3", "Release 1", "Version 2.0").
    "en": ("step", "task", "block", "iteration", "increment", "wave", "week", "month", "day",
           "part", "epic", "release", "version", "checkpoint", "pr", "pull request", "mr",
           "merge request"),
    "es": ("paso", "tarea", "bloque", "iteración", "iteracion", "semana", "mes", "día", "dia",
           "parte", "versión", "entrega"),
    "pt": ("passo", "tarefa", "bloco", "iteração", "iteracao", "semana", "mês", "dia", "parte",
           "versão", "entrega"),
    "fr": ("tâche", "tache", "bloc", "itération", "iteration", "semaine", "mois", "jour",
           "partie", "version", "livraison"),
    "de": ("schritt", "aufgabe", "block", "iteration", "woche", "monat", "tag", "teil",
           "version"),
    "it": ("passo", "compito", "blocco", "iterazione", "settimana", "mese", "giorno", "parte",
           "versione", "rilascio"),
    "ru": ("шаг", "задача", "блок", "итерация", "спринт", "неделя", "месяц", "день", "часть",
           "релиз", "версия"),
    "zh": ("步骤", "步驟", "任务", "任務", "模块", "迭代", "冲刺"),
    "ja": ("ステップ", "タスク", "ブロック", "イテレーション"),
    "ko": ("스텝", "작업", "블록", "스프린트"),
    "ar": ("خطوة", "الخطوة", "مهمة", "المهمة", "الأسبوع", "أسبوع"),
    "tr": ("adım", "görev", "blok", "hafta", "gün", "bölüm", "sürüm"),
    "vi": ("bước", "nhiệm vụ", "khối", "tuần", "tháng", "ngày", "phần", "phiên bản"),
}  # fmt: skip
"""Words for a smaller stage of work ("Step 3", "Schritt 2", "步骤 4"). A heading that opens
with one is a phase only when its siblings do too and no phase encloses it: inside a phase,
it is a part of that phase."""

PRIORITY: dict[str, tuple[str, ...]] = {
    "en": ("critical", "highest", "high", "medium", "low", "lowest", "urgent", "blocker",
           "major", "minor", "trivial", "must have", "should have", "could have",
           "nice to have", "must", "should", "could"),
    "es": ("crítica", "crítico", "critica", "alta", "media", "baja", "urgente"),
    "pt": ("crítica", "crítico", "alta", "média", "baixa", "urgente"),
    "fr": ("critique", "haute", "élevée", "moyenne", "basse", "faible", "urgent", "urgente"),
    "de": ("kritisch", "hoch", "mittel", "niedrig", "dringend"),
    "it": ("critica", "critico", "alta", "media", "bassa", "urgente"),
    "ru": ("критический", "критичный", "высокий", "средний", "низкий", "срочный"),
    "zh": ("紧急", "緊急", "关键", "關鍵", "高优先级", "中优先级", "低优先级", "高優先", "低優先"),
    "ja": ("緊急", "最優先", "高優先", "中優先", "低優先"),
    "ko": ("긴급", "높음", "중간", "낮음"),
    "tr": ("kritik", "yüksek", "orta", "düşük", "acil"),
    "vi": ("khẩn cấp", "cao", "trung bình", "thấp"),
}  # fmt: skip
"""Priority levels: a heading with a prefixed id named by one ("### P0 (Critical) - 71
tasks", "## P2 – Low") is a priority bucket of the plan's tasks, not a stage of it."""

TEMPLATE: dict[str, tuple[str, ...]] = {
    "en": ("template",),
    "es": ("plantilla",),
    "pt": ("template", "gabarito"),
    "fr": ("gabarit", "canevas"),
    "de": ("vorlage",),
    "it": ("modello da compilare",),
    "ru": ("шаблон",),
    "zh": ("模板", "範本"),
    "ja": ("テンプレート", "雛形", "ひな形"),
    "ko": ("템플릿", "양식"),
    "ar": ("قالب",),
    "tr": ("şablon",),
    "vi": ("biểu mẫu",),
}
"""A section titled so ("## Report template", "## 进度报告模板", "## Vorlage") holds a form to
fill in: its "Phase X" headings are not the plan's phases."""

NUMBER_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    # One to ten, the n-th row for n: the number and its ordinal, in each gender written.
    # Read next to a stage word only ("Phase Two", "Second Phase", "المرحلة الأولى").
    "en": (
        ("one", "first"), ("two", "second"), ("three", "third"), ("four", "fourth"),
        ("five", "fifth"), ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"),
        ("nine", "ninth"), ("ten", "tenth"),
    ),
    "es": (
        ("uno", "una", "primera", "primero", "primer"), ("dos", "segunda", "segundo"),
        ("tres", "tercera", "tercero", "tercer"), ("cuatro", "cuarta", "cuarto"),
        ("cinco", "quinta", "quinto"), ("seis", "sexta", "sexto"),
        ("siete", "séptima", "séptimo"), ("ocho", "octava", "octavo"),
        ("nueve", "novena", "noveno"), ("diez", "décima", "décimo"),
    ),
    "pt": (
        ("um", "uma", "primeira", "primeiro"), ("dois", "duas", "segunda", "segundo"),
        ("três", "terceira", "terceiro"), ("quatro", "quarta", "quarto"),
        ("cinco", "quinta", "quinto"), ("seis", "sexta", "sexto"),
        ("sete", "sétima", "sétimo"), ("oito", "oitava", "oitavo"), ("nove", "nona", "nono"),
        ("dez", "décima", "décimo"),
    ),
    "fr": (
        ("un", "une", "première", "premier"), ("deux", "deuxième", "seconde", "second"),
        ("trois", "troisième"), ("quatre", "quatrième"), ("cinq", "cinquième"),
        ("six", "sixième"), ("sept", "septième"), ("huit", "huitième"), ("neuf", "neuvième"),
        ("dix", "dixième"),
    ),
    "de": (
        ("eins", "erste", "erster", "erstes"), ("zwei", "zweite", "zweiter", "zweites"),
        ("drei", "dritte", "dritter", "drittes"), ("vier", "vierte", "vierter", "viertes"),
        ("fünf", "fünfte", "fünfter", "fünftes"), ("sechs", "sechste", "sechster"),
        ("sieben", "siebte", "siebter"), ("acht", "achte", "achter"),
        ("neun", "neunte", "neunter"), ("zehn", "zehnte", "zehnter"),
    ),
    "it": (
        ("uno", "una", "prima", "primo"), ("due", "seconda", "secondo"),
        ("tre", "terza", "terzo"), ("quattro", "quarta", "quarto"),
        ("cinque", "quinta", "quinto"), ("sei", "sesta", "sesto"),
        ("sette", "settima", "settimo"), ("otto", "ottava", "ottavo"),
        ("nove", "nona", "nono"), ("dieci", "decima", "decimo"),
    ),
    "ru": (
        ("один", "первый", "первая", "первое"), ("два", "второй", "вторая", "второе"),
        ("три", "третий", "третья", "третье"),
        ("четыре", "четвёртый", "четвертый", "четвёртая", "четвертая"),
        ("пять", "пятый", "пятая"), ("шесть", "шестой", "шестая"),
        ("семь", "седьмой", "седьмая"), ("восемь", "восьмой", "восьмая"),
        ("девять", "девятый", "девятая"), ("десять", "десятый", "десятая"),
    ),
    "ar": (
        ("الأولى", "الأول", "الاولى", "الاول"), ("الثانية", "الثاني"), ("الثالثة", "الثالث"),
        ("الرابعة", "الرابع"), ("الخامسة", "الخامس"), ("السادسة", "السادس"),
        ("السابعة", "السابع"), ("الثامنة", "الثامن"), ("التاسعة", "التاسع"),
        ("العاشرة", "العاشر"),
    ),
    "tr": (
        ("birinci",), ("ikinci",), ("üçüncü",), ("dördüncü",), ("beşinci",), ("altıncı",),
        ("yedinci",), ("sekizinci",), ("dokuzuncu",), ("onuncu",),
    ),
}  # fmt: skip
"""Numbers written as words, next to a stage word: its id. Short cardinals that are words of
their own elsewhere (Turkish "on", Vietnamese "năm") are left out."""

NOTED: dict[str, tuple[str, ...]] = {
    "en": ("inserted", "added", "created", "updated", "last updated", "edited", "reopened"),
    "es": ("insertado", "insertada", "añadido", "añadida", "agregado", "creado", "actualizado"),
    "pt": ("inserido", "adicionado", "criado", "atualizado"),
    "fr": ("inséré", "insérée", "ajouté", "ajoutée", "créé", "créée", "mis à jour"),
    "de": ("eingefügt", "hinzugefügt", "erstellt", "aktualisiert"),
    "it": ("inserito", "aggiunto", "creato", "aggiornato"),
    "ru": ("добавлено", "добавлен", "создано", "обновлено"),
    "zh": ("插入", "新增", "添加", "创建", "更新"),
    "ja": ("追加", "作成", "更新"),
    "ko": ("추가", "생성", "업데이트"),
}
"""Words that date a change to the plan itself, not the work: "(INSERTED 2026-10-02)",
"(added 2026-03-01)" beside a phase is when it was written in, never when it is due."""

WAS: dict[str, tuple[str, ...]] = {
    "en": (
        "was", "originally", "original", "orig.", "previously", "formerly", "initially",
        "slipped from", "moved from", "pushed from", "postponed from", "changed from",
    ),
    "es": ("originalmente", "inicialmente", "previamente", "anteriormente"),
    "pt": ("originalmente", "inicialmente", "anteriormente", "previamente"),
    "fr": ("initialement", "auparavant", "précédemment", "anciennement"),
    "de": ("ursprünglich", "vorher", "zuvor", "bisher", "statt", "anstatt"),
    "it": ("originariamente", "inizialmente", "precedentemente"),
    "ru": ("было", "ранее", "изначально", "первоначально", "вместо"),
    "zh": ("原定", "原计划", "原計劃", "原为", "原為"),
    "ja": ("当初",),
    "ko": ("기존", "원래"),
    "tr": ("önceden", "başlangıçta", "eskiden"),
    "vi": ("trước đây", "ban đầu"),
}  # fmt: skip
"""Words that introduce a date the plan no longer holds: in "2026-10-15 (was 2026-09-01)",
"2026-10-15 (slipped from 2026-09-01)" or "originally 2026-09-01", the date after the word is
the original one and the other is the current one. Words that also mean "before" ("antes",
"prima") are left out: "antes del 2026-09-01" is a deadline."""

ORDINAL_SUFFIX = ("st", "nd", "rd", "th", ".", "ª", "º", ".ª", ".º", "re", "ère", "er", "e", "ème")
"""What turns a number before a stage word into an ordinal: "1st Phase", "1. Phase" (German,
Turkish, Polish, Czech...), "1ª Fase", "1º Marco", "1re étape", "1ère étape", "2e phase",
"2ème étape"."""

NUMERALS: dict[str, str] = {
    "〇": "0", "零": "0", "一": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5",
    "六": "6", "七": "7", "八": "8", "九": "9", "十": "10",
}  # fmt: skip
"""Chinese and Japanese numerals, for ordinals such as 第二阶段 ("stage 2") or 第十一阶段, and
ids after the word (阶段一, "stage one")."""

ORDINAL_PREFIX = ("第", "제")
"""What makes a number written against a stage word after it an ordinal, in the scripts
without spaces between words: 第二阶段, 第3段階, 제1단계 ("the 1st stage")."""
