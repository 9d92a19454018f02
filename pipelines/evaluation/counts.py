"""Counts that add up across articles (micro averages) and the ratios derived from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        # Nothing predicted: perfect only if there was nothing to find.
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Share:
    """hits out of total, e.g. matched quotes with the right speaker."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: "Share") -> "Share":
        return Share(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        """None when there was nothing to judge (not a 0, not a 1)."""
        return self.hits / self.total if self.total else None
