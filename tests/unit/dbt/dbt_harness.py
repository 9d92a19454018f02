"""Running dbt from the tests: a subprocess against a given warehouse file, with its results."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DBT_PROJECT = PROJECT_ROOT / "dbt_project"
MARTS = ["dim_articles", "dim_actors", "fct_actor_mentions_daily", "fct_actor_mentions_rollup", "fct_quotes", "fct_top_speakers", "fct_events",
         "fct_actor_quotes", "fct_actor_events", "fct_event_types_daily", "fct_dyads_daily", "fct_actor_cooccurrence", "fct_outlet_sourcing",
         "fct_outlet_speaker_mix", "fct_pipeline_status"]


def dbt_executable() -> str:
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else (shutil.which("dbt") or "dbt")


@dataclass
class DbtResult:
    returncode: int
    output: str
    run_results: dict
    target_path: Path

    def statuses(self) -> dict[str, str]:
        return {r["unique_id"]: r["status"] for r in self.run_results.get("results", [])}


def run_dbt(args: list[str], warehouse: Path, work_dir: Path, target_path: Path | None = None,
            write_back: bool = True) -> DbtResult:
    """Run dbt against `warehouse`, keeping logs/ in `work_dir` and target/ there too.

    With a shared `target_path`, dbt works on a copy of the warehouse at one fixed path next to
    it (copied back afterwards when `write_back`): dbt re-parses the whole project whenever the
    profile (the warehouse path) changes, and the parse is the slow part of every run."""
    profile_warehouse = warehouse
    if target_path is not None:
        profile_warehouse = target_path.parent / "dbt_slot.duckdb"
        shutil.copyfile(warehouse, profile_warehouse)
    target_path = target_path or work_dir / "target"
    results_file = target_path / "run_results.json"
    results_file.unlink(missing_ok=True)
    env = {**os.environ, "PRESSWATCH_WAREHOUSE": str(profile_warehouse), "DBT_PROFILES_DIR": str(DBT_PROJECT),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_USE_COLORS": "false"}
    proc = subprocess.run(
        [dbt_executable(), *args, "--project-dir", str(DBT_PROJECT), "--target-path", str(target_path),
         "--log-path", str(work_dir / "logs")],
        env=env, cwd=DBT_PROJECT, capture_output=True, text=True, timeout=600,
    )
    if profile_warehouse != warehouse and write_back:
        shutil.copyfile(profile_warehouse, warehouse)
    run_results = json.loads(results_file.read_text()) if results_file.exists() else {}
    return DbtResult(proc.returncode, proc.stdout + proc.stderr, run_results, target_path)


def assert_clean(result: DbtResult) -> None:
    """Every node passed: no error, no failing test, and no warning on this clean corpus."""
    bad = {k: v for k, v in result.statuses().items() if v not in ("success", "pass")}
    assert result.returncode == 0 and not bad, f"{bad}\n{result.output[-4000:]}"


def snapshot(warehouse: Path, relations: list[str]) -> dict[str, list[tuple]]:
    """Every row of each relation, sorted, for comparing two builds."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        # Sort on the text form so rows with nulls still order.
        return {r: sorted(con.execute(f"select * from {r}").fetchall(), key=repr) for r in relations}
    finally:
        con.close()
