"""Per-Doc memos for values spaCy rebuilds on every access.

`doc.text` joins every token, `doc.ents` / `span.ents` build fresh Span objects each time and
`doc.sents` rescans every token; the event rules ask for them thousands of times per article,
which cost more than parsing.
Only the most recent Doc is remembered (held by reference, so an id cannot be reused), which
fits the pipeline: one Doc goes through the components at a time in each process.
None of them changes once the NER has run; nothing in presswatch sets `doc.ents`.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from pipelines.nlp.sentences import Sentences

_doc: Doc | None = None
_text: str = ""
_ents: tuple[Span, ...] = ()
_ent_starts: list[int] = []
_token_starts: list[int] = []
_token_ends: list[int] = []
_sentences: Sentences | None = None


def _remember(doc: Doc, text: str | None = None) -> None:
    global _doc, _text, _ents, _ent_starts, _token_starts, _token_ends, _sentences
    if _doc is not doc:
        _sentences = None
        # to_array reads the token structs directly, without building a Token per word
        bounds = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        _token_starts = [start for start, _ in bounds]
        _token_ends = [start + length for start, length in bounds]
        _doc, _text, _ents = doc, text if text is not None else doc.text, tuple(doc.ents)
        _ent_starts = [ent.start for ent in _ents]


def forget() -> None:
    """Drops the remembered Doc (a long article's Doc would stay alive until the next one)."""
    global _doc, _text, _ents, _ent_starts, _token_starts, _token_ends, _sentences
    _doc, _text, _ents, _ent_starts, _token_starts, _token_ends = None, "", (), [], [], []
    _sentences = None


def remember_text(doc: Doc, text: str) -> None:
    """Hands over the text the Doc was made from (spaCy keeps it exactly), sparing the join
    of every token that doc.text does."""
    global _doc
    if _doc is doc:
        return
    _remember(doc, text)
    fits = (not _token_ends and not text) or (
        bool(_token_ends) and 0 <= len(text) - _token_ends[-1] <= 1
        and text[_token_starts[-1]:_token_ends[-1]] == doc[-1].text)
    if not fits:  # not the Doc's text after all: build it the slow way
        _doc = None
        _remember(doc)


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc."""
    _remember(doc)
    return _text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once per Doc."""
    _remember(doc)
    return _ents


def sentences(doc: Doc) -> Sentences:
    """The Doc's sentences, indexed once (doc.sents rescans every token on each call)."""
    global _sentences
    _remember(doc)
    if _sentences is None:
        _sentences = Sentences(doc)
    return _sentences


def span_ents(span: Span) -> list[Span]:
    """span.ents (the entities wholly inside the span) from the memo, by bisection."""
    _remember(span.doc)
    found = []
    for index in range(bisect_left(_ent_starts, span.start), len(_ents)):
        ent = _ents[index]
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end character offsets of every token, read once per Doc."""
    _remember(doc)
    return _token_starts, _token_ends


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text without building the Span (start < end)."""
    _remember(doc)
    return _text[_token_starts[start]:_token_ends[end - 1]]
