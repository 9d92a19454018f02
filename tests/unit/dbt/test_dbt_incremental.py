"""The incremental marts (fct_quotes, fct_events, int_actor_pairs_by_article) after a second
ingest + extraction pass: they pick up what changed, including rows of untouched articles whose
shared fingerprints moved, and equal a full rebuild exactly."""

from __future__ import annotations

import shutil

import duckdb
import pytest

import dbt_corpus as corpus
from dbt_harness import MARTS, assert_clean, run_dbt
from dbt_harness import snapshot as snapshot_relations

pytestmark = pytest.mark.slow

A = corpus.ARTICLE_IDS
INCREMENTAL = ["marts.fct_quotes", "marts.fct_events", "intermediate.int_actor_pairs_by_article"]


def snapshot(warehouse) -> dict[str, list[tuple]]:
    return snapshot_relations(warehouse, [f"marts.{m}" for m in MARTS] + INCREMENTAL[2:])


@pytest.fixture(scope="module")
def second_pass(built_warehouse, dbt_target, tmp_path_factory):
    first, _ = built_warehouse
    work = tmp_path_factory.mktemp("dbt_second")
    warehouse = work / "warehouse.duckdb"
    shutil.copyfile(first, warehouse)
    corpus.write_second_batch(warehouse)

    incremental = run_dbt(["build"], warehouse, work, dbt_target)
    assert_clean(incremental)
    compiled = {name: (incremental.target_path / "compiled" / "presswatch" / "models" / "marts" / f"{name}.sql")
                .read_text() for name in ("fct_quotes", "fct_events")}
    after_incremental = snapshot(warehouse)

    full = run_dbt(["build", "--full-refresh"], warehouse, work, dbt_target)
    assert_clean(full)
    return {"incremental": after_incremental, "full": snapshot(warehouse), "compiled": compiled,
            "warehouse": warehouse}


def test_second_build_took_the_incremental_path(second_pass):
    for name, sql in second_pass["compiled"].items():
        assert "changed_articles" in sql, f"{name} was rebuilt, not updated incrementally"


@pytest.mark.parametrize("relation", [f"marts.{m}" for m in MARTS] + INCREMENTAL[2:])
def test_incremental_equals_full_refresh(second_pass, relation):
    assert second_pass["incremental"][relation] == second_pass["full"][relation]


def rows(second_pass, relation, **where):
    con = duckdb.connect(str(second_pass["warehouse"]), read_only=True)
    try:
        columns = [c[0] for c in con.execute(f"select * from {relation} limit 0").description]
    finally:
        con.close()
    found = [dict(zip(columns, r)) for r in second_pass["incremental"][relation]]
    return [r for r in found if all(r[k] == v for k, v in where.items())]


def test_new_earlier_report_takes_over_first_report(second_pass):
    # A6 is published a day before A3 and reports the same sanctions: A3 (itself unchanged)
    # must stop being the first report.
    sanctions = rows(second_pass, "marts.fct_events", event_type="SANCTION")
    assert {(r["article_id"], r["is_first_report"], r["articles_carrying"]) for r in sanctions} == {
        (A["A6"], True, 2), (A["A3"], False, 2)}


def test_rows_dropped_by_re_extraction_disappear(second_pass):
    # A1 lost its anonymous quote; A8 lost its only quote.
    assert not rows(second_pass, "marts.fct_quotes", article_id=A["A8"])
    assert [r["article_id"] for r in rows(second_pass, "marts.fct_quotes", fingerprint=corpus.FP_NATO)] == [A["A2"]]
    # ...and the articles still carrying those quotes are recounted though they did not change.
    assert rows(second_pass, "marts.fct_quotes", fingerprint=corpus.FP_NATO)[0]["articles_carrying"] == 1
    lavrov = rows(second_pass, "marts.fct_quotes", fingerprint=corpus.FP_LAVROV)
    assert [(r["article_id"], r["articles_carrying"]) for r in lavrov] == [(A["A3"], 1)]


def test_new_article_updates_shared_quote_counts(second_pass):
    scholz = rows(second_pass, "marts.fct_quotes", fingerprint=corpus.FP_SCHOLZ)
    assert len(scholz) == 4
    assert {(r["articles_carrying"], r["outlets_carrying"]) for r in scholz} == {(4, 3)}


