"""The warehouse writer: idempotent batches, atomic replacement, Arrow inserts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb
import pytest

from pipelines.ingest.api import ParsedArticle, ParsedFile, Rejection
from pipelines.nlp.api import ArticleResult
from pipelines.warehouse import writer as w
from pipelines.warehouse.connection import writer


def _article(article_id: str, text: str, path: str = "/in/a.jsonl", line: int | None = 1) -> ParsedArticle:
    return ParsedArticle(
        article_id=article_id, text=text, title="T", outlet="example.org", url=None, author=None,
        published=date(2022, 3, 7), published_source="metadata", language="en", skip_reason=None,
        word_count=len(text.split()), boilerplate_chars=0, source_path=path, source_line=line,
        source_kind="jsonl", file_sha256="f" * 64,
    )


def _file(path: str, sha: str, articles=(), rejections=()) -> ParsedFile:
    return ParsedFile(source_path=path, file_sha256=sha, size_bytes=10, articles=list(articles), rejections=list(rejections))


@pytest.fixture
def con(tmp_path):
    with writer(tmp_path / "wh.duckdb") as connection:
        yield connection


def count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_same_article_from_two_files_is_one_article_with_two_sources(con):
    first = _file("/in/a.jsonl", "1" * 64, [_article("a1", "Putin spoke.", "/in/a.jsonl")])
    second = _file("/in/b.txt", "2" * 64, [_article("a1", "Putin spoke.", "/in/b.txt", None)])
    counts = w.write_parsed_files(con, [first, second])
    assert count(con, "raw.articles") == 1
    assert count(con, "raw.article_sources") == 2
    assert counts["articles_added"] == 1 and counts["exact_duplicates"] == 1


def test_rewriting_the_same_files_adds_nothing(con):
    batch = [_file("/in/a.jsonl", "1" * 64, [_article("a1", "x y")],
                   [Rejection("/in/a.jsonl", 2, "1" * 64, "bad_json", "Expecting value")])]
    w.write_parsed_files(con, batch)
    again = w.write_parsed_files(con, batch)
    assert (count(con, "raw.articles"), count(con, "raw.rejected_inputs"), count(con, "raw.ingested_files")) == (1, 1, 1)
    assert again["articles_added"] == 0
    assert w.already_ingested(con, "/in/a.jsonl", "1" * 64)
    assert not w.already_ingested(con, "/in/a.jsonl", "3" * 64)


def _result(article_id: str, n_quotes: int) -> ArticleResult:
    actor = {"actor_id": "act1", "canonical_key": "person:vladimir putin", "name": "Vladimir Putin",
             "kind": "person", "country": "RUS", "sector": "GOV", "title": None}
    mention = {"mention_id": f"{article_id}-m", "article_id": article_id, "actor_id": "act1", "start_char": 0,
               "end_char": 5, "surface": "Putin", "mention_kind": "name", "sentence_index": 0,
               "sentence_start": 0, "sentence_end": 12}
    quotes = [{"quote_id": f"{article_id}-q{i}", "article_id": article_id, "start_char": 0, "end_char": 5,
               "text": "Putin", "kind": "direct", "cue": "said", "speaker_actor_id": "act1",
               "speaker_name": "Vladimir Putin", "speaker_kind": "named", "speaker_start": 0, "speaker_end": 5,
               "anonymous_description": None, "speaker_country": "RUS", "speaker_sector": "GOV",
               "fingerprint": f"fp{i}"} for i in range(n_quotes)]
    return ArticleResult(article_id=article_id, actors=[actor], mentions=[mention], quotes=quotes, words=2)


def test_reextraction_replaces_an_articles_rows_atomically(con):
    w.write_extractions(con, [_result("a1", 3)], extractor_version="v1", run_id="r1")
    assert count(con, "nlp.quotes") == 3
    w.write_extractions(con, [_result("a1", 1)], extractor_version="v2", run_id="r2")
    assert count(con, "nlp.quotes") == 1
    assert con.execute("SELECT DISTINCT extractor_version FROM nlp.quotes").fetchall() == [("v2",)]
    assert con.execute("SELECT extractor_version FROM nlp.article_extractions").fetchall() == [("v2",)]


def test_a_failing_batch_leaves_nothing_behind(con):
    bad = _result("a2", 1)
    bad.quotes[0]["kind"] = None  # violates NOT NULL
    with pytest.raises(duckdb.Error):
        w.write_extractions(con, [_result("a1", 2), bad], extractor_version="v1", run_id="r1")
    assert count(con, "nlp.quotes") == 0 and count(con, "nlp.article_extractions") == 0


def test_articles_to_extract_lists_new_and_stale_articles(con):
    w.write_parsed_files(con, [_file("/in/a.jsonl", "1" * 64, [_article("a1", "x"), _article("a2", "y", line=2)])])
    assert [r[0] for r in w.articles_to_extract(con, "v1").fetchall()] == ["a1", "a2"]
    w.write_extractions(con, [_result("a1", 1)], extractor_version="v1", run_id="r1")
    assert [r[0] for r in w.articles_to_extract(con, "v1").fetchall()] == ["a2"]
    assert [r[0] for r in w.articles_to_extract(con, "v2").fetchall()] == ["a1", "a2"]


def test_aliases_are_counted_from_mentions(con):
    w.write_extractions(con, [_result("a1", 0), _result("a2", 0)], extractor_version="v1", run_id="r1")
    w.refresh_actor_aliases(con)
    assert con.execute("SELECT actor_id, alias, mentions FROM nlp.actor_aliases").fetchall() == [("act1", "Putin", 2)]


def _coded(article_id: str, published: date, name: str, country: str | None, sector: str | None,
           title: str | None = None) -> tuple[ParsedFile, ArticleResult]:
    """An article of that date whose only actor is the same person, coded as given."""
    article = replace(_article(article_id, f"{name} spoke.", f"/in/{article_id}.txt", None), published=published)
    parsed = _file(f"/in/{article_id}.txt", article_id.ljust(64, "0"), [article])
    actor = {"actor_id": "bennett", "canonical_key": "person:naftali bennett", "name": name, "kind": "person",
             "country": country, "sector": sector, "title": title}
    return parsed, ArticleResult(article_id=article_id, actors=[actor])


def _actor_row(con) -> tuple:
    return con.execute("SELECT name, country, sector, title FROM nlp.actors WHERE actor_id = 'bennett'").fetchone()


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2)])
@pytest.mark.parametrize("per_batch", [1, 3])
def test_an_actor_is_coded_by_the_majority_of_its_articles_in_any_order_and_batching(tmp_path, order, per_batch):
    articles = [
        _coded("a2021", date(2021, 7, 1), "Naftali Bennett", "ISR", "GOV", "Prime Minister"),
        _coded("b2022", date(2022, 2, 1), "Bennett", "ISR", "GOV", "Prime Minister"),
        _coded("c2023", date(2023, 5, 1), "Naftali Bennett", "ISR", "OPP", None),
    ]
    with writer(tmp_path / f"wh-{order}-{per_batch}.duckdb") as con:
        w.write_parsed_files(con, [parsed for parsed, _ in articles])
        results = [articles[i][1] for i in order]
        for start in range(0, len(results), per_batch):
            w.write_extractions(con, results[start:start + per_batch], extractor_version="v1", run_id="r1")
        assert _actor_row(con) == ("Naftali Bennett", "ISR", "GOV", "Prime Minister")
        assert con.execute("SELECT count(*) FROM nlp.article_actors WHERE actor_id = 'bennett'").fetchone()[0] == 3


def test_a_tie_goes_to_the_coding_of_the_most_recent_article(con):
    older, newer = (_coded("a", date(2021, 7, 1), "Naftali Bennett", "ISR", "GOV"),
                    _coded("b", date(2023, 5, 1), "Naftali Bennett", "ISR", "OPP"))
    w.write_parsed_files(con, [older[0], newer[0]])
    w.write_extractions(con, [newer[1]], extractor_version="v1", run_id="r1")
    w.write_extractions(con, [older[1]], extractor_version="v1", run_id="r1")
    assert _actor_row(con)[1:3] == ("ISR", "OPP")


def test_country_and_sector_are_chosen_together_and_missing_values_do_not_vote(con):
    rows = [_coded("a", date(2022, 1, 1), "Bennett", "USA", "GOV"),
            _coded("b", date(2022, 1, 2), "Bennett", "RUS", "MIL"),
            _coded("c", date(2022, 1, 3), "Bennett", "RUS", "MIL"),
            _coded("d", date(2022, 1, 4), "Bennett", None, None),
            _coded("e", date(2022, 1, 5), "Bennett", None, None)]
    w.write_parsed_files(con, [parsed for parsed, _ in rows])
    w.write_extractions(con, [result for _, result in rows], extractor_version="v1", run_id="r1")
    assert _actor_row(con)[1:3] == ("RUS", "MIL")


def test_re_extracting_an_article_recodes_its_actors_from_the_remaining_articles(con):
    first, second = (_coded("a", date(2022, 1, 1), "Naftali Bennett", "ISR", "GOV"),
                     _coded("b", date(2022, 1, 2), "Naftali Bennett", "ISR", "GOV"))
    w.write_parsed_files(con, [first[0], second[0]])
    w.write_extractions(con, [first[1], second[1]], extractor_version="v1", run_id="r1")
    gone = ArticleResult(article_id="a")  # a rule change: the article no longer names him
    changed = _coded("b", date(2022, 1, 2), "Naftali Bennett", "ISR", "OPP")[1]
    w.write_extractions(con, [gone, changed], extractor_version="v2", run_id="r2")
    assert _actor_row(con)[1:3] == ("ISR", "OPP")
    assert con.execute("SELECT extractor_version FROM nlp.actors").fetchall() == [("v2",)]


def test_the_name_is_the_most_frequent_form_then_the_longest(con):
    rows = [_coded("a", date(2022, 1, 1), "Bennett", "ISR", "GOV"),
            _coded("b", date(2022, 1, 2), "Naftali Bennett", "ISR", "GOV"),
            _coded("c", date(2022, 1, 3), "Naftali Bennett", "ISR", "GOV"),
            _coded("d", date(2022, 1, 4), "N. Bennett", "ISR", "GOV")]
    w.write_parsed_files(con, [parsed for parsed, _ in rows])
    w.write_extractions(con, [result for _, result in rows[:1] + rows[3:]], extractor_version="v1", run_id="r1")
    assert _actor_row(con)[0] == "N. Bennett"  # one each: the longer form
    w.write_extractions(con, [result for _, result in rows[1:3]], extractor_version="v1", run_id="r1")
    assert _actor_row(con)[0] == "Naftali Bennett"
