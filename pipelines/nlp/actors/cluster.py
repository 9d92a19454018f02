"""Group an article's mentions into actors and code them (country, sector).

Persons: a full name opens an actor; surname forms ("Macron", "Mr. Le Drian") join the
full name they are a suffix of (see pick_owner when several share a surname).
Organisations join by dictionary entry, name, or acronym. Countries join by ISO code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from pipelines.nlp.actors.lexicon import DictEntry, Lexicon, decode, load_lexicon
from pipelines.nlp.actors.mentions import Candidate
from pipelines.nlp.actors.names import INITIAL, INITIALS, actor_id, canonical_key, fold, smart_title

ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "&"}
# words that mark an armed organisation the dictionaries do not know as non-state
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
CHAMBER_WORDS = {"Congress", "Senate", "House"}  # a legislature's chambers and their committees
HEAD_ENDS = {"of", "for", "on", "to", "in"}  # an organisation's head noun comes before these
NON_STATE_WORDS = {"liberation", "rebel", "rebels", "insurgent", "insurgents", "militia", "mujahideen", "resistance"}
# "American Civil Liberties Union", "Committee to Protect Journalists": a cause in the name of a
# body with no sector of its own makes it a non-governmental organisation
NAME_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "de", "du", "des", "la", "le", "del", "e", "i"}
CAUSE_WORDS = {"rights", "liberties", "freedom", "freedoms", "humanitarian", "relief", "protect", "justice",
               "refugee", "refugees", "rescue", "democracy"}


@dataclass
class Actor:
    kind: str
    key_name: str
    mentions: list[Candidate] = field(default_factory=list)
    entry: DictEntry | None = None
    iso3: str | None = None
    group: dict | None = None
    name_tokens: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    name: str = ""
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    roles: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


ARTICLE_PREFIX = re.compile(r"^(al|el|ad|as|ash|at|az|an|ar|ath|ul|bin)-(.+)$")


def name_tokens(name: str) -> list[str]:
    """Folded name words without middle initials; 'al-Assad' -> ['al', 'assad'] so that
    'Assad' and 'Bashar al-Assad' share a surname."""
    out = []
    for tok in fold(name).replace(" - ", "-").split():
        if INITIAL.fullmatch(tok):
            continue
        m = ARTICLE_PREFIX.match(tok)
        out.extend([m.group(1), m.group(2)] if m else [tok])
    return out


def middle_initials(name: str) -> str:
    """'h.w.' of 'George H.W. Bush', '' of 'George Bush'."""
    words = fold(name).split()
    return " ".join(w for w in words[1:-1] if INITIALS.fullmatch(w))


def country_in_words(lex: Lexicon, words: list[str]) -> str | None:
    """A country named or implied inside a name: "Kenya Interior Ministry", "Council of the
    United States", "Pakistani Taliban", a US state's university (longest phrase first)."""
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            phrase = " ".join(words[k:k + n])
            iso3 = lex.country_by_name.get(phrase) or lex.country_by_demonym.get(phrase) \
                or ("USA" if phrase in lex.us_states else None)  # "University of Maryland"
            if iso3:
                return iso3
    return None


def is_suffix(short: list[str], full: list[str]) -> bool:
    return 0 < len(short) < len(full) and full[-len(short):] == short


def same_person(a: list[str], b: list[str]) -> bool:
    """'Vladimir V. Putin' ~ 'Vladimir Putin'; 'Mohammed bin Zayed' ~ 'Mohammed bin Zayed Al Nayhan'."""
    if a == b:
        return True
    if len(a) >= 2 and len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1]:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 3 and long_[: len(short)] == short


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


