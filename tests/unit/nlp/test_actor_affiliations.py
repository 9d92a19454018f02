"""Where an actor belongs when the text says it beside the name rather than in it: the body of
a title, an owner in the possessive, where an organisation is based, a US state, a posting,
a lawmaker's party-state tag, the chamber a legislature's members sit in. Invented people;
the institutions are real where the rule is about them (the White House, NBC, Congress)."""

from pipelines.nlp.actors.lexicon import decode
from tests.unit.nlp.conftest import actor_named

HARARE = "Grain deal stalls\n\nHARARE \u2014 Zimbabwe's grain board met on Monday. "


def test_the_body_in_a_title_places_the_person_and_not_the_story(run):
    doc = run(HARARE + "White House press secretary Dana Kellerman said Zimbabwe must act. Zimbabwe refused.")
    kellerman = actor_named(doc, "Dana Kellerman")
    assert kellerman["country"] == "USA" and kellerman["sector"] == "GOV"


def test_an_owner_in_the_possessive_is_the_affiliation(run):
    doc = run(HARARE + "NBC's Dana Kellerman asked about Zimbabwe. Zimbabwe's minister did not answer.")
    kellerman = actor_named(doc, "Dana Kellerman")
    assert kellerman["country"] == "USA" and kellerman["sector"] == "MED"


def test_where_an_organisation_is_based_is_its_country(run):
    doc = run(HARARE + "Tom Okafor, director of the New York-based Grain Policy Forum, criticised Zimbabwe. "
              "The Lisbon-based Maritime Studies Group agreed with Zimbabwe's critics.")
    assert actor_named(doc, "Grain Policy Forum")["country"] == "USA"  # New York, not York
    assert actor_named(doc, "Tom Okafor")["country"] == "USA"
    assert actor_named(doc, "Maritime Studies Group")["country"] == "PRT"


def test_a_us_state_in_a_title_or_a_name_is_the_united_states(run):
    doc = run(HARARE + "Former Nebraska Gov. Carla Hendry said Zimbabwe should pay. Tom Okafor, a professor "
              "at the University of Vermont, disagreed with Zimbabwe's critics.")
    hendry = actor_named(doc, "Carla Hendry")
    assert hendry["country"] == "USA"
    assert actor_named(doc, "University of Vermont")["country"] == "USA"
    assert actor_named(doc, "Tom Okafor")["country"] == "USA"


def test_a_state_name_is_not_read_as_the_country_inside_it(run):
    doc = run(HARARE + "New Jersey Gov. Carla Hendry said Zimbabwe should pay. Zimbabwe refused.")
    assert actor_named(doc, "Carla Hendry")["country"] == "USA"
    assert actor_named(doc, "Jersey") is None


def test_a_party_state_tag_marks_a_member_of_the_us_congress(run):
    doc = run(HARARE + "Tom Okafor (D-N.Y.) said Zimbabwe should pay. Carla Hendry, R-Calif., agreed. Zimbabwe refused.")
    for name in ("Tom Okafor", "Carla Hendry"):
        assert (actor_named(doc, name)["country"], actor_named(doc, name)["sector"]) == ("USA", "LEG")


def test_the_country_an_envoy_is_posted_to_is_not_their_own(run):
    doc = run(HARARE + "U.S. Ambassador to Zimbabwe Carla Hendry said Zimbabwe must act. Zimbabwe refused.")
    hendry = actor_named(doc, "Carla Hendry")
    assert hendry["country"] == "USA" and hendry["sector"] == "GOV"


def test_an_ambassador_to_the_un_speaks_for_a_country_not_for_the_un(run):
    doc = run(HARARE + "U.N. Ambassador Carla Hendry said Zimbabwe must act. Zimbabwe refused.")
    assert actor_named(doc, "Carla Hendry")["country"] != "IGO"


def test_a_given_name_that_is_a_country_is_part_of_the_name(run):
    doc = run(HARARE + "Calls to Chad Okafor, a spokesman for the grain board, were not returned.")
    assert actor_named(doc, "Chad Okafor")["kind"] == "person"
    assert actor_named(doc, "Chad") is None


def test_a_country_in_the_possessive_in_an_apposition_places_the_person(run):
    doc = run(HARARE + "Yoav Ben-Ami, Israel's agriculture minister, said Zimbabwe would get seed. Zimbabwe agreed.")
    assert actor_named(doc, "Yoav Ben-Ami")["country"] == "ISR"


def test_a_country_in_the_possessive_places_an_organisation_and_its_staff(run):
    doc = run(HARARE + "Anna Weber, an official with South Korea's Reunification Board, said so. Zimbabwe agreed.")
    assert actor_named(doc, "Reunification Board")["country"] == "KOR"
    assert actor_named(doc, "Anna Weber")["country"] == "KOR"


def test_congress_without_a_country_is_the_us_congress_unless_the_story_is_from_a_country_with_one(run):
    doc = run("Sanctions bill\n\nANKARA \u2014 Turkey's government met. Congress passed the sanctions bill. "
              "Turkey protested.")
    congress = actor_named(doc, "Congress")
    assert (congress["country"], congress["sector"]) == ("USA", "LEG")
    doc = run("Budget vote\n\nLIMA, Peru \u2014 Peru's government met. Congress passed the budget. Peru's president "
              "signed it.")
    assert actor_named(doc, "Congress")["country"] == "PER"


