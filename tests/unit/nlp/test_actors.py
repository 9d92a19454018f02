"""Actors: mentions, within-article resolution, coding and cross-article keys."""

from datetime import date

from pipelines.nlp.actors.lexicon import DictEntry, decode
from pipelines.nlp.actors.names import actor_id, canonical_key
from pipelines.nlp.resolver import ActorResolver
from tests.unit.nlp.conftest import actor_named, mentions_of


def test_surname_and_honorific_forms_join_the_full_name(run):
    doc = run("Chancellor Klaus Weber arrived late. Mr. Weber then met the unions, and Weber left.")
    assert mentions_of(doc, "Klaus Weber").count("Weber") == 2
    assert [a["name"] for a in doc._.pw_actors if a["kind"] == "person"] == ["Klaus Weber"]


def test_different_people_sharing_a_surname_stay_apart(run):
    doc = run("Senator Maria Lopez met her cousin, the economist Daniel Lopez, in Madrid. "
              "Daniel Lopez said the talks went well.")
    persons = {a["name"] for a in doc._.pw_actors if a["kind"] == "person"}
    assert {"Maria Lopez", "Daniel Lopez"} <= persons


def test_similar_surnames_are_not_merged(run):
    doc = run("Israeli Prime Minister Naftali Bennett called U.S. Senator Michael Bennet on Sunday.")
    persons = {a["name"] for a in doc._.pw_actors if a["kind"] == "person"}
    assert {"Naftali Bennett", "Michael Bennet"} <= persons


def test_title_with_demonym_codes_country_and_sector(run):
    doc = run("Israeli Prime Minister Dan Amir visited Paris on Monday.")
    amir = actor_named(doc, "Dan Amir")
    assert (amir["country"], amir["sector"]) == ("ISR", "GOV")
    assert actor_named(doc, "Israel")["kind"] == "country"
    assert actor_named(doc, "Paris") is None  # a place, not an actor


def test_role_phrase_points_to_the_role_holder(run):
    doc = run("Brazilian President Ana Costa met Chilean President Luis Vera. "
              "The Brazilian president later flew home.")
    assert "The Brazilian president" in mentions_of(doc, "Ana Costa")


def test_demonyms_and_forces_are_country_mentions(run):
    doc = run("Russian forces shelled the town while Ukrainians fled west.")
    russia = actor_named(doc, "Russia")
    assert russia["country"] == "RUS" and "Russian forces" in mentions_of(doc, "Russia")
    assert actor_named(doc, "Ukraine") is not None


def test_the_west_is_a_group(run):
    doc = run("The West imposed sanctions, and Western allies sent more weapons.")
    west = actor_named(doc, "the West")
    assert west["kind"] == "group" and west["country"] == "WST"
    assert len(mentions_of(doc, "the West")) == 2


def test_the_us_parties_members_are_groups_and_other_countries_parties_are_not_theirs(run):
    doc = run("Republicans said the bill would fail. House Democrats disagreed, and the Sweden Democrats "
              "said nothing. Democrats won.")
    republicans, democrats = actor_named(doc, "Republicans"), actor_named(doc, "Democrats")
    assert (republicans["kind"], republicans["country"], republicans["sector"]) == ("group", "USA", "PTY")
    assert "House Democrats" in mentions_of(doc, "Democrats")
    swedish = doc.text.index("Sweden Democrats") + len("Sweden ")
    assert all(m["start"] != swedish for m in doc._.pw_mentions)


def test_international_organisations_are_igo(run):
    doc = run("The International Atomic Energy Agency (IAEA) sent inspectors. The IAEA said NATO was informed.")
    iaea = actor_named(doc, "International Atomic Energy Agency")
    assert (iaea["country"], iaea["sector"]) == ("IGO", "IGO")
    assert mentions_of(doc, "International Atomic Energy Agency").count("IAEA") == 2
    assert actor_named(doc, "NATO")["country"] == "IGO"


def test_capital_as_subject_stands_for_its_country(run):
    doc = run("Moscow said the drills were routine. The delegation later flew to Moscow.")
    assert len(mentions_of(doc, "Russia")) == 1


def test_apposition_gives_role_and_affiliation(run):
    doc = run("“It is fragile,” said Lena Fischer, a senior fellow at the Atlantic Council.")
    fischer = actor_named(doc, "Lena Fischer")
    assert fischer["sector"] == "NGO" and fischer["country"] == "USA"


