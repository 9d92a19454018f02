"""Cross-article actor identity in the marts: a person named by one word only ("Kuleba", article
K1) and linked to the full-name person named in later articles ("Dmytro Kuleba", K2 and K3)
counts as that person in every mart, while the facts keep the id as extracted.

The warehouse is built first with K1 alone (no link yet), then K2 and K3 arrive and the build
is incremental: K1 itself does not change, yet its rows in fct_quotes and fct_events must take
the full-name person, exactly as a full refresh does."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

import dbt_corpus as corpus
from dbt_harness import MARTS, assert_clean, run_dbt, snapshot

pytestmark = pytest.mark.slow

A = corpus.ARTICLE_IDS
KULEBA = corpus.actor_id("KULEBA")
DMYTRO = corpus.actor_id("DMYTRO_KULEBA")
IDENTITY_RELATIONS = [f"marts.{m}" for m in MARTS] + ["intermediate.int_actor_pairs_by_article",
                                                     "intermediate.int_actor_identity"]


def read(warehouse, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def identity_builds(dbt_target, tmp_path_factory):
    work = tmp_path_factory.mktemp("dbt_identity")
    warehouse = work / "warehouse.duckdb"
    corpus.write_first_batch(warehouse)
    corpus.write_one_word_person_article(warehouse)
    assert_clean(run_dbt(["build"], warehouse, work, dbt_target))
    before = {
        "quote": read(warehouse, "select speaker_actor_id, speaker_name from marts.fct_quotes where article_id = ?",
                      [A["K1"]]),
        "same_as": read(warehouse, "select same_as_actor_id from marts.dim_actors where actor_id = ?", [KULEBA]),
    }

    corpus.write_full_name_person_articles(warehouse)
    incremental = run_dbt(["build"], warehouse, work, dbt_target)
    assert_clean(incremental)
    compiled = (incremental.target_path / "compiled" / "presswatch" / "models" / "marts" / "fct_quotes.sql").read_text()
    after_incremental = snapshot(warehouse, IDENTITY_RELATIONS)
    # kept for the tests that query: the warehouse as the incremental build left it
    incremental_copy = work / "incremental.duckdb"
    shutil.copyfile(warehouse, incremental_copy)

    assert_clean(run_dbt(["build", "--full-refresh"], warehouse, work, dbt_target))
    return {"before": before, "compiled": compiled, "incremental": after_incremental,
            "full": snapshot(warehouse, IDENTITY_RELATIONS), "warehouse": incremental_copy}


@pytest.fixture(scope="module")
def wh(identity_builds):
    return identity_builds["warehouse"]


def test_the_one_word_person_stood_alone_before_the_full_name_arrived(identity_builds):
    assert identity_builds["before"]["quote"] == [(KULEBA, "Kuleba")]
    assert identity_builds["before"]["same_as"] == [(None,)]
    assert "changed_articles" in identity_builds["compiled"], "fct_quotes was rebuilt, not updated incrementally"


@pytest.mark.parametrize("relation", IDENTITY_RELATIONS)
def test_incremental_equals_full_refresh_after_a_new_link(identity_builds, relation):
    assert identity_builds["incremental"][relation] == identity_builds["full"][relation]


def test_old_article_rows_take_the_full_name_person_and_keep_the_extracted_id(wh):
    assert read(wh, "select speaker_actor_id, extracted_speaker_actor_id, speaker_name, speaker_country, "
                    "speaker_sector from marts.fct_quotes where article_id = ?", [A["K1"]]) == [
        (DMYTRO, KULEBA, "Dmytro Kuleba", "UKR", "GOV")]
    assert read(wh, "select source_actor_id, extracted_source_actor_id, source_name, source_sector, "
                    "target_actor_id, extracted_target_actor_id from marts.fct_events where article_id = ?",
                [A["K1"]]) == [(DMYTRO, KULEBA, "Dmytro Kuleba", "GOV", corpus.actor_id("RUS"), corpus.actor_id("RUS"))]
    # an actor no link touches keeps its id in both columns
    assert read(wh, "select count(*) from marts.fct_quotes where extracted_speaker_actor_id is distinct from "
                    "speaker_actor_id and article_id <> ?", [A["K1"]]) == [(0,)]


def test_mention_marts_count_the_two_as_one(wh):
    # K1: 2 mentions of "Kuleba"; K2: 2 of Dmytro Kuleba; K3: 1 of Dmytro Kuleba and 2 of "Kuleba"
    assert read(wh, "select sum(mentions), sum(articles) from marts.fct_actor_mentions_rollup where actor_id = ?",
                [DMYTRO]) == [(7, 3)]
    assert read(wh, "select count(*) from marts.fct_actor_mentions_rollup where actor_id = ?", [KULEBA]) == [(0,)]
    assert read(wh, "select actor_name, sector, mentions, articles from marts.fct_actor_mentions_daily "
                    "where actor_id = ? and day = date '2022-03-06'", [DMYTRO]) == [("Dmytro Kuleba", "GOV", 2, 1)]
    assert read(wh, "select count(*) from marts.fct_actor_mentions_daily where actor_id = ?", [KULEBA]) == [(0,)]


def test_quote_and_event_marts_count_the_two_as_one(wh):
    assert read(wh, "select speaker_name, sector, quotes, articles, first_quoted, last_quoted "
                    "from marts.fct_top_speakers where speaker_actor_id in (?, ?)", [KULEBA, DMYTRO]) == [
        ("Dmytro Kuleba", "GOV", 2, 2, date(2022, 3, 6), date(2022, 3, 7))]
    assert read(wh, "select role, count(*) from marts.fct_actor_quotes where actor_id = ? group by role",
                [DMYTRO]) == [("speaker", 2)]
    assert read(wh, "select role, count(*) from marts.fct_actor_events where actor_id = ? "
                    "group by role order by role", [DMYTRO]) == [("as source", 2)]
    assert read(wh, "select count(*) from marts.fct_actor_quotes where actor_id = ?", [KULEBA]) == [(0,)]
    assert read(wh, "select count(*) from marts.fct_actor_events where actor_id = ?", [KULEBA]) == [(0,)]
    dyads = read(wh, "select target_name, events, n_accuse, n_consult from marts.fct_dyads_daily "
                     "where source_actor_id = ? order by target_name", [DMYTRO])
    assert dyads == [("NATO", 1, 0, 1), ("Russia", 1, 1, 0)]
    assert read(wh, "select count(*) from marts.fct_dyads_daily where ? in (source_actor_id, target_actor_id)",
                [KULEBA]) == [(0,)]


def test_dim_actors_counts_the_identity_and_keeps_a_row_per_extracted_actor(wh):
    columns = ("mention_count, article_count, quote_count, event_count, first_seen, last_seen, aliases, "
               "alias_count, same_as_actor_id")
    # the full-name person: K1's "Kuleba" (4 forms across K1 and K3) adds to his own "Kuleba" in K2
    assert read(wh, f"select name, {columns} from marts.dim_actors where actor_id = ?", [DMYTRO]) == [
        ("Dmytro Kuleba", 7, 3, 2, 2, date(2022, 3, 6), date(2022, 3, 8), "Kuleba; Dmytro Kuleba", 2, None)]
    # the one-word person keeps its row, counted under the full-name person
    assert read(wh, f"select name, {columns} from marts.dim_actors where actor_id = ?", [KULEBA]) == [
        ("Kuleba", 0, 0, 0, 0, None, None, None, 0, DMYTRO)]


def test_cooccurrence_maps_merges_and_drops_pairs(wh):
    def pair(key):
        other = corpus.actor_id(key)
        return read(wh, "select articles, sentences from marts.fct_actor_cooccurrence "
                        "where actor_a_id = least(?, ?) and actor_b_id = greatest(?, ?)", [DMYTRO, other] * 2)

    assert pair("RUS") == [(1, 1)]  # K1, as "Kuleba"
    # K2 (one sentence) and K3, where "Kuleba"-NATO and "Dmytro Kuleba"-NATO merge: K3's first
    # sentence names both forms and NATO and counts once, its second names "Kuleba" and NATO
    assert pair("NATO") == [(2, 3)]
    # K1's first sentence, and K3's second ("Dmytro Kuleba" and Ukraine share no sentence there)
    assert pair("UKR") == [(2, 2)]
    # the one-word person pairs with nobody, not even with the full-name person it is
    assert read(wh, "select count(*) from marts.fct_actor_cooccurrence where ? in (actor_a_id, actor_b_id)",
                [KULEBA]) == [(0,)]
    # the per-article pairs stay as extracted: int_person_same_as reads them
    assert read(wh, "select count(*) from intermediate.int_actor_pairs_by_article where ? in (actor_a_id, actor_b_id)",
                [KULEBA]) == [(5,)]
