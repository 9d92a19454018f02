"""When an event happened: the date phrase its trigger owns, a date hanging from a governing
verb, or the date of the episode the article is narrating (pipelines.nlp.dates resolves the
phrases against the publication date)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from pipelines.nlp.doc_cache import span_ents
from pipelines.nlp.dates import DateResolution, resolve_date
from pipelines.nlp.events.modality import is_simple_past
from pipelines.nlp.events.record import actor_key
from pipelines.nlp.events.triggers import TIME_ENTS

# How far a date carries forward to later past-tense events without a date of their own
# (news narrates one episode over several sentences: "Mr. Putin called on Thursday. ...
# Mr. Putin claimed that ..."). Only day/month dates carry; years are usually background.
NARRATIVE_SENTENCES = 12
DATE_PREPOSITIONS = ("on", "in", "since", "by", "until", "last", "next", "this", "over")

DURATION = re.compile(r"^(?:for|over|during|within|in)?\s*(?:about|nearly|almost|some|roughly|more than|less than|"
                      r"up to|at least)?\s*[\w.,-]+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$", re.I)
DateChoice = tuple[DateResolution | None, str, str | None, bool]  # (date, flag, text, own)


@dataclass
class Narrative:
    """The date of the episode being told, and who took part in it."""

    date: DateResolution
    index: int
    actors: set[str]


def date_phrase(ent: Span) -> str:
    """The date entity with the preposition before it ("on Saturday", "in December")."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in DATE_PREPOSITIONS:
        return doc[ent.start - 1: ent.end].text
    return ent.text


def date_owners(sent: Span, producing: set[int]) -> tuple[dict[int, list[Span]], list[tuple[Span, Token | None]]]:
    """Dates go to the nearest trigger above them that made an event ("meeting Putin on a
    visit to Moscow on Saturday" dates the meeting even though "visit" made none); the others
    come back loose, with the first verb above them."""
    owned: dict[int, list[Span]] = {}
    loose: list[tuple[Span, Token | None]] = []
    for ent in span_ents(sent):
        if ent.label_ not in TIME_ENTS:
            continue
        token = ent.root
        owner = None
        anchor = None
        for _ in range(10):
            if token.i in producing:
                owner = token.i
                break
            if anchor is None and token.pos_ in ("VERB", "AUX") and token.i != ent.root.i:
                anchor = token
            if token.head.i == token.i:
                break
            token = token.head
        if owner is None:
            loose.append((ent, anchor))
        else:
            owned.setdefault(owner, []).append(ent)
    return owned, loose


def date_for(token: Token, mood: str, owned, loose, published: date | None, anchor_year: int | None,
             narrative: Narrative | None, index: int, actors: list[dict]) -> DateChoice:
    future = mood == "future"
    texts = []
    own_ents = owned.get(token.i, [])
    # a date hanging from a verb that is not a trigger covers the triggers below that verb
    near = [ent for ent, anchor in loose if anchor is None or anchor == token or anchor in token.ancestors]
    for ent in own_ents + near:
        text = date_phrase(ent)
        resolved = resolve_date(text, published, future, anchor_year)
        if resolved is not None:
            return resolved, "from_text", text, ent in own_ents
        if not DURATION.match(text):  # "for 90 minutes" says how long, not when
            texts.append(text)
    if texts:
        return None, "unresolved", texts[0], True
    if narrative and mood in ("asserted", "negated") and is_simple_past(token) \
            and index - narrative.index <= NARRATIVE_SENTENCES \
            and any(actor_key(a) in narrative.actors for a in actors):
        return narrative.date, "inherited", narrative.date.text, False
    return None, "unresolved", None, False
