"""A historical corpus loads by month partitions that run, and re-run, independently."""

from __future__ import annotations

import json

import dagster as dg
import duckdb

from pipelines.ingest.backfill import split_by_month
from tests.conftest import PROJECT_ROOT

VOA = PROJECT_ROOT / "data" / "sample" / "voa_stories.jsonl"


def _count(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()[0][0]
    finally:
        con.close()


def test_month_partitions_load_their_own_articles_once(tmp_path, monkeypatch):
    from pipelines.defs.backfill import backfill_month
    from pipelines.defs.resources import PresswatchResource

    warehouse = tmp_path / "wh.duckdb"
    monkeypatch.setenv("PRESSWATCH_BACKFILL", str(tmp_path / "backfill"))
    monkeypatch.setenv("PRESSWATCH_WAREHOUSE", str(warehouse))
    counts = split_by_month(VOA, tmp_path / "backfill")
    month_a, month_b = sorted(k for k in counts if k[:1].isdigit())[:2]
    resources = {"presswatch": PresswatchResource(warehouse_path=str(warehouse), n_process=1)}

    def materialize(month: str) -> None:
        result = dg.materialize([backfill_month], partition_key=f"{month}-01", resources=resources,
                                instance=dg.DagsterInstance.ephemeral())
        assert result.success

    materialize(month_a)
    assert _count(warehouse, "SELECT count(*) FROM raw.articles") == counts[month_a]
    assert _count(warehouse, "SELECT count(*) FROM nlp.article_extractions") == counts[month_a]
    materialize(month_a)  # a retry adds nothing
    assert _count(warehouse, "SELECT count(*) FROM raw.articles") == counts[month_a]
    materialize(month_b)
    assert _count(warehouse, "SELECT count(*) FROM raw.articles") == counts[month_a] + counts[month_b]
    expected = {json.loads(line)["title"] for line in (tmp_path / "backfill" / month_b / "voa_stories.jsonl").open()}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        titles = {r[0] for r in con.execute("SELECT title FROM raw.articles WHERE strftime(published, '%Y-%m') = ?",
                                            [month_b]).fetchall()}
    finally:
        con.close()
    assert titles == expected
