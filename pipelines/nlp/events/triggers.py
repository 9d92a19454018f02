"""Find event triggers in a sentence: verbs (with CAMEO-style object/preposition patterns)
and event nouns ("Russia's invasion of Ukraine", "a call with")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Span, Token

from pipelines.nlp.events.lexicon import Lexicon, Pattern, Sense

TIME_ENTS = {"DATE", "TIME"}
OBJECT_DEPS = {"dobj", "attr", "oprd", "nsubjpass", "dative"}
PREP_DEPS = {"prep", "agent", "dative"}
# Triggers whose complement is their content, not a separate event: "asked him to stop
# attacks", "threatened to cut off electricity", "agreed to share information".
CONTENT_TAKING = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "compound", "conj", "relcl", "pcomp"}


@dataclass
class Trigger:
    token: Token
    sense: Sense
    kind: str  # verb | noun
    pattern: Pattern | None = None
    consumed: set[int] = field(default_factory=set)  # token indices a pattern used up

    @property
    def i(self) -> int:
        return self.token.i


def preps_of(token: Token) -> list[tuple[str, Token | None]]:
    """(preposition, object) pairs hanging from a token; time phrases ("on Thursday") skipped."""
    out = []
    for child in token.children:
        if child.dep_ in PREP_DEPS or (child.dep_ == "prt" and child.pos_ == "ADP"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.ent_type_ in TIME_ENTS:
                continue
            out.append((child.lower_, pobj))
    return out


QUANTITY_HEADS = {"part", "some", "all", "most", "much", "many", "portion", "share", "series", "ton", "tonne",
                  "kg", "kilogram", "worth", "million", "billion", "state", "shipment", "consignment", "wave"}


def objects_of(token: Token) -> list[Token]:
    objs = [c for c in token.children if c.dep_ in OBJECT_DEPS and c.ent_type_ not in TIME_ENTS]
    for obj in list(objs):
        objs.extend(c for c in obj.conjuncts if c.i > obj.i)
    return objs


def object_words(token: Token) -> list[Token]:
    """Objects plus the words that carry their meaning: compounds ("aid deliveries") and
    the noun after a quantity ("part of a military aid program")."""
    out = []
    for obj in objects_of(token):
        out.append(obj)
        out.extend(c for c in obj.children if c.dep_ == "compound")
        if obj.lemma_.lower() in QUANTITY_HEADS:
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            out.append(pobj)
                            out.extend(c for c in pobj.children if c.dep_ == "compound")
    return out


def _word_in(token: Token, words) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _any_in(forms: tuple[str, str], words) -> bool:
    return forms[0] in words or forms[1] in words


def verb_lemma(token: Token, lex: Lexicon) -> str:
    """spaCy's lemma, or a regular stem when the lemmatizer slips ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    if lemma in lex.verbs or lemma in lex.patterns:
        return lemma
    text = token.lower_
    candidates = []
    if text.endswith("ed"):
        candidates += [text[:-1], text[:-2], text[:-3] if text[-3:-2] == text[-4:-3] else text[:-2]]
    if text.endswith("ing"):
        candidates += [text[:-3], text[:-3] + "e"]
    if text.endswith("s"):
        candidates += [text[:-1], text[:-2]]
    return next((c for c in candidates if c in lex.verbs or c in lex.patterns), lemma)


