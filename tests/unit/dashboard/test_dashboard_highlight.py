"""The article reader's HTML: escaped text, nested spans, hover text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from dashboard.highlight import Span, render_article_html


class _Collector(HTMLParser):
    """Collects visible text and the tags opened, to check the markup is well formed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector


def test_markup_in_text_and_hover_stays_text():
    text = 'He wrote <script>alert("x")</script> & <img src=x onerror=alert(1)>.'
    start = text.index("<script>")
    markup = render_article_html(text, [Span(start, start + 8, "mention", '"><script>alert(2)</script>')])
    assert "<script" not in markup and "<img" not in markup
    parsed = parse(markup)
    assert "".join(parsed.text) == text  # what the reader sees is exactly the article
    assert set(parsed.tags) == {"div", "span"}
    assert parsed.depth == 0
    assert 'title="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in markup


def test_overlapping_layers_nest_and_keep_every_character():
    text = '"Russia must leave," Macron said.'
    spans = [
        Span(0, len(text) - 1, "event", "DEMAND"),
        Span(1, 19, "quote", "speaker: Macron"),
        Span(1, 7, "mention", "Russia"),
        Span(21, 27, "mention", "Emmanuel Macron"),
    ]
    markup = render_article_html(text, spans)
    parsed = parse(markup)
    assert "".join(parsed.text) == text
    assert parsed.depth == 0
    # "Russia" sits inside a mention inside a quote inside the event evidence.
    assert re.search(
        r'class="pw-event"[^>]*title="DEMAND"><span class="pw-quote"[^>]*title="speaker: Macron">'
        r'<span class="pw-mention"[^>]*title="Russia">Russia</span></span></span>',
        markup,
    )
    assert markup.count('class="pw-mention"') == 2


def test_spans_outside_the_text_or_empty_or_unknown_are_dropped_or_clipped():
    text = "Short text."
    markup = render_article_html(
        text,
        [Span(6, 400, "quote", "clipped"), Span(50, 60, "quote", "outside"), Span(3, 3, "mention", "empty"),
         Span(0, 5, "sparkle", "unknown layer"), Span(-5, 2, "mention", "starts before")],
    )
    parsed = parse(markup)
    assert "".join(parsed.text) == text
    assert "outside" not in markup and "empty" not in markup and "unknown layer" not in markup
    assert 'title="clipped">text.</span>' in markup
    assert 'title="starts before">Sh</span>' in markup


def test_same_layer_overlaps_merge_their_hover_text():
    text = "New York City"
    markup = render_article_html(text, [Span(0, 8, "mention", "New York"), Span(4, 13, "mention", "York City")])
    assert 'title="New York | York City">York</span>' in markup
    assert "".join(parse(markup).text) == text


def test_empty_article():
    assert "".join(parse(render_article_html("", [Span(0, 3, "quote", "x")])).text) == ""
