"""The annotated material under the eval dir: gold/*.gold.json (each names its article),
eval/plover_dev.jsonl and eval/html_dev/."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

MISSING_HINT = "set PRESSWATCH_EVAL_DIR to the folder holding gold/ and eval/"


class EvalDataMissing(FileNotFoundError):
    """The annotated material is not where the settings say."""


def require(path: Path, what: str) -> Path:
    if not path.exists():
        raise EvalDataMissing(f"{what} not found at {path}: {MISSING_HINT}")
    return path


@dataclass(frozen=True)
class GoldArticle:
    gold_path: Path
    article_path: Path
    raw_text: str               # the article file as handed over, boilerplate included
    published: date | None
    title: str | None
    gold: dict[str, Any]

    @property
    def name(self) -> str:
        return self.gold_path.name.removesuffix(".gold.json")


def parse_iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def load_gold_articles(eval_dir: Path) -> list[GoldArticle]:
    """Every gold/*.gold.json with its article (path relative to eval_dir or to gold/)."""
    gold_dir = require(eval_dir / "gold", "gold folder")
    articles = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        relative = gold.get("article") or ""
        candidates = [eval_dir / relative, gold_dir / relative]
        article_path = next((p for p in candidates if relative and p.is_file()), None)
        if article_path is None:
            raise EvalDataMissing(f"{gold_path.name} names article {relative!r}, not found under {eval_dir}: {MISSING_HINT}")
        sidecar = article_path.with_name(article_path.name.removesuffix(".txt") + ".meta.json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
        articles.append(GoldArticle(
            gold_path=gold_path,
            article_path=article_path,
            raw_text=article_path.read_text(encoding="utf-8"),
            published=parse_iso_date(gold.get("published") or meta.get("published")),
            title=meta.get("title"),
            gold=gold,
        ))
    if not articles:
        raise EvalDataMissing(f"no *.gold.json in {gold_dir}: {MISSING_HINT}")
    return articles


def load_plover(eval_dir: Path) -> list[dict[str, Any]]:
    path = require(eval_dir / "eval" / "plover_dev.jsonl", "plover_dev.jsonl")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass(frozen=True)
class HtmlPage:
    page_id: str
    url: str | None
    html: str
    article_body: str


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def iter_html_pages(eval_dir: Path) -> Iterator[HtmlPage]:
    folder = require(eval_dir / "eval" / "html_dev", "html_dev folder")
    truth = json.loads(require(folder / "ground-truth.json", "html_dev ground truth").read_text(encoding="utf-8"))
    for page_id, entry in sorted(truth.items()):
        path = require(folder / "html" / f"{page_id}.html.gz", f"page {page_id}")
        yield HtmlPage(page_id, entry.get("url"), _decode(gzip.decompress(path.read_bytes())), entry.get("articleBody") or "")


def count_html_pages(eval_dir: Path) -> int:
    path = require(eval_dir / "eval" / "html_dev" / "ground-truth.json", "html_dev ground truth")
    return len(json.loads(path.read_text(encoding="utf-8")))
