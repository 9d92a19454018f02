"""Fixtures for the ingestion tests: shared material (skipped when absent) and file makers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED

SEED = SHARED / "seed" / "000_eff886e1322196c3.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"
ALLSIDES = SHARED / "corpora" / "allsides_world" / "articles.jsonl"
HTML_DEV = SHARED / "eval" / "html_dev"
BLNS = SHARED / "badinput" / "blns.txt"

NEWS = (
    "Leaders of the two countries met in Geneva on Tuesday to discuss the ceasefire.\n\n"
    "The foreign minister said the talks had been constructive and that both sides agreed to meet again "
    "next month. Officials from the United Nations attended as observers.\n\n"
    "“We are closer than we have ever been,” the minister told reporters after the meeting."
)


def shared_file(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared material missing: {path}")
    return path


@pytest.fixture(scope="session")
def allsides() -> list[dict]:
    with shared_file(ALLSIDES).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture
def write(tmp_path: Path):
    """write("name.txt", str | bytes) -> path inside a fresh landing folder."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