def test_dictionary_codes_follow_the_publication_date():
    entry = DictEntry(["Jane Roe"], [["USAGOV", "2010-01-01", "2015-12-31"], ["USAELI", None, None]], "person", True)
    assert decode(entry.code_on(date(2012, 6, 1))) == ("USA", "GOV")
    assert decode(entry.code_on(date(2020, 6, 1))) == ("USA", "ELI")


def test_code_decoding():
    assert decode("RUSGOV") == ("RUS", "GOV")
    assert decode("IGOUNOIAE") == ("IGO", "IGO")
    assert decode("NGOHRI")[1] == "NGO"


def test_canonical_keys_are_stable_across_articles(run):
    assert canonical_key("person", "Recep Tayyip Erdoğan") == canonical_key("person", "recep tayyip erdogan")
    assert canonical_key("country", "fra") == "country:FRA"
    a = run("Turkish President Recep Tayyip Erdogan spoke.")
    b = run("Erdogan said the vote would go ahead.")
    assert actor_named(a, "Recep Tayyip Erdogan")["actor_id"] == actor_named(b, "Recep Tayyip Erdogan")["actor_id"]
    assert actor_id("country:FRA") == actor_named(run("France voted."), "France")["actor_id"]


def test_resolver_api(run):
    text = ("French President Paul Moreau met U.S. officials in Rome. "
            "The French president said he would call them again.")
    doc = run(text)
    resolver = ActorResolver.from_doc(doc)
    name = text.index("Paul Moreau")
    assert resolver.actor_for_span(name, name + len("Paul Moreau"))["name"] == "Paul Moreau"
    title = text.index("The French president")
    found = resolver.actor_for_span(title, title + len("The French president"))
    assert found["name"] == "Paul Moreau" and found["mention_kind"] == "title"
    he = text.index(" he ") + 1
    pronoun = resolver.actor_for_span(he, he + 2)
    assert pronoun["name"] == "Paul Moreau" and pronoun["mention_kind"] == "pronoun"
    us = text.index("U.S. officials")
    anon = resolver.actor_for_span(us, us + len("U.S. officials"))
    assert anon["mention_kind"] == "anonymous" and anon["country"] == "USA" and anon["actor_id"] is None
    everyone = resolver.actors_in_span(0, len(text))
    assert [a["name"] for a in everyone][:2] == ["France", "Paul Moreau"]
    assert resolver.actor_for_span(text.index("Rome"), text.index("Rome") + 4) is None


def test_pronouns_inside_a_quote_resolve_within_it(run):
    text = "“I met Governor Lee Park. I asked him to wait,” Mayor Ana Ruiz said."
    doc = run(text)
    resolver = ActorResolver.from_doc(doc)
    him = text.index("him")
    assert resolver.actor_for_span(him, him + 3)["name"] == "Lee Park"
    i = text.index("I asked")
    assert resolver.actor_for_span(i, i + 1)["name"] == "Ana Ruiz"


def test_an_institution_every_country_has_is_a_different_actor_in_each_country(run):
    doc = run("Moscow said the talks had failed. Russia's Foreign Ministry called them a provocation, "
              "and Ukraine's Foreign Ministry called that a lie.")
    ministries = [a for a in doc._.pw_actors if "Foreign Ministry" in a["name"]]
    assert sorted(a["country"] for a in ministries) == ["RUS", "UKR"]
    assert len({a["actor_id"] for a in ministries}) == 2
    # across articles: the same ministry keeps its id, another country's does not share it
    other = run("Tallinn \u2014 Estonia's Foreign Ministry summoned the ambassador on Monday.")
    estonian = next(a for a in other._.pw_actors if "Foreign Ministry" in a["name"])
    assert estonian["country"] == "EST" and estonian["actor_id"] not in {a["actor_id"] for a in ministries}
    again = run("Russia's Foreign Ministry said on Tuesday it had nothing to add.")
    assert next(a for a in again._.pw_actors if "Foreign Ministry" in a["name"])["actor_id"] == \
        next(a for a in ministries if a["country"] == "RUS")["actor_id"]


def test_the_bare_institution_is_the_one_the_article_placed(run):
    doc = run("The Kenya Interior Ministry said it would close the camps. "
              "The Interior Ministry later said the closure was final.")
    ministries = [a for a in doc._.pw_actors if "Interior Ministry" in a["name"]]
    assert len(ministries) == 1 and ministries[0]["country"] == "KEN"
    assert ministries[0]["name"] == "Kenya Interior Ministry"


def test_an_unplaced_institution_takes_the_datelines_country(run):
    doc = run("Court rules\n\nISLAMABAD \u2014 The Supreme Court adjourned the hearing on Monday.")
    court = next(a for a in doc._.pw_actors if "Supreme Court" in a["name"])
    assert court["country"] == "PAK"


