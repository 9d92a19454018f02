"""Is a predicted name the gold actor? Canonical name or alias, case-insensitive; for people a
surname-only form ("Putin", "Mr. Le Drian") matches the full name; for country actors the
country code matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from pipelines.evaluation.textnorm import normalise

_PREFIXES_FILE = Path(__file__).with_name("name_prefixes.txt")
_POSSESSIVE = re.compile(r"'s?$")


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    lines = _PREFIXES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def name_key(name: Any) -> str:
    """Comparison key of a name: normalised, lower case, leading "the"/"Mr." etc. and a
    possessive dropped."""
    if not isinstance(name, str):
        return ""
    tokens = normalise(name).lower().split()
    while len(tokens) > 1 and tokens[0].rstrip(".") in _prefixes():
        tokens = tokens[1:]
    text = " ".join(tokens).strip(" ,;:")
    return _POSSESSIVE.sub("", text)


def surname_match(a: str, b: str) -> bool:
    """One key is a proper trailing part of the other ("le drian" / "jean-yves le drian")."""
    ta, tb = a.split(), b.split()
    if not ta or not tb or len(ta) == len(tb):
        return False
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return long_[-len(short):] == short


@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    byline: bool = False

    @classmethod
    def from_gold(cls, raw: Mapping[str, Any]) -> "GoldActor":
        return cls(
            name=raw["name"],
            kind=raw.get("kind"),
            country=(raw.get("country") or None),
            sector=(raw.get("sector") or None),
            aliases=tuple(raw.get("aliases") or ()),
            byline=bool(raw.get("byline")),
        )

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k for k in (name_key(n) for n in (self.name, *self.aliases)) if k)

    def strength(self, predicted_name: Any) -> int:
        """2 = the canonical name, 1 = an alias or (people) the surname form, 0 = another actor."""
        key = name_key(predicted_name)
        if not key:
            return 0
        if key == name_key(self.name):
            return 2
        if key in self.keys:
            return 1
        if self.kind in (None, "person") and surname_match(key, name_key(self.name)):
            return 1
        return 0

    def is_named(self, predicted_name: Any) -> bool:
        return self.strength(predicted_name) > 0


@dataclass
class GoldActors:
    """The gold actor list of one article, looked up by canonical name."""

    actors: list[GoldActor] = field(default_factory=list)

    @classmethod
    def from_gold(cls, raw_actors: Iterable[Mapping[str, Any]]) -> "GoldActors":
        return cls([GoldActor.from_gold(a) for a in raw_actors])

    def get(self, name: str | None) -> GoldActor | None:
        """The gold actor a gold record refers to; a name outside the list (e.g. "critics")
        becomes a bare actor matched by its name only."""
        if not name:
            return None
        key = name_key(name)
        for actor in self.actors:
            if name_key(actor.name) == key:
                return actor
        return GoldActor(name=name, kind="unlisted")


def predicted_actor(name: Any, predicted_actors: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The record's actor entry whose name is `name` (so its kind and country are known)."""
    key = name_key(name)
    if not key:
        return None
    for actor in predicted_actors:
        if name_key(actor.get("name")) == key:
            return actor
    return None


def country_code_of(name: Any, predicted_actors: Iterable[Mapping[str, Any]], countries_only: bool) -> str | None:
    """The country code a predicted reference stands for: a bare code ("RUS"), or the
    country of the record's actor of that name (only country actors when countries_only)."""
    if isinstance(name, str) and re.fullmatch(r"[A-Z]{3}", name.strip()):
        return name.strip()
    actor = predicted_actor(name, predicted_actors)
    if actor is None or not actor.get("country"):
        return None
    if countries_only and actor.get("kind") != "country":
        return None
    return str(actor["country"]).upper()


def refers_to(name: Any, code: str | None, gold: GoldActor | None) -> bool:
    """Does a predicted reference (name, and its country code if a country) denote gold?
    A gold of None (unknown source of an optional event) accepts anything."""
    if gold is None:
        return True
    if gold.is_named(name):
        return True
    return bool(gold.kind == "country" and code and gold.country and code.upper() == gold.country.upper())
