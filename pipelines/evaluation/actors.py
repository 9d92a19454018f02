"""Actor scores (gold/README.md): precision and recall of the canonical actors of the body,
matched by name or alias; bylines neither counted nor penalised; each gold actor found at most
once, so two predicted actors for one gold actor (a merge missed) cost precision. Of the
actors found, the share with the right country and sector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from pipelines.evaluation.counts import PRF, Share
from pipelines.evaluation.names import GoldActor, GoldActors
from pipelines.evaluation.quotes import greedy_pairs


def _same_code(predicted: Any, gold: str | None) -> bool:
    """A field the gold leaves empty (e.g. a country actor's sector) is not judged."""
    if not gold:
        return True
    return str(predicted or "").strip().upper() == gold.strip().upper()


@dataclass
class ActorScore:
    counts: PRF
    country: Share      # matched actors whose gold has a country: right country
    sector: Share       # matched actors whose gold has a sector: right sector
    coding: Share       # matched actors: country and sector both right
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    miscoded: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (prediction index, gold index)


def score_actors(predicted: Sequence[Mapping[str, Any]], gold: Mapping[str, Any]) -> ActorScore:
    """Score the `actors` of a CLI record against one gold file."""
    every = GoldActors.from_gold(gold.get("actors") or []).actors
    body: list[GoldActor] = [a for a in every if not a.byline]
    bylines = [a for a in every if a.byline]

    kept = [p for p, a in enumerate(predicted) if not any(b.is_named(a.get("name")) for b in bylines)]
    strengths = {}
    for p in kept:
        for g, actor in enumerate(body):
            strength = actor.strength(predicted[p].get("name"))
            if strength:
                strengths[(p, g)] = strength
    pairs = greedy_pairs(strengths)
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}

    country = sector = coding = Share()
    miscoded = []
    for p, g in pairs:
        pred, actor = predicted[p], body[g]
        right_country = _same_code(pred.get("country"), actor.country)
        right_sector = _same_code(pred.get("sector"), actor.sector)
        if actor.country:
            country += Share(int(right_country), 1)
        if actor.sector:
            sector += Share(int(right_sector), 1)
        coding += Share(int(right_country and right_sector), 1)
        if not (right_country and right_sector):
            miscoded.append({"name": actor.name, "gold": [actor.country, actor.sector],
                             "predicted": [pred.get("country"), pred.get("sector")]})

    return ActorScore(
        counts=PRF(tp=len(pairs), fp=len(kept) - len(pairs), fn=len(body) - len(pairs)),
        country=country,
        sector=sector,
        coding=coding,
        false_positives=[str(predicted[p].get("name")) for p in kept if p not in matched_p],
        missed=[a.name for g, a in enumerate(body) if g not in matched_g],
        miscoded=miscoded,
        pairs=sorted(pairs),
    )
