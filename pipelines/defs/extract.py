"""Extract asset: raw.articles → actors, mentions, quotes and events (nlp.* tables)."""


import dagster as dg

from pipelines.defs.resources import PresswatchResource
from pipelines.steps import run_extract

NLP_TABLES = {
    "actors": "Canonical actors across articles, coded with country and sector by the majority of their articles.",
    "article_actors": "How each article coded each actor it mentions (coding over time).",
    "actor_aliases": "Surface forms of each actor with counts.",
    "actor_mentions": "Every mention of an actor, with offsets into its article.",
    "quotes": "Direct, mixed and indirect quotes with their speakers.",
    "events": "PLOVER events: who did what to whom, when and where.",
    "extraction_runs": "One row per extraction pass.",
    "article_extractions": "Which extractor version extracted which article.",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["nlp", name], description=text, kinds={"spacy", "duckdb"}, group_name="extract",
                     deps=[dg.AssetKey(["raw", "articles"])])
        for name, text in NLP_TABLES.items()
    ],
    pool="warehouse_writer",
)
def extract(context: dg.AssetExecutionContext, presswatch: PresswatchResource):
    """One spaCy nlp.pipe pass over the articles not yet extracted by the current extractor
    version (new articles, or all of them after a rule change), written per batch in one
    transaction that replaces the article's older rows."""
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        context.log.info(f"extracted {done} articles")

    counts = run_extract(presswatch.settings(), progress=progress, run_id=context.run_id[:16])
    metadata = {
        "extractor_version": counts.get("extractor_version", ""),
        "articles_extracted": counts.get("articles", 0),
        "articles_skipped": counts.get("skipped", 0),
        "mentions_written": counts.get("mentions", 0),
        "quotes_written": counts.get("quotes", 0),
        "events_written": counts.get("events", 0),
        "words": counts.get("words", 0),
        "seconds": counts.get("seconds", 0.0),
    }
    for name in NLP_TABLES:
        yield dg.MaterializeResult(asset_key=["nlp", name], metadata=metadata)
