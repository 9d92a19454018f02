"""Backfill: a historical corpus loaded by month partitions that run and retry on their own.

`presswatch backfill-split CORPUS.jsonl` files each article under data/backfill/YYYY-MM/;
each partition of this asset ingests its month folder and extracts what it added. Launch a
backfill over any range of months from the Dagster UI; the marts follow automatically.
"""

import dagster as dg

from pipelines.defs.resources import PresswatchResource
from pipelines.steps import run_extract, run_ingest

months = dg.MonthlyPartitionsDefinition(start_date="2000-01-01", end_offset=1)


@dg.asset(
    key=["raw", "backfill_months"],
    partitions_def=months,
    kinds={"python", "spacy", "duckdb"},
    group_name="backfill",
    pool="warehouse_writer",
)
def backfill_month(context: dg.AssetExecutionContext, presswatch: PresswatchResource) -> dg.MaterializeResult:
    """Ingests data/backfill/<YYYY-MM>/ for one month and extracts the articles it added."""
    settings = presswatch.settings()
    month = context.partition_key[:7]
    folder = settings.backfill_dir / month
    if not folder.is_dir():
        return dg.MaterializeResult(metadata={"month": month, "files": 0, "note": f"no folder {folder}"})
    ingest = run_ingest(settings, roots=[folder])
    extract = run_extract(settings, run_id=context.run_id[:16])
    return dg.MaterializeResult(metadata={
        "month": month,
        "files_read": ingest.get("files", 0),
        "articles_added": ingest.get("articles_added", 0),
        "rejected": ingest.get("rejected", 0),
        "articles_extracted": extract.get("articles", 0),
        "events_written": extract.get("events", 0),
        "quotes_written": extract.get("quotes", 0),
    })


backfill_job = dg.define_asset_job(
    name="backfill_by_month",
    selection=dg.AssetSelection.assets(backfill_month),
    partitions_def=months,
    description="Loads data/backfill/YYYY-MM/ month by month (launch a backfill over a range).",
    executor_def=dg.in_process_executor,
)
