"""Quotes and speakers, one style or rule per test, on small texts written for the tests."""

from tests.unit.nlp.conftest import quote_with


def test_direct_quote_with_inverted_attribution(run):
    doc = run("“The talks will resume next week,” said Maria Lopez, a spokeswoman for the ministry.")
    q = quote_with(doc, "talks will resume")
    assert q["text"] == "The talks will resume next week,"
    assert q["kind"] == "direct" and q["cue"] == "said"
    assert q["speaker_name"] == "Maria Lopez" and q["speaker_kind"] == "named"


def test_direct_quote_over_several_sentences(run):
    doc = run("“We tried. We failed. We will try again,” Prime Minister John Carter told reporters.")
    q = quote_with(doc, "We tried")
    assert q["text"] == "We tried. We failed. We will try again,"
    assert q["speaker_name"] == "John Carter"


def test_indirect_quote_is_the_complement_clause(run):
    doc = run("Foreign Minister Anna Berg said that the border would stay closed until June.")
    q = quote_with(doc, "border")
    assert q["text"] == "the border would stay closed until June"
    assert q["kind"] == "indirect" and q["speaker_name"] == "Anna Berg"


def test_inverted_indirect_quote(run):
    doc = run("The border will stay closed until June, Anna Berg said on Tuesday.")
    q = quote_with(doc, "border")
    assert q["text"] == "The border will stay closed until June"
    assert q["speaker_name"] == "Anna Berg"


def test_mixed_quote_keeps_the_reported_clause(run):
    doc = run("Anna Berg claimed that the plan was “doomed from the start” and would be dropped.")
    q = quote_with(doc, "doomed")
    assert q["kind"] == "mixed"
    assert q["text"].startswith("the plan was “doomed")


def test_colon_introduced_quote(run):
    doc = run("President Omar Said wrote on social media: “Our doors remain open to dialogue.”")
    q = quote_with(doc, "doors remain open")
    assert q["text"] == "Our doors remain open to dialogue."
    assert q["speaker_name"] == "Omar Said"


def test_according_to_at_the_end_and_at_the_start(run):
    doc = run("The convoy reached the city on Monday, according to the U.N. refugee agency. "
              "According to Mark Evans, the talks collapsed overnight.")
    first = quote_with(doc, "convoy")
    assert first["text"] == "The convoy reached the city on Monday"
    second = quote_with(doc, "collapsed")
    assert second["text"] == "the talks collapsed overnight" and second["speaker_name"] == "Mark Evans"


def test_pronoun_speaker_resolves_to_previous_subject(run):
    doc = run("Chancellor Klaus Weber met the unions on Monday. He said the reform would be delayed.")
    q = quote_with(doc, "reform")
    assert q["speaker_kind"] == "pronoun" and q["speaker_name"] == "Klaus Weber"


def test_pronoun_skips_names_inside_quotation_marks(run):
    doc = run("“I spoke to President Lee twice,” Governor Sara Holm said. She said talks would go on.")
    q = quote_with(doc, "talks would go on")
    assert q["speaker_name"] == "Sara Holm"


def test_quote_without_cue_continues_the_previous_speaker(run):
    doc = run("“We are ready,” said General Tom Reyes. “Nobody should doubt our resolve.”")
    q = quote_with(doc, "Nobody should doubt")
    assert q["cue"] is None and q["speaker_name"] == "Tom Reyes"


def test_anonymous_sources_are_marked_with_their_country(run):
    doc = run("A senior French official said the ceasefire was holding. "
              "U.S. officials said the deal was close. Critics claimed the vote had been rigged.")
    french = quote_with(doc, "ceasefire")
    assert french["speaker_kind"] == "anonymous" and french["speaker_country"] == "FRA"
    assert french["anonymous_description"] == "A senior French official"
    us = quote_with(doc, "deal was close")
    assert us["speaker_kind"] == "anonymous" and us["speaker_country"] == "USA" and us["speaker_sector"] == "GOV"
    assert quote_with(doc, "rigged")["speaker_kind"] == "anonymous"


def test_report_relayed_by_an_inverted_source(run):
    doc = run("Mr. Ivanov told the envoy the operation was “going to plan,” the official said.")
    q = quote_with(doc, "operation")
    assert q["text"].startswith("the operation was")
    assert q["speaker_kind"] == "anonymous"


def test_scare_quotes_are_not_quotes(run):
    doc = run("The two sides agreed on the principle of “dialogue” at the summit in Geneva.")
    assert doc._.pw_quotes == []


def test_embedded_question_is_not_a_quote(run):
    doc = run("Officials explained how the money would be spent.")
    assert doc._.pw_quotes == []


