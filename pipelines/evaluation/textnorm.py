"""Text normalisation for scoring (gold/README.md): NFKC, white-space runs folded to one
space, quote marks folded to plain ones — with a map back to the original offsets, because
predictions carry offsets into the text as given while gold quotes only carry their text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Double quote marks of every script fold to '"'; curly single quotes and apostrophes fold to
# "'" so that a gold typed with ASCII apostrophes still finds "doesn’t" in the article.
_QUOTE_FOLD = str.maketrans({
    **{c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033\u301d\u301e\u301f\uff02"},
    **{c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\uff07"},
})
# Invisible characters that NFKC keeps but that no annotator types.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _segments(text: str):
    """Yield (start, end) of each base character with the combining marks that follow it, so
    that NFKC can compose them while offsets stay attached to the base character."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, j
        i = j


@dataclass(frozen=True)
class NormalisedText:
    """`text` normalised, with `to_norm[i]` = position in `text` of original offset i
    (len(original) + 1 entries, so an exclusive end offset maps too)."""

    text: str
    to_norm: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) -> normalised [start, end), clamped to the text."""
        last = len(self.to_norm) - 1
        start = min(max(int(start), 0), last)
        end = min(max(int(end), start), last)
        return self.to_norm[start], self.to_norm[end]


def normalise_with_map(text: str) -> NormalisedText:
    out: list[str] = []
    to_norm: list[int] = []
    for start, end in _segments(text or ""):
        here = len(out)
        to_norm.extend([here] * (end - start))
        piece = unicodedata.normalize("NFKC", text[start:end]).translate(_QUOTE_FOLD)
        for ch in piece:
            if ch in _INVISIBLE:
                continue
            if ch.isspace():
                if out and out[-1] == " ":
                    continue
                ch = " "
            out.append(ch)
    to_norm.append(len(out))
    return NormalisedText("".join(out), tuple(to_norm))


def normalise(text: str | None) -> str:
    """The comparison form of a string (no offsets needed), trimmed."""
    return normalise_with_map(text or "").text.strip()


def fold_case(text: str) -> str:
    """Lower-case without changing the length, so offsets found in the result stay valid."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def find_all(haystack: str, needle: str) -> list[int]:
    """Every start offset of needle in haystack (overlapping occurrences included)."""
    if not needle:
        return []
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


_EDGE_PUNCT = ' "\',.;:!?'


def locate(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Spans of a (normalised) gold text in a normalised article: exact first, then ignoring
    case, then without the edge punctuation annotators add or drop. Empty when absent."""
    needle = needle.strip()
    for hay, pin in ((haystack, needle), (fold_case(haystack), fold_case(needle))):
        spans = [(s, s + len(pin)) for s in find_all(hay, pin)]
        if spans:
            return spans
    core = fold_case(needle).strip(_EDGE_PUNCT)
    if len(core) >= 3:
        return [(s, s + len(core)) for s in find_all(fold_case(haystack), core)]
    return []


def trim_span(text: str, start: int, end: int, chars: str = ' "') -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and quote marks: whether a span includes
    the quote marks around a quotation is not a disagreement about the quotation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
