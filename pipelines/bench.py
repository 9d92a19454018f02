"""`make bench`: presswatch against the bare spaCy pipeline, in one run, same settings.

Each measured phase runs in its own subprocess so its peak memory (the whole process
tree, spaCy workers included) is its own. Memory is the tree's proportional set size (PSS):
forked workers share the model's pages with their parent, and summing resident sizes would
count those pages once per process (that sum is reported too). Both runs are credited with
the same words (the texts both parse), so words/s compare like for like. Timings live here
and in BENCHMARKS.md, never in test assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

from pipelines.settings import PROJECT_ROOT, get_settings

DEFAULT_CORPUS = PROJECT_ROOT / "data" / "sample" / "voa_stories.jsonl"


# ---------------------------------------------------------------- measuring helpers
def run_measured(args: list[str], env: dict[str, str]) -> dict:
    """Runs a phase in a subprocess; returns its JSON result plus wall time and the peak
    memory of its whole process tree, PSS and summed RSS (sampled every 100 ms)."""
    started = time.monotonic()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    peak = peak_rss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_rss
        parent = psutil.Process(proc.pid)
        while not stop.is_set():
            pss = rss = 0
            for p in [parent, *_children(parent)]:
                try:
                    info = p.memory_full_info()
                    pss += getattr(info, "pss", info.rss)
                    rss += info.rss
                except psutil.Error:
                    pass  # a worker that just ended
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark phase {args[3:]} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall_s=round(time.monotonic() - started, 3), peak_mb=round(peak / 2**20, 1),
                  peak_rss_sum_mb=round(peak_rss / 2**20, 1))
    return result


def _children(parent: psutil.Process) -> list[psutil.Process]:
    try:
        return parent.children(recursive=True)
    except psutil.Error:
        return []


def words_in(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------- phases (subprocess side)
def phase_bare(texts_path: str) -> dict:
    """The limit: nlp.pipe over the same texts, same model, batch size and processes."""
    import spacy

    settings = get_settings()
    texts = [json.loads(line)["text"] for line in open(texts_path, encoding="utf-8")]
    nlp = spacy.load(settings.spacy_model)
    started = time.monotonic()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        pass
    seconds = time.monotonic() - started
    words = sum(words_in(t) for t in texts)
    return {"words": words, "seconds": round(seconds, 3), "words_per_s": round(words / seconds, 1)}


def phase_full() -> dict:
    """presswatch's ingest + extract + write, from the landing folder to warehouse rows."""
    from pipelines.nlp.pipeline import load_nlp
    from pipelines.steps import run_extract, run_ingest

    settings = get_settings()
    load_nlp(settings.spacy_model)  # model load is outside the timing, as for the bare run
    started = time.monotonic()
    ingest = run_ingest(settings)
    extract = run_extract(settings)
    seconds = time.monotonic() - started
    return {"seconds": round(seconds, 3), "words": extract.get("words", 0), "ingest": ingest,
            "extract_seconds": extract.get("seconds"), "articles": extract.get("articles", 0),
            "mentions": extract.get("mentions", 0), "quotes": extract.get("quotes", 0), "events": extract.get("events", 0)}


def phase_dbt() -> dict:
    started = time.monotonic()
    subprocess.run([str(Path(sys.executable).with_name("dbt")), "build", "--quiet"],
                   cwd=PROJECT_ROOT / "dbt_project", check=True)
    return {"seconds": round(time.monotonic() - started, 3)}


