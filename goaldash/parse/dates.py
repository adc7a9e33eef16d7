"""Dates and spans as people write them in plans.

The regular expressions isolate a candidate, and the calendar check is `datetime.date`'s
own. A general parser such as dateutil is not used: its fuzzy mode reads dates into any
number in free text, which is exactly what must not happen here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from goaldash.parse.words import (
    COLUMN,
    FROM,
    MONTHS,
    OF_YEAR,
    STATUS_KEY,
    UNTIL,
    WAS,
    every_word,
    words_pattern,
)

_MONTHS: dict[str, int] = {}
for _names in MONTHS.values():
    for _i, _forms in enumerate(_names, start=1):
        for _form in _forms:
            assert _MONTHS.setdefault(_form, _i) == _i, _form  # one month a name, every language
_MONTH = (
    r"(?<!\w)(?P<mon>"
    + "|".join(re.escape(n) for n in sorted(_MONTHS, key=len, reverse=True))
    + r")(?!\w)\.?"
)
# "3 de marzo de 2025", "15 tháng 3 năm 2026": a word of `words.OF_YEAR` before the year.
_OF_YEAR = rf"(?:{words_pattern(OF_YEAR)}\s{{1,3}})?"

# What joins the two ends of a range: a dash or tilde, or a word of `words.UNTIL` ("to", "bis",
# "au", "по", "至") with spaces around it.
_UNTIL = words_pattern(UNTIL)
_TO = rf"(?:\s{{0,3}}[-–—~〜～]\s{{0,3}}|\s{{1,3}}{_UNTIL}\s{{1,3}})"
_ISO = r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
ISO_DATE = re.compile(r"(?<![\d-])" + _ISO + r"(?![\d])")
# "Dec 28, 2025", "December 28 2025", "Dec 16-20, 2025", "Nov 21 - Dec 19, 2025", "marzo 3, 2025"
_MDY = re.compile(
    _MONTH
    + r"\s{0,3}(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:"
    + _TO
    + "(?:"
    + _MONTH.replace("?P<mon>", "?P<mon2>")
    + r"\s{0,3})?(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?,?\s{1,3}(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
# "28 Dec 2025", "28 déc. 2025", "3 de marzo de 2025", "15. März 2025", "28 декабря 2025"; and
# a range ending on such a date, from a day or a day and a month: "2–13 марта 2026",
# "2 au 13 mars 2026", "2. bis 13. März 2026", "21 Nov – 19 Dec 2025".
_DMY = re.compile(
    r"(?<![\d.])(?:(?P<d0>\d{1,2})(?:\.|st|nd|rd|th|er|º)?"
    r"(?:\s{0,3}(?:de\s{1,3})?"
    + _MONTH.replace("?P<mon>", "?P<mon0>")
    + ")?"
    + _TO
    + r")?(?P<d>\d{1,2})(?:\.|st|nd|rd|th|er|º)?\s{0,3}(?:de\s{1,3})?"
    + _MONTH
    + r",?\s{0,3}"
    + _OF_YEAR
    + r"(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
# "2025/10/15", "2025.10.15", "2025年10月15日", "2025년 10월 15일"
_YMD = re.compile(
    r"(?<![\d/.])(?P<y>\d{4})(?:(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/]|\.\d)"
    r"|\s{0,2}[年년]\s{0,2}(?P<m2>\d{1,2})\s{0,2}[月월]\s{0,2}(?P<d2>\d{1,2})(?!\d)(?:\s{0,2}[日일])?)"
)
# The end of a range after a year-month-day date, written without its year:
# "2026年3月2日〜3月13日", "2026年3月2日至13日", "2026/3/2～3/13" (the start's separator).
_CJK_END = re.compile(
    rf"(?:\s{{0,3}}[-–—~〜～]\s{{0,3}}|\s{{0,3}}{_UNTIL}\s{{0,3}})"
    r"(?:(?P<m>\d{1,2})\s{0,2}[月월]\s{0,2}(?P<d>\d{1,2})|(?P<day>\d{1,2}))\s{0,2}[日일]"
    r"|(?:\s{0,3}[-–—~〜～]\s{0,3}|\s{1,3}" + _UNTIL + r"\s{1,3})"
    r"(?P<m2>\d{1,2})(?P<sep>[/.])(?P<d2>\d{1,2})(?![\d/]|\.\d)",
    re.IGNORECASE,
)
# "04/03/2026", "4/3/26", "04.03.26", "12.04.2017", "30-01-2026": day first with dots, and
# with slashes or hyphens where the file's dates say so (`day_first`). With hyphens the year
# has four digits and nothing dashed goes on after it, so that "12-15-26" or "1-2-2026-3" (a
# range of numbers, an id) is no date; "v1-2-2026" is not read for the letter before it.
_NUMERIC = re.compile(
    r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\d/]|\.\d|(?<=-\d{4})-\w)"
)
# Slash (or hyphen) dates with a first field over 12 (day first) or a second over 12 (month
# first).
_DAY_OVER_12 = r"(?:1[3-9]|2\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_DAY_FIRST = re.compile(
    rf"(?<![\w/-]){_DAY_OVER_12}(?:/{_MONTH_NUMBER}/(?:\d{{4}}|\d{{2}})|-{_MONTH_NUMBER}-\d{{4}})(?!\d)"
)
_MONTH_FIRST = re.compile(
    rf"(?<![\w/-]){_MONTH_NUMBER}(?:/{_DAY_OVER_12}/(?:\d{{4}}|\d{{2}})|-{_DAY_OVER_12}-\d{{4}})(?!\d)"
)
# Letters of the languages that write the day first: a file in one of them reads 04/03 so.
_NOT_ENGLISH = re.compile(r"[À-ɏЀ-ӿ\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_ENGLISH_WORDS = {w for t in (*COLUMN.values(), STATUS_KEY) for w in t.get("en", ())} | {"debut"}
# Or its words, when they are written without such letters ("Scadenza", "Prazo", "Estado"): the
# date and status column words and status keys of the other languages, those of five letters or
# more that are no English word ("fine", "fin", "ende" and "debut" are English too).
_OTHER_WORDS = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(w)
        for t in (COLUMN["start"], COLUMN["end"], COLUMN["completed"], STATUS_KEY)
        for lang, ws in t.items()
        if lang != "en"
        for w in ws
        if w.isascii() and len(w) >= 5 and w not in _ENGLISH_WORDS
    )
    + r")\b",
    re.IGNORECASE,
)
_WORDS_READ = 65536
"""How far into a file its words are looked for: a plan says what language it is in early."""


@dataclass(slots=True)
class _File:
    text: str
    day_first: bool | None = None


_READING: ContextVar[_File | None] = ContextVar("goaldash_dates_file", default=None)


def read_dates_of(text: str) -> None:
    """Set the file whose dates are read next: `04/03/2026` is read day first or month first
    as that file's other dates say (decided only when such a date is met)."""
    _READING.set(_File(text))


