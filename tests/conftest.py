"""Shared test settings: tests never touch the user's warehouse or Dagster instance."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PRESSWATCH_EVAL_DIR", PROJECT_ROOT.parent / "shared"))

_SANDBOX = Path(tempfile.mkdtemp(prefix="presswatch-tests-"))
os.environ.update({
    "PRESSWATCH_WAREHOUSE": str(_SANDBOX / "warehouse.duckdb"),
    "PRESSWATCH_PUBLISHED": str(_SANDBOX / "published" / "warehouse.duckdb"),
    "PRESSWATCH_LANDING": str(_SANDBOX / "landing"),
    "PRESSWATCH_INCLUDE_SAMPLE": "0",
    "PRESSWATCH_N_PROCESS": "1",
    "DAGSTER_HOME": str(_SANDBOX / "dagster_home"),
})
(_SANDBOX / "dagster_home").mkdir()


import subprocess  # noqa: E402
import sys  # noqa: E402
from dataclasses import replace  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    """The published snapshot of a warehouse built from the bundled sample by the real steps
    (ingest, extract, dbt build, publish). Built once per test session."""
    from pipelines.settings import get_settings
    from pipelines.steps import run_extract, run_ingest, run_publish

    work = tmp_path_factory.mktemp("sample_warehouse")
    settings = replace(
        get_settings(),
        warehouse_path=work / "warehouse.duckdb",
        published_path=work / "published" / "warehouse.duckdb",
        landing_dir=work / "landing",
        sample_dir=PROJECT_ROOT / "data" / "sample",
        include_sample=True,
        n_process=1,
    )
    # Scraped text sometimes carries markup: the dashboard must show it as text.
    settings.landing_dir.mkdir(parents=True)
    (settings.landing_dir / "markup_in_text.txt").write_text(
        "Ministers meet after markup leak\n\n"
        "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw on Thursday. "
        "The page they were reading contained <script>alert('presswatch-xss')</script> and "
        "<img src=x onerror=alert(1)> in its text. \"We stand together,\" Scholz said after the talks.\n",
        encoding="utf-8",
    )
    run_ingest(settings)
    run_extract(settings)
    dbt = Path(sys.executable).with_name("dbt")
    subprocess.run(
        [str(dbt), "build", "--quiet", "--target-path", str(work / "dbt_target")],
        cwd=PROJECT_ROOT / "dbt_project", check=True,
        env=os.environ | {"PRESSWATCH_WAREHOUSE": str(settings.warehouse_path),
                          "DBT_PROFILES_DIR": str(PROJECT_ROOT / "dbt_project")},
    )
    run_publish(settings)
    return settings.published_path
