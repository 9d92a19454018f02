"""HTML pages: the article body and metadata via trafilatura, the date via htmldate as fallback.

favor_precision was measured best on eval/html_dev (see tests/unit/ingest/test_html_eval.py):
news pages carry more boilerplate around the body than body that trafilatura misses.
"""

from __future__ import annotations

import logging
import re

import htmldate
import trafilatura
from lxml import html as lxml_html

_LOG = logging.getLogger(__name__)
# trafilatura and htmldate log every page they cannot parse; one line per page is noise here.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
               "article", "header", "footer", "pre", "figcaption", "dd", "dt"}
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "head", "object", "embed")


def extract_html(html: str, url: str | None = None) -> dict:
    """{text, title, author, published, site_name} of a page; values are None when not found.

    `published` is an ISO date string (YYYY-MM-DD) as found on the page. Never raises.
    """
    result = {"text": None, "title": None, "author": None, "published": None, "site_name": None, "url": None}
    if not html or not html.strip():
        return result
    document = _bare_extraction(html, url, favor_precision=True)
    if document is None or not (document.text or "").strip():
        # Precision mode gives up on some short or unusual pages where recall mode still finds text.
        document = _bare_extraction(html, url, favor_recall=True) or document
    if document is not None:
        result.update(
            text=(document.text or None),
            title=document.title or None,
            author=document.author or None,
            published=document.date or None,
            site_name=document.sitename or None,
            url=document.url or None,
        )
    if not result["published"]:
        result["published"] = _htmldate(html)
    return result


def _bare_extraction(html: str, url: str | None, **options):
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": True, "original_date": True},
            **options,
        )
    except Exception as exc:  # trafilatura raises on some malformed markup; the page is then text-less
        _LOG.debug("trafilatura failed: %s", exc)
        return None


def _htmldate(html: str) -> str | None:
    try:
        return htmldate.find_date(html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception as exc:  # htmldate is best-effort; a page without a findable date is fine
        _LOG.debug("htmldate failed: %s", exc)
        return None


def html_fragment_to_text(fragment: str) -> str:
    """Visible text of a small HTML fragment (feed summaries): scripts and styles dropped."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return _unescape(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # unparseable markup: strip tags by hand rather than fail
        return _unescape(re.sub(r"<[^>]*>", " ", fragment))
    for element in root.iter(*_INVISIBLE_TAGS):
        element.drop_tree()
    parts: list[str] = []
    _collect_text(root, parts)
    text = "".join(parts)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def _collect_text(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag.lower() in _BLOCK_TAGS
    if block:
        parts.append("\n\n")
    if element.text and isinstance(element.tag, str):
        parts.append(element.text)
    for child in element:
        _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n\n")


def _unescape(text: str) -> str:
    import html as html_lib

    return html_lib.unescape(text).strip()
