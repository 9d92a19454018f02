"""Sentence boundaries and O(1) sentence lookups.

- `presswatch_paragraphs` (a component that runs before the parser): a blank line ends a
  sentence, so a headline or a dateline never fuses with the paragraph after it. A single
  line break ends one only after sentence-final punctuation (hard-wrapped text keeps its
  sentences). The parser respects boundaries set before it runs.
- `Sentences`: spaCy's Token.sent rescans the Doc on every call; this indexes them once.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

FINAL_PUNCT = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a new paragraph (or a line after a finished sentence):
    the white space between a word and the next holds a blank line, or a line break after
    sentence-final punctuation."""
    text = doc.text
    if "\n" not in text:
        return []
    starts = []
    previous: tuple[int, int] | None = None  # (start, end) of the last word seen
    # token offsets read from the token structs: no Token object per word
    for i, (start, length, is_space) in enumerate(doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()):
        if is_space:
            continue
        if previous is not None:
            gap = text[previous[1]:start]
            if "\n" in gap and (gap.count("\n") >= 2 or text[previous[0]:previous[1]].endswith(FINAL_PUNCT)):
                starts.append(i)
        previous = (start, start + length)
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
