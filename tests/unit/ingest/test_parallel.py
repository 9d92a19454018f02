"""Ingest on two processes reads exactly what it reads on one: the records of one big JSONL
file (built in parallel) and many small files (read in parallel), bad lines included."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import duckdb

from pipelines.ingest import parallel
from pipelines.ingest.parallel import parallel_map, worker_pool
from pipelines.settings import get_settings
from pipelines.steps import run_ingest

BODY = ("Officials in {city} said on Monday that talks with neighbouring governments would resume "
        "next week after a pause of several months, according to a statement. Story number {n} "
        "describes the talks, the delegations and the questions left open by the last round.")
CITIES = ["Paris", "Nairobi", "Lima", "Hanoi", "Oslo", "Accra", "Quito", "Dhaka"]


def _story(n: int) -> dict:
    return {"title": f"Talks resume, story {n}", "text": BODY.format(city=CITIES[n % len(CITIES)], n=n) * 2,
            "published": f"2024-03-{1 + n % 28:02d}", "url": f"https://news.example/{n}"}


def _big_jsonl(folder, count: int = 60) -> None:
    lines = [json.dumps(_story(n)) for n in range(count)]
    lines[7] = "{not json"                           # a bad line gets its rejection, in place
    lines[11] = json.dumps({"title": "no body"})     # and so does a record without text
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _small_files(folder, count: int = 40) -> None:
    for n in range(count):
        (folder / f"story_{n:03d}.json").write_text(json.dumps(_story(n)), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")


def _ingest(tmp_path, name: str, make_input, processes: int) -> tuple[dict, list, list]:
    landing = tmp_path / f"{name}_{processes}" / "landing"
    landing.mkdir(parents=True)
    make_input(landing)
    settings = replace(get_settings(), warehouse_path=landing.parent / "warehouse.duckdb", landing_dir=landing,
                       include_sample=False, n_process=processes)
    counts = run_ingest(settings)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        articles = con.execute(
            "SELECT a.article_id, a.title, a.text, a.published, a.language, a.duplicate_of, s.source_line, "
            "regexp_replace(s.source_path, '.*/', '') FROM raw.articles a JOIN raw.article_sources s USING (article_id) "
            "ORDER BY a.article_id"
        ).fetchall()
        rejections = con.execute(
            "SELECT regexp_replace(source_path, '.*/', ''), source_line, reason FROM raw.rejected_inputs ORDER BY 1, 2"
        ).fetchall()
    counts.pop("seconds")
    return counts, articles, rejections


def test_one_big_file_reads_the_same_on_two_processes(tmp_path):
    sequential = _ingest(tmp_path, "big", _big_jsonl, 1)
    in_parallel = _ingest(tmp_path, "big", _big_jsonl, 2)
    assert in_parallel == sequential
    counts, articles, rejections = in_parallel
    assert len(articles) == 58
    assert [(line, reason) for _, line, reason in rejections] == [(8, "bad_json"), (12, "no_text")]


def test_many_small_files_read_the_same_on_two_processes(tmp_path):
    sequential = _ingest(tmp_path, "small", _small_files, 1)
    in_parallel = _ingest(tmp_path, "small", _small_files, 2)
    assert in_parallel == sequential
    assert len(in_parallel[1]) == 40
    assert [reason for _, _, reason in in_parallel[2]] == ["empty"]


def _pid(_: int) -> int:
    return os.getpid()


def test_parallel_map_uses_workers_only_inside_the_block_and_for_enough_items():
    items = list(range(parallel.MIN_PARALLEL_ITEMS))
    assert set(parallel_map(_pid, items)) == {os.getpid()}  # no pool outside the block
    with worker_pool(2):
        assert set(parallel_map(_pid, items[:3])) == {os.getpid()}  # too few to fork for
        assert os.getpid() not in set(parallel_map(_pid, items * 4))
    assert parallel._pool is None  # closed when the block ends
    assert set(parallel_map(_pid, items)) == {os.getpid()}
