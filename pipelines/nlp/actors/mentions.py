"""Find actor mentions in a Doc: named persons, organisations, countries (names, demonyms,
capitals used as metonyms) and groups, each with the titles and affiliations written next
to it ("French President Emmanuel Macron", "Benjamin Haddad, a director at the Atlantic
Council"). Clustering into actors happens in pipelines.nlp.actors.cluster.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipelines.nlp.actors.lexicon import DictEntry, Lexicon, decode, folded
from pipelines.nlp.actors.names import fold
from pipelines.nlp.actors.phrases import (NAME_PARTICLES, POSSESSIVE_MARKS, TITLE_MODIFIERS, country_at,
                                          longest_match, longest_match_ending, looks_like_name, role_at,
                                          Title, split_prefix, strip_span, title_before, us_state_ending)
from pipelines.nlp.boilerplate import furniture_spans
from pipelines.nlp.doc_cache import doc_text, sentences, token_bounds

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# "Bureau of European" stops at an adjective of place: the name goes on after its "and"
FORMER_WORDS = {"former", "ex", "ex-", "retired"}  # a former official is an elite (ELI), not the government
PLACE_ADJECTIVE_ENDINGS = ("ean", "ian", "can", "ese", "ish", "ern", "tic")
MAX_PHRASE = 6
MODEL_DESIGNATION = re.compile(r"[A-Za-z]{1,4}-\d+[A-Za-z]?s?")  # "F-16s", "MiG-29", "S-400"
ORIGIN_PHRASES = {("originally", "from"), ("native", "of"), ("born", "in"), ("hails", "from")}
STREET_WORDS = {"avenue", "street", "road", "boulevard", "highway"}  # not "park": Nina Park is a person
FUNCTION_POS = {"PRON", "DET", "ADV", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "VERB"}  # "Who", "Will", "May"
# "With assistance by", "Additional reporting by", "Reporting by X; Editing by Y"
CREDIT_LINE = re.compile(r"[\W_]*(?:with\s+)?(?:additional\s+)?(?:assistance|reporting|writing|editing|research)"
                         r"\s+(?:by|from)\s", re.I)
# "X, known by his nickname Y", "X, also known as Y", "X, nicknamed Y"
NICKNAME = re.compile(r",?\s+(?:also\s+|better\s+|popularly\s+)?(?:known\s+(?:as|by\s+(?:his|her|the)\s+nickname)|"
                      r"nicknamed|dubbed)\s+[\"\u201c']?")
# verbs whose subject belongs to the organisation they name: "X lectures at Y", "X founded Y"
AFFILIATION_VERBS = {"teach", "lecture", "work", "serve", "found", "co-found", "head", "lead", "run", "chair",
                     "direct", "own", "manage"}
# the lower-case words a list of contributors may have: "AP writers X in Paris and Y"
CREDIT_WORDS = {"and", "in", "from", "of", "the", "'s", "\u2019s", "also", "staff", "writer", "writers", "reporter",
                "reporters", "correspondent", "correspondents", "researcher", "researchers", "producer", "producers",
                "editor", "editors", "journalist", "journalists", "photographer", "photographers", "contributor"}
# what may follow "contributed" in a contributor line: "to this report from Paris."
CONTRIBUTED_TAIL = re.compile(r"(?:\s+(?:reporting|research))?(?:\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article))?"
                              r"(?:\s+from\s+(?P<place>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?))?\s*(?:[.,;]|$)")
HEADING_WORDS = 6  # a line this short, with no sentence end, is a subheading
SENTENCE_ENDS = (".", "!", "?", ":", ";", ",", '"', "\u201d", "'", "\u2019", ")")


@dataclass
class Candidate:
    start_tok: int
    end_tok: int
    start: int
    end: int
    surface: str
    kind: str                      # person | organization | country | group
    mention_kind: str = "name"     # name | title | demonym
    name: str = ""                 # the name part without titles/honorifics
    iso3: str | None = None        # country mentions; also a country written in a title
    group: dict | None = None
    entry: DictEntry | None = None
    role: str | None = None
    role_country: str | None = None
    affiliation: "Candidate | None" = None
    affiliation_country: str | None = None
    gender: str | None = None
    sector_hint: str | None = None  # what the phrase itself says ("Russian forces" -> MIL)
    label: str = ""
    extras: dict = field(default_factory=dict)


# -- phrase matching on tokens ------------------------------------------------------------

class MentionFinder:
    def __init__(self, lex: Lexicon, doc: Doc, body_end: int):
        self.lex = lex
        self.doc = doc
        self.body_end = body_end
        self.candidates: list[Candidate] = []
        self.taken: set[int] = set()  # tokens already inside a name/title candidate
        self.sentences = sentences(doc)
        # token texts read once: the scans below look at every token, and doc[i] / span.text
        # build new objects on every call
        text = doc_text(doc)
        self.text = text
        starts, ends = token_bounds(doc)
        self.starts: list[int] = list(starts)
        self.texts: list[str] = [text[start:end] for start, end in zip(starts, ends)]
        self.with_ws: list[str] = [text[start:end] for start, end in zip(starts, starts[1:] + [len(text)])]
        self.ents = list(doc.ents)
        self.furniture = furniture_spans(text)
        self.speaking_bodies: list[tuple[int, int]] = []
        self.member_surnames: set[tuple[str, ...]] = set()  # of persons the dictionary files under a group

    def in_furniture(self, char: int) -> bool:
        k = bisect_left(self.furniture, (char + 1,)) - 1
        return k >= 0 and self.furniture[k][0] <= char < self.furniture[k][1]

    def phrase(self, start: int, end: int) -> str:
        """doc[start:end].text without building the Span."""
        return "".join(self.with_ws[start:end - 1]) + self.texts[end - 1]

    def country_at(self, i: int, end: int | None = None) -> tuple[int, str | None, str]:
        """phrases.country_at, answered at once when no country name or demonym starts here."""
        if not self.lex.country_starts.may_start(self.texts[i]):
            return i, None, ""
        return country_at(self.lex, self.doc, i, end=end)

    def role_at(self, i: int) -> tuple[int, str | None]:
        """phrases.role_at, answered at once when no role starts here (nor is a plural role)."""
        tok = self.doc[i]
        if not self.lex.role_starts.may_start(tok.lower_) and not (
                tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in self.lex.roles):
            return i, None
        return role_at(self.lex, self.doc, i)

    # ---- public -----------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        self.sites = self.site_names()
        self.ents = self.names_joined_by_and(self.ents)
        self.institutions_over_entities()
        ents = list(self.ents)
        for k, ent in enumerate(ents):
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            if ent.label_ == "PERSON" and nxt is not None and nxt.start == ent.end \
                    and self.doc[ent.end - 1].lower_ in NAME_PARTICLES and nxt.label_ in NAME_LABELS:
                ents[k + 1] = Span(self.doc, ent.start, nxt.end, label="PERSON")  # "Ursula von der" + "Leyen"
                continue
            credit = self.photo_credit(ent)
            if credit is not None:
                self.taken.update(range(*credit))  # nor "AP" of it, for the dictionary scan
                continue
            ent = self.hyphenated_given_name(ent)
            if ent.label_ in NAME_LABELS and ent.end_char <= self.body_end:
                self.from_entity(ent)
        self.speaker_scan()
        self.dictionary_scan()
        for start, end in self.speaking_bodies:  # after the dictionary: "Freedom and Justice Party said"
            self.add(start, end, "organization", label="ORG")
        self.country_scan()
        self.group_scan()
        self.contributors()
        self.untagged_affiliations()
        self.origins()
        self.candidates.sort(key=lambda c: (c.start, -c.end))
        self.nicknames()
        return self.candidates

    def nicknames(self) -> None:
        """'Mohamed, known by his nickname Farmajo', 'X, also known as Y', 'X, nicknamed Y':
        the name after is another name of the person before."""
        by_start = {c.start: c for c in self.candidates}
        for said in NICKNAME.finditer(self.text, 0, self.body_end):
            other = by_start.get(said.end())
            k = bisect_left(self.starts, said.start()) - 1  # the last token of the name before
            first = k
            while first > 0 and self.doc[first - 1].pos_ == "PROPN" and self.texts[first - 1][:1].isupper():
                first -= 1
            if other is None or other.kind not in ("person", "organization") or other.entry is not None \
                    or k < 0 or self.doc[k].pos_ != "PROPN":
                continue
            other.kind = "person"
            other.extras["alias_of"] = self.phrase(first, k + 1)

    def in_heading(self, char: int) -> bool:
        """A short line of its own with no sentence end: a subheading ("'Watertight'
        Cooperation", "Historic summit") or a caption fragment, not the article's opening line."""
        text = self.text
        line_start = text.rfind("\n", 0, char) + 1
        if line_start == 0:
            return False
        line_end = text.find("\n", char)
        line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
        return len(line.split()) <= HEADING_WORDS and not line.endswith(SENTENCE_ENDS)

    def photo_credit(self, ent: Span) -> tuple[int, int] | None:
        """'Carolyn Kaster/AP', 'REUTERS/Kim Hong-Ji': names joined by slashes credit a photo;
        neither the photographer nor the agency is in the news. The tokens of the whole credit,
        or None; a known name ("RFE/RL") is no credit."""
        doc = self.doc
        start, end = ent.start, ent.end
        while start >= 2 and doc[start - 1].text == "/" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            start -= 2
        while end + 1 < len(doc) and doc[end].text == "/" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            end += 2
        if not any(t.text == "/" for t in doc[start:end]) or self.lex.lookup(self.phrase(start, end)):
            return None
        return start, end

    def hyphenated_given_name(self, ent: Span) -> Span:
        """'Moon Jae' + '-in': the model stops a Korean given name at its hyphen."""
        doc, end = self.doc, ent.end
        if ent.label_ == "PERSON" and end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower and len(doc[end + 1]) <= 4:
            return Span(doc, ent.start, end + 2, label="PERSON")
        return ent

    # ---- helpers ----------------------------------------------------------------------
    def add(self, start: int, end: int, kind: str, **kw) -> Candidate | None:
        if start >= end or any(t in self.taken for t in range(start, end)):
            return None
        if self.furniture and self.in_furniture(self.starts[start]):
            return None  # a video carousel's headlines name other stories' actors
        text = self.phrase(start, end)
        if text in self.lex.platforms:  # "Twitter" tagged PERSON, or read as a speaker
            kind = "organization"
            kw = {**kw, "sector_hint": "BUS", "extras": {**kw.get("extras", {}), "prefix_country": self.lex.platforms[text]}}
        cand = Candidate(start, end, self.starts[start], self.starts[end - 1] + len(self.texts[end - 1]), text, kind, **kw)
        if not cand.name:
            cand.name = text
        if "[" in cand.name or "]" in cand.name:  # "[John] Kerry": an editor's insertion is part of the name
            cand.name = " ".join(cand.name.replace("[", " ").replace("]", " ").split())
        if kind == "organization" and self.texts[end - 1].lower() == "party":
            self.party_standing(cand)
        if kind == "organization":
            self.national_institution(cand)
        if kind in ("person", "organization") and self.in_heading(cand.start):
            cand.extras["heading"] = True
        if kind == "organization" and text in self.lex.platforms and self.posted_on(start, end):
            cand.extras["medium"] = True
        self.candidates.append(cand)
        self.taken.update(range(start, end))
        return cand

    def posted_on(self, start: int, end: int) -> bool:
        """'said on Twitter', 'took to Twitter', 'his Truth Social post', 'Matiangi's official
        Twitter account': a platform used as a medium, not acting."""
        doc = self.doc
        before = self.texts[start - 1].lower() if start > 0 else ""
        after = doc[end] if end < len(doc) else None
        took_to = before == "to" and start > 1 and doc[start - 2].lemma_.lower() in ("take", "turn", "go")
        return before in ("on", "via", "over", "his", "her", "their", "its", "official") or took_to \
            or before in POSSESSIVE_MARKS or (after is not None and (
                after.lower_ in self.lex.platform_uses or (after.pos_ == "NOUN" and after.is_lower)))  # "Twitter taunts"

    def national_institution(self, cand: Candidate) -> None:
        """'Kenya's High Court', 'the Kenya Interior Ministry', 'the Supreme Court of Pakistan':
        an institution every country has, with the country the text gives it (and the words
        that give it, for the actor's name)."""
        if cand.entry is not None and cand.entry.curated:
            return  # named in our own dictionary ("the French presidency" is the Élysée)
        doc, lex = self.doc, self.lex
        start, end = cand.start_tok, cand.end_tok
        first = start + 1 if doc[start].lower_ == "the" else start
        j, iso3, _ = self.country_at(first, end=end)
        if iso3 and j < end and doc[j].tag_ == "POS":
            j += 1
        body = lex.national_institution(self.phrase(j, end)) if j < end else None
        if body is None:
            return
        surface_start, surface_end = first, end
        if not iso3 and start >= 2 and doc[start - 1].tag_ == "POS":
            k, iso3 = longest_match_ending(doc, start - 1, lex.country_by_name, 5)
            surface_start = k if iso3 else surface_start
        elif not iso3:
            k, iso3 = longest_match_ending(doc, start, lex.country_by_name, 5)
            if not iso3:
                k, iso3 = longest_match_ending(doc, start, lex.country_by_demonym, 3)
            surface_start = k if iso3 else surface_start
        if not iso3 and end + 1 < len(doc) and doc[end].lower_ == "of":
            after = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            k, iso3, how = self.country_at(after) if after < len(doc) else (after, None, "")
            if iso3 and how == "name":
                surface_end = k
            else:
                iso3 = None
        cand.extras["institution"] = body
        if iso3:
            cand.extras["institution_country"] = iso3
            cand.extras["institution_surface"] = self.phrase(surface_start, surface_end)

    def party_standing(self, cand: Candidate) -> None:
        """'the ruling Socialist Party', 'the main opposition party': GOV or OPP, from the
        words between the determiner and the name."""
        for tok in reversed(self.doc[max(0, cand.start_tok - 4):cand.start_tok]):
            standing = self.lex.party_standing.get(tok.lower_)
            if standing:
                cand.extras["party_standing"] = standing
                return
            if tok.pos_ in ("DET", "PUNCT", "ADP", "CCONJ") and tok.text != "-":
                break

    def add_country(self, start: int, end: int, iso3: str, how: str, **kw) -> Candidate | None:
        return self.add(start, end, "country", iso3=iso3, mention_kind="demonym" if how == "demonym" else "name", **kw)

    # ---- entities ---------------------------------------------------------------------
    def from_entity(self, ent: Span) -> None:
        doc, lex = self.doc, self.lex
        for k in range(ent.start + 1, ent.end - 1):
            if doc[k].text in POSSESSIVE_MARKS and doc[k].tag_ == "POS":
                # "Al-Sharaa's HTS": two names
                self.from_entity(Span(doc, ent.start, k, label=ent.label_))
                self.from_entity(Span(doc, k + 1, ent.end, label=ent.label_))
                return
        start, end = strip_span(doc, ent.start, ent.end)
        paren = next((k for k in range(start + 1, end) if doc[k].text == "("), None)
        if paren is not None:  # "DOJ (Department of Justice": the name before the bracket
            start, end = strip_span(doc, start, paren)
        if start >= end:
            return
        if ent.label_ == "ORG" and "for" in self.texts[start + 1:end] and end + 1 < len(doc) and self.texts[end] == "in":
            place = next((e for e in self.ents if e.start == end + 1 and e.label_ in ("GPE", "LOC")), None)
            if place is not None:  # "Committee for Freedom in Hong Kong": the country is in the name
                end = place.end
        if ent.label_ == "ORG" and end - start >= 3:
            for k in range(start + 1, end - 1):
                j, title = self.role_at(k)
                if title and k < j < end and doc[k].text[:1].isupper() and "." in self.phrase(k, j) \
                        and looks_like_name(doc[j:end]) \
                        and doc[j].pos_ == "PROPN" and doc[end - 1].lower_ not in self.lex.org_heads \
                        and doc[end - 1].lower_ not in self.lex.unmistakable_org_heads:
                    # "Navy Rear Adm. Ola Berg": a body, then a titled person ("Justice Department" is no person)
                    self.from_entity(Span(doc, start, k, label="ORG"))
                    self.from_entity(Span(doc, k, end, label="PERSON"))
                    return
        if ent.label_ == "ORG" and end - start >= 2 and doc[end - 1].text[:1].isupper():
            j, rank = self.role_at(end - 1)
            if rank and j > end and "." in self.phrase(end - 1, j):  # "Navy Rear" + "Adm. John Kirby", "U.S. Army Col" + ". Steve Warren"
                end -= 1
        if ent.label_ == "ORG" and end - start >= 2 and self.ends_in_role(end) \
                and start < (role_start := self.role_start(start, end)) \
                and doc[role_start - 1].lower_ not in ("the", "of"):  # "Office of the Prime Minister" keeps its title
            if end < len(doc) and doc[end].pos_ == "PROPN":
                return  # "Homeland Security Secretary" before a name: a title, not an organisation
            end -= 1  # "State Department official": the department; the official is described apart
        half = (end - start) // 2
        if end - start >= 2 and (end - start) % 2 == 0 and self.phrase(start, start + half) == self.phrase(start + half, end):
            end = start + half  # "David Gee David Gee": a caption run into the text
        if self.outlet_service(start, end) or self.names_a_work(start, end):
            return
        text = self.phrase(start, end)
        if folded(text) in lex.roles:
            return  # "the Prime Minister": a title, the person it names is found apart
        if text.lower() in lex.not_actor_names or text.islower():
            return  # "security council" in "Ukrainian security council spokesman": no name
        if text in self.sites and not lex.lookup(text):
            return  # "Incirlik" of "Incirlik air base": a site, not an actor
        if start > 0 and doc[start - 1].lower_ == "the" and ("the " + text) in lex.groups:
            start -= 1
        g_end, group = longest_match(doc, start, lex.groups, 4) if lex.group_starts.may_start(doc[start].text) else (start, None)
        if group and g_end >= end and not (g_end < len(doc) and doc[g_end].pos_ == "PROPN") \
                and not self.another_party(start, group):
            self.add(start, g_end, "group", group=group, name=group["name"], label=ent.label_)
            return
        if self.inside_role(start, end):
            return  # "State" in "Secretary of State"
        j, iso3, how = self.country_at(start, end=end)
        if iso3 and j == end and self.curated_org_from(start, end):
            return  # "Pakistan" of "Pakistan Tehreek-e-Insaf": the party
        if iso3 and j == end:
            longer, longer_iso3, longer_how = self.country_at(start)
            if longer > end and not any(k in self.taken for k in range(end, longer)):
                self.country_phrase(start, longer, longer_iso3, longer_how)  # "Guinea" of "Guinea-Bissau"
                return
            if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].text[:1].isupper():
                return  # "Guinea-Lanta": a hyphenated name, not Guinea
            self.country_phrase(start, end, iso3, how)
            return
        known = [e for e in lex.lookup(text) if e.kind == "organization" or e.curated]
        if ent.label_ != "PERSON" and not known and self.named_person_noun(start, end):
            left = start
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN" \
                    and start <= doc[left - 1].head.i < end and left - 1 not in self.taken:
                left -= 1  # "Allah" of "Allah Ditta", left out of a GPE "Ditta"
            self.from_entity(Span(doc, left, end, label="PERSON"))
            return
        if ent.label_ in ("GPE", "LOC") and not known:
            self.place(start, end)
            return
        if ent.label_ == "PERSON" and text in lex.city_country and start == ent.start and not (
                start > 0 and doc[start - 1].text in lex.honorifics):
            return  # a city the model took for a person ("Bandar Abbas")
        if ent.label_ == "NORP":
            return  # religious/political groups and other adjectives are not actors here
        if ent.label_ == "PERSON" and self.country_as_given_name(start, end):
            name_start, role, role_iso3, countries, gender = start, None, None, [], None  # "Chad Gallegos"
        else:
            name_start, role, role_iso3, countries, gender = split_prefix(lex, doc, start, end)
        if countries and countries[0][0] == start and not role and start >= 2 and doc[start - 1].lower_ in ("to", "for"):
            posted = title_before(lex, doc, start - 1, self.sentences.of_token(start).start)
            if posted.role:  # "U.S. Ambassador to Burma Derek Mitchell": Burma is the posting
                role, role_iso3 = posted.role, posted.iso3
        if ent.label_ != "PERSON" and role and start < name_start < end and (
                doc[name_start].lower_ in ("and", "of", "for", "&") or lex.lookup(self.phrase(start, end))):
            name_start, role, role_iso3, countries, gender = start, None, None, [], None  # "Justice and Development Party"
        if ent.label_ == "ORG" and role == "general" and not countries and end - name_start == 1 and name_start > start:
            name_start, role, role_iso3, gender = start, None, None, None  # "General Motors", not General Motors
        for c_start, c_end, c_iso3, c_how in countries:
            self.add_country(c_start, c_end, c_iso3, c_how)
        if name_start >= end or self.phrase(name_start, end).islower():
            return  # "Ukrainian security council": a country and a description, no name
        name_span = doc[name_start:end]
        entries = lex.lookup(name_span.text)
        for drop in (1, 2):  # "Islamist Hayat Tahrir al-Sham": a known name after a descriptor
            if entries or end - name_start - drop < 1 or doc[name_start + drop - 1].pos_ not in ("ADJ", "PROPN", "NOUN"):
                break
            if doc[name_start + drop - 1].text.endswith(PLACE_ADJECTIVE_ENDINGS):
                break  # "European Council on Foreign Relations" is not the Council on Foreign Relations
            shorter = lex.lookup(self.phrase(name_start + drop, end))
            if shorter and (shorter[0].curated or end - name_start - drop > 1):
                name_start += drop
                name_span, entries = doc[name_start:end], shorter
        if not entries and end - name_start >= 2 and doc[end - 1].text in lex.country_by_name:
            # "UNHCR Kenya", "Save the Children Somalia": an organisation's country office
            entries = [e for e in lex.lookup(self.phrase(name_start, end - 1)) if e.kind == "organization"]
        entry = entries[0] if entries else None
        org_label = ent.label_ == "ORG" and entry is not None and not entry.curated and entry.kind == "person"
        member_of = None
        if ent.label_ == "PERSON" and entry is not None and entry.kind == "organization" and not entry.curated \
                and self.member_named(name_span, entry):
            member_of, entry = entry, None  # "Hassan Nasrallah", filed by the dictionary under Hezbollah
        if entry is None and role is None and ent.label_ in ("ORG", "FAC") and end - name_start == 1 \
                and name_span.text.lower() in lex.org_heads and lex.org_heads[name_span.text.lower()] != "LEG":
            return  # "Government", "Ministry": a generic word, not a name; "Congress" is one
        # the historical dictionary guesses kinds; the model's ORG is the better guess
        kind = "organization" if org_label else self.kind_of(ent.label_, name_span, entry, role)
        if kind is None:
            return
        sent_start = self.sentences.of_token(name_start).start
        title = title_before(lex, doc, start, sent_start) if name_start == start or not role else None
        if title and title.start_tok < start and kind in ("person", "organization"):
            if title.role and kind == "organization" and not entry:
                kind = "person" if looks_like_name(name_span) and ent.label_ != "ORG" else kind
            if title.iso3 and title.iso3_start is not None:
                self.add_country(title.iso3_start, title.iso3_end, title.iso3, "demonym")
            role = role or title.role
            role_iso3 = role_iso3 or title.iso3
            gender = gender or title.gender
        name = name_span.text
        if kind == "organization" and ent.label_ in ("ORG", "PERSON") and entry is None and role is None and countries \
                and countries[-1][1] == name_start and (countries[-1][3] == "demonym" or (
                    end - name_start >= 2 and not lex.national_institution(self.phrase(name_start, end)))):
            # "American Civil Liberties Union", "Hong Kong Economic and Trade Offices": the
            # country is in the name (not in "U.S. Justice Department")
            name = self.phrase(countries[-1][0], end)
        cand = self.add(name_start, end, kind, name=name, entry=entry, role=role,
                        role_country=role_iso3, gender=gender, label=ent.label_)
        if cand and member_of is not None and kind == "person":
            cand.extras["member_of_entry"] = member_of  # coded as its group is
            self.member_surnames.update(tuple(self.texts[k:end]) for k in range(name_start + 1, end))
        if cand and role:
            title_start = title.start_tok if title and title.start_tok < start else start
            if any(t.lower_ in FORMER_WORDS for t in doc[title_start:name_start]):
                cand.extras["former"] = True  # "former Foreign Minister ..."
        if cand and kind == "organization":
            described = next((c for c in doc[end - 1].children if c.dep_ == "appos" and c.i > end
                              and lex.org_descriptors.get(c.lemma_.lower())), None)
            if described is not None:  # "InterDots, a company that ...": what kind of body it is
                cand.sector_hint = lex.org_descriptors[described.lemma_.lower()]
            if end + 1 < len(doc) and doc[end].lower_ == "in":
                city = lex.city_country.get(doc[end + 1].text)
                if city:
                    cand.extras["city"] = city[0]
            if end + 1 < len(doc) and doc[end].lower_ == "of" and not (role_iso3 or countries):
                # "the Seafood Exporters Council of the United States": the model's name stops short
                j = end + 2 if doc[end + 1].lower_ == "the" else end + 1
                _, of_iso3, how = self.country_at(j) if j < len(doc) else (j, None, "")
                if of_iso3 and how != "demonym":
                    cand.extras["prefix_country"] = of_iso3
            if role_iso3 or countries:
                cand.extras["prefix_country"] = role_iso3 or countries[-1][2]
            elif name_start > 0:
                k, iso3_before = longest_match_ending(doc, name_start, lex.country_by_demonym, 3)
                iso3_before = iso3_before or self.based_in(name_start)
                if not iso3_before and name_start >= 2 and doc[name_start - 1].text in POSSESSIVE_MARKS:
                    _, iso3_before = longest_match_ending(doc, name_start - 1, lex.country_by_name, 5)  # "South Korea's"
                if iso3_before:
                    cand.extras["prefix_country"] = iso3_before
        if cand and kind == "person":
            root = name_span.root
            if root.dep_ == "nsubj" and root.head.lemma_.lower() in lex.cues.get("verbs", []):
                cand.extras["speaks"] = True  # "Harvey said": whatever the word, a speaker
            self.body_before(cand, title if title and title.start_tok < start else None)
            self.party_state(cand)
            self.apposition(cand)
            self.relatives(cand)
        if cand and kind == "person":
            self.administration(cand)

    def member_named(self, span: Span, entry: DictEntry) -> bool:
        """A person's name that the historical dictionary lists among a group's names (its
        leader's): two words or more, not the group's own name, no organisation word, and a
        given name, or an honorific or a role word right before it ("Hamas leader Khaled
        Meshaal"); or the surname of such a person named earlier ("Meshaal", "bin Laden")."""
        words = tuple(t.text for t in span)
        if words in self.member_surnames:
            return True
        group_words = set(fold(entry.canonical).replace("-", " ").split()) - NAME_PARTICLES
        if len(words) == 1 or not words[0][:1].isupper() or group_words & {fold(w) for w in words} or any(
                w.lower() in self.lex.org_heads or w.lower() in self.lex.unmistakable_org_heads for w in words):
            return False  # "Ansar al-Shariah" is the group Ansar al-Sharia, "al-Qassam" no given name
        before = self.texts[span.start - 1].lower() if span.start > 0 else ""
        return words[0].lower() in self.lex.given_names or before in self.lex.honorifics \
            or before in self.lex.roles

    def curated_org_from(self, start: int, end: int) -> bool:
        """A curated organisation whose name starts with the entity and runs past it; added."""
        longer = self.dictionary_names(start, min(len(self.doc), start + MAX_PHRASE))
        if not longer or longer[-1][0] <= end:
            return False
        stop, name, entries = longer[-1]
        if not (entries[0].curated and entries[0].kind == "organization") or self.ends_in_role(stop):
            return False
        return self.add(start, stop, "organization", entry=entries[0], name=name, label="DICT") is not None

    def names_a_work(self, start: int, end: int) -> bool:
        """A law, plan or prize ("Extended Fund Program", "the Paris Agreement" of "Paris"
        followed by "Agreement"): the name, run on over capitalised words, ends in a work noun,
        and neither it nor a leading part of it is a dictionary actor."""
        texts, k = self.texts, end
        while k < len(texts) and k - end < 4 and (texts[k][:1].isupper() or texts[k] in ("of", "for", "on")) \
                and texts[k] not in self.lex.work_heads:
            k += 1
        last = k if k < len(texts) and texts[k] in self.lex.work_heads else end - 1
        if texts[last] not in self.lex.work_heads or last == start:
            return False  # "Bill" alone is a given name
        # "United Nations Development Programme": a body of a known organisation
        return not any(self.lex.lookup(self.phrase(start, j)) for j in range(start + 1, last + 2))

    def is_language(self, token: Token) -> bool:
        return token.text in self.lex.languages or token.text in self.lex.country_by_demonym

    def role_start(self, start: int, end: int) -> int:
        """Where the role ending at `end` starts ("Prime" of "Office of the Prime Minister"),
        looking back up to three words but not before `start`; else the last word."""
        for k in range(max(start, end - 3), end):
            j, role = self.role_at(k)
            if role and j == end:
                return k
        return end - 1

    def outlet_service(self, start: int, end: int) -> bool:
        """An outlet's language service is the outlet: "VOA Albanian", "BBC Persian" (the outlet,
        named so), "Urdu Service" of "VOA's Urdu Service" (nothing more than the outlet named
        before it). True when the entity was handled so."""
        doc, lex = self.doc, self.lex
        k = end
        if k > start and doc[k - 1].lower_ in lex.service_words:
            k -= 1
        lang_start = k
        while lang_start > start and self.is_language(doc[lang_start - 1]):
            lang_start -= 1
        if lang_start == k:
            return False
        if lang_start == start:  # "Urdu Service" of "VOA's Urdu Service": nothing but the outlet
            if k < end and start >= 2 and doc[start - 1].text in POSSESSIVE_MARKS:
                self.taken.update(range(start, end))
                return True
            return False
        outlet = [e for e in lex.lookup(self.phrase(start, lang_start)) if e.kind == "organization"]
        if not outlet or not any(decode(code)[1] == "MED" for code, _, _ in outlet[0].codes):
            return False
        self.add(start, end, "organization", entry=outlet[0], name=self.phrase(start, lang_start), label="ORG")
        return True

    def named_person_noun(self, start: int, end: int) -> bool:
        """A name in apposition with a noun for a person ("another passenger, Allah Ditta,") or
        the subject of one ("Mahad Wasuge is the director of ..."), or right after a capitalised
        title ("Mayor Hadi Rudyatmo"): a person whatever the model's label."""
        lex, span = self.lex, self.doc[start:end]
        if not looks_like_name(span) or (len(span) == 1 and span[0].text.endswith(".")):
            return False  # "Rep. Darrell Issa, R-Calif., chairman of ...": a state, abbreviated
        if len(span) >= 2 and start > 0:
            # "Solo Mayor Hadi Rudyatmo" tagged GPE: a title right before a full name
            _, role = longest_match_ending(self.doc, start, lex.roles, lex.role_max_words, fold_case=True)
            if role is not None and self.doc[start - 1].text[:1].isupper():
                return True
        head = span.root
        linked = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":  # "Mahad Wasuge is the executive director"
            linked += [c for c in head.head.children if c.dep_ == "attr"]

        def person_noun(noun: Token) -> bool:
            lemma = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or lemma in lex.org_heads:
                return False
            if lemma in lex.anonymous:
                # an unnamed-source noun says person only in the singular beside a full name
                # ("Maja Kocijancic, EU spokeswoman for foreign affairs,")
                return noun.tag_ == "NN" and len(span) >= 2
            return lemma in lex.agents or lemma in lex.roles

        return any(person_noun(n) for n in linked)

    def names_joined_by_and(self, ents: list[Span]) -> list[Span]:
        """One organisation name that the model cut at its "and": "Bureau of European" +
        "Eurasian Affairs", "Heart and" + "Soul Television"; and two names the model ran together
        at theirs ("Department of Defense and State Department")."""
        doc, lex, texts = self.doc, self.lex, self.texts
        out: list[Span] = []
        for ent in ents:
            start = ent.start
            k = next((k for k in range(ent.start + 1, ent.end - 1) if texts[k] == "and"), None)
            first = ent.start + 1 if texts[ent.start].lower() == "the" else ent.start
            if k is not None and k > first and ent.label_ in ("ORG", "PERSON") and (texts[k + 1] == "The" or (
                    lex.lookup(self.phrase(first, k)) and lex.lookup(self.phrase(k + 1, ent.end)))):
                # "Goler and The Associated Press", "Department of Defense and State Department": two
                out += [Span(doc, ent.start, k, label=ent.label_), Span(doc, k + 1, ent.end, label=ent.label_)]
                continue
            if ent.label_ == "ORG" and start >= 2 and texts[start - 1] == "and":
                prev = out[-1] if out else None
                last = texts[prev.end - 1] if prev is not None else ""
                if prev is not None and prev.end == start - 1 and prev.label_ == "ORG" and (
                        last in lex.country_by_demonym or doc[prev.end - 1].pos_ == "ADJ"
                        or last.endswith(PLACE_ADJECTIVE_ENDINGS)):
                    out[-1] = Span(doc, prev.start, ent.end, label="ORG")  # "Bureau of European and ..."
                    continue
                word = doc[start - 2]
                if (prev is None or prev.end <= start - 2) and word.pos_ == "PROPN" and texts[start - 2][:1].isupper() \
                        and not word.is_sent_start and texts[start - 2] not in lex.country_by_name:
                    out.append(Span(doc, start - 2, ent.end, label="ORG"))  # "Heart and Soul Television"
                    continue
            out.append(ent)
        return out

    def site_names(self) -> set[str]:
        """Names written before a site noun somewhere in the article ("Dadaab refugee camp",
        "Incirlik (air base)", "the Kakuma camp"): places there, and so everywhere in it."""
        doc, lex, texts = self.doc, self.lex, self.texts
        sites: set[str] = set()
        # "the Haley camp" is a person's camp: names of the article's persons stay actors
        surnames = {texts[ent.end - 1] for ent in self.ents if ent.label_ == "PERSON" and len(ent) >= 2}
        for i, text in enumerate(texts):
            if text not in lex.site_heads or doc[i].pos_ != "NOUN":
                continue
            j = i - 1
            if j >= 0 and texts[j] in lex.site_modifiers:
                j -= 1
            if j >= 0 and texts[j] == "(" and i + 1 < len(texts) and texts[i + 1] == ")":
                j -= 1  # "Incirlik (air base)"
            if j < 0 or not texts[j][:1].isupper() or doc[j].pos_ != "PROPN" or texts[j] in surnames:
                continue
            start = j
            while start > 0 and doc[start - 1].pos_ == "PROPN" and texts[start - 1][:1].isupper() and j - start < 2:
                start -= 1
            sites.add(texts[j])
            sites.add(self.phrase(start, j + 1))
        return sites | self.territory_names(surnames)

    def territory_names(self, surnames: set[str]) -> set[str]:
        """Names the model took for persons or organisations that the article uses as places (or
        things): the "of" of a territory noun ("the kingdom of Kaabu"), a name in apposition with
        a territory, site or vehicle noun ("Solo, a city in Central Java", "the Jaffar Express, a
        train") or described as one ("Kurecik is a radar base"), or a one-word gazetteer place
        that only ever follows a locative preposition ("relocating to Okinawa")."""
        from pipelines.nlp.places import resolve_place

        lex, places, located = self.lex, set(), {}
        thing_heads = lex.territory_heads | lex.site_heads | lex.vehicle_heads
        for ent in self.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE") or ent.text in surnames or ent.text in lex.country_by_name \
                    or (ent.start > 0 and self.texts[ent.start - 1] in lex.honorifics):
                continue
            root, bare = ent.root, ent.text[4:] if ent.text[:4].lower() == "the " else ent.text
            prep = root.head if root.dep_ == "pobj" else None
            if prep is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN" \
                    and prep.head.text in lex.territory_heads:  # lower case: not "Kingdom of Spain"
                places.add(bare)
            elif any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.text in thing_heads for c in root.children):
                places.add(bare)  # "in Solo, a city in Central Java"; "Hagadera, a camp"
            elif len(ent) == 1 and ent.label_ == "PERSON":
                at_place = prep is not None and prep.lower_ in lex.locative_preps \
                    and prep.head.lemma_.lower() not in lex.not_locative_heads \
                    and prep.head.lower_ not in lex.not_locative_heads
                located[ent.text] = located.get(ent.text, True) and at_place
        for token in self.doc:  # "Kurecik is a U.S. radar base", tagged or not
            if token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.head.lemma_ == "be" and any(
                    c.dep_ == "attr" and c.pos_ == "NOUN" and c.text in thing_heads for c in token.head.children):
                first = min([c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token.i])
                places.add(self.doc[first:token.i + 1].text)
        places |= {text for text, only_there in located.items()
                   if only_there and (place := resolve_place(text)) is not None and place.kind != "country"}
        return places

    def inside_role(self, start: int, end: int) -> bool:
        for i in range(max(0, start - self.lex.role_max_words), start + 1):
            j, role = self.role_at(i)
            if role and j >= end and (i < start or j > end):
                return True
        return False

    def kind_of(self, label: str, span: Span, entry: DictEntry | None, role: str | None) -> str | None:
        if entry is not None:
            return entry.kind
        if span.text in self.lex.platforms and label in ("PERSON", "ORG", "GPE", "FAC"):
            return "organization"  # "Twitter" tagged PERSON: a company, when it acts at all (see add)
        if role and looks_like_name(span) and not self.org_head(span):
            return "person"
        if label == "PERSON":
            if any(ch.isdigit() for ch in span.text):
                return None  # "F-16s", "Anderson Cooper 360": no person's name has digits
            if len(span) >= 2 and span[-1].text[:1].isupper() and (
                    span[-1].lower_ in self.lex.territory_heads or span[-1].lower_ in STREET_WORDS):
                return None  # "Central Java Province", "Tim Mei Avenue": a place
            if (span[0].pos_ in ("ADP", "ADV", "VERB", "DET") and not self.named_person_noun(span.start, span.end)) or (any(
                    t.text in self.lex.country_by_name or t.text in self.lex.country_by_demonym for t in span)
                    and not self.country_as_given_name(span.start, span.end)):
                return None  # "Beyond Ukraine": not a name
            if self.lex.national_institution(span.text) or span[-1].lower_ in self.lex.unmistakable_org_heads:
                return "organization"  # "Interior Ministry", "Wan Guo Jin Liang Company" tagged PERSON
            words = [t.text for t in span if t.is_alpha]
            if len(words) >= 2 and all(self.lex.is_common_word(w) and w.lower() not in self.lex.given_names for w in words):
                return "organization"  # "Somali Public Agenda" tagged PERSON: common words are no name
            return "person" if looks_like_name(span) else None
        if label in ("ORG", "GPE") and span.start > 0 and looks_like_name(span) and (
                self.doc[span.start - 1].lower_ in self.lex.kinship or self.doc[span.start - 1].lower_ in self.lex.generation_words
                or (span.root.dep_ == "appos" and span.root.head.lemma_.lower() in self.lex.kinship)):
            return "person"  # "Lai's son Sebastien", "the younger Lai", "his daughter, Argita Malltezi"
        if label == "ORG":
            if MODEL_DESIGNATION.fullmatch(span.text):
                return None  # "F-16s", "S-400": a weapon, not a body (the G-20 is in the dictionary)
            if len(span) == 1 and span[0].pos_ not in ("PROPN",) and not span.text.isupper():
                return None  # "Suffice" at the start of a sentence
            if span.text in self.lex.city_country:
                return None  # "Copenhagen" hosting a summit: a place
            return "organization" if self.plausible_org(span) else None
        if label == "FAC":
            return "organization" if self.org_head(span) else None
        return None

    def country_as_given_name(self, start: int, end: int) -> bool:
        """'Chad Gallegos', 'Israel Katz': a given name that is also a country's, then a surname."""
        doc, lex = self.doc, self.lex
        return end - start == 2 and doc[start].lower_ in lex.given_names and doc[start].text in lex.country_by_name \
            and doc[end - 1].pos_ == "PROPN" and doc[end - 1].text not in lex.country_by_name

    def org_head(self, span: Span) -> str | None:
        last = span[-1].lower_
        return last if last in self.lex.org_heads else None

    def plausible_org(self, span: Span) -> bool:
        words = [t for t in span if not t.is_punct]
        if not words or not any(t.text[:1].isupper() for t in words):
            return False
        if len(words) == 1 and words[0].lower_ in self.lex.roles:
            return False  # "State" in "Secretary of State"
        if all(t.like_num for t in words):
            return False
        if words[0].lower_ in self.lex.place_heads or words[-1].lower_ in self.lex.place_heads:
            return False  # "Place of Versailles", "Tahrir Square": places, not actors
        return True

    def place(self, start: int, end: int) -> None:
        """A city is a place, unless a capital acts as its government ("Moscow said")."""
        doc, lex = self.doc, self.lex
        city = lex.city_country.get(self.phrase(start, end))
        head = doc[start:end].root
        if city and city[1] and head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            self.add(start, end, "country", iso3=city[0], mention_kind="name", extras={"metonym": True})
        elif not city and looks_like_name(doc[start:end]) and end - start <= 3:
            # possibly a person the model took for a place; kept only if a person has this name
            self.add(start, end, "unknown", name=self.phrase(start, end), label="GPE")

    def country_phrase(self, start: int, end: int, iso3: str, how: str) -> None:
        """A country or demonym, extended over a following head noun that makes it an
        institution of that country ("Russian forces", "the Ukrainian government")."""
        doc, lex = self.doc, self.lex
        sector, ext_end = None, end
        if end < len(doc):
            institution = lex.lookup(self.phrase(start, end + 1))
            if institution and institution[0].curated and institution[0].kind == "organization":
                self.add(start, end + 1, "organization", entry=institution[0], name=self.phrase(start, end + 1), label="DICT")
                return  # "French presidency" is the Élysée, not France
        if how == "demonym" and end < len(doc):
            k = end
            while k < min(len(doc) - 1, end + 2) and doc[k].pos_ == "ADJ":
                k += 1  # "Iraqi special forces", "Russian armed forces"
            nxt = doc[k]
            if nxt.lower_ in lex.org_heads and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in lex.anonymous:
                sector, ext_end = lex.org_heads[nxt.lower_], k + 1
        self.add_country(start, ext_end, iso3, how, sector_hint=sector, name=self.phrase(start, end))
        if how == "name" and ext_end == end:
            self.possessive_institution(end)

    def possessive_institution(self, end: int) -> None:
        """'Pakistan's parliament', 'Kenya's electoral commission': after a country's name in the
        possessive, an institution in lower case is an actor of that country (national_institution
        gives it the country and the name)."""
        texts = self.texts
        if end + 1 >= len(texts) or texts[end] not in POSSESSIVE_MARKS:
            return
        k = end + 1
        while k < len(texts) and k - end <= 3 and texts[k].islower() and texts[k].isalpha():
            k += 1
        for stop in range(k, end + 1, -1):  # the longest first
            if self.phrase(end + 1, stop) in self.lex.possessive_institutions:
                self.add(end + 1, stop, "organization", label="ORG")
                return

    # ---- appositions and "X administration" --------------------------------------------
    def apposition(self, cand: Candidate) -> None:
        """Role, affiliation and country from an apposition: "Benjamin Haddad, a senior
        director for Europe at the Atlantic Council in Paris"."""
        doc, lex = self.doc, self.lex
        root = doc[cand.start_tok:cand.end_tok].root
        appos = [c for c in root.children if c.dep_ == "appos" and c.i >= cand.end_tok]
        if root.dep_ == "appos" and root.head.i < cand.start_tok:
            appos.append(root.head)
        if not appos and root.dep_ == "nsubj" and root.head.lemma_ == "be" and root.head.i > root.i:
            # "Mahad Wasuge is the executive director of the group ...": read like an apposition
            appos = [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        for head in appos[:1]:
            span = doc[head.left_edge.i:head.right_edge.i + 1]
            if span.end - span.start > 30:
                span = doc[span.start:span.start + 30]
            self.read_description(cand, span, head)
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in AFFILIATION_VERBS and root.head.i > root.i:
            # "X lectures at the University of Somalia", "X founded Beru Corporation"
            verb = root.head
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
            preps = [c for c in verb.children if c.dep_ == "prep"]
            preps += [c2 for c in preps for p in c.children if p.dep_ == "pobj"  # "on politics at the ..."
                      for c2 in p.children if c2.dep_ == "prep"]
            objects += [p for c in preps if c.lower_ in ("at", "for", "with")
                        for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
            for obj in objects[:1]:
                cand.extras.setdefault("affiliation_spans", []).append((obj.left_edge.i, obj.i + 1))
        # "Sirio Canos-Donnay from the Spanish National Research Council": the body right after the name
        prep = next((c for c in root.children if c.dep_ == "prep" and c.i == cand.end_tok
                     and c.lower_ in ("of", "from", "with", "at")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if prep else None
        if pobj is not None:
            cand.extras.setdefault("affiliation_spans", []).append((pobj.left_edge.i, pobj.i + 1))

    def body_before(self, cand: Candidate, title: Title | None) -> None:
        """The organisation written in front of a person: the body of the title ("State
        Department spokeswoman Heather Nauert") or an owner ("NBC's Chuck Todd")."""
        doc = self.doc
        if title is not None and title.body is not None:
            cand.extras.setdefault("affiliation_spans", []).append(title.body)
        lead = title.start_tok if title is not None else cand.start_tok
        if lead >= 2 and doc[lead - 1].text in POSSESSIVE_MARKS and doc[lead - 2].ent_type_ in ("ORG", "PERSON"):
            # an organisation, or a person the named one works for ("Trump's lawyer X")
            cand.extras.setdefault("affiliation_spans", []).append((lead - 2, lead - 1))

    def based_in(self, start: int) -> str | None:
        """'the Washington-based Arms Control Association', 'the U.S.-based ...': the country
        of the place an organisation is based in."""
        doc, lex = self.doc, self.lex
        if start >= 1 and doc[start - 1].lower_.endswith("-based") and len(doc[start - 1]) > 6:
            place = doc[start - 1].text[:-6]
            city = lex.city_country.get(place)
            return lex.country_by_name.get(place) or (city[0] if city else None) \
                or ("USA" if place in lex.us_states else None)
        if start >= 3 and doc[start - 1].lower_ == "based" and doc[start - 2].text == "-":
            j = start - 2
            k1, iso3 = longest_match_ending(doc, j, lex.country_by_name, 5)
            k2, city = longest_match_ending(doc, j, lex.city_country, 3)
            k3 = us_state_ending(lex, doc, j)
            found = [(k1, iso3)] if iso3 else []
            found += [(k2, city[0])] if city else []
            found += [(k3, "USA")] if k3 is not None else []
            return min(found)[1] if found else None  # the longest name: "New York", not York
        return None

    def party_state(self, cand: Candidate) -> None:
        """'Rep. Darrell Issa, R-Calif.,', 'Sen. John McCain (R-Ariz.)': a member of the US
        Congress, whatever title the text gives."""
        doc, i = self.doc, cand.end_tok
        if i + 3 < len(doc) and doc[i].text in (",", "(") and doc[i + 1].text in ("R", "D", "I") \
                and doc[i + 2].text == "-" and doc[i + 3].text in self.lex.us_state_marks:
            cand.role_country = cand.role_country or "USA"
            cand.role = cand.role or "lawmaker"

    def read_description(self, cand: Candidate, span: Span, head: Token) -> None:
        doc, lex = self.doc, self.lex
        i = span.start
        while i < span.end:
            j, role = role_at(lex, doc, i, end=span.end)
            if role and not cand.role and doc[i].i <= head.i <= j:
                cand.role = role
                if any(t.lower_ in FORMER_WORDS for t in doc[span.start:i + 1]):
                    cand.extras["former"] = True  # "Thomas Countryman, a former U.S. diplomat"
            j2, iso3 = longest_match(doc, i, lex.country_by_demonym, 3, end=span.end)
            # a nationality modifies the role noun ("a French diplomat"); "an Iran analyst"
            # or "envoy for Syria" name a topic, not a nationality
            if iso3 and not cand.role_country and not cand.affiliation_country \
                    and doc[j2 - 1].dep_ in ("amod", "compound", "nmod") and doc[j2 - 1].head.i == head.i \
                    and doc[j2 - 1].text not in lex.country_by_name:
                cand.affiliation_country = iso3
            j3, owner = longest_match(doc, i, lex.country_by_name, 5, end=span.end)
            if owner and not cand.role_country and not cand.affiliation_country and j3 < span.end \
                    and doc[j3].text in POSSESSIVE_MARKS and doc[j3 - 1].head.i == head.i:
                cand.affiliation_country = owner  # "Israel Katz, Israel's foreign minister"
            i = max(i + 1, j if role else i + 1, j2)
        if not cand.role and head.lemma_.lower() == "member":
            # "a member of the upper house", "a member of the Knesset": a lawmaker
            body = next((p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), None)
            if body is not None and (lex.org_heads.get(body.lower_) == "LEG" or body.lower_ in ("house", "legislature")
                                     or self.legislature_named(body)):
                cand.role = "lawmaker"
        if not cand.role:
            # the role noun itself from the wider agents dictionary ("a lawyer", "a refugee")
            cand.role = next((w for w in (head.lower_, head.lemma_.lower()) if w in lex.agents), None)
        for tok in span:
            if tok.dep_ == "poss" and tok.head.i == head.i and tok.pos_ == "PROPN":
                # "Trump's special envoy, Steve Witkoff": whom or what the person works for
                cand.extras.setdefault("affiliation_spans", []).append((tok.i, tok.i + 1))
            if tok.dep_ == "compound" and tok.head.i == head.i and tok.pos_ == "PROPN":
                # "the United Nations Emergency Relief Coordinator"
                cand.extras.setdefault("affiliation_spans", []).append((tok.left_edge.i, tok.i + 1))
            if tok.dep_ == "prep" and tok.lower_ in ("at", "of", "with", "from", "for"):
                for pobj in tok.children:
                    if pobj.dep_ == "pobj":
                        org = doc[pobj.left_edge.i:pobj.i + 1]
                        cand.extras.setdefault("affiliation_spans", []).append((org.start, org.end))
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.text in lex.city_country:
                cand.extras.setdefault("affiliation_city", lex.city_country[tok.text][0])

    def legislature_named(self, head: Token) -> bool:
        """A legislature the dictionaries code, named by the phrase of `head` ("the Knesset")."""
        start, end = strip_span(self.doc, head.left_edge.i, head.i + 1)
        return start < end and any("LEG" in (e.code_on(None) or "")[3:] for e in self.lex.lookup(self.phrase(start, end)))

    def relatives(self, cand: Candidate) -> None:
        """Kinship written next to a name ("Lai's son Sebastien", "the son of Jimmy Lai") and
        generation words ("the younger Lai"), to tell relatives with one surname apart."""
        doc, lex = self.doc, self.lex
        if cand.start_tok > 0:
            before = doc[cand.start_tok - 1].lower_
            if before in lex.generation_words:
                cand.extras["generation"] = lex.generation_words[before]
            if before in lex.kinship:
                cand.extras["kin"], cand.extras["kin_noun"] = lex.kinship[before], before
        root = doc[cand.start_tok:cand.end_tok].root
        # "Elena Vasilescu, his wife," but not "Dorin Vasilescu, his wife, Elena Vasilescu"
        nouns = [c for c in root.children if c.dep_ == "appos"
                 and not any(g.dep_ == "appos" and g.pos_ == "PROPN" for g in c.children)]
        nouns += [root.head] if root.dep_ == "appos" else []
        noun = next((n.lemma_.lower() for n in nouns if n.lemma_.lower() in lex.kinship), None)
        if noun and "kin" not in cand.extras:
            cand.extras["kin"], cand.extras["kin_noun"] = lex.kinship[noun], noun
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in lex.kinship:
            # "the son of Jimmy Lai": Jimmy Lai is the other side
            side = lex.kinship[root.head.head.lemma_.lower()]
            cand.extras.setdefault("kin", {"child": "parent", "parent": "child"}.get(side, side))

    def administration(self, cand: Candidate) -> None:
        """'the Biden administration': an organisation named after a person."""
        doc, lex = self.doc, self.lex
        if cand.end_tok < len(doc) and doc[cand.end_tok].lower_ in ("administration", "government", "cabinet"):
            self.candidates.remove(cand)
            self.taken.difference_update(range(cand.start_tok, cand.end_tok))
            span = doc[cand.start_tok:cand.end_tok + 1]
            leader = cand.entry or next((e for e in lex.lookup(cand.name) if e.kind == "person"), None)
            self.add(span.start, span.end, "organization", name=span.text, label="ORG",
                     sector_hint="GOV", extras={"led_by": cand.name, "leader_entry": leader})

    def speaker_scan(self) -> None:
        """Proper-noun subjects of speech verbs that the model did not tag ("said Mayor Ana
        Ruiz"): read as a person when the name has two words or comes with a title."""
        doc, lex = self.doc, self.lex
        cues = set(lex.cues.get("verbs", []))
        for tok in doc:
            if tok.idx >= self.body_end:
                break
            if tok.lemma_.lower() not in cues or tok.pos_ != "VERB":
                continue
            for subj in tok.children:
                if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "PROPN" or subj.i in self.taken:
                    continue
                start = subj.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, subj.i + 1) \
                        and doc[start - 1].text[:1].isupper():
                    start -= 1
                span = doc[start:subj.i + 1]
                if any(t in self.taken for t in range(span.start, span.end)):
                    continue
                if subj.lower_ in lex.org_heads or subj.lower_ in lex.unmistakable_org_heads:
                    if len(span) >= 2 and all(t.text[:1].isupper() for t in span):
                        self.speaking_bodies.append((span.start, span.end))  # "Qassam Brigades said": a body
                    continue  # "the Department said": a description
                name_start, role, *_ = split_prefix(lex, doc, span.start, span.end)
                title = title_before(lex, doc, span.start, self.sentences.of_token(span.start).start)
                words = span.end - name_start
                if words >= 2 or role or title.role or title.gender or lex.lookup(doc[name_start:span.end].text):
                    self.from_entity(Span(doc, span.start, span.end, label="PERSON"))

    # ---- dictionary, countries and groups outside entities ------------------------------
    def institutions_over_entities(self) -> None:
        """Organisation names the model cut into pieces ("Syrian" + "Democratic Forces")."""
        doc, lex, texts = self.doc, self.lex, self.texts
        ent_of = {t: k for k, ent in enumerate(self.ents) for t in range(ent.start, ent.end)}
        for ent in self.ents:
            if ent.label_ not in ("ORG", "NORP", "GPE", "FAC", "PERSON") or ent.end_char > self.body_end:
                continue
            for start in range(max(0, ent.start - 5), ent.start + 1):
                if not texts[start][:1].isupper():
                    continue
                names = self.dictionary_names(start, min(len(doc), ent.end + 3))
                for end, _, found in reversed(names):  # the longest first
                    if end < ent.end or (start, end) == (ent.start, ent.end):
                        continue
                    entries = [e for e in found if e.kind == "organization" or (e.curated and e.kind == "person")]
                    if not entries or self.ends_in_role(end):
                        continue  # "State Department official" is an official, described apart
                    covered = {ent_of[t] for t in range(start, end) if t in ent_of}
                    if entries[0].kind == "organization" and any(
                            self.ents[c].label_ == "PERSON" and len(self.ents[c]) >= 2
                            and start <= self.ents[c].start and self.ents[c].end <= end for c in covered):
                        continue  # "White House Press Secretary Jay Carney": a person, whatever the dictionary files
                    if len(covered) > 1 or end - start > ent.end - ent.start:
                        if entries[0].kind == "person":  # "Ursula von der" + "Leyen"
                            self.from_entity(Span(doc, start, end, label="PERSON"))
                        else:
                            self.add(start, end, "organization", entry=entries[0], name=self.phrase(start, end), label="DICT")
                        break

    def ends_in_role(self, end: int) -> bool:
        last = self.doc[end - 1].lower_
        return (last in self.lex.anonymous or last in self.lex.roles) and last not in self.lex.org_heads

    def dictionary_names(self, start: int, last_end: int) -> list[tuple[int, str, list[DictEntry]]]:
        """(end, phrase, entries) of every dictionary name doc[start:end] with end <= last_end
        and no token taken, shortest first. The phrase grows a token at a time and stops as
        soon as no name starts with it, so most tokens cost one prefix probe."""
        found = []
        for end in range(start + 1, last_end + 1):
            if end - 1 in self.taken:
                break
            text = self.phrase(start, end)
            key = folded(text)
            if not self.lex.entry_starts.may_start(key):
                break
            if key in self.lex.entry_by_name:
                found.append((end, text, self.lex.lookup(text)))
        return found

    def dictionary_scan(self) -> None:
        """Curated actors and multi-word dictionary names that the model did not tag."""
        doc, lex, texts, taken = self.doc, self.lex, self.texts, self.taken
        i = 0
        while i < len(doc):
            if self.starts[i] >= self.body_end:
                break
            first = texts[i]
            is_the = first.lower() == "the"
            if i in taken or not (first[:1].isupper() or is_the):
                i += 1
                continue
            start = i + 1 if is_the else i
            found = None
            if start < len(doc) and texts[start][:1].isupper():  # names start capitalised
                # the last one that qualifies is the longest
                for j, text, entries in self.dictionary_names(start, min(len(doc), start + MAX_PHRASE)):
                    if folded(text) in lex.roles or folded(text) in lex.agents or self.ends_in_role(j):
                        continue  # role phrases ("Secretary of State", "State Department official") are not actors
                    entry = entries[0]
                    single = j - start == 1
                    if single and not (entry.curated or (text.isupper() and len(text) >= 3)):
                        continue
                    if single and not text.isupper() and doc[start].pos_ in FUNCTION_POS:
                        continue  # "Who is dead?" is not the WHO
                    if entry.kind == "person" and single:
                        continue  # bare surnames are resolved against full names later
                    found = (start, j, entry)
            if found:
                s, e, entry = found
                self.add(s, e, entry.kind, entry=entry, name=self.phrase(s, e), label="DICT")
                i = e
            else:
                i += 1

    def country_scan(self) -> None:
        doc, texts = self.doc, self.texts
        for i in range(len(doc)):
            if self.starts[i] >= self.body_end:
                break
            if i in self.taken or not texts[i][:1].isupper():
                continue
            j, iso3, how = self.country_at(i)
            if iso3 and not any(k in self.taken for k in range(i, j)):
                if j < len(doc) and texts[j][:1].isupper() and doc[j].pos_ == "PROPN" and how == "name":
                    continue  # part of a longer proper name
                if j + 1 < len(doc) and texts[j] == "-" and texts[j + 1][:1].isupper() and self.country_at(j + 1)[1] is None:
                    continue  # "Guinea-Lanta": a hyphenated name, not Guinea ("Russia-Ukraine" stays two)
                self.country_phrase(i, j, iso3, how)

    def origins(self) -> None:
        """'Michelle Takahashi, who is originally from Taiwan', 'X, a native of Ghana', 'X, who
        was born in Syria': where a person comes from is their country, unless a title says more."""
        texts = self.texts
        for cand in [c for c in self.candidates if c.kind == "person" and not c.affiliation_country]:
            sent_end = self.sentences.of_token(cand.start_tok).end
            for k in range(cand.end_tok, min(sent_end - 2, cand.end_tok + 6)):
                pair = (texts[k].lower(), texts[k + 1].lower())
                if pair in ORIGIN_PHRASES:
                    at = k + 3 if texts[k + 2].lower() == "the" else k + 2
                    iso3 = self.country_at(at)[1] if at < len(texts) else None
                    if iso3:
                        cand.affiliation_country = iso3
                    break

    def untagged_affiliations(self) -> None:
        """'analyst Atilla Yesilada of Global Source Partners': a capitalised name after a person
        and "of", "at" or "with" that ends in an organisation noun is that person's organisation,
        when the model did not tag it."""
        doc, texts, lex = self.doc, self.texts, self.lex
        for cand in [c for c in self.candidates if c.kind == "person"]:
            k = cand.end_tok
            if k + 1 >= len(doc) or texts[k] not in ("of", "at", "with"):
                continue
            start = k + 2 if texts[k + 1] == "the" else k + 1
            stop = start
            while stop < len(doc) and stop - start < 5 and stop not in self.taken \
                    and doc[stop].pos_ == "PROPN" and texts[stop][:1].isupper():
                stop += 1
            if stop - start >= 2 and (texts[stop - 1].lower() in lex.org_heads
                                      or texts[stop - 1].lower() in lex.unmistakable_org_heads):
                self.add(start, stop, "organization", label="ORG")

    # ---- "X and Y contributed to this report" -------------------------------------------
    def contributors(self) -> None:
        """The journalists of a contributor line ("AP writers X in Paris and Y contributed to
        this report", "With assistance by X, Y", "Reporting by X; Editing by Y") work for the
        news media, where the line says or else where the story is."""
        for sent in self.sentences.spans:
            if sent.start_char >= self.body_end:
                break
            segment = self.credit_segment(sent)
            if segment is None:
                continue
            start, end, place = segment
            for k in range(start, end):  # names the model missed or took for organisations
                if k not in self.taken and self.doc[k].pos_ == "PROPN" and self.texts[k][:1].isupper():
                    stop = k
                    while stop < end and stop not in self.taken and self.doc[stop].pos_ == "PROPN":
                        stop += 1
                    if 2 <= stop - k <= 4 and not self.lex.lookup(self.phrase(k, stop)):
                        self.add(k, stop, "person", label="PERSON")
            for cand in self.candidates:
                if not (start <= cand.start_tok and cand.end_tok <= end):
                    continue
                if cand.kind == "organization" and cand.entry is None and cand.label == "ORG" \
                        and looks_like_name(self.doc[cand.start_tok:cand.end_tok]) and not self.lex.lookup(cand.name):
                    cand.kind = "person"  # "Editing by Toby Chopra"
                if cand.kind != "person":
                    continue
                cand.extras["contributor"] = True
                nxt = cand.end_tok
                own = self.lex.city_country.get(self.texts[nxt + 1]) if nxt + 1 < end and self.texts[nxt] == "in" else None
                if own or place:
                    cand.extras["affiliation_city"] = (own or place)[0]  # "X in Beirut", "... from Paris"

    def credit_segment(self, sent: Span) -> tuple[int, int, tuple | None] | None:
        """The tokens that list the contributors of a credit line, and the place it names."""
        text = self.text[sent.start_char:sent.end_char]
        credit = CREDIT_LINE.match(text)  # anchored: fails at once on most sentences
        if credit is not None:
            first = next((t.i for t in sent if t.idx >= sent.start_char + credit.end()), sent.end)
            return first, sent.end, None
        if "contributed" not in text:
            return None
        verb = next((t for t in sent if t.lower_ == "contributed"), None)
        if verb is None or not all(t.text[:1].isupper() or t.is_punct or t.lower_ in CREDIT_WORDS
                                   for t in sent[:verb.i - sent.start]):
            return None  # "He said Smith contributed", "The donor Ivan Petrov contributed to the campaign"
        tail = CONTRIBUTED_TAIL.match(text[verb.idx + len(verb.text) - sent.start_char:])
        if tail is None or not any(self.doc[c.start_tok].ent_type_ == "PERSON" or c.kind == "person"
                                   for c in self.candidates if sent.start <= c.start_tok < verb.i):
            return None
        place = self.lex.city_country.get(tail.group("place")) if tail.group("place") else None
        return sent.start, verb.i, place

    def another_party(self, i: int, group: dict) -> bool:
        """'Liberal Democrats', 'Sweden Democrats': a party word or a country before the US
        parties' members names another country's party."""
        if group.get("sector") != "PTY" or i == 0:
            return False
        before = self.texts[i - 1]
        return before[:1].isupper() and (before.lower() in self.lex.generic_party_words or before in self.lex.country_by_name)

    def group_scan(self) -> None:
        doc, lex, texts = self.doc, self.lex, self.texts
        for i in range(len(doc)):
            if self.starts[i] >= self.body_end:
                break
            if i in self.taken or not (texts[i][:1].isupper() or texts[i].lower() == "the"):
                continue
            if not lex.group_starts.may_start(texts[i]):
                continue  # no group's name starts with this word
            j, group = longest_match(doc, i, lex.groups, 4)
            if not group:
                continue
            if j < len(doc) and texts[j][:1].isupper() and doc[j].pos_ == "PROPN":
                continue  # "Western Sahara", "Western Europe"
            if self.phrase(i, j) == "Western" and j < len(doc) and doc[j].pos_ not in ("NOUN",):
                continue
            if self.another_party(i, group):
                continue
            self.add(i, j, "group", group=group, name=group["name"])


def find_candidates(lex: Lexicon, doc: Doc, body_end: int) -> list[Candidate]:
    return MentionFinder(lex, doc, body_end).run()
