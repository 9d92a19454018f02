"""Blank lines end sentences before the parser runs (headlines do not fuse with the body)."""

import spacy

from pipelines.nlp.sentences import Sentences, paragraph_starts
from pipelines.settings import get_settings


def _texts(doc):
    return [s.text.strip() for s in doc.sents]


def test_blank_line_starts_a_sentence(nlp):
    doc = nlp("Harbour talks stall in Lisbon\n\nThe dock workers union met port owners on Monday.")
    sents = _texts(doc)
    assert sents[0] == "Harbour talks stall in Lisbon"
    assert sents[1].startswith("The dock workers union")


def test_single_line_break_only_after_a_finished_sentence():
    blank = spacy.blank("en")
    wrapped = blank("The ministers said the deal was\nclose to done. They left.")
    assert paragraph_starts(wrapped) == []
    finished = blank("The ministers left.\nReporters waited outside.")
    assert [finished[i].text for i in paragraph_starts(finished)] == ["Reporters"]
    spaced = blank("Headline here\n \n\nBody text starts.")
    assert [spaced[i].text for i in paragraph_starts(spaced)] == ["Body"]
    assert paragraph_starts(blank("No breaks at all.")) == []
    assert paragraph_starts(blank("\n\n")) == []


def test_events_do_not_reach_into_the_headline(nlp):
    text = "Talks in Oslo\n\nNorwegian Prime Minister Lars Holm met Swedish Prime Minister Eva Lind on Monday."
    doc = nlp(text)
    consults = [e for e in doc._.pw_events if e["event_type"] == "CONSULT"]
    assert consults and all(e["start_char"] >= text.index("Norwegian") for e in consults)


def test_sentence_index_lookups():
    doc = spacy.load(get_settings().spacy_model)("One sentence here. Another one follows.")
    sentences = Sentences(doc)
    assert sentences.index_of_token(len(doc) - 1) == 1
    assert sentences.of_char(0).text.startswith("One")
