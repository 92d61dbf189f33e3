"""Time expressions: a rule-based TIMEX3 tagger and normaliser.

``find_time_expressions`` finds dates, times, durations and sets in raw text
with regular expressions and small word tables (no parser needed), and
normalises each against the publication date into a TIMEX3 value:

=====================  ===========================================
``2018-03-08``          a day (``XXXX-03-08`` when no year is known)
``2018-03``, ``2018``   a month, a year
``201``, ``19``         a decade ("the 2010s"), a century ("the 20th century")
``2018-W10``            an ISO week; ``2018-W10-WE`` its weekend
``2018-Q1``, ``2018-SU``  a quarter, a season (SP SU FA WI)
``2018-03-08T15:00``    a time (``Z`` when stated in UTC/GMT); ``...TMO`` a part of day
``P2Y``, ``PT30M``      a duration (``X`` for "years", "minutes")
``PRESENT_REF`` ...     "now", "recently" (PAST_REF), "the future" (FUTURE_REF)
=====================  ===========================================

The conventions follow TIMEX3 as the MEANTIME corpus annotates it (see
``eval/times.py``).  Without a publication date nothing relative gets a
concrete value: "yesterday" is ``XXXX-XX-XX``, never a guess from the clock.

Ambiguous references ("on Thursday", "in March", "the fourth quarter") are
resolved with the tense of their clause: past picks the most recent such day
on or before publication, future the next one after it.  The tense comes from
``tense_hint(offset)`` when given (the stage builds one from the spaCy parse),
else from a cheap look at nearby words (will, was, said, -ed ...).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping

from .model import Document, TimeExpression
from .pipeline import stage

TenseHint = Callable[[int], "str | None"]

# ---------------------------------------------------------------------------
# Word tables
# ---------------------------------------------------------------------------

MONTHS: Mapping[str, int] = MappingProxyType({
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
})
WEEKDAYS: Mapping[str, int] = MappingProxyType({  # ISO numbers, Monday = 1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
})
NUMBER_WORDS: Mapping[str, float] = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "couple": 2,
    "half": 0.5,
})
# Quantities that name no number: "several years" -> PXY.
VAGUE_QUANTITIES = frozenset({"few", "a few", "several", "many", "some", "dozens of",
                              "a number of"})
ORDINALS: Mapping[str, int] = MappingProxyType({
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
    "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12,
    "12th": 12, "thirteenth": 13, "13th": 13, "fourteenth": 14, "14th": 14, "fifteenth": 15,
    "15th": 15, "sixteenth": 16, "16th": 16, "seventeenth": 17, "17th": 17, "eighteenth": 18,
    "18th": 18, "nineteenth": 19, "19th": 19, "twentieth": 20, "20th": 20,
    "twenty-first": 21, "21st": 21, "final": 4, "last": 4,
})
# unit word -> (TIMEX3 duration code, is a clock unit (PT...))
UNITS: Mapping[str, tuple[str, bool]] = MappingProxyType({
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
})
SEASONS: Mapping[str, str] = MappingProxyType({
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
})
SEASON_START_MONTH: Mapping[str, int] = MappingProxyType({"SP": 3, "SU": 6, "FA": 9, "WI": 12})
PARTS_OF_DAY: Mapping[str, str] = MappingProxyType({
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
})
SET_ADJECTIVES: Mapping[str, str] = MappingProxyType({
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y",
    "biannual": "P6M",
})
# Fixed phrases and their (type, value); looked up lower-cased, spaces folded.
REFERENCE_PHRASES: Mapping[str, str] = MappingProxyType({
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "the time being": "PRESENT_REF", "until now": "PRESENT_REF",
    "up to now": "PRESENT_REF", "so far": "PRESENT_REF", "to date": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
    "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF", "recent months": "PAST_REF", "recent weeks": "PAST_REF",
    "recent days": "PAST_REF", "recent times": "PAST_REF", "recent history": "PAST_REF",
    "those days": "PAST_REF", "once upon a time": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "very soon": "FUTURE_REF", "shortly": "FUTURE_REF", "later": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the medium term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the long run": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "the days ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF",
    "the months ahead": "FUTURE_REF", "the years ahead": "FUTURE_REF",
})
# Holidays on a fixed day: name -> (month, day).
FIXED_HOLIDAYS: Mapping[str, tuple[int, int]] = MappingProxyType({
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26),
})
# Words before a number that make it a name or a count, not a year.
NOT_YEAR_BEFORE = frozenset({
    "resolution", "resolutions", "flight", "route", "no", "no.", "number", "highway", "article",
    "section", "chapter", "room", "page", "pages", "model", "apartment", "suite", "bus", "code",
    "item", "vol", "vol.", "volume", "rule", "decree", "order", "interstate", "bill", "h.r.",
    "about", "approximately", "nearly", "almost", "some", "over", "than", "top", "index",
})
# Words after a number that make it a count, not a year.
NOT_YEAR_AFTER = frozenset({
    "people", "persons", "men", "women", "children", "soldiers", "troops", "jobs", "workers",
    "employees", "units", "points", "miles", "km", "kilometres", "kilometers", "metres",
    "meters", "feet", "ft", "tons", "tonnes", "barrels", "cars", "vehicles", "dealers",
    "dealerships", "votes", "seats", "acres", "hectares", "pounds", "dollars", "euros",
    "percent", "per", "mw", "kg", "lb", "lbs", "shares", "homes", "houses", "aircraft",
    "planes", "jets", "stores", "members", "students", "cases", "deaths", "dead", "civilians",
    "rockets", "missiles", "refugees", "protesters", "delegates", "hours", "days", "years",
    "index", "series", "server", "edition",
})
# Prepositions and determiners that make a bare month name a date ("in May", not "may").
MONTH_CUES = frozenset({
    "in", "since", "until", "till", "by", "from", "to", "through", "throughout", "during",
    "before", "after", "of", "early", "mid", "mid-", "late", "each", "every", "between", "and",
    "or", "on", "their", "its", "the", "his", "her", "our", "for", "last", "next", "this",
    "that", "around", "about", "into", "ending", "end", "beginning", "start",
})
YEAR_CUES = frozenset({
    "in", "since", "of", "from", "by", "until", "till", "before", "after", "around", "circa",
    "c.", "year", "during", "between", "and", "to", "through", "early", "late", "mid",
})
# Capitalised words that make a weekday a name ("Black Monday", "Super Tuesday").
WEEKDAY_NAME_PREFIXES = frozenset({
    "black", "super", "cyber", "good", "ash", "bloody", "holy", "easter", "maundy", "shrove",
    "fat", "blue", "giving",
})

# ---------------------------------------------------------------------------
# Pattern pieces
# ---------------------------------------------------------------------------

_MONTH_FULL = (r"(?-i:January|February|March|April|May|June|July|August|September|October"
               r"|November|December)")
_MONTH_ANY = (r"(?-i:January|February|March|April|May|June|July|August|September|October"
              r"|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?"
              r"|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_APOS = r"['\u2019]"
_NUM_WORD = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three"
             r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine"
             r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
             r"|nineteen|a\s+hundred|one\s+hundred|hundred|a\s+dozen|dozen|a\s+couple\s+of"
             r"|a\s+couple|single|half\s+an?|an?")
_NUMBER = (rf"(?:\d+(?:\.\d+)?|(?:{_NUM_WORD})(?:\s+and\s+a\s+half)?|a\s+few|few|several|many"
           r"|dozens\s+of|a\s+number\s+of)")
_UNIT = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|century|centurie)"
_DURATION_MOD = (r"(?:(?:nearly|almost|about|around|roughly|approximately|over(?!\s+the\b)|under"
                 r"|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|some|just"
                 r"|only|barely|the\s+(?:past|last|next|first|coming|previous|following|final)"
                 r"|(?:past|next|first|coming|previous|following))\s+)")
_DURATION_ADJ = (r"(?:straight|consecutive|successive|trading|business|working|calendar|full"
                 r"|long|solid|more|additional|extra|further)")
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_RELATIVE_UNIT = r"(?:day|week|weekend|month|quarter|year|decade|century)"
_RELATIVE = (r"(?:this\s+past|this\s+coming|earlier\s+this|later\s+this|early\s+this"
             r"|late\s+this|earlier\s+last|later\s+last|the\s+past|the\s+last|the\s+previous"
             r"|the\s+prior|the\s+coming|the\s+next|the\s+following|the\s+current|this|last|next"
             r"|past|previous|coming|current)")
_ZONE_NAME = (r"(?-i:UTC|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST)"
              r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?")
_TIME_ZONE = rf"(?:\(\s*{_ZONE_NAME}\s*\)|{_ZONE_NAME}\b)"
_AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m|p\.m)"
_DAY_WORD = rf"(?:today|tonight|yesterday|tomorrow|{_WEEKDAY})"
_BOUNDARY_MOD = (r"(?:the\s+(?:very\s+)?(?:beginning|start|end|middle|close"
                 r"|rest|remainder|first\s+half|second\s+half|latter\s+part|early\s+part"
                 r"|last\s+part)\s+of\s+|(?:early|mid|late)[- ]|the\s+(?:early|mid|late)[- ])")


# ---------------------------------------------------------------------------
# Resolution context: what a normaliser may know about the document
# ---------------------------------------------------------------------------

@dataclass
class _Context:
    """The publication date, the tense oracle, and what was resolved so far."""

    text: str
    published: dt.date | None
    tense_at: Callable[[int, int], str | None]
    resolved: list[tuple[int, str, str]] = field(default_factory=list)  # (start, type, value)

    def remember(self, start: int, type_: str, value: str) -> None:
        self.resolved.append((start, type_, value))
        self.resolved.sort()

    def latest_day_before(self, offset: int) -> dt.date | None:
        """The most recent day-level date mentioned before ``offset`` (anaphora), else DCT."""
        for start, type_, value in reversed(self.resolved):
            if start < offset and type_ in ("DATE", "TIME"):
                day = _day_of(value)
                if day is not None:
                    return day
        return self.published

    def latest_date_before(self, offset: int) -> str | None:
        """The most recent concrete DATE value before ``offset`` (for "the same period")."""
        for start, type_, value in reversed(self.resolved):
            if start < offset and type_ == "DATE" and re.match(r"\d{4}", value):
                return value
        return self.published.isoformat() if self.published else None

    def latest_year_before(self, offset: int) -> int | None:
        value = self.latest_date_before(offset)
        return int(value[:4]) if value else None

    def day_right_after(self, offset: int, slack: int = 8) -> dt.date | None:
        """A day-level date that starts within ``slack`` characters after ``offset``."""
        for start, type_, value in self.resolved:
            if offset <= start <= offset + slack and type_ == "DATE":
                return _day_of(value)
        return None


def _day_of(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# Small calendar helpers
# ---------------------------------------------------------------------------

def iso_week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def _shift_years(value: str, delta: int) -> str:
    """``2009-02`` shifted by -1 year is ``2008-02`` (weeks keep their number)."""
    match = re.match(r"(\d{4})(.*)", value)
    if not match:
        return value
    return f"{int(match[1]) + delta:04d}{match[2]}"


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _thanksgiving(year: int) -> dt.date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


TENSE_REACH_DAYS = 300  # tense may pick a recurrence this far away; beyond it, the nearest wins


def _pick_by_tense(candidates: list[dt.date], anchor: dt.date, tense: str | None,
                   ends: list[dt.date] | None = None) -> dt.date:
    """Choose among yearly recurrences of a day/month/season by the clause tense.

    past: the latest starting on or before the anchor; future: the earliest
    ending on or after it; otherwise, or when that one is further than
    ``TENSE_REACH_DAYS`` away (a wrong tense guess), the nearest.
    """
    ends = ends or candidates
    reach = dt.timedelta(days=TENSE_REACH_DAYS)
    if tense == "past":
        before = [c for c in candidates if c <= anchor and anchor - c <= reach]
        if before:
            return max(before)
    if tense == "future":
        after = [c for c, e in zip(candidates, ends) if e >= anchor and c - anchor <= reach]
        if after:
            return min(after)

    def distance(pair: tuple[dt.date, dt.date]) -> tuple[int, int]:
        start, end = pair
        if start <= anchor <= end:
            return (0, 0)
        gap = (anchor - end).days if end < anchor else (start - anchor).days
        return (gap, 0 if end < anchor else 1)

    return min(zip(candidates, ends), key=distance)[0]


def _parse_number(words: str) -> float | None:
    """``two and a half`` -> 2.5, ``twenty-five`` -> 25, ``several`` -> None."""
    words = re.sub(r"\s+", " ", words.lower().strip())
    if words in VAGUE_QUANTITIES:
        return None
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if re.fullmatch(r"\d+(\.\d+)?", words):
        return float(words) + half
    if words.startswith("half"):
        return 0.5
    total = 0.0
    for part in re.split(r"[- ]", words):
        if part in ("of", ""):
            continue
        if part not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[part]
        total = total * value if value == 100 and total else total + value
    return total + half


def _format_amount(amount: float | None) -> str:
    if amount is None:
        return "X"
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, "year") -> P2Y, (30, "minute") -> PT30M, (None, "decade") -> PXDE."""
    code, clock = UNITS[unit]
    if unit == "decade" and amount is not None:
        return f"P{_format_amount(amount * 10)}Y"  # MEANTIME writes "a decade" as P10Y
    if unit == "century" and amount is not None:
        return f"P{_format_amount(amount * 100)}Y"
    return f"PT{_format_amount(amount)}{code}" if clock else f"P{_format_amount(amount)}{code}"


