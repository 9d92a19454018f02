"""`presswatch_partitioned`: extraction fanned out over hash partitions, then one writer.

ingest → plan_partitions → extract_partition[k] (one step per partition, in parallel under the
multiprocess executor; each writes Parquet under data/lake/nlp/<table>/partition=<k>/ and only
reads the warehouse) → load_partitions (the single writer: one transaction) → build_marts
(dbt build, then the snapshot is published). A separate job: the default presswatch_pipeline
is unchanged. On a cluster the same steps run under the Kubernetes or Celery executor, each
partition on its own machine, with the lake on shared storage.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg

from pipelines.settings import PROJECT_ROOT, get_settings

PARTITIONS_CONFIG_KEY = "partitions"
DEFAULT_PARTITIONS = 4


@dg.op
def ingest_for_partitions(context: dg.OpExecutionContext) -> dict:
    """The usual ingest (the warehouse's single writer), before the fan-out."""
    from pipelines.steps import run_ingest

    counts = run_ingest(get_settings())
    context.log.info(f"ingest: {counts}")
    return counts


@dg.op(
    config_schema={PARTITIONS_CONFIG_KEY: dg.Field(int, default_value=DEFAULT_PARTITIONS,
                                                   description="How many hash partitions to extract in parallel.")},
    out=dg.DynamicOut(tuple),
)
def plan_partitions(context: dg.OpExecutionContext, ingested: dict):
    """One output per partition; the lake's previous partitions are cleared first, so the
    loader only sees this run's files."""
    partitions = max(1, int(context.op_config[PARTITIONS_CONFIG_KEY]))
    shutil.rmtree(get_settings().lake_dir / "nlp", ignore_errors=True)
    for k in range(partitions):
        yield dg.DynamicOutput((k, partitions), mapping_key=str(k))


@dg.op
def extract_partition(context: dg.OpExecutionContext, partition: tuple) -> dict:
    """Extracts one hash bucket of the pending articles into the Parquet lake."""
    from pipelines.warehouse.lake import extract_partition as run_partition

    settings = get_settings()
    k, partitions = partition
    counts = run_partition(settings, settings.lake_dir, k, partitions,
                           progress=lambda n: context.log.info(f"partition {k}: {n} more articles"))
    context.log.info(f"partition {k}/{partitions}: {counts}")
    return counts


@dg.op(pool="warehouse_writer")
def load_partitions(context: dg.OpExecutionContext, partitions: list) -> dict:
    """The single writer: every partition's rows into the warehouse in one transaction."""
    from pipelines.warehouse.lake import load_lake

    settings = get_settings()
    counts = load_lake(settings, settings.lake_dir, run_id=context.run_id[:16])
    context.log.info(f"loaded {counts} from {len(partitions)} partitions")
    return counts


@dg.op(config_schema={"enabled": dg.Field(bool, default_value=True, description="Run dbt build and publish.")})
def build_marts(context: dg.OpExecutionContext, loaded: dict) -> None:
    """dbt build on the loaded warehouse, then the dashboard's snapshot is published."""
    if not context.op_config["enabled"]:
        return
    from pipelines.steps import run_publish

    dbt = Path(sys.executable).with_name("dbt")
    subprocess.run([str(dbt) if dbt.exists() else "dbt", "build", "--quiet"],
                   cwd=PROJECT_ROOT / "dbt_project", check=True)
    context.log.info(f"published {run_publish(get_settings())}")


@dg.job(
    name="presswatch_partitioned",
    executor_def=dg.multiprocess_executor,
    description="Ingest, extract hash partitions in parallel into a Parquet lake, load it with one "
                "writer, build the marts and publish.",
)
def partitioned_job():
    loaded = load_partitions(plan_partitions(ingest_for_partitions()).map(extract_partition).collect())
    build_marts(loaded)
