"""Quote and speaker scores (the GenderGapTracker measure, gold/README.md).

A predicted quote matches a gold quote when their character spans overlap by at least τ of
the longer one; each gold and each prediction take part in at most one match, the largest
overlaps first. Gold quotes carry text only, so they are located in the normalised article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Collection, Mapping, Sequence

from pipelines.evaluation.counts import PRF, Share
from pipelines.evaluation.names import GoldActors
from pipelines.evaluation.textnorm import NormalisedText, locate, normalise, normalise_with_map, trim_span

Span = tuple[int, int]


def overlap_ratio(a: Span, b: Span) -> float:
    """Overlap of two spans as a share of the longer one."""
    longer = max(a[1] - a[0], b[1] - b[0])
    if longer <= 0:
        return 0.0
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / longer


def gold_spans(norm: NormalisedText, text: str) -> list[Span]:
    """Every place a gold text stands in the article (all are candidates for matching)."""
    return [trim_span(norm.text, s, e) for s, e in locate(norm.text, normalise(text))]


def predicted_span(norm: NormalisedText, item: Mapping[str, Any]) -> Span | None:
    """A prediction's span in the normalised text: its offsets, else where its text stands."""
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return trim_span(norm.text, *norm.span(start, end))
    spans = gold_spans(norm, item.get("text") or "")
    return spans[0] if spans else None


def best_overlap(span: Span | None, candidates: Sequence[Span]) -> float:
    if span is None:
        return 0.0
    return max((overlap_ratio(span, c) for c in candidates), default=0.0)


def _reaches(ratio: float, tau: float) -> bool:
    return ratio > 0 and ratio >= tau


def _overlaps(pred_spans: Sequence[Span | None], gold: Sequence[Sequence[Span]], tau: float,
              skip: Collection[int] = ()) -> dict[tuple[int, int], float]:
    """(pred, gold) -> overlap ratio, for the pairs reaching tau."""
    scores = {}
    for p, span in enumerate(pred_spans):
        if p in skip:
            continue
        for g, spans in enumerate(gold):
            ratio = best_overlap(span, spans)
            if _reaches(ratio, tau):
                scores[(p, g)] = ratio
    return scores


def greedy_pairs(scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred, gold), highest score first; ties keep text order."""
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for (p, g), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if p not in taken_p and g not in taken_g:
            taken_p.add(p)
            taken_g.add(g)
            pairs.append((p, g))
    return pairs


def speaker_right(pred: Mapping[str, Any], gold: Mapping[str, Any], actors: GoldActors) -> bool:
    """Same canonical actor, or anonymous for an anonymous gold speaker."""
    pred_anonymous = pred.get("speaker_kind") == "anonymous"
    if gold.get("speaker_kind") == "anonymous":
        return pred_anonymous
    if pred_anonymous:
        return False
    gold_actor = actors.get(gold.get("speaker"))
    return gold_actor is not None and gold_actor.is_named(pred.get("speaker"))


@dataclass
class QuoteScore:
    counts: PRF
    speakers: Share
    unlocated_gold: list[str] = field(default_factory=list)   # gold texts not found in the article
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (prediction index, gold index)
    optional: set[int] = field(default_factory=set)              # predictions matching only an optional quote


def score_quotes(
    predicted: Sequence[Mapping[str, Any]],
    gold: Mapping[str, Any],
    article_text: str,
    tau: float,
) -> QuoteScore:
    """Score the `quotes` of a CLI record against one gold file, at threshold tau."""
    norm = normalise_with_map(article_text)
    gold_quotes = list(gold.get("quotes") or [])
    located = [gold_spans(norm, q.get("text") or "") for q in gold_quotes]
    optional = [gold_spans(norm, q.get("text") or "") for q in gold.get("optional_quotes") or []]
    pred_spans = [predicted_span(norm, q) for q in predicted]

    pairs = greedy_pairs(_overlaps(pred_spans, located, tau))
    matched_p = {p for p, _ in pairs}
    # Optional quotes are neither credited nor penalised: each excuses one leftover prediction.
    ignored = {p for p, _ in greedy_pairs(_overlaps(pred_spans, optional, tau, skip=matched_p))}
    fp = len(predicted) - len(pairs) - len(ignored)

    actors = GoldActors.from_gold(gold.get("actors") or [])
    right = sum(speaker_right(predicted[p], gold_quotes[g], actors) for p, g in pairs)
    return QuoteScore(
        counts=PRF(tp=len(pairs), fp=fp, fn=len(gold_quotes) - len(pairs)),
        speakers=Share(right, len(pairs)),
        unlocated_gold=[q.get("text") or "" for q, spans in zip(gold_quotes, located) if not spans],
        pairs=sorted(pairs),
        optional=ignored,
    )
