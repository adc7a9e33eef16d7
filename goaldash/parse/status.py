"""The status vocabulary: every word and emoji a plan writes for a status, and the `Status` it
means. One table, read by status cells and lines (`status_of`) and by the notes of phase
headings (`heading_status`): a new status value is a member of `model.Status` and a row here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from goaldash.model import Status
from goaldash.text import repair_mojibake


@dataclass(frozen=True, slots=True)
class Row:
    """Words and emoji that mean one status.

    Words are separated by `|` and matched in any case, as whole words (unless `whole` is
    False: scripts without spaces). A `_` in a word is a separator: in a status cell a space,
    `-`, `_` or nothing ("in progress", "in-progress", "inprogress"); opening a heading's
    note, a space or `-`.
    """

    status: Status
    heading: str = ""
    """Words that state the status anywhere, including at the start of a phase heading's
    note ("Phase 2: Name - Done")."""
    words: str = ""
    """Words that state it in a status cell or line only: in a heading they would be a
    description ("Phase 4: Next steps")."""
    emoji: str = ""
    """Emoji that state it (each a single character; variation selectors are ignored)."""
    whole: bool = True

    @property
    def heading_words(self) -> list[str]:
        return [w for w in self.heading.split("|") if w]

    @property
    def all_words(self) -> list[str]:
        return self.heading_words + [w for w in self.words.split("|") if w]


# fmt: off
VOCABULARY: tuple[Row, ...] = (
    Row(Status.NOT_STARTED, "not_started|to_do|todo", "not_begun|not yet", emoji="⏳⬜⏸🔜📋"),
    Row(Status.IN_PROGRESS, "in_progress|ongoing|wip|current|active|delayed|at_risk",
        "started|underway|executing|in_review|partial|partially", emoji="🔄🚧🟡🏗⚠"),
    Row(Status.BLOCKED, "blocked|on_hold|paused", "stuck|waiting|awaiting", emoji="❌🔴⛔🛑🚫"),
    Row(Status.DONE, "complete|completed|done|finished|closed|shipped|resolved|merged|delivered",
        "implemented|fixed|archived|superseded", emoji="✅✔☑🟢"),
    Row(Status.NOT_STARTED, "pending|planned",
        "proposed|future|draft|backlog|queued|scheduled|upcoming|next|new|planning"),
    Row(Status.CANCELLED, "cancelled|canceled|dropped|deferred|abandoned|won't do|wontfix|descoped",
        "obsolete|skipped|removed", emoji="🗑"),
    # Other languages: a row a language and status, words as plans write them. Scripts
    # written without spaces are matched anywhere (`whole=False`); the others as words.
    Row(Status.NOT_STARTED, "no iniciado|no iniciada|no empezado|no empezada|sin empezar|"
        "sin iniciar|pendiente|planificado|"
        "não iniciado|não iniciada|pendente|planejado|non commencé|non démarré|à faire|"
        "prévu|planifié|nicht begonnen|nicht gestartet|geplant|offen|non iniziato|da fare|"
        "pianificato|не начат|не начата|не начато|не начаты|запланирован|запланировано|"
        "başlamadı|planlandı|beklemede|chưa bắt đầu|لم يبدأ|مخطط|non iniziata|por hacer|"
        "a fazer|à venir|in planung|ausstehend|başlanmadı|yapılacak|لم تبدأ"),
    Row(Status.NOT_STARTED, "未开始|未開始|待开始|待開始|未着手|未实施|予定|시작 전|예정|대기|"
        "未対応|待办|待辦|规划中|미착수",
        whole=False),
    Row(Status.IN_PROGRESS, "en curso|en progreso|en proceso|em andamento|em progresso|"
        "en cours|in bearbeitung|in arbeit|laufend|in corso|в процессе|в работе|выполняется|"
        "devam ediyor|sürüyor|đang thực hiện|đang tiến hành|قيد التنفيذ|جاري"),
    Row(Status.IN_PROGRESS, "进行中|進行中|実施中|対応中|着手中|作業中|작업 중|진행 중|진행중",
        whole=False),
    Row(Status.BLOCKED, "bloqueado|bloqueada|bloqué|bloquée|blockiert|bloccato|заблокирован|"
        "заблокировано|engellendi|bị chặn|محظور|bloccata|блокирован|заблокирована|محظورة|"
        # on hold, paused: blocked, as "on hold" and "paused" are
        "en pausa|en espera|em pausa|em espera|pausado|pausada|en pause|en attente|suspendu|"
        "suspendue|in pausa|in attesa|sospeso|sospesa|pausiert|angehalten|приостановлено|"
        "приостановлен|приостановлена|askıda|durduruldu|tạm dừng|متوقف|معلق"),
    Row(Status.BLOCKED, "阻塞|受阻|ブロック中|차단|已暂停|暂停|暫停|中断|보류|중단",
        whole=False),
    Row(Status.CANCELLED, "cancelado|cancelada|descartado|descartada|annulé|annulée|abandonné|"
        "abgebrochen|gestrichen|verworfen|annullato|annullata|cancellato|отменено|отменён|"
        "отменена|отменен|iptal|đã hủy|ملغى|ملغاة|abandonnée|storniert|"
        # deferred, postponed: cancelled, as "deferred" is
        "pospuesto|pospuesta|aplazado|aplazada|adiado|adiada|reporté|reportée|rinviato|"
        "rinviata|verschoben|zurückgestellt|отложено|отложен|отложена|ertelendi|bị hoãn|hoãn|"
        "مؤجل|مؤجلة"),
    Row(Status.CANCELLED, "已取消|取消|中止|キャンセル|취소|已推迟|推迟|搁置|見送り|연기됨",
        whole=False),
    Row(Status.DONE, "terminado|terminada|completado|completada|finalizado|finalizada|"
        "hecho|concluído|concluída|concluido|concluida|finalizada|terminé|terminée|achevé|"
        "achevée|complété|erledigt|abgeschlossen|fertig|completato|completata|terminato|"
        "concluso|завершено|завершена|завершён|завершен|выполнено|выполнена|готово|"
        "tamamlandı|hoàn thành|đã xong|مكتمل|مكتملة|منجز|выполнен|сделано|bitti|منتهي",
        "listo|fait|faite|готов"),
    Row(Status.DONE, "已完成|完成|完了|済み|완료|已上线|已交付", whole=False),
    Row(Status.IN_PROGRESS, words="đang", whole=False),
    Row(Status.NOT_STARTED, words="chưa", whole=False),
)
# fmt: on
"""Read in this order: the first row with a word in the text gives its status ("not started"
before "started", "in progress, pending review" is in progress). Emoji win over words."""


def _pattern(word: str, separator: str) -> str:
    return separator.join(re.escape(part) for part in word.split("_"))


def _row_pattern(row: Row) -> re.Pattern[str]:
    alternatives = "|".join(_pattern(w, "[ _-]?") for w in row.all_words)
    edge = r"\b" if row.whole else ""
    return re.compile(f"{edge}(?:{alternatives}){edge}", re.IGNORECASE)


_EMOJI: dict[str, Status] = {ch: row.status for row in VOCABULARY for ch in row.emoji}
_WORDS: tuple[tuple[re.Pattern[str], Status], ...] = tuple(
    (_row_pattern(row), row.status) for row in VOCABULARY
)
# A heading's note opens with a status word, after emphasis and an adverb at most. The word
# alone is read, except in "blocked until ...", which is read whole (as it always was: a
# status word after `until` decides, "Blocked until May, not started" is not started).
_HEADING = re.compile(
    r"^[\s*_`]*(?:(?:fully|now|mostly)\s+)?(?P<word>blocked\s+until\b.*|"
    + "|".join(_pattern(w, "[ -]") for row in VOCABULARY for w in row.heading_words)
    + r")\b",
    re.IGNORECASE,
)


def status_of(text: str) -> Status | None:
    """The status a short text (a table cell, a heading suffix) states, or None.

    Emoji win over words ("⏸️ PENDING USER APPROVAL" is not started). Mojibake is repaired
    first, so `‚úÖ` reads as ✅.
    """
    text = repair_mojibake(text)
    for ch in text:
        status = _EMOJI.get(ch)
        if status is not None:
            return status
    for pattern, status in _WORDS:
        if pattern.search(text):
            return status
    return None


def heading_status(note: str) -> Status | None:
    """The status a heading's note states by opening with a status word ("done", "Fully
    Complete", "**in progress** since May"), or None."""
    m = _HEADING.match(note)
    return status_of(m.group("word")) if m else None


def frontmatter_status(value: str) -> Status:
    """Map a frontmatter `status:` / `lifecycle:` value to a Status."""
    return status_of(value) or Status.UNKNOWN


_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")


def percent_of(text: str) -> float | None:
    """The first percentage in `text` (0-100), or None."""
    m = _PERCENT.search(text)
    if not m:
        return None
    value = float(m.group(1))
    return value if 0 <= value <= 100 else None
