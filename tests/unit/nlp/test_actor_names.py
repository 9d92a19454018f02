"""Names that are not actors (sites, diseases, regions) and organisation names the model cuts."""

from tests.unit.nlp.conftest import actor_named


def names(doc) -> set[str]:
    return {a["name"] for a in doc._.pw_actors}


def test_a_name_before_a_site_noun_is_a_place_all_through_the_article(run):
    doc = run("Thousands live in the Ifo refugee camp. Aid to Ifo has been cut, and Ifo said nothing. "
              "Planes left Zarqa (air base) on Monday; Zarqa was quiet later.")
    assert "Ifo" not in names(doc) and "Zarqa" not in names(doc)


def test_a_persons_camp_keeps_the_person(run):
    doc = run("Senator Nikki Haley spoke in Iowa. The Haley camp said the polls were wrong.")
    assert actor_named(doc, "Nikki Haley") is not None


def test_diseases_and_regions_are_not_actors(run):
    doc = run("COVID-19 hit the camps hard. Leaders of the Indo-Pacific met the Western Balkans envoy.")
    assert not names(doc) & {"COVID-19", "Indo-Pacific", "Western Balkans"}


def test_a_name_cut_at_its_and_is_one_organisation(run):
    doc = run("Officials of the Bureau of European and Eurasian Affairs met reporters. "
              "The station Heart and Soul Television was closed.")
    assert {"Bureau of European and Eurasian Affairs", "Heart and Soul Television"} <= names(doc)


def test_two_companies_joined_by_and_stay_two(run):
    doc = run("Ford and General Motors agreed to the deal. The Bank of America and Wells Fargo fell.")
    assert {"Ford", "General Motors", "Bank of America", "Wells Fargo"} <= names(doc)
