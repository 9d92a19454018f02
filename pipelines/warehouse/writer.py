"""Batched, transactional writes of ingestion and extraction results.

Every call writes one batch in one transaction: after a crash a batch is either all there
or not there, and the next run redoes exactly the missing work (ids are content-derived,
so re-writing never duplicates).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

import duckdb

from pipelines.ingest.api import ParsedFile
from pipelines.nlp.api import ArticleResult
from pipelines.warehouse.arrow_io import insert_rows
from pipelines.warehouse.connection import transaction

ARTICLE_COLUMNS = (
    "article_id", "title", "text", "outlet", "url", "author", "published", "published_source",
    "language", "skip_reason", "word_count", "boilerplate_chars", "duplicate_of", "similarity",
)


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def short_hash(*parts: Any) -> str:
    return hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


def already_ingested(con: duckdb.DuckDBPyConnection, source_path: str, file_sha256: str) -> bool:
    rows = con.execute(
        "SELECT 1 FROM raw.ingested_files WHERE source_path = ? AND file_sha256 = ?",
        [source_path, file_sha256],
    ).fetchall()  # fetchall: DuckDB refuses further work while a result is unfinished
    return bool(rows)


def existing_article_ids(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    rows = con.execute(
        "SELECT article_id FROM raw.articles WHERE article_id IN (SELECT unnest(?))", [list(article_ids)]
    ).fetchall()
    return {r[0] for r in rows}


def write_parsed_files(
    con: duckdb.DuckDBPyConnection,
    files: Iterable[ParsedFile],
    *,
    signatures: Sequence[dict] = (),
    repoint: Sequence[dict] = (),
) -> dict[str, int]:
    """Writes whole files (articles, sources, rejections, the file's ledger row), their
    near-duplicate signatures and any re-pointed duplicates, in one transaction."""
    files = list(files)
    stamp = now_utc()
    articles, sources, rejections, ledger = [], [], [], []
    seen_in_batch: set[str] = set()
    for parsed in files:
        for art in parsed.articles:
            if art.article_id not in seen_in_batch:
                seen_in_batch.add(art.article_id)
                row = {k: v for k, v in asdict(art).items() if k in ARTICLE_COLUMNS}
                articles.append(row | {"ingested_at": stamp})
            sources.append({
                "source_key": short_hash(art.source_path, art.source_line, art.article_id),
                "article_id": art.article_id, "source_path": art.source_path,
                "source_line": art.source_line, "source_kind": art.source_kind,
                "file_sha256": art.file_sha256, "outlet": art.outlet, "url": art.url,
                "ingested_at": stamp,
            })
        for rej in parsed.rejections:
            rejections.append({
                "rejection_id": short_hash(rej.source_path, rej.source_line, rej.file_sha256, rej.reason),
                "source_path": rej.source_path, "source_line": rej.source_line,
                "file_sha256": rej.file_sha256, "reason": rej.reason, "detail": rej.detail,
                "rejected_at": stamp,
            })
        ledger.append({
            "source_path": parsed.source_path, "file_sha256": parsed.file_sha256,
            "size_bytes": parsed.size_bytes, "articles": len(parsed.articles),
            "rejected": len(parsed.rejections), "ingested_at": stamp,
        })
    known = existing_article_ids(con, [a["article_id"] for a in articles])
    added = [a for a in articles if a["article_id"] not in known]
    found = sum(len(f.articles) for f in files)
    with transaction(con):
        insert_rows(con, "raw.articles", articles, on_conflict="ignore")
        insert_rows(con, "raw.article_signatures", list(signatures), on_conflict="ignore")
        for row in repoint:
            con.execute("UPDATE raw.articles SET duplicate_of = ?, similarity = ? WHERE article_id = ?",
                        [row["duplicate_of"], row["similarity"], row["article_id"]])
        insert_rows(con, "raw.article_sources", sources, on_conflict="ignore")
        insert_rows(con, "raw.rejected_inputs", rejections, on_conflict="ignore")
        insert_rows(con, "raw.ingested_files", ledger, on_conflict="ignore")
    return {
        "articles_found": found,
        "articles_added": len(added),
        "exact_duplicates": found - len(added),
        "near_duplicates": sum(1 for a in added if a.get("duplicate_of")),
        "rejected": len(rejections),
        "files": len(files),
    }


EXTRACTED_TABLES = ("nlp.article_actors", "nlp.actor_mentions", "nlp.quotes", "nlp.events")


def write_extractions(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[ArticleResult],
    *,
    extractor_version: str,
    run_id: str,
    skipped: Sequence[tuple[str, str]] = (),
) -> dict[str, int]:
    """Replaces everything extracted from these articles with the new results, atomically.

    Old rows of an article (from any extractor version) are deleted in the same transaction
    that inserts the new ones, so an article is never half old, half new. The actors these
    articles mention (before and after) are then recoded from all their articles.
    """
    stamp = now_utc()
    ids = [r.article_id for r in results] + [article_id for article_id, _ in skipped]
    versioned = {"extractor_version": extractor_version}
    article_actors, mentions, quotes, events = [], [], [], []
    for res in results:
        article_actors += [a | versioned | {"article_id": res.article_id} for a in res.actors]
        mentions += [m | versioned for m in res.mentions]
        quotes += [q | versioned for q in res.quotes]
        events += [e | versioned for e in res.events]
    ledger = [
        {"article_id": r.article_id, "extractor_version": extractor_version, "run_id": run_id,
         "status": "extracted", "reason": None, "extracted_at": stamp}
        for r in results
    ] + [
        {"article_id": article_id, "extractor_version": extractor_version, "run_id": run_id,
         "status": "skipped", "reason": reason, "extracted_at": stamp}
        for article_id, reason in skipped
    ]
    with transaction(con):
        touched = {r[0] for r in con.execute(
            "SELECT DISTINCT actor_id FROM nlp.article_actors WHERE article_id IN (SELECT unnest(?))", [ids]).fetchall()}
        for table in EXTRACTED_TABLES:
            # table names are constants of this module, not input
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [ids])
        insert_rows(con, "nlp.article_actors", article_actors, on_conflict="replace")
        insert_rows(con, "nlp.actor_mentions", mentions, on_conflict="replace")
        insert_rows(con, "nlp.quotes", quotes, on_conflict="replace")
        insert_rows(con, "nlp.events", events, on_conflict="replace")
        insert_rows(con, "nlp.article_extractions", ledger, on_conflict="replace")
        recode_actors(con, touched | {a["actor_id"] for a in article_actors}, stamp)
    return {"articles": len(results), "skipped": len(skipped), "mentions": len(mentions),
            "quotes": len(quotes), "events": len(events)}


# One row per actor from its articles' codings: the most frequent value wins; a tie goes to the
# value seen in the most recent article, then to the alphabetically first. Country and sector
# are chosen as a pair (USA GOV and RUS MIL must not blend into USA MIL). Names prefer the most
# frequent, then the longest form. Nothing here depends on which article was written first.
_RECODE_SQL = """
INSERT OR REPLACE INTO nlp.actors
    (actor_id, canonical_key, name, kind, country, sector, title, extractor_version, updated_at)
WITH coded AS (
    SELECT aa.*, a.published FROM nlp.article_actors aa LEFT JOIN raw.articles a USING (article_id)
    WHERE aa.actor_id IN (SELECT actor_id FROM recode_ids)
),
base AS (
    SELECT actor_id, min(canonical_key) AS canonical_key, min(kind) AS kind,
           max(extractor_version) AS extractor_version
    FROM coded GROUP BY actor_id
),
names AS (
    SELECT actor_id, name FROM (
        SELECT actor_id, name, row_number() OVER (
            PARTITION BY actor_id ORDER BY count(*) DESC, length(name) DESC, name) AS pick
        FROM coded GROUP BY actor_id, name)
    WHERE pick = 1
),
codes AS (
    SELECT actor_id, country, sector FROM (
        SELECT actor_id, country, sector, row_number() OVER (
            PARTITION BY actor_id ORDER BY count(*) DESC, max(published) DESC NULLS LAST,
                                           country NULLS LAST, sector NULLS LAST) AS pick
        FROM coded WHERE country IS NOT NULL OR sector IS NOT NULL GROUP BY actor_id, country, sector)
    WHERE pick = 1
),
titles AS (
    SELECT actor_id, title FROM (
        SELECT actor_id, title, row_number() OVER (
            PARTITION BY actor_id ORDER BY count(*) DESC, max(published) DESC NULLS LAST, title) AS pick
        FROM coded WHERE title IS NOT NULL GROUP BY actor_id, title)
    WHERE pick = 1
)
SELECT b.actor_id, b.canonical_key, n.name, b.kind, c.country, c.sector, t.title, b.extractor_version, $stamp
FROM base b JOIN names n USING (actor_id) LEFT JOIN codes c USING (actor_id) LEFT JOIN titles t USING (actor_id)
"""


def recode_actors(con: duckdb.DuckDBPyConnection, actor_ids: Iterable[str], stamp: datetime | None = None) -> None:
    """Rewrites these actors' rows in nlp.actors from every article that mentions them (see
    _RECODE_SQL). Actors no article mentions any more are left to refresh_actor_aliases."""
    ids = sorted(set(actor_ids))
    if not ids:
        return
    con.execute("CREATE OR REPLACE TEMP TABLE recode_ids AS SELECT unnest(?::VARCHAR[]) AS actor_id", [ids])
    try:
        con.execute(_RECODE_SQL, {"stamp": stamp or now_utc()})
    finally:
        con.execute("DROP TABLE IF EXISTS recode_ids")


def refresh_actor_aliases(con: duckdb.DuckDBPyConnection) -> int:
    """Aliases with counts, recomputed from the mentions (cheap in DuckDB, never drifts)."""
    with transaction(con):
        con.execute("DELETE FROM nlp.actor_aliases")
        con.execute(
            "INSERT INTO nlp.actor_aliases "
            "SELECT actor_id, surface, count(*)::INTEGER FROM nlp.actor_mentions "
            "WHERE mention_kind <> 'pronoun' GROUP BY actor_id, surface"
        )
        # Actors no longer mentioned anywhere (after re-extraction) are dropped.
        con.execute("DELETE FROM nlp.actors WHERE actor_id NOT IN (SELECT DISTINCT actor_id FROM nlp.actor_mentions)"
                    " AND actor_id NOT IN (SELECT speaker_actor_id FROM nlp.quotes WHERE speaker_actor_id IS NOT NULL)"
                    " AND actor_id NOT IN (SELECT source_actor_id FROM nlp.events WHERE source_actor_id IS NOT NULL)"
                    " AND actor_id NOT IN (SELECT target_actor_id FROM nlp.events WHERE target_actor_id IS NOT NULL)")
    return con.execute("SELECT count(*) FROM nlp.actor_aliases").fetchall()[0][0]


def articles_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str, limit: int | None = None):
    """Articles not yet extracted by this extractor version (new, or stale after a rule change)."""
    sql = (
        "SELECT a.article_id, a.text, a.published, a.title, a.url, a.skip_reason "
        "FROM raw.articles a LEFT JOIN nlp.article_extractions e USING (article_id) "
        "WHERE e.article_id IS NULL OR e.extractor_version <> ? ORDER BY a.article_id"
    )
    params: list[Any] = [extractor_version]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return con.execute(sql, params)


# Articles the given extractor version has not done yet (new, or stale after a rule change).
PENDING_FROM = (
    "FROM raw.articles a LEFT JOIN nlp.article_extractions e USING (article_id) "
    "WHERE (e.article_id IS NULL OR e.extractor_version <> ?)"
)


def count_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> tuple[int, int]:
    """(articles to extract, articles to record as skipped) for this extractor version."""
    row = con.execute(
        f"SELECT count(*) FILTER (WHERE a.skip_reason IS NULL), count(*) FILTER (WHERE a.skip_reason IS NOT NULL) "
        f"{PENDING_FROM}", [extractor_version]).fetchall()[0]
    return int(row[0]), int(row[1])


def skipped_to_record(con: duckdb.DuckDBPyConnection, extractor_version: str, page: int) -> Iterator[list[tuple[str, str]]]:
    """Pages of (article_id, skip_reason) not yet recorded for this version; no texts read."""
    after = ""
    while True:
        rows = con.execute(
            f"SELECT a.article_id, a.skip_reason {PENDING_FROM} AND a.skip_reason IS NOT NULL AND a.article_id > ? "
            "ORDER BY a.article_id LIMIT ?", [extractor_version, after, page]).fetchall()
        if not rows:
            return
        yield rows
        after = rows[-1][0]


def texts_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str, page: int) -> Iterator[tuple]:
    """(article_id, text, published, title, url) of every article still to extract, in id order,
    read a page at a time: a page of ids (keyset, so rows written meanwhile change nothing),
    then those articles' texts. Memory stays at one page whatever the corpus size, and no
    result is left open between pages (the connection keeps writing in between)."""
    after = ""
    while True:
        ids = [r[0] for r in con.execute(
            f"SELECT a.article_id {PENDING_FROM} AND a.skip_reason IS NULL AND a.article_id > ? "
            "ORDER BY a.article_id LIMIT ?", [extractor_version, after, page]).fetchall()]
        if not ids:
            return
        yield from con.execute(
            "SELECT article_id, text, published, title, url FROM raw.articles "
            "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id", [ids]).fetchall()
        after = ids[-1]


def fail_abandoned_runs(con: duckdb.DuckDBPyConnection) -> None:
    """Runs still 'running' when a writer opens the warehouse were killed (only one writer at a
    time): mark them failed so they don't look alive. finished_at stays NULL: it crashed."""
    con.execute("UPDATE nlp.extraction_runs SET status = 'failed' WHERE status = 'running'")


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, extractor_version: str, model: str) -> None:
    insert_rows(con, "nlp.extraction_runs", [{
        "run_id": run_id, "extractor_version": extractor_version, "spacy_model": model,
        "started_at": now_utc(), "status": "running",
    }], on_conflict="replace")


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int], status: str) -> None:
    con.execute(
        "UPDATE nlp.extraction_runs SET finished_at = ?, articles = ?, skipped = ?, mentions = ?, "
        "quotes = ?, events = ?, words = ?, status = ? WHERE run_id = ?",
        [now_utc(), counts.get("articles", 0), counts.get("skipped", 0), counts.get("mentions", 0),
         counts.get("quotes", 0), counts.get("events", 0), counts.get("words", 0), status, run_id],
    )
