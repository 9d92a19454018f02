"""The dbt project built over a small hand-made warehouse (see dbt_corpus.py): every mart is
filled, keeps the columns the dashboard reads, and counts a near-duplicate story once."""

from __future__ import annotations

import json

import duckdb
import pytest

import dbt_corpus as corpus
from dbt_harness import DBT_PROJECT, run_dbt

pytestmark = pytest.mark.slow

A = corpus.ARTICLE_IDS

# What the dashboard reads: every mart must keep at least these columns.
DASHBOARD_COLUMNS = {
    "dim_articles": "article_id title outlet url author published_date published_source language word_count "
                    "duplicate_of similarity is_canonical source_count ingested_at extractor_version "
                    "extraction_status mention_count quote_count event_count",
    "dim_actors": "actor_id name kind country sector title aliases alias_count mention_count article_count "
                  "quote_count first_seen last_seen",
    "fct_actor_mentions_daily": "day actor_id actor_name country sector mentions articles",
    "fct_actor_mentions_rollup": "published_date outlet is_canonical actor_id mentions articles",
    "fct_quotes": "quote_id article_id published_date outlet title text kind cue speaker_actor_id speaker_name "
                  "speaker_kind is_anonymous anonymous_description speaker_country speaker_sector fingerprint "
                  "articles_carrying start_char end_char",
    "fct_top_speakers": "speaker_actor_id speaker_name country sector quotes articles first_quoted last_quoted",
    "fct_events": "event_id article_id published_date outlet event_type mode score modality event_count "
                  "source_actor_id source_name source_country target_actor_id target_name target_country "
                  "event_date date_granularity date_flag location_name location_country latitude longitude "
                  "evidence start_char end_char fingerprint is_first_report",
    "fct_event_types_daily": "day event_type events distinct_events mean_score",
    "fct_dyads_daily": "day source_actor_id source_name target_actor_id target_name events score_sum score_mean "
                       "n_agree n_consult n_support n_concede n_cooperate n_aid n_retreat n_request n_accuse "
                       "n_reject n_threaten n_protest n_sanction n_mobilize n_coerce n_assault",
    "fct_actor_quotes": "actor_id role quote_id article_id published_date outlet is_canonical title text kind cue "
                        "speaker_name speaker_kind anonymous_description start_char",
    "fct_actor_events": "actor_id role event_id article_id published_date outlet is_canonical event_type mode score "
                        "modality source_name target_name event_date location_name evidence start_char",
    "fct_actor_cooccurrence": "actor_a_id actor_a_name actor_b_id actor_b_name articles sentences",
    "fct_outlet_sourcing": "outlet month articles quotes quotes_per_article anonymous_quotes anonymous_share "
                           "named_quotes",
    "fct_outlet_speaker_mix": "outlet month speaker_country speaker_sector quotes share",
    "fct_pipeline_status": "articles canonical_articles rejected_inputs actors mentions quotes events "
                           "newest_article_date last_ingested_at last_extraction_finished_at "
                           "last_extraction_status extractor_version",
}


@pytest.fixture(scope="module")
def con(built_warehouse):
    warehouse, _ = built_warehouse
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def one(con, sql: str, params: list | None = None):
    rows = con.execute(sql, params or []).fetchall()
    assert len(rows) == 1, rows
    return rows[0]


def test_models_land_in_plain_schemas(con):
    schemas = {r[0] for r in con.execute(
        "select distinct table_schema from information_schema.tables").fetchall()}
    assert {"raw", "nlp", "staging", "intermediate", "marts"} <= schemas
    assert not any(s.startswith("main_") for s in schemas)
    assert one(con, "select table_type from information_schema.tables "
                    "where table_schema = 'staging' and table_name = 'stg_articles'")[0] == "VIEW"


@pytest.mark.parametrize("mart", sorted(DASHBOARD_COLUMNS))
def test_mart_has_rows_and_dashboard_columns(con, mart):
    columns = {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ?",
        [mart]).fetchall()}
    missing = set(DASHBOARD_COLUMNS[mart].split()) - columns
    assert not missing, f"{mart} lacks {missing}"
    assert one(con, f"select count(*) from marts.{mart}")[0] > 0


