"""Splitting a historical corpus into month folders, so a backfill loads it by date
partitions that run and retry independently (data/backfill/YYYY-MM/…).

Only JSON Lines exports are split (one article per line, the usual shape of a corpus
dump); every line lands in exactly one place: its month, `undated/`, or `unreadable/`
with the line kept as it was, so nothing is dropped on the way.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pipelines.ingest.metadata import date_from_url, parse_date
from pipelines.ingest.records import _first

UNDATED = "undated"
UNREADABLE = "unreadable"


def month_of(record: dict, field_map: dict | None = None) -> str:
    published = parse_date(_first(record, "published", field_map)) or date_from_url(
        _first(record, "url", field_map) if isinstance(_first(record, "url", field_map), str) else None)
    return f"{published:%Y-%m}" if published else UNDATED


def split_by_month(source: Path, out_dir: Path, field_map: dict | None = None) -> Counter:
    """Appends each line of `source` (JSONL) to out_dir/<YYYY-MM>/<source stem>.jsonl."""
    counts: Counter = Counter()
    handles: dict[str, object] = {}
    try:
        with open(source, encoding="utf-8", errors="surrogateescape") as lines:
            for line in lines:
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    folder = month_of(record, field_map) if isinstance(record, dict) else UNREADABLE
                except ValueError:
                    folder = UNREADABLE
                if folder not in handles:
                    target = out_dir / folder / f"{source.stem}.jsonl"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    handles[folder] = open(target, "w", encoding="utf-8", errors="surrogateescape")
                handles[folder].write(line if line.endswith("\n") else line + "\n")
                counts[folder] += 1
    finally:
        for handle in handles.values():
            handle.close()
    return counts
