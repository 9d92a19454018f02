"""The event lexicon as loaded at run time: CAMEO-derived JSONL files + rules/overrides.yaml.

Built once per process (lru_cache); lookups are plain dict reads.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

RULES = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class Sense:
    type: str
    mode: str | None = None
    cameo: str | None = None


@dataclass(frozen=True)
class Pattern:
    sense: Sense | None  # None: a matched pattern that says "no event here"
    particle: str | None = None
    obj: frozenset[str] | None = None
    prep: str | None = None
    pobj: frozenset[str] | None = None
    obj_mods: frozenset[str] | None = None  # the object must carry one of these modifiers
    curated: bool = False  # from overrides.yaml: wins over any matching CAMEO pattern

    @property
    def weight(self) -> int:
        """How specific the pattern is: the most specific match wins."""
        return (self.particle is not None) + 2 * (self.obj is not None) + (self.prep is not None) \
            + 2 * (self.pobj is not None) + (self.obj_mods is not None) + 10 * self.curated


@dataclass(frozen=True)
class PatternIndex:
    """A verb's patterns by the word each one cannot match without (its particle or
    preposition, else any of its object words), so that a verb with 140 patterns ("say")
    tries only the few its sentence can satisfy. Candidates keep the patterns' order, which
    breaks ties between equally specific matches."""

    patterns: tuple[Pattern, ...]
    always: tuple[int, ...]
    by_prep: dict[str, tuple[int, ...]]
    by_obj: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, patterns: list[Pattern]) -> "PatternIndex":
        always: list[int] = []
        by_prep: dict[str, list[int]] = {}
        by_obj: dict[str, list[int]] = {}
        for k, pattern in enumerate(patterns):
            needed = pattern.particle or pattern.prep
            if needed:
                by_prep.setdefault(needed, []).append(k)
            elif pattern.obj is not None:
                for word in pattern.obj:
                    by_obj.setdefault(word, []).append(k)
            else:
                always.append(k)
        return cls(tuple(patterns), tuple(always), {w: tuple(v) for w, v in by_prep.items()},
                   {w: tuple(v) for w, v in by_obj.items()})

    def candidates(self, prep_words: set[str], object_forms: list[str]) -> list[Pattern]:
        found = set(self.always)
        for word in prep_words:
            found.update(self.by_prep.get(word, ()))
        for word in object_forms:
            found.update(self.by_obj.get(word, ()))
        return [self.patterns[k] for k in sorted(found)]


@dataclass
class Lexicon:
    verbs: dict[str, Sense] = field(default_factory=dict)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, Sense] = field(default_factory=dict)
    compound_nouns: dict[tuple[str, str], Sense] = field(default_factory=dict)
    type_scores: dict[str, float] = field(default_factory=dict)
    mode_scores: dict[tuple[str, str], float] = field(default_factory=dict)
    intent_verbs: frozenset[str] = frozenset()
    conflict_types: frozenset[str] = frozenset()
    cooperative_types: frozenset[str] = frozenset()
    consult_mode_cues: dict[str, str] = field(default_factory=dict)
    agent_nouns: frozenset[str] = frozenset()
    support_verbs: frozenset[str] = frozenset()

    _pattern_indexes: dict[str, PatternIndex] = field(default_factory=dict, repr=False)

    def pattern_index(self, lemma: str) -> PatternIndex | None:
        """The verb's patterns, indexed on first use (None: the verb has none)."""
        index = self._pattern_indexes.get(lemma)
        if index is None:
            patterns = self.patterns.get(lemma)
            if not patterns:
                return None
            index = self._pattern_indexes[lemma] = PatternIndex.build(patterns)
        return index

    def score(self, event_type: str, mode: str | None) -> float | None:
        if mode and (event_type, mode) in self.mode_scores:
            return self.mode_scores[(event_type, mode)]
        return self.type_scores.get(event_type)