def test_near_duplicate_is_not_counted_twice(con):
    germany = corpus.actor_id("DEU")
    # A1 and its near-duplicate A2 both name Germany twice; only A1 counts.
    assert one(con, "select mentions, articles from marts.fct_actor_mentions_daily "
                    "where actor_id = ? and day = date '2022-03-01'", [germany]) == (2, 1)
    assert one(con, "select mention_count, article_count from marts.dim_actors where actor_id = ?",
               [germany]) == (2, 1)
    # the dashboard's rollup keeps the duplicate apart, so "skip near-duplicates" can drop it
    assert one(con, "select sum(mentions), sum(articles) from marts.fct_actor_mentions_rollup "
                    "where actor_id = ? and published_date = date '2022-03-01' and is_canonical", [germany]) == (2, 1)
    assert one(con, "select sum(mentions), sum(articles) from marts.fct_actor_mentions_rollup "
                    "where actor_id = ? and published_date = date '2022-03-01'", [germany]) == (4, 2)
    assert one(con, "select events, distinct_events from marts.fct_event_types_daily "
                    "where day = date '2022-03-01' and event_type = 'AID'") == (1, 1)
    assert one(con, "select events, n_aid from marts.fct_dyads_daily where source_actor_id = ? "
                    "and target_actor_id = ?", [germany, corpus.actor_id("UKR")]) == (1, 1)
    # Scholz is quoted in A1, A2 (duplicate) and A3: two canonical articles.
    assert one(con, "select quotes, articles from marts.fct_top_speakers where speaker_actor_id = ?",
               [corpus.actor_id("SCHOLZ")]) == (2, 2)
    # The facts keep the duplicate's rows, flagged.
    assert one(con, "select count(*), count(*) filter (where not is_canonical) from marts.fct_quotes "
                    "where fingerprint = ?", [corpus.FP_SCHOLZ]) == (3, 1)


def test_actor_quotes_and_events_match_their_definitions(con):
    """The per-actor marts hold exactly what the actor profile used to compute from the facts."""
    def rows(sql):
        return sorted(con.execute(sql).fetchall(), key=repr)

    assert rows("select actor_id, quote_id from marts.fct_actor_quotes where role = 'speaker'") == rows(
        "select speaker_actor_id, quote_id from marts.fct_quotes where speaker_actor_id is not null")
    mentioned = rows("""select a.actor_id, q.quote_id from marts.dim_actors a, marts.fct_quotes q
        where q.speaker_actor_id is distinct from a.actor_id and exists (
            select 1 from nlp.actor_mentions m where m.article_id = q.article_id and m.actor_id = a.actor_id
              and m.start_char >= q.start_char and m.end_char <= q.end_char)""")
    assert mentioned, "the corpus should have a quote that names another actor"
    assert rows("select actor_id, quote_id from marts.fct_actor_quotes where role = 'mentioned'") == mentioned
    involved = rows("""select a.actor_id, e.event_id,
            case when e.source_actor_id = a.actor_id then 'as source' else 'as target' end
        from marts.dim_actors a, marts.fct_events e
        where a.actor_id in (e.source_actor_id, e.target_actor_id)""")
    assert involved
    assert rows("select actor_id, event_id, role from marts.fct_actor_events") == involved


def test_quote_travel_and_anonymous_sources(con):
    assert one(con, "select distinct articles_carrying, outlets_carrying from marts.fct_quotes "
                    "where fingerprint = ?", [corpus.FP_SCHOLZ]) == (3, 2)
    rows = con.execute("select is_anonymous, anonymous_description, speaker_actor_id, kind from marts.fct_quotes "
                       "where fingerprint = ?", [corpus.FP_NATO]).fetchall()
    assert rows == [(True, "A senior NATO official", None, "mixed")] * 2


def test_outlet_sourcing_and_speaker_mix(con):
    # VOA in March 2022: A1 (2 quotes, 1 anonymous), A3 (2), A9 (0); A4 is French and skipped.
    assert one(con, "select articles, quotes, anonymous_quotes, named_quotes, anonymous_share "
                    "from marts.fct_outlet_sourcing where outlet = 'Voice of America'") == (3, 4, 1, 3, 0.25)
    # A reprint of another outlet's story counts for the reprinting outlet.
    assert one(con, "select articles from marts.fct_outlet_sourcing where outlet = 'Regional Daily'")[0] == 1
    shares = con.execute("select outlet, month, sum(share) from marts.fct_outlet_speaker_mix "
                         "group by all").fetchall()
    assert shares and all(abs(s - 1) < 1e-9 for *_, s in shares)
    assert one(con, "select quotes from marts.fct_outlet_speaker_mix where outlet = 'Voice of America' "
                    "and speaker_country = 'unknown'")[0] == 1


