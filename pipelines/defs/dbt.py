"""dbt models as Dagster assets: sources line up with the ingest/extract assets, so
raw → nlp → staging → marts is one lineage graph, and dbt tests are asset checks."""


from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from pipelines.defs.dbt_project import dbt_project


class DbtBuildConfig(dg.Config):
    """full_refresh rebuilds incremental models from scratch (the nightly job sets it)."""

    full_refresh: bool = False


class PresswatchDbtTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            # source raw.articles ↔ the ingest asset ["raw", "articles"], likewise nlp.*
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or "main"
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "warehouse"

    def get_automation_condition(self, dbt_resource_props: Mapping[str, Any]) -> dg.AutomationCondition | None:
        # Models follow their upstream tables: when ingest or extract run on their own
        # (a backfill, a re-extraction), the marts rebuild without waiting for the hour.
        return dg.AutomationCondition.eager()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PresswatchDbtTranslator(),
    pool="warehouse_writer",
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, config: DbtBuildConfig):
    """Builds and tests the staging, intermediate and mart models."""
    args = ["build", "--full-refresh"] if config.full_refresh else ["build"]
    yield from dbt.cli(args, context=context).stream()
