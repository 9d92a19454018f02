"""A bigger warehouse for load tests: every article and its extracted rows replicated
under new ids (actors stay shared, as they would in a larger corpus)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipelines.warehouse.connection import connect_with_retry

# table -> id columns that must stay unique per copy (article_id links them together)
REPLICATED = {
    "raw.articles": ["article_id", "duplicate_of"],
    "raw.article_sources": ["source_key", "article_id"],
    "nlp.article_extractions": ["article_id"],
    "nlp.article_actors": ["article_id"],
    "nlp.actor_mentions": ["mention_id", "article_id"],
    "nlp.quotes": ["quote_id", "article_id"],
    "nlp.events": ["event_id", "article_id"],
}


def replicate(source: Path, target: Path, factor: int) -> None:
    shutil.copyfile(source, target)
    con = connect_with_retry(target)
    try:
        for table, id_columns in REPLICATED.items():
            schema, name = table.split(".")
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                "ORDER BY ordinal_position", [schema, name]).fetchall()]
            # identifiers come from information_schema; the copy number is a parameter
            select = ", ".join(f"{c} || '-' || ?::VARCHAR" if c in id_columns else c for c in columns)
            n_params = sum(1 for c in columns if c in id_columns)
            sql = f"INSERT INTO {table} SELECT {select} FROM {table} WHERE NOT contains(article_id, '-')"
            con.execute("BEGIN TRANSACTION")
            for copy in range(1, factor):
                con.execute(sql, [copy] * n_params)
            con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
