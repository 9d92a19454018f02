"""Quote rows: overlap clean-up, the fingerprint that recognises a statement across
articles, and the plain dict each quote becomes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipelines.nlp.quotes.extract import Unit


def dedupe(units: list["Unit"]) -> list["Unit"]:
    """Overlapping units: the earlier, longer one stays."""
    out: list["Unit"] = []
    for unit in units:
        if out and unit.start < out[-1].end:
            overlap = min(unit.end, out[-1].end) - unit.start
            if overlap > 0.5 * min(unit.end - unit.start, out[-1].end - out[-1].start):
                continue
        out.append(unit)
    return out


def normalise_for_fingerprint(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb]", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def fingerprint(text: str, speaker_key: str) -> str:
    return hashlib.sha256(f"{normalise_for_fingerprint(text)}|{speaker_key}".encode("utf-8")).hexdigest()[:16]


def quote_record(text_of_doc: str, unit: "Unit") -> dict:
    speaker = unit.speaker
    kind = "unknown"
    if speaker is not None:
        mention_kind = speaker.get("mention_kind")
        if mention_kind == "anonymous" or (speaker.get("actor_id") is None):
            kind = "anonymous"
        elif mention_kind == "pronoun":
            kind = "pronoun"
        else:
            kind = "named"
    text = text_of_doc[unit.start:unit.end]
    speaker_key = (speaker.get("actor_id") or speaker.get("name", "")).lower() if speaker else ""
    reported = unit.reported
    return {
        "start": unit.start,
        "end": unit.end,
        "text": text,
        "kind": unit.kind,
        "cue": unit.cue.text if unit.cue is not None else None,
        "cue_lemma": unit.cue.lemma_.lower() if unit.cue is not None else None,
        "speaker_actor_id": speaker.get("actor_id") if speaker else None,
        "speaker_name": speaker.get("name") if speaker else None,
        "speaker_kind": kind,
        "speaker_start": unit.speaker_span[0] if unit.speaker_span else None,
        "speaker_end": unit.speaker_span[1] if unit.speaker_span else None,
        "anonymous_description": speaker.get("description") if speaker and kind == "anonymous" else None,
        "speaker_country": speaker.get("country") if speaker else None,
        "speaker_sector": speaker.get("sector") if speaker else None,
        "reported_speaker": reported.get("name") if reported else None,
        "reported_actor_id": reported.get("actor_id") if reported else None,
        "origin": unit.origin,
        "fingerprint": fingerprint(text, speaker_key),
    }