def day_first(text: str) -> bool:
    """Does `text` write slash dates day first? Its unambiguous ones say so (`13/03/2026` or
    `03/13/2026`, the first kind winning a tie); else a file in a language other than English
    (by its letters or its words) does, and an English one does not."""
    days, months = len(_DAY_FIRST.findall(text)), len(_MONTH_FIRST.findall(text))
    if days or months:
        return days >= months
    return (
        _NOT_ENGLISH.search(text) is not None
        or _OTHER_WORDS.search(text, 0, _WORDS_READ) is not None
    )


def _slash_day_first() -> bool:
    f = _READING.get()
    if f is None:
        return False
    if f.day_first is None:
        f.day_first = day_first(f.text)
    return f.day_first


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if len(text) == 2 else y


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text, with where it was."""

    value: date
    start: int
    end: int
    until: date | None = None
    """The second date of a range written in one piece ("Dec 16-20, 2025")."""


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, in order of appearance."""
    found: list[FoundDate] = []
    # The stretches of `text` taken by the dates found, apart from each other: by their
    # starts, so their ends are in order too, and only the last one starting before a new
    # stretch ends can overlap it (a text of twenty thousand dates took half a minute when
    # each was checked against all).
    starts: list[int] = []
    ends: list[int] = []

    def free(a: int, b: int) -> bool:
        i = bisect_left(starts, b)
        return i == 0 or ends[i - 1] <= a

    def add(d: date | None, m: re.Match[str], until: date | None = None, at: int = -1) -> bool:
        start, end = m.start() if at < 0 else at, m.end()
        if d and free(start, end):
            found.append(FoundDate(d, start, end, until))
            i = bisect_left(starts, start)
            starts.insert(i, start)
            ends.insert(i, end)
            return True
        return False

    for m in ISO_DATE.finditer(text):
        add(_make(int(m["y"]), int(m["m"]), int(m["d"])), m)
    if "/" in text or "." in text or "-" in text or not text.isascii():
        for m in _YMD.finditer(text):
            month, day = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
            start = _make(int(m["y"]), int(month), int(day))
            tail = _CJK_END.match(text, m.end()) if start else None
            if start and tail and (end := _yearless_end(start, tail, m["sep"])):
                add(start, tail, end, m.start())
            else:
                add(start, m)
        for m in _NUMERIC.finditer(text):
            if m["sep"] == "." and len(m["y"]) == 2 and len(m["a"]) + len(m["b"]) < 4:
                continue  # "1.10.25" is a version; "04.03.26" a date
            if m["sep"] == "-" and len(m["y"]) == 2:
                continue  # "12-15-26": numbers
            a, b = int(m["a"]), int(m["b"])
            if m["sep"] == "." or a > 12 or (b <= 12 and _slash_day_first()):
                a, b = b, a  # day first
            add(_make(_year(m["y"]), a, b), m)
    if _YEAR.search(text) and any(c.isalpha() for c in text):
        for m in _MDY.finditer(text):
            mon = _MONTHS[m["mon"].lower()]
            y = int(m["y"])
            mon2 = _MONTHS[m["mon2"].lower()] if m["mon2"] else mon
            until = _make(y, mon2, int(m["d2"])) if m["d2"] else None
            # "Dec 21 - Jan 9, 2026": the year written is the end's.
            add(_make(y - (mon2 < mon), mon, int(m["d"])), m, until)
        for m in _DMY.finditer(text):
            y, mon = int(m["y"]), _MONTHS[m["mon"].lower()]
            end = _make(y, mon, int(m["d"]))
            if m["d0"] and _opens_range(text, m.start()):
                mon0 = _MONTHS[m["mon0"].lower()] if m["mon0"] else mon
                start = _make(y - (mon0 > mon), mon0, int(m["d0"]))  # "21 Dec – 9 Jan 2026"
                if start and end and start < end and add(start, m, end):
                    continue
            add(end, m, at=m.start("d"))  # "Phase 2 to 13 March 2026": 13 March
    found.sort(key=lambda f: f.start)
    return found


