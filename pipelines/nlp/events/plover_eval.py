"""Sentence-level PLOVER check on plover_dev.jsonl: type accuracy of the sentence's main
event and agreement of its source/target countries with the gold CAMEO codes.

Pure: `score_plover(records, predict_fn)` takes the gold records and a function
text -> list of predictions ({"type", "start", "source_countries", "target_countries"});
`pipeline_predictor(nlp)` builds that function from a spaCy pipeline that carries the
presswatch components (doc._.pw_events, doc._.pw_actors).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}

Prediction = Mapping[str, Any]
PredictFn = Callable[[str], list[Prediction]]


def load_records(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_type(record: Mapping[str, Any]) -> str:
    raw = str(record.get("event") or "").strip().upper()
    return PLOVER_05_TO_20.get(raw, raw)


def gold_codes(record: Mapping[str, Any], role: str) -> set[str]:
    actors = record.get(role)
    if not isinstance(actors, list):
        return set()
    return {str(a["code"]).strip().upper() for a in actors if isinstance(a, Mapping) and a.get("code")}


def main_prediction(predictions: Iterable[Prediction]) -> Prediction | None:
    """The sentence's first event (by start offset), as the project's evaluator reads it."""
    ranked = sorted(enumerate(predictions), key=lambda ip: (ip[1].get("start", 10**9), ip[0]))
    return ranked[0][1] if ranked else None


def score_plover(records: Iterable[Mapping[str, Any]], predict_fn: PredictFn) -> dict[str, Any]:
    """Type accuracy and country agreement (a slot counts only where the gold codes one;
    it agrees when the predicted countries share a code with the gold)."""
    n = correct = 0
    source = [0, 0]
    target = [0, 0]
    confusion: Counter = Counter()
    per_type: dict[str, list[int]] = {}
    for record in records:
        gold = gold_type(record)
        main = main_prediction(predict_fn(record.get("text") or ""))
        predicted = str(main["type"]).upper() if main else None
        n += 1
        hit = predicted == gold
        correct += hit
        per_type.setdefault(gold, [0, 0])
        per_type[gold][0] += hit
        per_type[gold][1] += 1
        if not hit:
            confusion[(gold, predicted)] += 1
        for role, tally in (("source", source), ("target", target)):
            codes = gold_codes(record, role)
            if not codes:
                continue
            found = set(main.get(f"{role}_countries") or []) if main else set()
            tally[0] += bool(found & codes)
            tally[1] += 1
    return {
        "n": n,
        "type_accuracy": correct / n if n else 0.0,
        "source_country_agreement": source[0] / source[1] if source[1] else None,
        "target_country_agreement": target[0] / target[1] if target[1] else None,
        "per_type": {k: {"correct": v[0], "total": v[1]} for k, v in sorted(per_type.items())},
        "confusion": [{"gold": g, "predicted": p, "count": c} for (g, p), c in confusion.most_common()],
    }


def predictions_from_rows(rows: Iterable[Mapping[str, Any]], actors: Iterable[Mapping[str, Any]]) -> list[dict]:
    """Group nlp.events rows of one sentence by trigger span into predictions; compound
    actors (one row per actor pair) come back together as country sets."""
    country_of = {a.get("actor_id"): a.get("country") for a in actors if a.get("actor_id")}
    grouped: dict[tuple, dict] = {}
    for row in rows:
        key = (row["event_type"], row["sentence_start"], row.get("mode"), row.get("evidence_trigger", row["end_char"]))
        entry = grouped.setdefault(key, {"type": row["event_type"], "start": row["start_char"],
                                         "modality": row.get("modality"), "source_countries": set(),
                                         "target_countries": set()})
        entry["start"] = min(entry["start"], row["start_char"])
        for role in ("source", "target"):
            code = country_of.get(row.get(f"{role}_actor_id"))
            if code:
                entry[f"{role}_countries"].add(code)
    return list(grouped.values())


def pipeline_predictor(nlp) -> PredictFn:
    """predict_fn over a spaCy pipeline with the presswatch components."""

    def predict(text: str) -> list[dict]:
        doc = nlp(text)
        return predictions_from_rows(doc._.pw_events or [], doc._.pw_actors or [])

    return predict


def main() -> None:  # pragma: no cover - a developer's shortcut
    import argparse

    from pipelines.nlp.pipeline import load_nlp
    from pipelines.settings import get_settings

    parser = argparse.ArgumentParser(description="PLOVER sentence-level check")
    parser.add_argument("path", nargs="?", default=str(get_settings().eval_dir / "eval" / "plover_dev.jsonl"))
    args = parser.parse_args()
    result = score_plover(load_records(args.path), pipeline_predictor(load_nlp(get_settings().spacy_model)))
    print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":  # pragma: no cover
    main()