class ActorBuilder:
    def __init__(self, lex: Lexicon, published: date | None):
        self.lex = lex
        self.published = published
        self.actors: list[Actor] = []

    # ---- persons ------------------------------------------------------------------------
    def persons(self, cands: list[Candidate]) -> None:
        named = [(c, name_tokens(c.name)) for c in cands]
        named = [(c, toks) for c, toks in named if toks]
        all_names = [toks for _, toks in named]
        clusters: list[Actor] = []
        pending: list[tuple[Candidate, list[str]]] = []
        for cand, toks in named:
            if len(toks) >= 2 and not any(is_suffix(toks, other) for other in all_names):
                marks = middle_initials(cand.name)
                for actor in clusters:
                    # "George W. Bush" and "George H.W. Bush": one name, two people
                    other_marks = actor.extra.get("initials")
                    if marks and other_marks and marks != other_marks:
                        continue
                    if any(same_person(toks, t) for t in actor.extra["forms"]):
                        actor.mentions.append(cand)
                        actor.extra["forms"].append(toks)
                        actor.extra["initials"] = other_marks or marks
                        break
                else:
                    clusters.append(Actor("person", "", [cand], extra={"forms": [toks], "initials": marks},
                                          name_tokens=toks))
            else:
                pending.append((cand, toks))
        for cand, toks in pending:
            owners = [a for a in clusters if any(is_suffix(toks, f) or f == toks for f in a.extra["forms"])]
            if not owners and len(toks) == 1:
                # "Lai's son Sebastien" ... "Sebastien Lai": a first name of one full name here
                # (or a family name written first: "Kim" of "Kim Jong Un" and of "Kim Kye Gwan",
                # the one the story introduced first, as for shared surnames)
                owners = [a for a in clusters if any(len(f) >= 2 and f[0] == toks[0] for f in a.extra["forms"])]
            if owners:
                pick_owner(owners, cand.start, cand.extras.get("generation")).mentions.append(cand)
                continue
            entry = cand.entry or self.surname_entry(toks)
            for actor in clusters:
                if actor.extra.get("lone") == toks:
                    actor.mentions.append(cand)
                    break
            else:
                clusters.append(Actor("person", "", [cand], entry=entry, name_tokens=toks,
                                      extra={"forms": [toks], "lone": toks}))
        clusters = [a for a in clusters if not self.common_word(a)]
        for actor in clusters:
            self.finish_person(actor)
        merged: dict[str, Actor] = {}
        for actor in clusters:  # two forms that the dictionary knows as one person
            key = fold(actor.key_name)
            if key in merged:
                merged[key].mentions.extend(actor.mentions)
                merged[key].extra["forms"].extend(actor.extra["forms"])
            else:
                merged[key] = actor
        for key, actor in list(merged.items()):  # "Mohamed, known by his nickname Farmajo"
            named = next((m.extras["alias_of"] for m in actor.mentions if m.extras.get("alias_of")), None)
            if named is None:
                continue
            toks = name_tokens(named)
            reals = [a for a in merged.values() if a is not actor and any(
                is_suffix(toks, f) or is_suffix(f, toks) or f == toks for f in a.extra["forms"])]
            real = reals[0] if len(reals) == 1 else None
            if real is not None:
                real.mentions.extend(actor.mentions)
                real.extra["forms"].extend(actor.extra["forms"])
                del merged[key]
        self.actors.extend(merged.values())

    def common_word(self, actor: Actor) -> bool:
        """A lone capitalised word the model took for a person ("Sermon on the Mount", "my
        Button works", "Riot police") that nothing else marks as one: no dictionary entry,
        title, honorific, given name or speech."""
        toks = actor.extra.get("lone")
        if not toks or len(toks) != 1 or actor.entry is not None or toks[0] in self.lex.given_names:
            return False
        if any(m.role or m.gender or m.role_country or m.extras.get("speaks") for m in actor.mentions):
            return False
        if any(self.lex.entries[i].kind == "person" for i in self.lex.surname_entries.get(toks[0], [])):
            return False  # "Bush", "Rice": a known person's surname
        return self.lex.is_common_word(toks[0])

    def surname_entry(self, toks: list[str]) -> DictEntry | None:
        """The person a lone name stands for: a curated entry, else the one person the
        historical dictionary lists under that single word ("OBAMA"), so that the name is
        the same actor in every article."""
        indices = self.lex.surname_entries.get(" ".join(toks), [])
        for index in indices:
            entry = self.lex.entries[index]
            if entry.curated:
                return entry
        return self.lex.entries[indices[0]] if len(indices) == 1 else None

    def finish_person(self, actor: Actor) -> None:
        lex = self.lex
        surfaces = [m.name for m in actor.mentions]
        longest = max(surfaces, key=lambda s: (len(name_tokens(s)), len(s)))
        if actor.entry is None:
            for cand in actor.mentions:
                entries = [e for e in lex.lookup(cand.name) if e.kind == "person"]
                if entries:
                    actor.entry = entries[0]
                    break
        if actor.entry is None and len(actor.name_tokens) >= 2:
            entry = self.surname_entry(actor.name_tokens[-1:])
            if entry and name_tokens(entry.canonical)[0] == actor.name_tokens[0]:
                actor.entry = entry
        if actor.entry is not None and actor.entry.curated:
            actor.name = actor.entry.canonical
        elif actor.entry is not None and actor.entry.kind == "person" and len(actor.name_tokens) == 1:
            actor.name = smart_title(actor.entry.canonical)  # a lone "Obama": "Barack Obama", as elsewhere
        else:
            actor.name = re.sub(r"(?:'s|\u2019s)$", "", longest).strip()
        actor.key_name = actor.name

    def persons_tagged_org(self, cands: list[Candidate]) -> None:
        """'Sebastien Lai' tagged ORG in a story about Jimmy Lai: a given name and the surname
        of a person named in the article, with no dictionary entry or organisation word, is a
        person."""
        surnames = {toks[-1] for c in cands if c.kind == "person" for toks in [name_tokens(c.name)] if len(toks) >= 2}
        for cand in cands:
            if cand.kind != "organization" or cand.entry is not None or cand.label != "ORG":
                continue
            words = cand.name.split()
            toks = name_tokens(cand.name)
            if 2 <= len(words) <= 3 and toks and toks[-1] in surnames and all(w[:1].isupper() for w in words) \
                    and not any(w.lower() in self.lex.org_heads for w in words):
                cand.kind = "person"

    # ---- organisations, countries, groups -------------------------------------------
    def organizations(self, cands: list[Candidate], person_forms: dict[str, Actor]) -> None:
        by_key: dict[str, Actor] = {}
        for cand in cands:
            folded = fold(cand.name)
            folded = folded[4:] if folded.startswith("the ") else folded
            if folded in person_forms:  # "Macron" tagged ORG
                person_forms[folded].mentions.append(cand)
                continue
            institution = cand.extras.get("institution")
            if institution:  # one per country: Russia's Foreign Ministry is not Ukraine's
                key = f"institution:{institution}|{cand.extras.get('institution_country', '')}"
            else:
                key = f"entry:{id(cand.entry)}" if cand.entry else f"name:{folded}"
            actor = by_key.get(key)
            if actor is None:
                actor = Actor("organization", "", [], entry=cand.entry)
                by_key[key] = actor
            actor.mentions.append(cand)
        # "the Interior Ministry" after "Kenya's Interior Ministry": the one placed body of that name
        for key, actor in list(by_key.items()):
            body, _, country = key.partition("|")
            if body.startswith("institution:") and not country:
                placed = [a for k, a in by_key.items() if k.startswith(body + "|") and k != key]
                if len(placed) == 1:
                    placed[0].mentions.extend(actor.mentions)
                    del by_key[key]
        # acronyms written out elsewhere in the article join the full name
        actors = list(by_key.values())
        for actor in actors:
            for other in actors:
                if other is actor or not other.mentions or not actor.mentions:
                    continue
                short = {m.name.strip() for m in actor.mentions}
                if any(initials(m.name) in short and initials(m.name) for m in other.mentions) and actor.entry is None:
                    other.mentions.extend(actor.mentions)
                    actor.mentions = []
        for actor in actors:
            if actor.mentions:
                self.finish_org(actor)
                self.actors.append(actor)

    def finish_org(self, actor: Actor) -> None:
        def clean(s: str) -> str:
            s = re.sub(r"(?:'s|\u2019s)$", "", s).strip()
            return s[4:] if s.lower().startswith("the ") else s

        surfaces = [clean(m.name) for m in actor.mentions]
        institution = next((m.extras["institution"] for m in actor.mentions if m.extras.get("institution")), None)
        if institution:
            actor.extra["institution"] = institution
            placed = [clean(m.extras["institution_surface"]) for m in actor.mentions if m.extras.get("institution_surface")]
            actor.name = max(placed or surfaces, key=lambda s: (len(s.split()), len(s)))
            actor.key_name = institution
            return
        if actor.entry and actor.entry.curated:
            # named as the article writes it when that is one of the entry's names, in full and no
            # shorter ("Zanu PF" for ZANU-PF), else by the entry's canonical name ("VOA" and "Red
            # Cross" are Voice of America and the International Committee of the Red Cross)
            canonical, listed = actor.entry.canonical, {fold(name) for name in actor.entry.names}
            written = [s for s in surfaces if len(s.split()) >= max(2, len(canonical.split())) and fold(s) in listed
                       and all(w[:1].isupper() or w in NAME_SMALL_WORDS for w in s.split())]
            if not written or any(fold(s) == fold(clean(canonical)) for s in written):
                actor.name = canonical  # "New York Times" is The New York Times
            else:
                actor.name = max(written, key=lambda s: (len(s.split()), len(s)))
            actor.key_name = actor.entry.canonical
        else:
            actor.name = max(surfaces, key=lambda s: (len(s.split()), len(s)))
            # named as the article writes it ("al-Shabab"); the dictionary's form keys it across articles
            actor.key_name = clean(actor.entry.canonical) if actor.entry else actor.name

    def countries(self, cands: list[Candidate]) -> None:
        by_iso: dict[str, Actor] = {}
        for cand in cands:
            actor = by_iso.setdefault(cand.iso3, Actor("country", cand.iso3, [], iso3=cand.iso3))
            actor.mentions.append(cand)
        for iso3, actor in by_iso.items():
            canonical, listed = self.lex.countries[iso3]["name"], set(self.lex.countries[iso3]["names"])
            # as the article writes it when that is one of the country's names in full, no
            # shorter ("Democratic Republic of Congo"), else its usual name ("U.S." is United States)
            written = [m.surface for m in actor.mentions if m.mention_kind == "name" and m.surface in listed
                       and words_without_the(m.surface) >= words_without_the(canonical)]
            actor.name = canonical if not written or canonical in written else max(written, key=len)
            actor.key_name = iso3
            actor.country = iso3
            self.actors.append(actor)

    def groups(self, cands: list[Candidate]) -> None:
        by_name: dict[str, Actor] = {}
        for cand in cands:
            name = cand.group["name"]
            actor = by_name.setdefault(name, Actor("group", name, [], group=cand.group))
            actor.mentions.append(cand)
        for actor in by_name.values():
            actor.name = actor.key_name
            actor.country, actor.sector = actor.group.get("country"), actor.group.get("sector")
            self.actors.append(actor)

    # ---- coding ---------------------------------------------------------------------------
    def entry_code(self, entry: DictEntry | None) -> tuple[str | None, str | None]:
        return decode(entry.code_on(self.published)) if entry else (None, None)

    def code_org(self, actor: Actor, org_at: dict) -> None:
        lex = self.lex
        country, sector = self.entry_code(actor.entry)
        if actor.entry is None:
            for cand in actor.mentions:
                words = cand.name.replace("\u2019s", "").replace("'s", "").split()
                if not country:
                    country = country_in_words(lex, words)
                lowered = [w.lower() for w in words]
                # "University of Somalia", "Observatory for Human Rights": the head comes before
                # the first preposition
                cut = next((k for k, w in enumerate(lowered) if k > 0 and w in HEAD_ENDS), len(lowered))
                head = lowered[cut - 1] if lowered else ""
                if head not in lex.org_heads and head.endswith("s") and head[:-1] in lex.org_heads:
                    head = head[:-1]  # "Economic and Trade Offices"
                if sector is None and head in lex.org_heads:
                    sector = lex.org_heads[head]
                # "the House", "U.S. House of Representatives", "the Senate Committee on Foreign Relations"
                skip = 0 if cand.extras.get("prefix_country") is None else min(3, len(lowered) - 1)
                if sector is None and (any(" ".join(lowered[k:]) in lex.legislature_names for k in range(skip + 1)) or (
                        words[0] in CHAMBER_WORDS and head in ("committee", "subcommittee"))):
                    sector = "LEG"
                if cand.sector_hint and sector is None:
                    sector = cand.sector_hint
                if sector in (None, "MIL") and NON_STATE_WORDS & {w.lower() for w in words}:
                    sector = "REB"  # "Free Coast Liberation Army": not a state's army
                if sector is None and (CAUSE_WORDS & set(lowered) or (
                        head in ("council", "committee") and cut < len(lowered) and lowered[cut] in ("on", "for"))):
                    sector = "NGO"  # "Council on Foreign Relations": a body with a cause and no state
                if sector is None and head in ("commission", "committee", "board") and {"election", "electoral"} & set(lowered):
                    sector = "GOV"  # an election commission is a state body
                leader = cand.extras.get("leader_entry")
                if leader is not None and country is None:
                    country = self.entry_code(leader)[0]
                if country is None and cand.extras.get("prefix_country"):
                    country = cand.extras["prefix_country"]
                if country is None and cand.extras.get("city"):
                    country = cand.extras["city"]
                if country is None and len(words) >= 2:
                    # "U.N. General Assembly", "EU Commission": a body of an international organisation
                    # ("European Council on Foreign Relations" is no body of the European Council)
                    parent = next((e for k in (1, 2, 3) if k < len(words) and lowered[k] not in HEAD_ENDS
                                   for e in lex.lookup(" ".join(words[:k]))[:1]), None)
                    if parent is not None and self.entry_code(parent)[0] == "IGO":
                        country, sector = "IGO", sector if sector == "JUD" else "IGO"
        if actor.extra.get("institution"):
            # its country is the one the text gives it, else the story's: never a dictionary guess
            country = next((m.extras["institution_country"] for m in actor.mentions
                            if m.extras.get("institution_country")), None)
        standing = next((m.extras["party_standing"] for m in actor.mentions if m.extras.get("party_standing")), None)
        sector = standing or sector
        if any(m.name.split()[-1:] == ["Party"] for m in actor.mentions) and all(
                w.lower() in lex.generic_party_words for m in actor.mentions for w in m.name.split()):
            actor.extra["generic_party"] = True  # "Democratic Party": whose depends on the story
        actor.country, actor.sector = country, sector

    def code_person(self, actor: Actor, org_lookup) -> None:
        lex = self.lex
        title_countries = Counter(m.role_country for m in actor.mentions if m.role_country)
        roles = [m.role for m in actor.mentions if m.role]
        actor.roles = list(dict.fromkeys(roles))
        affiliation_country = next((m.affiliation_country for m in actor.mentions if m.affiliation_country), None)
        org = patron = None
        for m in actor.mentions:
            for span in m.extras.get("affiliation_spans", []):
                org = org or org_lookup(span, "organization")
                patron = patron or org_lookup(span, "person", exclude=actor)
        if org is not None and org.country == "IGO" and any(lex.roles.get(r, {}).get("represents") for r in actor.roles):
            org = None  # "U.N. Ambassador Susan Rice" speaks for the United States at the UN
        city = next((m.extras.get("affiliation_city") for m in actor.mentions if m.extras.get("affiliation_city")), None)
        group_entry = next((m.extras["member_of_entry"] for m in actor.mentions if m.extras.get("member_of_entry")), None)
        entry_country, entry_sector = self.entry_code(actor.entry or group_entry)
        role_sectors = [lex.role_sector(r) for r in actor.roles]
        role_sector = next((s for s in role_sectors if s), None)
        role_country = next((lex.roles.get(r, {}).get("country") for r in actor.roles if lex.roles.get(r, {}).get("country")), None)
        # "a director at the Atlantic Council in Paris": where the person works says more about
        # them than where their organisation is based
        country = (title_countries.most_common(1)[0][0] if title_countries else None) or affiliation_country \
            or city or (org.country if org else None) or entry_country or role_country
        if country in ("IGO",) and org is not None:
            country = org.country
        sector = role_sector or (org.sector if org else None) or entry_sector
        if org is not None and org.sector != "GOV" and org.kind == "organization" and actor.roles \
                and all(lex.roles.get(r, {}).get("leader") for r in actor.roles if lex.role_sector(r) == "GOV"):
            # "president and CEO of the Distilled Spirits Council": heads an organisation,
            # not a state; the organisation's sector, if it has one, is the person's
            sector = org.sector or (role_sector if role_sector != "GOV" else None) or entry_sector
        generic_role = bool(actor.roles) and all(r in lex.anonymous for r in actor.roles)
        if org is not None and org.sector in ("IGO", "NGO", "MED", "EDU", "BUS") and (
                role_sector in (None, "NGO") or generic_role
                or (org.sector == "IGO" and role_sector == "GOV" and not title_countries and not affiliation_country)):
            # "a spokesperson for UNHCR": a spokesperson, official or adviser works for the
            # organisation; "the EU's chief negotiator" holds a post of the EU, not of a state
            sector = org.sector
            if org.country == "IGO" and not title_countries:
                country = "IGO"
        if any(m.extras.get("contributor") for m in actor.mentions):
            sector = "MED"  # named in a contributor line: a journalist, whatever else the line says
        if sector is None and kin_side(actor) is not None:
            sector = "CVL"  # "Lai's son Sebastien": named as a relative, with no post of their own
        if sector is None and not actor.roles and org is None and actor.entry is None and group_entry is None:
            sector = "CVL"  # named with no post, affiliation or dictionary entry: a private person (CAMEO CVL)
        role_mentions = [m for m in actor.mentions if m.role]
        if sector in STATE_SECTORS and role_mentions and all(m.extras.get("former") for m in role_mentions):
            sector = "ELI"  # CAMEO: former officials and officers are elites
        actor.country, actor.sector = country, sector
        actor.extra["affiliation"], actor.extra["patron"] = org, patron  # to place the person later
        actor.title = title_case(actor.roles[0]) if actor.roles else None
        own_country = (title_countries.most_common(1)[0][0] if title_countries else None) or entry_country
        if org is not None and org.kind == "organization" and own_country and own_country != "IGO":
            org.extra.setdefault("member_country", own_country)  # "leader of the Democratic Party"
        if org is not None and org.kind == "organization" and org.sector is None and role_sector == "MED":
            org.sector = "MED"  # "a journalist with NewsDay": what a journalist works for is media

    # ---- output ---------------------------------------------------------------------------
    def build(self, cands: list[Candidate]) -> list[Actor]:
        self.persons_tagged_org(cands)
        persons = [c for c in cands if c.kind == "person"]
        self.persons(persons)
        person_forms: dict[str, Actor] = {}
        first_words: dict[str, set[int]] = {}
        for actor in self.actors:
            for form in actor.extra.get("forms", []):
                person_forms.setdefault(" ".join(form), actor)
                person_forms.setdefault(form[-1], actor)
                if len(form) == 2:
                    first_words.setdefault(form[0], set()).add(id(actor))
        # "Sun" tagged ORG after "Sun Lijun": a family name written first, when one person's
        # two-word name starts with it and no organisation of that name is known
        by_id = {id(a): a for a in self.actors}
        for word, owners in first_words.items():
            if len(owners) == 1 and word not in person_forms and not self.lex.lookup(word):
                person_forms[word] = by_id[next(iter(owners))]
        for cand in cands:
            if cand.kind == "unknown":
                actor = person_forms.get(fold(cand.name))
                if actor is not None:
                    cand.kind = "person"
                    actor.mentions.append(cand)
        self.organizations([c for c in cands if c.kind == "organization"], person_forms)
        self.countries([c for c in cands if c.kind == "country"])
        self.groups([c for c in cands if c.kind == "group"])
        spans = {}
        for actor in self.actors:
            for m in actor.mentions:
                spans[(m.start_tok, m.end_tok)] = actor
        for actor in self.actors:
            if actor.kind == "organization":
                self.code_org(actor, spans)

        def org_lookup(tok_span, kind, exclude=None):
            # the organisation (or the person: "Trump's special envoy", "a spokesman for Sen.
            # X") named in the affiliation phrase; an organisation's name may run past the
            # phrase the parse gives ("the Council" + "of the United States")
            s, e = tok_span
            for (ms, me), actor in spans.items():
                if actor.kind == kind and actor is not exclude and ms < e and me > s:
                    return actor
            return None

        for actor in self.actors:
            if actor.kind == "person":
                self.code_person(actor, org_lookup)
        # named only in subheadings and captions ("'Honest Attitude'"), unknown to the dictionaries;
        # platforms only posted on ("said on Twitter")
        self.actors = [a for a in self.actors if not (a.kind in ("person", "organization") and a.entry is None
                                                      and all(m.extras.get("heading") for m in a.mentions))
                       and not (a.kind == "organization" and all(m.extras.get("medium") for m in a.mentions))]
        for actor in self.actors:
            actor.mentions.sort(key=lambda m: m.start)
        self.actors.sort(key=lambda a: a.first)
        return self.actors


