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
