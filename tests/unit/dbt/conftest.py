"""Fixtures for the dbt tests: the small warehouse of dbt_corpus.py, built once per session with
`dbt build` (dbt's parse and build are the slow part, so they run as few times as possible)."""

from __future__ import annotations

from pathlib import Path

import pytest

import dbt_corpus as corpus
from dbt_harness import DbtResult, assert_clean, run_dbt


@pytest.fixture(scope="session")
def dbt_target(tmp_path_factory) -> Path:
    """One target/ (and warehouse path) for every dbt run of the session, so only the first run
    parses the project."""
    return tmp_path_factory.mktemp("dbt_shared") / "target"


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory, dbt_target) -> tuple[Path, DbtResult]:
    """The first corpus batch, written and built with `dbt build`. Tests only read it."""
    work = tmp_path_factory.mktemp("dbt_first")
    warehouse = work / "warehouse.duckdb"
    corpus.write_first_batch(warehouse)
    result = run_dbt(["build"], warehouse, work, dbt_target)
    assert_clean(result)
    return warehouse, result
