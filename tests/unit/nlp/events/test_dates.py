from datetime import date

import pytest

from pipelines.nlp.dates import mentioned_year, resolve_date

MONDAY = date(2022, 3, 7)


@pytest.mark.parametrize("text, future, expected, granularity", [
    ("on Saturday", False, date(2022, 3, 5), "day"),       # most recent past Saturday
    ("on Monday", False, date(2022, 3, 7), "day"),         # the publication day itself
    ("last Monday", False, date(2022, 2, 28), "day"),
    ("Tuesday", True, date(2022, 3, 8), "day"),             # future tense: the next one
    ("next Friday", False, date(2022, 3, 11), "day"),
    ("on Feb. 24", False, date(2022, 2, 24), "day"),
    ("on Feb. 7, 2022", False, date(2022, 2, 7), "day"),
    ("24 February 2021", False, date(2021, 2, 24), "day"),
    ("Dec. 12", False, date(2021, 12, 12), "day"),          # later in the year -> last year
    ("April 2", True, date(2022, 4, 2), "day"),
    ("in December", False, date(2021, 12, 1), "month"),
    ("in March", False, date(2022, 3, 1), "month"),
    ("in June", True, date(2022, 6, 1), "month"),
    ("December 2019", False, date(2019, 12, 1), "month"),
    ("last month", False, date(2022, 2, 1), "month"),
    ("over the past month", False, date(2022, 2, 1), "month"),
    ("next month", True, date(2022, 4, 1), "month"),
    ("in 2017", False, date(2017, 1, 1), "year"),
    ("last year", False, date(2021, 1, 1), "year"),
    ("yesterday", False, date(2022, 3, 6), "day"),
    ("three days ago", False, date(2022, 3, 4), "day"),
])
def test_resolves_against_publication(text, future, expected, granularity):
    found = resolve_date(text, MONDAY, future=future)
    assert found is not None, text
    assert (found.date, found.granularity) == (expected, granularity)
    assert found.text == text


def test_relative_years_need_an_anchor():
    assert resolve_date("Two years later", MONDAY, anchor_year=2017).at_granularity() == "2019"
    assert resolve_date("a year earlier", MONDAY, anchor_year=2017).at_granularity() == "2016"
    assert resolve_date("two years later", MONDAY) is None


@pytest.mark.parametrize("text", ["in the 1990s", "soon", "may", "the sun", "recently", "", "last week"])
def test_unresolvable_is_none_never_the_publication_date(text):
    assert resolve_date(text, MONDAY) is None


def test_without_publication_only_absolute_dates_resolve():
    assert resolve_date("on Saturday", None) is None
    assert resolve_date("Feb. 7, 2022", None).iso() == "2022-02-07"


def test_granularity_strings_and_anchor_year():
    assert resolve_date("in December", MONDAY).at_granularity() == "2021-12"
    assert resolve_date("on Saturday", MONDAY).at_granularity() == "2022-03-05"
    assert mentioned_year("elected in 2017, re-elected in 2022") == 2022
    assert mentioned_year("no year here") is None
