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
