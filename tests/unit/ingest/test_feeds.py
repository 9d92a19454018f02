from datetime import date

from pipelines.ingest.feeds import FULL_TEXT_MIN_WORDS, parse_feed
from pipelines.ingest.files import parse_file

from .conftest import NEWS

LONG = " ".join([NEWS.replace("\n\n", " ")] * 5)
assert len(LONG.split()) > FULL_TEXT_MIN_WORDS

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example World News</title><link>https://www.example.com/</link><language>en-us</language>
<item><title>Full story in the feed</title><link>https://www.example.com/2022/03/07/full</link>
  <pubDate>Mon, 07 Mar 2022 10:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>{LONG}</p><script>alert("feedScript")</script><p>Advertisement</p>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://www.example.com/world/teaser</link>
  <pubDate>Tue, 08 Mar 2022 09:00:00 GMT</pubDate>
  <description><![CDATA[<p>The president <b>said</b> on Tuesday that the border would reopen next week.</p>]]></description></item>
<item><title>Whole story in the description</title><link>https://www.example.com/world/desc</link>
  <description><![CDATA[<p>{LONG}</p>]]></description></item>
<item><title>Nothing at all</title><link>https://www.example.com/world/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:x</id><updated>2022-03-07T00:00:00Z</updated>
<entry><title>Atom entry</title><link href="https://news.example.org/a/1"/><id>urn:1</id>
<updated>2022-03-07T12:00:00Z</updated><author><name>John Roe</name></author>
<content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry></feed>"""

PAGE = f"""<html><head><title>Teaser only</title></head><body><article><h1>Teaser only</h1>
<p>{LONG}</p><p>The border will reopen on Monday, the president said in the full article.</p></article></body></html>"""


def test_rss_full_content_summary_only_and_empty_entries(write):
    parsed = parse_feed(write("world.rss", RSS), fetch=False)
    by_line = {a.source_line: a for a in parsed.articles}
    full = by_line[1]
    assert full.source_kind == "feed" and full.title == "Full story in the feed"
    assert full.author == "Jane Doe" and full.published == date(2022, 3, 7)
    assert full.outlet == "example.com" and full.language == "en"
    assert "feedScript" not in full.text and "Advertisement" not in full.text
    teaser = by_line[2]
    assert teaser.text == "The president said on Tuesday that the border would reopen next week."
    assert [(n.source_line, n.reason) for n in parsed.notes] == [(2, "feed_summary_only")]
    assert "fetching pages is off" in parsed.notes[0].detail
    assert by_line[3].text.startswith("Leaders of the two countries")  # long description: no note
    assert [(r.source_line, r.reason) for r in parsed.rejections] == [(4, "no_text")]


def test_summary_only_entries_are_fetched_when_asked():
    calls = []

    def fetcher(url, max_bytes):
        calls.append(url)
        if url.endswith("/feed.xml"):
            return RSS.encode()
        if url.endswith("/teaser"):
            return PAGE.encode()
        raise OSError("offline")

    parsed = parse_feed("https://www.example.com/feed.xml", fetch=True, fetcher=fetcher)
    assert parsed.source_path == "https://www.example.com/feed.xml" and len(parsed.file_sha256) == 64
    teaser = next(a for a in parsed.articles if a.source_line == 2)
    assert "in the full article" in teaser.text
    assert parsed.notes == []
    # entry 3 has no text and its page fails: summary fallback is empty too -> rejected
    assert [r.reason for r in parsed.rejections] == ["no_text"]
    assert calls[0].endswith("/feed.xml") and "https://www.example.com/world/teaser" in calls


def test_failed_page_fetch_falls_back_to_the_summary_with_a_note(write):
    def offline(url, max_bytes):
        raise OSError("network unreachable")

    parsed = parse_feed(write("world.xml", RSS), fetch=True, fetcher=offline)
    assert any(a.source_line == 2 for a in parsed.articles)
    assert "network unreachable" in parsed.notes[0].detail


def test_feed_url_that_cannot_be_fetched_is_one_rejection():
    def offline(url, max_bytes):
        raise TimeoutError("timed out")

    parsed = parse_feed("https://feeds.example.com/rss", fetch=False, fetcher=offline)
    assert parsed.articles == [] and [r.reason for r in parsed.rejections] == ["fetch_failed"]


def test_atom_feed_through_parse_file(write):
    parsed = parse_file(write("news.atom", ATOM), max_bytes=10**6, max_chars=10**5)
    article = parsed.articles[0]
    assert (article.author, article.published, article.outlet) == ("John Roe", date(2022, 3, 7), "example.org")
    assert article.source_line == 1 and parsed.notes == []


def test_not_a_feed(write):
    parsed = parse_feed(write("junk.xml", "<html><body>not a feed"), fetch=False)
    assert parsed.articles == [] and [r.reason for r in parsed.rejections] in (["bad_feed"], ["empty"])
