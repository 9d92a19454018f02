"""The spaCy component that finds quotes (filled in by pipelines.nlp.quotes.extract)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuotesComponent:
    def __init__(self, nlp: Language):
        pass

    def __call__(self, doc: Doc) -> Doc:
        from pipelines.nlp.quotes.extract import extract_quotes
        from pipelines.nlp.resolver import ActorResolver

        body_end = doc._.pw_body_end if doc._.pw_body_end is not None else len(doc.text)
        doc._.pw_quotes = extract_quotes(doc, ActorResolver.from_doc(doc), body_end)
        return doc
