"""Wrong markers named in issue 13 ("Failure classes seen"), each with sentences written for
these tests: a place word inside a longer name (class 1), ordinary words that are also towns
(class 3), continents, seas and world regions (class 7), rivers and adjectives."""

from __future__ import annotations

import pytest

from mapapp.geoparsing.recognizer import is_world_area


def _mapped(geoparser, text):
    """Surfaces the map would draw: resolved, not demonyms."""
    return [t.surface for t in geoparser.parse(text) if t.latitude is not None and not t.is_demonym]


def _places(geoparser, text):
    return {(t.surface, t.country_code) for t in geoparser.parse(text) if not t.is_demonym}


# Class 1: the place word belongs to a club, a university, a venue or an event.
@pytest.mark.parametrize("text,not_mapped,mapped", [
    ("Shakhtar Donetsk played its home match in Lviv on Sunday.", "Donetsk", "Lviv"),
    ("Dynamo Kyiv fans gathered outside the stadium in Lviv.", "Kyiv", "Lviv"),
    ("Inter Milan signed a striker from Ajaccio.", "Milan", "Ajaccio"),
    ("The Kharkiv Polytechnic Institute moved classes online after strikes on Izium.", "Kharkiv", "Izium"),
    ("Kabul University reopened to men only, a teacher in Herat said.", "Kabul", "Herat"),
    ("Students at Lagos State University marched to Ikeja.", "Lagos State", "Ikeja"),
    ("Advertisers met at Cannes Lions before flying to Dakar.", "Cannes", "Dakar"),
    ("The Canucks lost at Rogers Arena; fans drove home to Surrey.", "Rogers", "Surrey"),
    ("Graduates of Kharkiv University volunteered in Kupiansk.", "Kharkiv", "Kupiansk"),
])
def test_a_place_word_inside_an_institution_or_club_is_not_mapped(geoparser, text, not_mapped, mapped):
    found = _mapped(geoparser, text)
    assert not_mapped not in found and not any(not_mapped in s for s in found)
    assert mapped in found


def test_a_club_prefix_leaves_the_same_city_named_alone_on_the_map(geoparser):
    found = _mapped(geoparser, "Shakhtar Donetsk cannot play at home: shelling hit Donetsk again.")
    assert found.count("Donetsk") == 1


def test_a_countrys_ministry_still_names_the_country(geoparser):
    # A country's institutions sit in it: "Ukraine Ministry" keeps Ukraine on the map.
    assert ("Ukraine", "UA") in _places(geoparser, "The Ukraine Ministry of Defence said drones hit Odesa.")


# Class 3: ordinary words that are also towns.
@pytest.mark.parametrize("text,word", [
    ("Buses left al-Waer for Idlib on Saturday. Nice words from officials will not rebuild Homs.", "Nice"),
    ("Mobile networks were down across Gaza for a third day.", "Mobile"),
    ("Reading the statement aloud, the mayor of Kharkiv paused.", "Reading"),
    ("Bath water ran out in the camps near Goma.", "Bath"),
])
def test_a_sentence_initial_ordinary_word_is_not_a_town(geoparser, text, word):
    assert word not in _mapped(geoparser, text)


@pytest.mark.parametrize("text,town,country", [
    ("Talks between the envoys were held in Nice on Monday.", "Nice", "FR"),
    ("The refugee family settled in Bath after leaving Aleppo.", "Bath", "GB"),
])
def test_the_same_words_mid_sentence_still_name_the_town(geoparser, text, town, country):
    assert (town, country) in _places(geoparser, text)


# Class 7: continents, seas, oceans and world regions. The geoparser reports them with a
# nominal point (other tests rely on it); is_world_area tells the map to leave them off.
@pytest.mark.parametrize("text,area,mapped", [
    ("Grain exports through the Black Sea resumed from Chornomorsk.", "Black Sea", "Chornomorsk"),
    ("Houthi forces fired missiles at ships in the Red Sea near Hodeidah.", "Red Sea", "Hodeidah"),
    ("The Middle East heatwave pushed temperatures in Basra above 50C.", "Middle East", "Basra"),
    ("The Sahel remains the deadliest region for jihadist violence, officials in Bamako said.", "Sahel", "Bamako"),
    ("Migrants drowned in the Mediterranean after leaving Zuwara.", "Mediterranean", "Zuwara"),
    ("Cholera spread across Africa this year, a doctor in Juba said.", "Africa", "Juba"),
    ("Ministers from the European Union visited Kyiv.", "European Union", "Kyiv"),
])
def test_world_areas_and_seas_are_told_apart_from_places_to_map(geoparser, text, area, mapped):
    toponyms = {t.surface: t for t in geoparser.parse(text)}
    if area in toponyms:
        t = toponyms[area]
        assert is_world_area(t.name, t.kind, t.country_code)
    place = toponyms[mapped]
    assert not is_world_area(place.name, place.kind, place.country_code)


def test_no_sea_in_a_story_is_left_for_the_map_to_draw(geoparser):
    text = ("Tankers crossed the Black Sea, the Red Sea and the Indian Ocean while the Sahel, "
            "the Middle East and the Horn of Africa went hungry.")
    drawn = [t.surface for t in geoparser.parse(text)
             if t.latitude is not None and not is_world_area(t.name, t.kind, t.country_code)]
    assert drawn == []


