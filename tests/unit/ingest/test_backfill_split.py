"""Splitting a corpus into month folders loses nothing and keeps every line as it was."""

from __future__ import annotations

import json

from pipelines.ingest.backfill import split_by_month


def test_every_line_lands_in_exactly_one_folder(tmp_path):
    lines = [
        json.dumps({"id": 1, "date": "2020-01-31", "text": "a"}),
        json.dumps({"id": 2, "published": "Tue, 04 Feb 2020 10:00:00 GMT", "text": "b"}),
        json.dumps({"id": 3, "url": "https://example.org/2019/12/24/story", "text": "c"}),
        json.dumps({"id": 4, "text": "no date anywhere"}),
        "{not json",
    ]
    source = tmp_path / "corpus.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = split_by_month(source, tmp_path / "backfill")
    assert counts == {"2020-01": 1, "2020-02": 1, "2019-12": 1, "undated": 1, "unreadable": 1}
    written = sorted(p.read_text(encoding="utf-8") for p in (tmp_path / "backfill").glob("*/corpus.jsonl"))
    assert sorted(line + "\n" for line in lines) == written


def test_a_field_map_names_unusual_date_fields(tmp_path):
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"story_date": "2021-07-01", "body": "x"}) + "\n", encoding="utf-8")
    assert split_by_month(source, tmp_path / "out", {"published": "story_date"}) == {"2021-07": 1}
