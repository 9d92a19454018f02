"""kill -9 during the dbt build and during publishing: the published snapshot stays the last
good one until a successful run replaces it, and the rebuilt marts equal a full refresh."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from tests.faults.conftest import copy_warehouse
from tests.faults.harness import (
    Proc, broken_invariants, dbt_args, env_for, query, run_dbt, seeded_rng, settings_for, start_step,
)

MARTS_SQL = """
    SELECT table_schema || '.' || table_name FROM information_schema.tables
    WHERE table_schema = 'marts' ORDER BY 1"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def marts(path: Path) -> dict[str, list]:
    """Every row of every mart, sorted (the marts hold no build timestamps)."""
    tables = [r[0] for r in query(path, MARTS_SQL)]
    return {t: sorted(query(path, f"SELECT * FROM {t}"), key=repr) for t in tables}


def ingest_and_extract(env):
    from pipelines.steps import run_extract, run_ingest

    settings = settings_for(env)
    run_ingest(settings)
    run_extract(settings)


@pytest.mark.slow
def test_dbt_killed_mid_build_leaves_the_snapshot_and_a_rerun_matches_a_full_refresh(reference, tmp_path, dbt_target):
    from pipelines.steps import run_publish

    rng, seed = seeded_rng()
    files = sorted(reference.landing.iterdir())
    landing = tmp_path / "landing"
    landing.mkdir()
    for path in files[: len(files) // 2]:  # yesterday's files: built and published
        shutil.copy(path, landing / path.name)
    env = env_for(tmp_path, landing)
    warehouse, published = Path(env["PRESSWATCH_WAREHOUSE"]), Path(env["PRESSWATCH_PUBLISHED"])
    ingest_and_extract(env)
    first = run_dbt("run", env, dbt_target)
    assert first.returncode == 0, first.stdout[-3000:]
    run_publish(settings_for(env))
    good, good_marts = sha(published), marts(published)

    for path in files[len(files) // 2:]:  # tonight's files
        shutil.copy(path, landing / path.name)
    ingest_and_extract(env)
    proc = Proc(dbt_args("run", dbt_target, "--no-use-colors"), env, tmp_path / "dbt.log", cwd=warehouse.parent)
    tables = [i for i, line in enumerate(_models(dbt_target)) if line]  # models materialised as tables
    kill_at = rng.choice(tables)  # the START of a table or incremental model (marts, pairs)
    started = proc.wait_for(lambda s: f" {kill_at + 1} of " in s and " START " in s)
    assert started is not None, f"dbt ended early: {proc.seen[-5:]}"
    time.sleep(rng.uniform(0, 0.3))
    proc.kill9()

    assert sha(published) == good, f"seed {seed}: a failed build changed the published snapshot"
    assert marts(published) == good_marts

    rerun = run_dbt("build", env, dbt_target)
    assert rerun.returncode == 0, f"seed {seed}: " + rerun.stdout[-3000:]
    assert broken_invariants(warehouse, finished=True) == {}
    run_publish(settings_for(env))
    assert sha(published) != good
    rebuilt = marts(published)
    assert query(published, "SELECT count(*) FROM marts.dim_articles")[0][0] == len(reference.raw["raw.articles"])

    scratch = copy_warehouse(warehouse, tmp_path / "scratch" / "warehouse.duckdb")
    full = run_dbt("run", env | {"PRESSWATCH_WAREHOUSE": str(scratch)}, dbt_target, "--full-refresh")
    assert full.returncode == 0, full.stdout[-3000:]
    expected = marts(scratch)
    assert rebuilt.keys() == expected.keys()
    differing = [t for t in expected if rebuilt[t] != expected[t]]
    assert differing == [], f"seed {seed}, killed at model {kill_at + 1}: incremental marts differ from a full refresh"


def _models(target: Path) -> list[bool]:
    """For each node dbt runs, in its printed order, whether it is materialised as a table."""
    import json

    manifest = json.loads((target / "target" / "manifest.json").read_text())
    run_results = json.loads((target / "target" / "run_results.json").read_text())
    order = [r["unique_id"] for r in run_results["results"]]
    return [manifest["nodes"][uid]["config"]["materialized"] in ("table", "incremental") for uid in order]


def test_publish_killed_mid_copy_keeps_the_previous_snapshot(reference, tmp_path):
    from pipelines.steps import run_publish
    from pipelines.warehouse.publish import open_snapshot

    env = env_for(tmp_path, reference.landing)
    warehouse, published = Path(env["PRESSWATCH_WAREHOUSE"]), Path(env["PRESSWATCH_PUBLISHED"])
    copy_warehouse(reference.ingested, warehouse)
    run_publish(settings_for(env))
    good = sha(published)
    copy_warehouse(reference.extracted, warehouse)  # a later run's results, ready to publish

    proc = start_step("publish", env, tmp_path / "publish.log", "--stall-copy")
    proc.wait_for_progress(1)  # half of the copy is on disk
    proc.kill9()
    leftovers = list(published.parent.glob(".*.tmp"))
    assert len(leftovers) == 1
    assert sha(published) == good
    con = open_snapshot(published)
    try:
        assert con.execute("SELECT count(*) FROM nlp.actor_mentions").fetchone()[0] == 0
    finally:
        con.close()

    run_publish(settings_for(env))
    assert list(published.parent.glob(".*.tmp")) == [], "the dead publisher's half copy was left behind"
    assert query(published, "SELECT count(*) FROM nlp.actor_mentions")[0][0] == len(reference.nlp["nlp.actor_mentions"])


def test_publish_killed_at_random_moments_never_leaves_a_broken_snapshot(reference, tmp_path):
    from pipelines.steps import run_publish

    rng, _ = seeded_rng()
    env = env_for(tmp_path, reference.landing)
    warehouse, published = Path(env["PRESSWATCH_WAREHOUSE"]), Path(env["PRESSWATCH_PUBLISHED"])
    copy_warehouse(reference.ingested, warehouse)
    run_publish(settings_for(env))
    copy_warehouse(reference.extracted, warehouse)
    allowed = {0, len(reference.nlp["nlp.actor_mentions"])}
    for attempt in range(4):
        proc = start_step("publish", env, tmp_path / f"publish{attempt}.log")
        proc.wait_for(lambda s: s == "started")
        time.sleep(rng.uniform(0, 0.08))
        proc.kill9()
        assert query(published, "SELECT count(*) FROM nlp.actor_mentions")[0][0] in allowed
        assert broken_invariants(warehouse) == {}
