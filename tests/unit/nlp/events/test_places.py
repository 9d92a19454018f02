from pipelines.nlp.places import resolve_place


def test_country_names_are_countries_not_towns():
    for name, iso3 in [("Jordan", "JOR"), ("Georgia", "GEO"), ("the United States", "USA"), ("U.S.", "USA"),
                       ("Britain", "GBR"), ("Saudi Arabia", "SAU")]:
        place = resolve_place(name)
        assert place is not None and place.kind == "country" and place.country == iso3, name
        assert place.latitude is not None and place.longitude is not None


def test_city_is_the_most_populous_by_default():
    place = resolve_place("Moscow")
    assert (place.country, place.kind) == ("RUS", "city")
    assert abs(place.latitude - 55.75) < 0.5


def test_actor_country_breaks_ties_among_comparable_places_only():
    assert resolve_place("Tripoli").country == "LBY"
    assert resolve_place("Tripoli", {"LBN"}).country == "LBN"
    # Paris, Texas is a hundredth of Paris: an American actor does not move Paris to Texas
    assert resolve_place("Paris", {"USA"}).country == "FRA"


def test_regions_and_unknown_names():
    assert resolve_place("Persian Gulf").kind == "region"
    assert resolve_place("Fort de Nowhere") is None
    assert resolve_place("") is None
    assert resolve_place("the West") is None
