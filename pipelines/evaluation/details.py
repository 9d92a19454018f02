"""Per-article lists of what went wrong, saved with the results for whoever tunes the rules."""

from __future__ import annotations

from typing import Any

from pipelines.evaluation.events import EventScore
from pipelines.evaluation.names import GoldActors
from pipelines.evaluation.quotes import QuoteScore, speaker_right


def _short(text: Any, limit: int = 80) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote_details(predicted: list, gold: dict, body: str, score: QuoteScore) -> dict[str, Any]:
    """Missed gold quotes, unmatched predictions and wrong speakers at the given score."""
    matched_p = {p for p, _ in score.pairs}
    matched_g = {g for _, g in score.pairs}
    gold_quotes = gold.get("quotes") or []
    actors = GoldActors.from_gold(gold.get("actors") or [])
    return {
        "quotes_missed": [_short(q.get("text")) for g, q in enumerate(gold_quotes) if g not in matched_g],
        "quotes_unmatched_predictions": [
            _short(q.get("text") or body[q.get("start") or 0:q.get("end") or 0])
            for p, q in enumerate(predicted) if p not in matched_p and p not in score.optional],
        "quotes_matching_optional": [_short(predicted[p].get("text"), 50) for p in sorted(score.optional)],
        "speakers_wrong": [
            {"quote": _short(gold_quotes[g].get("text"), 50), "gold": gold_quotes[g].get("speaker"),
             "predicted": predicted[p].get("speaker"), "predicted_kind": predicted[p].get("speaker_kind")}
            for p, g in score.pairs if not speaker_right(predicted[p], gold_quotes[g], actors)],
        "gold_quotes_not_in_text": score.unlocated_gold,
    }


def _event_label(event: dict) -> str:
    return f"{event.get('source')} {event.get('type')} {event.get('target')} @{event.get('date')}"


def event_details(predicted: list, gold: dict, score: EventScore) -> dict[str, Any]:
    matched_p = {p for p, _ in score.pairs}
    matched_g = {g for _, g in score.pairs}
    return {
        "events_missed": [_event_label(e) for g, e in enumerate(gold.get("events") or []) if g not in matched_g],
        "events_unmatched_predictions": [_event_label(e) for p, e in enumerate(predicted)
                                         if p not in matched_p and p not in score.optional],
        "events_matching_optional": [_event_label(predicted[p]) for p in sorted(score.optional)],
    }
