"""Coding actors the text does not code outright: the story's country, role nouns from the
agents dictionary, what an affiliation says. Invented names and places, so nothing here is
known to the dictionaries."""

from tests.unit.nlp.conftest import actor_named, mentions_of


def test_the_dateline_places_actors_without_a_country_and_is_not_an_actor(run):
    doc = run("Port reform stalls\n\nNAIROBI \u2014 Dock worker Kamau Otieno said the reform had stalled. "
              "His lawyer, Wanjiru Maina, said the case was adjourned.")
    assert actor_named(doc, "NAIROBI") is None and actor_named(doc, "Nairobi") is None
    assert actor_named(doc, "Wanjiru Maina")["country"] == "KEN"
    assert actor_named(doc, "Wanjiru Maina")["sector"] == "JUD"  # "lawyer", from the agents dictionary


def test_without_a_dateline_the_country_the_article_names_most_places_them(run):
    doc = run("Chile's government and Chile's unions met in Chile's capital. "
              "Economist Teodora Vasquez said Chilean exports were falling. Argentina watched.")
    assert actor_named(doc, "Teodora Vasquez")["country"] == "CHL"


def test_no_country_is_guessed_when_no_country_leads(run):
    doc = run("Teodora Vasquez met officials from Peru and from Bolivia.")
    assert actor_named(doc, "Teodora Vasquez")["country"] is None


def test_a_country_inside_an_organisations_name_is_its_country(run):
    doc = run("Orrin Halvorsen, president and chief executive of the Seafood Exporters Council of the "
              "United States, said the tariffs would hurt.")
    council = next(a for a in doc._.pw_actors if a["name"].startswith("Seafood Exporters Council"))
    assert council["country"] == "USA"  # whether or not the model's name runs on to "of the United States"
    halvorsen = actor_named(doc, "Orrin Halvorsen")
    # heads an organisation, not a state: not GOV for the word "president"
    assert halvorsen["country"] == "USA" and halvorsen["sector"] != "GOV"


def test_role_nouns_before_a_name_come_from_the_agents_dictionary_too(run):
    doc = run("\u201cWe will wait,\u201d said history lecturer Selin Akgun of Marmara Polytechnic. "
              "Justice Tendai Moyo adjourned the hearing.")
    assert actor_named(doc, "Selin Akgun")["sector"] == "EDU"
    assert actor_named(doc, "Tendai Moyo")["sector"] == "JUD"


def test_transnational_dictionary_codes_are_not_countries(run):
    doc = run("Amnesty International condemned the arrests in Harare.")
    amnesty = actor_named(doc, "Amnesty International")
    assert amnesty is not None and amnesty["country"] is None and amnesty["sector"] == "NGO"


def test_a_former_official_is_an_elite_and_a_serving_one_government(run):
    doc = run("Tomas Varga, a former Slovak foreign minister, criticised the plan. "
              "Former Defense Minister Ana Kos agreed. Prime Minister Robert Fico defended it.")
    coded = {a["name"]: a["sector"] for a in doc._.pw_actors}
    assert coded["Tomas Varga"] == "ELI" and coded["Ana Kos"] == "ELI"
    assert coded["Robert Fico"] == "GOV"


def test_a_relative_without_a_post_is_a_civilian(run):
    doc = run("The son of jailed publisher Oskar Brandt spoke in Berlin. Brandt's son Tobias Brandt "
              "said the family was hopeful.")
    assert actor_named(doc, "Tobias Brandt")["sector"] == "CVL"
    assert actor_named(doc, "Oskar Brandt")["sector"] != "CVL"


def test_a_name_that_starts_like_a_verb_is_a_person_when_described_as_one(run):
    # the small model tags "Blessed" here as a verb
    doc = run("Police arrested him in February. Blessed Ndlovu, a journalist with NewsDay and Heart and "
              "Soul Television, has been in custody since then.")
    ndlovu = actor_named(doc, "Blessed Ndlovu")
    assert ndlovu is not None and ndlovu["sector"] == "MED"


def test_a_country_office_is_its_organisation_and_its_spokesperson_works_for_it(run):
    doc = run("Lena Holm, a spokesperson for UNHCR Sudan, said funding was short. UNHCR later confirmed it.")
    holm = actor_named(doc, "Lena Holm")
    assert (holm["country"], holm["sector"]) == ("IGO", "IGO")
    assert actor_named(doc, "UNHCR Sudan") is None and actor_named(doc, "UNHCR") is not None


