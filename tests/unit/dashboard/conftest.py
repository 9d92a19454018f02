"""Fixtures for the dashboard tests: a published snapshot in tmp and an AppTest runner."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
# Explicit, so the helpers import the same way under any pytest import mode.
for _path in (str(REPO), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import dashboard_warehouse_builder as builder  # noqa: E402
from dashboard_testkit import APP  # noqa: E402


@pytest.fixture(scope="session")
def _fixture_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("published") / "warehouse.duckdb"
    return builder.write_warehouse(path, builder.realistic_corpus())


@pytest.fixture
def dashboard_warehouse(_fixture_snapshot: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The realistic fixture snapshot, published at PRESSWATCH_PUBLISHED. Read-only: copy it to change it.

    PRESSWATCH_EVAL_RESULTS points at a file that does not exist unless a test writes it.
    """
    monkeypatch.setenv("PRESSWATCH_PUBLISHED", str(_fixture_snapshot))
    monkeypatch.setenv("PRESSWATCH_EVAL_RESULTS", str(tmp_path / "eval" / "latest.json"))
    monkeypatch.setenv("PRESSWATCH_WAREHOUSE", str(tmp_path / "main" / "warehouse.duckdb"))
    yield _fixture_snapshot


@pytest.fixture
def own_snapshot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private copy of the fixture snapshot a test may lock, replace or delete."""
    path = builder.write_warehouse(tmp_path / "published" / "warehouse.duckdb", builder.realistic_corpus())
    monkeypatch.setenv("PRESSWATCH_PUBLISHED", str(path))
    monkeypatch.setenv("PRESSWATCH_EVAL_RESULTS", str(tmp_path / "eval" / "latest.json"))
    return path


@pytest.fixture
def render() -> Callable[..., Any]:
    """render(page=None, query_params=None) -> AppTest after running app.py on that page."""
    from streamlit.testing.v1 import AppTest

    def run(page: str | None = None, query_params: dict[str, str] | None = None, app: Any = None) -> AppTest:
        at = app or AppTest.from_file(str(APP), default_timeout=60)
        if app is None:
            at.run()
        if query_params:
            at.query_params.update(query_params)
        if page:
            at.switch_page(page)
        if page or query_params:
            at.run()
        return at

    return run
