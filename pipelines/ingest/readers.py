"""Readers for plain text, HTML, JSON and JSONL files: decoded bytes in, articles out.

Each reader fills a ParsedFile; a reader never raises on bad input (parse_file guards it too).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pipelines.ingest.api import ParsedArticle, ParsedFile, Rejection
from pipelines.ingest.build import RawArticle, SourceInfo, build_article
from pipelines.ingest.decode import decode_bytes
from pipelines.ingest.html import extract_html
from pipelines.ingest.parallel import parallel_map
from pipelines.ingest.records import contained_records, raw_article

SIDECAR_SUFFIX = ".meta.json"
_SIDECAR_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ReadContext:
    path: Path                       # the file on disk (for its sidecar)
    root: Path | None                # landing folder the sidecar must stay inside
    source: SourceInfo
    field_map: dict | None = None


def _add(parsed: ParsedFile, item) -> None:
    (parsed.rejections if isinstance(item, Rejection) else parsed.articles).append(item)


def _reject_file(parsed: ParsedFile, ctx: ReadContext, reason: str, detail: str, line: int | None = None) -> None:
    parsed.rejections.append(Rejection(ctx.source.source_path, line, ctx.source.file_sha256, reason, detail))


def _decoded(parsed: ParsedFile, ctx: ReadContext, data: bytes, html: bool = False) -> str | None:
    decoded = decode_bytes(data, html=html)
    parsed.encoding = decoded.encoding
    if decoded.text is None:
        _reject_file(parsed, ctx, decoded.reason or "undecodable", decoded.detail or "")
    return decoded.text


# --- sidecar metadata -----------------------------------------------------------------------

def sidecar_path(path: Path) -> Path:
    """NAME.txt, NAME.html, NAME.html.gz -> NAME.meta.json."""
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return path.with_name(stem + SIDECAR_SUFFIX)


def read_sidecar(parsed: ParsedFile, ctx: ReadContext) -> dict:
    """The metadata sidecar, or {} (a broken sidecar is recorded, and the article still loads)."""
    meta_path = sidecar_path(ctx.path)
    if not meta_path.exists() and not meta_path.is_symlink():
        return {}

    def note(reason: str, detail: str) -> dict:
        parsed.rejections.append(Rejection(str(meta_path), None, None, reason, detail))
        return {}

    if meta_path.is_symlink() or (ctx.root and not meta_path.resolve().is_relative_to(ctx.root.resolve())):
        return note("unsafe_path", "metadata sidecar is a symlink or lies outside the landing folder; ignored")
    try:
        data = meta_path.read_bytes()[: _SIDECAR_MAX_BYTES + 1]
    except OSError as exc:
        return note("unreadable", f"metadata sidecar: {exc}")
    if len(data) > _SIDECAR_MAX_BYTES:
        return note("too_large", "metadata sidecar over 1 MiB; ignored")
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return note("bad_metadata", f"metadata sidecar is not JSON ({exc}); article loaded without it")
    if not isinstance(meta, dict):
        return note("bad_metadata", "metadata sidecar is not a JSON object; article loaded without it")
    return meta


# --- plain text -----------------------------------------------------------------------------

def read_text(parsed: ParsedFile, ctx: ReadContext, data: bytes) -> None:
    text = _decoded(parsed, ctx, data)
    if text is None:
        return
    meta = read_sidecar(parsed, ctx)
    raw = RawArticle(
        text=text, title=meta.get("title"), outlet=meta.get("outlet"), url=meta.get("url"),
        author=meta.get("author") or meta.get("authors"), published=meta.get("published"),
        language=meta.get("language"), title_from_first_line=True,
    )
    _add(parsed, build_article(raw, ctx.source))


# --- HTML -----------------------------------------------------------------------------------

def read_html(parsed: ParsedFile, ctx: ReadContext, data: bytes) -> None:
    html = _decoded(parsed, ctx, data, html=True)
    if html is None:
        return
    meta = read_sidecar(parsed, ctx)
    page = extract_html(html, url=meta.get("url") if isinstance(meta.get("url"), str) else None)
    raw = RawArticle(
        text=page["text"] or "",
        title=meta.get("title") or page["title"],
        outlet=meta.get("outlet") or page["site_name"],
        url=meta.get("url") or page["url"],
        author=meta.get("author") or page["author"],
        published=meta.get("published"),
        page_published=page["published"],
        language=meta.get("language"),
    )
    _add(parsed, build_article(raw, ctx.source))


# --- JSON and JSONL ---------------------------------------------------------------------------

def read_json(parsed: ParsedFile, ctx: ReadContext, data: bytes) -> None:
    text = _decoded(parsed, ctx, data)
    if text is None:
        return
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        _reject_file(parsed, ctx, "bad_json", f"not valid JSON: {exc}"[:500])
        return
    if isinstance(document, dict):
        inner = contained_records(document, ctx.field_map)
        if inner is None:
            _add(parsed, _record(document, ctx, None))
            return
        document = inner
    if not isinstance(document, list):
        _reject_file(parsed, ctx, "not_an_object", f"top-level JSON {type(document).__name__}: expected an object or a list")
        return
    # Items of a list are numbered from 1 in source_line, so that each has its own key.
    for result in parallel_map(partial(_numbered_record, ctx=ctx), list(enumerate(document, start=1))):
        _add(parsed, result)


def read_jsonl(parsed: ParsedFile, ctx: ReadContext, data: bytes) -> None:
    whole = decode_bytes(data)
    if whole.reason in ("empty", "binary"):
        _reject_file(parsed, ctx, whole.reason, whole.detail or "")
        return
    encodings: set[str] = set()
    lines: list[tuple[int, str]] = []
    for number, line, encoding in _jsonl_lines(data, whole):
        if line is None:
            _reject_file(parsed, ctx, "undecodable", f"line {number}: {encoding}", number)
            continue
        if not line.strip():
            continue
        encodings.add(encoding)
        lines.append((number, line))
    for result in parallel_map(partial(_jsonl_record, ctx=ctx), lines):
        _add(parsed, result)
    parsed.encoding = "+".join(sorted(encodings)) or whole.encoding


def _jsonl_record(numbered_line: tuple[int, str], ctx: ReadContext) -> ParsedArticle | Rejection:
    number, line = numbered_line
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return Rejection(ctx.source.source_path, number, ctx.source.file_sha256, "bad_json", f"line {number}: {exc}"[:500])
    return _record(record, ctx, number)


def _jsonl_lines(data: bytes, whole):
    """(line number, text or None, encoding). A file that is not Unicode as a whole is decoded
    line by line: one line in a legacy encoding must not turn every other line into mojibake."""
    if whole.text is not None and whole.encoding and whole.encoding.startswith(("utf-8", "utf-16", "utf-32")):
        for number, line in enumerate(whole.text.split("\n"), start=1):
            yield number, line.rstrip("\r"), whole.encoding
        return
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        try:
            yield number, raw_line.decode("utf-8").rstrip("\r"), "utf-8"
        except UnicodeDecodeError:
            decoded = decode_bytes(raw_line)
            if decoded.text is None:
                yield number, None, decoded.detail or decoded.reason or "undecodable"
            else:
                yield number, decoded.text.rstrip("\r"), decoded.encoding or "unknown"


def _numbered_record(numbered: tuple[int, object], ctx: ReadContext) -> ParsedArticle | Rejection:
    return _record(numbered[1], ctx, numbered[0])


def _record(item: object, ctx: ReadContext, line: int | None):
    if not isinstance(item, dict):
        return Rejection(ctx.source.source_path, line, ctx.source.file_sha256, "not_an_object",
                         f"expected a JSON object, found {type(item).__name__}")
    return build_article(raw_article(item, ctx.field_map, line), ctx.source)
