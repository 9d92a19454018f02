"""The pipeline's steps as plain functions: the Dagster assets, the CLI and the benchmark
all call these, so there is one code path from files to warehouse rows.

Each returns a dict of counts that the caller reports (Dagster metadata, CLI output).
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from pipelines import heap
from pipelines.ingest import discover_files, parse_file
from pipelines.ingest.files import file_sha256
from pipelines.ingest.parallel import parallel_map, worker_pool
from pipelines.ingest.api import ParsedFile
from pipelines.ingest.language import release_detector
from pipelines.nlp.api import ArticleInput
from pipelines.settings import Settings
from pipelines.warehouse import writer as w
from pipelines.warehouse.connection import writer
from pipelines.warehouse.duplicates import link_batch
from pipelines.warehouse.publish import publish_snapshot

Progress = Callable[[int], None]
# Articles whose texts are read from the warehouse at a time while extracting.
TEXTS_PER_READ = 256


def input_roots(settings: Settings) -> list[Path]:
    settings.landing_dir.mkdir(parents=True, exist_ok=True)
    roots = [settings.landing_dir]
    if settings.include_sample and settings.sample_dir.exists():
        roots.append(settings.sample_dir)
    return roots


def run_ingest(settings: Settings, progress: Progress | None = None, files_per_write: int = 50,
               roots: list[Path] | None = None) -> dict:
    """Reads every new or changed input file and writes it whole, a batch of files per transaction.

    roots: folders to read (default: the landing folder and, if enabled, the sample)."""
    roots = roots if roots is not None else input_roots(settings)
    started = time.monotonic()
    totals: Counter = Counter()
    reasons: Counter = Counter()
    read = partial(_parse_input, roots=roots, max_bytes=settings.max_file_bytes,
                   max_chars=settings.max_article_chars, field_map=settings.field_map)
    with writer(settings.warehouse_path) as con, worker_pool(settings.n_process):
        pending: list[ParsedFile] = []

        def flush() -> None:
            if not pending:
                return
            signatures, repoint = link_batch(con, [a for f in pending for a in f.articles])
            totals.update(w.write_parsed_files(con, pending, signatures=signatures, repoint=repoint))
            pending.clear()

        to_read = []
        for path in discover_files(roots, include_links=True):  # links: rejected as unsafe_path
            if _unchanged(con, path):  # by its checksum, before reading it
                totals["files_unchanged"] += 1
                if progress:
                    progress(1)
            else:
                to_read.append(path)
        # many small files are read in parallel; one big file reads its records in parallel
        for first in range(0, len(to_read), files_per_write):
            for parsed in parallel_map(read, to_read[first:first + files_per_write]):
                if w.already_ingested(con, parsed.source_path, parsed.file_sha256):
                    totals["files_unchanged"] += 1
                else:
                    reasons.update(r.reason for r in parsed.rejections)
                    pending.append(parsed)
                    if len(pending) >= files_per_write:
                        flush()
                if progress:
                    progress(1)
        flush()
        totals["articles_total"] = con.execute("SELECT count(*) FROM raw.articles").fetchall()[0][0]
    release_memory()
    result = dict(totals)
    result["rejected_by_reason"] = dict(reasons)
    result["seconds"] = round(time.monotonic() - started, 2)
    return result


def release_memory() -> None:
    """Hands back what ingest no longer needs before extraction starts: the language
    detector, Arrow's pooled buffers and the C heap's free pages. Extraction forks its workers
    from this process, so whatever stays here sits in the run's peak memory."""
    import gc

    import pyarrow as pa

    release_detector()
    gc.collect()
    pa.default_memory_pool().release_unused()
    heap.trim()


def _unchanged(con, path: Path) -> bool:
    """Already ingested as it is now: same path, same checksum (links and unreadable files
    are read, so that their rejection is recorded)."""
    if path.is_symlink():
        return False
    try:
        return w.already_ingested(con, str(path), file_sha256(path))
    except OSError:
        return False


def _parse_input(path: Path, *, roots: list[Path], max_bytes: int, max_chars: int, field_map: dict | None) -> ParsedFile:
    return parse_file(path, root=_root_of(path, roots), max_bytes=max_bytes, max_chars=max_chars, field_map=field_map)


def _root_of(path: Path, roots: list[Path]) -> Path:
    for root in roots:
        if path.resolve().is_relative_to(root.resolve()):
            return root
    return path.parent


def run_extract(settings: Settings, progress: Progress | None = None, run_id: str | None = None) -> dict:
    """Extracts every article not yet extracted by the current extractor version.

    One extraction stream over all of them (so worker processes start once), fed from the
    warehouse a page of texts at a time (memory does not grow with the corpus); results are
    written a batch of articles per transaction as they come out of the stream.
    """
    from pipelines.nlp.extract import extract_articles, extractor_version

    started = time.monotonic()
    run_id = run_id or uuid.uuid4().hex[:16]
    version = extractor_version(settings.spacy_model)
    counts: Counter = Counter()
    with writer(settings.warehouse_path) as con:
        w.fail_abandoned_runs(con)
        to_extract, to_skip = w.count_to_extract(con, version)
        if not to_extract and not to_skip:
            return {"articles": 0, "skipped": 0, "extractor_version": version,
                    "seconds": round(time.monotonic() - started, 2), "run_id": None}
        w.start_run(con, run_id, version, settings.spacy_model)
        status = "failed"
        try:
            for skipped in w.skipped_to_record(con, version, settings.articles_per_write):
                counts.update(w.write_extractions(con, [], extractor_version=version, run_id=run_id, skipped=skipped))
            if to_extract:
                # streamed from the warehouse a page at a time: no list of every text is held
                inputs = (ArticleInput(article_id=r[0], text=r[1], published=r[2], title=r[3], url=r[4])
                          for r in w.texts_to_extract(con, version, TEXTS_PER_READ))
                stream = extract_articles(settings.spacy_model, inputs, batch_size=settings.batch_size, n_process=settings.n_process)
                for batch in _chunks(stream, settings.articles_per_write):
                    counts.update(w.write_extractions(con, batch, extractor_version=version, run_id=run_id))
                    counts["words"] += sum(r.words for r in batch)
                    if progress:
                        progress(len(batch))
                    del batch  # the written rows' memory back to the system, not kept for the next batch
                    heap.trim_if_grown()
            w.refresh_actor_aliases(con)
            status = "succeeded"
        finally:
            w.finish_run(con, run_id, counts, status)
    result = dict(counts)
    result.update(extractor_version=version, run_id=run_id, seconds=round(time.monotonic() - started, 2))
    return result


def _chunks(items, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_publish(settings: Settings) -> dict:
    path = publish_snapshot(settings.warehouse_path, settings.published_path)
    return {"published_path": str(path), "bytes": path.stat().st_size}
