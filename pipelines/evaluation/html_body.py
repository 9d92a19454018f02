"""Article-body extraction scores, computed as the scrapinghub article-extraction-benchmark
computes them (evaluate.py there): tokens are \\w+ runs, compared as multisets of shingles
(n consecutive tokens, n=4 by default; n=1 is plain token overlap); each page's TP/FP/FN are
divided by their sum so long pages weigh no more than short ones; precision and recall are
averaged over the pages where they are defined, and F1 is taken from those two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import Iterable

from pipelines.evaluation.textnorm import normalise

_TOKEN = re.compile(r"\w+")

PageCounts = tuple[float, float, float]


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle."""
    tokens = _TOKEN.findall(normalise(text))
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(true: str | None, predicted: str | None, n: int = 4) -> PageCounts:
    """Normalised (tp, fp, fn) of one page."""
    gold, pred = shingles(true, n), shingles(predicted, n)
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    pages: int


def aggregate(pages: Iterable[PageCounts]) -> BodyScore:
    pages = list(pages)
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    return BodyScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(pages))
