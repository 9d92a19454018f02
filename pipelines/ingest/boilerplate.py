"""Cut what is not news from an article body: rules live in rules/boilerplate.yaml.

Two kinds of rule: a truncation marker cuts a trailing block (editor's note, paywall counter,
donor letter) from the line where it starts; a line-drop pattern removes single lines
(captions, share bars, "Advertisement") wherever they are. Lines are the text's paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES_PATH = Path(__file__).parent / "rules" / "boilerplate.yaml"


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    max_chars: int | None = None
    weak: bool = False

    def matches(self, line: str) -> bool:
        if self.max_chars is not None and len(line) > self.max_chars:
            return False
        return self.pattern.search(line) is not None


@dataclass(frozen=True)
class Rules:
    markers: tuple[Rule, ...]
    drop_lines: tuple[Rule, ...]
    min_fraction_before: float
    min_chars_before: int
    weak_block_max_chars: int


def _rule(spec: dict) -> Rule:
    flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
    return Rule(spec["id"], re.compile(spec["pattern"], flags), spec.get("max_chars"), bool(spec.get("weak")))


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> Rules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    truncate = data["truncate"]
    return Rules(
        markers=tuple(_rule(s) for s in truncate["markers"]),
        drop_lines=tuple(_rule(s) for s in data["drop_lines"]),
        min_fraction_before=float(truncate["min_fraction_before"]),
        min_chars_before=int(truncate["min_chars_before"]),
        weak_block_max_chars=int(truncate["weak_block_max_chars"]),
    )


def _first_match(rules: tuple[Rule, ...], line: str) -> Rule | None:
    for rule in rules:
        if rule.matches(line):
            return rule
    return None


def explain_cuts(text: str, rules: Rules | None = None) -> list[tuple[str, str]]:
    """(rule id, cut line) for every line the rules would cut: for inspecting rules by hand."""
    return _cut(text, rules or load_rules())[1]


def cut_boilerplate(text: str, rules: Rules | None = None) -> tuple[str, int]:
    """Return (body without boilerplate, number of characters cut). Expects normalised text."""
    body, _ = _cut(text, rules or load_rules())
    return body, max(0, len(text) - len(body))


def _cut(text: str, rules: Rules) -> tuple[str, list[tuple[str, str]]]:
    lines = text.split("\n")
    total = len(text)
    kept: list[str] = []
    cuts: list[tuple[str, str]] = []
    offset = 0  # characters of the original text before the current line
    for index, raw in enumerate(lines):
        line = raw.strip()
        if line:
            marker = _first_match(rules.markers, line)
            if marker and _late_enough(offset, total, rules):
                rest = lines[index:]
                if not marker.weak or _weak_block_confirmed(rest, rules):
                    cuts.append((marker.id, "\n".join(rest).strip()))
                    break
            if marker and len(line) > rules.weak_block_max_chars:
                marker = None  # too long to be only a note: a paragraph of text, kept
            rule = marker or _first_match(rules.drop_lines, line)
            if rule:
                cuts.append((rule.id, line))
                offset += len(raw) + 1
                continue
            inline = _inline_marker(line, lines[index + 1:], offset, total, rules)
            if inline:
                rule_id, start = inline
                cuts.append((rule_id, "\n".join([line[start:], *lines[index + 1:]]).strip()))
                kept.append(line[:start].rstrip())
                break
        kept.append(raw)
        offset += len(raw) + 1
    body = "\n".join(kept)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return body, cuts


# Where a new sentence starts inside a paragraph (after . ! ? and an optional closing quote).
_SENTENCE_START = re.compile(r"(?<=[.!?])[\"”’')]?\s+(?=\S)")


def _inline_marker(line: str, after: list[str], offset: int, total: int, rules: Rules) -> tuple[str, int] | None:
    """A marker starting a sentence inside a paragraph: texts that lost their line breaks
    (one-paragraph scrapes) still carry the paywall block at their end."""
    for boundary in _SENTENCE_START.finditer(line):
        start = boundary.end()
        if not _late_enough(offset + start, total, rules):
            continue
        sentence = line[start:]
        for rule in rules.markers:
            if not rule.pattern.search(sentence[:300]):
                continue
            if not rule.weak or _weak_block_confirmed(_SENTENCE_START.split(sentence) + after, rules):
                return rule.id, start
    return None


def _late_enough(offset: int, total: int, rules: Rules) -> bool:
    """A trailing block starts after the article: late in the text, or after a real article."""
    if total == 0:
        return False
    return offset / total >= rules.min_fraction_before or offset >= rules.min_chars_before


def _weak_block_confirmed(block: list[str], rules: Rules) -> bool:
    """A weak marker ends the article only if little follows it, or a strong marker does."""
    if len("\n".join(block).strip()) <= rules.weak_block_max_chars:
        return True
    strong = tuple(rule for rule in rules.markers if not rule.weak)
    return any(_first_match(strong, line.strip()) for line in block[1:] if line.strip())
