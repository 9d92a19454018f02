"""Near-duplicate linking against the stored articles, through their stored LSH bands."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pipelines.ingest.api import ParsedArticle
from pipelines.ingest.parallel import parallel_map
from pipelines.ingest.dedupe import CANDIDATES_SQL, band_hashes, link_near_duplicates, prepare


def link_batch(con: duckdb.DuckDBPyConnection, articles: list[ParsedArticle]) -> tuple[list[dict], list[dict]]:
    """Sets duplicate_of/similarity on the batch's articles; returns the signature rows to
    store and the stored articles to re-point (when a new article is an older original)."""
    # shingles and MinHash once per article, for both the stored signature and the linking
    unique = list({a.article_id: a for a in articles}.values())
    prepared = {article.article_id: found
                for article, found in zip(unique, parallel_map(prepare, [a.text for a in unique]))
                if found is not None}
    signatures = [
        {"article_id": article_id, "band": band, "band_hash": band_hash}
        for article_id, (_, signature) in prepared.items()
        for band, band_hash in enumerate(band_hashes(signature))
    ]
    if not signatures:
        return [], []
    con.register("new_signatures", pa.Table.from_pylist(
        signatures, schema=pa.schema([("article_id", pa.string()), ("band", pa.int32()), ("band_hash", pa.uint64())])))
    try:
        candidate_ids = [row[0] for row in con.execute(CANDIDATES_SQL).fetchall()]
    finally:
        con.unregister("new_signatures")
    stored = con.execute(
        "SELECT article_id, text, published, duplicate_of FROM raw.articles WHERE article_id IN (SELECT unnest(?))",
        [candidate_ids],
    ).fetchall() if candidate_ids else []
    repoint = [
        {"article_id": article_id, "duplicate_of": duplicate_of, "similarity": similarity}
        for article_id, duplicate_of, similarity in link_near_duplicates(articles, stored, prepared=prepared)
    ]
    return signatures, repoint