def _unit_word(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


# ---------------------------------------------------------------------------
# Tense: a cheap look at the words around an expression
# ---------------------------------------------------------------------------

_TENSE_CUES = re.compile(
    r"(?P<future>\b(?:(?:will|shall|'ll|to|would|could|should|may|might|must)\s+(?:not\s+)?"
    r"(?:be|have)\s+(?:been\s+)?[a-z]+|will|shall|wo\s*n't|won't|'ll|going\s+to|gonna"
    r"|(?:is|are|was|were|be)\s+"
    r"(?:set|due|scheduled|expected|slated|poised|likely|to)\s+to|(?:is|are)\s+to|plans?\s+to"
    r"|planning\s+to|intends?\s+to|expects?\s+to|hopes?\s+to|aims?\s+to|would|should|could"
    r"|may|might|must|upcoming|until|till|next|later|to\s+be|scheduled|slated)\b)"
    r"|(?P<past>\b(?:was|were|had|did|said|told|ago|last|yesterday|earlier|since|previously"
    r"|began|became|came|went|made|took|gave|held|saw|won|lost|left|met|sold|bought|paid|fell"
    r"|rose|grew|spent|found|brought|kept|led|sent|stood|struck|wrote|spoke|broke|chose|drove"
    r"|flew|knew|got|hit|began|ran|shot|fought|rang|sank|swore|thought|won|wore)\b)"
    r"|(?P<weak>\b[a-z]{3,}ed\b)"
    r"|(?P<present>\b(?:is|are|am|says|say|today|now)\b)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.!?]\s|\n|;|\"|``|''")
# After an expression a new clause also starts at a comma or a complementiser:
# "announced Friday that it will ..." is past.
_CLAUSE_BREAK_AFTER = re.compile(r"[.!?]\s|\n|;|\"|``|''|,|\b(?:that|which|who|when|after|before"
                                 r"|because|while|as|but|and)\b")
# Words that may open a clause before a time expression ("Earlier on Friday, ...").
CLAUSE_OPENERS = frozenset({
    "on", "in", "at", "by", "during", "since", "until", "earlier", "later", "and", "but", "then",
    "from", "for", "over", "after", "before", "as", "of", "also", "early", "late", "so", "yet",
})
TENSE_WINDOW_WORDS = 8  # how many words before an expression the cues may sit
TENSE_WINDOW_AFTER = 5


def infer_tense(text: str, start: int, end: int) -> str | None:
    """"past" | "present" | "future" | None from the nearest tense cue around a span.

    Modals, auxiliaries and irregular past forms are strong cues; a word in
    -ed is weak (it may be a participle: "will be delivered"), used only when
    no strong cue is near.
    """
    before_start = _window_start(text, start)
    clause_initial = all(word.lower().strip(",") in CLAUSE_OPENERS  # "On Friday, ..."
                         for word in text[before_start:start].split())
    after_end = _window_end(text, end, clause_initial)
    best: tuple[int, str] | None = None
    weak: tuple[int, str] | None = None
    for segment, offset, is_before in ((text[before_start:start], before_start, True),
                                       (text[end:after_end], end, False)):
        for cue in _TENSE_CUES.finditer(segment):
            kind = cue.lastgroup or ""
            position = offset + cue.start()
            distance = (start - (offset + cue.end())) if is_before else (position - end)
            distance = distance if is_before else int(distance * 1.5) + 1
            candidate = (distance, "past" if kind == "weak" else kind)
            if kind == "weak":
                weak = min(weak, candidate) if weak else candidate
            else:
                best = min(best, candidate) if best else candidate
    chosen = best or weak
    return chosen[1] if chosen else None


def _window_start(text: str, start: int) -> int:
    lower = max(0, start - 200)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, lower, start)]
    lower = breaks[-1] if breaks else lower
    words = list(re.finditer(r"\S+", text[lower:start]))
    if len(words) > TENSE_WINDOW_WORDS:
        return lower + words[-TENSE_WINDOW_WORDS].start()
    return lower


