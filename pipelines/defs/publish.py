"""Publish asset: a consistent read-only snapshot of the warehouse for the dashboard."""


import dagster as dg

from pipelines.defs.dbt import warehouse_models
from pipelines.defs.resources import PresswatchResource
from pipelines.steps import run_publish


@dg.asset(
    key=["published", "warehouse_snapshot"],
    deps=sorted(warehouse_models.keys, key=lambda k: k.to_user_string()),
    kinds={"duckdb"},
    group_name="publish",
    pool="warehouse_writer",
    automation_condition=dg.AutomationCondition.eager(),
)
def published_snapshot(presswatch: PresswatchResource) -> dg.MaterializeResult:
    """Copies the checkpointed warehouse next to the published path and swaps it in
    atomically, after every model is built and tested; the dashboard and `make sql` read
    only this file, so they never block a run nor see half of one."""
    result = run_publish(presswatch.settings())
    return dg.MaterializeResult(metadata={"path": result["published_path"], "bytes": result["bytes"]})