def test_odd_quote_marks_do_not_derail_later_quotes(run):
    doc = run("He called it a “betrayal and walked out.\n\n“We will be back,” said Nina Park.")
    q = quote_with(doc, "We will be back")
    assert q is not None and q["speaker_name"] == "Nina Park"


def test_single_quoted_speech(run):
    doc = run("‘We will not give up,’ said Nina Park.")
    assert quote_with(doc, "give up")["speaker_name"] == "Nina Park"


def test_quotes_in_boilerplate_are_ignored(run):
    body = "The minister said the plan was final.\n\n" * 3
    tail = "Editor's note: Subscribe to continue.\n\n“You are bigger than you think,” writes our editor.\n"
    doc = run(body + tail)
    assert all(q["start"] < doc._.pw_body_end for q in doc._.pw_quotes)
    assert quote_with(doc, "bigger than") is None


def test_same_statement_same_speaker_same_fingerprint(run):
    a = run("“The border stays closed,” said Anna Berg, the foreign minister.")
    b = run("Talks stalled again. “The border stays closed,” Anna Berg said on Friday.")
    assert quote_with(a, "border")["fingerprint"] == quote_with(b, "border")["fingerprint"]
    c = run("“The border stays closed,” said Paul Smith.")
    assert quote_with(c, "border")["fingerprint"] != quote_with(a, "border")["fingerprint"]


def test_unnamed_common_noun_speaker_is_anonymous(run):
    doc = run("“People just want to travel,” a receptionist told me.")
    q = quote_with(doc, "People just want")
    assert q["speaker_kind"] == "anonymous" and q["anonymous_description"] == "a receptionist"


def test_report_stops_before_a_second_report(run):
    doc = run("Chancellor Klaus Weber said talks with Beijing must continue, and he indicated that Berlin might abstain.")
    first = quote_with(doc, "talks with Beijing")
    assert first["text"] == "talks with Beijing must continue"
    assert quote_with(doc, "might abstain")["text"] == "Berlin might abstain"


def test_parenthetical_attribution_inside_the_report(run):
    doc = run("Such matters, Anna Berg told reporters, should be decided by referendum.")
    q = quote_with(doc, "Such matters")
    assert q["text"].endswith("should be decided by referendum") and q["speaker_name"] == "Anna Berg"


# --- participles, statements that say, and labels in quote marks ---------------------------

def test_a_participle_after_the_attribution_is_indirect_speech_of_the_same_speaker(run):
    doc = run("\u201cThe rescue went well,\u201d Colonel Imran Qadir said, adding that two guards were hurt.")
    quote = quote_with(doc, "two guards were hurt")
    assert quote["kind"] == "indirect" and quote["speaker_name"] == "Imran Qadir"


def test_a_statement_saying_speaks_for_whoever_issued_it(run):
    doc = run("The Arctic Fisheries Agency issued a statement on Monday saying the quotas would be cut.")
    quote = quote_with(doc, "quotas would be cut")
    assert quote["speaker_name"] == "Arctic Fisheries Agency"


def test_walking_away_saying_nothing_is_no_quote(run):
    doc = run("She walked home, saying nothing.")
    assert doc._.pw_quotes == []


def test_quoted_words_that_label_an_object_are_a_mixed_quote(run):
    doc = run("Lena Ortmann, head of the Brewers Guild, called the new levy on exported beer "
              "\u201ca disaster for small breweries.\u201d Others disagreed.")
    quote = quote_with(doc, "a disaster for small breweries")
    assert quote["kind"] == "mixed" and quote["speaker_name"] == "Lena Ortmann"
    assert quote["text"].startswith("the new levy")


def test_a_label_before_an_inverted_attribution_is_the_quoted_words_alone(run):
    doc = run("He called them \u201ccowards,\u201d the minister said.")
    assert [q["text"] for q in doc._.pw_quotes] == ["cowards,"]


def test_quoted_words_of_another_clause_are_not_a_label(run):
    doc = run("Critics called the vote a sham, and the opposition promised \u201ca long fight.\u201d")
    assert not any(q["cue"] == "called" for q in doc._.pw_quotes)


def test_a_quoted_question_then_asked_is_a_direct_quote(run):
    doc = run("Janusz Kowal is a fellow at the Baltic Institute. \u201cIs this going to include other "
              "leaders? What about the neighbours?\u201d Kowal asked.")
    quote = quote_with(doc, "What about the neighbours")
    assert quote["kind"] == "direct" and quote["speaker_name"] == "Janusz Kowal"