def _window_end(text: str, end: int, clause_initial: bool = False) -> int:
    """Where the words after an expression stop counting: the clause end.

    "On Friday, the company said" reads on past the comma; "announced
    Friday, after ..." and "announced Friday that ..." do not.
    """
    upper = min(len(text), end + 120)
    breaks = _CLAUSE_BREAK if clause_initial else _CLAUSE_BREAK_AFTER
    if clause_initial and (comma := re.match(r"\s*,", text[end:upper])):
        end = end + comma.end()
    stop = breaks.search(text, end, upper)
    upper = stop.start() if stop else upper
    words = list(re.finditer(r"\S+", text[end:upper]))
    if len(words) > TENSE_WINDOW_AFTER:
        return end + words[TENSE_WINDOW_AFTER - 1].end()
    return upper


# ---------------------------------------------------------------------------
# Context checks used by rules (is this number a year? this month a date?)
# ---------------------------------------------------------------------------

def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", text[max(0, start - 40):start])
    return match[1].lower().strip("(,\"'`") if match else ""


def _word_after(text: str, end: int) -> str:
    match = re.match(r"\s*([\w.%]+)", text[end:end + 40])
    return match[1].lower() if match else ""


def _is_capitalised_word(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _plausible_year(text: str, match: re.Match) -> bool:
    """A bare four-digit number is a year unless its neighbours say it is a count or name."""
    start, end = match.span("year")
    year = int(match["year"])
    before_char = text[start - 1] if start else " "
    if before_char in "-\u2013" and re.search(r"(?:mid|early|late|\b\d{4})[-\u2013]$",
                                            text[max(0, start - 6):start], re.IGNORECASE):
        before_char = " "
    if before_char in "$£€#/.:-+" or before_char.isalnum():
        return False
    after = text[end:end + 3]
    if re.match(r"[%]|[.,:/]\d|\d", after):
        return False
    previous = _word_before(text, start)
    following = _word_after(text, end)
    if previous in NOT_YEAR_BEFORE or following in NOT_YEAR_AFTER or following.startswith("%"):
        return False
    if not 1900 <= year <= 2099 and previous not in YEAR_CUES:
        return False
    return previous in YEAR_CUES or not _inside_a_name(text, start, end)


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """"Russell 2000 Index": a number between two capitalised words on the same line."""
    before = re.search(r"([^\s]+)[ \t]+$", text[max(0, start - 40):start])
    after = re.match(r"[ \t]+([^\s]+)", text[end:end + 40])
    return bool(before and after and _is_capitalised_word(before[1])
                and _is_capitalised_word(after[1]))


def _cued_month(text: str, match: re.Match) -> bool:
    """A bare month name is a date only after a cue word ("in May", not "May I")."""
    return _word_before(text, match.start()) in MONTH_CUES


def _cued_short_year(text: str, match: re.Match) -> bool:
    previous = _word_before(text, match.start())
    return previous in YEAR_CUES or previous in MONTHS or previous in SEASONS


def _cued_two_digit_decade(text: str, match: re.Match) -> bool:
    if match["apos"] or match["the"]:
        return True
    return _word_before(text, match.start()) in ("the", "and", "or", "to", "through", "early",
                                                 "mid", "late", "mid-")


def _not_named_weekday(text: str, match: re.Match) -> bool:
    return _word_before(text, match.start()) not in WEEKDAY_NAME_PREFIXES


def _is_set_quantity(text: str, match: re.Match) -> bool:
    """"15 a year", "twice a week", "$5 a day": a rate, not a duration."""
    if match["how"].lower() in ("every", "each", "per") or match["freq"]:
        return True
    previous = _word_before(text, match.start())
    return bool(re.fullmatch(r"[\d.,$%]+[a-z]*|once|twice|times|thrice|\w+ly", previous))


def _duration_is_time(text: str, match: re.Match) -> bool:
    """Reject "a quarter of ..." (a fraction) and "the minutes of" (a record)."""
    unit = _unit_word(match["unit"])
    number = (match["num"] or "").lower()
    if unit == "quarter" and number in ("a", "an"):
        return False
    if unit == "second" and number in ("a", "an") and not match["mod"]:
        return False  # "a second time", "a second term"
    if unit == "night" and number in ("a", "an"):
        return False
    return not re.match(r"\s+of\s+(?:the\s+)?(?:world|its|their|his|her|our)\b",
                        text[match.end():match.end() + 20])


def _bare_unit_is_time(text: str, match: re.Match) -> bool:
    """Bare "years", "minutes": not "the minutes of the meeting", not a number's unit."""
    previous = _word_before(text, match.start())
    if re.fullmatch(r"[\d.,]+", previous) or previous in NUMBER_WORDS:
        return False
    if previous == "after" and match["unit"].lower() == "hours" and _word_after(
            text, match.end()) in ("trading", "session", "deals", "market"):
        return False  # "after-hours trading"
    if match["unit"].lower() == "minutes" and (previous in ("the", "its", "meeting", "fed")
                                               or _word_after(text, match.end()) == "of"):
        return False
    return True


def _standalone_ref(text: str, match: re.Match) -> bool:
    """"now" not in "now-cancelled", "later" not after "two years", "current" not in
    "current account"."""
    word = match.group(0).lower()
    after = text[match.end():match.end() + 20]
    if after.startswith("-"):
        return False
    following = _word_after(text, match.end())
    if word == "now" and following == "that":
        return False
    if word == "soon" and (following == "as" or _word_before(text, match.start()) == "as"):
        return False
    if word == "later" and (_word_before(text, match.start()).rstrip("s") in UNITS
                            or following in ("than", "this", "that", "today", "on")):
        return False
    if word == "current" and following in ("account", "accounts", "affairs", "assets",
                                           "liabilities", "president", "leader", "chairman",
                                           "ceo", "head", "members", "member"):
        return False
    if word == "future" and _word_before(text, match.start()) not in ("in", "for", "near"):
        return False
    if word == "the past" and following and following.rstrip("s") in UNITS:
        return False
    return True


def _anaphoric_day_cue(text: str, match: re.Match) -> bool:
    return _word_before(text, match.start()) in (
        "end", "ended", "ending", "ends", "close", "closed", "closing", "finish", "finished",
        "finishing", "start", "started", "starting", "for", "during", "throughout", "on", "of",
        "in", "that", "by")


def _cued_part_of_day(text: str, match: re.Match) -> bool:
    if match["pre"]:
        return True
    return _word_before(text, match.start()) in ("in", "during", "the", "early", "late", "on",
                                                 "overnight", "this", "that")


def _cued_fall(text: str, match: re.Match) -> bool:
    if match["season"].lower() != "fall":
        return True
    return bool(match["rel"]) or _word_before(text, match.start()) in (
        "the", "this", "last", "next", "early", "late", "in", "during", "by")


# ---------------------------------------------------------------------------
# Normalisers: (match, context) -> (type, value) or None to drop the span
# ---------------------------------------------------------------------------

def _tense(ctx: _Context, match: re.Match) -> str | None:
    return ctx.tense_at(match.start(), match.end())


def _resolve_month_day(month: int, day: int, ctx: _Context, match: re.Match) -> str | None:
    if not 1 <= day <= 31:
        return None
    if ctx.published is None:
        return f"XXXX-{month:02d}-{day:02d}" if _safe_date(2000, month, day) else None
    anchor = ctx.published
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (d := _safe_date(y, month, day)) is not None]
    if not candidates:
        return None
    return _pick_by_tense(candidates, anchor, _tense(ctx, match)).isoformat()


