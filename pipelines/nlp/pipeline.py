"""The spaCy pipeline factory: the model plus presswatch's actor, quote and event components.

Every component stores plain JSON-able data on Doc extensions; spaCy serialises
Doc.user_data with msgpack between processes, so results survive nlp.pipe(n_process>1).
The publication date travels as the `as_tuples` context ({"published": "YYYY-MM-DD",
"article_id": ...}), which spaCy hands to worker processes as doc._context before the
components run; a Doc made beforehand may instead carry doc._.published itself.
"""

from __future__ import annotations

import importlib
import warnings
from datetime import date
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipelines.nlp.boilerplate import body_end
from pipelines.nlp.doc_cache import doc_text, remember_text

EXTENSIONS = ("article_id", "published", "pw_body_end", "pw_actors", "pw_mentions", "pw_descriptions", "pw_quotes", "pw_events")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

COMPONENTS = ("presswatch_context", "presswatch_actors", "presswatch_quotes", "presswatch_events")


def published_of(doc: Doc) -> date | None:
    """The article's publication date as set by the context component, or None."""
    raw = doc._.published
    if not raw:
        return None
    try:
        return date.fromisoformat(str(raw)[:10])
    except ValueError:
        return None


@Language.component("presswatch_context")
def context_component(doc: Doc) -> Doc:
    """Copy the publication date from the pipe context and find where the body ends."""
    context = getattr(doc, "_context", None)
    if isinstance(context, dict):
        if doc._.published is None and context.get("published"):
            doc._.published = str(context["published"])[:10]
        if doc._.article_id is None and context.get("article_id"):
            doc._.article_id = str(context["article_id"])
        if isinstance(context.get("text"), str):
            remember_text(doc, context["text"])
    doc._.pw_body_end = body_end(doc_text(doc))
    return doc


@Language.factory("presswatch_actors")
def make_actors_component(nlp: Language, name: str) -> Any:
    from pipelines.nlp.actors.component import ActorsComponent

    return ActorsComponent(nlp)


@Language.factory("presswatch_quotes")
def make_quotes_component(nlp: Language, name: str) -> Any:
    from pipelines.nlp.quotes.component import QuotesComponent

    return QuotesComponent(nlp)


@Language.factory("presswatch_events")
def make_events_component(nlp: Language, name: str) -> Any:
    return EventsComponent()


class EventsComponent:
    """Calls pipelines.nlp.events.extract_events(doc, resolver, published)."""

    def __init__(self) -> None:
        self.extract_events = _load_event_extractor()

    def __call__(self, doc: Doc) -> Doc:
        from pipelines.nlp.resolver import ActorResolver

        if self.extract_events is None:
            doc._.pw_events = []
            return doc
        resolver = ActorResolver.from_doc(doc)
        events = self.extract_events(doc, resolver, published_of(doc)) or []
        limit = doc._.pw_body_end if doc._.pw_body_end is not None else len(doc.text)
        doc._.pw_events = [dict(e) for e in events if _start_of(e) < limit]
        return doc


def _start_of(event: dict) -> int:
    return int(event.get("start_char", event.get("start", 0)) or 0)


def _load_event_extractor():
    """The events module's entry point; None only while that module does not exist yet
    (errors inside an existing events module are raised, not hidden)."""
    try:
        module = importlib.import_module("pipelines.nlp.events")
    except ModuleNotFoundError as exc:
        if exc.name == "pipelines.nlp.events":
            warnings.warn("pipelines.nlp.events is missing: no events will be extracted", stacklevel=2)
            return None
        raise
    return module.extract_events  # an events module without it is a bug, not a fallback


@lru_cache(maxsize=4)
def load_nlp(model_name: str) -> Language:
    """The spaCy model with presswatch's components added; built once per process."""
    nlp = spacy.load(model_name)
    if "parser" in nlp.pipe_names and "presswatch_paragraphs" not in nlp.pipe_names:
        import pipelines.nlp.sentences  # noqa: F401  registers the component

        nlp.add_pipe("presswatch_paragraphs", before="parser")  # blank lines end sentences
    for component in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True)
    return nlp