def title_case(role: str) -> str:
    """'mayor' -> 'Mayor' (smart_title would read a short single word as an acronym),
    'chief of staff' -> 'Chief of Staff'."""
    titled = smart_title(role) if " " in role or "-" in role else role.capitalize()
    return " ".join(w.upper() if "." in w.rstrip(".") else w for w in titled.split())  # "U.S."


def kin_side(actor: Actor) -> str | None:
    return next((m.extras["kin"] for m in actor.mentions if m.extras.get("kin")), None)


def pick_owner(owners: list[Actor], start: int, generation: str | None = None) -> Actor:
    """Which of the persons sharing a surname a bare surname at `start` means: the one a
    generation word points to ("the younger Lai" and Lai's son), else the one the story
    introduced first: writers keep the bare surname for their main figure and name a relative
    in full ("Sebastien Lai") in a story about Jimmy Lai."""
    if generation and len(owners) > 1:
        sides = [kin_side(a) for a in owners]
        match = [a for a, side in zip(owners, sides) if side == generation]
        if not match and any(sides):
            match = [a for a, side in zip(owners, sides) if side is None]
        if len(match) == 1:
            return match[0]
    before = [a for a in owners if a.first <= start]
    if not before:
        return owners[0]
    return min(before, key=lambda a: a.first)


