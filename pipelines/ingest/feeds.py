"""RSS and Atom feeds via feedparser: one article per entry.

An entry with full content (content:encoded, Atom content, or a long <description>) is an
article as it stands. An entry with only a short summary gets its page fetched when `fetch` is on; if fetching is off or fails,
the summary itself is stored as the article and a note with reason `feed_summary_only` says
so (ParsedFile.notes): a teaser still names actors and events, and the note lets anyone find
and re-fetch those entries later. feedparser is always handed bytes, so it never opens
files or URLs by itself.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import feedparser

from pipelines.ingest.api import ParsedFile, Rejection
from pipelines.ingest.build import RawArticle, SourceInfo, build_article
from pipelines.ingest.decode import decode_bytes
from pipelines.ingest.html import extract_html, html_fragment_to_text
from pipelines.ingest.metadata import clean_url, split_credentials

_LOG = logging.getLogger(__name__)
# Content shorter than this is a teaser, not the article.
FULL_TEXT_MIN_WORDS = 120
FETCH_TIMEOUT_SECONDS = 15
USER_AGENT = "presswatch/0.1 (+news research; feed reader)"

Fetcher = Callable[[str, int], bytes]


def fetch_url(url: str, max_bytes: int) -> bytes:
    """GET an http(s) URL, at most max_bytes. Raises on failure (callers record why).
    A user:password@ in the URL is sent as HTTP basic auth to that host only (not on redirects)."""
    shown = clean_url(url)
    if not shown:
        raise ValueError("not an http(s) URL")
    request = urllib.request.Request(shown, headers={"User-Agent": USER_AGENT})
    userinfo = split_credentials(url.strip())[1]
    if userinfo:
        token = base64.b64encode(urllib.parse.unquote(userinfo).encode("utf-8")).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310 (scheme checked)
        data = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"more than {max_bytes} bytes")
    return data


def parse_feed(path_or_url: str | Path, fetch: bool = False, *, fetcher: Fetcher | None = None,
               max_bytes: int = 50 * 1024 * 1024, max_chars: int = 200_000) -> ParsedFile:
    """Read a feed from a local file or an http(s) URL. Never raises."""
    fetcher = fetcher or fetch_url
    location = str(path_or_url)
    shown = clean_url(location)  # what is stored and reported: never a private feed's password
    if shown:
        try:
            data = fetcher(location, max_bytes)
        except Exception as exc:  # network errors come in many types; all mean "no feed this time"
            parsed = ParsedFile(shown, "", 0)
            detail = _without_credentials(f"{type(exc).__name__}: {exc}", location)
            parsed.rejections.append(Rejection(shown, None, None, "fetch_failed", detail[:300]))
            return parsed
        sha = hashlib.sha256(data).hexdigest()
        parsed = ParsedFile(shown, sha, len(data))
        read_feed_bytes(parsed, data, SourceInfo(shown, "feed", sha, max_chars),
                        fetch=fetch, max_bytes=max_bytes, fetcher=fetcher)
        return parsed
    from pipelines.ingest.files import read_whole_file

    def read(parsed: ParsedFile, data: bytes, source: SourceInfo) -> None:
        read_feed_bytes(parsed, data, source, fetch=fetch, max_bytes=max_bytes, fetcher=fetcher)

    return read_whole_file(Path(location), read, root=None, max_bytes=max_bytes, max_chars=max_chars,
                           source_kind="feed")


def _without_credentials(text: str, url: str) -> str:
    """text (an error message) with the URL's user:password and password masked."""
    userinfo = split_credentials(url.strip())[1]
    if userinfo:
        password = userinfo.partition(":")[2]
        for secret in (userinfo, urllib.parse.unquote(userinfo), password, urllib.parse.unquote(password)):
            if secret:
                text = text.replace(secret, "***")
    return text


def read_feed_bytes(parsed: ParsedFile, data: bytes, source: SourceInfo, *, fetch: bool,
                    max_bytes: int, fetcher: Fetcher | None = None) -> None:
    feed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    parsed.encoding = feed.get("encoding")
    entries = feed.get("entries") or []
    if not entries:
        problem = feed.get("bozo_exception")
        detail = f"not a feed: {problem}" if problem else "a feed without entries"
        parsed.rejections.append(Rejection(source.source_path, None, source.file_sha256,
                                           "bad_feed" if problem else "empty", detail[:300]))
        return
    language = (feed.get("feed") or {}).get("language")
    for number, entry in enumerate(entries, start=1):
        item = _entry_article(entry, number, language, source, fetch, max_bytes, fetcher or fetch_url, parsed)
        (parsed.rejections if isinstance(item, Rejection) else parsed.articles).append(item)


def _entry_article(entry, number: int, language, source: SourceInfo, fetch: bool, max_bytes: int,
                   fetcher: Fetcher, parsed: ParsedFile):
    link = clean_url(entry.get("link"))
    content = max((html_fragment_to_text(c.get("value", "")) for c in entry.get("content") or []), key=len, default="")
    summary = html_fragment_to_text(entry.get("summary", ""))
    best = max(content, summary, key=lambda t: len(t.split()))  # some feeds put the whole story in <description>
    raw = RawArticle(
        text=best,
        title=entry.get("title"),
        url=link,
        author=[a.get("name") for a in entry.get("authors") or [] if isinstance(a, dict)] or entry.get("author"),
        published=entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published"),
        language=language,
        source_line=number,
    )
    if len(best.split()) < FULL_TEXT_MIN_WORDS:
        why = "fetching pages is off"
        if fetch and link:
            page, why = _fetched_page(link, max_bytes, fetcher)
            if page and len((page["text"] or "").split()) > len(best.split()):
                raw.text, raw.page_published = page["text"], page["published"]
                raw.author = raw.author or page["author"]
                return build_article(raw, source)
        elif fetch:
            why = "the entry has no link"
        article = build_article(raw, source)
        if not isinstance(article, Rejection):
            parsed.notes.append(Rejection(source.source_path, number, source.file_sha256, "feed_summary_only",
                                          f"entry {number} ({link or 'no link'}): stored from its feed summary "
                                          f"({article.word_count} words); {why}"))
        return article
    return build_article(raw, source)


def _fetched_page(link: str, max_bytes: int, fetcher: Fetcher) -> tuple[dict | None, str]:
    try:
        data = fetcher(link, max_bytes)
    except Exception as exc:  # offline, timeouts, HTTP errors: fall back to the summary
        return None, f"fetching the page failed: {type(exc).__name__}: {exc}"[:200]
    decoded = decode_bytes(data, html=True)
    if decoded.text is None:
        return None, f"the fetched page is not text ({decoded.reason})"
    page = extract_html(decoded.text, url=link)
    if not page["text"]:
        return None, "no article text found in the fetched page"
    return page, "page fetched"
