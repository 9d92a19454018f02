from pipelines.evaluation.textnorm import find_all, locate, normalise, normalise_with_map, trim_span


def test_normalise_folds_space_runs_quotes_and_compatibility_forms():
    assert normalise("“Hello,”\u00a0\u00a0 she\n\tsaid ﬁne") == '"Hello," she said fine'
    assert normalise("« non »  ‘yes’ doesn’t") == "\" non \" 'yes' doesn't"
    assert normalise("  padded  ") == "padded"


def test_map_sends_original_offsets_to_normalised_ones():
    original = "A  \u00a0b “c” d\u200be"
    norm = normalise_with_map(original)
    assert norm.text == 'A b "c" de'
    start = original.index("“")
    assert norm.text[slice(*norm.span(start, start + 3))] == '"c"'
    assert norm.span(0, len(original)) == (0, len(norm.text))


def test_combining_marks_compose_and_stay_attached():
    original = "Ele\u0301ysée x"        # decomposed é then precomposed é
    norm = normalise_with_map(original)
    assert norm.text == "Eléysée x"
    assert norm.text[slice(*norm.span(0, 4))] == "Elé"


def test_locate_exact_then_case_then_edge_punctuation():
    text = normalise_with_map('He said "Nazis," and later nazis. The end').text
    assert locate(text, "Nazis,") == [(9, 15)]
    assert len(locate(text, "NAZIS")) == 2
    at = text.index("later")
    assert locate(text, '"later nazis"') == [(at, at + 11)]
    assert locate(text, "absent") == []


def test_find_all_includes_overlaps_and_trim_span_drops_quotes():
    assert find_all("aaa", "aa") == [0, 1]
    assert find_all("abc", "") == []
    assert trim_span(' "x y" ', 0, 7) == (2, 5)
