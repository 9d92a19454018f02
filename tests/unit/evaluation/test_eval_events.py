import pytest

from pipelines.evaluation.events import date_agrees, max_matching, score_events

ARTICLE = ("Russian forces attacked Ukraine on Feb. 24. Mr. Macron called Mr. Putin on Sunday. "
           "Macron phoned Putin again on Monday. Putin agreed to talks with the IAEA.")
GOLD = {
    "actors": [
        {"name": "Emmanuel Macron", "kind": "person", "country": "FRA", "aliases": ["Mr. Macron"]},
        {"name": "Vladimir Putin", "kind": "person", "country": "RUS", "aliases": ["Mr. Putin"]},
        {"name": "Russia", "kind": "country", "country": "RUS", "aliases": ["Russian forces"]},
        {"name": "Ukraine", "kind": "country", "country": "UKR", "aliases": []},
        {"name": "International Atomic Energy Agency", "kind": "organization", "country": "IGO", "aliases": ["IAEA"]},
    ],
    "events": [
        {"source": "Russia", "type": "ASSAULT", "target": "Ukraine", "date": "2022-02-24",
         "evidence": "Russian forces attacked Ukraine on Feb. 24."},
        {"source": "Emmanuel Macron", "type": "CONSULT", "target": "Vladimir Putin", "date": "2022-03-06",
         "evidence": "Mr. Macron called Mr. Putin on Sunday."},
        {"source": "Emmanuel Macron", "type": "CONSULT", "target": "Vladimir Putin", "date": "2022-03-07",
         "evidence": "Macron phoned Putin again on Monday."},
        {"source": "Vladimir Putin", "type": "AGREE", "target": "International Atomic Energy Agency",
         "target_alternatives": ["Ukraine"], "date": None, "evidence": "Putin agreed to talks with the IAEA."},
    ],
    "optional_events": [{"source": None, "type": "ASSAULT", "target": "Ukraine", "date": None, "evidence": "x"}],
}


def event(source, type_, target, date=None, evidence=None, **extra):
    out = {"source": source, "type": type_, "target": target, "date": date, **extra}
    if evidence:
        out["start"] = ARTICLE.index(evidence)
        out["end"] = out["start"] + len(evidence)
    return out


@pytest.mark.parametrize("pred, gold, agrees", [
    ("2022-02-24", "2022-02-24", True),
    ("2022-02-15", "2022-02", True),
    ("2022-02", "2022-02", True),
    ("2022", "2022-02", False),
    ("2021-02-01", "2022-02", False),
    ("2022-03-01", "2022", True),
    (None, None, True),
    ("2022-03-07", None, False),
    (None, "2022", False),
    ("2022-3-6", "2022-03-06", True),
])
def test_date_agreement_at_gold_granularity(pred, gold, agrees):
    assert date_agrees(pred, gold) is agrees


def test_names_aliases_and_country_codes_match():
    record = {
        "actors": [{"name": "RU", "kind": "country", "country": "RUS"}],
        "events": [
            event("RU", "ASSAULT", "UKR", "2022-02-24"),                      # country actor / bare code
            event("Macron", "consult", "Mr. Putin", "2022-03-06"),            # surname, alias, case
            event("Vladimir Putin", "AGREE", "Ukraine"),                      # target alternative
        ],
    }
    score = score_events(record, GOLD, ARTICLE)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (3, 0, 1)
    assert score.dates.hits == 3 and score.dates.total == 3


def test_type_or_actor_mismatch_is_a_false_positive():
    record = {"actors": [], "events": [
        event("Emmanuel Macron", "ASSAULT", "Vladimir Putin"),
        event("Vladimir Putin", "CONSULT", "Emmanuel Macron"),   # roles reversed
        event("France", "CONSULT", "Vladimir Putin"),
    ]}
    score = score_events(record, GOLD, ARTICLE)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 3, 4)


def test_a_person_of_a_country_is_not_the_country():
    record = {"actors": [{"name": "Vladimir Putin", "kind": "person", "country": "RUS"}],
              "events": [event("Vladimir Putin", "ASSAULT", "Ukraine", "2022-02-24")]}
    assert score_events(record, GOLD, ARTICLE).counts.tp == 0


def test_each_gold_event_matches_once_and_pairs_follow_evidence_and_date():
    record = {"actors": [], "events": [
        event("Emmanuel Macron", "CONSULT", "Vladimir Putin", "2022-03-07", "Macron phoned Putin again on Monday."),
        event("Emmanuel Macron", "CONSULT", "Vladimir Putin", "2022-03-06", "Mr. Macron called Mr. Putin on Sunday."),
        event("Emmanuel Macron", "CONSULT", "Vladimir Putin", "2022-03-06"),
    ]}
    score = score_events(record, GOLD, ARTICLE)
    assert (score.counts.tp, score.counts.fp) == (2, 1)
    assert sorted(score.pairs) == [(0, 2), (1, 1)]
    assert score.dates.hits == 2


def test_optional_events_are_neither_credited_nor_penalised_but_excuse_one_prediction_each():
    record = {"actors": [], "events": [
        event("Russia", "ASSAULT", "Ukraine", "2022-02-24"),
        event("Someone", "ASSAULT", "Ukraine"),        # only the optional (any source) fits
        event("Someone else", "ASSAULT", "Ukraine"),   # the optional is used up
    ]}
    score = score_events(record, GOLD, ARTICLE)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (1, 1, 3)
    assert score.optional == {1}


def test_matching_is_maximal_even_when_greedy_would_block():
    # pred 0 fits golds 0 and 1 (prefers 0); pred 1 fits only gold 0.
    pairs = max_matching({(0, 0): 1.5, (0, 1): 0.1, (1, 0): 0.2})
    assert pairs == [(0, 1), (1, 0)]


def test_no_events_at_all():
    score = score_events({"events": []}, {"events": [], "actors": []})
    assert (score.counts.precision, score.counts.recall, score.dates.value) == (1.0, 1.0, None)
