"""Where the story is, and what follows for actors the text does not place.

A news story is told from somewhere: the dateline ("HARARE —", "ISLAMABAD (AP) —") says where,
and without one the country the article names most usually does. A lawyer, a resident or a
local newspaper that the text gives no nationality is far more often from that country than
from any other, so actors left without a country take the story's country. Transnational
codes from the CAMEO dictionaries (NGO, IMG, MNC) are not countries: such actors keep a
sector and get no country rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.nlp.places import resolve_place

# An all-capitals place at the start of a line, perhaps ", State" and a wire "(AP)", then a dash.
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\u2019 -]{1,40}?)(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"\s*(?:\([^)\n]{1,30}\)\s*)?[\u2014\u2013-]{1,2}\s", re.M)
DATELINE_WINDOW = 1500  # characters: the dateline opens the body, after the headline
TRANSNATIONAL = {"NGO", "IMG", "MNC"}
PLACED_KINDS = ("person", "organization")


def dateline(text: str, body_end: int) -> tuple[int, int, str] | None:
    """(start, end, ISO3) of the dateline place, when the body opens with one."""
    for match in DATELINE.finditer(text[:min(body_end, DATELINE_WINDOW)]):
        place = resolve_place(match.group("place").strip().title())
        if place is not None and place.country:
            return match.start("place"), match.start("place") + len(match.group("place").strip()), place.country
    return None


def story_country(actors, dateline_country: str | None) -> str | None:
    """The dateline's country, else the country actor mentioned most, if it leads clearly."""
    if dateline_country:
        return dateline_country
    counts = Counter({a.country: len(a.mentions) for a in actors if a.kind == "country" and a.country})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def place_actors(actors, country: str | None) -> None:
    """Transnational pseudo-countries off; the story's country for persons and organisations
    the text leaves without one (international organisations excepted)."""
    for actor in actors:
        if actor.country in TRANSNATIONAL:
            actor.country = None
            continue
        if actor.country is None and country and actor.kind in PLACED_KINDS and actor.sector != "IGO":
            actor.country = country


def outside_dateline(actors, span: tuple[int, int] | None) -> list:
    """Actors other than the dateline's place misread as one ("HARARE" as an organisation)."""
    if span is None:
        return actors
    start, end = span
    return [a for a in actors if a.kind == "country" or not all(start <= m.start and m.end <= end for m in a.mentions)]
