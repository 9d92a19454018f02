"""Sentence lookups in O(1): spaCy's Token.sent rescans the Doc on every call."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span


class Sentences:
    def __init__(self, doc: Doc):
        self.spans: list[Span] = list(doc.sents)
        self.starts = [s.start for s in self.spans]
        self.char_starts = [s.start_char for s in self.spans]

    def index_of_token(self, i: int) -> int:
        return max(0, bisect_right(self.starts, i) - 1)

    def of_token(self, i: int) -> Span:
        return self.spans[self.index_of_token(i)]

    def index_of_char(self, char: int) -> int:
        return max(0, bisect_right(self.char_starts, char) - 1)

    def of_char(self, char: int) -> Span:
        return self.spans[self.index_of_char(char)]