def test_a_chamber_without_a_country_is_the_one_the_named_lawmakers_sit_in(run):
    doc = run("Aid debate\n\nDAMASCUS \u2014 Syria's government met. Sen. Carla Hendry said Syria must stop. "
              "Her colleagues in the House and Senate agreed. Syria refused.")
    for name in ("House", "Senate"):
        chamber = actor_named(doc, name)
        assert (chamber["country"], chamber["sector"]) == ("USA", "LEG")


def test_a_dictionary_code_for_a_legislature_or_a_court_gives_that_branch():
    assert decode("USAGOVLEG") == ("USA", "LEG")
    assert decode("IGOUNOJUD") == ("IGO", "JUD")  # the International Court of Justice
    assert decode("IGOUNOIAE") == ("IGO", "IGO")
    assert decode("ISRGOVJUD") == ("ISR", "JUD")
    assert decode("RUSGOVMIL") == ("RUS", "GOV")


ANKARA = "Sanctions bill\n\nANKARA \u2014 Turkey's government met on Monday. "


def test_the_senate_and_the_house_are_placed_like_congress(run):
    doc = run(ANKARA + "The Senate passed a bill on Turkey, and the House Foreign Affairs Committee "
              "followed. Turkey protested.")
    assert actor_named(doc, "Senate")["country"] == "USA"
    assert actor_named(doc, "House Foreign Affairs Committee")["country"] == "USA"
    doc = run("Rice tariffs\n\nMANILA, Philippines \u2014 The Senate passed the rice bill. The Philippines' "
              "farmers cheered.")
    assert actor_named(doc, "Senate")["country"] == "PHL"
    doc = run(HARARE + "The Senate passed the grain bill. Zimbabwe's farmers cheered.")
    assert actor_named(doc, "Senate")["country"] == "ZWE"  # Zimbabwe has a Senate


def test_a_person_takes_the_country_of_the_chamber_in_their_title(run):
    doc = run(ANKARA + "Senate Majority Leader Carl Dunmore said Turkey must act. Turkey refused.")
    dunmore = actor_named(doc, "Carl Dunmore")
    assert dunmore["country"] == "USA" and actor_named(doc, "Senate")["country"] == "USA"


def test_whom_a_person_works_for_places_them(run):
    doc = run(HARARE + "Zimbabwe's President Tendai Moyo met U.S. President Dana Kellerman\u2019s special envoy, "
              "Bret Halvorsen, on Monday. A spokesman for Sen. Carla Hendry (R-Ariz.), Tom Wexley, said "
              "nothing. Kellerman's lawyer Ann Pruitt declined to comment. Zimbabwe's critics agreed.")
    assert actor_named(doc, "Bret Halvorsen")["country"] == "USA"  # not the dateline's ZWE
    assert actor_named(doc, "Tom Wexley")["country"] == "USA"
    assert actor_named(doc, "Ann Pruitt")["country"] == "USA"


def test_words_between_a_country_and_a_role_say_what_the_post_is_about(run):
    doc = run(HARARE + "Lead U.S. nuclear negotiator Dana Kellerman said Zimbabwe must act. Zambian security "
              "council spokesman Col. Bwalya Mumba agreed. Zimbabwe refused.")
    assert actor_named(doc, "Dana Kellerman")["country"] == "USA"
    assert actor_named(doc, "Bwalya Mumba")["country"] == "ZMB"
    assert all(a["country"] != "IGO" for a in doc._.pw_actors)  # "security council" is Zambia's, not the UN's


def test_a_relation_between_a_country_and_a_title_is_no_nationality(run):
    doc = run(HARARE + "Zimbabwe's close Zambian ally President Tendai Moyo said so. Zimbabwe agreed.")
    assert actor_named(doc, "Tendai Moyo")["country"] == "ZWE"


def test_a_posting_between_a_title_and_a_name_is_not_the_persons_country(run):
    doc = run(HARARE + "U.S. Ambassador to Zambia Dana Kellerman said Zimbabwe must act. Zimbabwe refused.")
    assert actor_named(doc, "Dana Kellerman")["country"] == "USA"


def test_a_post_at_an_international_body_is_igo(run):
    doc = run(HARARE + "The EU's top diplomat Dana Kellerman said Zimbabwe must act. Zimbabwe refused.")
    kellerman = actor_named(doc, "Dana Kellerman")
    assert (kellerman["country"], kellerman["sector"]) == ("IGO", "IGO")


def test_the_city_a_person_works_in_places_them_before_their_organisations_base(run):
    doc = run(HARARE + "\u201cIt will hold,\u201d said Tom Okafor, a senior director at the New York-based Grain "
              "Policy Forum in Lisbon. Zimbabwe agreed.")
    assert actor_named(doc, "Tom Okafor")["country"] == "PRT"
    assert actor_named(doc, "Grain Policy Forum")["country"] == "USA"
