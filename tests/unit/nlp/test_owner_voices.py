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
