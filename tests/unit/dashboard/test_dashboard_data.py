"""data.py and filters.py against the fixture snapshot: filters, search, the SQL console guard."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

import dashboard_warehouse_builder as builder
from dashboard import console, data, db, ui
from dashboard.filters import Filters, article_conditions


def test_filter_conditions_carry_only_the_parameters_they_use():
    assert article_conditions(Filters(include_duplicates=True)) == ("TRUE", {})
    condition, params = article_conditions(Filters(start=date(2024, 3, 4), outlets=("VOA",)), "x")
    assert params == {"f_start": date(2024, 3, 4), "f_outlets": ["VOA"]}
    assert "x.published_date >= $f_start" in condition and "x.is_canonical" in condition
    assert "VOA" not in condition  # values travel as parameters, never in the SQL text


def test_filter_options_and_counts(dashboard_warehouse):
    options = data.filter_options()
    assert options["outlets"] == ["Wire Service", "Daily Ledger", "VOA"]  # busiest first
    assert (options["min_date"], options["max_date"]) == (date(2024, 3, 1), date(2024, 3, 7))
    assert data.overview_counts(Filters())["articles"] == 5
    assert data.overview_counts(Filters(include_duplicates=True))["articles"] == 6
    assert data.overview_counts(Filters(start=date(2024, 3, 6)))["articles"] == 2
    assert data.overview_counts(Filters(outlets=("VOA", "Daily Ledger")))["articles"] == 3


def test_search_is_literal_and_case_insensitive(dashboard_warehouse):
    assert list(data.search_actors("STOLT")["name"]) == ["Jens Stoltenberg"]
    assert list(data.search_actors("putin")["name"]) == ["Vladimir Putin"]
    assert data.search_actors("%").empty  # LIKE wildcards in a search are plain characters
    assert data.search_actors("_").empty
    assert len(data.search_actors("")) == 12
    assert data.search_terms('"air defence" aid') == ["air defence", "aid"]
    assert data.search_terms('unbalanced "quote') == ["unbalanced", "quote"]
    found = data.search_quotes(Filters(), data.QuoteSearch(text='"air defence" officials'))
    assert found.empty  # every term must appear in the quote text
    found = data.search_quotes(Filters(), data.QuoteSearch(text='"AIR DEFENCE"'))
    assert list(found["anonymous_description"]) == ["officials"]


def test_a_linked_one_word_person_leads_to_the_full_name_person(own_snapshot):
    putin = builder.ACTORS["putin"].actor_id
    lone = builder.link_one_word_person(own_snapshot, "Putin", "putin")
    # the word's own row (named exactly "Putin", no mentions of its own) is not offered
    assert list(data.search_actors("putin")["actor_id"]) == [putin]
    assert lone not in set(data.search_actors("")["actor_id"])
    # the article's "Putin" is shown as, and links to, Vladimir Putin
    call = builder.realistic_corpus().tables["raw.articles"][0]["article_id"]
    mentions = data.article_annotations(call)["mentions"]
    word = mentions[mentions["surface"] == "Putin"]
    assert list(zip(word["actor_id"], word["name"])) == [(putin, "Vladimir Putin")]


def test_quotes_about_an_actor_are_quotes_by_others_that_mention_them(dashboard_warehouse):
    putin = builder.ACTORS["putin"].actor_id
    about = data.quotes_about(putin, Filters())
    assert list(about["text"]) == ["Putin is isolated,"]
    assert list(data.quotes_by_speaker(putin, Filters())["kind"]) == ["indirect"]
    nato = builder.ACTORS["nato"].actor_id
    assert list(data.quotes_about(nato, Filters())["speaker_name"]) == ["Vladimir Putin"]


def test_cooccurrence_network_is_the_actor_and_its_neighbours(dashboard_warehouse):
    network = data.cooccurrence_network(builder.ACTORS["griffiths"].actor_id)
    assert set(network["nodes"]["name"]) == {"Martin Griffiths", "United Nations", "Sudan", "Rapid Support Forces"}
    assert len(network["edges"]) == 6  # four actors of one article, every pair


def test_article_annotations_offsets_point_at_their_text(dashboard_warehouse):
    article_id = builder.realistic_corpus().tables["raw.articles"][0]["article_id"]
    story = data.article(article_id)
    notes = data.article_annotations(article_id)
    for row in notes["mentions"].to_dict("records"):
        assert story["text"][row["start_char"]:row["end_char"]] == row["surface"]
    for row in notes["quotes"].to_dict("records"):
        assert story["text"][row["start_char"]:row["end_char"]] == row["text"]


def test_eval_results_absent_present_and_broken(dashboard_warehouse, tmp_path):
    assert data.eval_results() is None
    path = data.eval_results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"generated_at": "x", "rows": [{"set": "s", "metric": "m", "value": 1, "goal": 0.5}]}))
    assert data.eval_results()["rows"][0]["metric"] == "m"
    path.write_text(json.dumps({"rows": "not a list"}))
    with pytest.raises(ValueError, match="rows"):
        data.eval_results()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE marts.dim_articles SET title = 'x'",
        "DELETE FROM raw.articles",
        "INSERT INTO marts.dim_actors SELECT * FROM marts.dim_actors",
        "CREATE TEMP TABLE t AS SELECT 1",
        "SET threads = 1",
        "PRAGMA enable_profiling",
        "INSTALL httpfs",
        "LOAD httpfs",
        "CALL pragma_version()",
        "EXPORT DATABASE '/tmp/presswatch_export'",
        "DETACH warehouse",
        "SELECT 1; SELECT 2",
        "   ",
    ],
)
def test_console_refuses_everything_but_one_read(sql, dashboard_warehouse):
    with pytest.raises(console.ConsoleRefused):
        console.run_console_query(sql)


def test_console_runs_reads_and_explains(dashboard_warehouse):
    result = console.run_console_query("SELECT 1 AS a, 2 AS a;")
    assert list(result.frame.columns) == ["a", "a_2"]  # duplicate names kept apart
    assert not result.truncated
    explained = console.run_console_query("EXPLAIN SELECT * FROM marts.dim_articles")
    assert len(explained.frame) >= 1
    described = console.run_console_query("DESCRIBE marts.fct_quotes")
    assert "speaker_kind" in set(described.frame["column_name"])


def test_console_caps_rows_and_stops_runaway_queries(dashboard_warehouse):
    capped = console.run_console_query("SELECT * FROM range(10)", max_rows=3)
    assert len(capped.frame) == 3 and capped.truncated
    with pytest.raises(console.ConsoleError, match="Stopped after"):
        console.run_console_query("SELECT count(*) FROM range(100000000000) a", timeout_s=0.3)


def test_console_reports_duckdb_errors(dashboard_warehouse):
    with pytest.raises(console.ConsoleError, match="disabled by configuration"):
        console.run_console_query("SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(console.ConsoleError, match="does not exist"):
        console.run_console_query("SELECT * FROM marts.no_such_table")
    with pytest.raises(console.ConsoleError):
        console.run_console_query("SELEC 1")


def test_connection_uses_the_published_path_only(dashboard_warehouse, monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSWATCH_PUBLISHED", str(tmp_path / "nowhere.duckdb"))
    assert db.snapshot_version() is None
    with pytest.raises(db.SnapshotMissing):
        data.overview_counts(Filters())
    with pytest.raises(db.SnapshotMissing):
        db.query_df("SELECT 1")


def test_markdown_escaping_keeps_data_inert():
    assert ui.md_escape("[click](javascript:alert(1))") == r"\[click\]\(javascript\:alert\(1\)\)"
    assert ui.md_escape("$x$ **bold** :red[hi]") == r"\$x\$ \*\*bold\*\* \:red\[hi\]"
    assert ui.md_escape(None) == ""


def test_duckdb_refuses_file_access_even_past_the_console_guard(dashboard_warehouse):
    with db.connect() as con, pytest.raises(duckdb.PermissionException):
        con.execute("SELECT * FROM glob('/etc/*')")
