"""The per-Doc memo: the same answers as spaCy's own properties, however the text arrives."""

import spacy

from pipelines.nlp import doc_cache


def test_text_and_token_slices_match_spacy():
    doc = spacy.blank("en")("Macron spoke \n\n to Putin  on Friday. ")
    assert doc_cache.doc_text(doc) == doc.text
    assert doc_cache.tokens_text(doc, 0, 2) == doc[0:2].text
    assert doc_cache.tokens_text(doc, 3, len(doc)) == doc[3:].text


def test_a_handed_over_text_is_used_only_when_it_is_the_docs_own():
    blank = spacy.blank("en")
    doc = blank("Putin called Macron.")
    doc_cache.remember_text(doc, "Putin called Macron.")
    assert doc_cache.doc_text(doc) == "Putin called Macron."
    other = blank("Putin called Macron.")
    doc_cache.remember_text(other, "Biden called Scholz, the chancellor.")  # not its text
    assert doc_cache.doc_text(other) == "Putin called Macron."
    empty = blank("")
    doc_cache.remember_text(empty, "")
    assert doc_cache.doc_text(empty) == ""


def test_the_pipeline_gives_the_same_results_with_and_without_the_text_in_the_context(nlp):
    text = "Harbour talks\n\nFrench President Emmanuel Macron said on Friday that \u201cwe will not give up.\u201d He met Putin."
    with_text, _ = next(nlp.pipe([(text, {"article_id": "a", "text": text})], as_tuples=True))
    without, _ = next(nlp.pipe([(text, {"article_id": "a"})], as_tuples=True))
    assert with_text._.pw_quotes == without._.pw_quotes and with_text._.pw_quotes
    assert with_text._.pw_actors == without._.pw_actors
