"""Where the story is, and what follows for actors the text does not place.

A news story is told from somewhere: the dateline ("HARARE —", "ISLAMABAD (AP) —") says where.
Without one, the country of most of the people the text places does, and failing that the
country the article names most. A lawyer, a resident or a
local newspaper that the text gives no nationality is far more often from that country than
from any other, so actors left without a country take the story's country. Transnational
codes from the CAMEO dictionaries (NGO, IMG, MNC) are not countries: such actors keep a
sector and get no country rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from pipelines.nlp.actors.cluster import CHAMBER_WORDS, kin_side
from pipelines.nlp.actors.lexicon import load_lexicon
from pipelines.nlp.places import resolve_place

# An all-capitals place at the start of a line, perhaps ", State" and a wire "(AP)", then a dash.
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\u2019 -]{1,40}?)(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"\s*(?:\([^)\n]{1,30}\)\s*)?[\u2014\u2013-]{1,2}\s", re.M)
DATELINE_WINDOW = 1500  # characters: the dateline opens the body, after the headline
TRANSNATIONAL = {"NGO", "IMG", "MNC"}


def dateline(text: str, body_end: int) -> tuple[int, int, str] | None:
    """(start, end, ISO3) of the dateline place, when the body opens with one."""
    for match in DATELINE.finditer(text[:min(body_end, DATELINE_WINDOW)]):
        place = resolve_place(match.group("place").strip().title())
        if place is not None and place.country:
            return match.start("place"), match.start("place") + len(match.group("place").strip()), place.country
    return None


def story_country(actors, dateline_country: str | None) -> str | None:
    """The dateline's country, else the country of most of the persons placed so far, else
    the country mentioned most; a runner-up must trail the leader."""
    if dateline_country:
        return dateline_country
    # the people the text does place say where its unplaced people are from better than the
    # country it talks about most (a story on North Korea from Washington quotes Americans);
    # journalists are left out, as an outlet quotes its own reporters from anywhere
    people = Counter(a.country for a in actors if a.kind == "person" and a.country not in (None, "IGO", *TRANSNATIONAL)
                     and a.sector != "MED")
    countries = Counter({a.country: len(a.mentions) for a in actors if a.kind == "country" and a.country})
    for counts in (people, countries):
        ranked = counts.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            return ranked[0][0]
    return None


def place_actors(actors, country: str | None, sentence_of: Callable[[int], int] | None = None,
                 dateline_country: str | None = None) -> None:
    """Transnational pseudo-countries off; relatives where their family is from; a chamber
    where the article's lawmakers sit, else the dateline country's chamber of that name if
    it has one, else the United States' ("Congress", "the Senate"); a party of a name many
    countries use ("Democratic Party") where its leaders or members are from, else the one
    country named beside it, else the story's. Then persons the text leaves without a
    country: where the organisation they work for is ("Senate Majority Leader X"), else
    where the person they work for is ("Trump's special envoy"), else the story's country,
    as for organisations (international organisations excepted)."""
    relatives_with_their_family(actors)
    legislature = legislators_country(actors)
    chambers = load_lexicon().chamber_countries
    transnational = [a for a in actors if a.country in TRANSNATIONAL]
    for actor in transnational:
        actor.country = None
    for actor in actors:
        if actor in transnational:
            continue
        if actor.extra.get("generic_party"):
            actor.country = actor.extra.get("member_country") or country_beside(actor, actors, sentence_of) \
                or party_beside(actor, actors, sentence_of) or country or actor.country
        # "Senate", "House Foreign Affairs Committee"; not "House of Commons"
        chamber = actor.kind == "organization" and actor.name.split()[0] in CHAMBER_WORDS and " of " not in actor.name
        if actor.country is None and chamber:
            homes = chambers.get(actor.name.split()[0], set())
            # "the Senate Foreign Relations Committee" of Sen. Corker. A country named nearby
            # is no evidence: "his push for gun laws in Congress as a benefit for Mexicans"
            actor.country = legislature or (dateline_country if dateline_country in homes else "USA")
        if actor.country is None and actor.kind == "organization" and actor.sector == "LEG":
            # "Berisha ... remained in Parliament": the legislature of the people beside it
            actor.country = country_beside(actor, actors, sentence_of) or country_beside(
                actor, actors, sentence_of, kinds=("person",))
        if actor.country is None and country and actor.kind == "organization" and actor.sector != "IGO":
            actor.country = country
    unplaced = [a for a in actors if a.kind == "person" and a.country is None and a not in transnational]
    for actor in unplaced:
        org = actor.extra.get("affiliation")
        actor.country = org.country if org is not None and org.country != "IGO" else None
    for actor in unplaced:
        patron = actor.extra.get("patron")
        if actor.country is None and patron is not None and patron.country != "IGO":
            actor.country = patron.country
        if actor.country is None and actor.sector != "IGO":
            actor.country = country


def legislators_country(actors) -> str | None:
    """The one country of the lawmakers the article names: "Congress" or "the Senate" without
    a country is theirs (Sen. McCain's in a story datelined Damascus)."""
    found = {a.country for a in actors if a.kind == "person" and a.sector == "LEG" and a.country}
    return found.pop() if len(found) == 1 else None


def outside_dateline(actors, span: tuple[int, int] | None) -> list:
    """Actors other than the dateline's place misread as one ("HARARE" as an organisation)."""
    if span is None:
        return actors
    start, end = span
    return [a for a in actors if a.kind == "country" or not all(start <= m.start and m.end <= end for m in a.mentions)]


def relatives_with_their_family(actors) -> None:
    """'his wife, Liri Berisha': a relative the text does not place is from where the family
    member who shares their name is from."""
    placed: dict[str, str] = {}
    for actor in actors:
        if actor.kind == "person" and actor.country and kin_side(actor) is None:
            for word in actor.name.split()[1:]:
                placed.setdefault(word.lower(), actor.country)
    for actor in actors:
        if actor.kind != "person" or actor.country or kin_side(actor) is None:
            continue
        actor.country = next((placed[w.lower()] for w in actor.name.split()[1:] if w.lower() in placed), None)


def country_beside(actor, actors, sentence_of: Callable[[int], int] | None, kinds=("country",)) -> str | None:
    """The one country named in the sentence that introduces the actor ("the Democratic Party,
    which emerged from a popular revolt in Albania"), or the one country of the actors of
    `kinds` named there."""
    return _one_country_in_first_sentence(
        actor, [a for a in actors if a.kind in kinds], lambda other: other.country, sentence_of)


def party_beside(actor, actors, sentence_of: Callable[[int], int] | None) -> str | None:
    """'the ruling Socialist Party's win ... a time of reckoning for the Democratic Party': a
    party named with another party of known country is of that country."""
    parties = [a for a in actors if a.kind == "organization" and a.sector == "PTY"]
    return _one_country_in_first_sentence(
        actor, parties, lambda other: other.extra.get("member_country") or other.country, sentence_of)


def _one_country_in_first_sentence(actor, others, country_of, sentence_of) -> str | None:
    """The one country (IGO aside) that `country_of` gives the `others` named in the sentence
    where `actor` is first named."""
    if sentence_of is None:
        return None
    first = sentence_of(min(m.start_tok for m in actor.mentions))
    found = {country_of(other) for other in others
             if other is not actor and any(sentence_of(m.start_tok) == first for m in other.mentions)}
    found -= {None, "IGO"}
    return found.pop() if len(found) == 1 else None
