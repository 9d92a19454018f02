"""What each dashboard page queries, uncached, for `make bench` (p50/p95 per page)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from dashboard import data, db
from dashboard.filters import Filters


def _uncached(fn):
    return fn.__wrapped__  # the query itself, without st.cache_data


def page_queries(published: Path) -> dict[str, Callable[[], None]]:
    """page name -> a function running every query that page runs on first load."""
    os.environ["PRESSWATCH_PUBLISHED"] = str(published)
    version = db.snapshot_version(published)
    f = Filters()
    top = _uncached(data.top_actors)(version, f, 1)
    actor_id = top["actor_id"].iloc[0] if len(top) else ""
    articles = _uncached(data.search_articles)(version, f, "", 1)
    article_id = articles["article_id"].iloc[0] if len(articles) else ""
    q = data.QuoteSearch()

    def run(*calls):
        def go() -> None:
            for fn, *args in calls:
                _uncached(fn)(version, *args)
        return go

    return {
        "overview": run((data.pipeline_status,), (data.overview_counts, f), (data.daily_trend, f),
                        (data.top_actors, f), (data.top_speakers, f)),
        "actor profile": run((data.search_actors, ""), (data.actor, actor_id), (data.actor_mentions_daily, actor_id, f),
                             (data.quotes_by_speaker, actor_id, f), (data.quotes_about, actor_id, f),
                             (data.actor_events, actor_id, f), (data.cooccurrence_network, actor_id)),
        "quotes": run((data.count_quotes, f, q), (data.search_quotes, f, q)),
        "events": run((data.event_facets, f), (data.events_timeline, f), (data.dyads, f),
                      (data.event_places, f), (data.events_table, f)),
        "article reader": run((data.search_articles, f), (data.article, article_id), (data.article_annotations, article_id)),
        "quality": run((data.quality_summary, f), (data.speaker_kinds, f), (data.extraction_statuses, f)),
    }
