"""Per-Doc memos for values spaCy rebuilds on every access.

`doc.text` joins every token and `doc.ents` / `span.ents` build fresh Span objects each time;
the event rules ask for them thousands of times per article, which cost more than parsing.
Only the most recent Doc is remembered (held by reference, so an id cannot be reused), which
fits the pipeline: one Doc goes through the components at a time in each process.
Neither value changes once the NER has run; nothing in presswatch sets `doc.ents`.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_doc: Doc | None = None
_text: str = ""
_ents: tuple[Span, ...] = ()
_ent_starts: list[int] = []
_token_starts: list[int] = []
_token_ends: list[int] = []


def _remember(doc: Doc) -> None:
    global _doc, _text, _ents, _ent_starts, _token_starts, _token_ends
    if _doc is not doc:
        _doc, _text, _ents = doc, doc.text, tuple(doc.ents)
        _ent_starts = [ent.start for ent in _ents]
        _token_starts = [token.idx for token in doc]
        _token_ends = [start + len(token) for start, token in zip(_token_starts, doc)]


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc."""
    _remember(doc)
    return _text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, built once per Doc."""
    _remember(doc)
    return _ents


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


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text without building the Span (start < end)."""
    _remember(doc)
    return _text[_token_starts[start]:_token_ends[end - 1]]
