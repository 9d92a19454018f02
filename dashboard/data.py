"""Every query the dashboard runs, all parameterised, against the published snapshot only.

Query functions take a leading `version` (the snapshot's inode/mtime/size), filled in by
@snapshot_query: st.cache_data keys on it, so a newly published snapshot is read at once and
an unchanged one is served from cache until the TTL runs out.
"""

from __future__ import annotations

import functools
import json
import os
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.filters import Filters, article_conditions, filtered_articles_cte
from pipelines.settings import PROJECT_ROOT

CACHE_TTL_SECONDS = 600

R = TypeVar("R")


def snapshot_query(fn: Callable[..., R]) -> Callable[..., R]:
    """Cache fn(version, *args) per snapshot version; callers leave `version` out."""
    cached = st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=512)(fn)

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> R:
        version = db.snapshot_version()
        if version is None:
            raise db.SnapshotMissing(f"no snapshot at {db.snapshot_path()}")
        return cached(version, *args, **kwargs)

    run.clear = cached.clear  # type: ignore[attr-defined]
    return run


def like_pattern(term: str) -> str:
    """An ILIKE pattern matching `term` literally anywhere (use with ESCAPE '\\')."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_terms(text: str) -> list[str]:
    """Words and "quoted phrases" of a search box; unbalanced quotes fall back to plain words."""
    try:
        terms = shlex.split(text)
    except ValueError:
        terms = text.replace('"', " ").split()
    return [term for term in terms if term.strip()][:8]


def _one_row(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
    cursor = con.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([column[0] for column in cursor.description], row))


# --- shared ---------------------------------------------------------------------------------


@snapshot_query
def filter_options(version: object) -> dict[str, Any]:
    """Outlets (busiest first) and the range of publication dates, for the sidebar."""
    with db.connect() as con:
        outlets = con.execute(
            "SELECT outlet FROM marts.dim_articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY count(*) DESC, outlet"
        ).fetchall()
        low, high = con.execute(
            "SELECT min(published_date), max(published_date) FROM marts.dim_articles"
        ).fetchone()
    return {"outlets": [row[0] for row in outlets], "min_date": low, "max_date": high}


@snapshot_query
def pipeline_status(version: object) -> dict[str, Any] | None:
    with db.connect() as con:
        return _one_row(con, "SELECT * FROM marts.fct_pipeline_status LIMIT 1", {})


# --- overview -------------------------------------------------------------------------------


@snapshot_query
def overview_counts(version: object, f: Filters) -> dict[str, Any]:
    cte, params = filtered_articles_cte(f)
    rollup_condition, _ = article_conditions(f, "r")
    with db.connect() as con:
        counts = _one_row(
            con,
            f"""WITH {cte}
            SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets,
                   coalesce(sum(mention_count), 0) AS mentions,
                   coalesce(sum(quote_count), 0) AS quotes,
                   coalesce(sum(event_count), 0) AS events
            FROM arts""",
            params,
        )
        actors = con.execute(
            f"SELECT count(DISTINCT r.actor_id) FROM marts.fct_actor_mentions_rollup r WHERE {rollup_condition}",
            params,
        ).fetchone()[0]
    return {**(counts or {}), "actors": actors}


@snapshot_query
def daily_trend(version: object, f: Filters) -> pd.DataFrame:
    cte, params = filtered_articles_cte(f)
    return db.query_df(
        f"""WITH {cte}
        SELECT published_date AS day, count(*) AS articles,
               coalesce(sum(mention_count), 0) AS mentions,
               coalesce(sum(quote_count), 0) AS quotes,
               coalesce(sum(event_count), 0) AS events
        FROM arts WHERE published_date IS NOT NULL
        GROUP BY published_date ORDER BY published_date""",
        params,
    )


@snapshot_query
def top_actors(version: object, f: Filters, limit: int = 15) -> pd.DataFrame:
    condition, params = article_conditions(f, "r")
    # summed from the rollup (one row per actor, day, outlet and flag) rather than counted over
    # every mention, then the names joined to the top few
    return db.query_df(
        f"""WITH per_actor AS (
            SELECT r.actor_id, CAST(sum(r.mentions) AS BIGINT) AS mentions, CAST(sum(r.articles) AS BIGINT) AS articles
            FROM marts.fct_actor_mentions_rollup r WHERE {condition}
            GROUP BY r.actor_id)
        SELECT d.actor_id, d.name, d.kind, d.country, d.sector, p.mentions, p.articles
        FROM per_actor p JOIN marts.dim_actors d ON d.actor_id = p.actor_id
        ORDER BY p.mentions DESC, p.articles DESC, d.name LIMIT $limit""",
        {**params, "limit": limit},
    )


@snapshot_query
def top_speakers(version: object, f: Filters, limit: int = 15) -> pd.DataFrame:
    cte, params = filtered_articles_cte(f)
    return db.query_df(
        f"""WITH {cte}
        SELECT q.speaker_actor_id AS actor_id,
               coalesce(any_value(d.name), any_value(q.speaker_name)) AS speaker,
               any_value(q.speaker_country) AS country, any_value(q.speaker_sector) AS sector,
               count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
               max(q.published_date) AS last_quoted
        FROM marts.fct_quotes q
        LEFT JOIN marts.dim_actors d ON d.actor_id = q.speaker_actor_id
        WHERE q.speaker_actor_id IS NOT NULL AND q.article_id IN (SELECT article_id FROM arts)
        GROUP BY q.speaker_actor_id ORDER BY quotes DESC, articles DESC, speaker LIMIT $limit""",
        {**params, "limit": limit},
    )


# --- actors ---------------------------------------------------------------------------------


@snapshot_query
def search_actors(version: object, term: str = "", limit: int = 100) -> pd.DataFrame:
    """Actors whose name or an alias contains `term`, exact names first, then most mentioned.

    A one-word person linked to a full-name person (same_as_actor_id) is left out: the marts
    count it as that person, whose aliases include its name, so the search lands there."""
    term = term.strip()
    return db.query_df(
        r"""SELECT actor_id, name, kind, country, sector, mention_count
        FROM marts.dim_actors
        WHERE same_as_actor_id IS NULL
          AND ($term = '' OR name ILIKE $pattern ESCAPE '\' OR aliases ILIKE $pattern ESCAPE '\')
        ORDER BY lower(name) = lower($term) DESC, mention_count DESC NULLS LAST, name
        LIMIT $limit""",
        {"term": term, "pattern": like_pattern(term), "limit": limit},
    )


@snapshot_query
def actor(version: object, actor_id: str) -> dict[str, Any] | None:
    with db.connect() as con:
        return _one_row(con, "SELECT * FROM marts.dim_actors WHERE actor_id = $id", {"id": actor_id})


@snapshot_query
def actor_mentions_daily(version: object, actor_id: str, f: Filters) -> pd.DataFrame:
    condition, params = article_conditions(f, "r")
    return db.query_df(
        f"""SELECT r.published_date AS day, CAST(sum(r.mentions) AS BIGINT) AS mentions,
               CAST(sum(r.articles) AS BIGINT) AS articles
        FROM marts.fct_actor_mentions_rollup r
        WHERE r.actor_id = $actor_id AND r.published_date IS NOT NULL AND {condition}
        GROUP BY r.published_date ORDER BY day""",
        {**params, "actor_id": actor_id},
    )


@snapshot_query
def quotes_by_speaker(version: object, actor_id: str, f: Filters, limit: int = 200) -> pd.DataFrame:
    condition, params = article_conditions(f, "q")
    return db.query_df(
        f"""SELECT q.quote_id, q.article_id, q.published_date, q.outlet, q.title, q.text, q.kind, q.cue
        FROM marts.fct_actor_quotes q
        WHERE q.actor_id = $actor_id AND q.role = 'speaker' AND {condition}
        ORDER BY q.published_date DESC NULLS LAST, q.article_id, q.start_char LIMIT $limit""",
        {**params, "actor_id": actor_id, "limit": limit},
    )


@snapshot_query
def quotes_about(version: object, actor_id: str, f: Filters, limit: int = 200) -> pd.DataFrame:
    """Quotes by others whose span contains a mention of the actor."""
    condition, params = article_conditions(f, "q")
    return db.query_df(
        f"""SELECT q.quote_id, q.article_id, q.published_date, q.outlet, q.title, q.text, q.kind,
               q.speaker_name, q.speaker_kind, q.anonymous_description
        FROM marts.fct_actor_quotes q
        WHERE q.actor_id = $actor_id AND q.role = 'mentioned' AND {condition}
        ORDER BY q.published_date DESC NULLS LAST, q.article_id, q.start_char LIMIT $limit""",
        {**params, "actor_id": actor_id, "limit": limit},
    )


@snapshot_query
def actor_events(version: object, actor_id: str, f: Filters, limit: int = 1000) -> pd.DataFrame:
    """Events with the actor as source or target (role says which)."""
    condition, params = article_conditions(f, "e")
    return db.query_df(
        f"""SELECT e.event_id, e.article_id, e.published_date, e.event_type, e.mode, e.score, e.modality,
               e.role, e.source_name, e.target_name, e.event_date, e.location_name, e.evidence
        FROM marts.fct_actor_events e
        WHERE e.actor_id = $actor_id AND {condition}
        ORDER BY e.published_date DESC NULLS LAST, e.article_id, e.start_char LIMIT $limit""",
        {**params, "actor_id": actor_id, "limit": limit},
    )


@snapshot_query
def cooccurrence_network(version: object, actor_id: str, neighbours: int = 20) -> dict[str, pd.DataFrame]:
    """The actor's strongest co-occurring actors and every co-occurrence edge among them."""
    params = {"actor_id": actor_id, "neighbours": neighbours}
    nodes_cte = """
        ego AS (
            SELECT CASE WHEN actor_a_id = $actor_id THEN actor_b_id ELSE actor_a_id END AS id
            FROM marts.fct_actor_cooccurrence
            WHERE actor_a_id = $actor_id OR actor_b_id = $actor_id
            ORDER BY articles DESC, sentences DESC, id LIMIT $neighbours),
        nodes AS (SELECT id FROM ego UNION SELECT $actor_id)"""
    with db.connect() as con:
        nodes = con.execute(
            f"""WITH {nodes_cte}
            SELECT actor_id, name, kind, country, mention_count FROM marts.dim_actors
            WHERE actor_id IN (SELECT id FROM nodes)""",
            params,
        ).df()
        edges = con.execute(
            f"""WITH {nodes_cte}
            SELECT actor_a_id, actor_b_id, articles, sentences FROM marts.fct_actor_cooccurrence
            WHERE actor_a_id IN (SELECT id FROM nodes) AND actor_b_id IN (SELECT id FROM nodes)""",
            params,
        ).df()
    return {"nodes": nodes, "edges": edges}


# --- quotes ---------------------------------------------------------------------------------

ANONYMITY_CONDITIONS = {
    "any speaker": "TRUE",
    "resolved speaker": "q.speaker_actor_id IS NOT NULL",
    "anonymous source": "q.is_anonymous",
    "unresolved speaker": "q.speaker_actor_id IS NULL AND NOT coalesce(q.is_anonymous, FALSE)",
}


@dataclass(frozen=True)
class QuoteSearch:
    text: str = ""
    speaker: str = ""
    kinds: tuple[str, ...] = ()
    anonymity: str = "any speaker"


def _quote_where(f: Filters, search: QuoteSearch) -> tuple[str, str, dict[str, Any]]:
    cte, params = filtered_articles_cte(f)
    conditions = ["q.article_id IN (SELECT article_id FROM arts)"]
    for index, term in enumerate(search_terms(search.text)):
        conditions.append(rf"q.text ILIKE $term_{index} ESCAPE '\'")
        params[f"term_{index}"] = like_pattern(term)
    if search.speaker.strip():
        conditions.append(
            r"(q.speaker_name ILIKE $speaker ESCAPE '\' OR q.anonymous_description ILIKE $speaker ESCAPE '\')"
        )
        params["speaker"] = like_pattern(search.speaker.strip())
    if search.kinds:
        conditions.append("list_contains($kinds, q.kind)")
        params["kinds"] = list(search.kinds)
    conditions.append(ANONYMITY_CONDITIONS.get(search.anonymity, "TRUE"))
    return cte, " AND ".join(conditions), params


@snapshot_query
def count_quotes(version: object, f: Filters, search: QuoteSearch) -> int:
    cte, where, params = _quote_where(f, search)
    with db.connect() as con:
        return int(con.execute(f"WITH {cte} SELECT count(*) FROM marts.fct_quotes q WHERE {where}", params).fetchone()[0])


@snapshot_query
def search_quotes(version: object, f: Filters, search: QuoteSearch, limit: int = 25, offset: int = 0) -> pd.DataFrame:
    """One page of the quotes matching the search, newest first."""
    cte, where, params = _quote_where(f, search)
    return db.query_df(
        f"""WITH {cte}
        SELECT q.quote_id, q.article_id, q.published_date, q.outlet, q.title, q.text, q.kind, q.cue,
               q.speaker_actor_id, q.speaker_name, q.speaker_kind, q.is_anonymous,
               q.anonymous_description, q.articles_carrying
        FROM marts.fct_quotes q WHERE {where}
        ORDER BY q.published_date DESC NULLS LAST, q.article_id, q.start_char
        LIMIT $limit OFFSET $offset""",
        {**params, "limit": limit, "offset": offset},
    )


# --- events ---------------------------------------------------------------------------------


def _event_where(f: Filters, types: Sequence[str], modalities: Sequence[str]) -> tuple[str, str, dict[str, Any]]:
    cte, params = filtered_articles_cte(f)
    conditions = ["e.article_id IN (SELECT article_id FROM arts)"]
    if types:
        conditions.append("list_contains($types, e.event_type)")
        params["types"] = list(types)
    if modalities:
        conditions.append("list_contains($modalities, e.modality)")
        params["modalities"] = list(modalities)
    return cte, " AND ".join(conditions), params


@snapshot_query
def event_facets(version: object, f: Filters) -> dict[str, list[str]]:
    cte, where, params = _event_where(f, (), ())
    with db.connect() as con:
        types = con.execute(
            f"WITH {cte} SELECT e.event_type FROM marts.fct_events e WHERE {where} "
            "GROUP BY 1 ORDER BY count(*) DESC, 1",
            params,
        ).fetchall()
        modalities = con.execute(
            f"WITH {cte} SELECT e.modality FROM marts.fct_events e WHERE {where} "
            "GROUP BY 1 ORDER BY count(*) DESC, 1",
            params,
        ).fetchall()
    return {"types": [row[0] for row in types], "modalities": [row[0] for row in modalities if row[0]]}


@snapshot_query
def events_timeline(version: object, f: Filters, types: tuple[str, ...] = (), modalities: tuple[str, ...] = ()) -> pd.DataFrame:
    cte, where, params = _event_where(f, types, modalities)
    return db.query_df(
        f"""WITH {cte}
        SELECT e.published_date AS day, e.event_type, count(*) AS events, avg(e.score) AS mean_score
        FROM marts.fct_events e WHERE {where} AND e.published_date IS NOT NULL
        GROUP BY ALL ORDER BY day, e.event_type""",
        params,
    )


@snapshot_query
def dyads(version: object, f: Filters, types: tuple[str, ...] = (), modalities: tuple[str, ...] = (), limit: int = 25) -> pd.DataFrame:
    """The busiest source→target pairs with their mean conflict–cooperation score."""
    cte, where, params = _event_where(f, types, modalities)
    return db.query_df(
        f"""WITH {cte}
        SELECT e.source_actor_id, any_value(e.source_name) AS source_name,
               e.target_actor_id, any_value(e.target_name) AS target_name,
               count(*) AS events, avg(e.score) AS score_mean, sum(e.score) AS score_sum,
               string_agg(DISTINCT e.event_type, ', ' ORDER BY e.event_type) AS event_types
        FROM marts.fct_events e
        WHERE {where} AND e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL
        GROUP BY e.source_actor_id, e.target_actor_id
        ORDER BY events DESC, abs(score_sum) DESC, source_name, target_name LIMIT $limit""",
        {**params, "limit": limit},
    )


@snapshot_query
def event_places(version: object, f: Filters, types: tuple[str, ...] = (), modalities: tuple[str, ...] = ()) -> pd.DataFrame:
    cte, where, params = _event_where(f, types, modalities)
    return db.query_df(
        f"""WITH {cte}
        SELECT e.location_name, e.location_country, e.latitude, e.longitude,
               count(*) AS events, avg(e.score) AS score_mean,
               string_agg(DISTINCT e.event_type, ', ' ORDER BY e.event_type) AS event_types
        FROM marts.fct_events e
        WHERE {where} AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
        GROUP BY ALL ORDER BY events DESC""",
        params,
    )


@snapshot_query
def events_table(version: object, f: Filters, types: tuple[str, ...] = (), modalities: tuple[str, ...] = (), limit: int = 500) -> pd.DataFrame:
    cte, where, params = _event_where(f, types, modalities)
    return db.query_df(
        f"""WITH {cte}
        SELECT e.event_id, e.article_id, e.published_date, e.outlet, e.event_type, e.mode, e.score,
               e.modality, e.source_name, e.target_name, e.event_date, e.date_granularity,
               e.location_name, e.evidence
        FROM marts.fct_events e WHERE {where}
        ORDER BY e.published_date DESC NULLS LAST, e.article_id, e.start_char LIMIT $limit""",
        {**params, "limit": limit},
    )


# --- articles -------------------------------------------------------------------------------


@snapshot_query
def search_articles(version: object, f: Filters, term: str = "", limit: int = 200) -> pd.DataFrame:
    """Articles whose title or outlet contains `term` (or whose id is `term`), newest first."""
    cte, params = filtered_articles_cte(f)
    term = term.strip()
    return db.query_df(
        rf"""WITH {cte}
        SELECT article_id, title, outlet, published_date FROM arts
        WHERE $term = '' OR article_id = $term
           OR title ILIKE $pattern ESCAPE '\' OR outlet ILIKE $pattern ESCAPE '\'
        ORDER BY published_date DESC NULLS LAST, title LIMIT $limit""",
        {**params, "term": term, "pattern": like_pattern(term), "limit": limit},
    )


@snapshot_query
def article(version: object, article_id: str) -> dict[str, Any] | None:
    """One article with its full text, whatever the filters say."""
    with db.connect() as con:
        return _one_row(
            con,
            """SELECT r.article_id, coalesce(d.title, r.title) AS title, coalesce(d.outlet, r.outlet) AS outlet,
                      coalesce(d.url, r.url) AS url, r.author, coalesce(d.published_date, r.published) AS published_date,
                      r.language, r.word_count, r.duplicate_of, r.similarity, d.source_count,
                      d.extraction_status, d.extractor_version, r.text
               FROM raw.articles r LEFT JOIN marts.dim_articles d ON d.article_id = r.article_id
               WHERE r.article_id = $id""",
            {"id": article_id},
        )


@snapshot_query
def article_annotations(version: object, article_id: str) -> dict[str, pd.DataFrame]:
    """Actor mentions, quotes and events of one article, with their character spans.

    A mention's actor is the one the marts count it as: a one-word person linked to a full-name
    person (dim_actors.same_as_actor_id) shows, and links to, that person."""
    params = {"id": article_id}
    with db.connect() as con:
        mentions = con.execute(
            """SELECT m.start_char, m.end_char, m.surface, m.mention_kind,
                      coalesce(x.same_as_actor_id, m.actor_id) AS actor_id,
                      coalesce(d.name, m.surface) AS name, d.kind, d.country, d.sector
               FROM nlp.actor_mentions m
               LEFT JOIN marts.dim_actors x ON x.actor_id = m.actor_id
               LEFT JOIN marts.dim_actors d ON d.actor_id = coalesce(x.same_as_actor_id, m.actor_id)
               WHERE m.article_id = $id ORDER BY m.start_char""",
            params,
        ).df()
        quotes = con.execute(
            """SELECT quote_id, start_char, end_char, text, kind, cue, speaker_actor_id, speaker_name,
                      speaker_kind, anonymous_description
               FROM marts.fct_quotes WHERE article_id = $id ORDER BY start_char""",
            params,
        ).df()
        events = con.execute(
            """SELECT event_id, start_char, end_char, event_type, mode, score, modality, source_name,
                      target_name, event_date, location_name, evidence
               FROM marts.fct_events WHERE article_id = $id ORDER BY start_char""",
            params,
        ).df()
    return {"mentions": mentions, "quotes": quotes, "events": events}


# --- quality --------------------------------------------------------------------------------


@snapshot_query
def quality_summary(version: object, f: Filters) -> dict[str, Any]:
    cte, params = filtered_articles_cte(f)
    with db.connect() as con:
        quotes = _one_row(
            con,
            f"""WITH {cte}
            SELECT count(*) AS quotes,
                   count(*) FILTER (WHERE speaker_actor_id IS NOT NULL) AS resolved_quotes,
                   count(*) FILTER (WHERE is_anonymous) AS anonymous_quotes
            FROM marts.fct_quotes WHERE article_id IN (SELECT article_id FROM arts)""",
            params,
        )
        events = _one_row(
            con,
            f"""WITH {cte}
            SELECT count(*) AS events,
                   count(*) FILTER (WHERE event_date IS NULL) AS undated_events,
                   count(*) FILTER (WHERE latitude IS NOT NULL) AS located_events
            FROM marts.fct_events WHERE article_id IN (SELECT article_id FROM arts)""",
            params,
        )
    return {**(quotes or {}), **(events or {})}


@snapshot_query
def speaker_kinds(version: object, f: Filters) -> pd.DataFrame:
    cte, params = filtered_articles_cte(f)
    return db.query_df(
        f"""WITH {cte}
        SELECT coalesce(speaker_kind, 'unknown') AS speaker_kind, count(*) AS quotes
        FROM marts.fct_quotes WHERE article_id IN (SELECT article_id FROM arts)
        GROUP BY 1 ORDER BY quotes DESC""",
        params,
    )


@snapshot_query
def extraction_statuses(version: object, f: Filters) -> pd.DataFrame:
    cte, params = filtered_articles_cte(f)
    return db.query_df(
        f"""WITH {cte}
        SELECT coalesce(extraction_status, 'not extracted') AS status, count(*) AS articles
        FROM arts GROUP BY 1 ORDER BY articles DESC""",
        params,
    )


@snapshot_query
def rejected_by_reason(version: object) -> pd.DataFrame:
    return db.query_df(
        """SELECT reason, count(*) AS inputs, max(rejected_at) AS latest
        FROM raw.rejected_inputs GROUP BY reason ORDER BY inputs DESC, reason"""
    )


@snapshot_query
def recent_rejections(version: object, limit: int = 200) -> pd.DataFrame:
    return db.query_df(
        """SELECT rejected_at, reason, source_path, source_line, detail
        FROM raw.rejected_inputs ORDER BY rejected_at DESC, source_path, source_line LIMIT $limit""",
        {"limit": limit},
    )


def _month_conditions(f: Filters) -> tuple[str, dict[str, Any]]:
    """Filters over the monthly outlet marts (outlet, month); months overlapping the period count."""
    conditions, params = ["TRUE"], {}
    # `month` is compared as its 'YYYY-MM' prefix so a DATE, TIMESTAMP or 'YYYY-MM' column all work.
    if f.start is not None:
        conditions.append("left(CAST(month AS VARCHAR), 7) >= $m_start")
        params["m_start"] = f.start.strftime("%Y-%m")
    if f.end is not None:
        conditions.append("left(CAST(month AS VARCHAR), 7) <= $m_end")
        params["m_end"] = f.end.strftime("%Y-%m")
    if f.outlets:
        conditions.append("list_contains($outlets, outlet)")
        params["outlets"] = list(f.outlets)
    return " AND ".join(conditions), params


@snapshot_query
def outlet_sourcing(version: object, f: Filters) -> pd.DataFrame:
    """Per outlet, quotes per article and the anonymous share over the months the period touches."""
    conditions, params = _month_conditions(f)
    return db.query_df(
        f"""SELECT outlet, sum(articles) AS articles, sum(quotes) AS quotes,
               sum(quotes) / nullif(sum(articles), 0) AS quotes_per_article,
               sum(anonymous_quotes) AS anonymous_quotes,
               sum(anonymous_quotes) / nullif(sum(quotes), 0) AS anonymous_share,
               sum(named_quotes) AS named_quotes
        FROM marts.fct_outlet_sourcing WHERE {conditions}
        GROUP BY outlet ORDER BY quotes DESC, outlet""",
        params,
    )


@snapshot_query
def outlet_speaker_mix(version: object, f: Filters) -> pd.DataFrame:
    """Per outlet, how its quotes split across speaker sectors over the months the period touches."""
    conditions, params = _month_conditions(f)
    return db.query_df(
        f"""SELECT outlet, coalesce(speaker_sector, 'unknown') AS speaker_sector, sum(quotes) AS quotes
        FROM marts.fct_outlet_speaker_mix WHERE {conditions}
        GROUP BY ALL ORDER BY outlet, quotes DESC""",
        params,
    )


def eval_results_path() -> Path:
    raw = os.environ.get("PRESSWATCH_EVAL_RESULTS") or "data/eval/latest.json"
    path = Path(raw).expanduser()
    return (path if path.is_absolute() else PROJECT_ROOT / path).resolve()


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _read_eval_results(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def eval_results() -> dict[str, Any] | None:
    """The latest `make eval` scores, or None when there are none; raises ValueError if unreadable."""
    path = eval_results_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    try:
        payload = _read_eval_results(str(path), stat.st_mtime_ns, stat.st_size)
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not readable JSON: {exc}") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("rows"), list):
        raise ValueError(f"{path} has no 'rows' list")
    return payload


# --- SQL console cheat sheet (the console itself is dashboard/console.py) -------------------


@snapshot_query
def warehouse_tables(version: object) -> pd.DataFrame:
    """Every table and view in the snapshot with its columns, for the console's cheat sheet."""
    return db.query_df(
        """SELECT table_schema AS schema, table_name AS "table",
                  string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) AS columns
        FROM information_schema.columns
        WHERE table_schema NOT IN ('information_schema', 'pg_catalog')
        GROUP BY ALL ORDER BY 1, 2"""
    )