_FROM = every_word(FROM)
_LAST_WORD = re.compile(r"(\w+)\s*$")


def _opens_range(text: str, at: int) -> bool:
    """Whether a day at `at` can start a range ("2–13 марта 2026"): nothing but punctuation or
    a word of `words.FROM` ("du", "с", "vom") before it, so that the number of "Phase 2 to 13
    March 2026" or "v1.2 – 13 March", or a time's "10:30 – 13 March", is not taken for a day."""
    if at and not (text[at - 1].isspace() or text[at - 1] in "(（[*_|>«“\"'"):
        return False
    before = text[max(0, at - 24) : at].rstrip()
    if not before:
        return True
    word = _LAST_WORD.search(before)
    if word is None:
        return before[-1] not in "#№/."
    return word.group(1).lower() in _FROM


def _yearless_end(start: date, tail: re.Match[str], sep: str | None) -> date | None:
    """The end of "2026年3月2日〜3月13日" or "2026/3/2～3/13": the start's year, or the next
    one if it would otherwise end before it starts ("2026年12月15日〜1月10日")."""
    if tail["m2"]:
        if tail["sep"] != sep:
            return None  # "2026/3/2 – 3.13": not the start's dress
        month, day = int(tail["m2"]), int(tail["d2"])
    elif sep is not None:
        return None  # "2026/3/2〜3月13日": nor this
    elif tail["day"]:
        month, day = start.month, int(tail["day"])  # "2026年3月2日至13日"
    else:
        month, day = int(tail["m"]), int(tail["d"])
    end = _make(start.year, month, day)
    if end is not None and end < start and not tail["day"]:
        end = _make(start.year + 1, month, day)
    return end if end is not None and end > start else None


