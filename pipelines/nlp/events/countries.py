"""The country of each side of an event, as PLOVER codes actors and recipients.

In order, for the source and for the target:
1. the actor's own country - except a demonym after "ethnic" ("ethnic Albanians in Serbia"
   are not Albania's);
2. a country named inside the side's phrase: "students throughout Indonesia", "refugees
   fleeing the civil war in Liberia", "Croatian extremists", "observers from the OSCE",
   "the Kenya Anti-Corruption Commission", "Baghdad University";
3. an event without a recipient that acts on a place ("lifted a curfew in Montenegro",
   "fired shells at targets in Jericho", "its invasion of South Lebanon") is aimed at the
   country of that place; an unnamed doer acts where the event happens ("prisoners rioted at
   a jail in Dili");
4. a side still without a country, in a sentence that names exactly one country, belongs to
   that country (domestic news: "Ibo elders demanded ... from the Nigerian government").
   This is a default: a foreign person whose country the actors component does not know
   gets it too.
The countries travel on the event rows as source_country / target_country (not table
columns: pipelines.nlp.extract.event_row hands them to the CLI record).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from pipelines.nlp.doc_cache import doc_ents, doc_text, span_ents
from pipelines.nlp.events.record import EventRecord
from pipelines.nlp.places import gazetteer

PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}
# Recipient-less events that act on the people of a place; not meetings, statements or
# requests (those happen somewhere without being aimed at it).
PLACE_AIMED = {"COERCE", "ASSAULT", "CONCEDE", "RETREAT", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION", "AID"}
# Without a stated recipient these involve the sides already named, not a country's people.
MULTILATERAL = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT"}
NOUN_PLACE_PREPS = {"of", "on", "into", "against", "in"}  # "invasion of", "attack on"
BIG_CITY = 100_000  # a city name inside an organisation's name ("Baghdad University")


@lru_cache(maxsize=1)
def _national_codes() -> frozenset[str]:
    return frozenset(gazetteer().iso2_to_iso3.values())


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from pipelines.nlp.actors.lexicon import load_lexicon

    return load_lexicon().country_by_demonym


def country_of_name(text: str, label: str) -> str | None:
    """ISO3 of a place name or demonym ("Liberia", "Jericho", "Croatian")."""
    text = text[4:] if text.lower().startswith("the ") else text
    if label == "NORP":
        return _demonyms().get(text) or _demonyms().get(text.title())
    place = gazetteer().resolve(text)
    return place.country if place is not None else None


def organisation_country(ent: Span) -> str | None:
    """A country or demonym anywhere in an organisation's name ("Kenya Anti-Corruption
    Commission", "Nigerian Union of Teachers"), or a big city opening it ("Baghdad University")."""
    words = [t for t in ent if t.is_alpha and t.text[0].isupper()]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            part = words[i:i + size]
            if part[-1].i - part[0].i != size - 1:
                continue
            text = ent.doc[part[0].i: part[-1].i + 1].text
            found = gazetteer().country_of_name(text) or _demonyms().get(text)
            if found:
                return found
    if words and words[0].i == ent.start:
        return gazetteer().city_country(words[0].text, BIG_CITY)
    return None


def _own_phrase(token: Token) -> set[int]:
    """The token's phrase without its coordinated siblings ("the Emirates and Saudi Arabia"
    are two sides)."""
    out = {token.i}
    stack = [c for c in token.children if c.dep_ not in ("conj", "cc")]
    while stack:
        child = stack.pop()
        out.add(child.i)
        stack.extend(child.children)
    return out


def _ethnic_side(actor: dict, token: Token | None) -> bool:
    """The actor was named by a demonym after "ethnic" ("ethnic Albanian guerrillas")."""
    if token is None:
        return False
    start = actor.get("start")
    if isinstance(start, int):
        return _after_ethnic(token.doc, start)
    words = [token] + [c for c in token.children if c.dep_ in ("amod", "compound")]
    return any(w.i > 0 and token.doc[w.i - 1].lower_ == "ethnic" for w in words)


def _after_ethnic(doc, start: int) -> bool:
    return doc_text(doc)[max(0, start - 7):start].lower() == "ethnic "


