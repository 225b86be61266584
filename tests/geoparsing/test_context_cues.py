"""Context cues: enumerations share a kind, "the" marks a sea or a world region."""

from __future__ import annotations


def _places(geoparser, text):
    return {t.surface: t for t in geoparser.parse(text)}


def test_an_item_in_a_list_of_states_is_a_state_not_a_town_in_a_fellow_state(geoparser):
    text = ("Cases were found in a diverse group of states including Georgia, Oklahoma, "
            "Pennsylvania, Wisconsin and California.")
    oklahoma = _places(geoparser, text)["Oklahoma"]
    assert oklahoma.kind == "region" and oklahoma.admin1 == "Oklahoma"


def test_washington_in_a_list_of_states_is_the_state(geoparser):
    text = "Outbreaks were reported in Oregon, Tennessee, Texas, Utah, Washington, West Virginia and Wyoming."
    washington = _places(geoparser, text)["Washington"]
    assert washington.kind == "region" and washington.admin1 == "Washington"


def test_a_town_and_its_state_are_not_a_list_of_towns(geoparser):
    text = "Officials in Springfield, Illinois, and Columbus met on Monday."
    assert _places(geoparser, text)["Illinois"].kind == "region"


def test_the_pacific_is_the_ocean_even_in_a_story_about_the_us_northwest(geoparser):
    text = ("Flyways at most risk are on the Pacific side of the Americas, in Alaska and the "
            "Pacific Northwest, and in Washington and Oregon.")
    assert _places(geoparser, text)["Pacific"].kind == "other"


def test_a_long_list_of_states_stays_a_list_despite_a_town_state_lookalike_pair(geoparser):
    text = "Cases were reported in Tennessee, Texas, Utah, Virginia, Washington, West Virginia and Wyoming."
    washington = _places(geoparser, text)["Washington"]
    assert washington.kind == "region" and washington.admin1 == "Washington"
