"""Sentence boundaries and O(1) sentence lookups.

- `presswatch_paragraphs` (a component that runs before the parser): a blank line ends a
  sentence, so a headline or a dateline never fuses with the paragraph after it. A single
  line break ends one only after sentence-final punctuation (hard-wrapped text keeps its
  sentences). The parser respects boundaries set before it runs.
- `Sentences`: spaCy's Token.sent rescans the Doc on every call; this indexes them once.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

_NEWLINE = re.compile("\n")
FINAL_PUNCT = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a new paragraph (or a line after a finished sentence):
    the white space between a word and the next holds a blank line, or a line break after
    sentence-final punctuation."""
    text = _given_text(doc)
    if "\n" not in text or len(doc) < 2:
        return []
    # Token offsets come from the token structs as arrays (no Token object per word), and
    # only the few gaps that hold a line break are looked at in Python.
    bounds = doc.to_array([IDX, LENGTH, IS_SPACE])
    words = numpy.flatnonzero(bounds[:, 2] == 0)
    if len(words) < 2:
        return []
    starts, ends = bounds[words, 0], bounds[words, 0] + bounds[words, 1]
    newlines = numpy.array([m.start() for m in _NEWLINE.finditer(text)], dtype=starts.dtype)
    # line breaks in the gap between each word and the next
    breaks = numpy.searchsorted(newlines, starts[1:]) - numpy.searchsorted(newlines, ends[:-1])
    out = []
    for k in numpy.flatnonzero(breaks).tolist():
        if breaks[k] >= 2 or text[starts[k]:ends[k]].endswith(FINAL_PUNCT):
            out.append(int(words[k + 1]))
    return out


def _given_text(doc: Doc) -> str:
    """The text the Doc was made from when it rides along in the pipe context (the extractor
    sends it), else doc.text, which joins every token."""
    context = getattr(doc, "_context", None)
    text = context.get("text") if isinstance(context, dict) else None
    if isinstance(text, str) and len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return text
    return doc.text


@Language.component("presswatch_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    starts = paragraph_starts(doc)
    opening = set(starts)
    for i in starts:
        doc[i].is_sent_start = True
        # nor may the parser end the sentence after its first word: it did after "Paul" in
        # "signed\n\nPaul Weber said", and the name was lost across the break
        if i + 1 < len(doc) and i + 1 not in opening and doc[i].is_alpha and doc[i + 1].is_alpha:
            doc[i + 1].is_sent_start = False
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
