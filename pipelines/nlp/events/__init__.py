"""Event extraction: who did what to whom, when and where (PLOVER 2.0 types and modes).

    extract_events(doc, resolver, published) -> list of nlp.events rows (without extractor_version)
    to_cli_event(row) -> the short form the CLI prints

The lexicon is data (rules/*.jsonl derived from CAMEO by build_lexicon.py, rules/overrides.yaml
by hand); dates come from pipelines.nlp.dates, places from pipelines.nlp.places.
Compound actors ("Hungarian and Romanian officials agreed") give one event per actor pair,
each with its own evidence span, so every row keeps a single source and target.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pipelines.nlp.events.extract import EventExtractor
from pipelines.nlp.events.record import EventRecord
from pipelines.nlp.events.rows import article_id_of, to_row
from pipelines.nlp.events.lexicon import load_lexicon

__all__ = ["extract_events", "extract_event_records", "to_cli_event", "EventRecord"]


def extract_event_records(doc, resolver, published: date | None) -> list[EventRecord]:
    """The events with their parse details (trigger, depth, actor countries)."""
    return EventExtractor(doc, resolver, published).records()


def extract_events(doc, resolver, published: date | None) -> list[dict[str, Any]]:
    """nlp.events rows for one Doc; event ids are unique within the article."""
    if published is None and hasattr(doc._, "published") and doc._.published:
        try:
            published = date.fromisoformat(str(doc._.published)[:10])
        except ValueError:
            published = None
    article_id = article_id_of(doc)
    lexicon = load_lexicon()
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in extract_event_records(doc, resolver, published):
        row = to_row(record, article_id, lexicon)
        if row["event_id"] in seen:
            continue
        seen.add(row["event_id"])
        rows.append(row)
    return rows


def to_cli_event(row: dict[str, Any]) -> dict[str, Any]:
    """{"source","type","mode","target","date","location","modality","start","end"}; the date
    at the granularity the text gives ('2022-02', '2022-03-05', '2017')."""
    value = row.get("event_date")
    granularity = row.get("date_granularity")
    if value is not None:
        value = str(value)[:10]
        value = value[:4] if granularity == "year" else value[:7] if granularity == "month" else value
    return {
        "source": row.get("source_name"),
        "type": row.get("event_type"),
        "mode": row.get("mode"),
        "target": row.get("target_name"),
        "date": value,
        "location": row.get("location_name"),
        "modality": row.get("modality"),
        "start": row.get("start_char"),
        "end": row.get("end_char"),
    }
