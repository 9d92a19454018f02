"""Jobs, the hourly schedule and the landing-folder sensor."""


import hashlib
import json

import dagster as dg

from pipelines.defs.resources import SETTINGS
from pipelines.ingest import discover_files

everything = dg.define_asset_job(
    name="presswatch_pipeline",
    selection=dg.AssetSelection.all(),
    description="Ingest new files, extract, build and test the dbt models, publish the snapshot.",
    executor_def=dg.in_process_executor,
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
