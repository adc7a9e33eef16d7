"""Statuses and blockers in the twelve languages of `words.MORE_LANGUAGES` (issue 15): a
status in a phase heading's note, in a status line under it and in a status table keyed by
phase, and a blockers section titled in the language (status.VOCABULARY, words.STATUS_KEY,
words.COLUMN, words.BLOCKERS)."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from goaldash.model import Status
from goaldash.parse.words import MORE_LANGUAGES
from tests.conftest import plan_of


class Lang(NamedTuple):
    stage: str
    """The stage word, and the names of five phases."""
    names: tuple[str, str, str, str, str]
    done: str
    """In phase 1's heading, in parentheses."""
    status_line: str
    """Under phase 2's heading: in progress."""
    table: tuple[str, str, str]
    """A status table's header word, and the statuses of phases 3 (not started) and 4
    (blocked)."""
    cancelled: str
    """After phase 5's name and a dash."""
    blockers: tuple[str, str, str]
    """A blockers heading, a struck entry and an open one."""
    words: tuple[str, str, str, str, str]
    """Other forms: done, in progress, not started, blocked, cancelled."""


LANGS = {
    "pl": Lang("Etap", ("Analiza", "Projekt", "Wdrożenie", "Migracja", "Rozszerzenia"),
               "Zakończony", "**Status:** W trakcie", ("Status", "Zaplanowany", "Wstrzymany"),
               "Anulowany", ("## Blokery", "~~Czekamy na opinię prawną~~",
                             "Klucz API do środowiska testowego nie został wydany"),
               ("Ukończone", "W toku", "Do zrobienia", "Zablokowana", "Odłożone")),
    "nl": Lang("Fase", ("Analyse", "Ontwerp", "Bouw", "Migratie", "Uitbreidingen"),
               "Voltooid", "**Status:** In uitvoering", ("Status", "Gepland", "Gepauzeerd"),
               "Geannuleerd", ("## Blokkades", "~~Wachten op juridische review~~",
                               "API-sleutel voor de testomgeving ontbreekt"),
               ("Afgerond", "Bezig", "Nog niet gestart", "Geblokkeerd", "Uitgesteld")),
    "sv": Lang("Fas", ("Analys", "Design", "Bygge", "Migrering", "Tillägg"),
               "Klar", "**Status:** Pågår", ("Status", "Planerad", "Pausad"),
               "Inställd", ("## Hinder", "~~Väntar på juridisk granskning~~",
                            "API-nyckel till testmiljön saknas"),
               ("Slutförd", "Pågående", "Ej påbörjad", "Blockerad", "Uppskjuten")),
    "da": Lang("Fase", ("Analyse", "Design", "Udvikling", "Migrering", "Udvidelser"),
               "Færdig", "**Status:** I gang", ("Status", "Planlagt", "Sat på pause"),
               "Annulleret", ("## Blokeringer", "~~Venter på juridisk gennemgang~~",
                              "API-nøgle til testmiljøet mangler"),
               ("Afsluttet", "Igangværende", "Ikke startet", "Blokeret", "Udskudt")),
    "no": Lang("Fase", ("Analyse", "Design", "Utvikling", "Migrering", "Utvidelser"),
               "Fullført", "**Status:** Under arbeid", ("Status", "Ikke påbegynt", "På vent"),
               "Avlyst", ("## Hindringer", "~~Venter på juridisk gjennomgang~~",
                          "API-nøkkel til testmiljøet mangler"),
               ("Ferdig", "Pågår", "Planlagt", "Blokkert", "Utsatt")),
    "cs": Lang("Fáze", ("Analýza", "Návrh", "Vývoj", "Migrace", "Rozšíření"),
               "Dokončeno", "**Stav:** Probíhá", ("Stav", "Plánováno", "Pozastaveno"),
               "Zrušeno", ("## Překážky", "~~Čeká se na právní posouzení~~",
                           "Chybí API klíč pro testovací prostředí"),
               ("Hotovo", "Rozpracováno", "Nezahájeno", "Blokováno", "Odloženo")),
    "uk": Lang("Етап", ("Аналіз", "Дизайн", "Розробка", "Міграція", "Розширення"),
               "Завершено", "**Статус:** У процесі", ("Статус", "Заплановано", "Призупинено"),
               "Скасовано", ("## Блокери", "~~Очікуємо юридичну перевірку~~",
                             "Бракує API-ключа для тестового середовища"),
               ("Виконано", "В роботі", "Не розпочато", "Заблоковано", "Відкладено")),
    "id": Lang("Tahap", ("Analisis", "Desain", "Pengembangan", "Migrasi", "Ekstensi"),
               "Selesai", "**Status:** Sedang berjalan", ("Status", "Belum dimulai", "Ditangguhkan"),
               "Dibatalkan", ("## Hambatan", "~~Menunggu tinjauan hukum~~",
                              "Kunci API untuk lingkungan uji belum ada"),
               ("Sudah selesai", "Dalam proses", "Direncanakan", "Terblokir", "Ditunda")),
    "hi": Lang("चरण", ("विश्लेषण", "डिज़ाइन", "विकास", "माइग्रेशन", "विस्तार"),
               "पूर्ण", "**स्थिति:** जारी", ("स्थिति", "नियोजित", "रुका हुआ"),
               "रद्द", ("## बाधाएँ", "~~कानूनी समीक्षा की प्रतीक्षा~~",
                       "परीक्षण परिवेश के लिए API कुंजी नहीं मिली"),
               ("पूरा हुआ", "प्रगति पर", "शुरू नहीं हुआ", "अवरुद्ध", "स्थगित")),
    "fa": Lang("فاز", ("تحلیل", "طراحی", "توسعه", "مهاجرت", "افزونه‌ها"),
               "تکمیل شده", "**وضعیت:** در حال انجام", ("وضعیت", "برنامه‌ریزی شده", "مسدود"),
               "لغو شده", ("## موانع", "~~در انتظار بررسی حقوقی~~",
                           "کلید API برای محیط آزمایشی صادر نشده"),
               ("انجام شده", "در جریان", "شروع نشده", "متوقف شده", "به تعویق افتاده")),
    "he": Lang("שלב", ("ניתוח", "עיצוב", "פיתוח", "הגירה", "הרחבות"),
               "הושלם", "**סטטוס:** בתהליך", ("סטטוס", "מתוכנן", "מושהה"),
               "בוטל", ("## חסמים", "~~ממתינים לבדיקה משפטית~~",
                        "חסר מפתח API לסביבת הבדיקות"),
               ("בוצע", "בביצוע", "טרם התחיל", "חסום", "נדחה")),
    "el": Lang("Φάση", ("Ανάλυση", "Σχεδιασμός", "Ανάπτυξη", "Μετάπτωση", "Επεκτάσεις"),
               "Ολοκληρώθηκε", "**Κατάσταση:** Σε εξέλιξη",
               ("Κατάσταση", "Προγραμματισμένη", "Σε παύση"),
               "Ακυρώθηκε", ("## Εμπόδια", "~~Αναμονή νομικού ελέγχου~~",
                             "Λείπει το κλειδί API για το περιβάλλον δοκιμών"),
               ("Ολοκληρωμένη", "Σε πρόοδο", "Δεν έχει ξεκινήσει", "Μπλοκαρισμένο", "Αναβλήθηκε")),
}  # fmt: skip


