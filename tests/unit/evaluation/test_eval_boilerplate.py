from pipelines.evaluation.boilerplate import score_boilerplate

BODY = "Title\n\n" + " ".join(f"Sentence number {i} of the article." for i in range(40))
RAW = BODY + "\n\nEditor’s note: read more.\n\nYou've read 3 of 5 free articles. Subscribe."
MARKER = "Editor’s note:"


def test_exact_end():
    score = score_boilerplate(RAW, BODY + "\n", MARKER)
    assert (score.exact, score.chars_after_marker, score.chars_lost) == (True, 0, 0)


def test_exact_even_when_the_top_or_white_space_differs():
    trimmed = BODY.replace("Title\n\n", "").replace(" of", "\u00a0of")
    assert score_boilerplate(RAW, trimmed, MARKER).exact


def test_boilerplate_kept_is_counted():
    kept = BODY + "\n\nEditor's note: read more."
    score = score_boilerplate(RAW, kept, MARKER)
    assert not score.exact
    assert score.chars_after_marker == len(" Editor's note: read more.")


def test_body_cut_too_early_is_counted():
    short = BODY[: -len("Sentence number 39 of the article.")]
    score = score_boilerplate(RAW, short, MARKER)
    assert (score.exact, score.chars_after_marker) == (False, 0)
    assert score.chars_lost == len(" Sentence number 39 of the article.")


def test_empty_body():
    score = score_boilerplate(RAW, "", MARKER)
    assert not score.exact and score.chars_lost > 0