def _resolve_month(month: int, ctx: _Context, match: re.Match) -> str:
    if ctx.published is None:
        return f"XXXX-{month:02d}"
    anchor = ctx.published
    following = re.match(r"\s+(?:of\s+)?(next|last|this|the\s+following|the\s+previous)\s+year\b",
                         ctx.text[match.end():match.end() + 30], re.IGNORECASE)
    coordinated = re.match(rf"\s+(?:and|or|to|through|until|-|\u2013)\s+{_MONTH_FULL}"
                           rf"(?:,|\s+of)?\s+({_YEAR})\b", ctx.text[match.end():match.end() + 40])
    if coordinated:  # "between September and October of 2007"
        return _month_value(int(coordinated[1]), month)
    if following:
        delta = {"next": 1, "last": -1, "this": 0}.get(following[1].lower(),
                                                     1 if "following" in following[1] else -1)
        return _month_value(anchor.year + delta, month)
    starts = [dt.date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    ends = [dt.date(d.year, month, calendar.monthrange(d.year, month)[1]) for d in starts]
    chosen = _pick_by_tense(starts, anchor, _tense(ctx, match), ends)
    return _month_value(chosen.year, month)


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_from(text: str, published: dt.date | None) -> int:
    """A two- or four-digit year; two digits take the century that puts them nearest DCT."""
    digits = text.strip("'\u2019")
    if len(digits) == 4:
        return int(digits)
    pivot = published.year if published else 1999  # fixed pivot: never the clock
    candidates = [century * 100 + int(digits) for century in (pivot // 100 - 1, pivot // 100)]
    plausible = [c for c in candidates if c <= pivot + 10]
    return max(plausible) if plausible else min(candidates)


def norm_iso_date(match: re.Match, ctx: _Context):
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    if match["hh"]:
        return "TIME", f"{day.isoformat()}T{match['hh']}:{match['mm']}"
    return "DATE", day.isoformat()


def norm_numeric_date(match: re.Match, ctx: _Context):
    first, second = int(match["a"]), int(match["b"])
    year = _year_from(match["y"], ctx.published)
    month, day = (second, first) if first > 12 else (first, second)  # US order unless impossible
    value = _safe_date(year, month, day)
    return ("DATE", value.isoformat()) if value else None


def norm_year_first_numeric(match: re.Match, ctx: _Context):
    value = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return ("DATE", value.isoformat()) if value else None


def norm_month_day(match: re.Match, ctx: _Context):
    month = _month_number(match["month"])
    day = int(re.match(r"\d+", match["day"])[0])
    if match["year"]:
        value = _safe_date(int(match["year"]), month, day)
        return ("DATE", value.isoformat()) if value else None
    value = _resolve_month_day(month, day, ctx, match)
    return ("DATE", value) if value else None


def norm_month_year(match: re.Match, ctx: _Context):
    return "DATE", _month_value(int(match["year"]), _month_number(match["month"]))


def norm_month(match: re.Match, ctx: _Context):
    return "DATE", _resolve_month(_month_number(match["month"]), ctx, match)


def norm_year(match: re.Match, ctx: _Context):
    return "DATE", f"{int(match['year']):04d}"


def norm_short_year(match: re.Match, ctx: _Context):
    return "DATE", f"{_year_from(match['yy'], ctx.published):04d}"


def norm_decade(match: re.Match, ctx: _Context):
    digits = match["decade"]
    if len(digits) == 2:  # "the 90s": the twentieth century unless that is in the future
        year = _year_from(digits, ctx.published)
        return "DATE", f"{year // 10:03d}"
    return "DATE", digits[:3]


def norm_decade_word(match: re.Match, ctx: _Context):
    tens = NUMBER_WORDS[match["tens"].lower()[:-3] + "y"]
    return "DATE", f"19{int(tens) // 10}"


def norm_century(match: re.Match, ctx: _Context):
    ordinal = ORDINALS.get(re.sub(r"\s+", "-", match["ord"].lower()))
    return ("DATE", f"{ordinal - 1:02d}") if ordinal else None


def norm_relative_century(match: re.Match, ctx: _Context):
    if ctx.published is None:
        return "DATE", "XX"
    delta = {"this": 0, "last": -1, "previous": -1, "next": 1}.get(match["rel"].lower(), 0)
    return "DATE", f"{ctx.published.year // 100 + delta:02d}"


def norm_today_words(match: re.Match, ctx: _Context):
    word = re.sub(r"\s+", " ", match["word"].lower())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "earlier today": 0,
               "later today": 0, "the day before yesterday": -2, "the day after tomorrow": 2,
               "last night": -1}
    pod = PARTS_OF_DAY.get(word.split()[-1]) or PARTS_OF_DAY.get((match["pod"] or "").lower())
    if ctx.published is None:
        value = "XXXX-XX-XX"
    else:
        value = (ctx.published + dt.timedelta(days=offsets[word])).isoformat()
    return ("TIME", f"{value}T{pod}") if pod else ("DATE", value)


def _weekday_date(weekday: int, rel: str, ctx: _Context, match: re.Match) -> dt.date | None:
    anchor = ctx.published
    if anchor is None:
        return None
    back = (anchor.isoweekday() - weekday) % 7  # days back to the latest such day, maybe DCT
    forward = (weekday - anchor.isoweekday()) % 7 or 7  # days on to the next, never DCT
    if rel in ("last", "past", "previous", "this past"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming", "following"):
        return anchor + dt.timedelta(days=forward)
    if rel == "this":
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    tense = _tense(ctx, match)
    if tense == "future" or (tense == "present" and forward < back):
        return anchor + dt.timedelta(days=forward)
    return anchor - dt.timedelta(days=back)  # news reports the past by default


def norm_weekday(match: re.Match, ctx: _Context):
    weekday = WEEKDAYS[match["weekday"].lower()]
    rel = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    day = _weekday_date(weekday, rel, ctx, match)
    value = day.isoformat() if day else f"XXXX-WXX-{weekday}"
    if match["pod"]:
        return "TIME", f"{value}T{PARTS_OF_DAY[match['pod'].lower()]}"
    return "DATE", value


def _unit_value(unit: str, day: dt.date) -> str:
    """The value of the ``unit`` (week, month...) that contains ``day``."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        return iso_week_value(day)
    if unit == "weekend":
        return iso_week_value(day) + "-WE"
    if unit == "month":
        return _month_value(day.year, day.month)
    if unit == "quarter":
        return f"{day.year}-Q{_quarter_of(day)}"
    if unit == "year":
        return f"{day.year}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def _shift_unit(unit: str, day: dt.date, delta: int) -> dt.date:
    if unit in ("day",):
        return day + dt.timedelta(days=delta)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=delta)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    year, month = _add_months(day.year, day.month, delta * months)
    return dt.date(year, month, 1)


_UNKNOWN_UNIT_VALUES: Mapping[str, str] = MappingProxyType({
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
})
_DURATION_PREPOSITIONS = frozenset({"over", "in", "during", "within", "throughout"})


def norm_relative_unit(match: re.Match, ctx: _Context):
    """this/last/next week, the past decade, earlier this year, the previous month..."""
    rel = re.sub(r"\s+", " ", match["rel"].lower())
    unit = match["unit"].lower()
    if rel == "the past" or (rel in ("the last", "the next", "the coming")
                             and _word_before(ctx.text, match.start()) in _DURATION_PREPOSITIONS
                             and unit not in ("day", "weekend")):
        return ("DURATION", duration_value(1, unit)) if unit in UNITS else None
    if rel in ("the previous", "the prior", "the following") or (rel == "the next"
                                                                  and unit == "day"):
        return _anaphoric_unit(unit, -1 if rel in ("the previous", "the prior") else 1,
                               match, ctx)
    delta = {"last": -1, "past": -1, "previous": -1, "this past": -1, "the last": -1,
             "next": 1, "coming": 1, "this coming": 1, "the next": 1, "the coming": 1,
             "earlier last": -1, "later last": -1}.get(rel, 0)
    if unit == "day" and delta == 0:
        return None  # "this day" is rarely today
    if ctx.published is None:
        return "DATE", _UNKNOWN_UNIT_VALUES[unit]
    return "DATE", _unit_value(unit, _shift_unit(unit, ctx.published, delta))


def _anaphoric_unit(unit: str, delta: int, match: re.Match, ctx: _Context):
    if unit == "day":
        day = ctx.latest_day_before(match.start())
        if day is None:
            return "DATE", "XXXX-XX-XX"
        return "DATE", (day + dt.timedelta(days=delta)).isoformat()
    year = ctx.latest_year_before(match.start())
    if unit == "year":
        return "DATE", f"{year + delta}" if year is not None else "XXXX"
    day = ctx.latest_day_before(match.start())
    if day is None:
        return "DATE", _UNKNOWN_UNIT_VALUES.get(unit, "XXXX")
    return "DATE", _unit_value(unit, _shift_unit(unit, day, delta))


def norm_unit_before_after(match: re.Match, ctx: _Context):
    """"the year before", "the year previous", "the day after"."""
    word = match["dir"].lower()
    delta = -1 if word in ("before", "previous", "prior", "earlier") else 1
    return _anaphoric_unit(match["unit"].lower(), delta, match, ctx)


def norm_week_of_month(match: re.Match, ctx: _Context):
    """"the last week of March" -> its ISO week; "the first day of May" -> that day."""
    month = _month_number(match["month"])
    if match["year"]:
        year = int(match["year"])
    else:
        resolved = _resolve_month(month, ctx, match)
        if resolved.startswith("X"):
            return "DATE", "XXXX-WXX" if match["unit"].lower() == "week" else "XXXX-XX-XX"
        year = int(resolved[:4])
    ordinal = match["ord"].lower()
    last_day = calendar.monthrange(year, month)[1]
    if match["unit"].lower() == "day":
        day = last_day if ordinal in ("last", "final") else ORDINALS[ordinal]
        return "DATE", dt.date(year, month, day).isoformat()
    # A month's first week is the ISO week holding its 4th; its last, the one holding
    # the 4th-last day: the weeks that lie mostly inside the month.
    if ordinal in ("last", "final"):
        day = dt.date(year, month, last_day - 3)
    else:
        day = dt.date(year, month, 4) + dt.timedelta(weeks=ORDINALS[ordinal] - 1)
    return "DATE", iso_week_value(day)


def norm_relative_month(match: re.Match, ctx: _Context):
    """"last September", "next March", "this May"."""
    month = _month_number(match["month"])
    rel = re.sub(r"\s+", " ", match["rel"].lower())
    if ctx.published is None:
        return "DATE", f"XXXX-{month:02d}"
    anchor = ctx.published
    if rel == "this":
        return "DATE", _month_value(anchor.year, month)
    if rel in ("last", "this past", "past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
        return "DATE", _month_value(year, month)
    year = anchor.year if month > anchor.month else anchor.year + 1
    return "DATE", _month_value(year, month)


def _season_value(code: str, ctx: _Context, match: re.Match, rel: str) -> str:
    if ctx.published is None:
        return f"XXXX-{code}"
    anchor = ctx.published
    start_month = SEASON_START_MONTH[code]
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if code == "WI" and anchor.month <= 2:
        years = (anchor.year - 2, anchor.year - 1, anchor.year)  # Dec-Feb belongs to Dec's year
    starts = [dt.date(y, start_month, 1) for y in years]
    ends = [_shift_unit("month", s, 3) - dt.timedelta(days=1) for s in starts]
    current = [s for s, e in zip(starts, ends) if s <= anchor <= e]
    if rel in ("this", "") and current:
        chosen = current[0]
    elif rel in ("last", "past", "this past"):
        chosen = max(s for s, e in zip(starts, ends) if e < anchor)
    elif rel in ("next", "coming", "this coming"):
        chosen = min(s for s in starts if s > anchor)
    else:
        chosen = _pick_by_tense(starts, anchor, _tense(ctx, match), ends)
    return f"{chosen.year}-{code}"


def norm_season(match: re.Match, ctx: _Context):
    code = SEASONS[match["season"].lower()]
    if match["year"]:
        return "DATE", f"{match['year']}-{code}"
    rel = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    return "DATE", _season_value(code, ctx, match, rel)


def norm_weekend(match: re.Match, ctx: _Context):
    """The weekend (``-WE``) of an ISO week.

    "last weekend" is the one before the current week's; "next"/"coming" the
    first not yet begun (or this one when read on a weekday); "this"/"the" is
    the one we are in on a Saturday or Sunday, else the past one in a
    past-tense clause and the coming one otherwise.
    """
    rel = re.sub(r"\s+", " ", (match["rel"] or "").lower())
    if ctx.published is None:
        return "DATE", "XXXX-WXX-WE"
    anchor = ctx.published
    in_weekend = anchor.isoweekday() >= 6
    saturday = anchor + dt.timedelta(days=6 - anchor.isoweekday())  # this ISO week's
    if rel in ("last", "past", "this past"):
        saturday -= dt.timedelta(weeks=1)
    elif rel in ("next", "coming", "this coming"):
        saturday += dt.timedelta(weeks=1 if in_weekend else 0)
    elif not in_weekend and _tense(ctx, match) == "past":
        saturday -= dt.timedelta(weeks=1)  # "over the weekend", read on a weekday
    return "DATE", iso_week_value(saturday) + "-WE"


def norm_quarter(match: re.Match, ctx: _Context):
    ordinal = match["ord"].lower()
    explicit_year = match["year"]
    year_rel = (match["yrel"] or "").lower()
    if ordinal == "last" and not (explicit_year or year_rel):
        if ctx.published is None:
            return "DATE", "XXXX-QX"
        return "DATE", _unit_value("quarter", _shift_unit("quarter", ctx.published, -1))
    quarter = ORDINALS[ordinal]
    if not 1 <= quarter <= 4:
        return None
    if explicit_year:
        return "DATE", f"{_year_from(explicit_year, ctx.published)}-Q{quarter}"
    if ctx.published is None:
        return "DATE", f"XXXX-Q{quarter}"
    anchor = ctx.published
    if year_rel:
        delta = {"this": 0, "last": -1, "next": 1}.get(year_rel.split()[0], 0)
        return "DATE", f"{anchor.year + delta}-Q{quarter}"
    return "DATE", _nearest_quarter(quarter, ctx, match)


def _nearest_quarter(quarter: int, ctx: _Context, match: re.Match) -> str:
    """A quarter with no year: the recurrence the tense points to, else the nearest."""
    anchor = ctx.published
    starts = [dt.date(y, 3 * quarter - 2, 1) for y in (anchor.year - 1, anchor.year,
                                                         anchor.year + 1)]
    ends = [_shift_unit("month", s, 3) - dt.timedelta(days=1) for s in starts]
    chosen = _pick_by_tense(starts, anchor, _tense(ctx, match), ends)
    return f"{chosen.year}-Q{quarter}"


def norm_half_year(match: re.Match, ctx: _Context):
    half = 1 if match["ord"].lower() in ("first", "1st") else 2
    if match["year"]:
        return "DATE", f"{match['year']}-H{half}"
    if ctx.published is None:
        return "DATE", f"XXXX-H{half}"
    delta = {"this": 0, "last": -1, "next": 1}.get((match["yrel"] or "this").lower(), 0)
    return "DATE", f"{ctx.published.year + delta}-H{half}"


def norm_holiday(match: re.Match, ctx: _Context):
    name = re.sub(r"\s+", " ", match["name"].lower()).replace("\u2019", "'")
    if match["year"]:
        years = [int(match["year"])]
    elif ctx.published is None:
        fixed = FIXED_HOLIDAYS.get(name)
        return "DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
    else:
        years = [ctx.published.year - 1, ctx.published.year, ctx.published.year + 1]
    if name in FIXED_HOLIDAYS:
        candidates = [dt.date(y, *FIXED_HOLIDAYS[name]) for y in years]
    elif name == "easter":
        candidates = [_easter(y) for y in years]
    else:
        candidates = [_thanksgiving(y) for y in years]
    if len(candidates) == 1:
        return "DATE", candidates[0].isoformat()
    return "DATE", _pick_by_tense(candidates, ctx.published, _tense(ctx, match)).isoformat()


def norm_duration(match: re.Match, ctx: _Context):
    unit = _unit_word(match["unit"])
    amount = _parse_number(match["num"])
    if match["ago"]:
        return _ago_value(amount, unit, ctx)
    return "DURATION", duration_value(amount, unit)


def _ago_value(amount: float | None, unit: str, ctx: _Context):
    """"two years ago" -> the year two years before publication (its unit's granularity)."""
    granularity = {"second": "day", "minute": "day", "hour": "day", "night": "day"}.get(unit, unit)
    if ctx.published is None or amount is None or amount != int(amount):
        return "DATE", "PAST_REF" if amount is None else _UNKNOWN_UNIT_VALUES[granularity]
    steps = int(amount)
    if unit in ("second", "minute", "hour"):
        steps = 0
    if unit == "week":
        return "DATE", (ctx.published - dt.timedelta(weeks=steps)).isoformat()
    return "DATE", _unit_value(granularity, _shift_unit(granularity, ctx.published, -steps))


def norm_set(match: re.Match, ctx: _Context):
    how = match["how"].lower()
    amount = _parse_number(match["num"]) if match["num"] else 1
    unit = _unit_word(match["unit"])
    if how == "every" and match["other"]:
        amount = 2
    return "SET", duration_value(amount, unit)


def norm_set_weekday(match: re.Match, ctx: _Context):
    return "SET", f"XXXX-WXX-{WEEKDAYS[match['weekday'].lower()]}"


def norm_set_adjective(match: re.Match, ctx: _Context):
    return "SET", SET_ADJECTIVES[match["word"].lower()]


def norm_reference(match: re.Match, ctx: _Context):
    phrase = re.sub(r"^(?:in|for|at)\s+", "", re.sub(r"\s+", " ", match.group(0).lower()))
    value = REFERENCE_PHRASES.get(phrase) or REFERENCE_PHRASES.get(
        re.sub(r"^(?:the|our|its|their)\s+", "", phrase))
    if value is None:
        return None
    return "DATE", value


def norm_anaphoric_day(match: re.Match, ctx: _Context):
    """"the day", "the same day", "that day": the day last talked about."""
    day = ctx.latest_day_before(match.start())
    return "DATE", day.isoformat() if day else "XXXX-XX-XX"


def norm_anaphoric_unit(match: re.Match, ctx: _Context):
    """"that year", "the entire year", "that week": the unit last talked about."""
    unit = match["unit"].lower()
    if unit == "year":
        year = ctx.latest_year_before(match.start())
        return "DATE", f"{year}" if year is not None else "XXXX"
    day = ctx.latest_day_before(match.start())
    return "DATE", _unit_value(unit, day) if day else _UNKNOWN_UNIT_VALUES[unit]


def norm_that_time(match: re.Match, ctx: _Context):
    """"by that time": the time last talked about, at whatever granularity."""
    if match.group(0).lower().startswith("this"):
        return "DATE", "PRESENT_REF"
    reference = ctx.latest_date_before(match.start())
    return "DATE", reference or "XXXX-XX-XX"


def norm_boundary_of_unit(match: re.Match, ctx: _Context):
    """"the beginning of the year", "the end of the month": the unit of the reference date."""
    unit = match["unit"].lower()
    if unit == "day":
        return norm_anaphoric_day(match, ctx)
    if unit == "year":
        year = ctx.latest_year_before(match.start())
        return "DATE", f"{year}" if year is not None else "XXXX"
    if ctx.published is None:
        return "DATE", _UNKNOWN_UNIT_VALUES[unit]
    return "DATE", _unit_value(unit, ctx.published)


def norm_same_period(match: re.Match, ctx: _Context):
    """"the same period last year": the period last talked about, a year earlier."""
    reference = ctx.latest_date_before(match.start())
    if reference is None:
        return "DATE", "XXXX"
    if reference == (ctx.published.isoformat() if ctx.published else None):
        reference = f"{ctx.published.year}"
    return "DATE", _shift_years(reference, -1)


def _time_value(hour: int, minute: int, ampm: str | None, zone: str | None) -> str | None:
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    if hour > 24 or minute > 59:
        return None
    suffix = "Z" if zone and re.sub(r"[\s()]", "", zone).upper() in ("UTC", "GMT", "Z") else ""
    return f"T{hour:02d}:{minute:02d}{suffix}"


def _day_for_time(match: re.Match, ctx: _Context) -> dt.date | None:
    """The day a clock time belongs to: a day word in the same span, one right after, or the
    day last talked about."""
    word = (match["dayword"] or "").strip().lower()
    if word in WEEKDAYS:
        return _weekday_date(WEEKDAYS[word], "", ctx, match)
    if word:
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
        return ctx.published + dt.timedelta(days=offsets[word]) if ctx.published else None
    return ctx.day_right_after(match.end()) or ctx.latest_day_before(match.start())


def norm_part_of_day(match: re.Match, ctx: _Context):
    """"this morning", "yesterday evening", "in morning trading" (the day last talked about)."""
    pre = (match["pre"] or "").lower()
    shift = {"yesterday": -1, "last": -1, "tomorrow": 1, "this": 0}.get(pre)
    if shift is None:
        day = ctx.latest_day_before(match.start())
    else:
        day = ctx.published + dt.timedelta(days=shift) if ctx.published else None
    code = PARTS_OF_DAY[match["pod"].lower()]
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{code}"


def _anaphoric_day_ok(text: str, match: re.Match) -> bool:
    lowered = match.group(0).lower()
    if not lowered.endswith("the day"):
        return True
    return lowered != "the day" or _anaphoric_day_cue(text, match)


def norm_quarter_code(match: re.Match, ctx: _Context):
    quarter = int(match["ord"] or match["ord2"])
    if match["year"]:
        return "DATE", f"{_year_from(match['year'], ctx.published)}-Q{quarter}"
    if ctx.published is None:
        return "DATE", f"XXXX-Q{quarter}"
    return "DATE", _nearest_quarter(quarter, ctx, match)


def norm_clock(match: re.Match, ctx: _Context):
    """Clock times: the three spellings share one normaliser."""
    if match["noon"]:
        clock = "T12:00" if match["noon"].lower() in ("noon", "midday") else "T24:00"
        day = _day_for_time(match, ctx)
        return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}{clock}"
    hour = match["hh"] or match["hh2"] or match["hh3"]
    minute = match["mm"] or match["mm2"] or match["mm3"]
    ampm = match["ampm"] or match["ampm2"]
    clock = _time_value(int(hour), int(minute or 0), ampm, match["zone"])
    if clock is None:
        return None
    day = _day_for_time(match, ctx)
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}{clock}"


def norm_bare(match: re.Match, ctx: _Context):
    unit = _unit_word(match["unit"])
    if match["ago"]:
        return "DATE", "PAST_REF"
    return "DURATION", duration_value(None, unit)


# ---------------------------------------------------------------------------
# The rules, most specific first (on equal spans the earlier rule wins)
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    normalise: Callable[[re.Match, _Context], "tuple[str, str] | None"]
    check: Callable[[str, re.Match], bool] | None = None
    anaphoric: bool = False  # resolved after the others: reads what they found


def _rule(name, pattern, normalise, check=None, anaphoric=False, flags=re.IGNORECASE) -> Rule:
    # Never start inside a word (optional leading words must not match word tails), and
    # never cross a line: a line break ends a headline, a dateline or a sentence.
    pattern = pattern.replace(r"\s", r"[^\S\n]")
    return Rule(name, re.compile(rf"(?<!\w)(?:{pattern})", flags), normalise, check, anaphoric)


_LEAD_WEEKDAY = rf"(?:{_WEEKDAY},?\s+)?"

RULES: tuple[Rule, ...] = (
    _rule("iso_date", r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
          r"(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?(?![\d])", norm_iso_date),
    _rule("numeric_date_ymd", r"(?<![\d/])(?P<y>\d{4})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d/])",
          norm_year_first_numeric),
    _rule("numeric_date", r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])",
          norm_numeric_date),
    _rule("month_day", rf"{_LEAD_WEEKDAY}(?P<month>{_MONTH_ANY})\s+(?P<day>{_DAY})"
          rf"(?![\d:]|\.\d|,\d{{3}})(?:,?\s+(?P<year>{_YEAR})(?!\d))?", norm_month_day),
    _rule("day_month", rf"{_LEAD_WEEKDAY}(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?"
          rf"(?P<month>{_MONTH_ANY})(?:,?\s+(?P<year>{_YEAR})(?!\d))?", norm_month_day),
    _rule("month_year", rf"(?P<month>{_MONTH_ANY})(?:,|\s+of)?\s+(?P<year>{_YEAR})(?!\d)",
          norm_month_year),
    _rule("week_of_month", rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+"
          rf"(?P<unit>week|day)\s+of\s+(?P<month>{_MONTH_FULL})(?:,?\s+(?P<year>{_YEAR}))?\b",
          norm_week_of_month),
    _rule("relative_month", rf"(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+"
          rf"(?P<month>{_MONTH_FULL})\b", norm_relative_month),
    _rule("month", rf"(?P<month>{_MONTH_FULL})\b(?!\s+\d)", norm_month, _cued_month),
    _rule("quarter", rf"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
          rf"[- ](?:fiscal[- ])?quarter(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<yrel>this\s+year"
          rf"|last\s+year|next\s+year)))?\b", norm_quarter),
    _rule("quarter_code", rf"\b(?:Q(?P<ord>[1-4])|(?P<ord2>[1-4])Q)\s*"
          rf"(?P<year>{_YEAR}|['\u2019]\d\d)?\b",
          norm_quarter_code, flags=0),
    _rule("half_year", rf"(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half(?:\s+of\s+"
          rf"(?:(?P<year>{_YEAR})|(?P<yrel>this|last|next)\s+year))\b", norm_half_year),
    _rule("season", rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?"
          rf"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b",
          norm_season, _cued_fall),
    _rule("weekend", r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)"
          r"weekend\b", norm_weekend),
    _rule("holiday", r"(?P<name>(?-i:New\s+Year['\u2019]s\s+(?:Day|Eve)|Valentine['\u2019]s\s+Day"
          r"|Halloween|Christmas\s+(?:Eve|Day)|Christmas|Boxing\s+Day|Easter|Thanksgiving))"
          rf"(?:\s+(?P<year>{_YEAR}))?\b", norm_holiday, flags=0),
    _rule("clock_time", rf"(?:(?P<hh>[01]?\d|2[0-4])(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>{_AMPM})"
          rf"|(?P<hh2>[01]?\d|2[0-3]):(?P<mm2>[0-5]\d)(?!:?\d)(?:\s*(?P<ampm2>{_AMPM}))?"
          rf"|(?P<hh3>[01]\d|2[0-3])(?P<mm3>[0-5]\d)\s*(?=(?:UTC|GMT|hours|hrs)\b)"
          r"|(?P<noon>noon|midday|midnight))"
          rf"(?:\s*(?P<zone>{_TIME_ZONE}))?(?:\s*(?:local\s+time|hours|hrs)\b)?"
          rf"(?:,?\s+(?:on\s+)?(?P<dayword>{_DAY_WORD}))?", norm_clock, anaphoric=True),
    _rule("today_words", rf"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
          r"|earlier\s+today|later\s+today|last\s+night|today|tonight|yesterday|tomorrow)"
          rf"(?:\s+(?P<pod>{_PART_OF_DAY}))?(?![\w-])", norm_today_words),
    _rule("weekday", rf"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past"
          rf"|previous|following)\s+)?(?P<weekday>{_WEEKDAY})(?:['\u2019]s)?"
          rf"(?:\s+(?P<pod>{_PART_OF_DAY}))?\b", norm_weekday, _not_named_weekday),
    _rule("part_of_day", rf"(?:(?P<pre>this|that|yesterday|tomorrow|last|early|late)\s+)?"
          rf"(?P<pod>{_PART_OF_DAY})\b", norm_part_of_day, _cued_part_of_day, anaphoric=True),
    _rule("relative_unit", rf"(?P<rel>{_RELATIVE})\s+(?P<unit>{_RELATIVE_UNIT})\b(?!-)",
          norm_relative_unit, anaphoric=True),
    _rule("unit_before_after", r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after"
          r"|previous|prior|earlier|later)\b(?=\s*(?:[,.;:)!?]|$|''|\"))", norm_unit_before_after,
          anaphoric=True),
    _rule("same_period", r"the\s+same\s+(?:period|month|quarter|week|time|season)\s+(?:of\s+)?"
          r"(?:last\s+year|the\s+(?:previous|prior|last)\s+year|a\s+year\s+(?:ago|earlier|before)"
          r"|one\s+year\s+(?:ago|earlier))", norm_same_period, anaphoric=True),
    _rule("late_in_the_day", r"(?:late|early)\s+in\s+the\s+day\b", norm_anaphoric_day,
          anaphoric=True),
    _rule("anaphoric_day", r"(?:the\s+same\s+day"
          r"|that\s+(?:same\s+)?day|the\s+day)\b(?!\s+(?:before|after|of|when|that))",
          norm_anaphoric_day, _anaphoric_day_ok, anaphoric=True),
    _rule("anaphoric_unit", r"(?:that|the\s+(?:entire|whole|full|same))\s+(?P<unit>year|month"
          r"|week)\b", norm_anaphoric_unit, anaphoric=True),
    _rule("that_time", r"(?:that|this)\s+(?:point\s+in\s+)?time\b", norm_that_time,
          anaphoric=True),
    _rule("boundary_of_unit", r"the\s+(?:very\s+)?(?:beginning|start|end|middle|close|rest"
          r"|remainder)\s+of\s+the\s+(?P<unit>day|week|month|year|quarter)\b",
          norm_boundary_of_unit, anaphoric=True),
    _rule("decade", r"(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(?P<decade>1\d{2}0|20\d0)"
          r"['\u2019]?s\b",
          norm_decade),
    _rule("decade_short", rf"(?P<the>the\s+)?(?:(?P<apos>{_APOS})|\b)(?P<decade>[1-9]0){_APOS}?s\b",
          norm_decade,
          _cued_two_digit_decade),
    _rule("decade_word", r"the\s+(?:early\s+|mid-?|late\s+)?(?P<tens>twenties|thirties|forties"
          r"|fifties|sixties|seventies|eighties|nineties)\b", norm_decade_word),
    _rule("century", r"(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(?P<ord>\d{1,2}(?:st|nd|rd|th)"
          r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
          r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
          r"|twentieth|twenty[- ]first)[- ]century\b", norm_century),
    _rule("relative_century", r"(?P<rel>this|last|next|previous)\s+century\b",
          norm_relative_century),
    _rule("year", rf"(?P<year>{_YEAR})(?:{_APOS}s)?(?![\w])", norm_year, _plausible_year),
    _rule("short_year", rf"{_APOS}(?P<yy>\d{{2}})(?![\w'\u2019])", norm_short_year,
          _cued_short_year),
    _rule("set", rf"(?P<freq>(?:once|twice|thrice|\w+\s+times)\s+)?(?P<how>every|each|per|a|an)\s+"
          rf"(?P<other>other\s+)?(?:(?P<num>{_NUMBER})\s+)?(?P<unit>{_UNIT})s?\b",
          norm_set, _is_set_quantity),
    _rule("set_weekday", rf"(?:every|each)\s+(?P<weekday>{_WEEKDAY})", norm_set_weekday),
    _rule("set_adjective", r"\b(?P<word>(?-i:hourly|daily|nightly|weekly|biweekly|monthly"
          r"|quarterly|annual|annually|yearly|biannual))\b", norm_set_adjective),
    _rule("duration", rf"(?P<mod>{_DURATION_MOD}*)(?P<num>{_NUMBER})(?:[- ]+{_DURATION_ADJ})?"
          rf"[- ]+(?P<unit>{_UNIT})s?(?:[- ](?:long|old))?\b(?:\s+(?P<ago>ago))?",
          norm_duration, _duration_is_time),
    _rule("bare_unit", r"(?P<mod>over\s+the\s+)?"
          r"(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)(?:-long)?\b"
          r"(?:\s+(?P<ago>ago))?", norm_bare, _bare_unit_is_time),
    _rule("reference", r"(?:the\s+(?:near|short|medium|long)\s+(?:term|run)"
          r"|the\s+(?:near\s+)?future|the\s+coming\s+(?:days|weeks|months|years)"
          r"|the\s+(?:days|weeks|months|years)\s+ahead|the\s+time\s+being|(?:our|its|their)\s+"
          r"recent\s+history|(?:more|most)\s+recently|recent\s+(?:years|months|weeks|days|times"
          r"|history)|those\s+days|these\s+days|at\s+present|at\s+the\s+moment|the\s+present"
          r"|until\s+now|up\s+to\s+now|right\s+now|very\s+soon|the\s+past|nowadays|currently"
          r"|presently|recently|lately|current|recent|future|soon|shortly|later|now)\b",
          norm_reference, _standalone_ref),
)


