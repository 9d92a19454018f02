import pytest

from pipelines.evaluation.html_body import aggregate, page_counts, shingles


def test_shingles_of_word_tokens():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a, b!") == {("a", "b"): 1}            # shorter than n: one shingle
    assert shingles("") == {}
    assert shingles("x y x y", n=1) == {("x",): 2, ("y",): 2}


def test_page_counts_are_multiset_overlaps_normalised_per_page():
    tp, fp, fn = page_counts("one two three four five", "one two three four five six")
    assert (tp, fp, fn) == pytest.approx((2 / 3, 1 / 3, 0.0))
    assert page_counts("same same", "same", n=1) == pytest.approx((0.5, 0.0, 0.5))
    assert page_counts("", "") == (0.0, 0.0, 0.0)


def test_aggregate_averages_pages_and_takes_f1_of_the_averages():
    perfect = page_counts("a b c d e f", "a b c d e f")
    nothing = page_counts("a b c d e f", "")
    score = aggregate([perfect, nothing])
    assert score.precision == 1.0                 # the empty prediction has no defined precision
    assert score.recall == 0.5
    assert score.f1 == pytest.approx(2 / 3)
    assert score.pages == 2


def test_normalisation_makes_typography_irrelevant():
    assert page_counts("“Don’t” stop   now", '"Don\'t" stop now') == (1.0, 0.0, 0.0)
