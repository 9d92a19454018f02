"""One writer, many readers: lock retries and the published snapshot."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from pipelines.warehouse.connection import WarehouseLockedError, connect_with_retry, writer
from pipelines.warehouse.publish import open_snapshot, publish_snapshot


def hold_lock(path, seconds: float) -> subprocess.Popen:
    """Another process holding a write connection on `path` for `seconds`."""
    code = textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("locked", flush=True)
        time.sleep({seconds})
        con.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_writer_gives_up_with_advice_when_the_lock_stays(tmp_path):
    path = tmp_path / "wh.duckdb"
    duckdb.connect(str(path)).close()
    proc = hold_lock(path, 10)
    try:
        with pytest.raises(WarehouseLockedError, match="Close other DuckDB sessions"):
            connect_with_retry(path, attempts=2, delay_s=0.05)
    finally:
        proc.kill()
        proc.wait()


def test_writer_waits_out_a_brief_lock(tmp_path):
    path = tmp_path / "wh.duckdb"
    duckdb.connect(str(path)).close()
    proc = hold_lock(path, 1.0)
    try:
        con = connect_with_retry(path, attempts=20, delay_s=0.2)
        con.close()
    finally:
        proc.wait()


def test_snapshot_is_readable_while_the_writer_holds_the_warehouse(tmp_path):
    warehouse, published = tmp_path / "wh.duckdb", tmp_path / "pub" / "wh.duckdb"
    with writer(warehouse) as con:
        con.execute("CREATE TABLE main.t AS SELECT 1 AS x")
    publish_snapshot(warehouse, published)
    with writer(warehouse) as con:  # a run in progress
        con.execute("INSERT INTO main.t VALUES (2)")
        reader = open_snapshot(published)
        try:
            assert reader.execute("SELECT count(*) FROM main.t").fetchone()[0] == 1  # never half a run
        finally:
            reader.close()
    publish_snapshot(warehouse, published)
    reader = open_snapshot(published)
    try:
        assert reader.execute("SELECT count(*) FROM main.t").fetchone()[0] == 2
        with pytest.raises(duckdb.Error):
            reader.execute("CREATE TABLE main.u (x INT)")
        with pytest.raises(duckdb.Error):
            reader.execute("SELECT * FROM read_csv('/etc/passwd')")
    finally:
        reader.close()


def test_publishing_keeps_open_readers_on_the_old_snapshot(tmp_path):
    warehouse, published = tmp_path / "wh.duckdb", tmp_path / "pub.duckdb"
    with writer(warehouse) as con:
        con.execute("CREATE TABLE main.t AS SELECT 1 AS x")
    publish_snapshot(warehouse, published)
    old_reader = open_snapshot(published)
    with writer(warehouse) as con:
        con.execute("INSERT INTO main.t VALUES (2)")
    publish_snapshot(warehouse, published)  # an open reader does not block publishing
    try:
        assert old_reader.execute("SELECT count(*) FROM main.t").fetchone()[0] == 1
    finally:
        old_reader.close()
