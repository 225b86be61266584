"""The DW article the project started from must map correctly, as a careful reader would."""

from __future__ import annotations

import itertools
import math

import pytest

# name in the text -> (latitude, longitude) of the right spot, or a GeoNames id.
PLACES = {
    "Latakia": (35.53, 35.79),
    "Tartus": (34.89, 35.89),
    "Idlib": 169387,  # the province: "Syria's northwestern province of Idlib"
    "Damascus": (33.51, 36.29),
    "Syria": 163843,
    "Russia": 2017370,
    "Iran": 130758,
    "London": (51.51, -0.13),
    "Moscow": (55.75, 37.62),
    "Ukraine": 690791,
    "Europe": 6255148,
    "Britain": 2635167,
    "Israel": 294640,
    "Middle East": (29.0, 41.0),
}
PEOPLE_AND_ORGANISATIONS = [
    "John Kerry", "Kerry", "Philip Hammond", "Hammond", "Sergey Lavrov", "Lavrov",
    "Hafez al-Assad", "Assad", "Valentina Melnikova", "Melnikova", "Echo of Moscow", "Nusra Front", "Nusra",
]
DEMONYMS = {"Syrian": "SY", "Russian": "RU", "British": "GB"}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def toponyms(geoparser, dw_article):
    return geoparser.parse(dw_article)


@pytest.mark.parametrize("surface", sorted(PLACES))
def test_it_puts_each_place_of_the_article_on_the_right_spot(toponyms, surface):
    found = [t for t in toponyms if t.surface == surface and not t.is_demonym]
    assert found, f"{surface} was not found"
    expected = PLACES[surface]
    for t in found:
        if isinstance(expected, int):
            assert t.geonameid == expected, (surface, t)
        else:
            assert t.geonameid is not None or t.kind == "other"
            assert _km(t.latitude, t.longitude, *expected) < 161, (surface, t)


def test_it_maps_idlib_to_the_province(toponyms):
    idlib = [t for t in toponyms if t.surface == "Idlib"]
    assert idlib and all(t.kind == "region" and t.country_code == "SY" for t in idlib)


def test_it_does_not_map_the_people_or_organisations(toponyms, dw_article):
    spans = [(t.start, t.end) for t in toponyms]
    for name in PEOPLE_AND_ORGANISATIONS:
        start = dw_article.find(name)
        while start >= 0:
            end = start + len(name)
            overlapping = [dw_article[s:e] for s, e in spans if s < end and start < e]
            assert not overlapping, f"{name!r} at {start} mapped as {overlapping}"
            start = dw_article.find(name, end)


@pytest.mark.parametrize("surface,country", sorted(DEMONYMS.items()))
def test_it_flags_demonyms_and_links_them_to_their_country(toponyms, surface, country):
    found = [t for t in toponyms if t.surface == surface]
    assert found
    assert all(t.is_demonym and t.kind == "country" and t.country_code == country for t in found)


def test_spans_are_sorted_non_overlapping_and_match_the_text(toponyms, dw_article):
    for t in toponyms:
        assert dw_article[t.start:t.end] == t.surface
    for a, b in itertools.pairwise(toponyms):
        assert a.end <= b.start
