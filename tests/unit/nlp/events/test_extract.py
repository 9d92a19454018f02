import re
from datetime import date

from pipelines.nlp.events import to_cli_event
from pipelines.settings import PROJECT_ROOT
from tests.unit.nlp.events.conftest import only


def events_columns() -> list[str]:
    schema = (PROJECT_ROOT / "pipelines" / "warehouse" / "schema.sql").read_text(encoding="utf-8")
    body = re.search(r"CREATE TABLE IF NOT EXISTS nlp\.events \((.*?)\n\);", schema, re.S).group(1)
    return [line.split()[0] for line in body.splitlines() if line.strip() and not line.strip().startswith("--")]


def test_rows_have_exactly_the_table_columns(events_of):
    """The table's columns, plus the two sides' countries that pipelines.nlp.extract.event_row
    hands on to the CLI record (not stored: the marts join actors for them)."""
    rows = events_of("Russian forces attacked Ukraine on Feb. 24.")
    assert rows
    expected = set(events_columns()) - {"extractor_version"} | {"source_country", "target_country"}
    for row in rows:
        assert set(row) == expected
        assert (row["source_country"], row["target_country"]) == ("RUS", "UKR")


def test_assault_with_source_target_date_and_score(events_of):
    row = only(events_of("Russian forces attacked Ukraine on Feb. 24."), "ASSAULT")
    assert (row["source_name"], row["target_name"]) == ("Russia", "Ukraine")
    assert (row["event_date"], row["date_granularity"], row["date_flag"]) == ("2022-02-24", "day", "from_text")
    assert row["modality"] == "asserted" and row["score"] == -9
    assert row["article_id"] == "art1" and len(row["event_id"]) == 16
    assert "attacked" in row["evidence"]


def test_negated_intent_stays_the_same_type(events_of):
    row = only(events_of("Vladimir Putin said he does not intend to attack Ukraine."), "ASSAULT")
    assert row["modality"] == "negated"
    assert row["source_name"] == "Vladimir Putin"


def test_future_visit_gets_next_weekday_and_place(events_of):
    row = only(events_of("Secretary of State Antony Blinken will go to Paris on Tuesday to meet Emmanuel Macron."),
               "CONSULT")
    assert row["modality"] == "future"
    assert row["event_date"] == "2022-03-08"
    assert (row["source_name"], row["target_name"]) == ("Antony Blinken", "Emmanuel Macron")
    assert (row["location_name"], row["location_country"]) == ("Paris", "FRA")
    assert row["latitude"] is not None and row["mode"] == "visit"


def test_counts_and_month_ranges(events_of):
    row = only(events_of("Emmanuel Macron has spoken to Vladimir Putin 11 times over the past month."), "CONSULT")
    assert row["event_count"] == 11
    assert (row["event_date"], row["date_granularity"]) == ("2022-02-01", "month")
    assert to_cli_event(row)["date"] == "2022-02"


def test_hypothetical_force_is_a_threat(events_of):
    rows = events_of("If Russia attacks Ukraine, the United States could impose sanctions on Russia.")
    row = only(rows, "THREATEN")
    assert row["modality"] == "hypothetical"
    assert (row["source_name"], row["target_name"]) == ("United States", "Russia")


def test_refusal_and_request(events_of):
    rows = events_of("Iran asked Iraq to stop the shelling. Iraq refused.")
    request = only(rows, "REQUEST")
    assert (request["source_name"], request["target_name"]) == ("Iran", "Iraq")
    reject = only(rows, "REJECT")
    assert (reject["source_name"], reject["target_name"]) == ("Iraq", "Iran")  # answers the request


def test_compound_source_gives_one_event_per_actor(events_of):
    rows = [r for r in events_of("The United States and Jordan signed an agreement with Israel.")
            if r["event_type"] == "SUPPORT"]
    assert sorted(r["source_name"] for r in rows) == ["Jordan", "United States"]
    assert {r["target_name"] for r in rows} == {"Israel"}
    assert len({r["event_id"] for r in rows}) == 2


