"""Publishing a read-only snapshot of the warehouse for readers.

Readers (dashboard, `make sql`) never open the working warehouse: a DuckDB file held by a
reader would block the pipeline, and a reader could see a half-finished run. Instead,
after each successful run the writer copies the checkpointed file next to the published
path and swaps it in with an atomic rename. Readers that still have the old file open
keep reading it (POSIX keeps the inode alive); the next connection sees the new one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pipelines.warehouse.connection import connect_with_retry


def publish_snapshot(warehouse: Path, published: Path) -> Path:
    warehouse, published = Path(warehouse), Path(published)
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `make pipeline` first")
    con = connect_with_retry(warehouse)
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(published)
    staging = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(warehouse, staging)
        with open(staging, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(staging, published)
    except BaseException:
        staging.unlink(missing_ok=True)  # e.g. a full disk: don't leave half a copy behind
        raise
    return published


def _remove_stale_staging(published: Path) -> None:
    """Staging copies left by a publisher killed mid-copy: warehouse-sized files nobody will
    swap in. Only those of dead processes go; a live publisher keeps its own."""
    prefix = f".{published.name}."
    for leftover in published.parent.glob(f"{prefix}*.tmp"):
        pid = leftover.name[len(prefix):-len(".tmp")]
        if pid.isdigit() and not _process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def open_snapshot(published: Path):
    """A read-only connection that can neither read nor write other files."""
    return connect_with_retry(
        published, read_only=True, attempts=5, delay_s=0.2,
        config={"enable_external_access": False},
    )
