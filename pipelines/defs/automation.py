"""Jobs, schedules and sensors: everything that runs without anyone watching.

- hourly_pipeline: the whole graph every hour;
- landing_folder_sensor: a run as soon as a file lands;
- nightly_full_refresh: dbt rebuilt from scratch (incremental models included) at 03:00;
- marts_follow_upstream: dbt models and the snapshot rebuild when their upstream tables
  change outside the main job (a backfill, a re-extraction).
All are on by default and can be switched off in the Dagster UI.
"""


import hashlib
import json

import dagster as dg

from pipelines.defs.resources import SETTINGS
from pipelines.ingest import discover_files

WAREHOUSE = dg.AssetSelection.groups("warehouse", "publish")

everything = dg.define_asset_job(
    name="presswatch_pipeline",
    selection=dg.AssetSelection.all() - dg.AssetSelection.groups("backfill"),
    description="Ingest new files, extract, build and test the dbt models, publish the snapshot.",
    executor_def=dg.in_process_executor,
)

reextract = dg.define_asset_job(
    name="reextract_stale",
    selection=dg.AssetSelection.groups("extract") | WAREHOUSE,
    description="Re-extracts every article whose extraction is older than the current extractor "
    "version (after a rule change), in batches, then rebuilds the marts and publishes once.",
    executor_def=dg.in_process_executor,
)

full_refresh = dg.define_asset_job(
    name="dbt_full_refresh",
    selection=WAREHOUSE,
    config={"ops": {"warehouse_models": {"config": {"full_refresh": True}}}},
    description="Rebuilds every dbt model from scratch, then publishes the snapshot.",
    executor_def=dg.in_process_executor,
)

nightly = dg.ScheduleDefinition(
    name="nightly_full_refresh",
    job=full_refresh,
    cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="A full dbt build every night, so incremental models never drift.",
)

marts_follow_upstream = dg.AutomationConditionSensorDefinition(
    name="marts_follow_upstream",
    target=WAREHOUSE,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
)

hourly = dg.ScheduleDefinition(
    name="hourly_pipeline",
    job=everything,
    cron_schedule="0 * * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Runs the whole pipeline every hour.",
)


def landing_fingerprint() -> tuple[str, int]:
    """A digest of the landing folder's files (name, size, mtime): it changes when a file
    lands or changes."""
    SETTINGS.landing_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for path in discover_files([SETTINGS.landing_dir]):
        stat = path.stat()
        entries.append([str(path), stat.st_size, stat.st_mtime_ns])
    digest = hashlib.sha256(json.dumps(sorted(entries)).encode()).hexdigest()[:16]
    return digest, len(entries)


@dg.sensor(
    job=everything,
    minimum_interval_seconds=20,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def landing_folder_sensor(context: dg.SensorEvaluationContext):
    """Starts a pipeline run when files land in (or change in) the landing folder."""
    digest, count = landing_fingerprint()
    if context.cursor == digest:
        return dg.SkipReason(f"no new files in {SETTINGS.landing_dir} ({count} files)")
    context.update_cursor(digest)
    if count == 0:
        return dg.SkipReason(f"landing folder {SETTINGS.landing_dir} is empty")
    return dg.RunRequest(run_key=digest, tags={"presswatch/trigger": "landing_folder"})
