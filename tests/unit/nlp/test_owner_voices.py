"""Who speaks through a statement or a report, and whom "the militants" refers back to."""

from tests.unit.nlp.conftest import quote_with


def test_a_statement_or_report_speaks_for_its_named_owner(run):
    doc = run("The Nordic Council met in Oslo. The Nordic Council joint statement said the bloc remains "
              "\u201cdeeply concerned about fishing quotas.\u201d A 2019 report by the Arctic Fisheries Agency "
              "said stocks were \u201cin steep decline.\u201d")
    assert quote_with(doc, "deeply concerned")["speaker_name"] == "Nordic Council"
    assert quote_with(doc, "steep decline")["speaker_name"] == "Arctic Fisheries Agency"


def test_a_spokesman_stays_an_unnamed_source(run):
    doc = run("The Nordic Council's spokesman said the talks \u201cwent well.\u201d")
    quote = quote_with(doc, "went well")
    assert quote["speaker_kind"] == "anonymous"


def test_the_militants_are_the_armed_group_named_before(run):
    doc = run("The Free Coast Liberation Army said it attacked the convoy on Monday. "
              "The militants later attacked a police station in the port, officials said.")
    sources = {e["source_name"] for e in doc._.pw_events if e["event_type"] == "ASSAULT"}
    assert "The militants" not in sources and "militants" not in sources
    assert "Free Coast Liberation Army" in sources


def test_the_statement_speaks_for_whoever_issued_it_before(run):
    doc = run("The Arctic Fisheries Agency issued a statement on Monday about the new quotas. "
              "The statement said the cuts would \u201cprotect the cod for a generation.\u201d")
    assert quote_with(doc, "protect the cod")["speaker_name"] == "Arctic Fisheries Agency"


def test_the_statement_of_a_speaker_who_said_it_in_a_statement(run):
    doc = run("\u201cWe will not sign,\u201d Finance Minister Lena Ortmann said in a statement on Tuesday. "
              "The statement said the levy was \u201cunworkable.\u201d")
    assert quote_with(doc, "unworkable")["speaker_name"] == "Lena Ortmann"


def test_a_statement_without_an_issuer_stays_unnamed(run):
    doc = run("A statement was posted online on Monday. The statement said the port \u201cwill stay shut.\u201d")
    assert quote_with(doc, "will stay shut")["speaker_kind"] == "anonymous"


def test_members_of_an_international_body_speak_as_the_body(run):
    doc = run("Top diplomats from the African Union met in Addis Ababa on Monday. "
              "\u201cWe will send observers to the border,\u201d the diplomats said in a joint statement. "
              "African Union foreign ministers said the mission would start in May.")
    assert quote_with(doc, "send observers")["speaker_name"] == "African Union"
    assert quote_with(doc, "mission would start")["speaker_name"] == "African Union"


def test_members_of_a_company_board_do_not_speak_as_the_company(run):
    # only bodies coded IGO speak through their members: a board member is not Siemens
    doc = run("Siemens board members said the new shifts were \u201cimpossible to keep.\u201d")
    quote = quote_with(doc, "impossible to keep")
    assert quote["speaker_kind"] == "anonymous" and quote["speaker_name"] != "Siemens"


def test_data_from_an_agency_speaks_for_the_agency(run):
    doc = run("Cod stocks had fallen by half since 2010, according to data from the Arctic Fisheries Agency.")
    assert quote_with(doc, "stocks had fallen")["speaker_name"] == "Arctic Fisheries Agency"


def test_a_person_tagged_as_a_place_after_a_capitalised_title(run):
    doc = run("Solo Mayor Hadi Rudyatmo said the ban would start in May. \u201cWe will do it slowly,\u201d said the mayor.")
    assert quote_with(doc, "ban would start")["speaker_name"] == "Hadi Rudyatmo"
    assert quote_with(doc, "do it slowly")["speaker_name"] == "Hadi Rudyatmo"


def test_the_school_is_the_school_named_before(run):
    doc = run("The Lilongwe Girls Primary School refused to enroll the girl. "
              "The school said her braids broke a rule requiring short hair.")
    assert quote_with(doc, "her braids broke")["speaker_name"] == "Lilongwe Girls Primary School"


def test_a_source_of_income_is_not_a_news_source(run):
    doc = run("Mayor Anna Lindqvist, aware that fishermen need a new source of income, said the ban "
              "would come slowly. \u201cWe will talk to them first,\u201d she added.")
    assert quote_with(doc, "talk to them first")["speaker_name"] == "Anna Lindqvist"
    assert not any(d["surface"].endswith("source of income") for d in doc._.pw_descriptions)
