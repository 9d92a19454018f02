"""Event rules added on top of the CAMEO lexicon: each with small texts of its own."""

from datetime import date

import pytest

from pipelines.nlp.events import extract_events
from pipelines.nlp.places import resolve_place
from tests.unit.nlp.events.conftest import only
from tests.unit.nlp.events.fake_resolver import FakeResolver

EXTRA = {"albanians": ("Albania", "ALB"), "nigerian": ("Nigeria", "NGA"), "indian": ("India", "IND"),
         "italy": ("Italy", "ITA"), "bangladesh": ("Bangladesh", "BGD"), "egypt": ("Egypt", "EGY")}


@pytest.fixture(scope="session")
def events(parser):
    def _events(text: str, published: date | None = date(2022, 3, 7)) -> list[dict]:
        doc = parser(text)
        doc.user_data["article_id"] = "art2"
        return extract_events(doc, FakeResolver(doc, EXTRA), published)

    return _events


def test_unlisted_group_as_recipient_with_a_country_from_its_phrase(events):
    row = only(events("Government troops tortured Darfur rebels."), "ASSAULT")
    assert row["target_name"] == "Darfur rebels"
    assert (row["source_country"], row["target_country"]) == ("SDN", "SDN")


def test_ethnic_demonym_is_not_a_nationality(events):
    row = only(events("Ethnic Albanians demonstrated in Serbia on Tuesday."), "PROTEST")
    assert (row["source_country"], row["target_country"]) == ("SRB", "SRB")


def test_recipientless_event_is_aimed_at_its_place(events):
    row = only(events("Serbia lifted a night curfew in Montenegro."), "CONCEDE")
    assert row["target_name"] is None and row["target_country"] == "MNE"


def test_domestic_sides_take_the_only_country_named(events):
    row = only(events("Ibo elders demanded more seats from the Nigerian government."), "REQUEST")
    assert (row["source_country"], row["target_country"]) == ("NGA", "NGA")


def test_meetings_get_no_country_from_their_place(events):
    rows = events("The United States and Russia held talks in Geneva.")
    assert all(r["target_country"] in (None, "USA", "RUS") for r in rows)


def test_blocking_roads_is_protest_for_people_and_restriction_for_the_state(events):
    assert only(events("Angry farmers blocked the main highway."), "PROTEST")["mode"] == "obstruct"
    assert only(events("Police blocked the main highway."), "COERCE")["mode"] == "restrict"


def test_no_concession_without_what_is_conceded(events):
    assert not [r for r in events("Vladimir Putin is not giving up.") if r["event_type"] == "CONCEDE"]


def test_a_call_without_recipient_takes_the_partner_who_answers(events):
    rows = events("Vladimir Putin called on Thursday. Emmanuel Macron picked up and they talked for an hour.")
    consults = [r for r in rows if r["event_type"] == "CONSULT"]
    assert len(consults) == 1
    row = consults[0]
    assert (row["source_name"], row["target_name"], row["event_date"]) == ("Vladimir Putin", "Emmanuel Macron",
                                                                          "2022-03-03")


def test_a_lone_call_without_partner_is_dropped(events):
    assert not [r for r in events("Vladimir Putin called on Thursday.") if r["event_type"] == "CONSULT"]


def test_later_mentions_of_the_same_day_consultation_merge(events):
    rows = events("Vladimir Putin called Emmanuel Macron on Thursday. Macron spoke to Putin about Ukraine.")
    assert len([r for r in rows if r["event_type"] == "CONSULT"]) == 1
    again = events("Vladimir Putin called Emmanuel Macron on Thursday. Macron spoke to Putin again.")
    assert len([r for r in again if r["event_type"] == "CONSULT"]) == 2


def test_durations_do_not_block_the_narrated_date(events):
    rows = events("Vladimir Putin called Emmanuel Macron on Thursday. Putin accused Ukraine of war crimes "
                  "for an hour.")
    assert only(rows, "ACCUSE")["event_date"] == "2022-03-03"


def test_unattributed_mentions_refer_back(events):
    rows = events("Russian forces attacked Ukraine on Feb. 24. The world condemned the attack on Ukraine.")
    assert len([r for r in rows if r["event_type"] == "ASSAULT"]) == 1


