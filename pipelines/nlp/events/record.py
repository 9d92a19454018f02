"""EventRecord: one extracted event with the parse details the table rows leave out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from pipelines.nlp.dates import DateResolution
from pipelines.nlp.events.triggers import Trigger


@dataclass
class EventRecord:
    trigger: Trigger
    sentence: Span
    sentence_index: int
    event_type: str
    mode: str | None
    modality: str
    source: dict | None
    target: dict | None
    source_token: Token | None
    target_token: Token | None
    count: int | None = None
    date: DateResolution | None = None
    date_flag: str = "unresolved"
    date_text: str | None = None
    own_date: bool = False
    location: Any = None  # places.Place or a bare name
    location_name: str | None = None
    depth: int = 0
    compound_source: bool = False
    extra_tokens: list[Token] = field(default_factory=list)
    source_country: str | None = None  # as PLOVER codes the sides (events/countries.py)
    target_country: str | None = None
    open_recipient: bool = False  # a call whose other party a later sentence may name

    @property
    def kind(self) -> str:
        return self.trigger.kind

    def key(self) -> tuple:
        return (actor_key(self.source), self.event_type, actor_key(self.target))


def actor_key(actor: dict | None) -> str:
    """Identity of an event participant: its actor id, else its lower-cased name."""
    if not actor:
        return ""
    return str(actor.get("actor_id") or (actor.get("name") or "").lower())


def strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