# ---------------------------------------------------------------------------
# Matching: candidates, overlaps, modifiers, normalisation
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match
    rank: int  # the rule's position: lower wins among equal spans


_WORD_START = r"(?<!\w)"
_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _rule_scanner(rules: tuple[Rule, ...]) -> re.Pattern:
    """One pattern that stops only where some rule matches, its group ``i`` holding rule ``i``'s
    match there: one pass over the text instead of one per rule (twice as fast).  Rule ``i``'s
    own pattern is re-run where it is taken, for its named groups."""
    bodies = []
    for rule in rules:
        pattern, flags = rule.pattern.pattern, rule.pattern.flags & ~re.UNICODE
        if not pattern.startswith(_WORD_START) or flags not in (0, re.IGNORECASE) or "(?P=" in pattern:
            raise ValueError(f"time rule {rule.name} cannot join the scanner")
        body = _GROUP_NAME.sub("(?:", pattern[len(_WORD_START):])
        bodies.append(body if flags else f"(?-i:{body})")
    some_rule = "|".join(bodies)
    each_rule = "".join(f"(?=({body})|)" for body in bodies)
    return re.compile(f"{_WORD_START}(?=(?:{some_rule})){each_rule}", re.IGNORECASE)


_SCANNER = _rule_scanner(RULES)


