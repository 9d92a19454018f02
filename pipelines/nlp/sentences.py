"""Sentence boundaries and O(1) sentence lookups.

- `presswatch_paragraphs` (a component that runs before the parser): a blank line ends a
  sentence, so a headline or a dateline never fuses with the paragraph after it. A single
  line break ends one only after sentence-final punctuation (hard-wrapped text keeps its
  sentences). The parser respects boundaries set before it runs.
- `Sentences`: spaCy's Token.sent rescans the Doc on every call; this indexes them once.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

FINAL_PUNCT = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a new paragraph (or a line after a finished sentence)."""
    if "\n" not in doc.text:
        return []
    starts = []
    for token in doc[:-1]:
        if "\n" not in token.whitespace_ and not (token.is_space and "\n" in token.text):
            continue
        following = doc[token.i + 1]
        if following.is_space:
            continue  # the break continues; the next word opens the paragraph
        gap = token.whitespace_ if not token.is_space else token.text + token.whitespace_
        previous = token
        while previous.is_space and previous.i > 0:
            previous = doc[previous.i - 1]
            gap = previous.whitespace_ + gap
        if previous.is_space:
            continue  # only white space before: nothing to end
        if gap.count("\n") >= 2 or previous.text.endswith(FINAL_PUNCT):
            starts.append(following.i)
    return starts


@Language.component("presswatch_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc


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
