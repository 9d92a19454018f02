"""The whole graph, in-process, into a temporary warehouse: ingest → extract → dbt → publish."""

from __future__ import annotations

import json
import shutil

import dagster as dg
import duckdb
import pytest

from tests.conftest import PROJECT_ROOT

SEED = PROJECT_ROOT / "data" / "sample" / "seed_macron_putin.txt"
VOA = PROJECT_ROOT / "data" / "sample" / "voa_stories.jsonl"


@pytest.fixture(scope="module")
def pipeline_env(tmp_path_factory):
    work = tmp_path_factory.mktemp("graph")
    landing = work / "landing"
    landing.mkdir()
    shutil.copy(SEED, landing / SEED.name)
    shutil.copy(SEED.with_suffix(".meta.json"), landing / SEED.with_suffix(".meta.json").name)
    with open(VOA, encoding="utf-8") as src, open(landing / "voa_five.jsonl", "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i < 5:
                dst.write(line)
        dst.write("{this line is not json\n")  # bad input: recorded, the rest still loads
    (landing / "empty.txt").write_text("")
    env = {
        "PRESSWATCH_WAREHOUSE": str(work / "warehouse.duckdb"),
        "PRESSWATCH_PUBLISHED": str(work / "published" / "warehouse.duckdb"),
        "PRESSWATCH_LANDING": str(landing),
        "PRESSWATCH_INCLUDE_SAMPLE": "0",
        "PRESSWATCH_N_PROCESS": "1",
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        yield work, landing


def run_pipeline():
    from pipelines.definitions import defs

    job = defs.resolve_job_def("presswatch_pipeline")
    result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    failures = [e.message for e in result.all_events if e.is_failure]
    assert result.success, failures
    return result


def query(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def first_run(pipeline_env):
    return run_pipeline()


def test_every_table_and_mart_is_filled(pipeline_env, first_run):
    work, _ = pipeline_env
    published = work / "published" / "warehouse.duckdb"
    assert published.exists()
    counts = {t: query(published, f"SELECT count(*) FROM {t}")[0][0] for t in (
        "raw.articles", "raw.rejected_inputs", "nlp.actors", "nlp.actor_mentions", "nlp.quotes", "nlp.events",
        "marts.dim_articles", "marts.dim_actors", "marts.fct_actor_mentions_daily", "marts.fct_actor_mentions_rollup",
        "marts.fct_quotes", "marts.fct_top_speakers", "marts.fct_events", "marts.fct_event_types_daily")}
    assert counts["raw.articles"] == 6
    assert all(n > 0 for n in counts.values()), counts


def test_bad_input_is_recorded_with_a_reason(pipeline_env, first_run):
    work, _ = pipeline_env
    reasons = dict(query(work / "warehouse.duckdb", "SELECT source_path, reason FROM raw.rejected_inputs"))
    assert any(p.endswith("empty.txt") for p in reasons)
    assert any(p.endswith("voa_five.jsonl") for p in reasons)


def test_the_seed_yields_its_people_and_no_boilerplate_actors(pipeline_env, first_run):
    work, _ = pipeline_env
    names = {r[0] for r in query(work / "warehouse.duckdb", """
        SELECT DISTINCT a.name FROM nlp.actor_mentions m JOIN nlp.actors a USING (actor_id)
        JOIN raw.articles r USING (article_id) WHERE r.title LIKE 'Allô%'""")}
    assert {"Emmanuel Macron", "Vladimir Putin"} <= names
    assert "Joseph Grenny" not in names


def test_offsets_point_into_the_article_text(pipeline_env, first_run):
    work, _ = pipeline_env
    bad = query(work / "warehouse.duckdb", """
        SELECT q.quote_id FROM nlp.quotes q JOIN raw.articles a USING (article_id)
        WHERE substr(a.text, q.start_char + 1, q.end_char - q.start_char) <> q.text""")
    assert bad == []


def test_rerunning_adds_nothing(pipeline_env, first_run):
    work, _ = pipeline_env
    tables = ("raw.articles", "raw.article_sources", "raw.rejected_inputs", "nlp.actor_mentions", "nlp.quotes", "nlp.events")
    before = [query(work / "warehouse.duckdb", f"SELECT count(*) FROM {t}")[0][0] for t in tables]
    run_pipeline()
    after = [query(work / "warehouse.duckdb", f"SELECT count(*) FROM {t}")[0][0] for t in tables]
    assert before == after


def test_a_new_file_in_the_landing_folder_reaches_the_marts(pipeline_env, first_run):
    work, landing = pipeline_env
    story = {"id": "x1", "title": "Ministers meet", "published": "2024-05-02",
             "text": "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw on Thursday. "
                     "\"We stand together,\" Scholz said after the talks."}
    (landing / "new.jsonl").write_text(json.dumps(story) + "\n", encoding="utf-8")
    run_pipeline()
    rows = query(work / "published" / "warehouse.duckdb",
                 "SELECT count(*) FROM marts.dim_articles WHERE title = 'Ministers meet'")
    assert rows[0][0] == 1
