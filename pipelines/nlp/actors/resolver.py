"""Answers "who is this span?" for quotes and events, from the actors found in one Doc.

The actors component stores plain data on the Doc (doc._.pw_actors, doc._.pw_mentions,
doc._.pw_descriptions); the resolver is rebuilt from that data, so it also works on Docs
that came back from worker processes.

Results are dicts {"actor_id", "name", "kind", "country", "sector", "mention_kind"};
unnamed sources ("a French official", "critics") have actor_id None, their description as
name, mention_kind "anonymous" and "description" set.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Any

from spacy.tokens import Doc

from pipelines.nlp.doc_cache import doc_text, sentences
from pipelines.nlp.quotes.marks import find_segments
from pipelines.nlp.sentences import Sentences

SINGULAR_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                     "she": "female", "her": "female", "hers": "female", "herself": "female"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
NEUTER_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
LOOKBACK_SENTENCES = 3
PRONOUN_CHAIN = 3  # how many earlier pronouns a pronoun may resolve through


class ActorResolver:
    """Resolves character spans of one Doc to the article's actors."""

    def __init__(self, doc: Doc, actors: list[dict[str, Any]], mentions: list[dict[str, Any]],
                 descriptions: list[dict[str, Any]] | None = None):
        self.doc = doc
        self.actors = actors
        self.mentions = sorted(mentions, key=lambda m: (m["start"], -m["end"]))
        self.descriptions = sorted(descriptions or [], key=lambda d: d["start"])
        # start offsets, for finding the items inside a span by bisection
        self._mention_starts = [m["start"] for m in self.mentions]
        self._description_starts = [d["start"] for d in self.descriptions]

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
        """The antecedent of a third-person pronoun, looking back through its sentence and up to
        three earlier ones, subjects before other candidates, the latest first:
        - a possessive or object pronoun takes the nearest clause around it that holds a
          candidate ("Blinken will go to Paris to hear from Macron about his talks": Macron);
        - he/she/him/her/his: a named person before an unnamed description ("the official"),
          and an earlier sentence whose only fit is an unnamed non-subject is passed over when
          a named person fits further back;
        - a non-reflexive object is not its own clause's subject ("Macron wanted to believe
          him") unless nothing else fits (parses slip), and a pronoun inside quotation marks
          is never the quote's speaker ("I asked him to stop", tweeted Macron);
        - names inside quotation marks are antecedents only for pronouns inside quotes."""
        found = self._pronoun_item(self.doc[token_index], 0)
        return self._as_pronoun(found) if found is not None else None

    def _pronoun_item(self, token, depth: int) -> dict | None:
        """The mention or description a pronoun stands for (cached per token)."""
        cache = self.__dict__.setdefault("_pronoun_cache", {})
        if (token.i, depth) in cache:
            return cache[(token.i, depth)]
        found = None
        if not (token.lower_ in NEUTER_PRONOUNS and token.dep_ == "expl"):
            speaker = self._quote_speaker_of(token)
            found = self._antecedent(token, speaker | self._bound_subject(token, depth), depth)
            if found is None:
                found = self._antecedent(token, speaker, depth)
        cache[(token.i, depth)] = found
        return found

    def _antecedent(self, token, banned: set[str], depth: int) -> dict | None:
        lower = token.lower_
        plural = lower in PLURAL_PRONOUNS
        neuter = lower in NEUTER_PRONOUNS
        gender = SINGULAR_PRONOUNS.get(lower)
        personal = gender is not None
        sentences = self._sentences.spans
        sent_i = self._sentences.index_of_token(token.i)
        quoted = self._segment_of(token.idx) is not None
        fallback = None
        for back in range(0, LOOKBACK_SENTENCES + 1):
            if sent_i - back < 0:
                break
            sent = sentences[sent_i - back]
            limit = token.idx if back == 0 else sent.end_char
            items = self._outermost([it for it in self._items_in(sent.start_char, limit)
                                     if self._fits(it, plural, gender, neuter)])
            if depth < PRONOUN_CHAIN:
                items += self._pronoun_candidates(sent, limit, token, depth)
            fitting = sorted((it for it in items if (quoted or self._segment_of(it["start"]) is None)
                              and self._key_of(it) not in banned), key=lambda it: (it["start"], -it["end"]))
            if not fitting:
                continue
            pick = self._pick(fitting, token if back == 0 else None, personal)
            if personal and back > 0 and "actor" not in pick and not self._is_subject(pick):
                fallback = fallback or pick  # a named person further back may be meant
                continue
            return pick
        return fallback

    def _pronoun_candidates(self, sent, limit: int, token, depth: int) -> list[dict]:
        """Earlier pronouns of the same kind stand for what they resolved to, at their own
        position ("He doesn't view Xi as an adversary," Wyne said. "He calls Xi a friend.")."""
        lower = token.lower_
        out = []
        for other in sent:
            if other.idx >= limit:
                break
            if other.i == token.i or other.lower_.endswith(("self", "selves")):
                continue
            same = (lower in PLURAL_PRONOUNS and other.lower_ in PLURAL_PRONOUNS) or (
                lower in SINGULAR_PRONOUNS and SINGULAR_PRONOUNS.get(other.lower_) == SINGULAR_PRONOUNS[lower])
            if not same:
                continue
            found = self._pronoun_item(other, depth + 1)
            if found is not None:
                out.append({**found, "start": other.idx, "end": other.idx + len(other.text)})
        return out

    def _pick(self, fitting: list[dict], pronoun, personal: bool) -> dict:
        pool = ([it for it in fitting if "actor" in it] or fitting) if personal else fitting
        if pronoun is not None and pronoun.dep_ not in SUBJECT_DEPS:
            for verb in self._clauses_above(pronoun):
                end = verb.right_edge.idx + len(verb.right_edge.text)
                inside = [it for it in pool if verb.left_edge.idx <= it["start"] and it["end"] <= end]
                if inside:
                    pool = inside
                    break
        subjects = [it for it in pool if self._is_subject(it)]
        return (subjects or pool)[-1]

    @staticmethod
    def _clauses_above(token) -> list:
        """The verbs above a token, nearest first (the clauses it sits in)."""
        out = []
        steps = 0
        while token.head.i != token.i and steps < 30:
            token = token.head
            steps += 1
            if token.pos_ in ("VERB", "AUX"):
                out.append(token)
        return out

    def _as_pronoun(self, item: dict) -> dict:
        result = self._result(item)
        if result["mention_kind"] != "anonymous":
            result["mention_kind"] = "pronoun"
        return result

    def _key_of(self, item: dict) -> str:
        if "actor" in item:
            return str(self.actors[item["actor"]]["actor_id"])
        return (item.get("surface") or "").lower()

    def _bound_subject(self, token, depth: int) -> set[str]:
        """Binding: a non-reflexive object or prepositional object is not the subject of its
        own clause (an inherited subject too: "Bennett met Putin and spoke with him")."""
        if token.lower_.endswith(("self", "selves")) or token.dep_ not in ("dobj", "dative", "iobj", "pobj"):
            return set()
        verb = token.head
        if token.dep_ == "pobj" and verb.dep_ in ("prep", "dative") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        subject = self._clause_subject(verb)
        if subject is None:
            return set()
        if subject.lower_ in SINGULAR_PRONOUNS or subject.lower_ in PLURAL_PRONOUNS:
            found = self._pronoun_item(subject, depth + 1) if depth < PRONOUN_CHAIN else None
            return {self._key_of(found)} if found else set()
        right = subject.idx + len(subject.text)
        return {self._key_of(it) for it in self._items_in(subject.left_edge.idx, right)
                if it["start"] <= subject.idx < it["end"]}

    @staticmethod
    def _clause_subject(verb):
        """The verb's subject, or the one it shares through xcomp/conj/advcl/acl."""
        for _ in range(6):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
            if verb.dep_ not in ("xcomp", "conj", "advcl", "acl") or verb.head.i == verb.i:
                return None
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return None
            verb = verb.head
        return None

    def _quote_speaker_of(self, token) -> set[str]:
        """Inside quotation marks a third-person pronoun is not the speaker (who says I)."""
        if token.lower_.endswith(("self", "selves")) or self._segment_of(token.idx) is None:
            return set()
        quotes = self.doc._.pw_quotes if Doc.has_extension("pw_quotes") else None
        for quote in quotes or []:
            if quote["start"] <= token.idx < quote["end"]:
                keys = {str(quote.get("speaker_actor_id") or "")} | {(quote.get("speaker_name") or "").lower()}
                return keys - {""}
        return set()

    # -- helpers ----------------------------------------------------------------------------

    @cached_property
    def _sentences(self) -> Sentences:
        return sentences(self.doc)

    @cached_property
    def _segments(self) -> list[tuple[int, int]]:
        return [(s.open, s.close) for s in find_segments(doc_text(self.doc))]

    def _segment_of(self, char: int) -> tuple[int, int] | None:
        """The quoted stretch a character is in: names quoted from someone else's words are
        no antecedent outside that quote."""
        return next(((a, b) for a, b in self._segments if a < char < b), None)

    def _items_in(self, start: int, end: int) -> list[dict[str, Any]]:
        items = []
        for ordered, starts in ((self.mentions, self._mention_starts), (self.descriptions, self._description_starts)):
            for k in range(bisect_left(starts, start), bisect_right(starts, end)):
                if ordered[k]["end"] <= end:
                    items.append(ordered[k])
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
        # "members of NATO", "a report by the State Department"
        return root.dep_ == "pobj" and root.head.head.i == head.i and root.head.lower_ in ("of", "from", "at", "by")

    def _is_subject(self, item: dict) -> bool:
        span = self.doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)

    def latest_with_sector(self, before_char: int, sectors: set[str], window_chars: int = 2500) -> dict | None:
        """The organisation or group of one of these sectors mentioned last before this point
        (within a few paragraphs): what "the militants" or "the rebels" refer back to."""
        for m in reversed(self.mentions):
            if m["start"] >= before_char:
                continue
            if before_char - m["start"] > window_chars:
                break
            actor = self.actors[m["actor"]]
            if actor["kind"] in ("organization", "group") and actor.get("sector") in sectors:
                return self._result({**m, "mention_kind": "description"})
        return None

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
