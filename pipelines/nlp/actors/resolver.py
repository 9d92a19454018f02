"""Answers "who is this span?" for quotes and events, from the actors found in one Doc.

The actors component stores plain data on the Doc (doc._.pw_actors, doc._.pw_mentions,
doc._.pw_descriptions); the resolver is rebuilt from that data, so it also works on Docs
that came back from worker processes.

Results are dicts {"actor_id", "name", "kind", "country", "sector", "mention_kind"};
unnamed sources ("a French official", "critics") have actor_id None, their description as
name, mention_kind "anonymous" and "description" set.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc

from pipelines.nlp.quotes.marks import find_segments
from pipelines.nlp.sentences import Sentences

SINGULAR_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                     "she": "female", "her": "female", "hers": "female", "herself": "female"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
NEUTER_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
LOOKBACK_SENTENCES = 3


class ActorResolver:
    """Resolves character spans of one Doc to the article's actors."""

    def __init__(self, doc: Doc, actors: list[dict[str, Any]], mentions: list[dict[str, Any]],
                 descriptions: list[dict[str, Any]] | None = None):
        self.doc = doc
        self.actors = actors
        self.mentions = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
        self.descriptions = sorted(descriptions or [], key=lambda d: d["start"])

    @classmethod
    def from_doc(cls, doc: Doc) -> "ActorResolver":
        def get(name: str):
            return getattr(doc._, name) if Doc.has_extension(name) else None

        return cls(doc, get("pw_actors") or [], get("pw_mentions") or [], get("pw_descriptions") or [])

    # -- public API -------------------------------------------------------------------------

    def actor_for_span(self, start_char: int, end_char: int) -> dict | None:
        """The actor the span refers to (name, title phrase, pronoun, demonym, unnamed
        source); None when nothing actor-like is there."""
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        head = span.root
        items = self._items_in(span.start_char, span.end_char)
        covering = [it for it in items if it["start"] <= head.idx < it["end"]]
        if covering:
            # the widest item over the head: "U.S. officials" rather than "U.S."
            return self._result(max(covering, key=lambda it: it["end"] - it["start"]))
        if head.lower_ in FIRST_PERSON:
            return self.quoted_speaker(head.idx)
        if head.lower_ in SINGULAR_PRONOUNS or head.lower_ in PLURAL_PRONOUNS or head.lower_ in NEUTER_PRONOUNS:
            return self.resolve_pronoun(head.i)
        # otherwise an actor attached to the head: "the Taliban's minister", "members of NATO"
        attached = [it for it in items if "actor" in it and self._attached(it, head)]
        if attached:
            return self._result(max(attached, key=lambda it: (it["end"] - it["start"], -it["start"])))
        for token in span:
            if token.lower_ in SINGULAR_PRONOUNS or token.lower_ in PLURAL_PRONOUNS:
                return self.resolve_pronoun(token.i)
        if items:
            return self._result(items[0])
        return None

    def actors_in_span(self, start_char: int, end_char: int) -> list[dict]:
        """All actors named inside the span, in text order, each once (unnamed sources too)."""
        seen: set[Any] = set()
        found: list[dict] = []
        items = self._items_in(start_char, end_char)
        for item in items:
            if "actor" not in item and any("actor" in o and o["start"] >= item["start"] and o["end"] <= item["end"]
                                           for o in items):
                continue  # "U.S. officials": the United States is listed instead
            result = self._result(item)
            key = result["actor_id"] or result["name"]
            if key not in seen:
                seen.add(key)
                found.append(result)
        return found

    def quoted_speaker(self, char: int) -> dict | None:
        """'I' and 'we' inside a quote are its speaker (once the quotes component has run)."""
        quotes = self.doc._.pw_quotes if Doc.has_extension("pw_quotes") else None
        for quote in quotes or []:
            if quote["start"] <= char < quote["end"] and quote.get("speaker_name"):
                if quote.get("speaker_actor_id"):
                    actor = next((a for a in self.actors if a["actor_id"] == quote["speaker_actor_id"]), None)
                    if actor is not None:
                        return {"actor_id": actor["actor_id"], "name": actor["name"], "kind": actor["kind"],
                                "country": actor.get("country"), "sector": quote.get("speaker_sector") or actor.get("sector"),
                                "mention_kind": "pronoun", "start": char, "end": char}
                return {"actor_id": None, "name": quote["speaker_name"], "kind": "person",
                        "country": quote.get("speaker_country"), "sector": quote.get("speaker_sector"),
                        "mention_kind": "anonymous", "description": quote.get("anonymous_description"),
                        "start": char, "end": char}
        return None

    def resolve_pronoun(self, token_index: int) -> dict | None:
        """The antecedent of a pronoun: in the pronoun's sentence before it, then in up to
        three earlier sentences, preferring grammatical subjects; names inside quotation
        marks are skipped (they are the speaker's words, not the narrative)."""
        doc = self.doc
        token = doc[token_index]
        lower = token.lower_
        if lower in NEUTER_PRONOUNS and token.dep_ in ("expl",):
            return None
        plural = lower in PLURAL_PRONOUNS
        neuter = lower in NEUTER_PRONOUNS
        gender = SINGULAR_PRONOUNS.get(lower)
        sentences = self._sentences.spans
        sent_i = self._sentences.index_of_token(token_index)
        for back in range(0, LOOKBACK_SENTENCES + 1):
            if sent_i - back < 0:
                break
            sent = sentences[sent_i - back]
            limit = token.idx if back == 0 else sent.end_char
            own = self._segment_of(token.idx)
            fitting = [it for it in self._items_in(sent.start_char, limit)
                       if self._fits(it, plural, gender, neuter) and self._segment_of(it["start"]) in (None, own)]
            fitting = self._outermost(fitting)
            if not fitting:
                continue
            subjects = [it for it in fitting if self._is_subject(it)]
            pick = (subjects or fitting)[-1]
            result = self._result(pick)
            if result["mention_kind"] != "anonymous":
                result["mention_kind"] = "pronoun"
            return result
        return None

    # -- helpers ----------------------------------------------------------------------------

    @cached_property
    def _sentences(self) -> Sentences:
        return Sentences(self.doc)

    @cached_property
    def _segments(self) -> list[tuple[int, int]]:
        return [(s.open, s.close) for s in find_segments(self.doc.text)]

    def _segment_of(self, char: int) -> tuple[int, int] | None:
        """The quoted stretch a character is in: names quoted from someone else's words are
        no antecedent outside that quote."""
        return next(((a, b) for a, b in self._segments if a < char < b), None)

    def _items_in(self, start: int, end: int) -> list[dict[str, Any]]:
        items = [m for m in self.mentions if m["start"] >= start and m["end"] <= end]
        items += [d for d in self.descriptions if d["start"] >= start and d["end"] <= end]
        return sorted(items, key=lambda it: (it["start"], -it["end"]))

    @staticmethod
    def _outermost(items: list[dict]) -> list[dict]:
        return [it for it in items if not any(o is not it and o["start"] <= it["start"] and it["end"] <= o["end"]
                                              and (o["end"] - o["start"]) > (it["end"] - it["start"]) for o in items)]

    def _fits(self, item: dict, plural: bool, gender: str | None, neuter: bool = False) -> bool:
        if "actor" in item:
            actor = self.actors[item["actor"]]
            if neuter:
                return actor["kind"] in ("organization", "country")
            if plural:
                return actor["kind"] != "person"
            if actor["kind"] != "person":
                return False
            return not (gender and actor.get("gender") and actor["gender"] != gender)
        if neuter:
            return item.get("kind") == "organization" and not item.get("plural")
        if plural:
            return bool(item.get("plural"))
        return not item.get("plural") and item.get("kind") == "person"

    def _attached(self, item: dict, head) -> bool:
        span = self.doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.head.i == head.i and root.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
            return True
        return root.dep_ == "pobj" and root.head.head.i == head.i and root.head.lower_ in ("of", "from", "at")

    def _is_subject(self, item: dict) -> bool:
        span = self.doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)

    def _result(self, item: dict) -> dict:
        if "actor" not in item:
            return {
                "actor_id": None,
                "name": item["surface"],
                "kind": item.get("kind", "group"),
                "country": item.get("country"),
                "sector": item.get("sector"),
                "mention_kind": item["mention_kind"],
                "description": item["surface"],
                "start": item["start"],
                "end": item["end"],
            }
        actor = self.actors[item["actor"]]
        return {
            "actor_id": actor["actor_id"],
            "name": actor["name"],
            "kind": actor["kind"],
            "country": actor.get("country"),
            "sector": item.get("sector") or actor.get("sector"),
            "mention_kind": item["mention_kind"],
            "start": item["start"],
            "end": item["end"],
        }
