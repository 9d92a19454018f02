"""Partitioned extraction through a Parquet lake: many extractors, one warehouse writer.

    extract_partition(settings, lake, k, n)  # any number at once, on any machine that sees
                                             # the lake: reads the warehouse read-only
    load_lake(settings, lake, run_id)        # then the single writer, one transaction

Articles are split into `n` buckets by a stable hash of their id. A partition extracts the
articles of its bucket that the current extractor version has not done yet, exactly as
run_extract would, and writes the rows it would have written as Parquet files:
lake/nlp/<table>/partition=<k>/part.parquet. The loader then replaces those articles' rows
in the warehouse from all partitions at once. The warehouse ends exactly as after
run_extract (same ids, same values; only run ids and timestamps differ).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

from pipelines.settings import Settings
from pipelines.warehouse import writer as w
from pipelines.warehouse.arrow_io import arrow_table, table_schema
from pipelines.warehouse.connection import connect_with_retry, transaction, writer

# lake table -> warehouse table; the ledger says which articles a partition covered
TABLES = {
    "article_actors": "nlp.article_actors",
    "actor_mentions": "nlp.actor_mentions",
    "quotes": "nlp.quotes",
    "events": "nlp.events",
    "article_extractions": "nlp.article_extractions",
}


def bucket_of(article_id: str, partitions: int) -> int:
    """A stable bucket in [0, partitions) for an article id (same on every machine and run)."""
    return int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16) % partitions


def partition_dir(lake: Path, table: str, partition: int) -> Path:
    return Path(lake) / "nlp" / table / f"partition={partition}"


def _pending_in_bucket(con, version: str, partition: int, partitions: int) -> tuple[list[str], list[tuple[str, str]]]:
    """Ids of this bucket's articles to extract, and (id, reason) of those to record as skipped."""
    rows = con.execute(
        f"SELECT a.article_id, a.skip_reason {w.PENDING_FROM} ORDER BY a.article_id", [version]).fetchall()
    mine = [r for r in rows if bucket_of(r[0], partitions) == partition]
    return [r[0] for r in mine if r[1] is None], [(r[0], r[1]) for r in mine if r[1] is not None]


class _PartitionWriter:
    """One Parquet file per table, written a batch at a time, swapped in when complete."""

    def __init__(self, con, lake: Path, partition: int):
        self.lake, self.partition = Path(lake), partition
        self.schemas = {name: table_schema(con, table) for name, table in TABLES.items()}
        self.staging = Path(lake) / "nlp" / f".staging-{partition}-{uuid.uuid4().hex[:8]}"
        self.staging.mkdir(parents=True)
        self.writers = {name: pq.ParquetWriter(self.staging / f"{name}.parquet", schema)
                        for name, schema in self.schemas.items()}

    def write(self, name: str, rows: list[dict]) -> None:
        if rows:
            self.writers[name].write_table(arrow_table(rows, self.schemas[name]))

    def commit(self) -> None:
        for writer_ in self.writers.values():
            writer_.close()
        for name in TABLES:
            target = partition_dir(self.lake, name, self.partition)
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            os.replace(self.staging / f"{name}.parquet", target / "part.parquet")
        shutil.rmtree(self.staging, ignore_errors=True)

    def abort(self) -> None:
        for writer_ in self.writers.values():
            writer_.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def extract_partition(settings: Settings, lake: Path, partition: int, partitions: int,
                      progress=None) -> dict:
    """Extracts bucket `partition` of `partitions` into the lake; never writes the warehouse."""
    from pipelines.nlp.api import ArticleInput
    from pipelines.nlp.extract import extract_articles, extractor_version

    started = time.monotonic()
    version = extractor_version(settings.spacy_model)
    con = connect_with_retry(settings.warehouse_path, read_only=True)
    counts: Counter = Counter()
    try:
        todo, skipped = _pending_in_bucket(con, version, partition, partitions)
        out = _PartitionWriter(con, lake, partition)
        try:
            out.write("article_extractions", [_ledger_row(a, version, "skipped", reason) for a, reason in skipped])
            counts["skipped"] = len(skipped)

            def inputs():
                for start in range(0, len(todo), 256):  # a page of texts at a time
                    ids = todo[start:start + 256]
                    yield from (ArticleInput(article_id=r[0], text=r[1], published=r[2], title=r[3], url=r[4])
                                for r in con.execute(
                                    "SELECT article_id, text, published, title, url FROM raw.articles "
                                    "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id", [ids]).fetchall())

            stream = extract_articles(settings.spacy_model, inputs(), batch_size=settings.batch_size,
                                      n_process=settings.n_process) if todo else iter(())
            batch: list = []
            for result in stream:
                batch.append(result)
                if len(batch) >= settings.articles_per_write:
                    _write_results(out, batch, version, counts)
                    if progress:
                        progress(len(batch))
                    batch = []
            if batch:
                _write_results(out, batch, version, counts)
                if progress:
                    progress(len(batch))
            out.commit()
        except BaseException:
            out.abort()
            raise
    finally:
        con.close()
    return dict(counts, partition=partition, extractor_version=version,
                seconds=round(time.monotonic() - started, 2))


