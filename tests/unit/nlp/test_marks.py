"""Quote-mark scanning: every style, and broken input that must not derail the rest."""

from pipelines.nlp.quotes.marks import find_segments


def inner(text: str) -> list[str]:
    return [s.inner(text) for s in find_segments(text)]


def test_curly_double_quotes_keep_inner_punctuation():
    assert inner("“We will win,” she said.") == ["We will win,"]


def test_straight_double_quotes_pair_up():
    assert inner('"We will win," he said, "and soon."') == ["We will win,", "and soon."]


def test_guillemets():
    assert inner("« Nous sommes prêts », a-t-il dit.") == [" Nous sommes prêts "]


def test_multi_paragraph_quote_reopened_without_closing():
    text = "“The first paragraph goes on.\n\n“The second one ends here,” she said."
    assert inner(text) == ["The first paragraph goes on.\n\n“The second one ends here,"]


def test_unclosed_quote_is_dropped_at_paragraph_end():
    text = "He said “this never closes.\nNext paragraph has a “real” quote."
    assert inner(text) == ["real"]


def test_stray_closing_mark_is_ignored():
    assert inner("A stray” mark, then “a quote” here.") == ["a quote"]


def test_single_quotes_versus_apostrophes():
    text = "Macron’s aides said ‘we are ready’ on Monday. It’s the ’90s. The officials’ statements stood."
    assert inner(text) == ["we are ready"]


def test_straight_single_quotes():
    assert inner("She called it 'a disaster' and left. Don't panic.") == ["a disaster"]


def test_single_quotes_inside_double_quotes_are_part_of_them():
    assert inner("“He told me ‘no’ twice,” she said.") == ["He told me ‘no’ twice,"]