class CountryFinder:
    """Per-Doc helper; the country set of each sentence is computed once."""

    def __init__(self, resolver):
        self.resolver = resolver
        self._sentence_cache: dict[int, set[str]] = {}

    def assign(self, record: EventRecord) -> None:
        source = self.side(record.source, record.source_token)
        target = self.side(record.target, record.target_token)
        if target is None and record.target is None and record.event_type in PLACE_AIMED:
            target = self.place_country(record)
        location = getattr(record.location, "country", None)
        if source is None and location and record.source is not None and (
                record.source.get("actor_id") is None or _ethnic_side(record.source, record.source_token)):
            source = location  # "prisoners rioted at a jail in Dili": people act where they are
        if record.source is not None and source is None:
            source = self.domestic(record)
        if target is None and (record.target is not None or record.event_type not in MULTILATERAL):
            target = self.domestic(record)
        record.source_country, record.target_country = source, target

    def side(self, actor: dict | None, token: Token | None) -> str | None:
        if actor is None:
            return None
        if token is None:
            return actor.get("country")
        if actor.get("country") and not _ethnic_side(actor, token):
            return actor["country"]
        if actor.get("actor_id") is None and actor.get("name"):
            # an unlisted group named like a place ("the Emirates")
            found = gazetteer().country_of_name(actor["name"])
            if found:
                return found
        return self.phrase_country(token)

    def place_country(self, record: EventRecord) -> str | None:
        """The country of the place the event acts on: its location, or for an event noun
        the place it is "of"/"on"/"into"."""
        country = getattr(record.location, "country", None)
        if country:
            return country
        token = record.trigger.token
        if record.trigger.kind != "noun":
            return None
        inside = {t.i for t in token.subtree}
        for ent in span_ents(record.sentence):
            root = ent.root
            if ent.label_ in ("GPE", "LOC") and root.i in inside and root.dep_ == "pobj" \
                    and root.head.lower_ in NOUN_PLACE_PREPS and root.head.head.i == token.i:
                found = country_of_name(ent.text, ent.label_)
                if found:
                    return found
        return None

    def phrase_country(self, token: Token) -> str | None:
        """The first country named inside the phrase headed by the token: a place, a
        demonym, an actor with a country, an organisation named after a place."""
        doc = token.doc
        inside = _own_phrase(token)
        right = doc[max(inside)]
        for actor in self.resolver.actors_in_span(doc[min(inside)].idx, right.idx + len(right.text)):
            start = actor.get("start")
            if actor.get("country") and isinstance(start, int) and doc.char_span(
                    start, start + 1, alignment_mode="expand")[0].i in inside and not _after_ethnic(doc, start):
                return actor["country"]
        for ent in doc_ents(doc):
            if ent.start > right.i:
                break
            if ent.root.i not in inside or _after_ethnic(doc, ent.start_char):
                continue
            if ent.label_ in PLACE_LABELS:
                found = country_of_name(ent.text, ent.label_)
            elif ent.label_ == "ORG":
                found = organisation_country(ent)
            else:
                continue
            if found:
                return found
        return None

    def domestic(self, record: EventRecord) -> str | None:
        countries = self.sentence_countries(record.sentence)
        return next(iter(countries)) if len(countries) == 1 else None

    def sentence_countries(self, sent: Span) -> set[str]:
        key = sent.start
        if key not in self._sentence_cache:
            doc = sent.doc
            found = set()
            for actor in self.resolver.actors_in_span(sent.start_char, sent.end_char):
                start = actor.get("start")
                if not (isinstance(start, int) and _after_ethnic(doc, start)):
                    found.add(actor.get("country"))
            for ent in span_ents(sent):
                if _after_ethnic(doc, ent.start_char):
                    continue
                if ent.label_ in PLACE_LABELS:
                    found.add(country_of_name(ent.text, ent.label_))
                elif ent.label_ == "ORG":
                    found.add(organisation_country(ent))
            self._sentence_cache[key] = {c for c in found if c in _national_codes()}
        return self._sentence_cache[key]

