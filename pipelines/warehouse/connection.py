"""Opening the warehouse: one writer at a time, bounded retries on a held lock.

DuckDB allows one writing process or many reading ones, never both. Writers (ingest,
extract, dbt) run one at a time; if a stray reader holds the file, the writer waits a
little and tries again instead of failing at once, and fails with advice when it can't.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from pipelines.warehouse.schema import ensure_schema

LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked", "lock on file")


class WarehouseLockedError(RuntimeError):
    """The warehouse file stayed locked by another process through every retry."""


def is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and any(m in str(exc) for m in LOCK_MARKERS)


def connect_with_retry(
    path: Path,
    *,
    read_only: bool = False,
    attempts: int = 20,
    delay_s: float = 0.5,
    config: dict | None = None,
) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    last: BaseException | None = None
    for attempt in range(attempts):
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config or {})
        except duckdb.IOException as exc:
            if not is_lock_error(exc):
                raise
            last = exc
            time.sleep(min(delay_s * (1.5**attempt), 5.0))
    raise WarehouseLockedError(
        f"{path} stayed locked by another process after {attempts} attempts ({last}). "
        "Close other DuckDB sessions on it (a `duckdb` shell, a notebook) and run again; "
        "the dashboard and `make sql` read the published snapshot and never hold this file."
    )


@contextlib.contextmanager
def writer(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection with the schema in place, closed (and so unlocked) on exit."""
    con = connect_with_retry(path)
    try:
        ensure_schema(con)
        yield con
    finally:
        con.close()


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All of a batch or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
