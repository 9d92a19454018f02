"""`presswatch parse FILE…`: what ingestion would store, one JSON-ready dict per article or rejection."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pipelines.ingest.api import ParsedArticle, ParsedFile, Rejection
from pipelines.ingest.feeds import parse_feed
from pipelines.ingest.files import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, discover_files, parse_file
from pipelines.ingest.metadata import clean_url

RECORD_KEYS = ("source", "source_line", "text", "title", "outlet", "url", "author", "published",
               "published_source", "language", "skip_reason", "rejection_reason")


def parse_paths(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                max_chars: int = DEFAULT_MAX_CHARS, field_map: dict | None = None,
                fetch: bool = False) -> Iterator[dict]:
    """Files, folders (read as the landing folder is) and feed URLs -> one dict per article/rejection."""
    for item in paths:
        for parsed in _parsed_files(item, max_bytes, max_chars, field_map, fetch):
            yield from parsed_file_records(parsed)


def _parsed_files(item, max_bytes, max_chars, field_map, fetch) -> Iterator[ParsedFile]:
    if isinstance(item, str) and clean_url(item):
        yield parse_feed(item, fetch, max_bytes=max_bytes, max_chars=max_chars)
        return
    path = Path(item)
    if path.is_dir():
        for found in discover_files([path]):
            yield parse_file(found, root=path, max_bytes=max_bytes, max_chars=max_chars,
                             field_map=field_map, fetch=fetch)
        return
    yield parse_file(path, max_bytes=max_bytes, max_chars=max_chars, field_map=field_map, fetch=fetch)


def parsed_file_records(parsed: ParsedFile) -> list[dict]:
    """Articles and rejections of one file, in the order they stand in the file."""
    items: list[ParsedArticle | Rejection] = [*parsed.articles, *parsed.rejections]
    items.sort(key=lambda x: x.source_line or 0)
    return [article_record(x) if isinstance(x, ParsedArticle) else rejection_record(x) for x in items]


def article_record(article: ParsedArticle) -> dict:
    return {
        "source": article.source_path,
        "source_line": article.source_line,
        "text": article.text,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "language": article.language,
        "skip_reason": article.skip_reason,
        "rejection_reason": None,
    }


def rejection_record(rejection: Rejection) -> dict:
    record = dict.fromkeys(RECORD_KEYS)
    record.update(source=rejection.source_path, source_line=rejection.source_line,
                  rejection_reason=rejection.reason)
    return record
