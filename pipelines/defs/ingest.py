"""Ingest asset: landing folder and bundled sample → raw.* tables."""


import dagster as dg

from pipelines.defs.resources import PresswatchResource
from pipelines.steps import run_ingest

RAW_TABLES = {
    "articles": "One row per distinct article body, boilerplate cut, with its metadata.",
    "article_sources": "Every file and line an article was found in.",
    "rejected_inputs": "Inputs that could not become articles, with the reason.",
    "ingested_files": "Files already read, by content hash.",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", name], description=text, kinds={"python", "duckdb"}, group_name="ingest")
        for name, text in RAW_TABLES.items()
    ],
    pool="warehouse_writer",
)
def ingest(context: dg.AssetExecutionContext, presswatch: PresswatchResource):
    """Reads new and changed files from the landing folder and the bundled sample, cuts
    boilerplate, links duplicates and writes whole files per transaction; bad input becomes
    raw.rejected_inputs rows and the run goes on."""
    seen = 0

    def progress(n: int) -> None:
        nonlocal seen
        seen += n
        if seen % 50 == 0:
            context.log.info(f"read {seen} files")

    counts = run_ingest(presswatch.settings(), progress=progress)
    context.log.info(f"ingest: {counts}")
    metadata = {
        "files_read": counts.get("files", 0),
        "files_unchanged": counts.get("files_unchanged", 0),
        "articles_found": counts.get("articles_found", 0),
        "articles_added": counts.get("articles_added", 0),
        "exact_duplicates": counts.get("exact_duplicates", 0),
        "near_duplicates": counts.get("near_duplicates", 0),
        "rejected": counts.get("rejected", 0),
        "rejected_by_reason": dg.MetadataValue.json(counts.get("rejected_by_reason", {})),
        "articles_total": counts.get("articles_total", 0),
        "seconds": counts.get("seconds", 0.0),
    }
    per_table = {
        "articles": metadata,
        "rejected_inputs": {"rejected": metadata["rejected"], "rejected_by_reason": metadata["rejected_by_reason"]},
    }
    for name in RAW_TABLES:
        yield dg.MaterializeResult(asset_key=["raw", name], metadata=per_table.get(name, {}))