def test_a_ministry_spokeswoman_stays_government(run):
    doc = run("Anna Berg, a spokeswoman for the Swedish Foreign Ministry, said talks would go on.")
    assert actor_named(doc, "Anna Berg")["sector"] == "GOV"


def test_a_party_called_ruling_governs_and_one_called_opposition_does_not(run):
    doc = run("The ruling Labour Party lost four seats on Sunday, while the opposition Green Party gained six.")
    assert actor_named(doc, "Labour Party")["sector"] == "GOV"
    assert actor_named(doc, "Green Party")["sector"] == "OPP"


def test_a_party_name_many_countries_use_takes_the_country_named_where_it_is_introduced(run):
    doc = run("Ferry talks\n\nWASHINGTON \u2014 The State Department said on Monday the talks would resume. "
              "The Socialist Party, which has governed Portugal since 2015, welcomed the news. "
              "Washington and Lisbon will meet again in May.")
    assert actor_named(doc, "Socialist Party")["country"] == "PRT"


def test_relatives_are_from_where_their_family_is_from(run):
    doc = run("Travel ban\n\nNAIROBI \u2014 Former Peruvian President Alan Vargas and his wife, Rosa Vargas, "
              "were barred from entering Kenya, officials said on Monday.")
    assert actor_named(doc, "Alan Vargas")["country"] == "PER"
    assert actor_named(doc, "Rosa Vargas")["country"] == "PER"


def test_a_relative_in_a_list_of_relatives_is_a_person_and_a_civilian(run):
    doc = run("Under the sanctions, Finance Minister Dorin Vasilescu, his wife, Elena Vasilescu, and his son, "
              "Mihai Vasilescu, are barred from travel.")
    for name in ("Elena Vasilescu", "Mihai Vasilescu"):
        relative = actor_named(doc, name)
        assert relative is not None and relative["kind"] == "person" and relative["sector"] == "CVL", name
    assert actor_named(doc, "Dorin Vasilescu")["sector"] == "GOV"  # the one whose wife and son they are


def test_what_an_organisation_is_said_to_be_gives_its_sector(run):
    doc = run("Water Lee, a consultant with InterDots, a company that provides immigration services, "
              "told reporters that many families were moving.")
    assert actor_named(doc, "InterDots")["sector"] == "BUS"
    assert actor_named(doc, "Water Lee")["sector"] == "BUS"  # works for a company


def test_a_company_tagged_as_a_person_is_an_organisation(run):
    doc = run("Daniel Cheng, president of Wan Guo Jin Liang Company, said developers use sales teams.")
    company = actor_named(doc, "Wan Guo Jin Liang Company")
    assert company["kind"] == "organization" and company["sector"] == "BUS"
    assert actor_named(doc, "Daniel Cheng")["sector"] == "BUS"  # heads a company, not a state


def test_the_head_of_a_name_with_of_comes_before_it(run):
    doc = run("Students at the University of Somalia protested on Monday.")
    assert actor_named(doc, "University of Somalia")["sector"] == "EDU"


def test_a_body_right_after_a_name_is_the_persons_affiliation(run):
    doc = run("Sirio Canos-Donnay from the Spanish National Research Council said the dig went well.")
    assert actor_named(doc, "Sirio Canos-Donnay")["country"] == "ESP"


def test_a_short_title_is_not_written_as_an_acronym(run):
    doc = run("Mayor Ana Ruiz said the market would reopen. Foreign Minister Tom Hale agreed.")
    assert actor_named(doc, "Ana Ruiz")["title"] == "Mayor"
    assert actor_named(doc, "Tom Hale")["title"] == "Foreign Minister"


def test_a_person_named_with_no_post_or_affiliation_is_a_private_person(run):
    doc = run("Anton Kristian said a schoolmate introduced him to the dish five years ago.")
    assert actor_named(doc, "Anton Kristian")["sector"] == "CVL"


def test_a_copular_description_codes_like_an_apposition(run):
    doc = run("Rebecca Stone is the editor of The Daily Courier. Stone said the paper would appeal.")
    assert actor_named(doc, "Rebecca Stone")["sector"] == "MED"


def test_without_a_dateline_the_people_the_text_places_say_where_the_others_are_from(run):
    doc = run("Chile's army and Chile's unions met in Chile's capital, and Chile's ports closed. "
              "Argentine President Lucia Ferraro and Argentine Foreign Minister Tomas Ibarra said so. "
              "Economist Teodora Vasquez agreed.")
    assert actor_named(doc, "Teodora Vasquez")["country"] == "ARG"  # not Chile, the country named most


