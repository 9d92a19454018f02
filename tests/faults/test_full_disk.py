"""A full disk under the warehouse: each run fails with an error that says so, every batch is
all there or not there, and once space is freed the next run completes with exact counts.
Publishing onto a full disk leaves the previous snapshot and no half copy."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.faults.harness import (
    NLP_TABLES, RAW_TABLES, broken_invariants, diff, env_for, fingerprint, query, settings_for,
)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MiB tmpfs (we run as root in CI); resize(size) remounts it, keeping its files."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")

    def resize(size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(mount_point)], check=True)

    try:
        yield mount_point, resize
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _run(settings):
    from pipelines.steps import run_extract, run_ingest

    run_ingest(settings, files_per_write=4)
    return run_extract(settings)


def _error_chain(exc: BaseException) -> str:
    parts = []
    while exc is not None:
        parts.append(f"{type(exc).__name__}: {exc}")
        exc = exc.__cause__ or exc.__context__
    return " <- ".join(parts)


@pytest.mark.slow
def test_runs_on_a_full_disk_fail_clearly_and_resume_exactly(reference, tiny_disk):
    from pipelines.steps import run_extract, run_ingest

    disk, resize = tiny_disk
    env = env_for(disk, reference.landing, PRESSWATCH_ARTICLES_PER_WRITE="4")
    settings = settings_for(env)
    warehouse = settings.warehouse_path

    def fails_clearly(step, **kwargs) -> tuple[int, int]:
        with pytest.raises(Exception) as caught:
            step(settings, **kwargs)
        # the error itself says why, not only some exception in its chain
        assert "No space left on device" in str(caught.value), _error_chain(caught.value)
        assert broken_invariants(warehouse) == {}
        return query(warehouse, "SELECT (SELECT count(*) FROM raw.ingested_files), "
                                "(SELECT count(*) FROM nlp.article_extractions)")[0]

    resize("96k")  # fills during ingestion
    files, _ = fails_clearly(run_ingest, files_per_write=4)
    assert 0 < files < 40, files
    resize("64m")
    run_ingest(settings, files_per_write=4)  # ingestion finishes (and checkpoints on close)
    resize(f"{shutil.disk_usage(disk).used // 1024 + 96}k")  # fills during extraction
    _, extracted = fails_clearly(run_extract)
    assert 0 < extracted < 44, extracted
    assert query(warehouse, "SELECT status FROM nlp.extraction_runs") == [("failed",)]

    resize("64m")
    _run(settings)
    assert broken_invariants(warehouse, finished=True) == {}
    assert diff(fingerprint(warehouse, reference.landing, RAW_TABLES), reference.raw) == {}
    assert diff(fingerprint(warehouse, reference.landing, NLP_TABLES), reference.nlp) == {}

    # Publishing: room for the warehouse and its last snapshot, not for one more copy.
    import hashlib

    from pipelines.steps import run_publish

    published = settings.published_path
    run_publish(settings)
    good = hashlib.sha256(published.read_bytes()).hexdigest()
    resize(str(shutil.disk_usage(disk).used + warehouse.stat().st_size // 2))
    with pytest.raises(OSError, match="No space left"):
        run_publish(settings)
    assert hashlib.sha256(published.read_bytes()).hexdigest() == good, "the snapshot was damaged"
    assert list(published.parent.glob(".*.tmp")) == [], "half a copy left behind on the full disk"
    resize("64m")
    run_publish(settings)
    assert query(published, "SELECT count(*) FROM nlp.article_extractions")[0][0] == 44