def test_nominal_event(events_of):
    row = only(events_of("Russia's invasion of Ukraine began on Feb. 24."), "ASSAULT")
    assert (row["source_name"], row["target_name"], row["event_date"]) == ("Russia", "Ukraine", "2022-02-24")


def test_one_event_per_action_in_a_sentence(events_of):
    rows = events_of("Israeli Prime Minister Naftali Bennett met Vladimir Putin on a surprise visit to Moscow "
                     "on Saturday.")
    row = only(rows, "CONSULT")
    assert (row["event_date"], row["location_name"], row["mode"]) == ("2022-03-05", "Moscow", "visit")


def test_coordinated_actions_stay_apart(events_of):
    rows = events_of("Naftali Bennett met Vladimir Putin in Moscow on Saturday and spoke with him by phone "
                     "on Sunday.")
    consults = sorted((r["event_date"], r["mode"]) for r in rows if r["event_type"] == "CONSULT")
    assert consults == [("2022-03-05", None), ("2022-03-06", "phone")]


def test_same_event_reported_twice_shares_a_fingerprint(events_of):
    rows = [r for r in events_of("Russia attacked Ukraine on Feb. 24. Officials said Russian troops "
                                 "attacked Ukraine on Feb. 24.") if r["event_type"] == "ASSAULT"]
    assert len(rows) == 2
    assert rows[0]["fingerprint"] == rows[1]["fingerprint"]
    assert rows[0]["event_id"] != rows[1]["event_id"]


def test_no_date_is_never_the_publication_date(events_of):
    row = only(events_of("The West squeezes Russia with sanctions."), "SANCTION")
    assert row["event_date"] is None and row["date_flag"] == "unresolved"
    assert (row["source_name"], row["target_name"]) == ("the West", "Russia")


def test_background_years_and_relative_years(events_of):
    rows = events_of("Emmanuel Macron first hosted Vladimir Putin at Versailles in 2017. "
                     "Two years later they discussed Ukraine at the Fort de Bregancon.")
    consults = [r for r in rows if r["event_type"] == "CONSULT"]
    assert [(r["event_date"], r["date_granularity"]) for r in consults] == [("2017-01-01", "year"),
                                                                           ("2019-01-01", "year")]
    assert consults[0]["mode"] == "host" and consults[0]["location_name"] == "Versailles"
    assert (consults[1]["source_name"], consults[1]["target_name"]) == ("Emmanuel Macron", "Vladimir Putin")


def test_narrative_date_carries_to_the_same_actors(events_of):
    rows = events_of("Vladimir Putin called Emmanuel Macron on Thursday. Putin accused Ukraine of war crimes.")
    accuse = only(rows, "ACCUSE")
    assert (accuse["event_date"], accuse["date_flag"]) == ("2022-03-03", "inherited")


def test_no_publication_date_leaves_relative_dates_unresolved(events_of):
    row = only(events_of("Russian forces attacked Ukraine on Saturday.", published=None), "ASSAULT")
    assert row["event_date"] is None and row["date_flag"] == "unresolved" and row["date_text"] == "on Saturday"


def test_non_events_and_bad_input(events_of):
    assert events_of("The weather in Paris was mild on Saturday.") == []
    assert events_of("") == []
    assert events_of("   \n\n  ") == []


def test_cli_shape():
    row = {"source_name": "A", "event_type": "CONSULT", "mode": "phone", "target_name": "B",
           "event_date": "2017-01-01", "date_granularity": "year", "location_name": None,
           "modality": "asserted", "start_char": 1, "end_char": 5}
    assert to_cli_event(row) == {"source": "A", "type": "CONSULT", "mode": "phone", "target": "B", "date": "2017",
                                 "location": None, "modality": "asserted", "start": 1, "end": 5}
    assert to_cli_event({**row, "event_date": None})["date"] is None
    assert to_cli_event({**row, "event_date": date(2022, 3, 5), "date_granularity": "day"})["date"] == "2022-03-05"