def _candidates(text: str) -> list[_Candidate]:
    """Every rule's matches, as ``rule.pattern.finditer`` finds them, that pass its checks."""
    found = []
    ends = [0] * len(RULES)  # where each rule's last match ended: the next may not start before
    for stop in _SCANNER.finditer(text):
        start = stop.start()
        for rank, (group_start, _) in enumerate(stop.regs[1:]):
            if group_start < 0 or start < ends[rank]:
                continue
            rule = RULES[rank]
            match = rule.pattern.match(text, start)
            ends[rank] = match.end()
            if match.end() == start or "\n" in match.group(0) or not _at_word_edges(text, start, match.end()):
                continue
            if rule.check and not rule.check(text, match):
                continue
            found.append(_Candidate(start, match.end(), rule, match, rank))
    return found


def _at_word_edges(text: str, start: int, end: int) -> bool:
    """Spans must not cut words: "Mayor" holds no month, "1999x" no year."""
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest non-overlapping candidates (earlier rule wins on a tie)."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    return sorted(chosen, key=lambda c: c.start)


_BOUNDARY_BEFORE = re.compile(rf"{_BOUNDARY_MOD}$", re.IGNORECASE)


def _extend_with_modifier(text: str, start: int) -> int:
    """Take "early", "mid-", "the end of" into the span; the value stays the base's."""
    match = _BOUNDARY_BEFORE.search(text[max(0, start - 40):start])
    return start - len(match.group(0)) if match else start