def test_an_organisations_head_noun_gives_its_sector(run):
    doc = run("The Senate Committee on Harbour Affairs met the Valdoria Observatory for Press Freedom, "
              "the Korvath Air Force and the Brennan Society of Engineers. The Westmark Arms Association "
              "objected, and the House Fisheries Committee agreed.")
    sectors = {name: actor_named(doc, name)["sector"] for name in (
        "Senate Committee on Harbour Affairs", "Valdoria Observatory for Press Freedom", "Korvath Air Force",
        "Brennan Society of Engineers", "Westmark Arms Association", "House Fisheries Committee")}
    assert sectors == {"Senate Committee on Harbour Affairs": "LEG", "Valdoria Observatory for Press Freedom": "NGO",
                       "Korvath Air Force": "MIL", "Brennan Society of Engineers": "NGO",
                       "Westmark Arms Association": "NGO", "House Fisheries Committee": "LEG"}


def test_a_plural_head_and_a_country_before_a_chamber_still_give_the_sector(run):
    doc = run("ISLAMABAD \u2014 Pakistan's government met. The Valdorian Trade Offices were closed, and the "
              "U.S. House of Representatives voted. The rest came from the Democratic Republic of Congo.")
    assert actor_named(doc, "Valdorian Trade Offices")["sector"] == "GOV"
    assert actor_named(doc, "U.S. House of Representatives")["sector"] == "LEG"
    assert actor_named(doc, "Democratic Republic of Congo")["country"] == "COD"


def test_a_contributor_line_names_journalists_and_where_they_report_from(run):
    doc = run("Port reform stalls\n\nNAIROBI \u2014 Kenya's dockers went on strike. Kenya's ports closed.\n\n"
              "Associated Press writers Ilse Varga in Vienna and Tomas Lindqvist contributed to this report.\n\n"
              "Reporting by Wanjiru Maina; Editing by Orrin Halvorsen")
    varga, lindqvist = actor_named(doc, "Ilse Varga"), actor_named(doc, "Tomas Lindqvist")
    assert (varga["country"], varga["sector"]) == ("AUT", "MED")
    assert (lindqvist["country"], lindqvist["sector"]) == ("KEN", "MED")
    for name in ("Wanjiru Maina", "Orrin Halvorsen"):
        assert actor_named(doc, name)["sector"] == "MED"


def test_a_contribution_that_is_not_to_the_report_says_nothing(run):
    doc = run("MOSCOW \u2014 Russia's parties met. The donor Ivan Petrov contributed to the campaign. "
              "Officials said Boris Orlov contributed to this report.")
    assert actor_named(doc, "Ivan Petrov")["sector"] != "MED"
    assert actor_named(doc, "Boris Orlov")["sector"] != "MED"


def test_a_member_of_a_legislature_is_a_lawmaker(run):
    doc = run("MOGADISHU \u2014 Somalia's president signed the law. Abdi Warsame, a member of the upper house, "
              "urged calm. Ann Lowell, a member of the choir, sang.")
    assert actor_named(doc, "Abdi Warsame")["sector"] == "LEG"
    assert actor_named(doc, "Ann Lowell")["sector"] != "LEG"


def test_the_organisation_a_person_teaches_at_or_founded_gives_their_sector(run):
    doc = run("MOGADISHU \u2014 Somalia's president signed the law. Abdi Warsame lectures on politics at the "
              "Horn Polytechnic University. Kenji Arata founded Suzuran Corporation in 2017.")
    assert actor_named(doc, "Abdi Warsame")["sector"] == "EDU"
    assert actor_named(doc, "Kenji Arata")["sector"] == "BUS"


def test_former_before_a_nationality_makes_an_elite(run):
    doc = run("ANKARA \u2014 Turkey's government met. \u201cIt is bad,\u201d said former Turkish Ambassador "
              "Selin Akgun.")
    assert actor_named(doc, "Selin Akgun")["sector"] == "ELI"


def test_a_body_of_an_international_organisation_is_igo(run):
    doc = run("TEHRAN \u2014 Iran's government met. The U.N. Disarmament Panel voted on Monday.")
    panel = actor_named(doc, "U.N. Disarmament Panel")
    assert (panel["country"], panel["sector"]) == ("IGO", "IGO")


