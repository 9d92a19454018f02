"""Fixtures for the NLP tests: one pipeline per test session, and a helper that runs a text."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.nlp.pipeline import load_nlp
from pipelines.settings import get_settings


@pytest.fixture(scope="session")
def nlp():
    return load_nlp(get_settings().spacy_model)


@pytest.fixture(scope="session")
def run(nlp):
    """run(text, published="2024-05-01") -> Doc with the presswatch extensions filled."""

    def _run(text: str, published: str | date | None = "2024-05-01"):
        context = {"published": str(published) if published else None, "article_id": "test"}
        doc, _ = next(nlp.pipe([(text, context)], as_tuples=True))
        return doc

    return _run


def actor_named(doc, name: str) -> dict | None:
    return next((a for a in doc._.pw_actors if a["name"] == name), None)


def mentions_of(doc, name: str) -> list[str]:
    """The surface forms of the named actor's mentions."""
    index = next(i for i, a in enumerate(doc._.pw_actors) if a["name"] == name)
    return [m["surface"] for m in doc._.pw_mentions if m["actor"] == index]


def quote_with(doc, fragment: str) -> dict | None:
    return next((q for q in doc._.pw_quotes if fragment in q["text"]), None)
