"""Asset checks that fail loudly when extraction silently stops working."""


import dagster as dg

from pipelines.defs.resources import PresswatchResource
from pipelines.warehouse.connection import connect_with_retry


def _scalar(presswatch: PresswatchResource, sql: str):
    con = connect_with_retry(presswatch.settings().warehouse_path, read_only=True)
    try:
        return con.execute(sql).fetchall()[0]
    finally:
        con.close()


@dg.asset_check(asset=dg.AssetKey(["nlp", "actor_mentions"]), blocking=True)
def extraction_not_empty(presswatch: PresswatchResource) -> dg.AssetCheckResult:
    """Every extracted article with text should yield actors; an extractor that returns
    nothing at all is broken, not quiet news."""
    extracted, with_mentions = _scalar(presswatch, """
        SELECT (SELECT count(*) FROM nlp.article_extractions WHERE status = 'extracted'),
               (SELECT count(DISTINCT article_id) FROM nlp.actor_mentions)
    """)
    share = with_mentions / extracted if extracted else 1.0
    return dg.AssetCheckResult(
        passed=extracted == 0 or share >= 0.5,
        metadata={"extracted_articles": extracted, "articles_with_mentions": with_mentions,
                  "share": round(share, 3)},
        description="fewer than half of the extracted articles have any actor mention" if share < 0.5 else None,
    )


@dg.asset_check(asset=dg.AssetKey(["nlp", "quotes"]))
def quotes_have_speakers(presswatch: PresswatchResource) -> dg.AssetCheckResult:
    """The share of quotes with a resolved speaker should not collapse."""
    quotes, with_speaker = _scalar(presswatch, """
        SELECT count(*), count(*) FILTER (WHERE speaker_kind IN ('named', 'pronoun', 'anonymous'))
        FROM nlp.quotes
    """)
    share = with_speaker / quotes if quotes else 1.0
    return dg.AssetCheckResult(
        passed=quotes == 0 or share >= 0.6,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"quotes": quotes, "with_speaker": with_speaker, "share": round(share, 3)},
    )