def test_a_party_or_a_parliament_without_a_country_takes_the_one_named_beside_it(run):
    doc = run("Vote count\n\nWASHINGTON \u2014 The U.S. envoy met Albania's leaders. Albanian President Ilir Meta "
              "praised the Democratic Party. The ruling Socialist Party won, a blow for the Democratic Party. "
              "Meta remained in Parliament.")
    assert actor_named(doc, "Socialist Party")["country"] == "ALB"
    assert actor_named(doc, "Parliament")["country"] == "ALB"


def test_a_cause_in_an_organisations_name_makes_it_an_ngo(run):
    doc = run("The Patagonian Civil Liberties Union sued the province. The Committee to Protect Reporters "
              "condemned the arrests.")
    assert actor_named(doc, "Patagonian Civil Liberties Union")["sector"] == "NGO"
    assert actor_named(doc, "Committee to Protect Reporters")["sector"] == "NGO"


def test_a_party_is_coded_by_its_spell_in_government_or_opposition_on_the_articles_date(run):
    text = "Pakistan Tehreek-e-Insaf said the vote was rigged. PTI supporters marched in Lahore."
    in_power, out_of_power = run(text, published="2020-06-01"), run(text, published="2023-06-01")
    assert actor_named(in_power, "Pakistan Tehreek-e-Insaf")["sector"] == "GOV"
    assert actor_named(out_of_power, "Pakistan Tehreek-e-Insaf")["sector"] == "OPP"
    assert actor_named(out_of_power, "Pakistan Tehreek-e-Insaf")["country"] == "PAK"


def test_a_party_outside_its_listed_spells_is_a_party(run):
    doc = run("Leaders of the Freedom and Justice Party, the political arm of the Muslim Brotherhood, said they "
              "would contest the vote.", published="2011-10-01")
    assert actor_named(doc, "Freedom and Justice Party")["sector"] == "PTY"


def test_a_countrys_parliament_court_or_election_commission_in_lower_case_is_its_own_actor(run):
    doc = run("Last week, Ghana's parliament passed the budget. Ghana's electoral commission rejected the "
              "complaint, and Ghana's judiciary stayed silent. The parliament meets again in May. "
              "Ghana's government welcomed the vote.")
    parliament = actor_named(doc, "Ghana's parliament")
    assert (parliament["country"], parliament["sector"]) == ("GHA", "LEG")
    assert actor_named(doc, "Ghana's electoral commission")["sector"] == "GOV"
    assert actor_named(doc, "Ghana's judiciary")["sector"] == "JUD"
    assert actor_named(doc, "Ghana's government") is None  # the government is the country
    assert "The parliament" in mentions_of(doc, "Ghana's parliament")


def test_a_council_or_committee_on_a_cause_is_an_ngo_and_no_body_of_a_namesake(run):
    doc = run("The European Council on Foreign Relations said so. The Council for Democratic Reform criticised "
              "the vote. The Danish Refugee Council helped. The European Council met in Brussels.")
    assert actor_named(doc, "European Council on Foreign Relations")["sector"] == "NGO"
    assert actor_named(doc, "European Council on Foreign Relations")["country"] != "IGO"
    assert actor_named(doc, "Council for Democratic Reform")["sector"] == "NGO"
    assert actor_named(doc, "Danish Refugee Council")["sector"] == "NGO"
    assert (actor_named(doc, "European Council")["country"], actor_named(doc, "European Council")["sector"]) == ("IGO", "IGO")


def test_where_a_person_comes_from_and_media_and_business_titles_code_them(run):
    doc = run("Osaka-based bakery owner Lin Meiyu, who is originally from Taiwan, told reporters that rents "
              "had doubled. Kofi Mensah, a native of Ghana, agreed in an interview with conservative radio host "
              "Dale Rourke.")
    lin = actor_named(doc, "Lin Meiyu")
    assert (lin["country"], lin["sector"]) == ("TWN", "BUS")
    assert actor_named(doc, "Kofi Mensah")["country"] == "GHA"
    assert actor_named(doc, "Dale Rourke")["sector"] == "MED"


def test_the_ball_in_a_countrys_court_is_an_idiom_and_a_bus_terminal_a_place(run):
    doc = run("The ball is now in Russia's court when it comes to Ukraine, she said. Sellers gathered at the "
              "Tirtonadi Bus Terminal in Solo.")
    found = {a["name"] for a in doc._.pw_actors}
    assert "Russia's court" not in found and "Tirtonadi Bus Terminal" not in found
    assert "Russia" in found