def sweep_surnames(doc, actors: list[Actor], body_end: int) -> None:
    """Surnames of the article's persons that the model did not tag ("Pedersen said")."""
    lex = load_lexicon()
    taken = {t for a in actors for m in a.mentions for t in range(m.start_tok, m.end_tok)}
    by_surname: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.kind == "person":
            for form in actor.extra.get("forms", []):
                if len(form) >= 2:
                    owners = by_surname.setdefault(form[-1], [])
                    if actor not in owners:
                        owners.append(actor)
    for tok in doc:
        if tok.idx >= body_end:
            break
        # the tagger sometimes calls a capitalised surname a NOUN ("Creemers said")
        if tok.i in taken or tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
            continue
        owners = by_surname.get(fold(tok.text))
        if not owners or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            continue
        given = doc[tok.i - 1] if tok.i else None
        if given is not None and unseen_given_name(lex, given, owners, taken):
            # "Rastafarian Feniya Mbewe" untagged in a story that tags "her daughter, Makeda
            # Mbewe": another person of that surname, and perhaps the one the surname means
            cand = Candidate(given.i, tok.i + 1, given.idx, tok.idx + len(tok.text), f"{given.text} {tok.text}",
                             "person", name=f"{given.text} {tok.text}", label="SURNAME")
            relative = Actor("person", cand.name, [cand], extra={"forms": [name_tokens(cand.name)]},
                             name_tokens=name_tokens(cand.name), name=cand.name)
            actors.append(relative)
            owners.append(relative)
            taken.update((given.i, tok.i))
            repick_bare_surnames(owners, fold(tok.text))
            continue
        generation = lex.generation_words.get(doc[tok.i - 1].lower_) if tok.i else None
        pick_owner(owners, tok.idx, generation).mentions.append(Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "person",
                                        name=tok.text, label="SURNAME"))
    for actor in actors:
        actor.mentions.sort(key=lambda m: m.start)


