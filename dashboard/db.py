"""Read-only access to the published warehouse snapshot.

The pipeline is the only DuckDB writer; after each successful run it replaces the snapshot
file atomically. The dashboard opens a short-lived read-only connection per query and
retries briefly if the snapshot is locked. The pipeline never waits for it: it swaps in a new
file and never opens the published one.

Opening a DuckDB file costs ~20 ms (catalog, a cold buffer pool) and a page runs several
queries, so one idle connection per snapshot version stays open: DuckDB then hands every
further connection to that file the already open database (~0.3 ms, warm cache). It is
closed as soon as a newer snapshot (another inode, size or mtime) or none is seen.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pandas as pd

from pipelines.settings import Settings

log = logging.getLogger(__name__)

# One config for every connection: DuckDB refuses a second in-process connection to the same
# file with a different config. No file, network or extension access, and no way to undo that.
READ_ONLY_CONFIG: dict[str, Any] = {"enable_external_access": False, "lock_configuration": True}

# Waits between attempts when the snapshot is locked or unreadable: about 1.5 s in all.
RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8)


class SnapshotMissing(RuntimeError):
    """No snapshot has been published yet."""


class SnapshotBusy(RuntimeError):
    """The snapshot stayed locked or unreadable through every retry."""


def snapshot_path() -> Path:
    """Where the pipeline publishes the snapshot (env PRESSWATCH_PUBLISHED), read afresh each call."""
    return Settings().published_path


class SnapshotVersion(NamedTuple):
    path: str
    inode: int
    mtime_ns: int
    size: int


def snapshot_version(path: Path | None = None) -> SnapshotVersion | None:
    """A key that changes whenever a new snapshot is published (os.replace gives a new inode)."""
    path = path or snapshot_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return SnapshotVersion(str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the snapshot; retries while it is locked."""
    for attempt, delay in enumerate((*RETRY_DELAYS, None), start=1):
        if not path.exists():
            raise SnapshotMissing(f"no snapshot at {path}")
        try:
            return duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG)
        except duckdb.IOException as exc:
            if delay is None:
                raise SnapshotBusy(f"snapshot {path} stayed unavailable: {exc}") from exc
            log.warning("snapshot busy (attempt %d): %s", attempt, exc)
            time.sleep(delay)
    raise AssertionError("unreachable")


_held_lock = threading.Lock()
_held: tuple[SnapshotVersion, duckdb.DuckDBPyConnection] | None = None


def _hold_open(path: Path) -> None:
    """Keep one idle connection to the snapshot's current version (see the module doc)."""
    global _held
    version = snapshot_version(path)
    with _held_lock:
        if _held is not None and _held[0] == version:
            return
        if _held is not None:
            _held[1].close()  # queries running on the old file keep their own connections
            _held = None
        if version is None:
            raise SnapshotMissing(f"no snapshot at {path}")
        _held = (version, _open(path))


def release() -> None:
    """Close the idle connection (tests, shutdown)."""
    global _held
    with _held_lock:
        if _held is not None:
            _held[1].close()
            _held = None


@contextmanager
def connect(path: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the snapshot, closed on exit; retries while it is locked."""
    path = path or snapshot_path()
    _hold_open(path)
    con = _open(path)
    try:
        yield con
    finally:
        con.close()


def query_df(sql: str, params: Mapping[str, Any] | None = None, path: Path | None = None) -> pd.DataFrame:
    """Run one parameterised query against the snapshot and return all rows."""
    with connect(path) as con:
        return con.execute(sql, dict(params or {})).df()


def query_with_timeout(
    con: duckdb.DuckDBPyConnection, sql: str, max_rows: int, timeout_s: float
) -> tuple[pd.DataFrame, bool]:
    """Run sql, interrupting it after timeout_s; return at most max_rows rows and whether more existed."""
    timer = threading.Timer(timeout_s, con.interrupt)
    timer.start()
    try:
        result = con.execute(sql)
        if result.description is None:  # e.g. a statement that returns nothing
            return pd.DataFrame(), False
        columns = [column[0] for column in result.description]
        rows = result.fetchmany(max_rows + 1)
    finally:
        timer.cancel()
    frame = pd.DataFrame.from_records(rows[:max_rows], columns=columns)
    return frame, len(rows) > max_rows