def test_article_fallbacks(con):
    # A5 has neither date nor outlet: the ingest date and the URL's host stand in.
    assert one(con, "select outlet, published_date, published_date_estimated, extraction_status "
                    "from marts.dim_articles where article_id = ?", [A["A5"]]) == (
        "example-news.org", corpus.T1.date(), True, None)
    assert one(con, "select source_count, mention_count, quote_count, event_count, is_canonical "
                    "from marts.dim_articles where article_id = ?", [A["A1"]]) == (2, 8, 2, 2, True)
    assert one(con, "select is_canonical, duplicate_of from marts.dim_articles where article_id = ?",
               [A["A2"]]) == (False, A["A1"])


def test_events_days_modalities_and_first_reports(con):
    # The negated attack is an event row but not a dyad (and has no target anyway); the future
    # Japanese aid counts on its article's day, not on its month-granular date.
    assert one(con, "select count(*) from marts.fct_dyads_daily where n_assault > 0")[0] == 0
    assert one(con, "select event_day, event_date, date_granularity from marts.fct_events "
                    "where article_id = ?", [A["A9"]]) == (
        corpus.date(2022, 3, 4), corpus.date(2022, 4, 1), "month")
    firsts = con.execute("select fingerprint, count(*) filter (where is_first_report) from marts.fct_events "
                         "group by fingerprint").fetchall()
    assert firsts and all(n == 1 for _, n in firsts)
    # A1 and A2 tie on date and ingest time; the first report is the lower id, the same every build.
    expected_first = min(A["A1"], A["A2"])
    assert {r[0] for r in con.execute("select article_id from marts.fct_events where is_first_report "
                                      "and event_type = 'AID' and source_actor_id = ?",
                                      [corpus.actor_id("DEU")]).fetchall()} == {expected_first}


def test_dimensions(con):
    assert one(con, "select aliases, alias_count, quote_count, first_seen, last_seen from marts.dim_actors "
                    "where actor_id = ?", [corpus.actor_id("SCHOLZ")]) == (
        "Scholz; Olaf Scholz", 2, 2, corpus.date(2022, 3, 1), corpus.date(2022, 3, 2))
    pair = sorted([corpus.actor_id("RUS"), corpus.actor_id("CHN")])
    assert one(con, "select articles, sentences from marts.fct_actor_cooccurrence "
                    "where actor_a_id = ? and actor_b_id = ?", pair) == (2, 2)  # A3 and A10


def test_pipeline_status(con):
    row = one(con, "select articles, canonical_articles, rejected_inputs, actors, quotes, events, "
                   "newest_article_date, last_extraction_status, extractor_version from marts.fct_pipeline_status")
    assert row == (9, 8, 1, len(corpus.ACTORS), 9, 9, corpus.date(2022, 3, 5), "succeeded", corpus.VERSION_1)


def test_example_queries_answer_questions(built_warehouse):
    warehouse, _ = built_warehouse
    files = sorted((DBT_PROJECT / "analyses").glob("*.sql"))
    assert len(files) >= 6
    connection = duckdb.connect(str(warehouse), read_only=True)
    try:
        answered = 0
        for path in files:
            sql = path.read_text()
            assert sql.startswith("-- Question:"), path.name
            answered += bool(connection.execute(sql).fetchall())
    finally:
        connection.close()
    # The corpus is small, but it holds an answer to almost every question.
    assert answered >= len(files) - 1


def test_docs_generate(built_warehouse, dbt_target, tmp_path):
    # dbt works on a copy (write_back=False): it opens the file for writing, which the read-only
    # connections above would block.
    result = run_dbt(["docs", "generate"], built_warehouse[0], tmp_path, dbt_target, write_back=False)
    assert result.returncode == 0, result.output[-3000:]
    catalog = json.loads((result.target_path / "catalog.json").read_text())
    quotes = catalog["nodes"]["model.presswatch.fct_quotes"]
    assert "articles_carrying" in {c.lower() for c in quotes["columns"]}
    assert "source.presswatch.raw.articles" in catalog["sources"]



def test_source_freshness_only_warns(built_warehouse, dbt_target, tmp_path):
    result = run_dbt(["source", "freshness"], built_warehouse[0], tmp_path, dbt_target, write_back=False)
    assert result.returncode == 0, result.output[-3000:]
    sources = json.loads((result.target_path / "sources.json").read_text())["results"]
    checked = {r["unique_id"].split(".", 2)[2]: r["status"] for r in sources}
    # The corpus was "loaded" in 2024: stale, which must warn and never error.
    assert checked["raw.articles"] == "warn" and checked["nlp.article_extractions"] == "warn"
    assert set(checked.values()) == {"warn"}