def test_refined_actor_reaches_unchanged_articles(second_pass):
    (japan_aid,) = rows(second_pass, "marts.fct_events", article_id=A["A9"])
    assert japan_aid["source_name"] == "Japan"
    assert japan_aid["source_sector"] == "GOV"
    (guterres,) = rows(second_pass, "marts.fct_quotes", article_id=A["A12"])
    assert (guterres["speaker_name"], guterres["speaker_country"], guterres["speaker_sector"]) == (
        "António Guterres", "IGO", "IGO")


def test_cooccurrence_follows_new_articles(second_pass):
    pair = sorted([corpus.actor_id("RUS"), corpus.actor_id("UKR")])
    (row,) = rows(second_pass, "marts.fct_actor_cooccurrence", actor_a_id=pair[0], actor_b_id=pair[1])
    assert row["articles"] == 2  # A1 and the new A6 (A2 is A1's duplicate)


def test_re_pointed_duplicate_leaves_the_counts(second_pass):
    # Ingest re-pointed A10 to its older original A11 in place: no timestamp moved, yet A10's
    # rows are flagged and its quote and event leave the daily counts.
    assert {r["is_canonical"] for r in rows(second_pass, "marts.fct_quotes", article_id=A["A10"])} == {False}
    assert {r["is_canonical"] for r in rows(second_pass, "marts.fct_events", article_id=A["A10"])} == {False}
    assert not rows(second_pass, "marts.fct_event_types_daily", event_type="AGREE")
    assert not rows(second_pass, "marts.fct_top_speakers", speaker_actor_id=corpus.actor_id("CHN"))


def test_cooccurrence_drops_pairs_of_a_re_extracted_article(second_pass):
    # A8 paired Lavrov with Russia ("Moscow") before its re-extraction; only A3 does now.
    pair = sorted([corpus.actor_id("LAVROV"), corpus.actor_id("RUS")])
    (row,) = rows(second_pass, "marts.fct_actor_cooccurrence", actor_a_id=pair[0], actor_b_id=pair[1])
    assert row["articles"] == 1
    assert not rows(second_pass, "intermediate.int_actor_pairs_by_article", article_id=A["A8"])


EXTRACTED_ID_COLUMNS = {"fct_quotes": ["extracted_speaker_actor_id"],
                        "fct_events": ["extracted_source_actor_id", "extracted_target_actor_id"]}


@pytest.fixture(scope="module")
def built_before_extracted_ids(built_warehouse, dbt_target, tmp_path_factory):
    """The first batch's facts as a build from before the extracted_* columns, then an
    incremental run of the facts with nothing new upstream."""
    first, _ = built_warehouse
    work = tmp_path_factory.mktemp("dbt_old_facts")
    warehouse = work / "warehouse.duckdb"
    shutil.copyfile(first, warehouse)
    relations = [f"marts.{name}" for name in EXTRACTED_ID_COLUMNS]
    con = duckdb.connect(str(warehouse))
    try:
        for name, columns in EXTRACTED_ID_COLUMNS.items():
            for column in columns:
                con.execute(f"alter table marts.{name} drop column {column}")
    finally:
        con.close()
    result = run_dbt(["run", "--select", *EXTRACTED_ID_COLUMNS], warehouse, work, dbt_target)
    assert_clean(result)
    compiled = {name: (result.target_path / "compiled" / "presswatch" / "models" / "marts" / f"{name}.sql")
                .read_text() for name in EXTRACTED_ID_COLUMNS}
    return {"expected": snapshot_relations(first, relations), "after": snapshot_relations(warehouse, relations),
            "compiled": compiled}


def test_facts_built_before_extracted_ids_are_rebuilt_whole_once(built_before_extracted_ids):
    # The change check cannot compare identities without the extracted ids, so every article
    # is recomputed and the new columns are filled: the same rows as a full build.
    for name, sql in built_before_extracted_ids["compiled"].items():
        assert "changed_articles" in sql, f"{name} was rebuilt, not updated incrementally"
    assert built_before_extracted_ids["after"] == built_before_extracted_ids["expected"]
