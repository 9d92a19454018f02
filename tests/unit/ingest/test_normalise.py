from pipelines.ingest.normalise import article_id_for, normalise_text, word_count


def test_normalise_spaces_line_ends_and_controls():
    raw = "Ｔｈｅ\u00a0minister\u2009said\r\nhello\rworld\x00\x07 \t \n\n\n\n\nend\u200b.  "
    assert normalise_text(raw) == "The minister said\nhello\nworld\n\nend."


def test_normalise_keeps_tabs_and_single_blank_lines():
    assert normalise_text("a\tb\n\nc") == "a\tb\n\nc"


def test_normalise_empty_and_lone_surrogate():
    assert normalise_text("") == ""
    assert normalise_text("bad \ud800 surrogate") == "bad surrogate"


def test_article_id_ignores_trivial_reformatting():
    body = normalise_text("The minister said\nthe talks went well.")
    assert article_id_for(body) == article_id_for("the MINISTER said   the talks\n\nwent well.")
    assert article_id_for(body) != article_id_for("The minister said the talks went badly.")
    assert len(article_id_for(body)) == 16


def test_word_count():
    assert word_count("one two\nthree") == 3
