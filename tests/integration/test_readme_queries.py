"""Every SQL example in the README's "Query the warehouse" section runs on a warehouse built
from the sample, through the read-only connection `make sql` uses, and returns rows."""

from __future__ import annotations

import re

import pytest

from pipelines.warehouse.publish import open_snapshot
from tests.conftest import PROJECT_ROOT


def readme_queries() -> list[str]:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Query the warehouse", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def test_the_readme_has_at_least_six_questions():
    assert len(readme_queries()) >= 6


@pytest.mark.parametrize("sql", readme_queries(), ids=lambda q: q.split("\n")[0][:40])
def test_readme_query_returns_rows(sql, sample_warehouse):
    con = open_snapshot(sample_warehouse)
    try:
        rows = con.execute(sql).fetchall()
    finally:
        con.close()
    assert rows, "the example returned nothing on the sample"
