"""Constructed near-duplicate and non-duplicate pairs from AllSides, for measuring dedupe.

Near-duplicates are what an outlet does to wire copy: drop a paragraph, change a few words,
add a byline or a credit line, trim the last paragraph, or several of these at once.
Non-duplicates are different articles on the same AllSides topic, half of them from the same
outlet (shared furniture and house style make those the harder ones).
"""

from __future__ import annotations

import random
from collections import defaultdict

from pipelines.ingest.normalise import normalise_text

EDITS = ("drop_paragraph", "change_words", "add_byline", "trim_last", "combined")
_FILLER = ("officials", "reportedly", "government", "Tuesday", "leaders", "major", "new", "said", "country")


def _paragraphs(text: str) -> list[str]:
    return [p for p in normalise_text(text).split("\n") if p.strip()]


def edit(text: str, kind: str, rng: random.Random) -> str:
    paragraphs = _paragraphs(text)
    if kind == "drop_paragraph" and len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif kind == "change_words":
        words = "\n\n".join(paragraphs).split(" ")
        for _ in range(rng.randint(3, 6)):
            words[rng.randrange(len(words))] = rng.choice(_FILLER)
        return " ".join(words)
    elif kind == "add_byline":
        paragraphs = [f"By {rng.choice(['Jane Doe', 'Ali Hassan', 'Kim Lee'])}, Associated Press", *paragraphs,
                      "The Associated Press contributed to this report."]
    elif kind == "trim_last" and len(paragraphs) > 4:
        paragraphs = paragraphs[:-1]
    elif kind == "combined":
        for step in ("drop_paragraph", "add_byline"):
            paragraphs = _paragraphs(edit("\n\n".join(paragraphs), step, rng))
        return edit("\n\n".join(paragraphs), "change_words", rng)
    return "\n\n".join(paragraphs)


def build_pairs(articles: list[dict], n_pairs: int = 300, seed: int = 7) -> list[tuple[str, str, bool, str]]:
    """(text a, text b, is_duplicate, kind) pairs: n_pairs of each label."""
    rng = random.Random(seed)
    usable = [a for a in articles if 200 <= len(a["text"].split()) <= 3000]
    rng.shuffle(usable)
    pairs: list[tuple[str, str, bool, str]] = []
    for i, article in enumerate(usable[:n_pairs]):
        kind = EDITS[i % len(EDITS)]
        pairs.append((article["text"], edit(article["text"], kind, rng), True, kind))
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for article in usable:
        by_topic[article.get("topic") or "?"].append(article)
    by_topic_outlet: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for article in usable:
        by_topic_outlet[(article.get("topic") or "?", article.get("source") or "?")].append(article)
    groups = {
        "same_topic": [items for items in by_topic.values() if len(items) >= 2],
        "same_topic_same_outlet": [items for items in by_topic_outlet.values() if len(items) >= 2],
    }
    negatives = 0
    while negatives < n_pairs:
        kind = "same_topic" if negatives % 2 else "same_topic_same_outlet"
        a, b = rng.sample(rng.choice(groups[kind]), 2)
        if a["title"] != b["title"] and a["text"] != b["text"]:
            pairs.append((a["text"], b["text"], False, kind))
            negatives += 1
    return pairs


def measure(pairs: list[tuple[str, str, bool, str]], thresholds: tuple[float, ...]) -> dict[float, dict]:
    """Precision and recall of link_near_duplicates on the pairs (each pair its own batch),
    per threshold. Articles go through the whole cleaning path first, as in ingestion."""
    from datetime import date

    from pipelines.ingest.build import RawArticle, SourceInfo, build_article
    from pipelines.ingest.dedupe import link_near_duplicates

    source = SourceInfo("bench", "jsonl", "0" * 64, 10**7)
    built = [(build_article(RawArticle(text=a, published=date(2020, 1, 1)), source),
              build_article(RawArticle(text=b, published=date(2020, 1, 2)), source), dup, kind)
             for a, b, dup, kind in pairs]
    results = {}
    for threshold in thresholds:
        tp = fp = fn = tn = 0
        misses: list[str] = []
        for a, b, is_duplicate, kind in built:
            a.duplicate_of = b.duplicate_of = None
            link_near_duplicates([a, b], (), threshold=threshold)
            # The same body after cleaning is the same article (one row): a match too.
            linked = a.article_id == b.article_id or b.duplicate_of == a.article_id or a.duplicate_of == b.article_id
            if linked and is_duplicate:
                tp += 1
            elif linked:
                fp += 1
            elif is_duplicate:
                fn += 1
                misses.append(kind)
            else:
                tn += 1
        results[threshold] = {"precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn),
                              "tp": tp, "fp": fp, "fn": fn, "tn": tn, "missed_kinds": sorted(misses)}
    return results
