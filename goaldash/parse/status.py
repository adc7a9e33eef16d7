"""The status vocabulary: every word and emoji a plan writes for a status, and the `Status` it
means. One table, read by status cells and lines (`status_of`) and by the notes of phase
headings (`heading_status`): a new status value is a member of `model.Status` and a row here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from goaldash.model import Status
from goaldash.parse.wordforms import escape
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
    Row(Status.NOT_STARTED, "not_started|to_do|todo",
        "not_begun|not yet|incomplete|uncompleted|unfinished", emoji="⏳⬜⏸🔜📋"),
    Row(Status.IN_PROGRESS, "in_progress|ongoing|wip|current|active|delayed|at_risk|on_track|"
        "on_schedule|behind_schedule|off_track|in_testing|under_review|"
        # all but finished: before "done" is read
        "almost_done|almost_complete|almost_completed|almost_finished|nearly_done|"
        "nearly_complete|nearly_completed|nearly_finished|mostly_done|mostly_complete|"
        "mostly_completed|mostly_finished",
        "started|underway|executing|in_review|partial|partially|testing|in_qa|kicked_off|"
        "needs_review|ready_for_review", emoji="🔄🚧🟡🏗⚠"),
    Row(Status.BLOCKED, "blocked|on_hold|paused", "stuck|waiting|awaiting|stalled|halted",
        emoji="❌🔴⛔🛑🚫"),
    # Merged into another phase, moved elsewhere: this one is dropped (before "merged" reads).
    Row(Status.CANCELLED, "merged_into|folded_into|consolidated_into|absorbed_into|moved_to|"
        "superseded_by|replaced_by"),
    Row(Status.DONE, "complete|completed|done|finished|closed|shipped|resolved|merged|delivered",
        "implemented|fixed|archived|superseded|released|launched|deployed|live",
        emoji="✅✔✓☑🟢"),
    Row(Status.NOT_STARTED, "pending|planned|future",
        "proposed|draft|backlog|queued|scheduled|upcoming|next|new|planning"),
    Row(Status.CANCELLED, "cancelled|canceled|dropped|deferred|postponed|abandoned|won't do|"
        "wontfix|won't fix|descoped|obsolete|skipped",
        "removed", emoji="🗑"),
    # Other languages: a row a language and status, words as plans write them. Scripts
    # written without spaces are matched anywhere (`whole=False`); the others as words.
    Row(Status.NOT_STARTED, "no iniciado|no iniciada|no empezado|no empezada|sin empezar|"
        "sin iniciar|sin terminar|sin completar|pendiente|planificado|"
        "não iniciado|não iniciada|pendente|planejado|non commencé|non démarré|à faire|"
        "prévu|planifié|nicht begonnen|nicht gestartet|geplant|offen|non iniziato|da fare|"
        "pianificato|не начат|не начата|не начато|не начаты|запланирован|запланировано|"
        "başlamadı|tamamlanmadı|tamamlanmamış|bitmedi|planlandı|beklemede|chưa bắt đầu|"
        "لم يبدأ|مخطط|non iniziata|por hacer|"
        "a fazer|à venir|in planung|ausstehend|başlanmadı|yapılacak|لم تبدأ|bekliyor|chưa làm|"
        # French in capitals is often written without its accents: "(A FAIRE)"
        "a faire|non commence|non demarre|prevu|planifie|"
        # From here in each row: words.MORE_LANGUAGES (pl nl sv da no cs uk id hi fa he el).
        "nie rozpoczęty|nie rozpoczęta|nie rozpoczęte|nie rozpoczęto|nierozpoczęty|nierozpoczęta|"
        "nierozpoczęte|zaplanowany|zaplanowana|zaplanowane|planowany|planowana|planowane|"
        "do zrobienia|oczekujący|oczekująca|oczekujące|niet gestart|niet begonnen|"
        "nog niet gestart|nog niet begonnen|gepland|nog te doen|te doen|ej påbörjad|ej påbörjat|"
        "inte påbörjad|inte påbörjat|ej startad|ej startat|inte startad|inte startat|planerad|"
        "planerat|planerade|att göra|ikke startet|ikke påbegyndt|ikke påbegynt|planlagt|planlagte|"
        "nezahájeno|nezahájený|nezahájená|nezahájené|nezačato|plánováno|plánovaný|plánovaná|"
        "plánované|naplánováno|не розпочато|не розпочата|не розпочатий|не почато|заплановано|"
        "запланований|запланована|belum dimulai|belum mulai|direncanakan|शुरू नहीं|आरंभ नहीं|"
        "प्रारंभ नहीं|नियोजित|लंबित|شروع نشده|آغاز نشده|برنامه‌ریزی شده|برنامه ریزی شده|לא התחיל|"
        "לא התחילה|טרם התחיל|טרם התחילה|טרם החל|מתוכנן|מתוכננת|δεν ξεκίνησε|δεν έχει ξεκινήσει|"
        "προγραμματισμένο|προγραμματισμένη|προγραμματισμένα|σχεδιασμένο|σχεδιασμένη|εκκρεμεί|"
        "σε εκκρεμότητα",
        "openstaand|in afwachting|väntande|afventer|afventende|gjenstår|čeká na zahájení|очікує|"
        "в очікуванні|در انتظار|ממתין|ממתינה|לביצוע"),
    Row(Status.NOT_STARTED, "未开始|未開始|待开始|待開始|未着手|未实施|予定|시작 전|예정|대기|"
        "未対応|待办|待辦|规划中|미착수",
        whole=False),
    Row(Status.IN_PROGRESS, "en curso|en progreso|en proceso|em andamento|em progresso|"
        "en cours|in bearbeitung|in arbeit|laufend|in corso|в процессе|в работе|выполняется|"
        "devam ediyor|sürüyor|đang thực hiện|đang tiến hành|đang làm|قيد التنفيذ|جاري|"
        "w trakcie|w toku|w realizacji|realizowany|realizowana|realizowane|in uitvoering|bezig|"
        "lopend|lopende|in behandeling|onderhanden|in ontwikkeling|pågår|pågående|under arbete|"
        "i arbete|under utveckling|i gang|igangværende|under udvikling|under arbeid|i arbeid|"
        "under utvikling|probíhá|rozpracováno|rozpracovaný|rozpracovaná|rozpracované|v řešení|"
        "v realizaci|в процесі|у процесі|в роботі|у роботі|виконується|триває|в розробці|"
        "у розробці|sedang berjalan|sedang dikerjakan|sedang berlangsung|berlangsung|dalam proses|"
        "dalam pengerjaan|प्रगति पर|प्रगति में|जारी|चालू|चल रहा है|चल रही है|در حال انجام|"
        "در جریان|در دست اقدام|"
        "در حال اجرا|בתהליך|בביצוע|בעבודה|בפיתוח|σε εξέλιξη|σε πρόοδο|υπό εξέλιξη|σε εκτέλεση",
        # started, not yet finished
        "rozpoczęty|rozpoczęta|rozpoczęte|rozpoczęto|gestart|begonnen|påbörjad|påbörjat|startad|"
        "startat|startet|påbegyndt|påbegynt|zahájeno|zahájený|zahájená|zahájené|розпочато|"
        "розпочата|розпочатий|dimulai|berjalan|belum selesai|شروع شده|ξεκίνησε"),
    Row(Status.IN_PROGRESS, "进行中|進行中|実施中|対応中|着手中|作業中|작업 중|진행 중|진행중",
        whole=False),
    Row(Status.BLOCKED, "bloqueado|bloqueada|bloqué|bloquée|blockiert|bloccato|заблокирован|"
        "заблокировано|engellendi|bị chặn|محظور|bloccata|блокирован|заблокирована|محظورة|"
        # on hold, paused: blocked, as "on hold" and "paused" are
        "en pausa|en espera|em pausa|em espera|pausado|pausada|en pause|en attente|suspendu|"
        "suspendue|in pausa|in attesa|sospeso|sospesa|pausiert|angehalten|приостановлено|"
        "приостановлен|приостановлена|askıda|durduruldu|tạm dừng|متوقف|معلق|"
        "bloquee|"
        "zablokowany|zablokowana|zablokowane|wstrzymany|wstrzymana|wstrzymane|wstrzymano|"
        "zawieszony|zawieszona|zawieszone|geblokkeerd|gepauzeerd|in de wacht|opgeschort|"
        "blockerad|blockerat|blockerade|pausad|pausat|pausade|vilande|blokeret|på pause|"
        "sat på pause|pauset|sat i bero|blokkert|på vent|satt på vent|satt på pause|blokováno|"
        "blokovaný|blokovaná|blokované|zablokováno|pozastaveno|pozastavený|pozastavená|"
        "pozastavené|заблоковано|заблокований|заблокована|призупинено|призупинений|"
        "призупинена|на паузі|terblokir|diblokir|terhambat|ditangguhkan|dijeda|अवरुद्ध|रुका हुआ|"
        "रोका गया|होल्ड पर|مسدود|חסום|חסומה|מושהה|מושהית|בהמתנה|μπλοκαρισμένο|μπλοκαρισμένη|"
        "μπλοκαρισμένα|σε παύση|σε αναμονή|σε αναστολή"),
    Row(Status.BLOCKED, "阻塞|受阻|ブロック中|차단|已暂停|暂停|暫停|中断|보류|중단",
        whole=False),
    Row(Status.CANCELLED, "cancelado|cancelada|descartado|descartada|annulé|annulée|abandonné|"
        "abgebrochen|gestrichen|verworfen|annullato|annullata|cancellato|отменено|отменён|"
        "отменена|отменен|iptal|đã hủy|ملغى|ملغاة|abandonnée|storniert|"
        # deferred, postponed: cancelled, as "deferred" is
        "pospuesto|pospuesta|aplazado|aplazada|adiado|adiada|reporté|reportée|rinviato|"
        "rinviata|verschoben|zurückgestellt|отложено|отложен|отложена|ertelendi|bị hoãn|hoãn|"
        "مؤجل|مؤجلة|annule|annulee|reportee|"
        "anulowany|anulowana|anulowane|anulowano|porzucony|porzucona|porzucone|odwołany|"
        "odwołana|odwołane|odłożony|odłożona|odłożone|geannuleerd|geschrapt|vervallen|uitgesteld|"
        "avbruten|avbrutet|avbrutna|inställd|inställt|struken|struket|utgår|uppskjuten|"
        "uppskjutet|annulleret|aflyst|droppet|opgivet|udskudt|avlyst|kansellert|avbrutt|utsatt|"
        "zrušeno|zrušený|zrušená|zrušené|stornováno|odloženo|odložený|odložená|odložené|"
        "скасовано|скасований|скасована|відкладено|відкладений|відкладена|dibatalkan|batal|"
        "ditunda|रद्द|स्थगित|لغو|کنسل|به تعویق افتاده|בוטל|בוטלה|מבוטל|מבוטלת|נדחה|נדחתה|"
        "ακυρώθηκε|ακυρωμένο|ακυρωμένη|ακυρωμένα|αναβλήθηκε|σε αναβολή",
        "przełożony|przełożona|przełożone"),
    Row(Status.CANCELLED, "已取消|取消|中止|キャンセル|취소|已推迟|推迟|搁置|見送り|연기됨",
        whole=False),
    Row(Status.DONE, "terminado|terminada|completado|completada|finalizado|finalizada|"
        "hecho|concluído|concluída|concluido|concluida|finalizada|terminé|terminée|achevé|"
        "achevée|complété|erledigt|abgeschlossen|fertig|completato|completata|terminato|"
        "concluso|завершено|завершена|завершён|завершен|выполнено|выполнена|готово|"
        "tamamlandı|hoàn thành|hoàn tất|đã xong|xong|termine|terminee|acheve|achevee|"
        "مكتمل|مكتملة|منجز|выполнен|сделано|bitti|منتهي|"
        "zakończony|zakończona|zakończone|zakończono|ukończony|ukończona|ukończone|ukończono|"
        "wykonany|wykonana|wykonane|wykonano|zrealizowany|zrealizowana|zrealizowane|zrobione|"
        "voltooid|afgerond|gereed|klaar|afgehandeld|opgeleverd|klar|klart|avslutad|avslutat|"
        "avslutade|slutförd|slutfört|slutförda|färdig|färdigt|genomförd|genomfört|genomförda|"
        "færdig|færdigt|afsluttet|fuldført|gennemført|udført|ferdig|fullført|avsluttet|"
        "gjennomført|utført|dokončeno|dokončený|dokončená|dokončené|hotovo|hotový|hotová|"
        "splněno|ukončeno|uzavřeno|завершений|виконано|виконаний|виконана|зроблено|закрито|"
        "selesai|sudah selesai|telah selesai|tuntas|rampung|पूर्ण|पूरा|संपन्न|समाप्त|تکمیل شده|"
        "تکمیل‌شده|انجام شده|انجام‌شده|پایان یافته|تمام شده|کامل شده|הושלם|הושלמה|בוצע|בוצעה|"
        "גמור|הסתיים|הסתיימה|ολοκληρώθηκε|ολοκληρωμένο|ολοκληρωμένη|ολοκληρωμένα|τελείωσε",
        "listo|fait|faite|fatto|fatta|готов|gotowy|gotowa|gotowe|έτοιμο|έτοιμη"),
    Row(Status.DONE, "已完成|完成|完了|済み|완료|已上线|已交付", whole=False),
    Row(Status.IN_PROGRESS, words="đang", whole=False),
    Row(Status.NOT_STARTED, words="chưa", whole=False),
)
# fmt: on
"""Read in this order: the first row with a word in the text gives its status ("not started"
before "started", "in progress, pending review" is in progress). Emoji win over words, but for
the traffic lights (`LIGHTS`)."""

LIGHTS = frozenset("🟢🟡🔴⏳🔄⚠")
"""Emoji that plans use loosely: traffic lights for health as often as for status ("🟢 On
track", "🔴 Not started", "🟢 Complete"), the hourglass and the arrows for anything not yet
finished ("⏳ In progress", "🔄 Pending"), the warning sign for trouble ("⚠️ Blocked by #140",
"⚠️ Delayed"). Beside a status word the word decides; alone they do."""

ATTENTION = frozenset("⚠")
"""Of `LIGHTS`, the marks that call attention to the words after them: in a heading's note,
words that state no status make it a note to heed, not a status ("Tests First ⚠️ MUST
COMPLETE BEFORE 3.3" is not a phase under way)."""

_PARTLY = re.compile(
    r"(?<!\w)(?:partially|partly|teilweise|parcialmente|partiellement|parzialmente|частично|"
    r"kısmen|một phần|częściowo|gedeeltelijk|частково)(?!\w)"
    r"|一部(?:完了|完成|実装|済)|部分(?:完成|完了|实现|實現)",
    re.IGNORECASE,
)
"""Work said to be partly done is in progress, whatever mark stands beside it ("✅ Partially
complete", "✅ 一部完了")."""


# fmt: off
NEGATION_BEFORE = (
    "not|no|non|never|without|no longer|yet to be|can't|cannot|nicht|kein|keine|noch nicht|"
    "ohne|pas|pas encore|sans|sin|aún no|todavía no|não|nao|ainda não|sem|senza|ancora non|"
    "не|ещё не|еще не|ні|ще не|без|nie|jeszcze nie|niet|nog niet|zonder|inte|ikke|ej|ei|ne|"
    "nem|không|chưa|belum|tidak|bukan|değil|henüz|لم|لا|غير|بدون|نه|هنوز|לא|טרם|δεν|μη|"
    "χωρίς|अभी नहीं|नहीं|न"
)
"""Words that deny the status word after them ("not complete", "pas encore terminé", "не
завершено", "chưa hoàn thành"), with at most a few words between (`_FILLER`)."""
NEGATION_AFTER = (
    "नहीं|nahin|değil|していない|ていない|されていない|でない|じゃない|ではない|ません|"
    "되지 않|지 않|안 됨"
)
"""Words that deny the status word before them ("पूरा नहीं", "完了していない", "완료되지 않음")."""
NEGATION_PREFIX = "未|沒|没|尚未|不|미|非|没有|沒有|无法|無法|未能|不再|还没|還沒|还未|還未"
"""Marks written onto the word they deny, in scripts without spaces ("未完成", "미완료")."""
# fmt: on

_FILLER = r"(?:\s+(?:yet|been|be|being|encore|ещё|еще|ya|hiç))*"
_NOT_QUITE_WORDS = (
    r"quite|fully|entirely|completely|totally|all|really|ganz|vollständig|totalmente|"
    r"completamente|del todo|complètement|entièrement|tout à fait|del tutto|полностью|"
    r"tamamen|całkiem|całkowicie|helemaal|helt|úplně"
)
"""Words that make a denial "not quite": "not fully complete" is under way, not undone."""
_NEGATED_BEFORE = re.compile(
    rf"(?:(?<!\w)(?:{NEGATION_BEFORE})(?!\w){_FILLER}(?:\s+(?P<quite>{_NOT_QUITE_WORDS}))?{_FILLER}"
    rf"[\s-]*|(?:{NEGATION_PREFIX}))$",
    re.IGNORECASE,
)
_NEGATED_AFTER = re.compile(
    rf"^\S{{0,3}}\s*(?:{NEGATION_AFTER})"
    r"|^\s*[:=]\s*(?:no|none|false|nein|non|não|нет|否|无)\s*(?:[.;,)\]|]|$)",
    re.IGNORECASE,
)
"""A word denied after it; or answered no, as a field ("Blocked: No", "Done: false"; not
"Done: no issues")."""
_NOT = 1
_HALF_DENIED = 2
_BEGUN = re.compile(r"started|underway|kicked[ _-]?off|begun|begonnen|commencé|iniciado|iniciada")
"""Words saying work began: denied, they say it has not ("never started")."""


def _negated(text: str, start: int, end: int) -> int:
    """How the status word at `text[start:end]` is denied by the words around it: 0 (it is
    not), `_NOT`, or `_HALF_DENIED` ("not fully complete")."""
    if m := _NEGATED_BEFORE.search(text, max(0, start - 40), start):
        return _HALF_DENIED if m.group("quite") else _NOT
    return _NOT if _NEGATED_AFTER.match(text[end : end + 24]) else 0


def partly(text: str) -> bool:
    """Does `text` say the work is partly done?"""
    return _PARTLY.search(text) is not None


def _pattern(word: str, separator: str) -> str:
    return separator.join(escape(part) for part in word.split("_"))


def _row_pattern(row: Row) -> re.Pattern[str]:
    alternatives = "|".join(_pattern(w, "[ _-]?") for w in row.all_words)
    # Not `\b`: a word may end in a vowel sign (Devanagari "जारी"), which is no word character.
    before, after = (r"(?<!\w)", r"(?!\w)") if row.whole else ("", "")
    return re.compile(f"{before}(?:{alternatives}){after}", re.IGNORECASE)


_EMOJI: dict[str, Status] = {ch: row.status for row in VOCABULARY for ch in row.emoji}
STATUS_EMOJI = frozenset(_EMOJI)
"""Every emoji that states a status."""
_WORDS: tuple[tuple[re.Pattern[str], Status], ...] = tuple(
    (_row_pattern(row), row.status) for row in VOCABULARY
)
# A heading's note opens with a status word, after emphasis and an adverb at most. The word
# alone is read, except in "blocked until ...", which is read whole (as it always was: a
# status word after `until` decides, "Blocked until May, not started" is not started).
_HEADING = re.compile(
    r"^[\s*_`]*(?:(?:fully|now)\s+)?(?P<word>blocked\s+until\b.*\b|(?:"
    + "|".join(_pattern(w, "[ -]") for row in VOCABULARY for w in row.heading_words)
    + r")(?!\w))",
    re.IGNORECASE,
)


def status_of(text: str) -> Status | None:
    """The status a short text (a table cell, a heading suffix) states, or None.

    Emoji win over words ("⏸️ PENDING USER APPROVAL" is not started), but for the traffic
    lights ("🟢 On track" is in progress, "🔴 Not started" not started). Mojibake is repaired
    first, so `‚úÖ` reads as ✅. A word denied ("not complete", "no longer blocked", "未完成",
    "पूरा नहीं") states nothing; but work said not to be done is not started, as "not yet" is
    (in progress beside a light that says so).
    """
    text = repair_mojibake(text)
    if _PARTLY.search(text):
        return Status.IN_PROGRESS
    light = None
    for ch in text:
        status = _EMOJI.get(ch)
        if status is not None:
            if ch not in LIGHTS:
                return status
            light = light or status
    denied, how, word = None, 0, ""
    for pattern, status in _WORDS:
        for m in pattern.finditer(text):
            if not (negated := _negated(text, m.start(), m.end())):
                return status
            if denied is None:
                denied, how, word = status, negated, m.group().casefold()
    if denied is Status.IN_PROGRESS and _BEGUN.fullmatch(word):
        return Status.NOT_STARTED  # "never started", "has not been started"
    if denied is Status.DONE:
        if how == _HALF_DENIED or light is Status.IN_PROGRESS:
            return Status.IN_PROGRESS  # "not quite done", "🟡 Not complete"
        return Status.NOT_STARTED  # "not complete", "未完成": not done, as "not yet" says
    return light


_BLOCKED_ON = re.compile(
    r"\b(?:blocked|waiting|on\s+hold|stuck)\s+(?:by|on|for|until|behind)\s+(?P<why>\S.*)$",
    re.IGNORECASE,
)
_REASON_AFTER = re.compile(r"\s+[—–-]\s+|\s*[:：]\s+")


def blocked_reason(text: str) -> str:
    """What a blocked status says blocks it: the words after it ("❌ Blocked — waiting on the
    API" -> "waiting on the API"), or after "blocked by" ("⚠️ Blocked by #140" -> "#140");
    "" when it says nothing more."""
    text = text.replace("**", "").strip()
    parts = _REASON_AFTER.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip() and status_of(parts[0]) is Status.BLOCKED:
        return parts[1].strip()
    m = _BLOCKED_ON.search(text)
    return m.group("why").strip() if m else ""


def is_status_word(text: str) -> bool:
    """Is `text` one status word and nothing more ("In progress", "진행 중", "Not started")? A
    heading's tag written so (`[진행 중]`) is a value, not a slot left to fill."""
    text = text.strip()
    return any(pattern.fullmatch(text) for pattern, _ in _WORDS)


_LETTER = re.compile(r"[^\W_]")


def says_more(note: str) -> bool:
    """Does a note that opens with a status word go on with words that state none, written
    against it ("暂停/恢复功能", "完成、归档功能": a name about pausing, not a paused phase;
    "Done/Shipped" says no more)?"""
    word = _LETTER.search(note)  # after the marks: "✅已完成"
    said = 0
    while word and said < 3 and (m := _HEADING.match(note[word.start() : word.start() + 80])):
        said += 1  # a few status words at most, each read in a short window: bounded
        word = _LETTER.search(note, word.start() + m.end())
    return said > 0 and word is not None and said < 3


BLOCKED_OPENERS = frozenset(
    re.split(r"[ _-]", w, maxsplit=1)[0].casefold()
    for row in VOCABULARY
    if row.status is Status.BLOCKED and row.whole
    for w in row.all_words
)
"""The first word of every blocked status written with spaces between words ("blocked",
"on" of "on hold", "en" of "en pausa"): a line opening with none of them says no such
status, told without trying the whole vocabulary."""


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
