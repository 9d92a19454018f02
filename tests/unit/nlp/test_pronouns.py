"""ActorResolver.resolve_pronoun: clause-nearest candidates, named persons before unnamed
descriptions, binding, the speaker of a quote, chains of pronouns."""

import pytest

from pipelines.nlp.resolver import ActorResolver


@pytest.fixture()
def pronoun(run):
    def _resolve(text: str, needle: str, occurrence: int = 0):
        doc = run(text)
        resolver = ActorResolver.from_doc(doc)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(needle, start + 1)
        token = next(t for t in doc if t.idx == start)
        found = resolver.resolve_pronoun(token.i)
        return found["name"] if found else None

    return _resolve


def test_object_pronoun_is_not_its_clause_subject(pronoun):
    text = "Mr. Tom Berg met Mr. Carl Holm in Oslo. Mr. Holm wanted to believe him."
    assert pronoun(text, "him") == "Tom Berg"


def test_shared_subject_of_coordinated_verbs_is_bound_too(pronoun):
    text = "Mr. Tom Berg is a mediator, meeting Mr. Carl Holm on Monday and speaking with him on Tuesday."
    assert pronoun(text, "him") == "Carl Holm"


def test_possessive_takes_the_nearest_clause(pronoun):
    text = "Mr. Jan Novak flew to Prague to hear from Mr. Petr Dvorak about his talks with the union."
    assert pronoun(text, "his") == "Petr Dvorak"


def test_named_person_before_an_unnamed_description(pronoun):
    text = "Mr. Ali Hassan called on Monday, the official said. At this point, he refuses to resign."
    assert pronoun(text, "he refuses") == "Ali Hassan"


def test_pronoun_in_a_quote_is_not_its_speaker(pronoun):
    text = "Mr. Ali Hassan met Mr. Omar Farouk on Monday. “I told him to leave,” Mr. Farouk said."
    assert pronoun(text, "him") == "Ali Hassan"


def test_a_pronoun_chain_reaches_past_the_window(pronoun):
    text = "Mr. Tom Berg arrived in Oslo on Monday. He was tired. He slept. He woke early. He left."
    assert pronoun(text, "He left") == "Tom Berg"


def test_subject_pronoun_prefers_a_subject(pronoun):
    text = "Mr. Ivan Petrov told Mr. Karl Weber the plan would work and he will continue."
    assert pronoun(text, "he will") == "Ivan Petrov"
