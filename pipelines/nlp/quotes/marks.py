"""Find quoted stretches of text from quote marks, robustly.

Handles curly and straight double quotes, guillemets, single quotes (telling them from
apostrophes), quotes that run over several sentences, and multi-paragraph quotes whose
paragraphs reopen without closing. An unmatched mark is dropped at the end of its
paragraph so that it cannot derail the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_OPEN = {"\u201c", "\u201e", "\u00ab"}          # “ „ «
DOUBLE_CLOSE = {"\u201d", "\u00bb", "\u201f"}         # ” » ‟
SINGLE_OPEN = {"\u2018", "\u201a", "\u2039"}          # ‘ ‚ ‹
SINGLE_CLOSE = {"\u2019", "\u203a"}                   # ’ ›
OPENING_CONTEXT = set(" \t\n([{\u2014\u2013-/:;") | {""}
MAX_PARAGRAPHS = 6
MAX_CHARS = 6000
PARAGRAPH = re.compile(r"\n")


@dataclass(frozen=True)
class Segment:
    open: int    # index of the opening mark
    close: int   # index of the closing mark
    double: bool = True

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close

    def inner(self, text: str) -> str:
        return text[self.start:self.end]


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for match in PARAGRAPH.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def _first_visible(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i] in " \t\u00a0":
        i += 1
    return i


def _is_straight_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before in OPENING_CONTEXT or before.isspace()) and after not in ("", " ", "\n")


def find_double(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    end = len(text) if end is None else end
    segments: list[Segment] = []
    paragraphs = _paragraphs(text, start, end)
    carry: int | None = None      # opening mark of a quote continuing from earlier paragraphs
    carried = 0
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        first = _first_visible(text, p_start, p_end)
        reopen = carry is not None and first < p_end and (text[first] in DOUBLE_OPEN or text[first] == '"')
        open_pos: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch in DOUBLE_OPEN or (ch == '"' and open_pos is None and _is_straight_opener(text, i)):
                # the reopening mark of a multi-paragraph quote keeps the first opening;
                # any other earlier unmatched opener is dropped
                open_pos = carry if (reopen and i == first) else i
            elif ch in DOUBLE_CLOSE or ch == '"':
                if open_pos is not None:
                    segments.append(Segment(open_pos, i))
                    open_pos = None
        carry = None
        has_next = p_index + 1 < len(paragraphs)
        if open_pos is not None and has_next and carried < MAX_PARAGRAPHS \
                and paragraphs[p_index + 1][0] - open_pos < MAX_CHARS:
            carry, carried = open_pos, carried + 1
        else:
            carried = 0
    return segments


def _apostrophe(text: str, i: int) -> bool:
    """A right single quote / straight quote used inside or at the end of a word."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isalnum() and after.isalnum():
        return True                     # don't, Macron’s
    if not before.isalnum() and after.isdigit():
        return True                     # ’90s
    return False


def find_single(text: str, start: int, end: int, blocked: list[Segment]) -> list[Segment]:
    """Single-quoted stretches outside double quotes: ‘...’ and '...'."""
    segments: list[Segment] = []
    inside = [(s.open, s.close) for s in blocked]

    def blocked_at(i: int) -> bool:
        return any(a <= i <= b for a, b in inside)

    for p_start, p_end in _paragraphs(text, start, end):
        i = p_start
        while i < p_end:
            ch = text[i]
            is_open = (ch in SINGLE_OPEN or ch == "'") and not blocked_at(i)
            if is_open:
                before = text[i - 1] if i > p_start else ""
                after = text[i + 1] if i + 1 < p_end else ""
                if not (before == "" or before.isspace() or before in "([{\u2014\u2013-:;") or not after.isalpha():
                    i += 1
                    continue
                close = None
                for j in range(i + 2, p_end):
                    c = text[j]
                    if (c in SINGLE_CLOSE or c == "'") and not _apostrophe(text, j):
                        prev = text[j - 1]
                        nxt = text[j + 1] if j + 1 < p_end else ""
                        if prev.isspace() or (nxt and nxt.isalnum()):
                            continue
                        if prev == "s" and nxt == " " and text[j + 2:j + 3].islower():
                            continue    # plural possessive: the officials’ statements
                        close = j
                        break
                    if c in SINGLE_OPEN:
                        break
                if close is not None:
                    segments.append(Segment(i, close, double=False))
                    i = close + 1
                    continue
            i += 1
    return segments


def find_segments(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """All quoted stretches in text[start:end], in order, non-overlapping."""
    return list(_segments(text, start, len(text) if end is None else end))


@lru_cache(maxsize=4)  # the actor resolver, quotes and events each ask for the same article
def _segments(text: str, start: int, end: int) -> tuple[Segment, ...]:
    doubles = find_double(text, start, end)
    singles = find_single(text, start, end, doubles)
    return tuple(sorted(doubles + singles, key=lambda s: s.open))
