"""Resolve a date expression from news text against the publication date.

Pure functions, no spaCy: `resolve_date("on Saturday", date(2022, 3, 7))` ->
DateResolution(date(2022, 3, 5), "day", "on Saturday"). Anything that cannot be pinned
down returns None: a caller must never fall back to the publication date by itself.

Rules (news convention: an unqualified weekday or month is the most recent one before
the publication, or the next one when the event lies in the future):
- weekday names: most recent past (or same-day) weekday; next one for future events
- "Feb. 24", "February 24, 2022", "24 February": that day; without a year, the year that
  puts it at or before publication (after it for future events)
- "in December", "December 2021": that month; without a year, the most recent past one
- "in 2017": that year; "two years later" / "a year earlier": relative to an anchor year
  (the last year the article mentioned)
- today / yesterday / tomorrow, last/this/next week|month|year, "over the past month",
  "N days|weeks|months|years ago", "earlier this month|year"
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
            "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
          "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
          "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?", re.I)
DAY_MONTH = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", re.I)
MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b", re.I)
MONTH_ONLY = re.compile(rf"\b(?P<rel>last|this|next|early|late|mid|in|since|until|by|during)?[\s-]*{_MONTH}\b", re.I)
YEAR_ONLY = re.compile(rf"\b{_YEAR}\b(?!s)")
DECADE = re.compile(r"\b(?:1[89]|20)\d0s\b|\bcentury\b", re.I)
WEEKDAY = re.compile(r"\b(?P<rel>last|this|next|past|coming)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?", re.I)
AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|later|after|on)\b", re.I)
RELATIVE = re.compile(r"\b(?P<rel>last|this|next|past|coming|previous|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)\b", re.I)
DEICTIC = re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b", re.I)


@dataclass(frozen=True)
class DateResolution:
    date: date
    granularity: str  # day | month | year
    text: str

    def iso(self) -> str:
        return self.date.isoformat()

    def at_granularity(self) -> str:
        """'2022-03-05', '2022-02' or '2017' as the text gives it."""
        if self.granularity == "year":
            return f"{self.date.year:04d}"
        if self.granularity == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()


def _month_number(raw: str) -> int | None:
    return MONTHS.get(raw.lower().rstrip("."))


def _number(raw: str) -> int | None:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else NUMBERS.get(raw)


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_date(text: str, published: date | None, future: bool = False,
                 anchor_year: int | None = None) -> DateResolution | None:
    """The date an expression points to, or None when it cannot be resolved."""
    if not text or not text.strip():
        return None
    clean = " ".join(text.split())
    for resolver in (_absolute_day, _month_year, _relative_units, _deictic, _weekday,
                     _month_only, _year_only):
        result = resolver(clean, published, future, anchor_year)
        if result is not None:
            return DateResolution(result[0], result[1], clean)
    return None


def _absolute_day(text, published, future, anchor_year):
    for pattern in (MONTH_DAY, DAY_MONTH):
        match = pattern.search(text)
        if not match:
            continue
        month = _month_number(match.group("month"))
        day = int(match.group("day"))
        if month is None or not 1 <= day <= 31:
            continue
        if match.group("year"):
            found = _safe_date(int(match.group("year")), month, day)
            return (found, "day") if found else None
        if published is None:
            return None
        found = _safe_date(published.year, month, day)
        if found is None:
            return None
        if future and found < published:
            found = _safe_date(published.year + 1, month, day)
        elif not future and found > published + timedelta(days=1):
            found = _safe_date(published.year - 1, month, day)
        return (found, "day") if found else None
    return None


def _month_year(text, published, future, anchor_year):
    match = MONTH_YEAR.search(text)
    if not match:
        return None
    month = _month_number(match.group("month"))
    return (date(int(match.group("year")), month, 1), "month") if month else None


def _relative_units(text, published, future, anchor_year):
    match = AGO.search(text)
    if match:
        n = _number(match.group("n"))
        unit = match.group("unit").lower()
        direction = match.group("dir").lower()
        if n is None:
            return None
        if direction in ("ago",):
            if published is None:
                return None
            base, sign = published, -1
        elif unit == "year" and anchor_year is not None:
            # "two years later": relative to the year the article last mentioned
            sign = 1 if direction in ("later", "after", "on") else -1
            return date(anchor_year + sign * n, 1, 1), "year"
        else:
            return None
        if unit == "day":
            return base + timedelta(days=sign * n), "day"
        if unit == "week":
            return base + timedelta(days=sign * 7 * n), "month"
        if unit == "month":
            return _shift_months(base, sign * n), "month"
        return date(base.year + sign * n, 1, 1), "year"
    match = RELATIVE.search(text)
    if not match or published is None:
        return None
    rel = " ".join(match.group("rel").lower().split())
    unit = match.group("unit").lower()
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "week":
        # a week is finer than a month and coarser than a day: keep it only when it lies
        # inside one calendar month
        start = published + timedelta(days=7 * offset - published.weekday())
        end = start + timedelta(days=6)
        if start.month != end.month:
            return None
        return date(start.year, start.month, 1), "month"
    if unit == "month":
        return _shift_months(published, offset), "month"
    return date(published.year + offset, 1, 1), "year"


def _deictic(text, published, future, anchor_year):
    match = DEICTIC.search(text)
    if not match or published is None:
        return None
    word = match.group("word").lower()
    if word == "yesterday":
        return published - timedelta(days=1), "day"
    if word == "tomorrow":
        return published + timedelta(days=1), "day"
    return published, "day"


def _weekday(text, published, future, anchor_year):
    match = WEEKDAY.search(text)
    if not match or published is None:
        return None
    raw = match.group("wd").lower()
    # "Sun" / "Sat" / "Wed" are also ordinary words: only accept abbreviations with a dot
    # or capital letter as typed
    if raw in ("sun", "sat", "wed", "mon") and not match.group("wd")[0].isupper():
        return None
    weekday = WEEKDAYS[raw]
    rel = (match.group("rel") or "").lower()
    if rel in ("next", "coming"):
        future = True
    elif rel in ("last", "past"):
        future = False
    if future:
        delta = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=delta), "day"
    delta = (published.weekday() - weekday) % 7
    if rel in ("last", "past") and delta == 0:
        delta = 7
    return published - timedelta(days=delta), "day"


def _month_only(text, published, future, anchor_year):
    for match in MONTH_ONLY.finditer(text):
        raw = match.group("month")
        # "May" and "March" are also words; accept them capitalised only
        if raw.lower().rstrip(".") in ("may", "mar", "march") and not raw[0].isupper():
            continue
        month = _month_number(raw)
        if month is None:
            continue
        year_match = YEAR_ONLY.search(text)
        if year_match:
            return date(int(year_match.group("year")), month, 1), "month"
        if published is None:
            return None
        rel = (match.group("rel") or "").lower()
        year = published.year
        if rel == "next" or (future and rel != "last"):
            if month < published.month or (rel == "next" and month == published.month):
                year += 1
        elif month > published.month or (rel == "last" and month == published.month):
            year -= 1
        return date(year, month, 1), "month"
    return None


def _year_only(text, published, future, anchor_year):
    if DECADE.search(text):
        return None
    match = YEAR_ONLY.search(text)
    if not match:
        return None
    return date(int(match.group("year")), 1, 1), "year"


def mentioned_year(text: str) -> int | None:
    """The last explicit year in a piece of text (an anchor for "two years later")."""
    years = [int(m.group("year")) for m in YEAR_ONLY.finditer(text)]
    return years[-1] if years else None