def find_time_expressions(text: str, published: dt.date | None,
                          tense_hint: TenseHint | None = None) -> list[TimeExpression]:
    """All time expressions in ``text``, normalised against ``published`` (see module doc)."""

    def tense_at(start: int, end: int) -> str | None:
        if tense_hint is not None:
            hinted = tense_hint(start)
            if hinted:
                return hinted
        return infer_tense(text, start, end)

    ctx = _Context(text=text, published=published, tense_at=tense_at)
    selected = _select(_candidates(text))
    values: dict[int, tuple[str, str]] = {}
    for deferred in (False, True):  # anaphora last: they read what the others resolved
        for cand in selected:
            if cand.rule.anaphoric != deferred:
                continue
            result = cand.rule.normalise(cand.match, ctx)
            if result is None:
                continue
            values[cand.start] = result
            ctx.remember(cand.start, *result)
    expressions = []
    for cand in selected:
        if cand.start not in values:
            continue
        type_, value = values[cand.start]
        start = _extend_with_modifier(text, cand.start)
        if expressions and start < expressions[-1].end:
            start = cand.start
        expressions.append(TimeExpression(text[start:cand.end], start, cand.end, type_, value))
    return expressions


# ---------------------------------------------------------------------------
# Values to date ranges
# ---------------------------------------------------------------------------

