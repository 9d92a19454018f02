"""Reading the Phoenix dictionaries into the compact rule files."""

from pipelines.nlp.actors.build_lexicon import parse_actor_file, parse_code, phoenix_date
from pipelines.nlp.actors.lexicon import load_lexicon


def test_phoenix_dates():
    assert phoenix_date("991231") == "1999-12-31"
    assert phoenix_date("080507") == "2008-05-07"
    assert phoenix_date("20120515") == "2012-05-15"
    assert phoenix_date("junk") is None


def test_codes_with_ranges():
    assert parse_code("RUSGOV 991231-080507") == ["RUSGOV", "1999-12-31", "2008-05-07"]
    assert parse_code("RUSGOV >080508") == ["RUSGOV", "2008-05-08", None]
    assert parse_code("IGOUNO") == ["IGOUNO", None, None]


def test_actor_records_with_synonyms_and_dated_codes(tmp_path):
    sample = tmp_path / "sample.actors.txt"
    sample.write_text(
        "# comment\n"
        "JANE_ROE_  # CountryInfo.txt\n"
        "+J._ROE_\n"
        "+PRESIDENT_ROE_\n"
        "\t[USAELI 700101-100120]\n"
        "\t[USAGOV >100120]\n"
        "\n"
        "SOME_FRONT_ [FRAREB] # note\n",
        encoding="utf-8",
    )
    first, second = parse_actor_file(sample)
    assert first["n"] == ["jane roe", "j. roe", "president roe"]
    assert first["c"] == [["USAELI", "1970-01-01", "2010-01-20"], ["USAGOV", "2010-01-20", None]]
    assert second["n"] == ["some front"] and second["c"] == [["FRAREB", None, None]]


def test_bundled_tables_load_and_stay_small():
    lex = load_lexicon()
    assert lex.country_by_demonym["Ukrainians"] == "UKR"
    assert lex.country_by_name["U.S."] == "USA"
    assert lex.city_country["Moscow"] == ("RUS", True)
    assert any(e.canonical == "Vladimir Putin" for e in lex.lookup("Putin"))
    from pipelines.nlp.actors.lexicon import RULES
    assert all(p.stat().st_size < 5 * 1024 * 1024 for p in RULES.glob("*.jsonl"))


def test_the_committed_tables_carry_the_supplement(run):
    """actors.jsonl was rebuilt after the last supplement edit: bodies, outlets and institutes
    the Phoenix dictionaries lack are coded (country and sector) in a text."""
    doc = run("The World Trade Organization ruled on Monday, CNBC reported. "
              "Analysts at the Cato Institute were not surprised.")
    coded = {a["name"]: (a["country"], a["sector"]) for a in doc._.pw_actors}
    assert coded["World Trade Organization"][0] == "IGO"
    assert coded["CNBC"] == ("USA", "MED")
    assert coded["Cato Institute"] == ("USA", "NGO")
