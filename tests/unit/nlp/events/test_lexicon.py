from tests.conftest import SHARED as SHARED_ROOT

import pytest

from pipelines.nlp.events.lexicon import load_lexicon

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SHARED = SHARED_ROOT / "dictionaries"


def test_every_sense_is_a_plover_type():
    lex = load_lexicon()
    senses = list(lex.verbs.values()) + list(lex.nouns.values()) + list(lex.compound_nouns.values())
    senses += [p.sense for patterns in lex.patterns.values() for p in patterns if p.sense]
    assert senses and {s.type for s in senses} <= PLOVER_TYPES
    assert set(lex.type_scores) == PLOVER_TYPES


@pytest.mark.parametrize("lemma, expected", [
    ("attack", "ASSAULT"), ("invade", "ASSAULT"), ("meet", "CONSULT"), ("visit", "CONSULT"),
    ("refuse", "REJECT"), ("accuse", "ACCUSE"), ("demand", "REQUEST"), ("threaten", "THREATEN"),
    ("arrest", "COERCE"), ("sign", "SUPPORT"), ("agree", "AGREE"), ("sanction", "SANCTION"),
])
def test_verb_defaults(lemma, expected):
    assert load_lexicon().verbs[lemma].type == expected


@pytest.mark.parametrize("lemma, expected", [
    ("invasion", "ASSAULT"), ("sanction", "SANCTION"), ("killing", "ASSAULT"), ("call", "CONSULT"),
    ("talk", "CONSULT"), ("protest", "PROTEST"), ("arrest", "COERCE"),
])
def test_event_nouns(lemma, expected):
    assert load_lexicon().nouns[lemma].type == expected


def test_ambiguous_verbs_need_a_pattern():
    lex = load_lexicon()
    for lemma in ("engage", "die", "give", "go", "hold"):
        assert lemma not in lex.verbs
    assert load_lexicon().nouns.get("government") is None


def test_scores_follow_the_manual():
    lex = load_lexicon()
    assert lex.score("ASSAULT", None) == -9
    assert lex.score("CONSULT", "phone") == 1.5
    assert lex.score("CONSULT", "visit") == 4
    assert lex.score("AID", "unknown-mode") == 10


@pytest.mark.skipif(not (SHARED / "phoenix" / "CAMEO.2.0.txt").exists(), reason="shared dictionaries absent")
def test_committed_lexicon_is_what_the_script_derives():
    from pipelines.nlp.events.build_lexicon import RULES, derive
    import json

    verbs, patterns, nouns = derive(SHARED)
    for name, rows in (("verbs.jsonl", verbs), ("verb_patterns.jsonl", patterns), ("nouns.jsonl", nouns)):
        committed = [json.loads(line) for line in (RULES / name).read_text(encoding="utf-8").splitlines()]
        assert committed == json.loads(json.dumps(rows)), name