def match_verb(token: Token, lex: Lexicon) -> tuple[Sense | None, Pattern | None, set[int]]:
    """The verb's sense: the most specific matching pattern, else the verb's default."""
    lemma = verb_lemma(token, lex)
    if lemma == "call" and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in token.children) \
            and any(c.dep_ == "dobj" for c in token.children):
        return None, None, set()  # naming ("called them Nazis"), not a phone call
    index = lex.pattern_index(lemma)
    default = lex.verbs.get(lemma)
    if index is None:
        return default, None, set()
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    preps = preps_of(token)
    prep_words = {p for p, _ in preps} | particles
    # each word's (lemma, form) read once: a verb can have dozens of patterns to try
    objs = [(o, _forms(o)) for o in object_words(token)]
    mods: dict[int, list[tuple[str, str]]] = {}
    best: tuple[int, Pattern, set[int]] | None = None
    for pattern in index.candidates(prep_words, [form for _, forms in objs for form in forms]):
        used: set[int] = set()
        if pattern.particle and pattern.particle not in prep_words:
            continue
        if pattern.obj is not None:
            hit = None
            for o, forms in objs:
                if not _any_in(forms, pattern.obj):
                    continue
                if pattern.obj_mods is not None:
                    if o.i not in mods:
                        mods[o.i] = [_forms(m) for m in o.children]
                    if not any(_any_in(m, pattern.obj_mods) for m in mods[o.i]):
                        continue
                hit = o
                break
            if hit is None:
                continue
            used.add(hit.i)
        if pattern.prep:
            pairs = [(p, o) for p, o in preps if p == pattern.prep] or (
                [(pattern.prep, None)] if pattern.prep in particles else [])
            if not pairs:
                continue
            if pattern.pobj is not None:
                hit = next((o for _, o in pairs if o is not None and _word_in(o, pattern.pobj)), None)
                if hit is None:
                    continue
                used.add(hit.i)
        if best is None or pattern.weight > best[0]:
            best = (pattern.weight, pattern, used)
    if best is None:
        return default, None, set()
    return best[1].sense, best[1], best[2]


def noun_sense(token: Token, lex: Lexicon) -> Sense | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "compound":
            sense = lex.compound_nouns.get((child.lemma_.lower(), lemma))
            if sense:
                return sense
    return lex.nouns.get(lemma) or lex.nouns.get(token.lower_)


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    # One pass sorts the sentence's verbs and nouns: each Token access builds a new object,
    # and these passes run for every sentence of every article.
    verbs: list[Token] = []
    nouns: list[Token] = []
    for token in sent:
        pos = token.pos
        if pos == VERB or pos == AUX:
            verbs.append(token)
        elif pos == NOUN:
            nouns.append(token)
    triggers: list[Trigger] = []
    consumed: set[int] = set()
    for token in verbs:
        if token.pos != VERB:
            continue
        sense, pattern, used = match_verb(token, lex)
        if sense is None:
            continue
        triggers.append(Trigger(token, sense, "verb", pattern, used))
        consumed |= used
    verb_at = {t.i: t for t in triggers}
    for token in nouns:
        if token.i in consumed or token.ent_type_ in TIME_ENTS:
            continue
        sense = noun_sense(token, lex)
        if sense is None:
            continue
        head = verb_at.get(token.head.i)
        if head is not None and token.dep_ in ("nsubj", "dobj", "nsubjpass", "attr"):
            continue  # "the attack killed five", "rejected the proposal": one action, the verb's
        triggers.append(Trigger(token, sense, "noun"))
    triggers.extend(modal_demands(verbs, {t.i for t in triggers}))
    return [t for t in triggers if not is_content(t, {x.i: x for x in triggers})]


DEMAND_MODALS = {"must"}


def modal_demands(verbs: list[Token], taken: set[int]) -> list[Trigger]:
    """ "declared that China must drop barriers", "a reminder to Iraq that it must cooperate":
    saying that someone must do something is a demand (PLOVER REQUEST) by the speaker.
    `verbs` are the sentence's VERB and AUX tokens, in order."""
    out = []
    for token in verbs:
        if token.dep_ not in ("ccomp", "acl") or not any(
                c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in token.children):
            continue
        head = token.head
        if head.pos_ == "NOUN" and head.head.pos_ == "VERB":
            head = head.head
        if head.pos_ != "VERB" or head.i in taken or not any(c.dep_ == "nsubj" for c in head.children):
            continue
        taken.add(head.i)
        out.append(Trigger(head, Sense("REQUEST"), "verb"))
    return out


def is_content(trigger: Trigger, by_index: dict[int, Trigger]) -> bool:
    """True when the trigger only spells out what a request/threat/promise/refusal/accusation
    is about; PLOVER codes that one event, not two."""
    token = trigger.token
    steps = 0
    while token.head.i != token.i and steps < 8 and token.dep_ in COMPLEMENT_DEPS:
        token = token.head
        steps += 1
        governor = by_index.get(token.i)
        if governor is not None:
            if governor.sense.type in CONTENT_TAKING and trigger.token.dep_ != "conj":
                return True
            return False
    return False
