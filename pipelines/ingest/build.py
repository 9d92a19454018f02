"""One record found by a reader -> a ParsedArticle (or a Rejection): the shared cleaning path.

normalise -> title and byline off the top -> cut boilerplate -> size checks -> metadata ->
language -> id. Every reader ends here, so every format is cleaned the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.ingest.api import ParsedArticle, Rejection
from pipelines.ingest.boilerplate import cut_boilerplate
from pipelines.ingest.language import choose_language, skip_reason_for
from pipelines.ingest.metadata import (
    byline_author,
    clean_url,
    fold_title,
    join_authors,
    language_tag,
    looks_like_headline,
    outlet_from_url,
    resolve_published,
    text_value,
)
from pipelines.ingest.normalise import article_id_for, normalise_text, word_count


@dataclass
class RawArticle:
    """What a reader found, before cleaning. Values are as found (strings, lists, dates)."""

    text: object
    title: object = None
    outlet: object = None
    url: object = None
    author: object = None
    published: object = None        # from metadata (sidecar, JSON field, feed entry)
    page_published: object = None   # from the page itself (HTML)
    language: object = None
    source_line: int | None = None
    title_from_first_line: bool = False   # plain text: a headline-like first line is the title


@dataclass(frozen=True)
class SourceInfo:
    source_path: str
    source_kind: str
    file_sha256: str
    max_chars: int


def build_article(raw: RawArticle, source: SourceInfo) -> ParsedArticle | Rejection:
    def reject(reason: str, detail: str) -> Rejection:
        return Rejection(source.source_path, raw.source_line, source.file_sha256, reason, detail)

    if not isinstance(raw.text, str):
        return reject("no_text", "no article text field")
    text = normalise_text(raw.text)
    title = text_value(normalise_text(raw.title) if isinstance(raw.title, str) else raw.title, 1000)
    author = join_authors(raw.author)
    text, title, author = _take_head(text, title, author, raw.title_from_first_line)
    body, cut_chars = cut_boilerplate(text)
    if not body.strip():
        detail = "nothing left after cutting boilerplate" if text.strip() else "the text is empty"
        return reject("no_text", detail)
    if len(body) > source.max_chars:
        return reject("too_long", f"body has {len(body)} characters, over the limit of {source.max_chars}; "
                                  "not truncated, since half an article would be extracted as a whole one")
    url = clean_url(raw.url)
    published, published_source = resolve_published(raw.published, raw.page_published, url)
    language = choose_language(body, language_tag(raw.language))
    return ParsedArticle(
        article_id=article_id_for(body),
        text=body,
        title=title,
        outlet=text_value(raw.outlet, 200) or outlet_from_url(url),
        url=url,
        author=author,
        published=published,
        published_source=published_source,
        language=language,
        skip_reason=skip_reason_for(language),
        word_count=word_count(body),
        boilerplate_chars=cut_chars,
        source_path=source.source_path,
        source_line=raw.source_line,
        source_kind=source.source_kind,
        file_sha256=source.file_sha256,
    )


def _take_head(text: str, title: str | None, author: str | None,
               title_from_first_line: bool) -> tuple[str, str | None, str | None]:
    """Lift the title (and a byline just under it) off the top of the body."""
    lines = text.split("\n")
    first = _first_nonblank(lines)
    if first is not None:
        line = lines[first].strip()
        same_as_title = title is not None and fold_title(line) == fold_title(title)
        has_more = any(l.strip() for l in lines[first + 1:])
        if same_as_title or (title is None and title_from_first_line and has_more and looks_like_headline(line)):
            title = title or line
            lines = lines[first + 1:]
    first = _first_nonblank(lines)
    if first is not None and first < 3:
        byline = byline_author(lines[first].strip())
        if byline and any(l.strip() for l in lines[first + 1:]):
            author = author or byline
            lines = lines[first + 1:]
    return "\n".join(lines).strip("\n"), title, author


def _first_nonblank(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return None
