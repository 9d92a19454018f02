"""The dashboard reads only the published snapshot, through short read-only connections:
a writer on the main warehouse never breaks it, a brief lock on the snapshot is waited out,
a long one gives a friendly message, and a newly published snapshot shows up at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from dashboard_testkit import PAGES, assert_clean, metric

import dashboard_warehouse_builder as builder
from dashboard import data, db

HOLDER = textwrap.dedent(
    """
    import sys, time, duckdb
    path, hold = sys.argv[1], float(sys.argv[2])
    con = duckdb.connect(path)  # read-write: takes the file's exclusive lock
    con.execute("BEGIN")
    con.execute("CREATE TABLE IF NOT EXISTS main.writer_was_here AS SELECT 1 AS x")
    print("locked", flush=True)
    if hold < 0:
        sys.stdin.read()  # until the test closes our stdin
    else:
        time.sleep(hold)
    con.execute("ROLLBACK")
    con.close()
    """
)


@contextmanager
def writer_holding(path: Path, hold_seconds: float = -1) -> Iterator[subprocess.Popen]:
    """A separate process holding a write connection on `path` (until the block ends if hold < 0)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(hold_seconds)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "locked", proc.stderr.read()
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_every_page_renders_while_a_writer_holds_the_main_warehouse(render, dashboard_warehouse):
    main = Path(os.environ["PRESSWATCH_WAREHOUSE"])
    builder.write_warehouse(main, builder.realistic_corpus())
    with writer_holding(main):
        with pytest.raises(duckdb.IOException, match="lock"):  # the main file really is locked
            duckdb.connect(str(main), read_only=True).close()
        for page, title in PAGES.items():
            at = render(page)
            assert_clean(at)
            assert [t.value for t in at.title] == [title]


def test_a_brief_lock_on_the_snapshot_is_waited_out(own_snapshot, monkeypatch, caplog):
    monkeypatch.setattr(db, "RETRY_DELAYS", (0.1,) * 50)  # generous, so a slow CI box cannot flake
    with writer_holding(own_snapshot, hold_seconds=0.5) as holder:
        started = time.monotonic()
        frame = db.query_df("SELECT count(*) AS n FROM marts.dim_articles")
        waited = time.monotonic() - started
        holder.wait(timeout=30)
    assert int(frame["n"][0]) == 6
    assert waited > 0.05
    assert any("snapshot busy" in record.getMessage() for record in caplog.records)


def test_a_page_rendered_during_a_brief_lock_shows_its_data(own_snapshot, render, monkeypatch):
    monkeypatch.setattr(db, "RETRY_DELAYS", (0.1,) * 50)
    with writer_holding(own_snapshot, hold_seconds=0.5):
        at = render()  # a fresh snapshot file, so nothing is cached yet
    assert_clean(at)
    assert metric(at, "Articles") == "5"


def test_a_lock_outlasting_the_retries_gives_a_friendly_message(own_snapshot, render, monkeypatch):
    monkeypatch.setattr(db, "RETRY_DELAYS", (0.05, 0.05))
    with writer_holding(own_snapshot):
        with pytest.raises(db.SnapshotBusy):
            db.query_df("SELECT 1")
        at = render()
    assert not at.exception
    assert any("snapshot is busy" in warning.value for warning in at.warning)


def test_a_new_snapshot_shows_up_and_never_waits_for_readers(own_snapshot, render, tmp_path):
    at = render()
    assert metric(at, "Articles") == "5"
    replacement = builder.write_warehouse(tmp_path / "staging" / "warehouse.duckdb", builder.synthetic_corpus(12))
    with db.connect() as reader:  # a dashboard connection open while the pipeline publishes
        os.replace(replacement, own_snapshot)
        assert reader.execute("SELECT count(*) FROM marts.dim_articles").fetchone()[0] == 6  # its old file
    at.run()
    assert_clean(at)
    assert metric(at, "Articles") == "12"


def test_the_snapshot_disappearing_mid_session_shows_no_data(own_snapshot, render):
    at = render()
    own_snapshot.unlink()
    at.run()
    assert not at.exception
    assert any("No data yet" in info.value for info in at.info)


def test_connections_are_read_only_and_cannot_touch_files(own_snapshot):
    with db.connect() as con:
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("CREATE TABLE marts.sneaky AS SELECT 1")
        with pytest.raises(duckdb.PermissionException):
            con.execute("SELECT * FROM read_csv('/etc/passwd')")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"COPY (SELECT 1) TO '{own_snapshot.parent / 'leak.csv'}'")
        with pytest.raises(duckdb.Error):
            con.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error):
            con.execute("LOAD httpfs")
    assert not (own_snapshot.parent / "leak.csv").exists()


def test_cache_keys_follow_the_snapshot_file(own_snapshot, tmp_path):
    before = db.snapshot_version()
    first = data.overview_counts(data.Filters())
    assert data.overview_counts(data.Filters()) == first
    replacement = builder.write_warehouse(tmp_path / "staging" / "warehouse.duckdb", builder.synthetic_corpus(3))
    os.replace(replacement, own_snapshot)
    assert db.snapshot_version() != before
    assert data.overview_counts(data.Filters())["articles"] == 3