# ---------------------------------------------------------------- orchestration
def prepare_texts(corpus: Path, work: Path, limit: int | None) -> tuple[Path, Path]:
    """Copies the corpus into a landing folder and writes the bodies ingestion keeps,
    so the bare run parses exactly the texts presswatch extracts from."""
    from pipelines.ingest import parse_file

    landing = work / "landing"
    landing.mkdir(parents=True)
    target = landing / corpus.name
    if limit:
        with open(corpus, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= limit:
                    break
                dst.write(line)
    else:
        shutil.copyfile(corpus, target)
    settings = get_settings()
    parsed = parse_file(target, root=landing, max_bytes=settings.max_file_bytes, max_chars=settings.max_article_chars)
    texts = work / "texts.jsonl"
    seen: set[str] = set()
    with open(texts, "w", encoding="utf-8") as out:
        for article in parsed.articles:
            if article.article_id in seen or article.skip_reason:
                continue
            seen.add(article.article_id)
            out.write(json.dumps({"text": article.text}) + "\n")
    return landing, texts


def dashboard_query_timings(published: Path, repeats: int) -> dict:
    """p50/p95 per dashboard page of the queries that page runs, uncached."""
    try:
        from streamlit import logger as streamlit_logger

        # "no runtime" warnings, once per query: quiet every streamlit logger before any is made
        streamlit_logger.set_log_level("error")
        from dashboard.bench import page_queries
    except ImportError:
        return {}
    timings: dict[str, dict] = {}
    for page, run_page in page_queries(published).items():
        samples = []
        for _ in range(repeats):
            started = time.monotonic()
            run_page()
            samples.append((time.monotonic() - started) * 1000)
        samples.sort()
        timings[page] = {"p50_ms": round(statistics.median(samples), 1),
                         "p95_ms": round(samples[min(len(samples) - 1, int(0.95 * len(samples)))], 1)}
    return timings


def scale_warehouse(source: Path, target: Path, factor: int) -> None:
    """A warehouse ×factor by replicating every article and its extracted rows under new ids."""
    from pipelines.warehouse.scale import replicate

    replicate(source, target, factor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="presswatch bench")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N lines of the corpus")
    parser.add_argument("--scale", type=int, default=30, help="replication factor for the dashboard query test")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "BENCHMARKS.md")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.phase:  # subprocess side
        result = {"bare": lambda: phase_bare(args.texts), "full": phase_full, "dbt": phase_dbt}[args.phase]()
        print(json.dumps(result))
        return 0

    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}: give CORPUS=path/to/articles.jsonl", file=sys.stderr)
        return 2
    settings = get_settings()
    work = Path(tempfile.mkdtemp(prefix="presswatch-bench-"))
    landing, texts = prepare_texts(args.corpus.resolve(), work, args.limit)
    env = os.environ | {
        "PRESSWATCH_WAREHOUSE": str(work / "warehouse.duckdb"),
        "PRESSWATCH_PUBLISHED": str(work / "published.duckdb"),
        "PRESSWATCH_LANDING": str(landing),
        "PRESSWATCH_INCLUDE_SAMPLE": "0",
    }
    me = [sys.executable, "-m", "pipelines.bench"]
    print(f"benchmark on {args.corpus} ({sum(1 for _ in open(texts))} articles), model {settings.spacy_model}, "
          f"batch_size {settings.batch_size}, n_process {settings.n_process}", flush=True)
    bare = run_measured(me + ["--phase", "bare", "--texts", str(texts)], env)
    print(f"bare spaCy: {bare['words_per_s']} words/s", flush=True)
    full = run_measured(me + ["--phase", "full"], env)
    full["tokens"] = full["words"]  # presswatch's own count (tokens that are not punctuation)
    full["words"] = bare["words"]   # the same texts: credit both runs with the same words
    full["words_per_s"] = round(full["words"] / full["seconds"], 1) if full["seconds"] else 0.0
    print(f"presswatch: {full['words_per_s']} words/s", flush=True)
    noop = run_measured(me + ["--phase", "full"], env)
    print(f"no-op run: extraction step {noop['extract_seconds']} s", flush=True)
    dbt = run_measured(me + ["--phase", "dbt"], env)
    print(f"dbt build: {dbt['seconds']} s", flush=True)

    from pipelines.warehouse.publish import publish_snapshot

    published = publish_snapshot(Path(env["PRESSWATCH_WAREHOUSE"]), Path(env["PRESSWATCH_PUBLISHED"]))
    queries = dashboard_query_timings(published, repeats=20)
    scaled_queries: dict = {}
    if queries and args.scale > 1:
        scaled = work / "scaled.duckdb"
        scale_warehouse(Path(env["PRESSWATCH_WAREHOUSE"]), scaled, args.scale)
        # `run`, not `build`: replicated copies break data tests on purpose (same texts, new ids).
        # --full-refresh: the copies carry their originals' change times, so an incremental run
        # would leave them out of the quote and event marts.
        subprocess.run([str(Path(sys.executable).with_name("dbt")), "run", "--quiet", "--full-refresh"],
                       cwd=PROJECT_ROOT / "dbt_project",
                       check=True, env=env | {"PRESSWATCH_WAREHOUSE": str(scaled)})
        scaled_pub = publish_snapshot(scaled, work / "scaled_published.duckdb")
        scaled_queries = dashboard_query_timings(scaled_pub, repeats=10)

    report = render_report(args, settings, bare, full, noop, dbt, queries, scaled_queries)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def render_report(args, settings, bare, full, noop, dbt, queries, scaled_queries) -> str:
    ratio = full["words_per_s"] / bare["words_per_s"] if bare["words_per_s"] else 0.0
    peak = max(full["peak_mb"], bare["peak_mb"])
    lines = [
        "# presswatch benchmarks",
        "",
        f"Generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M UTC} by `make bench` "
        f"on `{args.corpus.name}`{f' (first {args.limit} lines)' if args.limit else ''}.",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"{round(psutil.virtual_memory().total / 2**30)} GiB; Python {platform.python_version()}.",
        f"Settings: model `{settings.spacy_model}`, batch_size {settings.batch_size}, n_process {settings.n_process}.",
        "",
        "| measure | value | goal |",
        "|---|---|---|",
        f"| bare spaCy `nlp.pipe` | {bare['words_per_s']:,.0f} words/s ({bare['words']:,} words in {bare['seconds']} s) | the limit |",
        f"| presswatch ingest + extract + write | {full['words_per_s']:,.0f} words/s ({full['seconds']} s: "
        f"ingest {full['ingest'].get('seconds')} s, extract + write {full['extract_seconds']} s) | |",
        f"| ratio presswatch / bare | {ratio:.2f} | ≥ 0.85 |",
        f"| peak memory, full run (process tree, PSS) | {full['peak_mb']:,.0f} MB "
        f"(summed RSS {full['peak_rss_sum_mb']:,.0f} MB) | ≤ 1,500 MB |",
        f"| peak memory, bare run (process tree, PSS) | {bare['peak_mb']:,.0f} MB "
        f"(summed RSS {bare['peak_rss_sum_mb']:,.0f} MB) | |",
        f"| second run, nothing new: extraction step | {noop['extract_seconds']} s (whole run {noop['seconds']} s) | ≤ 5 s |",
        f"| `dbt build` | {dbt['seconds']} s | |",
        f"| rows written | {full['articles']} articles, {full['mentions']} mentions, {full['quotes']} quotes, {full['events']} events | |",
        "",
    ]
    if queries:
        lines += ["## Dashboard queries (uncached, per page)", "",
                  f"| page | p50 ms | p95 ms | p50 ms ×{args.scale} | p95 ms ×{args.scale} |", "|---|---|---|---|---|"]
        for page, t in queries.items():
            s = scaled_queries.get(page, {})
            lines.append(f"| {page} | {t['p50_ms']} | {t['p95_ms']} | {s.get('p50_ms', '–')} | {s.get('p95_ms', '–')} |")
        lines += ["", "Goals: p95 ≤ 100 ms on the corpus, ≤ 500 ms at ×30.", ""]
    lines.append(f"Peak overall: {peak:,.0f} MB.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
