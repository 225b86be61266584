"""Disambiguation: the same name means different places in different stories."""

from __future__ import annotations


def _place(geoparser, text, surface):
    return next(t for t in geoparser.parse(text) if t.surface == surface)


def test_tripoli_is_the_libyan_capital_in_a_story_about_misrata_and_benghazi(geoparser):
    t = _place(geoparser, "Militias from Misrata and Benghazi fought for control of Tripoli.", "Tripoli")
    assert t.country_code == "LY"


def test_tripoli_is_the_lebanese_port_in_a_story_about_beirut(geoparser):
    t = _place(geoparser, "Clashes in Beirut spread north to the port city of Tripoli.", "Tripoli")
    assert t.country_code == "LB"


def test_famous_cities_are_not_us_towns_in_a_foreign_story(geoparser):
    text = "Damascus is quiet. Moscow objected, and Paris and Georgia agreed."
    places = {t.surface: t for t in geoparser.parse(text)}
    assert places["Damascus"].country_code == "SY"
    assert places["Moscow"].country_code == "RU"
    assert places["Paris"].country_code == "FR"
    assert places["Georgia"].country_code == "GE"


def test_they_are_us_places_when_the_story_is_about_the_us(geoparser):
    text = ("The county fair in Paris, Texas, drew crowds. Georgia officials met in Atlanta, "
            "and farmers from Moscow, Idaho, came too.")
    places = {t.surface: t for t in geoparser.parse(text)}
    assert places["Paris"].country_code == "US" and places["Paris"].admin1 == "Texas"
    assert places["Georgia"].country_code == "US" and places["Georgia"].kind == "region"
    assert places["Moscow"].country_code == "US" and places["Moscow"].admin1 == "Idaho"


def test_one_name_gets_one_sense_per_document(geoparser):
    text = "Alexandria, Va., officials met. Later, Alexandria police said the road had reopened."
    senses = {t.geonameid for t in geoparser.parse(text) if t.surface == "Alexandria"}
    assert len(senses) == 1


def test_candidates_list_the_alternatives_best_first(geoparser):
    t = _place(geoparser, "Clashes in Beirut spread north to Tripoli.", "Tripoli")
    scores = [c.score for c in t.candidates]
    assert len(t.candidates) > 1 and scores == sorted(scores, reverse=True)
    assert t.candidates[0].geonameid == t.geonameid
    assert 0.0 <= t.confidence <= 1.0


def test_a_capital_that_shares_its_name_with_a_province_is_the_capital(geoparser):
    text = "The girl died in a Buenos Aires hospital, Argentina's health ministry said."
    t = _place(geoparser, text, "Buenos Aires")
    assert t.kind == "city" and t.population > 1_000_000


def test_bare_washington_in_us_news_is_the_capital_not_the_state(geoparser):
    text = "Lawmakers in Washington debated the farm bill on Tuesday as Iowa growers waited."
    t = _place(geoparser, text, "Washington")
    assert t.kind == "city" and t.admin1 == "District of Columbia"


def test_a_capital_of_a_country_the_story_names_beats_a_us_namesake(geoparser):
    text = ("The U.S. Department of Agriculture tested pigs in Hazleton, Pennsylvania. The U.S. and the "
            "US Army joined. Pigs in Virginia and the U.S. were fine. Italy sent experts. An expert at the "
            "Food and Agriculture Organization in Rome said the US findings were reassuring.")
    assert _place(geoparser, text, "Rome").country_code == "IT"


def test_a_county_located_in_a_named_state_is_that_states_even_when_another_state_is_named(geoparser):
    text = ("Labs in Ohio tested the samples. The virus was found in ducks in Crawford County "
            "located in Pennsylvania.")
    assert _place(geoparser, text, "Crawford County").admin1 == "Pennsylvania"


def test_nyanza_in_a_kenyan_story_is_the_former_province_not_the_rwandan_town(geoparser):
    text = ("Cholera has spread in Kenya. Nyanza Province has felt the brunt of the outbreak, and the "
            "deputy director of health services in Nyanza said Kisumu was worst hit.")
    nyanzas = [t for t in geoparser.parse(text) if t.surface.startswith("Nyanza")]
    assert len(nyanzas) == 2
    assert all(t.country_code == "KE" and t.kind == "region" for t in nyanzas)


def test_the_pacific_northwest_sits_amid_washington_oregon_and_idaho(geoparser):
    text = "Flyways over the Pacific Northwest are watched closely."
    t = _place(geoparser, text, "Pacific Northwest")
    # The area-weighted centre of the three states lies in north-eastern Oregon.
    assert 44.0 < t.latitude < 45.5 and -119.5 < t.longitude < -117.0


def test_the_atlantic_is_placed_mid_ocean_not_in_its_northern_half(geoparser):
    t = _place(geoparser, "Ships crossed the Atlantic with vaccine.", "Atlantic")
    assert t.kind == "other" and -10 < t.latitude < 10


def test_a_city_is_not_made_doubtful_by_the_region_of_the_same_name_that_holds_it(geoparser):
    (aleppo, _syrian) = geoparser.parse("Shelling hit Aleppo on Monday, Syrian state media said.")
    assert aleppo.country_code == "SY"
    assert aleppo.confidence > 0.9
