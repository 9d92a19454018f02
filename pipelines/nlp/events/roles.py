"""Who did it and to whom: source and target noun phrases of a trigger, resolved to actors.

source = subject (the agent of a passive; the possessor or modifier of an event noun);
target = object, else a prepositional object (with/to/against/on/at/from/toward...).
Coordinated actors ("Hungarian and Romanian officials", "the US and Jordan") come back as
several actors; the caller makes one event per actor pair.
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Token

from pipelines.nlp.actors.lexicon import load_lexicon
from pipelines.nlp.doc_cache import doc_ents, doc_text
from pipelines.nlp.events.triggers import TIME_ENTS, objects_of

FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
TARGET_PREPS = ("with", "to", "against", "at", "toward", "towards", "on", "upon", "from", "into", "for", "between", "over")
NOUN_TARGET_PREPS = ("of", "against", "on", "with", "to", "toward", "towards", "into", "upon", "between", "for")
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "to", "into", "from"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
SUBJECT_DEPS = ("nsubj", "csubj", "expl")
NOT_PEOPLE_ENTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
PEOPLE_SUFFIXES = ("er", "ist", "ian", "ant", "ent")
PEOPLE_SUFFIXES_STRICT = ("ist", "ian")
COLLECTIVE_HEADS = {"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "group",
                    "number", "crowd", "some", "many", "most", "members", "member", "million", "millions"}
PARTISAN = ("pro-", "anti-")
# description sector (agents dictionary) -> sectors of named groups it can refer back to;
# only non-state armed and opposition groups: "the officials" has too many candidates
ANAPHORIC_SECTORS = {"REB": {"REB", "UAF", "IMG"}, "UAF": {"REB", "UAF", "IMG"}, "OPP": {"OPP"}}
REPORTING = {"say", "tell", "add", "write", "tweet", "note", "explain", "report", "announce", "state"}
# event nouns whose modifier or possessor is their author: "an Indian proposal", "a UN appeal"
OWN_COMPLEMENTS = {"dobj", "dative", "prep", "xcomp", "ccomp", "attr", "oprd", "acomp"}
AUTHORED = {"REQUEST", "AGREE", "THREATEN", "ACCUSE", "REJECT"}


def collective_members(token: Token) -> Token | None:
    """The people of a collective head: "tens of thousands of students" -> students."""
    if token.lemma_.lower() not in COLLECTIVE_HEADS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if inner is not None:
                return inner
    return None


class RoleFinder:
    """Resolves argument tokens to actors through the article's resolver."""

    def __init__(self, doc, resolver, speaker_at: Callable[[int], dict | None] | None = None, lexicon=None):
        self.doc = doc
        self.resolver = resolver
        self.lexicon = lexicon
        self.speaker_at = speaker_at or (lambda offset: None)

    # -- phrases -------------------------------------------------------------------------

    @staticmethod
    def head_span(token: Token) -> tuple[int, int]:
        """The noun phrase up to its head: left modifiers + head + flat right names
        ("Security forces" of "Security forces in Guinea")."""
        left = token.left_edge.i
        right = token.i
        for child in token.rights:
            if child.dep_ in ("compound", "flat", "nummod", "appos") and child.i == right + 1:
                right = child.right_edge.i
        start = token.doc[left].idx
        end = token.doc[right].idx + len(token.doc[right].text)
        return start, end

    def conjuncts(self, token: Token) -> list[Token]:
        """The token and its coordinated siblings, at the head or at a modifier
        ("Hungarian and Romanian officials")."""
        heads = [token] + [c for c in token.conjuncts if c.i > token.i]
        if len(heads) > 1:
            return heads
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and any(c.dep_ == "conj" for c in child.children):
                return [child] + [c for c in child.conjuncts if c.i > child.i]
        return heads

    def actor(self, token: Token, agent: bool = False) -> dict | None:
        """The actor a single argument token stands for. As an agent, a possessor does not
        count: "Macron's diplomacy offers..." is not Macron acting."""
        if token.lower_ in FIRST_PERSON and token.pos_ == "PRON":  # not "the US"
            speaker = self.speaker_at(token.idx)
            if speaker:
                return speaker
        if token.ent_type_ in TIME_ENTS:
            return None
        start, end = self.head_span(token) if token.dep_ not in ("amod", "compound") else \
            (token.idx, token.idx + len(token.text))
        agent_noun = self.lexicon is not None and token.lemma_.lower() in self.lexicon.agent_nouns
        if agent and token.pos_ == "NOUN" and not agent_noun:
            poss = [c for c in token.children if c.dep_ == "poss"]
            if poss:
                last = max(t.i for p in poss for t in p.subtree)
                start = max(start, token.doc[last].idx + len(token.doc[last].text))
                while start < end and doc_text(token.doc)[start].isspace():
                    start += 1
        if self.event_noun(token) and token.dep_ in ("dobj", "pobj", "nsubjpass") \
                and self.lexicon.nouns[token.lemma_.lower()].type not in AUTHORED:
            # "discussed Ukraine peace talks": the modifier is the topic, not a party (but
            # "rejected an Indian proposal", "a US offer": the modifier made it)
            start, end = token.idx, token.idx + len(token.text)
        found = self.resolver.actor_for_span(start, end)
        if found is not None and self._partisan(found):
            # "the pro-Iranian Hizbollah group" is not Iran
            others = [a for a in self.resolver.actors_in_span(start, end) if not self._partisan(a)]
            found = others[-1] if others else None
        if (found is None or found.get("actor_id") is None) and token.pos_ == "NOUN":
            found = self.named_antecedent(token) or found  # "the militants": the group named before
        if found is None and token.pos_ in ("NOUN", "PROPN"):
            # "inspectors of the IAEA", "Doctors from two American aid groups"
            for child in token.rights:
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        found = self.actor(pobj)
                        if found:
                            break
        return found

    def group(self, token: Token | None, strict: bool = False) -> dict | None:
        """An unnamed group the actors component did not list, when the phrase names people:
        an agent noun ("Darfur rebels", "a newspaper"), a plural in -er/-ist/-ian/-ant/-ent
        ("Moslem fundamentalist demonstrators"), or an unresolved name; "tens of thousands of
        students" and "a group of refugees" are the people of their "of" phrase."""
        if token is None or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NOT_PEOPLE_ENTS:
            return None
        lemma = token.lemma_.lower()
        inner = collective_members(token)
        if inner is not None:
            return self.actor(inner) or self.group(inner, strict)
        agent_nouns = self.lexicon.agent_nouns if self.lexicon is not None else frozenset()
        named = token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        suffixes = PEOPLE_SUFFIXES_STRICT if strict else PEOPLE_SUFFIXES  # objects: "borders", "documents"
        if not (named or lemma in agent_nouns or (token.tag_ == "NNS" and lemma.endswith(suffixes))):
            return None
        start, end = self.head_span(token)
        earlier = self.named_antecedent(token)
        if earlier is not None:
            return earlier
        surface = doc_text(self.doc)[start:end]
        surface = surface[4:] if surface.lower().startswith("the ") else surface
        return {"actor_id": None, "name": surface, "kind": "group", "country": None, "sector": None,
                "mention_kind": "description"}

    def named_antecedent(self, token: Token) -> dict | None:
        """ "the militants", "the separatist group": a definite description of armed or
        opposition groups refers back to the group of that kind named last, if there is one."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children):
            return None
        agents = load_lexicon().agents
        words = [c.lower_ for c in token.children if c.dep_ in ("amod", "compound")] + [token.lower_, token.lemma_.lower()]
        sector = next((agents[w] for w in words if agents.get(w) in ANAPHORIC_SECTORS), None)
        if sector is None:
            return None
        return self.resolver.latest_with_sector(token.idx, ANAPHORIC_SECTORS[sector])

    def _partisan(self, found: dict) -> bool:
        start = found.get("start")
        return isinstance(start, int) and doc_text(self.doc)[max(0, start - 5):start].lower().endswith(PARTISAN)

    def event_noun(self, token: Token) -> bool:
        return self.lexicon is not None and token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.nouns

    def actors(self, token: Token | None, agent: bool = False, split: bool = True) -> list[tuple[dict, Token]]:
        if token is None:
            return []
        out: list[tuple[dict, Token]] = []
        seen: set[Any] = set()
        for part in (self.conjuncts(token) if split else [token]):
            found = self.actor(part, agent)
            if found:
                key = found.get("actor_id") or found.get("name")
                if key not in seen:
                    seen.add(key)
                    out.append((found, part))
        return out

    # -- verbal triggers -----------------------------------------------------------------

    def verb_subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """(subject token, is_agent_of_passive). Climbs xcomp/conj/advcl for shared subjects."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                return child, False
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, True
        if depth > 4 or verb.head.i == verb.i:
            return None, False
        head = verb.head
        if verb.dep_ == "acomp" or (verb.dep_ == "xcomp" and head.pos_ == "ADJ"):
            # "is prepared to impose": the subject of the copula
            return self.verb_subject(head, depth + 1)
        if verb.dep_ == "xcomp":
            # object control: "asked him to stop" -> him
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs and head.lemma_ not in ("promise",):
                return objs[0], False
            return self.verb_subject(head, depth + 1)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.lemma_.lower() in REPORTING and verb.i > head.i:
            # "X has spoken to Y, Z said, trying to ...": the participle goes with the
            # reported clause before the attribution, not with the reporter
            reported = next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)
            if reported is None and head.dep_ == "parataxis" and head.head.i < head.i:
                reported = head.head
            if reported is not None:
                return self.verb_subject(reported, depth + 1)
        if verb.dep_ in ("conj", "advcl"):
            return self.verb_subject(head, depth + 1)
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            # "drew criticism for traveling to X": the traveller is the main subject
            return self.verb_subject(head.head, depth + 1)
        if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            if verb.tag_ == "VBN":  # "a camp attacked by militiamen": the noun is the patient
                return None, False
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if infinitive and head.dep_ in ("attr", "oprd") and head.head.pos_ in ("VERB", "AUX"):
                # "became the first leader to meet X": the leader is the copula's subject
                return self.verb_subject(head.head, depth + 1)
            return head, False
        return None, False

    def verb_target(self, verb: Token, source_tokens: set[int], event_type: str | None = None) -> tuple[Token | None, bool]:
        """(target token, direct): direct arguments may be coordinated actors to split."""
        passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        candidates: list[Token] = []
        if passive_subject is not None:
            candidates.append(passive_subject)
        candidates += [o for o in objects_of(verb) if o.dep_ in ("dobj", "dative")]
        for prep in TARGET_PREPS:
            for child in verb.children:
                if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is None or pobj.ent_type_ in TIME_ENTS:
                        continue
                    if prep == "on" and pobj.lower_ == "behalf":
                        continue
                    candidates.append(pobj)
        for cand in candidates:
            if cand.i in source_tokens:
                continue
            if self.actors(cand) and not self.is_city(cand):
                return cand, True
            deeper = self._first_actor_below(cand, source_tokens)
            if deeper is not None:
                return deeper, False
        # "donated and delivered goods to X": the coordinated verb's object and recipient
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                    c.dep_ in OWN_COMPLEMENTS for c in verb.children) and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "aux") for c in child.children):
                inner, direct = self.verb_target(child, source_tokens, event_type)
                if inner is not None:
                    return inner, direct
        # people the actors component did not list: "tortured Darfur rebels"
        for cand in candidates:
            if cand.i not in source_tokens and not self.is_city(cand) and self.group(cand, strict=True) is not None:
                return cand, True
        # the other party named in a purpose clause: "went to Paris to hear from Macron"
        for child in verb.children:
            if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                inner, _ = self.verb_target(child, source_tokens)
                if inner is not None:
                    return inner, False
        # a threat is aimed at whoever must meet its condition: "threatened to strike unless
        # Israel rescinded the annexation"
        if event_type == "THREATEN" and self.lexicon is not None and verb.lemma_.lower() in self.lexicon.intent_verbs:
            for clause in verb.subtree:
                if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("unless", "if")
                                                  for c in clause.children):
                    agent, _ = self.verb_subject(clause)
                    if agent is not None and agent.i not in source_tokens and self.actors(agent):
                        return agent, False
        # what an accusation or refusal is about: "claimed that war crimes were committed by X"
        if event_type in ("ACCUSE", "REJECT", "REQUEST"):
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            clauses += [g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("acl", "ccomp")]
            for child in clauses:
                if child.dep_ in ("ccomp", "acl"):
                    agent, passive = self.verb_subject(child)
                    if agent is not None and agent.i not in source_tokens and self.actors(agent):
                        return agent, False
        return None, False

    def _first_actor_below(self, token: Token, skip: set[int], depth: int = 0) -> Token | None:
        """The first actor inside an object phrase: "a proposal by India",
        "the principle of dialogue between the IAEA..."; not inside another event noun
        ("support for sanctions against Russia": Russia is the sanctions' target)."""
        if depth > 3:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ not in ("in", "at", "during", "since", "after", "before"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i not in skip and pobj.ent_type_ not in TIME_ENTS:
                        # "between the Emirates and Saudi Arabia": any of the coordinated objects
                        for part in [pobj, *(c for c in pobj.conjuncts if c.i > pobj.i)]:
                            if self.actors(part) and not self.is_city(part):
                                return part
                        if self.event_noun(pobj):
                            continue
                        deeper = self._first_actor_below(pobj, skip, depth + 1)
                        if deeper is not None:
                            return deeper
        return None

    # -- nominal triggers ----------------------------------------------------------------

    def noun_source(self, noun: Token) -> tuple[Token | None, Token | None]:
        """(source token, governing verb) of an event noun."""
        for child in noun.children:
            if child.dep_ == "poss" and (child.pos_ != "PRON" or self.actor(child) is not None):
                return child, None
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, None
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG") and child.i < noun.i:
                return child, None
        # "launched an attack", "squeezes Russia with sanctions": the governing verb's subject
        governor = noun.head
        if noun.dep_ == "pobj" and governor.dep_ == "prep":
            if governor.lower_ not in ("with", "by", "through", "via", "using"):
                return None, None  # "after the killing of X" is a time, not an instrument
            governor = governor.head
        if governor.pos_ == "VERB" and noun.dep_ in ("dobj", "pobj"):
            subject, _ = self.verb_subject(governor)
            return subject, governor
        return None, None

    def noun_target(self, noun: Token, governor: Token | None, source_tokens: set[int]) -> Token | None:
        for prep in NOUN_TARGET_PREPS:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == prep:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.i not in source_tokens and pobj.ent_type_ not in TIME_ENTS:
                        if self.actors(pobj) and not self.is_city(pobj):
                            return pobj
        if governor is not None:
            for obj in objects_of(governor):
                if obj.i != noun.i and obj.i not in source_tokens and self.actors(obj):
                    return obj
        # one level down: "a suspension of air links with Serbia"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "on", "to", "into", "for"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.i not in source_tokens and not self.event_noun(pobj):
                    deeper = self._first_actor_below(pobj, source_tokens | {noun.i})
                    if deeper is not None and deeper.head.lower_ != "by":
                        return deeper
        return None

    # -- places ----------------------------------------------------------------------------

    @staticmethod
    def is_city(token: Token) -> bool:
        """A named place below the country level (a location, not an actor, after a preposition)."""
        from pipelines.nlp.places import gazetteer

        if token.ent_type_ not in PLACE_ENTS:
            return False
        ent = next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)
        name = ent.text if ent is not None else token.text
        if gazetteer().country_of_name(name):
            return False
        return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS
