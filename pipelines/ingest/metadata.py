"""Article metadata: outlet from the URL, publication dates in many formats, authors, titles."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from dateutil import parser as date_parser

_SUFFIXES_PATH = Path(__file__).parent / "rules" / "second_level_suffixes.txt"
_HOST_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.")
_EARLIEST_YEAR = 1800


# --- outlet -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _second_level_suffixes() -> frozenset[str]:
    lines = _SUFFIXES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of a URL: https://www.voanews.com/a/x -> voanews.com."""
    host = _host(url)
    if not host:
        return None
    if re.fullmatch(r"[\d.]+|\[[0-9a-f:]+\]", host):
        return host
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    keep = 3 if ".".join(labels[-2:]) in _second_level_suffixes() else 2
    return ".".join(labels[-keep:])


def _host(url: str | None) -> str | None:
    if not url or not isinstance(url, str):
        return None
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host if "." in host else None


def clean_url(url: object) -> str | None:
    """Keep only absolute http(s) URLs; anything else is not a link to the article.
    A user:password@ part is dropped: a stored or shown URL never carries credentials."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    if re.match(r"(?i)^https?://[^\s/]+\.[^\s/]+", text) and not re.search(r"\s", text):
        return split_credentials(text)[0]
    return None


def split_credentials(url: str) -> tuple[str, str | None]:
    """(the URL without user:password@, that user:password part or None)."""
    match = re.match(r"(?i)^([a-z][a-z0-9+.-]*://)([^/?#]*)(.*)$", url, re.DOTALL)
    if not match or "@" not in match.group(2):
        return url, None
    userinfo, _, host = match.group(2).rpartition("@")
    return match.group(1) + host + match.group(3), userinfo


# --- dates ------------------------------------------------------------------------------

_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{0,6}Z?)?\s*$")


def parse_date(value: object) -> date | None:
    """A date from ISO strings, RFC 822, '2025-03-14 20:30:26Z', 'March 7, 2022', epochs...

    The calendar date is the one written (no time-zone shift): a story stamped
    2022-03-07T23:30-05:00 was published on the 7th where it was written.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if isinstance(value, (tuple, list)) and len(value) >= 3 and all(isinstance(v, int) for v in value[:3]):
        return _safe_date(value[0], value[1], value[2])  # time.struct_time from feedparser
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    if re.fullmatch(r"\d{10}(\.\d+)?|\d{13}", text):
        return _from_epoch(float(text))
    compact = _COMPACT_DATE.match(text)
    if compact:
        return _safe_date(*(int(g) for g in compact.groups()))
    if not _HAS_YEAR.search(text):
        return None  # "Monday 10:30": dateutil would fill in today's date
    try:
        return _plausible(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        first = date_parser.parse(text, default=datetime(2000, 1, 1)).date()
        second = date_parser.parse(text, default=datetime(2001, 2, 2)).date()
    except (ValueError, OverflowError, TypeError, date_parser.ParserError):
        return None
    # A value that lacks a year, month or day ("March 2022") is no calendar date.
    return _plausible(first) if first == second else None


def _from_epoch(seconds: float) -> date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _plausible(datetime.fromtimestamp(seconds, tz=timezone.utc).date())
    except (OverflowError, OSError, ValueError):
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return _plausible(date(year, month, day))
    except (ValueError, TypeError):
        return None


def _plausible(day: date) -> date | None:
    """No news from before 1800 or from the future (a day of slack for time zones)."""
    if day.year < _EARLIEST_YEAR or day.toordinal() > date.today().toordinal() + 1:
        return None
    return day


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_URL_DATE_PATTERNS = (
    re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d\d)/([a-z]{3})/(0?[1-9]|[12]\d|3[01])(?=/|$)", re.IGNORECASE),
    re.compile(r"[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?=[/_.-]|$)"),
)


def date_from_url(url: str | None) -> date | None:
    """A date written in a URL path: /2022/03/07/, /2022-03-07-, /2022/mar/07/, /20220307/."""
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in _URL_DATE_PATTERNS:
        match = pattern.search(path)
        if not match:
            continue
        year, month, day = match.groups()
        month_number = _MONTHS.get(month.lower()[:3]) if month.isalpha() else int(month)
        if month_number:
            found = _safe_date(int(year), month_number, int(day))
            if found:
                return found
    return None


def resolve_published(metadata_value: object, page_value: object, url: str | None) -> tuple[date | None, str]:
    """(date, where it came from): metadata first, then the page, then the URL."""
    for value, source in ((metadata_value, "metadata"), (page_value, "page")):
        found = parse_date(value)
        if found:
            return found, source
    found = date_from_url(url)
    if found:
        return found, "url"
    return None, "none"


# --- people, titles, languages ------------------------------------------------------------

def join_authors(value: object) -> str | None:
    """'A', ['A', 'B'], [{'name': 'A'}], 'A; B' -> 'A, B'."""
    names: list[str] = []
    items = value if isinstance(value, (list, tuple)) else [value]
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("full_name") or item.get("title")
        if isinstance(item, str):
            names.extend(part.strip() for part in re.split(r"\s*[;|]\s*", item))
    names = [re.sub(r"(?i)^by\s+", "", n).strip() for n in names if n and n.strip()]
    unique = list(dict.fromkeys(n for n in names if n))
    return ", ".join(unique)[:300] if unique else None


def text_value(value: object, limit: int = 500) -> str | None:
    """A short metadata string, or None for blanks and non-strings."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text[:limit] if text else None


_BYLINE = re.compile(
    r"^[Bb][Yy]\s+((?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w.'’-]+"
    r"(?:\s*(?:,|and|&)\s*(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w.'’-]+)*)"
    r"(?:\s*[,|]\s*[A-Z][\w.'’ -]{1,40})?\s*$"
)


def byline_author(line: str) -> str | None:
    """'By Jane Doe and John Roe, Associated Press' -> 'Jane Doe and John Roe'."""
    if len(line) > 120:
        return None
    match = _BYLINE.match(line.strip())
    return match.group(1).strip() if match else None


def looks_like_headline(line: str) -> bool:
    """A first line that is a title: short, no sentence-final punctuation, not a byline."""
    text = line.strip()
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 200:
        return False
    if text[-1] in ".,;:" or text.endswith((".”", '."', ".’", ".'")):
        return False
    if byline_author(text) or text[0].islower():
        return False
    return any(ch.isalpha() for ch in text)


def language_tag(value: object) -> str | None:
    """'en-US', 'EN', 'en_GB' -> 'en'."""
    text = text_value(value, 20)
    if not text:
        return None
    match = re.match(r"([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$", text)
    return match.group(1).lower() if match else None


def fold_title(text: str) -> str:
    """Titles compare equal across case, spacing and punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