def test_every_language_has_a_plan() -> None:
    assert sorted(LANGS) == sorted(MORE_LANGUAGES)


def plan_text(lang: Lang) -> str:
    """Five phases: done in the heading (its box unticked), in progress in a status line, not
    started and blocked in a status table (phase 3's first box ticked), cancelled after a
    dash; then a blockers section."""
    s, (n1, n2, n3, n4, n5) = lang.stage, lang.names
    key, todo, blocked = lang.table
    heading, struck, open_one = lang.blockers
    return (
        f"# Plan\n\n| {s} | {key} |\n|---|---|\n| {s} 3 | {todo} |\n| {s} 4 | {blocked} |\n\n"
        f"## {s} 1: {n1} ({lang.done})\n\n- [ ] a\n\n"
        f"## {s} 2: {n2}\n\n{lang.status_line}\n\n- [ ] b\n- [ ] c\n\n"
        f"## {s} 3: {n3}\n\n- [x] d\n- [ ] e\n\n"
        f"## {s} 4: {n4}\n\n- [ ] f\n\n"
        f"## {s} 5: {n5} — {lang.cancelled}\n\n- [ ] g\n\n"
        f"{heading}\n\n- {struck}\n- {open_one}\n"
    )


@pytest.mark.parametrize("code", sorted(LANGS))
def test_statuses_in_a_heading_a_status_line_and_a_table(code: str) -> None:
    plan = plan_of(plan_text(LANGS[code]))
    assert [(p.id, p.status.value) for p in plan.phases] == [
        ("1", "done"),
        ("2", "in_progress"),
        ("3", "not_started"),
        ("4", "blocked"),
        ("5", "cancelled"),
    ]


@pytest.mark.parametrize("code", sorted(LANGS))
def test_a_blockers_section(code: str) -> None:
    # The blocked row of the status table is a blocker too, as in English.
    lang = LANGS[code]
    _, struck, open_one = lang.blockers
    got = [(b.text, b.resolved) for b in plan_of(plan_text(lang)).blockers]
    assert got == [(f"{lang.stage} 4", False), (struck.strip("~"), True), (open_one, False)]


OTHER_FORMS = [
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.BLOCKED,
    Status.CANCELLED,
]
"""What `Lang.words` say, in order."""


@pytest.mark.parametrize("code", sorted(LANGS))
def test_the_other_forms_in_a_status_table(code: str) -> None:
    lang = LANGS[code]
    rows = "".join(f"| {lang.stage} {n} | {w} |\n" for n, w in enumerate(lang.words, 1))
    plan = plan_of(f"# Plan\n\n| {lang.stage} | {lang.table[0]} |\n|---|---|\n{rows}")
    assert [r.status for r in plan.status_rows] == OTHER_FORMS


@pytest.mark.parametrize("code", sorted(LANGS))
def test_the_other_forms_in_a_heading(code: str) -> None:
    lang = LANGS[code]
    heads = "".join(
        f"## {lang.stage} {n}: {name} — {w}\n\n- [ ] x\n\n"
        for n, (name, w) in enumerate(zip(lang.names, lang.words, strict=True), 1)
    )
    plan = plan_of(f"# Plan\n\n{heads}")
    assert [p.status for p in plan.phases] == OTHER_FORMS
