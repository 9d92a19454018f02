"""Sentence-level event types on plover_dev.jsonl (gold/README.md): one gold event type per
sentence; the prediction is the sentence's first event (with the other rows of the same event
when a compound actor was split). Country agreement: the predicted source (target) countries
share a code with the gold `source[].code` (`target[].code`); a slot is judged only when the
gold gives a code for it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from pipelines.evaluation.counts import Share
from pipelines.evaluation.names import country_code_of

# plover_dev is coded in PLOVER 0.5; these names changed in 2.0 (shared/README.md).
PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def gold_type(gold: Mapping[str, Any]) -> str:
    raw = str(gold.get("event") or "").strip().upper()
    return PLOVER_05_TO_20.get(raw, raw)


def gold_codes(gold: Mapping[str, Any], role: str) -> set[str]:
    actors = gold.get(role)
    if not isinstance(actors, list):   # "" or a stray word: no coded actor
        return set()
    return {str(a["code"]).strip().upper() for a in actors if isinstance(a, Mapping) and a.get("code")}


def _start(event: Mapping[str, Any]) -> int:
    start = event.get("start")
    return start if isinstance(start, int) else 10**9     # events without offsets come last


def main_events(record: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The sentence's first event, with the events sharing its type and span: a compound
    actor ("Hungarian and Romanian officials agreed") comes out as one event per actor."""
    events = [e for e in record.get("events") or [] if e.get("type")]
    if not events:
        return []
    first = min(enumerate(events), key=lambda ie: (_start(ie[1]), ie[0]))[1]
    key = (str(first["type"]).upper(), first.get("start"), first.get("end"))
    return [e for e in events if (str(e["type"]).upper(), e.get("start"), e.get("end")) == key]


def predicted_code(record: Mapping[str, Any], event: Mapping[str, Any], role: str) -> str | None:
    """Country code of a predicted source/target: an explicit `<role>_country` if the record
    has one, else the country of the record's actor of that name, whatever its kind
    (PLOVER codes "Hungarian officials" as HUN too)."""
    explicit = event.get(f"{role}_country")
    if explicit:
        return str(explicit).upper()
    ref = event.get(role)
    if isinstance(ref, Mapping):
        return str(ref["country"]).upper() if ref.get("country") else None
    return country_code_of(ref, record.get("actors") or [], countries_only=False)


@dataclass(frozen=True)
class PloverScore:
    types: Share
    source_country: Share
    target_country: Share
    confusion: Counter = field(default_factory=Counter)   # (gold type, predicted type) of the misses

    @property
    def country(self) -> Share:
        return self.source_country + self.target_country


def score_plover(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> PloverScore:
    """pairs: (gold sentence record, CLI record of that sentence)."""
    types = source = target = Share()
    confusion: Counter = Counter()
    for gold, record in pairs:
        events = main_events(record)
        predicted_type = str(events[0]["type"]).upper() if events else None
        types += Share(int(predicted_type == gold_type(gold)), 1)
        if predicted_type != gold_type(gold):
            confusion[(gold_type(gold), predicted_type)] += 1
        for role in ("source", "target"):
            codes = gold_codes(gold, role)
            if not codes:
                continue
            predicted = {predicted_code(record, e, role) for e in events} - {None}
            hit = Share(int(bool(predicted & codes)), 1)
            if role == "source":
                source += hit
            else:
                target += hit
    return PloverScore(types, source, target, confusion)