def _words(values) -> frozenset[str] | None:
    """Pattern words as matchable lemmas: CAMEO writes SANCTIONS, the lemma is sanction."""
    if not values:
        return None
    out = set()
    for value in values:
        value = value.lower()
        out.add(value)
        if value.endswith("ies") and len(value) > 4:
            out.add(value[:-3] + "y")
        elif value.endswith("s") and not value.endswith("ss") and len(value) > 3:
            out.add(value[:-1])
    return frozenset(out)


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    overrides = yaml.safe_load((RULES / "overrides.yaml").read_text(encoding="utf-8")) or {}
    scores = yaml.safe_load((RULES / "plover_scores.yaml").read_text(encoding="utf-8")) or {}
    lex = Lexicon()

    verbs = _read_jsonl(RULES / "verbs.jsonl")
    block_members: dict[str, set[str]] = {}
    votes: dict[str, Counter] = {}
    first: dict[tuple[str, str], Sense] = {}
    for verb in verbs:
        if not verb["rest"]:  # "+CALL_OFF" in CANCEL must not lend CANCEL's patterns to "call"
            block_members.setdefault(verb["block"], set()).add(verb["lemma"])
        if verb["type"] is None:
            continue
        if verb["rest"]:
            # multi-word verbs ("meet with", "shoot down") become verb patterns
            first_word = verb["rest"].split()[0]
            pattern = Pattern(Sense(verb["type"], verb["mode"], verb["cameo"]),
                              particle=first_word if first_word in _PARTICLES else None,
                              prep=None if first_word in _PARTICLES else first_word)
            lex.patterns.setdefault(verb["lemma"], []).append(pattern)
            continue
        votes.setdefault(verb["lemma"], Counter())[verb["type"]] += 1
        first.setdefault((verb["lemma"], verb["type"]), Sense(verb["type"], verb["mode"], verb["cameo"]))
    for lemma, counter in votes.items():
        lex.verbs[lemma] = first[(lemma, counter.most_common(1)[0][0])]

    for row in _read_jsonl(RULES / "verb_patterns.jsonl"):
        sense = Sense(row["type"], row["mode"], row["cameo"]) if row["type"] else None
        pattern = Pattern(sense, row["particle"], _words(row["obj"]),
                          row["prep"], _words(row["pobj"]), _words(row.get("obj_mods")))
        for lemma in block_members.get(row["block"], ()):
            lex.patterns.setdefault(lemma, []).append(pattern)

    for lemma, fix in (overrides.get("verbs") or {}).items():
        if fix is None or fix.get("type") is None:
            lex.verbs.pop(lemma, None)
        else:
            lex.verbs[lemma] = Sense(fix["type"], fix.get("mode"), fix.get("cameo"))
    for row in overrides.get("verb_patterns") or []:
        for key in ("particle", "prep"):
            if isinstance(row.get(key), bool):  # YAML 1.1 reads a bare on/off as a boolean
                raise ValueError(f"quote the {key} in overrides.yaml: {row}")
        # type null: a hand-made "no event here" pattern that overrides the CAMEO ones
        sense = Sense(row["type"], row.get("mode")) if row.get("type") else None
        pattern = Pattern(sense, row.get("particle"), _words(row.get("obj")),
                          row.get("prep"), _words(row.get("pobj")), curated=True)
        # hand-made patterns go first: among equally specific matches the first wins
        lex.patterns.setdefault(row["lemma"], []).insert(0, pattern)

    for row in _read_jsonl(RULES / "nouns.jsonl"):
        lex.nouns[row["lemma"]] = Sense(row["type"], row["mode"], row["cameo"])
    noun_fixes = overrides.get("nouns") or {}
    for lemma in noun_fixes.get("remove") or []:
        lex.nouns.pop(lemma, None)
    for lemma, fix in (noun_fixes.get("add") or {}).items():
        sense = Sense(fix["type"], fix.get("mode"))
        if " " in lemma:
            modifier, head = lemma.rsplit(" ", 1)
            lex.compound_nouns[(modifier, head)] = sense
        else:
            lex.nouns[lemma] = sense

    lex.type_scores = {k: float(v) for k, v in (scores.get("types") or {}).items()}
    for event_type, modes in (scores.get("modes") or {}).items():
        for mode, value in modes.items():
            lex.mode_scores[(event_type, mode)] = float(value)
    lex.intent_verbs = frozenset(overrides.get("intent_verbs") or [])
    lex.agent_nouns = frozenset(overrides.get("agent_nouns") or [])
    lex.support_verbs = frozenset(overrides.get("support_verbs") or [])
    lex.conflict_types = frozenset(overrides.get("conflict_types") or [])
    lex.cooperative_types = frozenset(overrides.get("cooperative_types") or [])
    for mode, cues in (overrides.get("consult_mode_cues") or {}).items():
        for cue in cues:
            lex.consult_mode_cues[cue] = mode
    return lex


_PARTICLES = {"up", "down", "off", "out", "away", "back", "over", "apart", "forward", "aside", "in", "on"}