def unseen_given_name(lex, given, owners: list[Actor], taken: set[int]) -> bool:
    """A capitalised name word before a known surname that is none of its bearers' given names,
    nor a title, honorific, role or place word."""
    word = given.text
    if given.i in taken or given.pos_ != "PROPN" or not word[:1].isupper() or not word[1:].islower():
        return False
    low = word.lower()
    if low in lex.roles or low in lex.agents or low in lex.anonymous or word in lex.honorifics \
            or word in lex.country_by_name or word in lex.country_by_demonym or word in lex.city_country:
        return False
    return all(form[0] != fold(word) for owner in owners for form in owner.extra.get("forms", []) if len(form) >= 2)


def repick_bare_surnames(owners: list[Actor], surname: str) -> None:
    """Bare-surname mentions re-assigned once another bearer of the surname turns up."""
    bare = [(owner, m) for owner in owners for m in owner.mentions
            if m.end_tok - m.start_tok == 1 and fold(m.name) == surname]
    for owner, m in bare:
        owner.mentions.remove(m)
    for _, m in bare:
        pick_owner(owners, m.start, m.extras.get("generation")).mentions.append(m)


def words_without_the(name: str) -> int:
    return len([w for w in name.split() if w.lower() != "the"])


def actor_record(actor: Actor, initials: bool = False) -> dict:
    key = canonical_key(actor.kind, actor.key_name, initials)
    if actor.extra.get("institution") and actor.country:
        key = f"{key}|{actor.country}"  # "organization:foreign ministry|RUS"
    return {
        "actor_id": actor_id(key),
        "canonical_key": key,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "title": actor.title,
        "roles": actor.roles,
    }
