"""Is the event asserted, negated, future or hypothetical; how many times; which tense.

Looks at the trigger and the verbs that govern it through complements ("doesn't intend
to attack", "will go to Paris", "could impose", "if Putin wants to talk").
"""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = {"will", "'ll", "shall", "wo"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "must", "can", "'d"}
HYPOTHETICAL_GOVERNORS = {"want", "aim", "hope", "wish", "seek", "consider", "mull", "may", "might", "could",
                          "would", "propose", "suggest", "try"}
FUTURE_GOVERNORS = {"plan", "intend", "prepare", "schedule", "set", "due", "expect", "decide", "vow", "pledge",
                    "promise", "agree", "threaten", "offer", "willing", "prepared", "ready", "committed",
                    "determined", "poised"}
REPORTING = {"say", "tell", "announce", "report", "state", "add", "claim", "confirm", "declare", "write", "tweet"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
NEGATING_GOVERNORS = {"fail", "refuse", "decline", "deny", "avoid", "stop", "cease", "reject"}
NUMBER_WORDS = {"once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "dozen": 12, "several": None}
CLIMB_DEPS = {"xcomp", "advcl", "acl", "pcomp", "pobj", "prep", "dobj", "attr"}


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in token.children)


def governors(token: Token, limit: int = 4):
    """The token, then the words above it while it is non-finite (no subject of its own):
    "doesn't intend to attack" reaches "intend"; "even as the West punishes Russia" stays in
    its own clause; never through "conj" ("won't attack and agreed" keeps them apart)."""
    yield token
    steps = 0
    while token.head.i != token.i and steps < limit and token.dep_ in CLIMB_DEPS \
            and not _has_subject(token):
        token = token.head
        steps += 1
        yield token


def _aux_words(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")}


def _own_tense(token: Token) -> bool:
    return token.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in token.children)


def modality(trigger: Token) -> str:
    """asserted | negated | future | hypothetical."""
    chain = list(governors(trigger))
    if trigger.dep_ == "conj" and not _own_tense(trigger):
        chain += list(governors(trigger.head))  # "will come and sign": the shared auxiliary
    negated = hypothetical = future = False
    for position, token in enumerate(chain):
        words = _aux_words(token)
        lemma = token.lemma_.lower()
        if position > 0 and lemma in REPORTING:
            break  # "X said Y would attack": the report itself is asserted
        if words & NEGATORS or any(c.dep_ == "neg" for c in token.children):
            negated = True
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            negated = True
        if position > 0 and lemma in NEGATING_GOVERNORS:
            negated = True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            hypothetical = True
        if words & FUTURE_AUX or any(c.lower_ == "going" and c.dep_ == "aux" for c in token.children):
            future = True
        if words & HYPOTHETICAL_AUX:
            reported = token.head.lemma_.lower() in REPORTING and token.dep_ == "ccomp"
            if "would" in words and reported:
                future = True  # reported future: "said they would meet"
            else:
                hypothetical = True
        if position > 0 and lemma in HYPOTHETICAL_GOVERNORS:
            hypothetical = True
        if position > 0 and lemma in FUTURE_GOVERNORS:
            future = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return "asserted"


def is_simple_past(trigger: Token) -> bool:
    """Narrative past ("called", "was attacked") for the trigger or the verb it hangs from;
    not the present perfect ("has spoken"), which reports current relevance."""
    top = trigger
    for token in governors(trigger, limit=3):
        top = token
        if token.tag_ == "VBD":
            return True
        if token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in token.children):
            return any(c.tag_ == "VBD" for c in token.children if c.dep_ in ("aux", "auxpass"))
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children):
            return True  # "did not attack", "was attacking"
    # what someone said in the past is part of the narrated episode
    return top.dep_ == "ccomp" and top.head.lemma_.lower() in REPORTING and top.head.tag_ == "VBD"


def event_count(trigger: Token) -> int | None:
    """"spoken 11 times", "met twice", "four times"."""
    for child in trigger.children:
        word = child.lower_
        if word in ("twice", "thrice", "once") and child.dep_ in ("advmod", "npadvmod"):
            return NUMBER_WORDS[word]
        if child.lemma_.lower() == "time" and child.dep_ in ("npadvmod", "dobj", "advmod"):
            for number in child.children:
                if number.dep_ == "nummod":
                    if number.like_num and number.text.replace(",", "").isdigit():
                        return int(number.text.replace(",", ""))
                    value = NUMBER_WORDS.get(number.lower_)
                    if value:
                        return value
    return None


def is_condition(trigger: Token) -> bool:
    """The trigger's own clause is an if/unless condition ("if Russia attacks ...")."""
    return any(any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children)
               for token in governors(trigger))
