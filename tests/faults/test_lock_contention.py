"""Readers against the pipeline's writer.

Decided behaviour: a reader that opens the WORKING warehouse now and then (a notebook, a
script polling it) only delays a writer, which retries with backoff and completes; a reader
that never lets go makes the writer give up, within a bounded time, with
WarehouseLockedError and its advice, before touching anything. Readers of the PUBLISHED
snapshot never meet the writer at all."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipelines.warehouse import connection
from pipelines.warehouse.connection import WarehouseLockedError
from tests.faults.harness import Proc, env_for, query, settings_for

READER = textwrap.dedent("""
    import json, random, sys, time
    from pathlib import Path
    import duckdb
    path, stop, mode = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    stats = {"reads": 0, "locked": 0, "errors": [], "held_counts": []}
    held = duckdb.connect(path, read_only=True) if mode == "hold-and-poll" else None
    print("ready", flush=True)
    while not stop.exists():
        try:
            con = duckdb.connect(path, read_only=True)
            try:
                con.execute("SELECT count(*) FROM raw.articles").fetchall()
                time.sleep(random.uniform(0.01, 0.05))  # a short query, then let go
            finally:
                con.close()
            stats["reads"] += 1
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                stats["errors"].append(str(exc)[:200])
            stats["locked"] += 1
        except Exception as exc:
            stats["errors"].append(f"{type(exc).__name__}: {exc}"[:200])
        if held is not None:
            stats["held_counts"].append(held.execute("SELECT count(*) FROM raw.articles").fetchone()[0])
        time.sleep(random.uniform(0.03, 0.15))
    print(json.dumps(stats), flush=True)
""")


def start_reader(path: Path, stop: Path, mode: str, log: Path) -> Proc:
    proc = Proc([sys.executable, "-c", READER, str(path), str(stop), mode], dict(os.environ), log)
    assert proc.wait_for(lambda s: s == "ready", timeout=60) == "ready", proc.stderr()
    return proc


def stop_reader(proc: Proc, stop: Path) -> dict:
    stop.touch()
    line = proc.wait_for(lambda s: s.startswith("{"), timeout=30)
    proc.wait()
    return json.loads(line)


@pytest.mark.slow
def test_a_run_completes_while_readers_poll_the_warehouse_and_the_snapshot(reference, tmp_path):
    from pipelines.steps import run_extract, run_ingest, run_publish

    files = sorted(reference.landing.iterdir())[:12]
    landing = tmp_path / "landing"
    landing.mkdir()
    for path in files[:6]:
        shutil.copy(path, landing / path.name)
    env = env_for(tmp_path, landing)
    settings = settings_for(env)
    run_ingest(settings)
    run_publish(settings)  # yesterday's snapshot
    before = query(settings.published_path, "SELECT count(*) FROM raw.articles")[0][0]
    for path in files[6:]:
        shutil.copy(path, landing / path.name)

    stop = tmp_path / "stop"
    on_working = start_reader(settings.warehouse_path, stop, "poll", tmp_path / "r1.log")
    on_snapshot = start_reader(settings.published_path, stop, "hold-and-poll", tmp_path / "r2.log")
    started = time.monotonic()
    try:
        run_ingest(settings, files_per_write=2)
        run_extract(settings)
        run_publish(settings)
        seconds = time.monotonic() - started
    finally:
        working_stats = stop_reader(on_working, stop)
        snapshot_stats = stop_reader(on_snapshot, stop)

    assert working_stats["errors"] == [] and working_stats["reads"] > 0
    assert working_stats["locked"] > 0, "the reader never met the writer: the test proved nothing"
    assert snapshot_stats["errors"] == [] and snapshot_stats["locked"] == 0, "a snapshot reader was blocked"
    assert set(snapshot_stats["held_counts"]) == {before}, "an open snapshot connection saw the run"
    after = query(settings.published_path, "SELECT count(*) FROM raw.articles")[0][0]
    assert after > before
    assert query(settings.warehouse_path, "SELECT count(*) FROM nlp.article_extractions")[0][0] == after
    assert seconds < 120, f"the writer waited {seconds:.0f}s for short reads"


def test_a_reader_that_never_lets_go_fails_the_run_clearly_and_in_bounded_time(reference, tmp_path, monkeypatch):
    from pipelines.steps import run_ingest

    env = env_for(tmp_path, reference.landing)
    settings = settings_for(env)
    warehouse = shutil.copyfile(reference.ingested, settings.warehouse_path)
    holder = Proc([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, time
        con = duckdb.connect({str(warehouse)!r}, read_only=True)
        print("holding", flush=True)
        time.sleep(300)
    """)], dict(os.environ), tmp_path / "holder.log")
    try:
        assert holder.wait_for(lambda s: s == "holding", timeout=60)
        defaults = connection.connect_with_retry.__kwdefaults__
        waited = sum(min(defaults["delay_s"] * 1.5**k, 5.0) for k in range(defaults["attempts"]))
        assert waited < 120, f"a run would wait {waited:.0f}s on a held lock before failing"
        monkeypatch.setitem(defaults, "attempts", 3)  # the same loop, shortened for the test
        monkeypatch.setitem(defaults, "delay_s", 0.05)
        with pytest.raises(WarehouseLockedError, match="Close other DuckDB sessions") as caught:
            run_ingest(settings)
        assert str(warehouse) in str(caught.value)
    finally:
        holder.kill9()
    assert query(warehouse, "SELECT count(*) FROM raw.articles")[0][0] == len(reference.raw["raw.articles"])
