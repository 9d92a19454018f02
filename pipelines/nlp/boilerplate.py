"""A last guard against page boilerplate: ingestion cuts it, but extraction must not
turn a subscription letter into quotes if some slips through."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

RULES = Path(__file__).parent / "rules" / "boilerplate.yaml"


@lru_cache(maxsize=1)
def _markers() -> re.Pattern[str]:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    alternatives = "|".join(re.escape(m) for m in data["line_starts"])
    return re.compile(rf"^[ \t]*(?:{alternatives})", re.IGNORECASE | re.MULTILINE)


def body_end(text: str) -> int:
    """Offset where the article body stops: the first boilerplate marker at the start of a
    line in the second half of the text (an editor's note at the top is part of the story)."""
    half = len(text) // 2
    for match in _markers().finditer(text.replace("\u2019", "'")):
        if match.start() >= half:
            return match.start()
    return len(text)


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{pattern})" for pattern in data["furniture_lines"]), re.MULTILINE)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines inside the body that are page furniture (a video carousel's
    "JUST WATCHED ... Replay More Videos", a newsletter box): sorted, for a bisect. They name
    other stories' subjects, not this one's actors."""
    spans = []
    for match in _furniture().finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        spans.append((start, len(text) if end < 0 else end))
    return sorted(set(spans))
