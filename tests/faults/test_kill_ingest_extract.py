"""kill -9 in the middle of ingestion and of extraction: the next run finishes the work and
the warehouse ends exactly as a clean run leaves it (same ids, nothing lost, nothing twice)."""

from __future__ import annotations

import shutil
import time

import pytest

from tests.faults.conftest import copy_warehouse
from tests.faults.harness import (
    NLP_TABLES, RAW_TABLES, broken_invariants, diff, env_for, fingerprint, query, seeded_rng, settings_for,
    start_step,
)


@pytest.mark.slow
def test_ingest_killed_at_random_points_then_rerun_is_exact(reference, tmp_path):
    from pipelines.steps import run_ingest

    rng, seed = seeded_rng()
    landing = shutil.copytree(reference.landing, tmp_path / "landing")
    env = env_for(tmp_path, landing)
    warehouse = tmp_path / "warehouse.duckdb"

    # Once for certain inside a transaction, first, so that enough files are left for it:
    # articles, signatures and sources of the second batch written, its ledger rows not yet,
    # no COMMIT.
    proc = start_step("ingest", env, tmp_path / "inside.log", "--files-per-write", "2",
                      "--die-inside", "raw.article_sources:2")
    assert proc.wait() == -9, f"the worker did not die inside a write: {proc.seen[-3:]} {proc.stderr()[-1500:]}"
    assert broken_invariants(warehouse) == {}
    ledgered = [query(warehouse, "SELECT count(*) FROM raw.ingested_files")[0][0]]
    assert ledgered == [2]  # the first batch committed, the second vanished whole

    # Then at random points. Ingestion runs ~50 files/s here: the latest kill point plus the
    # longest sleep stays well short of the 40 files, so every kill lands mid-run.
    kill_points = sorted(rng.sample(range(5, 27), 3))  # progress = files looked at, of 40
    for attempt, at in enumerate(kill_points):
        proc = start_step("ingest", env, tmp_path / f"ingest{attempt}.log", "--files-per-write", "2")
        proc.wait_for_progress(at)
        time.sleep(rng.uniform(0, 0.1))  # anywhere in the next files: parsing, linking, committing
        proc.kill9()
        assert broken_invariants(warehouse) == {}, f"seed {seed}, killed after file {at}"
        ledgered.append(query(warehouse, "SELECT count(*) FROM raw.ingested_files")[0][0])
    assert ledgered[-1] < 40, f"the kills did not land mid-run: {ledgered} (seed {seed})"
    assert ledgered == sorted(ledgered)

    result = run_ingest(settings_for(env), files_per_write=2)
    assert result["files_unchanged"] == ledgered[-1] and result["files"] == 40 - ledgered[-1]
    assert broken_invariants(warehouse, finished=True) == {}
    assert diff(fingerprint(warehouse, landing, RAW_TABLES), reference.raw) == {}, f"seed {seed}"

    again = run_ingest(settings_for(env))
    assert again.get("files", 0) == 0 and again["files_unchanged"] == 40


@pytest.mark.slow
def test_extraction_killed_mid_batch_then_rerun_is_exact(reference, tmp_path, monkeypatch):
    from pipelines.steps import run_extract

    rng, seed = seeded_rng()
    warehouse = copy_warehouse(reference.ingested, tmp_path / "warehouse.duckdb")
    env = env_for(tmp_path, reference.landing, PRESSWATCH_ARTICLES_PER_WRITE="2")
    proc = start_step("extract", env, tmp_path / "extract.log")
    at = rng.randrange(4, 28)  # progress = articles written, of 44, two per transaction
    proc.wait_for_progress(at)
    time.sleep(rng.uniform(0, 0.4))
    proc.kill9()

    assert broken_invariants(warehouse) == {}, f"seed {seed}"
    done = query(warehouse, "SELECT count(*) FROM nlp.article_extractions")[0][0]
    assert at <= done < 44, f"seed {seed}"
    assert query(warehouse, "SELECT status FROM nlp.extraction_runs") == [("running",)]  # it never finished

    # Once for certain inside a transaction: the batch's old rows deleted, new mentions and
    # quotes inserted, no COMMIT.
    proc = start_step("extract", env, tmp_path / "inside.log", "--die-inside", "nlp.quotes:2")
    assert proc.wait() == -9, f"the worker did not die inside a write (ledgered {ledgered}): {proc.seen[-3:]} {proc.stderr()[-1500:]}"
    assert broken_invariants(warehouse) == {}
    inside = query(warehouse, "SELECT count(*) FROM nlp.article_extractions")[0][0]
    assert done < inside < 44
    done = inside

    from pipelines import steps

    monkeypatch.setattr(steps, "TEXTS_PER_READ", 5, raising=False)  # several pages, writes in between
    result = run_extract(settings_for(env))
    assert result["articles"] + result["skipped"] == 44 - done
    assert query(warehouse, "SELECT status, count(*) FROM nlp.extraction_runs GROUP BY 1 ORDER BY 1") == \
        [("failed", 2), ("succeeded", 1)]  # the killed runs are not left looking alive
    assert broken_invariants(warehouse, finished=True) == {}, f"seed {seed}"
    assert diff(fingerprint(warehouse, reference.landing, NLP_TABLES), reference.nlp) == {}, f"seed {seed}"
    assert diff(fingerprint(warehouse, reference.landing, RAW_TABLES), reference.raw) == {}