def test_upper_case_us_is_the_country(events):
    row = only(events("Egypt said that the US must mediate between the parties."), "REQUEST")
    assert row["target_name"] == "United States"


def test_the_modifier_of_a_proposal_made_it(events):
    row = only(events("Bangladesh rejected an Indian proposal."), "REJECT")
    assert row["target_name"] == "India"


def test_a_threat_is_aimed_at_who_must_meet_its_condition(events):
    row = only(events("Syria threatened to strike unless Israel withdrew its troops."), "THREATEN")
    assert row["target_name"] == "Israel"


def test_new_lexicon_entries(events):
    assert only(events("Emmanuel Macron tried to extract concessions from Vladimir Putin."),
                "REQUEST")["target_name"] == "Vladimir Putin"
    assert only(events("The West strengthened Ukraine's defenses."), "AID")["target_name"] == "Ukraine"
    assert not [r for r in events("Russia strengthened its defenses.") if r["event_type"] == "AID"]
    row = only(events("Italy announced a suspension of air links with Serbia."), "SANCTION")
    assert (row["source_name"], row["target_name"]) == ("Italy", "Serbia")
    assert only(events("Hackers defaced Danish web sites."), "COERCE")["mode"] == "cyber"


def test_participle_after_an_attribution_belongs_to_the_reported_clause(events):
    rows = events("Emmanuel Macron has spoken to Vladimir Putin, Haddad said, trying to extract concessions "
                  "from Putin.")
    assert only(rows, "REQUEST")["source_name"] == "Emmanuel Macron"


def test_partisan_modifier_is_not_the_actor(nlp):
    doc = nlp("The pro-Iranian Hizbollah group declared a ceasefire in south Lebanon on Wednesday.")
    assert all(e["source_name"] != "Iran" for e in doc._.pw_events)


def test_place_names_with_directions_and_units():
    assert resolve_place("South Lebanon").country == "LBN"
    assert resolve_place("Montenegro province").country == "MNE"
    assert resolve_place("Chechnya").country == "RUS"


def test_a_no_event_pattern_beats_the_cameo_one(events):
    assert not [r for r in events("Russia failed to uphold the rights of refugees.") if r["event_type"] == "THREATEN"]


def test_an_inquiry_needs_no_recipient(events):
    row = only(events("Serbia is investigating alleged war crimes."), "ACCUSE")
    assert row["mode"] == "investigate" and row["target_name"] is None


def test_aid_or_sanction_for_the_people_of_a_place(events):
    row = only(events("Red Cross officials suspended aid deliveries in Baghdad on Wednesday."), "SANCTION")
    assert row["target_name"] is None and row["target_country"] == "IRQ"
    assert not [r for r in events("Red Cross officials suspended aid deliveries.") if r["event_type"] == "SANCTION"]


def test_rebels_of_a_country_are_not_its_state(events):
    row = only(events("Rebels in Syria blocked the main highway."), "PROTEST")
    assert row["mode"] == "obstruct"


def test_coordinated_demonyms_in_a_subject_are_two_sides(events):
    rows = [r for r in events("U.S. and Russian negotiators return to Geneva this week for talks.")
            if r["event_type"] == "CONSULT"]
    assert {r["source_name"] for r in rows} == {"United States", "Russia"}


def test_talking_about_something_is_not_talks(events):
    assert not [r for r in events("Donald Trump spoke at length about North Korea.") if r["event_type"] == "CONSULT"]
    assert only(events("Donald Trump spoke with Kim Jong Un on Friday."), "CONSULT")["target_name"] == "Kim Jong Un"


def test_an_event_dated_elsewhere_ends_the_narrated_episode(events):
    rows = events("Vladimir Putin called Emmanuel Macron on Thursday. Putin accused Ukraine of war crimes. "
                  "Emmanuel Macron first hosted Vladimir Putin at Versailles in 2017. Putin accused Macron of naivety.")
    accusations = [r for r in rows if r["event_type"] == "ACCUSE"]
    assert [r["event_date"] for r in accusations] == ["2022-03-03", None]