def test_an_untagged_relative_of_the_same_surname_is_found_and_keeps_the_bare_surname(run):
    # the model tags the daughter's full name but not her mother's; "Ndlovu" alone is the mother,
    # the first bearer the story introduces
    doc = run("BLANTYRE \u2014 Rastafarian Chipo Mwale was upset when the Blantyre Girls Primary School refused "
              "to enroll her daughter, Tariro Mwale, because of her hair. So, Mwale took the school to court "
              "\u2014 and won. \u201cWe were not fighting for Tariro alone,\u201d Mwale said.")
    names = {a["name"] for a in doc._.pw_actors if a["kind"] == "person"}
    assert {"Chipo Mwale", "Tariro Mwale"} <= names
    assert next(q for q in doc._.pw_quotes if "fighting for" in q["text"])["speaker_name"] == "Chipo Mwale"


def test_a_hyphenated_country_is_whole_and_a_hyphenated_name_is_no_country(run):
    doc = run("Archaeologists dug in Guinea-Bissau for two years. Aua Djalo, president of Guinea-Lanta, "
              "an NGO, said the finds were important for Guinea-Bissau.")
    countries = {a["country"] for a in doc._.pw_actors if a["kind"] == "country"}
    assert "GNB" in countries and "GIN" not in countries


def test_organisation_names_keep_their_demonym_and_lose_brackets_and_trailing_roles(run):
    doc = run("The American Civil Liberties Union sued on Monday. A State Department official said the "
              "DOJ (Department of Justice) would respond. The Russian Defense Ministry said its forces advanced.")
    names = {a["name"] for a in doc._.pw_actors if a["kind"] == "organization"}
    assert "American Civil Liberties Union" in names and "Russian Defense Ministry" in names
    assert not any("official" in n or "(" in n for n in names), names
    justice = [a for a in doc._.pw_actors if a["name"] in ("Justice Department", "DOJ")]
    assert len(justice) == 1  # the acronym and the name in brackets are one department


def test_one_middle_initial_does_not_make_another_person_across_articles():
    assert canonical_key("person", "Leon E. Panetta") == canonical_key("person", "Leon Panetta")
    assert canonical_key("person", "George H.W. Bush") != canonical_key("person", "George W. Bush")
    assert canonical_key("person", "J. Christopher Stevens") != canonical_key("person", "Christopher Stevens")


def test_two_people_of_one_article_who_differ_by_their_initials_stay_two(run):
    doc = run("Senator John A. Whitfield met his cousin, Mayor John B. Whitfield, on Monday. Former President "
              "George H.W. Bush praised his son, President George W. Bush.")
    persons = {a["name"]: a["actor_id"] for a in doc._.pw_actors if a["kind"] == "person"}
    assert {"John A. Whitfield", "John B. Whitfield", "George H.W. Bush", "George W. Bush"} <= set(persons)
    assert len(set(persons.values())) == len(persons)  # one id each, though one initial is dropped from keys


def test_a_lone_name_the_dictionary_lists_is_the_same_actor_as_the_full_name_elsewhere(run):
    lone = actor_named(run("President Obama said on Friday that the talks would go on.", published="2013-05-03"),
                       "Barack Obama")
    full = actor_named(run("Barack Obama spoke on Friday.", published="2013-05-03"), "Barack Obama")
    assert lone is not None and lone["actor_id"] == full["actor_id"]


def test_an_actor_reached_by_two_paths_is_one_actor_with_all_its_mentions(run):
    doc = run("The European Union imposed duties. The EU duties aimed for pressure points, Brussels said. "
              "The EU is a major destination for whiskey.")
    ids = [a["actor_id"] for a in doc._.pw_actors]
    assert len(ids) == len(set(ids))
    assert mentions_of(doc, "European Union") == ["European Union", "The EU", "The EU"]


def test_a_leader_the_dictionary_files_under_his_group_is_a_person_coded_as_the_group(run):
    doc = run("Hezbollah leader Hassan Nasrallah said the group would respond. Nasrallah spoke on "
              "television. Hezbollah fired rockets.", published=date(2020, 1, 5))
    leader, group = actor_named(doc, "Hassan Nasrallah"), actor_named(doc, "Hezbollah")
    assert leader is not None and leader["kind"] == "person" and leader["actor_id"] != group["actor_id"]
    assert (leader["country"], leader["sector"]) == ("LBN", "REB")
    assert mentions_of(doc, "Hassan Nasrallah") == ["Hassan Nasrallah", "Nasrallah"]