def parse_iso_value(value: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a TIMEX3 value covers; (None, None) when it names no dates.

    ``2018-W10`` -> Monday..Sunday, ``2014`` -> the year, ``201`` -> 2010..2019,
    ``19`` -> 1900..1999, ``2018-Q1``, ``2018-SU``, ``2018-03-08T15:00`` -> that day.
    Durations, ``*_REF`` and values with unknown (``X``) parts give (None, None).
    """
    value = (value or "").strip()
    if not value or "X" in value.split("T")[0] or value.startswith("P") or value.endswith("_REF"):
        return None, None
    value = value.split("T")[0]
    try:
        return _range_of(value)
    except ValueError:
        return None, None


def _range_of(value: str) -> tuple[dt.date | None, dt.date | None]:
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(match[1]), int(match[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if match := re.fullmatch(r"(\d{4})-W(\d{2})(-WE|-([1-7]))?", value):
        year, week = int(match[1]), int(match[2])
        monday = dt.date.fromisocalendar(year, week, 1)
        if match[3] == "-WE":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        if match[4]:
            day = monday + dt.timedelta(days=int(match[4]) - 1)
            return day, day
        return monday, monday + dt.timedelta(days=6)
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, quarter = int(match[1]), int(match[2])
        last_month = quarter * 3
        return (dt.date(year, last_month - 2, 1),
                dt.date(year, last_month, calendar.monthrange(year, last_month)[1]))
    if match := re.fullmatch(r"(\d{4})-H([12])", value):
        year = int(match[1])
        return ((dt.date(year, 1, 1), dt.date(year, 6, 30)) if match[2] == "1"
                else (dt.date(year, 7, 1), dt.date(year, 12, 31)))
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        start = dt.date(int(match[1]), SEASON_START_MONTH[match[2]], 1)
        return start, _shift_unit("month", start, 3) - dt.timedelta(days=1)
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value):
        return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value) and int(value) >= 1:
        return dt.date(int(value) * 100, 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    return None, None


# ---------------------------------------------------------------------------
# The pipeline stage
# ---------------------------------------------------------------------------

def spacy_tense_hint(parsed) -> TenseHint:
    """A tense oracle over a spaCy Doc: the governing verb's tense and auxiliaries."""

    def hint(offset: int) -> str | None:
        span = parsed.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        token = span[0]
        for _ in range(6):  # climb to the verb this expression hangs on
            if token.pos_ in ("VERB", "AUX") or token.head is token:
                break
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return None
        auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
        lemmas = {aux.lower_ for aux in auxiliaries} | {token.lower_}
        if lemmas & {"will", "shall", "'ll", "wo"}:
            return "future"
        if token.tag_ == "VBD" or any("Past" in aux.morph.get("Tense") for aux in auxiliaries):
            return "past"
        return None  # present or unknown: let the word heuristic decide

    return hint


@stage("times", requires=["sentences"], assigns=["times"])
def find_times(doc: Document) -> Document:
    """Set ``doc.times``: every time expression, normalised against the publication date."""
    hint = spacy_tense_hint(doc.parsed) if doc.parsed is not None else None
    doc.times = find_time_expressions(doc.text, doc.article.published, hint)
    return doc

