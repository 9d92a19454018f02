from datetime import date

import duckdb
import pyarrow as pa
import pytest

from pipelines.ingest.build import RawArticle, SourceInfo, build_article
from pipelines.ingest.dedupe import (
    CANDIDATES_SQL,
    SIGNATURES_DDL,
    DuplicateIndex,
    link_near_duplicates,
    signature_rows,
)

from .dedupe_pairs import build_pairs, measure

SOURCE = SourceInfo("x.jsonl", "jsonl", "0" * 64, 10**6)
STORY = [
    "Russian forces shelled the outskirts of Kharkiv overnight, regional officials said on Monday.",
    "The governor said at least four civilians were wounded and a school was damaged in the attack.",
    "Ukraine's foreign minister called for more air defence systems during a visit to Brussels.",
    "NATO ministers are expected to discuss further military aid at a meeting later this week.",
    "The Kremlin did not comment on the reports, which could not be independently verified.",
    "Talks between the two sides have been frozen since the spring, diplomats said.",
]
OTHER = [
    "Farmers in northern France blocked roads with tractors to protest against fuel prices.",
    "The agriculture minister promised to meet union leaders before the end of the month.",
    "Police said the protests were peaceful and no arrests were made on Tuesday.",
    "Similar demonstrations were held in Belgium and the Netherlands last year.",
    "The government has already cut taxes on diesel used by farm machinery.",
    "Union leaders said they would continue the blockades until their demands were met.",
]


def article(paragraphs, published=None):
    return build_article(RawArticle(text="\n\n".join(paragraphs), published=published), SOURCE)


def edited(paragraphs):
    """Same wire story: a byline added, one word changed, one paragraph dropped."""
    changed = [p.replace("wounded", "injured") for p in paragraphs]
    return ["By Jane Doe, Associated Press", *changed[:4], *changed[5:]]


def test_near_duplicate_points_at_the_earliest():
    early = article(STORY, date(2022, 3, 6))
    late = article(edited(STORY), date(2022, 3, 7))
    unrelated = article(OTHER, date(2022, 3, 1))
    link_near_duplicates([late, unrelated, early], threshold=0.5)
    assert late.duplicate_of == early.article_id and 0.5 < late.similarity < 1
    assert early.duplicate_of is None and unrelated.duplicate_of is None


def test_default_threshold_links_a_lightly_edited_copy():
    wire = article(STORY * 3, date(2022, 3, 6))
    copy = article(["By Jane Doe, Associated Press", *[p.replace("wounded", "injured") for p in STORY * 3]],
                   date(2022, 3, 6))
    link_near_duplicates([wire, copy])
    assert {wire.duplicate_of, copy.duplicate_of} == {None, min(wire.article_id, copy.article_id)}
    assert 0.8 <= (wire.similarity or copy.similarity) < 1


def test_tie_on_date_goes_to_the_smaller_id_and_unknown_dates_count_as_latest():
    a, b = article(STORY, date(2022, 3, 7)), article(edited(STORY), date(2022, 3, 7))
    link_near_duplicates([a, b], threshold=0.5)
    canonical = min(a.article_id, b.article_id)
    assert {a.duplicate_of, b.duplicate_of} == {None, canonical}
    dated, undated = article(STORY, date(2022, 3, 9)), article(edited(STORY), None)
    link_near_duplicates([undated, dated], threshold=0.5)
    assert undated.duplicate_of == dated.article_id


def test_threshold_is_respected():
    a, b = article(STORY), article(edited(STORY))
    link_near_duplicates([a, b], threshold=0.99)
    assert a.duplicate_of is None and b.duplicate_of is None


def test_identical_bodies_are_one_article_not_duplicates():
    a, b = article(STORY), article(STORY)
    link_near_duplicates([a, b])
    assert a.article_id == b.article_id and a.duplicate_of is None and b.duplicate_of is None


def test_against_existing_rows_and_repointing():
    stored = article(STORY, date(2022, 3, 7))
    existing = [(stored.article_id, stored.text, stored.published, None)]
    newer = article(edited(STORY), date(2022, 3, 8))
    assert link_near_duplicates([newer], existing, threshold=0.5) == []
    assert newer.duplicate_of == stored.article_id

    older = article(edited(STORY), date(2022, 3, 1))
    repointed = link_near_duplicates([older], existing, threshold=0.5)
    assert older.duplicate_of is None
    assert [(r[0], r[1]) for r in repointed] == [(stored.article_id, older.article_id)]


def test_index_carries_across_batches_and_short_texts_are_ignored():
    index = DuplicateIndex()
    first = article(STORY, date(2022, 3, 6))
    link_near_duplicates([first], index)
    second = article(edited(STORY), date(2022, 3, 7))
    link_near_duplicates([second], index, threshold=0.5)
    assert second.duplicate_of == first.article_id and len(index) == 2
    tiny_a, tiny_b = article(["Breaking news."], None), article(["Breaking news!"], None)
    link_near_duplicates([tiny_a, tiny_b])
    assert tiny_a.duplicate_of is None and tiny_b.duplicate_of is None
    assert signature_rows(tiny_a) == []


def test_signature_rows_find_candidates_in_duckdb():
    stored, unrelated = article(STORY), article(OTHER)
    new = article(edited(STORY))
    rows = signature_rows(stored) + signature_rows(unrelated)
    assert signature_rows(stored) == signature_rows((stored.article_id, stored.text))  # deterministic
    assert all(0 <= h < 2**64 for _, _, h in rows)
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw")
    con.execute(SIGNATURES_DDL)
    con.executemany("INSERT INTO raw.article_signatures VALUES (?, ?, ?)", rows)
    new_rows = signature_rows(new)
    table = pa.table({"article_id": [r[0] for r in new_rows], "band": [r[1] for r in new_rows],
                      "band_hash": pa.array([r[2] for r in new_rows], pa.uint64())})
    con.register("new_signatures", table)
    assert [r[0] for r in con.execute(CANDIDATES_SQL).fetchall()] == [stored.article_id]


@pytest.mark.slow
def test_precision_and_recall_on_constructed_allsides_pairs(allsides):
    pairs = build_pairs(allsides, n_pairs=150, seed=3)
    results = measure(pairs, (0.7, 0.8))
    assert results[0.8]["precision"] >= 0.99
    assert results[0.8]["recall"] >= 0.9
    assert results[0.7]["recall"] >= results[0.8]["recall"]
