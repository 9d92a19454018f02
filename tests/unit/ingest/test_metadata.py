from datetime import date

import pytest

from pipelines.ingest.metadata import (
    byline_author,
    clean_url,
    date_from_url,
    join_authors,
    language_tag,
    looks_like_headline,
    outlet_from_url,
    parse_date,
    resolve_published,
)


@pytest.mark.parametrize("value, expected", [
    ("2025-03-14 20:30:26Z", date(2025, 3, 14)),
    ("Mon, 07 Mar 2022 10:00:00 GMT", date(2022, 3, 7)),
    ("2022-03-07T23:30:00-05:00", date(2022, 3, 7)),   # the date as written, no zone shift
    ("March 7, 2022", date(2022, 3, 7)),
    ("7 March 2022", date(2022, 3, 7)),
    ("20220307", date(2022, 3, 7)),
    (1646611200, date(2022, 3, 7)),
    (1646611200000, date(2022, 3, 7)),
    (date(2022, 3, 7), date(2022, 3, 7)),
    ("March 2022", None),          # no day: not a calendar date
    ("Monday 10:30", None),        # no year: dateutil would invent today
    ("2999-01-01", None),          # from the future
    ("Tue, 32 Mar 2022 10:00:00 GMT", None),
    ("not a date", None),
    (None, None),
    (True, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("url, outlet", [
    ("https://www.voanews.com/a/x/8011115.html", "voanews.com"),
    ("https://edition.cnn.com/2022/03/07/world/x", "cnn.com"),
    ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
    ("apnews.com/article/x", "apnews.com"),
    ("not a url", None),
    (None, None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url, expected", [
    ("http://www.npr.org/2010/10/19/130684167/thatcher-dies", date(2010, 10, 19)),
    ("https://www.theguardian.com/world/2019/mar/07/story", date(2019, 3, 7)),
    ("https://example.com/news/2022-03-07-macron-putin", date(2022, 3, 7)),
    ("https://example.com/story-20220307.html", date(2022, 3, 7)),
    ("https://example.com/2022/13/45/x", None),
    ("https://example.com/a/8011115.html", None),
])
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def test_resolve_published_order():
    url = "https://x.com/2020/01/02/y"
    assert resolve_published("2022-03-07", "2021-01-01", url) == (date(2022, 3, 7), "metadata")
    assert resolve_published(None, "2021-01-01", url) == (date(2021, 1, 1), "page")
    assert resolve_published("garbage", None, url) == (date(2020, 1, 2), "url")
    assert resolve_published(None, None, "https://x.com/y") == (None, "none")


def test_authors_bylines_titles_languages():
    assert join_authors(["Jane Doe", {"name": "John Roe"}, "Jane Doe"]) == "Jane Doe, John Roe"
    assert join_authors("By Jane Doe; John Roe") == "Jane Doe, John Roe"
    assert join_authors([1, None]) is None
    assert byline_author("By Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert byline_author("By Jane Doe, Associated Press") == "Jane Doe, Associated Press"
    assert byline_author("By Monday the talks had collapsed entirely.") is None
    assert looks_like_headline("Allô? Macron's telephone diplomacy offers insight into Putin")
    assert not looks_like_headline("The minister said the talks went well.")
    assert not looks_like_headline("x" * 300)
    assert language_tag("en-US") == "en" and language_tag("FR") == "fr" and language_tag("??") is None
    assert clean_url("https://example.com/a") == "https://example.com/a"
    assert clean_url("javascript:alert(1)") is None and clean_url("file:///etc/passwd") is None
