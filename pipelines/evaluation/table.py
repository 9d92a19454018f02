"""The one results table: rows of (set, metric, value, goal), printed and saved as JSON for
the dashboard's Quality page."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

GOALS_FILE = Path(__file__).with_name("goals.yaml")


@lru_cache(maxsize=1)
def goals() -> dict[str, dict[str, float]]:
    return yaml.safe_load(GOALS_FILE.read_text(encoding="utf-8")) or {}


@dataclass(frozen=True)
class Row:
    set: str
    metric: str
    value: float | None      # None: nothing to measure (e.g. no matched quote to judge a speaker)
    goal: float | None = None
    n: int | None = None     # how many items the value is computed over

    @property
    def passed(self) -> bool | None:
        if self.goal is None or self.value is None:
            return None
        return self.value >= self.goal - 1e-9


def row(set_name: str, metric: str, value: float | None, n: int | None = None) -> Row:
    """A row with its goal looked up in goals.yaml."""
    goal = goals().get(set_name, {}).get(metric)
    rounded = None if value is None else round(float(value), 4)
    return Row(set_name, metric, rounded, None if goal is None else float(goal), n)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if not value.is_integer() or value <= 1 else f"{value:.0f}"
    return str(value)


def format_table(rows: list[Row]) -> str:
    header = ("set", "metric", "value", "goal", "n", "result")
    cells = [header] + [
        (r.set, r.metric, _cell(r.value), ">= " + _cell(r.goal) if r.goal is not None else "-",
         _cell(r.n), {True: "pass", False: "FAIL", None: ""}[r.passed])
        for r in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i < 2 or i == 5 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))).rstrip()
             for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def payload(rows: list[Row], extractor_version: str | None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    out = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "extractor_version": extractor_version,
        "rows": [asdict(r) | {"passed": r.passed} for r in rows],
    }
    if extra:
        out.update(extra)
    return out


def write_results(path: Path, data: dict[str, Any]) -> None:
    """Atomic replace, so the dashboard never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".eval-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
