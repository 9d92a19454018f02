"""The clean reference run every fault test compares against: the same ~40 input files,
ingested and extracted once, undisturbed."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.faults.corpus import build_landing
from tests.faults.harness import (
    NLP_TABLES, RAW_TABLES, Proc, broken_invariants, env_for, fingerprint, settings_for,
)


def copy_warehouse(src: Path, dst: Path) -> Path:
    """A closed DuckDB file (and its WAL, if one was left) copied to dst."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    wal = src.with_name(src.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, dst.with_name(dst.name + ".wal"))
    return dst


@dataclass(frozen=True)
class Reference:
    landing: Path        # the input files (read-only: copy them to stage changes)
    ingested: Path       # the warehouse after ingestion only
    extracted: Path      # ... and after extraction
    raw: dict            # fingerprints (see harness.fingerprint)
    nlp: dict


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> Reference:
    from pipelines.steps import run_extract, run_ingest

    work = tmp_path_factory.mktemp("reference")
    landing = work / "landing"
    build_landing(landing)
    settings = settings_for(env_for(work, landing))
    run_ingest(settings)
    ingested = copy_warehouse(settings.warehouse_path, work / "ingested.duckdb")
    run_extract(settings)
    extracted = copy_warehouse(settings.warehouse_path, work / "extracted.duckdb")
    assert broken_invariants(extracted, finished=True) == {}
    return Reference(landing, ingested, extracted,
                     fingerprint(extracted, landing, RAW_TABLES), fingerprint(extracted, landing, NLP_TABLES))


@pytest.fixture(scope="session")
def dbt_target(tmp_path_factory) -> Path:
    """One dbt target folder for the session: later invocations reuse its partial parse."""
    return tmp_path_factory.mktemp("dbt")


@pytest.fixture(autouse=True)
def _no_process_left_behind():
    """A test that fails half-way must not leave its workers, readers or lock holders running."""
    yield
    while Proc.started:
        proc = Proc.started.pop()
        if proc.running():
            proc.kill9()