def _ledger_row(article_id: str, version: str, status: str, reason: str | None) -> dict:
    return {"article_id": article_id, "extractor_version": version, "run_id": None, "status": status,
            "reason": reason, "extracted_at": None}


def _write_results(out: _PartitionWriter, results: list, version: str, counts: Counter) -> None:
    versioned = {"extractor_version": version}
    actors, mentions, quotes, events = [], [], [], []
    for result in results:
        actors += [a | versioned | {"article_id": result.article_id} for a in result.actors]
        mentions += [m | versioned for m in result.mentions]
        quotes += [q | versioned for q in result.quotes]
        events += [e | versioned for e in result.events]
    out.write("article_actors", actors)
    out.write("actor_mentions", mentions)
    out.write("quotes", quotes)
    out.write("events", events)
    out.write("article_extractions", [_ledger_row(r.article_id, version, "extracted", None) for r in results])
    counts.update(articles=len(results), mentions=len(mentions), quotes=len(quotes), events=len(events),
                  words=sum(r.words for r in results))


def load_lake(settings: Settings, lake: Path, run_id: str | None = None) -> dict:
    """The single writer: every partition's rows replace their articles' rows in one transaction."""
    run_id = run_id or uuid.uuid4().hex[:16]
    lake = Path(lake)
    files = {name: sorted(str(p) for p in (lake / "nlp" / name).glob("partition=*/part.parquet")) for name in TABLES}
    if not files["article_extractions"]:
        return {"articles": 0, "skipped": 0, "run_id": None}
    started = time.monotonic()
    with writer(settings.warehouse_path) as con:
        version_rows = con.execute("SELECT DISTINCT extractor_version FROM read_parquet(?)",
                                   [files["article_extractions"]]).fetchall()
        version = version_rows[0][0] if len(version_rows) == 1 else "mixed"
        w.fail_abandoned_runs(con)
        w.start_run(con, run_id, version, settings.spacy_model)
        stamp = w.now_utc()
        counts: Counter = Counter()
        status = "failed"
        try:
            with transaction(con):
                con.execute("CREATE TEMP TABLE lake_ledger AS SELECT * FROM read_parquet(?)",
                            [files["article_extractions"]])
                touched = {r[0] for r in con.execute(
                    "SELECT DISTINCT actor_id FROM nlp.article_actors "
                    "WHERE article_id IN (SELECT article_id FROM lake_ledger)").fetchall()}
                for table in w.EXTRACTED_TABLES:
                    # table names are constants of the writer module, not input
                    con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM lake_ledger)")
                for name in ("article_actors", "actor_mentions", "quotes", "events"):
                    if files[name]:
                        _insert_from(con, TABLES[name], "SELECT * FROM read_parquet($files)", {"files": files[name]}, stamp)
                _insert_from(con, "nlp.article_extractions", "SELECT * FROM lake_ledger", {}, stamp, run_id=run_id)
                for name, key in (("actor_mentions", "mentions"), ("quotes", "quotes"), ("events", "events")):
                    counts[key] = con.execute(f"SELECT count(*) FROM {TABLES[name]} WHERE article_id IN "
                                              "(SELECT article_id FROM lake_ledger)").fetchall()[0][0]
                articles, skipped = con.execute(
                    "SELECT count(*) FILTER (WHERE status = 'extracted'), count(*) FILTER (WHERE status = 'skipped') "
                    "FROM lake_ledger").fetchall()[0]
                counts.update(articles=articles, skipped=skipped)
                if files["article_actors"]:
                    touched |= {r[0] for r in con.execute("SELECT DISTINCT actor_id FROM read_parquet(?)",
                                                          [files["article_actors"]]).fetchall()}
                w.recode_actors(con, touched, stamp)
                con.execute("DROP TABLE lake_ledger")
            w.refresh_actor_aliases(con)
            status = "succeeded"
        finally:
            w.finish_run(con, run_id, counts, status)
    return dict(counts, run_id=run_id, extractor_version=version, seconds=round(time.monotonic() - started, 2))


def _insert_from(con, table: str, select: str, params: dict, stamp, run_id: str | None = None) -> None:
    """INSERT OR REPLACE the select's rows by column name, with this load's timestamps (and run id)."""
    columns = table_schema(con, table).names
    select_list, values = [], dict(params)
    for column in columns:
        if column in ("updated_at", "extracted_at"):
            select_list.append("$stamp")
            values["stamp"] = stamp
        elif column == "run_id" and run_id is not None:
            select_list.append("$run_id")
            values["run_id"] = run_id
        else:
            select_list.append(f'src."{column}"')
    column_list = ", ".join(f'"{c}"' for c in columns)
    # identifiers come from information_schema (table_schema) and this module; values are parameters
    con.execute(f"INSERT OR REPLACE INTO {table} ({column_list}) SELECT {', '.join(select_list)} FROM ({select}) src",
                values)
