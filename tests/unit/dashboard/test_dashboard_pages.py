"""Every dashboard page rendered with AppTest against the fixture snapshot.

The fixture (dashboard_warehouse_builder.realistic_corpus) holds six articles: five canonical
ones plus a near-duplicate of the Macron–Putin call, across VOA, Wire Service and Daily Ledger,
with 12 actors, 10 quotes (one in the duplicate), 10 events and 4 rejected inputs.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from dashboard_testkit import PAGES, assert_clean, elements, html_bodies, metric

import dashboard_warehouse_builder as builder

CORPUS = builder.realistic_corpus()
CALL_ID = CORPUS.tables["raw.articles"][0]["article_id"]  # the Macron–Putin call (canonical copy)
PUTIN_ID = builder.ACTORS["putin"].actor_id
XSS_ID = builder.digest("article", builder.XSS_TEXT)


@pytest.mark.parametrize("page, title", PAGES.items())
def test_every_page_says_no_data_yet_without_a_snapshot(page, title, render, monkeypatch, tmp_path):
    monkeypatch.setenv("PRESSWATCH_PUBLISHED", str(tmp_path / "published" / "warehouse.duckdb"))
    at = render(page)
    assert not at.exception
    assert [t.value for t in at.title] == [title]
    assert any("No data yet — run `make pipeline`" in info.value for info in at.info)
    assert not at.sidebar.multiselect  # no filters over data that does not exist


@pytest.mark.parametrize("page, title", PAGES.items())
def test_every_page_renders_the_fixture(page, title, render, dashboard_warehouse):
    at = render(page)
    assert_clean(at)
    assert [t.value for t in at.title] == [title]


def test_overview_counts_freshness_and_leaders(render, dashboard_warehouse):
    at = render()
    assert_clean(at)
    assert metric(at, "Articles") == "5"  # the near-duplicate is not counted twice
    assert metric(at, "Outlets") == "3"
    assert metric(at, "Actors mentioned") == "12"
    assert metric(at, "Quotes") == "9"
    assert metric(at, "Events") == "10"
    assert metric(at, "Rejected inputs") == "4"
    assert metric(at, "Newest article") == "2024-03-07"
    assert metric(at, "Last extraction") == "succeeded"
    assert metric(at, "Last successful run") == "just now"
    assert len(elements(at, "vega_lite_chart")) == 1
    actors, speakers = at.dataframe
    assert actors.value.iloc[0]["name"] == "Vladimir Putin"  # 3 canonical mentions, more than anyone
    assert speakers.value.iloc[0]["speaker"] == "Jens Stoltenberg"  # the only one quoted twice
    assert int(speakers.value.iloc[0]["quotes"]) == 2


def test_quote_cards_say_how_many_articles_carry_a_quote(render, dashboard_warehouse):
    at = render("views/quotes.py")
    at.sidebar.toggle(key="flt_duplicates").set_value(True).run()
    cards = [body for body in html_bodies(at) if "We need a real dialogue" in body]
    assert len(cards) == 2 and all("carried by 2 articles" in card for card in cards)
    assert not any("carried by" in body for body in html_bodies(at) if "Putin is isolated" in body)


def test_sidebar_filters_narrow_counts_and_follow_to_other_pages(render, dashboard_warehouse):
    at = render()
    at.sidebar.multiselect(key="flt_outlets").set_value(["Daily Ledger"]).run()
    assert metric(at, "Articles") == "2"
    assert metric(at, "Quotes") == "3"

    at.switch_page("views/quotes.py").run()
    assert_clean(at)
    assert "Daily Ledger" in at.caption[0].value
    assert "**3 quotes** match" in at.markdown[0].value

    at.switch_page("views/overview.py").run()
    at.sidebar.multiselect(key="flt_outlets").set_value([]).run()
    at.sidebar.toggle(key="flt_duplicates").set_value(True).run()
    assert metric(at, "Articles") == "6"
    at.sidebar.toggle(key="flt_duplicates").set_value(False).run()
    at.sidebar.selectbox(key="flt_period").set_value("Custom range").run()
    at.sidebar.date_input(key="flt_range").set_value((date(2024, 3, 4), date(2024, 3, 5))).run()
    assert metric(at, "Articles") == "2"  # the call and the aid story; the copy is skipped
    at.sidebar.selectbox(key="flt_period").set_value("Last 7 days").run()
    assert metric(at, "Articles") == "5"  # 1–7 March ends on the newest article


def test_actor_profile_from_a_link(render, dashboard_warehouse):
    at = render("views/actor_profile.py", {"actor_id": PUTIN_ID})
    assert_clean(at)
    assert at.header[0].value == "Vladimir Putin"
    assert metric(at, "Quotes by them") == "1"
    bodies = "\n".join(html_bodies(at))
    assert "Moscow was open to talks" in bodies  # by him
    assert "Putin is isolated," in bodies and "Jens Stoltenberg" in bodies  # about him, by someone else
    events_table = at.dataframe[-1].value
    assert set(zip(events_table["role"], events_table["event_type"])) == {("as source", "ACCUSE"), ("as target", "CONSULT")}
    assert len(elements(at, "vega_lite_chart")) == 2  # mentions over time, score trend
    assert len(elements(at, "plotly_chart")) == 1  # co-occurrence network
    links = [link.proto for link in elements(at, "page_link")]
    assert all(link.page == "article" and "article_id=" in link.query_string for link in links)


def test_a_link_to_a_linked_one_word_person_opens_the_full_name_person(render, own_snapshot):
    lone = builder.link_one_word_person(own_snapshot, "Putin", "putin")
    at = render("views/actor_profile.py", {"actor_id": lone})
    assert_clean(at)
    assert at.header[0].value == "Vladimir Putin"
    assert at.query_params["actor_id"] == PUTIN_ID


def test_actor_search_finds_an_alias(render, dashboard_warehouse):
    at = render("views/actor_profile.py")
    at.text_input(key="actor_search").input("stolten").run()
    assert_clean(at)
    assert at.header[0].value == "Jens Stoltenberg"
    assert at.query_params["actor_id"] == builder.ACTORS["stoltenberg"].actor_id
    at.text_input(key="actor_search").input("nobody of that name").run()
    assert any("No actor matches" in info.value for info in at.info)


def test_quotes_search_filters_and_links(render, dashboard_warehouse):
    at = render("views/quotes.py")
    assert "**9 quotes** match" in at.markdown[0].value
    at.text_input(key="quotes_text").input('"real dialogue"').run()
    assert "**1 quotes** match" in at.markdown[0].value
    (link,) = [element.proto for element in elements(at, "page_link")]
    assert link.page == "article"
    assert link.query_string.startswith(f"article_id={CALL_ID}&quote_id=")

    at.text_input(key="quotes_text").input("").run()
    at.radio(key="quotes_anonymity").set_value("anonymous source").run()
    assert "**2 quotes** match" in at.markdown[0].value
    assert {"A senior European diplomat", "officials"} <= set(" ".join(html_bodies(at)).replace("<b>", "|").replace("</b>", "|").split("|"))
    at.radio(key="quotes_anonymity").set_value("any speaker").run()
    at.multiselect(key="quotes_kinds").set_value(["mixed"]).run()
    assert "**1 quotes** match" in at.markdown[0].value
    at.multiselect(key="quotes_kinds").set_value([]).run()
    at.text_input(key="quotes_speaker").input("stoltenberg").run()
    assert "**2 quotes** match" in at.markdown[0].value
    assert_clean(at)


def test_events_page_shows_timeline_dyads_map_and_table(render, dashboard_warehouse):
    at = render("views/events.py")
    assert_clean(at)
    assert len(elements(at, "vega_lite_chart")) == 2  # timeline, dyads
    assert len(elements(at, "deck_gl_json_chart")) == 1
    table = at.dataframe[0].value
    assert len(table) == 9  # asserted events only by default; the planned Brussels meeting is future
    assert set(table["modality"]) == {"asserted"}
    at.multiselect(key="events_modalities").set_value([]).run()
    assert len(at.dataframe[0].value) == 10
    at.multiselect(key="events_types").set_value(["ACCUSE"]).run()
    assert set(at.dataframe[0].value["event_type"]) == {"ACCUSE"}
    assert_clean(at)


def test_article_reader_highlights_with_speaker_on_hover(render, dashboard_warehouse):
    at = render("views/article_reader.py", {"article_id": CALL_ID})
    assert_clean(at)
    assert at.header[0].value == "Macron and Putin hold tense call on Ukraine"
    (article_html,) = [body for body in html_bodies(at) if 'class="pw-article"' in body]
    assert article_html.count('class="pw-mention"') == 7
    assert article_html.count('class="pw-quote"') >= 3
    assert article_html.count('class="pw-event"') >= 3
    assert "speaker: Emmanuel Macron (named)" in article_html
    assert "speaker: A senior European diplomat (anonymous)" in article_html
    assert "ACCUSE (-4.0): Vladimir Putin → NATO" in article_html

    at.toggle(key="reader_show_mentions").set_value(False).run()
    (article_html,) = [body for body in html_bodies(at) if 'class="pw-article"' in body]
    assert 'class="pw-mention"' not in article_html


def test_article_reader_escapes_markup_in_articles(render, dashboard_warehouse):
    at = render("views/article_reader.py", {"article_id": XSS_ID})
    assert_clean(at)
    (article_html,) = [body for body in html_bodies(at) if 'class="pw-article"' in body]
    assert "<script" not in article_html and "<img" not in article_html and "<b>" not in article_html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in article_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in article_html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in article_html
    # The title goes through markdown, escaped so that it shows as typed.
    assert "\\<script\\>" in at.header[0].value


def test_article_reader_shows_the_quote_it_was_opened_from(render, dashboard_warehouse):
    quotes = [q for q in CORPUS.tables["nlp.quotes"] if q["text"] == "Putin is isolated,"]
    at = render("views/article_reader.py", {"article_id": quotes[0]["article_id"], "quote_id": quotes[0]["quote_id"]})
    assert_clean(at)
    assert any("You came here from this quote: “Putin is isolated,”" in body for body in html_bodies(at))


def test_article_reader_unknown_id(render, dashboard_warehouse):
    at = render("views/article_reader.py", {"article_id": "no-such-article"})
    assert not at.exception
    assert any("no article with that id" in warning.value for warning in at.warning)


def test_quality_shares_and_rejections_without_eval(render, dashboard_warehouse):
    at = render("views/quality.py")
    assert_clean(at)
    assert metric(at, "Quotes with a resolved speaker") == "66.7 %"  # 6 of 9
    assert metric(at, "Anonymous quotes") == "22.2 %"  # 2 of 9
    assert metric(at, "Events without a date") == "40.0 %"  # 4 of 10
    assert any("No evaluation results yet" in info.value for info in at.info)
    assert len(elements(at, "vega_lite_chart")) == 3  # speakers by kind, rejections by reason, speaker mix


def test_quality_shows_latest_eval_scores(render, dashboard_warehouse, tmp_path):
    path = tmp_path / "eval" / "latest.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({
        "generated_at": "2024-03-08T07:00:00Z",
        "rows": [
            {"set": "seed", "metric": "quote_f1_0.3", "value": 0.81, "goal": 0.75},
            {"set": "seed", "metric": "event_f1", "value": 0.42, "goal": 0.5},
            {"set": "plover_dev", "metric": "type_accuracy", "value": 0.6, "goal": None},
        ],
    }))
    at = render("views/quality.py")
    assert_clean(at)
    scores = at.dataframe[-1].value
    assert list(scores["metric"]) == ["quote_f1_0.3", "event_f1", "type_accuracy"]
    assert list(scores["meets goal"]) == ["yes", "no", "–"]

    path.write_text("{not json")
    at.run()
    assert any("Could not read the evaluation results" in error.value for error in at.error)


def test_sql_console_runs_a_read_and_offers_csv(render, dashboard_warehouse):
    at = render("views/sql_console.py")
    at.text_area(key="sql_text").input("SELECT outlet, count(*) AS n FROM marts.dim_articles GROUP BY outlet ORDER BY n DESC, outlet")
    at.button[0].click().run()
    assert_clean(at)
    result = at.dataframe[-1].value
    assert list(result["outlet"]) == ["Wire Service", "Daily Ledger", "VOA"]
    assert len(elements(at, "download_button")) == 1


@pytest.mark.parametrize(
    "sql, expected",
    [
        ("DROP TABLE marts.dim_articles", "read-only"),
        ("CREATE TABLE marts.x AS SELECT 1", "read-only"),
        ("INSERT INTO raw.rejected_inputs SELECT * FROM raw.rejected_inputs", "read-only"),
        ("COPY marts.dim_articles TO '/tmp/leak.csv'", "read-only"),
        ("ATTACH '/tmp/other.duckdb' AS other", "read-only"),
        ("SELECT 1; DROP TABLE marts.dim_articles", "One statement at a time"),
    ],
)
def test_sql_console_refuses_writes_and_several_statements(sql, expected, render, dashboard_warehouse):
    at = render("views/sql_console.py")
    at.text_area(key="sql_text").input(sql)
    at.button[0].click().run()
    assert not at.exception
    assert any(expected in warning.value for warning in at.warning), [w.value for w in at.warning]
    assert not at.dataframe[1:]  # only the tables cheat sheet


@pytest.mark.parametrize(
    "sql",
    ["SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM glob('/etc/*')"],
)
def test_sql_console_cannot_read_files(sql, render, dashboard_warehouse):
    at = render("views/sql_console.py")
    at.text_area(key="sql_text").input(sql)
    at.button[0].click().run()
    assert not at.exception
    assert any("DuckDB could not run the query" in error.value for error in at.error)
    assert any("disabled by configuration" in code.value for code in at.code)
    assert "root:" not in str([df.value for df in at.dataframe])
