"""The ingestion contract: what the Dagster ingest asset and `presswatch parse` call.

Pure Python: no Dagster, dbt or Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class ParsedArticle:
    """One article as ingestion would store it (raw.articles + one raw.article_sources row)."""

    article_id: str                 # hash of the normalised body (see normalise.article_id_for)
    text: str                       # normalised body, boilerplate cut
    title: str | None
    outlet: str | None
    url: str | None
    author: str | None
    published: date | None
    published_source: str           # metadata | page | url | none
    language: str | None
    skip_reason: str | None         # e.g. "language:fr" -> kept but not extracted
    word_count: int
    boilerplate_chars: int
    source_path: str
    source_line: int | None
    source_kind: str                # txt | json | jsonl | html | feed | sample
    file_sha256: str
    duplicate_of: str | None = None
    similarity: float | None = None


@dataclass
class Rejection:
    """An input that could not become an article; becomes a raw.rejected_inputs row."""

    source_path: str
    source_line: int | None
    file_sha256: str | None
    reason: str                     # short code: empty, binary, too_large, bad_json, no_text, ...
    detail: str


@dataclass
class ParsedFile:
    """Everything found in one input file. A file is loaded whole or not at all."""

    source_path: str
    file_sha256: str
    size_bytes: int
    articles: list[ParsedArticle] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    # Added by ingestion (defaults keep the contract): the text encoding the file was decoded
    # with ("utf-8", "cp1252", ...; "+"-joined when JSONL lines differ), and notes about inputs
    # that were loaded in a reduced form (reason "feed_summary_only": a feed entry stored from
    # its summary because its page was not fetched). Notes are not rejections: the article IS
    # in `articles`; a writer may store them in raw.rejected_inputs for visibility.
    encoding: str | None = None
    notes: list[Rejection] = field(default_factory=list)