def first_date(text: str) -> date | None:
    """The first date in `text`, or None."""
    found = find_dates(text)
    return found[0].value if found else None


_STRUCK = re.compile(r"~~[^~\n]{1,200}~~")
# A word saying the date after it is no longer held ("(was 2026-09-01)", "originally: ..."),
# looked for in the few characters before a date.
_WAS_BEFORE = re.compile(rf"(?<!\w){words_pattern(WAS)}[\s:*_]{{0,4}}$", re.IGNORECASE)
_LOOK_BACK = 24


def revised(text: str) -> tuple[date | None, date | None]:
    """The current and the original date of a value that may have moved:
    `~~2026-06-30~~ ~~2026-08-15~~ 2026-09-30`, `2026-10-15 (was 2026-09-01)`,
    `2026-10-15 (slipped from 2026-09-01)`, `~~Nov 1, 2026~~ → Dec 1, 2026`.

    A struck date, or one introduced by a `words.WAS` word, is never the current one: the
    current date is the last other one, the original the first such. A value struck as a whole
    (`~~2026-01-05~~`, a finished row struck through) is still its date, with no original.
    """
    found = find_dates(text)
    if not found:
        return None, None
    struck = [m.span() for m in _STRUCK.finditer(text)] if "~~" in text else []
    current: date | None = None
    original: date | None = None
    for f in found:
        old = any(a <= f.start and f.end <= b for a, b in struck) or bool(
            _WAS_BEFORE.search(text, max(0, f.start - _LOOK_BACK), f.start)
        )
        if not old:
            current = f.value
        elif original is None:
            original = f.value
    if current is None:
        if struck and not _STRUCK.sub("", text).strip(" *_,;.-–—→()"):
            return found[-1].value, None
        return None, original
    return current, original


# A month or a quarter of a year: "March 2027", "end of January 2027", "Q1 2027", "2027-Q1".
# ("tháng 3/2026", as Vietnamese writes a month of a year.)
_MONTH_YEAR = re.compile(
    _MONTH + rf"(?:,?\s{{1,3}}{_OF_YEAR}|/)(?P<y>\d{{4}})(?!\d)", re.IGNORECASE
)
_QUARTER = re.compile(
    r"(?<![\w-])(?:Q(?P<q>[1-4])[ '’-]{0,2}(?P<y>\d{4})"
    r"|(?P<y2>\d{4})[ -]{0,2}Q(?P<q2>[1-4]))(?!\w)",
    re.IGNORECASE,
)


def period(text: str) -> tuple[date, date] | None:
    """The month or quarter `text` names with its year, as its first and last day, when it
    holds no day-precise date: as an end, "March 2027" is 2027-03-31 and "Q1 2027" 2027-03-31;
    as a start, their first days. Having a year, it is no guess."""
    if not _YEAR.search(text) or find_dates(text):
        return None
    months: tuple[int, int, int] | None = None
    m = _MONTH_YEAR.search(text)
    q = _QUARTER.search(text)
    if q and (m is None or q.start() < m.start()):
        quarter = int(q["q"] or q["q2"])
        months = (int(q["y"] or q["y2"]), 3 * quarter - 2, 3 * quarter)
    elif m:
        month = _MONTHS[m["mon"].lower()]
        months = (int(m["y"]), month, month)
    if months is None:
        return None
    year, first, last = months
    end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
    return date(year, first, 1), end - timedelta(days=1)


_RANGE_SEP = re.compile(rf"^\s*(?:[-–—~〜～]|→|->|\.\.|{_UNTIL})\s*$", re.IGNORECASE)


def date_range(text: str) -> tuple[date, date] | None:
    """A range such as `2025-10-08 ~ 2025-11-20`, `Dec 16-20, 2025`, `Jan 5 to Feb 2, 2026`,
    `02.02.2026 bis 27.03.2026`, `2–13 марта 2026` or `2026年3月16日～4月10日`: two dates joined
    by a dash or a word of `words.UNTIL`, or written in one piece."""
    found = find_dates(text)
    for f in found:
        if f.until:
            return (f.value, f.until)
    for a, b in pairwise(found):
        if _RANGE_SEP.match(text[a.end : b.start]) and a.value <= b.value:
            return (a.value, b.value)
    return None
