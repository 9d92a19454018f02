"""Descriptions instead of names: role phrases that point to a named actor of the article
("the French president", "the Russian leader") and unnamed sources ("a French official",
"U.S. officials", "critics")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipelines.nlp.actors.cluster import Actor
from pipelines.nlp.actors.lexicon import Lexicon
from pipelines.nlp.actors.mentions import Candidate
from pipelines.nlp.actors.phrases import POSSESSIVE_MARKS, TITLE_MODIFIERS, longest_match_ending

DEFINITE = {"the", "this", "that"}
LEADER_ROLES_KEY = "leader"


def _role_ending_at(lex: Lexicon, doc: Doc, root_i: int, chunk_start: int) -> tuple[int, str | None]:
    start, info = longest_match_ending(doc, root_i + 1, lex.roles, lex.role_max_words, fold_case=True, start=chunk_start)
    if info is None:
        return root_i + 1, None
    return start, doc[start:root_i + 1].text.lower()


class Describer:
    def __init__(self, lex: Lexicon, doc: Doc, actors: list[Actor], body_end: int):
        self.lex, self.doc, self.actors, self.body_end = lex, doc, actors, body_end
        self.owner: dict[int, tuple[Actor, Candidate]] = {}
        for actor in actors:
            for m in actor.mentions:
                for t in range(m.start_tok, m.end_tok):
                    self.owner[t] = (actor, m)
        self.descriptions: list[dict] = []
        self.bodies_by_member: dict[str, Actor] = {}  # "diplomat" -> the G7, once "G7 diplomats" was seen

    def run(self) -> list[dict]:
        for chunk in self.doc.noun_chunks:
            if chunk.start_char >= self.body_end:
                break
            if self.title_phrase(chunk) or self.org_reference(chunk) or self.body_members(chunk):
                continue
            self.anonymous(chunk)
        return self.descriptions

    # ---- helpers --------------------------------------------------------------------------
    def names_inside(self, span: Span, kinds=("person",)) -> bool:
        return any(self.owner.get(t, (None, None))[0] is not None and self.owner[t][0].kind in kinds
                   for t in range(span.start, span.end))

    def country_inside(self, start: int, end: int) -> str | None:
        for t in range(start, end):
            actor, _ = self.owner.get(t, (None, None))
            if actor is not None and actor.kind in ("country", "group") and actor.country:
                return actor.country
        return None

    def org_inside(self, start: int, end: int) -> Actor | None:
        for t in range(start, end):
            actor, _ = self.owner.get(t, (None, None))
            if actor is not None and actor.kind == "organization":
                return actor
        return None

    # ---- "the French president" -----------------------------------------------------------
    def title_phrase(self, chunk: Span) -> bool:
        doc, lex = self.doc, self.lex
        root = chunk.root
        if root.tag_ not in ("NN", "NNP") or self.names_inside(chunk, ("person", "organization")):
            return False
        role_start, role = _role_ending_at(lex, doc, root.i, chunk.start)
        if role is None:
            return False
        before = list(doc[chunk.start:role_start])
        if any(t.lower_ == "top" for t in before) and "top " + role in lex.roles:
            role = "top " + role  # "the top U.S. diplomat": a country between the words
        # "the official" is an unnamed source, unless a named person of the article holds
        # that post and no unnamed one was introduced ("spokesman Dmitry Peskov ... the spokesman")
        unnamed_source = role in lex.anonymous
        if unnamed_source and any(d["head"] == root.lemma_.lower() and d["mention_kind"] == "anonymous"
                                  for d in self.descriptions):
            return False
        definite = any(t.lower_ in DEFINITE for t in before) or any(t.text in POSSESSIVE_MARKS for t in before)
        if not definite:
            return False
        if any(t.pos_ in ("NUM",) or (t.pos_ == "ADJ" and t.lower_ not in TITLE_MODIFIERS and t.i not in self.owner)
               for t in before):
            return False
        nxt = chunk.end
        if nxt < len(doc) and (nxt in self.owner and self.owner[nxt][0].kind == "person"):
            return True  # "the president Emmanuel Macron": a title, handled with the name
        if nxt + 1 < len(doc) and doc[nxt].text == "," and nxt + 1 in self.owner and self.owner[nxt + 1][0].kind == "person":
            return True
        country = self.country_inside(chunk.start, role_start)
        if country is None and chunk.end + 1 < len(doc) and doc[chunk.end].lower_ == "of":
            of_end = doc[chunk.end + 1].head.i if doc[chunk.end + 1].head.i > chunk.end else chunk.end + 1
            country = self.country_inside(chunk.end + 1, min(len(doc), of_end + 3))  # "the president of Armenia"
        actor = self.resolve_role(role, country, chunk.start_char, earlier_only=unnamed_source)
        if unnamed_source and actor is None:
            return False
        start_i = chunk.start
        span = doc[start_i:root.i + 1]
        if actor is None:
            self.descriptions.append({
                "start": span.start_char, "end": span.end_char, "surface": span.text, "head": role,
                "country": country or lex.roles.get(role, {}).get("country"), "sector": lex.role_sector(role),
                "plural": False, "mention_kind": "title", "kind": "person",
            })
            return True
        cand = Candidate(span.start, span.end, span.start_char, span.end_char, span.text, "person",
                         mention_kind="title", name=span.text, role=role, role_country=country)
        actor.mentions.append(cand)
        for t in range(span.start, span.end):
            self.owner.setdefault(t, (actor, cand))
        return True

    def resolve_role(self, role: str, country: str | None, before_char: int, earlier_only: bool = False) -> Actor | None:
        lex = self.lex
        generic = lex.roles.get(role, {}).get("generic")
        posts = {role, *lex.roles.get(role, {}).get("same_as", ())}

        def fits(actor: Actor) -> bool:
            if actor.kind != "person" or not actor.roles:
                return False
            if country and actor.country != country:
                return False
            if generic:
                return any(lex.roles.get(r, {}).get("leader") for r in actor.roles)
            if earlier_only and actor.first >= before_char:
                return False
            return any(r == post or r.endswith(" " + post) for r in actor.roles for post in posts)

        candidates = [a for a in self.actors if fits(a)]
        if not candidates:
            return None

        def salience(actor: Actor):
            # the article's topic actor: most often the grammatical subject, then most mentioned
            earlier = [m.start for m in actor.mentions if m.start < before_char]
            subjects = sum(1 for m in actor.mentions if self.doc[m.start_tok:m.end_tok].root.dep_ in ("nsubj", "nsubjpass"))
            return (bool(earlier), subjects, len(actor.mentions), max(earlier) if earlier else 0)

        return max(candidates, key=salience)

    # ---- "the trade body", "the company" ----------------------------------------------------
    def org_reference(self, chunk: Span, window_chars: int = 1500) -> bool:
        """'the <org noun>' right after an organisation was named is that organisation."""
        lex, root = self.lex, chunk.root
        lemma = root.lemma_.lower()
        if lemma not in lex.org_descriptors or root.tag_ != "NN" or chunk[0].lower_ != "the":
            return False
        if any(t in self.owner for t in range(chunk.start, chunk.end)) or any(
                t.pos_ not in ("DET", "ADJ", "NOUN") for t in chunk[1:len(chunk) - 1]):
            return False  # named ("the UN agency") or more than a plain description
        sector = lex.org_descriptors[lemma]
        latest: tuple[int, Actor] | None = None
        for actor in self.actors:
            if actor.kind != "organization" or (sector and actor.sector != sector and not (
                    actor.sector is None and lemma in actor.name.lower().split())):
                continue  # an uncoded org is "the party" only when its name says so
            earlier = [m.start for m in actor.mentions if m.start < chunk.start_char]
            if earlier and chunk.start_char - max(earlier) <= window_chars and (latest is None or max(earlier) > latest[0]):
                latest = (max(earlier), actor)
        if latest is None:
            return False
        self.refer(latest[1], chunk)
        return True

    def refer(self, org: Actor, span: Span) -> None:
        """Record a description ("the company", "the diplomats") as a mention of `org`."""
        cand = Candidate(span.start, span.end, span.start_char, span.end_char, span.text, "organization",
                         mention_kind="title", name=span.text)
        org.mentions.append(cand)
        for t in range(span.start, span.end):
            self.owner.setdefault(t, (org, cand))

    # ---- "G7 foreign ministers", "top diplomats from the Group of Seven", "the diplomats" --------
    def body_members(self, chunk: Span) -> bool:
        """Plural members of an international body speak and act as the body."""
        root = chunk.root
        lemma = root.lemma_.lower()
        words = chunk.text.lower().split()
        is_member = " ".join(words[-3:]) in self.lex.body_members or lemma in self.lex.body_members
        if not is_member or root.tag_ not in ("NNS", "NNPS") or root.i in self.owner:
            return False
        body = self.org_inside(chunk.start, root.i)
        if body is None:
            prep = next((c for c in root.rights if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
            if prep is not None:
                body = self.org_inside(prep.i + 1, prep.right_edge.i + 1)
        if body is not None and body.country != "IGO" and body.sector != "IGO":
            return False
        if body is None:
            # "the diplomats", "the foreign ministers" after the body's members were named
            if chunk[0].lower_ not in DEFINITE or any(t.pos_ not in ("DET", "ADJ", "NOUN") for t in chunk[1:-1]):
                return False
            body = self.bodies_by_member.get(lemma)
            if body is None:
                return False
        self.bodies_by_member[lemma] = body
        # the words after any name inside: "G7 [foreign ministers]", "[Top diplomats] from ..."
        start = max((t + 1 for t in range(chunk.start, root.i) if t in self.owner), default=chunk.start)
        self.refer(body, self.doc[start:root.i + 1])
        return True

    # ---- "a French official", "critics" -----------------------------------------------------
    def anonymous(self, chunk: Span) -> None:
        doc, lex = self.doc, self.lex
        root = chunk.root
        lemma = root.lemma_.lower()
        if lemma not in lex.anonymous and root.lower_ not in lex.anonymous:
            return
        if root.pos_ not in ("NOUN", "PROPN") or self.names_inside(chunk) or root.i in self.owner:
            return  # named ("Eurasia Group") or containing a name
        if lemma == "source" and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
            return  # "a new source of income", not a news source
        end = root.i + 1
        for child in root.rights:
            if child.dep_ in ("prep", "acl", "amod") and child.lower_ in ("in", "at", "from", "with", "of", "for", "familiar", "close"):
                if child.right_edge.i + 1 - chunk.start <= 14:
                    end = child.right_edge.i + 1
                break
        span = doc[chunk.start:end]
        org = self.org_inside(span.start, span.end)
        country = self.country_inside(span.start, span.end) or (org.country if org and org.country != "IGO" else None)
        sector = (org.sector if org else None) or lex.anonymous.get(lemma, lex.anonymous.get(root.lower_))
        first = chunk[0].lower_
        if first in DEFINITE and span.end - span.start == 2 and not country:
            for prev in reversed(self.descriptions):
                if prev["head"] == lemma and prev["country"]:
                    country, sector = prev["country"], prev["sector"] or sector
                    break
        self.descriptions.append({
            "start": span.start_char, "end": span.end_char, "surface": span.text, "head": lemma,
            "country": country, "sector": sector, "plural": root.tag_ in ("NNS", "NNPS"),
            "mention_kind": "anonymous",
            "kind": "organization" if lemma in lex.org_heads else "group" if root.tag_ in ("NNS", "NNPS") else "person",
        })


def describe(lex: Lexicon, doc: Doc, actors: list[Actor], body_end: int) -> list[dict]:
    return Describer(lex, doc, actors, body_end).run()
