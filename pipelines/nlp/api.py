"""The extraction contract: what the Dagster asset, the CLI and the evaluator all call.

Pure Python: no Dagster, dbt or Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract from. Offsets in every result refer to `text` exactly as given."""

    article_id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass
class ArticleResult:
    """Everything extracted from one article, as rows keyed like the nlp.* tables
    (see pipelines/warehouse/schema.sql); the writer adds extractor_version and timestamps."""

    article_id: str
    actors: list[dict[str, Any]] = field(default_factory=list)    # nlp.actors columns
    aliases: list[dict[str, Any]] = field(default_factory=list)   # actor_id, alias, mentions (in this article)
    mentions: list[dict[str, Any]] = field(default_factory=list)  # nlp.actor_mentions columns
    quotes: list[dict[str, Any]] = field(default_factory=list)    # nlp.quotes columns
    events: list[dict[str, Any]] = field(default_factory=list)    # nlp.events columns
    words: int = 0