def test_a_region_cue_keeps_a_division_named_like_a_sea(geoparser):
    red_sea = [t for t in geoparser.parse("Officials in Red Sea state met aid agencies in Port Sudan.")
               if t.surface == "Red Sea"]
    assert red_sea and red_sea[0].country_code == "SD"
    assert not is_world_area(red_sea[0].name, red_sea[0].kind, red_sea[0].country_code)


# Rivers and adjectives.
def test_a_river_is_not_the_city_of_the_same_name(geoparser):
    text = "Across the Dnipro river, Russian forces shelled Kherson and the village of Bilozerka."
    found = _mapped(geoparser, text)
    assert "Dnipro" not in found and "Kherson" in found


def test_the_city_is_still_found_without_the_river(geoparser):
    assert "Dnipro" in _mapped(geoparser, "A missile hit a residential block in Dnipro.")


@pytest.mark.parametrize("text,adjective,mapped", [
    ("Saudi-led coalition jets struck targets near Sanaa.", "Saudi", "Sanaa"),
    ("Iranian-backed militias attacked a base near Erbil.", "Iranian", "Erbil"),
    ("A Qatar-brokered truce held in Gaza overnight.", "Qatar", "Gaza"),
])
def test_a_hyphenated_adjective_is_read_as_a_demonym(geoparser, text, adjective, mapped):
    toponyms = {t.surface: t for t in geoparser.parse(text)}
    assert adjective not in _mapped(geoparser, text)
    if adjective in toponyms:
        assert toponyms[adjective].is_demonym
    assert mapped in _mapped(geoparser, text)


def test_a_hospital_named_with_another_name_of_a_town_is_a_building(geoparser):
    text = "A doctor at the al-Thawra hospital in Hodeidah said cholera cases had doubled."
    assert _mapped(geoparser, text) == ["Hodeidah"]


def test_the_same_name_on_its_own_is_still_the_town(geoparser):
    assert "Thawra" in _mapped(geoparser, "Residents of al-Thawra fled toward Raqqa.")


# Class 4: prominence and document focus, on the shapes of conflict news.
def _resolved(geoparser, text):
    return [(t.surface, t.name, t.kind, t.country_code, t.confidence) for t in geoparser.parse(text)
            if not t.is_demonym]


def test_a_bare_name_is_the_town_even_after_the_story_named_its_region(geoparser):
    text = ("Drones hit Kherson region overnight, the governor said. In Kherson, a bus depot burned "
            "and two drivers were wounded.")
    found = _resolved(geoparser, text)
    assert [kind for surface, _name, kind, _cc, _conf in found if surface == "Kherson"] == ["region", "city"]


@pytest.mark.parametrize("text,town", [
    ("A glide bomb struck a hospital in Zaporizhzhia on Monday.", "Zaporizhzhia"),
    ("Government aircraft bombed a bakery in Raqqa.", "Raqqa"),
    ("Protesters blocked the port road in Basra over power cuts.", "Basra"),
])
def test_a_bare_name_shared_by_a_province_and_its_town_is_the_town(geoparser, text, town):
    [kind] = [kind for surface, _name, kind, _cc, _conf in _resolved(geoparser, text) if surface == town]
    assert kind == "city"


def test_a_state_named_like_a_bigger_differently_named_city_stays_a_choice_of_the_parser(geoparser):
    # New York City's own name is longer, so "New York" is not forced to the city: LGL's local
    # news mean the state as often as not.
    found = _resolved(geoparser, "Lawmakers in New York passed the budget on Friday.")
    assert [surface for surface, *_ in found] == ["New York"]


def test_congo_is_the_congo_the_story_is_about(geoparser):
    east = _resolved(geoparser, "Fighting in eastern Congo continued near Goma and Bukavu.")
    west = _resolved(geoparser, "In Congo, police in Brazzaville and Pointe-Noire arrested protesters.")
    assert [cc for surface, _n, _k, cc, _c in east if surface == "Congo"] == ["CD"]
    assert [cc for surface, _n, _k, cc, _c in west if surface == "Congo"] == ["CG"]


def test_a_hamlet_far_from_the_story_is_sent_to_review_not_drawn_as_sure(geoparser, settings):
    text = "Displaced families from Tawila in North Darfur walked for three days to reach El Fasher."
    found = {surface: (cc, conf) for surface, _n, _k, cc, conf in _resolved(geoparser, text)}
    country, confidence = found["Tawila"]
    # The gazetteer lacks the Darfur village; the only Tawila it knows is a Yemeni hamlet.
    assert country != "SD"
    assert confidence < settings.MAP_SURE_CONFIDENCE
    assert found["El Fasher"][1] >= settings.MAP_SURE_CONFIDENCE


def test_a_small_town_in_the_country_of_the_story_stays_sure(geoparser, settings):
    text = "Shelling hit Kupiansk and Izium in Kharkiv region, officials in Kharkiv said."
    found = {surface: conf for surface, _n, _k, _cc, conf in _resolved(geoparser, text)}
    assert found["Kupiansk"] >= settings.MAP_SURE_CONFIDENCE
