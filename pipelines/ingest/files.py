"""Input files: which ones to read, and reading one whole file safely (never raises)."""

from __future__ import annotations

import gzip
import hashlib
import logging
import zlib
from pathlib import Path

from pipelines.ingest.api import ParsedFile, Rejection
from pipelines.ingest.build import SourceInfo
from pipelines.ingest.readers import SIDECAR_SUFFIX, ReadContext, read_html, read_json, read_jsonl, read_text

_LOG = logging.getLogger(__name__)

# suffix -> kind (the reader, and the source_kind unless the caller overrides it)
KINDS = {
    ".txt": "txt", ".text": "txt",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_READERS = {"txt": read_text, "json": read_json, "jsonl": read_jsonl, "html": read_html}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_CHARS = 200_000


def kind_for(path: Path) -> str | None:
    """txt | json | jsonl | html | feed, from the suffix (a .gz suffix is looked through)."""
    name = path.name.lower()
    if name.endswith(SIDECAR_SUFFIX):
        return None
    if name.endswith(".gz"):
        name = name[:-3]
    return KINDS.get(Path(name).suffix)


def discover_files(dirs: list[Path], *, include_links: bool = False) -> list[Path]:
    """Readable input files under the folders, sorted. Skips sidecars, hidden files and folders,
    unknown types, and every symlink or path that resolves outside its folder.

    include_links: list the (non-hidden) symlinks too, never what is behind them, so that
    ingestion records each as an unsafe_path rejection instead of dropping it silently."""
    found: list[Path] = []
    for directory in dirs:
        root = Path(directory)
        if not root.is_dir():
            continue
        real_root = root.resolve()
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if any(p.is_symlink() for p in _parents_within(path, root)):
                continue
            if path.is_symlink():
                if include_links:
                    found.append(path)
                continue
            if not path.is_file() or not path.resolve().is_relative_to(real_root):
                continue
            if kind_for(path):
                found.append(path)
    return found


def _parents_within(path: Path, root: Path):
    parent = path.parent
    while parent != root and root in parent.parents:
        yield parent
        parent = parent.parent


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_file(path: Path, *, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               max_chars: int = DEFAULT_MAX_CHARS, field_map: dict | None = None,
               source_kind: str | None = None, fetch: bool = False) -> ParsedFile:
    """Everything in one file: articles, or rejections saying why not. Never raises.

    `fetch` only matters for feeds: fetch the pages of summary-only entries.
    """
    path = Path(path)
    if root is not None and _escapes(path, Path(root)):
        return _unsafe_path(path, Path(root))
    kind = kind_for(path)
    if kind is None:
        parsed = ParsedFile(str(path), "", 0)
        parsed.rejections.append(Rejection(str(path), None, None, "unsupported_type", f"no reader for {path.name!r}"))
        return parsed
    if kind == "feed":
        from pipelines.ingest.feeds import read_feed_bytes

        def read(parsed: ParsedFile, data: bytes, source: SourceInfo) -> None:
            read_feed_bytes(parsed, data, source, fetch=fetch, max_bytes=max_bytes)
    else:
        def read(parsed: ParsedFile, data: bytes, source: SourceInfo) -> None:
            _READERS[kind](parsed, ReadContext(path, Path(root) if root else None, source, field_map), data)
    return read_whole_file(path, read, root=root, max_bytes=max_bytes, max_chars=max_chars,
                           source_kind=source_kind or kind)


def read_whole_file(path: Path, read, *, root: Path | None, max_bytes: int, max_chars: int,
                    source_kind: str) -> ParsedFile:
    """The checks every file gets (inside the root, size, empty, gzip), then `read` on its bytes.
    A reader that fails anyway leaves one rejection for the whole file, never half a file."""
    source_path = str(path)

    def whole_file_rejection(reason: str, detail: str, sha: str = "", size: int = 0) -> ParsedFile:
        parsed = ParsedFile(source_path, sha, size)
        parsed.rejections.append(Rejection(source_path, None, sha or None, reason, detail))
        return parsed

    if root is not None and _escapes(path, Path(root)):
        return _unsafe_path(path, Path(root))
    try:
        if not path.is_file():
            return whole_file_rejection("not_a_file", "not a regular file")
        size = path.stat().st_size
        sha = file_sha256(path)
        if size > max_bytes:
            return whole_file_rejection("too_large", f"{size} bytes, over the limit of {max_bytes}", sha, size)
        data = path.read_bytes()
    except OSError as exc:
        return whole_file_rejection("unreadable", str(exc)[:300])
    if not data.strip():
        return whole_file_rejection("empty", "the file has no content", sha, size)
    if path.name.lower().endswith(".gz"):
        data, problem = _gunzip(data, max_bytes)
        if problem:
            return whole_file_rejection(*problem, sha, size)
    parsed = ParsedFile(source_path, sha, size)
    try:
        read(parsed, data, SourceInfo(source_path, source_kind, sha, max_chars))
    except Exception as exc:  # a reader bug must not stop a whole ingest run
        _LOG.exception("reader failed on %s", path)
        return whole_file_rejection("reader_error", f"{type(exc).__name__}: {exc}"[:500], sha, size)
    return parsed


def _escapes(path: Path, root: Path) -> bool:
    """A symlink (never followed, wherever it points) or a path resolving outside root."""
    return path.is_symlink() or not path.resolve().is_relative_to(root.resolve())


def _unsafe_path(path: Path, root: Path) -> ParsedFile:
    parsed = ParsedFile(str(path), "", 0)
    parsed.rejections.append(Rejection(str(path), None, None, "unsafe_path",
                                       f"a symlink or a path outside the landing folder {root}; not followed"))
    return parsed


def _gunzip(data: bytes, max_bytes: int) -> tuple[bytes, tuple[str, str] | None]:
    """Decompress at most max_bytes: a small .gz must not unpack into gigabytes."""
    try:
        decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        out = decompressor.decompress(data, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        return b"", ("bad_gzip", f"not a valid gzip file: {exc}")
    if len(out) > max_bytes:
        return b"", ("too_large", f"unpacks to more than {max_bytes} bytes")
    if not decompressor.eof:
        return b"", ("bad_gzip", "the gzip stream is cut short")
    if not out.strip():
        return b"", ("empty", "the gzip file unpacks to nothing")
    return out, None