def test_a_second_report_parsed_inside_the_first_is_cut_off(run):
    # the small model parses "added" into the first report here
    doc = run("Governor Jonas Ortmann visited the market on Monday. He pointed out that Peru does not recognize "
              "cat meat as food, and added that by stopping people from consuming cat meat, he hopes to contain "
              "the spread of rabies.")
    first, second = quote_with(doc, "does not recognize"), quote_with(doc, "hopes to contain")
    assert first is not None and "added" not in first["text"]
    # the second report is the speaker's, not that of the clause it was parsed into ("Peru")
    assert second is not None and second["speaker_name"] == "Jonas Ortmann"


def test_according_to_unnamed_scientists_at_the_start(run):
    doc = run("According to scientists, it is rare for the virus to pass to people who eat cooked meat.")
    quote = quote_with(doc, "rare for the virus")
    assert quote is not None and quote["speaker_kind"] == "anonymous"


def test_a_request_after_a_quote_is_not_its_attribution(run):
    # "urged X to Y" reports its own request: the quote before it keeps the previous speaker
    doc = run('Jane Odhiambo teaches politics at the University of Nairobi. "The measures will include '
              'asset freezes," Odhiambo said. "They may cut aid to the region as well." The African Union '
              'has also urged Kenyan leaders to agree on a way forward.')
    q = quote_with(doc, "They may cut aid")
    assert q["speaker_name"] == "Jane Odhiambo" and q["cue"] is None


def test_an_attribution_with_a_participle_after_it_still_attributes(run):
    doc = run('"We made that decision together," Jane Odhiambo said leaving the courthouse on Tuesday.')
    q = quote_with(doc, "We made that decision")
    assert q["speaker_name"] == "Jane Odhiambo" and q["cue"] == "said"


def test_an_apposition_may_stand_between_the_speaker_and_the_verb(run):
    doc = run("“The line is closed until further notice,” Tariq Hussain, the regional manager of the railway "
              "in Multan, told VOA on Monday.")
    q = quote_with(doc, "The line is closed")
    assert q is not None and q["speaker_name"] == "Tariq Hussain" and q["cue"] == "told"


def test_a_name_beside_an_unnamed_source_noun_is_a_person_whatever_the_models_label(run):
    # the model tags "Maja Kocijancic" GPE; "spokeswoman" in apposition makes her a person
    doc = run("“We are drafting a reply to the proposal,” Maja Kocijancic, EU spokeswoman for trade, "
              "told reporters in Brussels.")
    assert quote_with(doc, "drafting a reply")["speaker_name"] == "Maja Kocijancic"


def test_a_cue_with_an_object_of_its_own_is_no_attribution(run):
    # "denies the charges" says something of its own: the quote before it keeps its speaker
    doc = run('"This has been my client’s position from the start," lawyer Ruth Moyo told VOA. "He is being '
              'punished for his work." Tendai Dube, who faces two charges of incitement, denies the charges '
              'against him.')
    assert quote_with(doc, "He is being punished")["speaker_name"] == "Ruth Moyo"


def test_a_relative_clause_may_stand_between_the_speaker_and_the_verb(run):
    doc = run('"Too little, too late," Joshua Wong, who leads the student group Demosisto, told reporters. '
              "The talks will resume next week, Ana Ruiz, who leads the delegation, told VOA.")
    assert quote_with(doc, "Too little")["speaker_name"] == "Joshua Wong"
    q = quote_with(doc, "The talks will resume")
    assert q is not None and q["speaker_name"] == "Ana Ruiz" and q["kind"] == "indirect"


def test_a_quote_paragraph_continues_the_speaker_of_the_paragraph_before(run):
    doc = run('"We must ask how well we have applied his lessons," Obama said.\n\n'
              '"It is a question I ask myself, as a man and as a president."')
    q = quote_with(doc, "It is a question I ask myself")
    assert q is not None and q["speaker_name"].endswith("Obama") and q["cue"] is None


def test_words_after_a_quote_that_attribute_it_beat_the_previous_speaker(run):
    doc = run('"The plan will fail," Mayor Ana Ruiz said.\n\n"Many people here feel isolated and forgotten by '
              'the city," a local official was quoted as saying.')
    q = quote_with(doc, "Many people here feel")
    assert q["speaker_kind"] == "anonymous" and q["speaker_name"] != "Ana Ruiz"


def test_a_quoted_phrase_in_the_next_paragraph_is_no_continuation(run):
    doc = run('"We will appeal," Ana Ruiz said.\nRuiz later sat next to the governor at a dinner about "reform."')
    assert quote_with(doc, "dinner") is None
