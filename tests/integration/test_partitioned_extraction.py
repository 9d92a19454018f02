"""The partitioned path (extract buckets into a Parquet lake, then one loader) leaves the
warehouse exactly as the normal run_extract does: same rows, same values."""

from __future__ import annotations

import json
import shutil
import sys
import types
from dataclasses import replace
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.conftest import PROJECT_ROOT

VOA = PROJECT_ROOT / "data" / "sample" / "voa_stories.jsonl"
ARTICLES = 8
# Columns that say when and in which run a row was written, not what was extracted.
RUN_COLUMNS = {"updated_at", "extracted_at", "run_id"}
TABLES = ("nlp.actors", "nlp.actor_aliases", "nlp.actor_mentions", "nlp.quotes", "nlp.events",
          "nlp.article_extractions")


def _landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    landing.mkdir()
    with open(VOA, encoding="utf-8") as src, open(landing / "voa.jsonl", "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= ARTICLES:
                break
            dst.write(line)
        # a non-English article: recorded as skipped by both paths
        dst.write(json.dumps({"id": "fr", "title": "Nouvelles", "text": "Le président a déclaré lundi que le "
                              "gouvernement allait présenter un nouveau projet de loi sur les retraites devant "
                              "l'Assemblée nationale, malgré les critiques de l'opposition et des syndicats."}) + "\n")
    return landing


def _settings(tmp_path: Path, name: str, landing: Path, **changes):
    from pipelines.settings import Settings

    return replace(Settings(), warehouse_path=tmp_path / f"{name}.duckdb", landing_dir=landing,
                   include_sample=False, n_process=1, articles_per_write=3, **changes)


def _rows(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = {}
        for table in TABLES:
            schema, name = table.split(".")
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                "ORDER BY ordinal_position", [schema, name]).fetchall() if r[0] not in RUN_COLUMNS]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[table] = con.execute(f"SELECT {listed} FROM {table} ORDER BY ALL").fetchall()
        return found
    finally:
        con.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The normal path: run_ingest then run_extract, on an ingested warehouse kept as a template."""
    from pipelines.steps import run_extract, run_ingest

    tmp_path = tmp_path_factory.mktemp("partitioned")
    landing = _landing(tmp_path)
    ingested = _settings(tmp_path, "ingested", landing)
    run_ingest(ingested)
    normal = _settings(tmp_path, "normal", landing)
    shutil.copyfile(ingested.warehouse_path, normal.warehouse_path)
    result = run_extract(normal)
    assert result["articles"] == ARTICLES and result["skipped"] == 1
    return tmp_path, landing, ingested, _rows(normal.warehouse_path)


def test_buckets_are_stable_and_cover_every_id():
    from pipelines.warehouse.lake import bucket_of

    ids = [f"{i:016x}" for i in range(200)]
    buckets = [bucket_of(i, 3) for i in ids]
    assert set(buckets) == {0, 1, 2}
    assert buckets == [bucket_of(i, 3) for i in ids]


def test_partitions_then_load_equal_the_normal_path(reference):
    from pipelines.warehouse.lake import extract_partition, load_lake, partition_dir

    tmp_path, landing, ingested, expected = reference
    settings = _settings(tmp_path, "pure", landing)
    shutil.copyfile(ingested.warehouse_path, settings.warehouse_path)
    lake = tmp_path / "lake_pure"
    done = [extract_partition(settings, lake, k, 3) for k in range(3)]
    assert sum(d["articles"] for d in done) == ARTICLES and sum(d["skipped"] for d in done) == 1
    assert (partition_dir(lake, "events", 2) / "part.parquet").exists()
    loaded = load_lake(settings, lake)
    assert loaded["articles"] == ARTICLES and loaded["skipped"] == 1
    assert _rows(settings.warehouse_path) == expected

    # nothing left to extract: partitions are empty, the load changes nothing
    again = [extract_partition(settings, lake, k, 3) for k in range(3)]
    assert sum(d.get("articles", 0) + d.get("skipped", 0) for d in again) == 0
    load_lake(settings, lake)
    assert _rows(settings.warehouse_path) == expected


def test_dagster_job_runs_partitions_in_parallel_processes(reference, monkeypatch):
    """presswatch_partitioned with the multiprocess executor, on a temporary instance."""
    from pipelines.defs.scale_out import PARTITIONS_CONFIG_KEY, partitioned_job

    tmp_path, landing, ingested, expected = reference
    settings = _settings(tmp_path, "dagster", landing)
    shutil.copyfile(ingested.warehouse_path, settings.warehouse_path)
    monkeypatch.setenv("PRESSWATCH_WAREHOUSE", str(settings.warehouse_path))
    monkeypatch.setenv("PRESSWATCH_LANDING", str(landing))
    monkeypatch.setenv("PRESSWATCH_ARTICLES_PER_WRITE", "3")
    monkeypatch.setenv("PRESSWATCH_LAKE", str(tmp_path / "lake_dagster"))
    # spawned step processes re-run the parent's __main__ file; after the dashboard's AppTests
    # in the same session that is dashboard/app.py, so give them an empty one
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    with dg.instance_for_test() as instance:
        result = dg.execute_job(
            dg.reconstructable(partitioned_job), instance=instance,
            run_config={"ops": {"plan_partitions": {"config": {PARTITIONS_CONFIG_KEY: 3}},
                                "build_marts": {"config": {"enabled": False}}},
                        "execution": {"config": {"max_concurrent": 2, "start_method": {"spawn": {}}}}},
        )
        failures = [(e.step_key, e.event_specific_data.error.to_string() if getattr(e.event_specific_data, "error", None)
                     else e.message) for e in result.all_events if e.is_failure]
        assert result.success, failures
        steps = {e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"}
        assert sum(1 for s in steps if s.startswith("extract_partition")) == 3
        pids = {e.pid for e in result.all_events if e.step_key and e.step_key.startswith("extract_partition")}
        assert len(pids) >= 2  # each partition step ran in a process of its own
    assert _rows(settings.warehouse_path) == expected
