"""Event scores (gold/README.md): a predicted event matches a gold event when the type is
equal and source and target denote the gold actors (name, alias, or a country's code; the
target may also be one of `target_alternatives`). Each gold and each prediction take part in
at most one match; among admissible pairings, those whose evidence overlaps and whose date
agrees are preferred, then the number of matches is maximised. Predictions left over may each
be excused by one optional event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from pipelines.evaluation.counts import PRF, Share
from pipelines.evaluation.names import GoldActors, country_code_of, refers_to
from pipelines.evaluation.quotes import best_overlap, gold_spans, predicted_span
from pipelines.evaluation.textnorm import normalise_with_map


def date_agrees(predicted: Any, gold: Any) -> bool:
    """Same date at the gold's granularity (YYYY, YYYY-MM or YYYY-MM-DD). A gold without a
    date (the text gives none) agrees only with a prediction without one."""
    gold_text = str(gold or "").strip()[:10]
    pred_text = str(predicted or "").strip()[:10]
    if not gold_text:
        return not pred_text
    gold_parts, pred_parts = gold_text.split("-"), pred_text.split("-")
    if len(pred_parts) < len(gold_parts):
        return False
    return [p.lstrip("0") for p in pred_parts[: len(gold_parts)]] == [g.lstrip("0") for g in gold_parts]


def _reference(value: Any) -> tuple[Any, str | None]:
    """A predicted source/target as (name, explicit country code or None)."""
    if isinstance(value, Mapping):
        return value.get("name"), value.get("country")
    return value, None


def _role_matches(pred_event: Mapping[str, Any], role: str, gold_names: Sequence[str | None],
                  actors: GoldActors, pred_actors: Sequence[Mapping[str, Any]]) -> bool:
    name, code = _reference(pred_event.get(role))
    if code is None:
        code = country_code_of(name, pred_actors, countries_only=True)
    return any(refers_to(name, code, actors.get(g) if g else None) for g in gold_names)


def admissible(pred_event: Mapping[str, Any], gold_event: Mapping[str, Any], actors: GoldActors,
               pred_actors: Sequence[Mapping[str, Any]]) -> bool:
    """Type equal, source and target the gold actors (a null gold source accepts any)."""
    if str(pred_event.get("type") or "").upper() != str(gold_event.get("type") or "").upper():
        return False
    if not _role_matches(pred_event, "source", [gold_event.get("source")], actors, pred_actors):
        return False
    targets = [gold_event.get("target"), *(gold_event.get("target_alternatives") or [])]
    return _role_matches(pred_event, "target", targets, actors, pred_actors)


def max_matching(preferences: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """One-to-one (pred, gold) pairs: greedy by preference, then augmenting paths (Kuhn) so
    that no admissible pairing is lost to an early greedy choice."""
    match_of_gold: dict[int, int] = {}
    match_of_pred: dict[int, int] = {}
    for (p, g), _ in sorted(preferences.items(), key=lambda kv: (-kv[1], kv[0])):
        if p not in match_of_pred and g not in match_of_gold:
            match_of_pred[p], match_of_gold[g] = g, p
    options: dict[int, list[int]] = {}
    for p, g in sorted(preferences, key=lambda pg: (-preferences[pg], pg)):
        options.setdefault(p, []).append(g)

    def augment(p: int, seen: set[int]) -> bool:
        for g in options.get(p, []):
            if g in seen:
                continue
            seen.add(g)
            if g not in match_of_gold or augment(match_of_gold[g], seen):
                match_of_gold[g], match_of_pred[p] = p, g
                return True
        return False

    for p in sorted(options):
        if p not in match_of_pred:
            augment(p, set())
    return sorted((p, g) for g, p in match_of_gold.items())


@dataclass
class EventScore:
    counts: PRF
    dates: Share
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (prediction index, gold index)
    optional: set[int] = field(default_factory=set)              # predictions matching only an optional event


def score_events(record: Mapping[str, Any], gold: Mapping[str, Any], article_text: str | None = None) -> EventScore:
    """Score the `events` of a CLI record against one gold file."""
    predicted = list(record.get("events") or [])
    pred_actors = list(record.get("actors") or [])
    gold_events = list(gold.get("events") or [])
    actors = GoldActors.from_gold(gold.get("actors") or [])

    norm = normalise_with_map(article_text) if article_text else None
    evidence = [gold_spans(norm, e.get("evidence") or "") if norm else [] for e in gold_events]
    pred_spans = [predicted_span(norm, e) if norm else None for e in predicted]

    preferences = {}
    for p, pe in enumerate(predicted):
        for g, ge in enumerate(gold_events):
            if admissible(pe, ge, actors, pred_actors):
                preferences[(p, g)] = best_overlap(pred_spans[p], evidence[g]) + 0.5 * date_agrees(pe.get("date"), ge.get("date"))
    pairs = max_matching(preferences)
    matched = {p for p, _ in pairs}
    # Optional events are neither credited nor penalised: each excuses at most one of the
    # predictions left over, so one generic optional event cannot excuse every duplicate.
    optional = list(gold.get("optional_events") or [])
    leftovers = {
        (p, o): 1.0 for p, pe in enumerate(predicted) if p not in matched
        for o, oe in enumerate(optional) if admissible(pe, oe, actors, pred_actors)
    }
    ignored = {p for p, _ in max_matching(leftovers)}
    agreeing = sum(date_agrees(predicted[p].get("date"), gold_events[g].get("date")) for p, g in pairs)
    return EventScore(
        counts=PRF(tp=len(pairs), fp=len(predicted) - len(pairs) - len(ignored), fn=len(gold_events) - len(pairs)),
        dates=Share(agreeing, len(pairs)),
        pairs=pairs,
        optional=ignored,
    )
