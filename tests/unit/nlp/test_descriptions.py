"""Descriptions that point back to a named actor: relatives sharing a surname, gender from
given names, "the spokesman", "the top U.S. diplomat", "the trade body", "Kenya's government"."""

from tests.unit.nlp.conftest import actor_named, quote_with

RELATIVES = (
    "Jailed shipping magnate Oskar Brandt faces a new trial. His son, Tobias Brandt, met lawmakers "
    "in Berlin on Monday to press for his release. \u201cMy father is innocent,\u201d the younger Brandt said. "
    "Brandt, 71, has been held since 2021. \u201cI will not give up,\u201d Brandt told the court last week."
)


def test_a_generation_word_picks_the_relative(run):
    doc = run(RELATIVES)
    assert quote_with(doc, "My father is innocent")["speaker_name"] == "Tobias Brandt"


def test_a_bare_surname_is_the_most_mentioned_bearer(run):
    doc = run(RELATIVES)
    assert quote_with(doc, "I will not give up")["speaker_name"] == "Oskar Brandt"


def test_a_first_name_joins_the_one_full_name_it_starts(run):
    doc = run("The daughter of the jailed editor Ramon Ortiz spoke on Monday. Ortiz's daughter Lucia "
              "called the charges absurd. Lucia Ortiz met the minister later.")
    lucia = actor_named(doc, "Lucia Ortiz")
    assert lucia is not None
    assert actor_named(doc, "Lucia") is None


def test_she_does_not_refer_to_a_man_by_his_given_name(run):
    doc = run("Jimmy Okafor founded the paper in 1995, according to Orla Keane, the lawyer who leads "
              "his legal team. She told reporters she hopes the case will be dropped.")
    quote = quote_with(doc, "case will be dropped")
    assert quote["speaker_name"] == "Orla Keane"


def test_an_apposition_to_a_person_noun_is_a_person(run):
    doc = run("Another passenger, Allah Ditta, told reporters that the guards ran away.")
    quote = quote_with(doc, "the guards ran away")
    assert quote["speaker_name"] == "Allah Ditta" and quote["speaker_kind"] == "named"


def test_the_spokesman_is_the_named_spokesman(run):
    doc = run("Kremlin spokesman Dmitry Peskov said the talks were useful. "
              "The spokesman added that \u201cnothing is agreed yet.\u201d")
    assert quote_with(doc, "talks were useful")["speaker_name"] == "Dmitry Peskov"
    assert quote_with(doc, "nothing is agreed")["speaker_name"] == "Dmitry Peskov"


def test_the_spokesperson_after_an_unnamed_one_stays_unnamed(run):
    doc = run("Kremlin spokesman Dmitry Peskov spoke on Monday. A State Department spokesperson said "
              "the talks would go on. \u201cWe are hopeful,\u201d the spokesperson added.")
    assert quote_with(doc, "We are hopeful")["speaker_kind"] == "anonymous"


def test_a_dateline_is_not_the_subject(run):
    doc = run("OSLO (AP) \u2014 Finance Minister Ingrid Solberg said the budget would be balanced.")
    assert quote_with(doc, "budget would be balanced")["speaker_name"] == "Ingrid Solberg"


def test_the_top_diplomat_is_the_foreign_minister(run):
    doc = run("Secretary of State Marco Rubio met Chinese officials on Monday. "
              "\u201cWe will keep talking,\u201d the top U.S. diplomat said.")
    assert quote_with(doc, "keep talking")["speaker_name"] == "Marco Rubio"


def test_the_trade_body_is_the_organisation_named_before(run):
    doc = run("The World Trade Organization ruled against the duties on Tuesday. "
              "The trade body said the measures \u201cbreak the rules.\u201d")
    assert quote_with(doc, "break the rules")["speaker_name"] == "World Trade Organization"


def test_the_company_needs_a_company(run):
    doc = run("The Kremlin said on Monday that talks had failed. The company said it \u201cregrets the decision.\u201d")
    assert quote_with(doc, "regrets the decision")["speaker_name"] != "Kremlin"


def test_a_countrys_government_speaks_for_the_country(run):
    doc = run("Ready or not, Norway's government says the refugees will have to leave the country.")
    assert quote_with(doc, "will have to leave")["speaker_name"] == "Norway"


def test_the_top_diplomat_after_unnamed_diplomats_is_still_the_foreign_minister(run):
    doc = run("Top diplomats from the Nordic states met in Oslo. Secretary of State Marco Rubio joined them. "
              "\u201cWe will keep talking,\u201d the top U.S. diplomat said.")
    assert quote_with(doc, "keep talking")["speaker_name"] == "Marco Rubio"


def test_an_uncoded_organisation_is_not_the_party_unless_its_name_says_so(run):
    doc = run("The Halden Fund opened an office in Oslo. The opposition party said the Fund was a front. "
              "The Green Future Party won two seats. The party said it would join the coalition.")
    fund = next(i for i, a in enumerate(doc._.pw_actors) if a["name"] == "Halden Fund")
    assert not any(m["actor"] == fund and "party" in m["surface"].lower() for m in doc._.pw_mentions)
