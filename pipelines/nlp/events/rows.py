"""EventRecord -> nlp.events row (pipelines/warehouse/schema.sql, without extractor_version)."""

from __future__ import annotations

import hashlib
from typing import Any

from spacy.tokens import Doc

from pipelines.nlp.doc_cache import doc_text
from pipelines.nlp.events.lexicon import Lexicon
from pipelines.nlp.events.record import EventRecord, actor_key
from pipelines.nlp.events.roles import RoleFinder


def sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_id_of(doc: Doc) -> str:
    if Doc.has_extension("article_id") and doc._.article_id:
        return str(doc._.article_id)
    return str(doc.user_data.get("article_id") or "")


def evidence_span(record: EventRecord) -> tuple[int, int]:
    """Characters from the first to the last of trigger(s), source and target phrases,
    kept inside the sentence."""
    sent = record.sentence
    tokens = [record.trigger.token] + record.extra_tokens
    starts = [t.idx for t in tokens]
    ends = [t.idx + len(t.text) for t in tokens]
    for arg in (record.source_token, record.target_token):
        if arg is not None:
            start, end = RoleFinder.head_span(arg) if arg.dep_ not in ("amod", "compound") else \
                (arg.idx, arg.idx + len(arg.text))
            starts.append(start)
            ends.append(end)
    start = max(sent.start_char, min(starts))
    end = min(sent.end_char, max(ends))
    return start, end


def fingerprint(source: dict | None, event_type: str, target: dict | None, date_text: str | None) -> str:
    return sha16("|".join((actor_key(source), event_type, actor_key(target), date_text or "")))


def to_row(record: EventRecord, article_id: str, lexicon: Lexicon) -> dict[str, Any]:
    start, end = evidence_span(record)
    text = doc_text(record.sentence.doc)
    place = record.location
    date_value = record.date.at_granularity() if record.date else None
    return {
        "event_id": sha16(f"{article_id}:{start}:{end}:{record.event_type}:event"),
        "article_id": article_id,
        "start_char": start,
        "end_char": end,
        "evidence": text[start:end],
        "sentence_start": record.sentence.start_char,
        "sentence_end": record.sentence.end_char,
        "event_type": record.event_type,
        "mode": record.mode,
        "score": lexicon.score(record.event_type, record.mode),
        "source_actor_id": (record.source or {}).get("actor_id"),
        "source_name": (record.source or {}).get("name"),
        "target_actor_id": (record.target or {}).get("actor_id"),
        "target_name": (record.target or {}).get("name"),
        "modality": record.modality,
        "event_count": record.count,
        "event_date": record.date.iso() if record.date else None,
        "date_granularity": record.date.granularity if record.date else None,
        "date_text": record.date_text,
        "date_flag": record.date_flag,
        "location_name": record.location_name,
        "location_country": getattr(place, "country", None),
        "latitude": getattr(place, "latitude", None),
        "longitude": getattr(place, "longitude", None),
        "fingerprint": fingerprint(record.source, record.event_type, record.target, date_value),
        # not table columns: pipelines.nlp.extract.event_row carries them to the CLI record
        "source_country": record.source_country,
        "target_country": record.target_country,
    }
