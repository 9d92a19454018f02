from pipelines.evaluation.actors import score_actors

GOLD = {
    "actors": [
        {"name": "Emmanuel Macron", "kind": "person", "country": "FRA", "sector": "GOV", "aliases": ["Mr. Macron"]},
        {"name": "European Union", "kind": "organization", "country": "IGO", "sector": "IGO", "aliases": ["EU"]},
        {"name": "France", "kind": "country", "country": "FRA", "aliases": ["French"]},
        {"name": "Jane Writer", "kind": "person", "country": "FRA", "sector": "MED", "byline": True, "aliases": []},
    ],
    "not_actors": ["Joseph Grenny"],
}


def actor(name, country=None, sector=None, kind="person"):
    return {"name": name, "kind": kind, "country": country, "sector": sector, "mentions": [[0, 1]]}


def test_perfect_prediction_with_aliases_and_case():
    predicted = [actor("emmanuel macron", "FRA", "GOV"), actor("EU", "IGO", "IGO", "organization"),
                 actor("France", "FRA", None, "country")]
    score = score_actors(predicted, GOLD)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (3, 0, 0)
    assert (score.coding.value, score.country.value, score.sector.value) == (1.0, 1.0, 1.0)


def test_bylines_are_ignored_either_way():
    with_byline = score_actors([actor("Jane Writer", "USA", "GOV")], GOLD)
    assert (with_byline.counts.tp, with_byline.counts.fp, with_byline.counts.fn) == (0, 0, 3)


def test_not_actors_and_duplicates_are_false_positives():
    predicted = [actor("Emmanuel Macron", "FRA", "GOV"), actor("Macron", "FRA", "GOV"), actor("Joseph Grenny")]
    score = score_actors(predicted, GOLD)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (1, 2, 2)
    assert score.pairs == [(0, 0)]                      # the canonical name wins the match
    assert sorted(score.false_positives) == ["Joseph Grenny", "Macron"]
    assert sorted(score.missed) == ["European Union", "France"]


def test_coding_needs_country_and_sector_where_gold_gives_them():
    predicted = [actor("Emmanuel Macron", "FRA", "MIL"), actor("European Union", "BEL", "IGO"),
                 actor("France", "FRA", "GOV", "country")]   # gold France has no sector: not judged
    score = score_actors(predicted, GOLD)
    assert (score.coding.hits, score.coding.total) == (1, 3)
    assert (score.country.hits, score.country.total) == (2, 3)
    assert (score.sector.hits, score.sector.total) == (1, 2)
    assert [m["name"] for m in score.miscoded] == ["Emmanuel Macron", "European Union"]
