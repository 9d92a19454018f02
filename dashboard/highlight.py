"""Article text as HTML with actors, quotes and event evidence highlighted.

Every character of the article and every hover text goes through html.escape, so markup in
an article (a <script>, an onerror attribute) is shown as text, never run. Spans may overlap
and nest: the text is cut at every span boundary and each piece is wrapped in one <span> per
layer that covers it (event outermost, then quote, then actor mention).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

LAYERS = ("event", "quote", "mention")  # outermost first

STYLES = {
    "event": "background:#fde2e1;border-bottom:2px dotted #c0392b;",
    "quote": "color:#1d3f8f;border-bottom:2px solid #5b8def;",
    "mention": "background:#fff0a8;font-weight:600;border-radius:2px;",
}

CONTAINER_STYLE = (
    "white-space:pre-wrap;line-height:1.7;font-size:1.02rem;max-width:54rem;"
    "font-family:Georgia,'Times New Roman',serif;"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    layer: str  # one of LAYERS
    hover: str  # plain text shown on hover; escaped when rendered


def _open_tag(layer: str, spans: list[Span]) -> str:
    hover = " | ".join(dict.fromkeys(span.hover for span in spans if span.hover))
    return (
        f'<span class="pw-{layer}" style="{STYLES[layer]}" title="{html.escape(hover, quote=True)}">'
    )


def render_article_html(text: str, spans: Iterable[Span]) -> str:
    """The whole article as one escaped HTML block with highlighted, hoverable spans."""
    length = len(text)
    kept = [
        Span(max(0, span.start), min(length, span.end), span.layer, span.hover)
        for span in spans
        if span.layer in STYLES and span.start < span.end and span.start < length and span.end > 0
    ]
    cuts = sorted({0, length, *(s.start for s in kept), *(s.end for s in kept)})
    by_start = sorted(kept, key=lambda span: span.start)
    next_span = 0
    covering: list[Span] = []
    pieces = [f'<div class="pw-article" style="{CONTAINER_STYLE}">']
    for left, right in zip(cuts, cuts[1:]):
        # Every start and end is a cut, so a span open at `left` covers the whole piece.
        while next_span < len(by_start) and by_start[next_span].start <= left:
            covering.append(by_start[next_span])
            next_span += 1
        covering = [span for span in covering if span.end > left]
        opened = 0
        for layer in LAYERS:
            in_layer = [s for s in covering if s.layer == layer]
            if in_layer:
                pieces.append(_open_tag(layer, in_layer))
                opened += 1
        pieces.append(html.escape(text[left:right], quote=True))
        pieces.append("</span>" * opened)
    pieces.append("</div>")
    return "".join(pieces)


def legend_html() -> str:
    labels = {"mention": "actor", "quote": "quote (hover for the speaker)", "event": "event evidence"}
    chips = "".join(
        f'<span style="{STYLES[layer]}padding:0 .3em;margin-right:1em;">{html.escape(label)}</span>'
        for layer, label in labels.items()
    )
    return f'<div class="pw-legend" style="font-size:.9rem;">{chips}</div>'
