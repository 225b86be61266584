"""The geopy geocoder over the gazetteer, and the optional online fallback.

The online service cannot be reached here, so the fallback is exercised with a stand-in
object that has a geopy geocoder's ``geocode`` method: the one fake these tests allow.
"""

from __future__ import annotations

import time

import pytest
from geopy.location import Location

from mapapp.geoparsing.geocoder import (
    FallbackGeocoder,
    GazetteerGeocoder,
    online_fallback,
)


@pytest.fixture(scope="module")
def geocoder(geoparser):
    return GazetteerGeocoder(geoparser.gazetteer)


def test_it_returns_a_geopy_location_with_the_geonames_facts(geocoder):
    location = geocoder.geocode("Tripoli, Lebanon")
    assert isinstance(location, Location)
    assert location.raw["geonameid"] == 266826
    assert location.raw["kind"] == "city" and location.raw["country_code"] == "LB"
    assert location.raw["country"] == "Lebanon"
    assert location.raw["population"] > 100_000
    assert abs(location.latitude - 34.43) < 0.1 and abs(location.longitude - 35.84) < 0.1


def test_containers_narrow_the_answer(geocoder):
    assert geocoder.geocode("Paris, Texas").raw["country_code"] == "US"
    assert geocoder.geocode("Paris").raw["country_code"] == "FR"
    assert geocoder.geocode("Idlib, Syria").raw["kind"] == "region"


def test_it_lists_alternatives_when_asked(geocoder):
    found = geocoder.geocode("Springfield", exactly_one=False)
    assert isinstance(found, list) and len(found) > 3
    assert all(isinstance(loc, Location) for loc in found)
    assert found[0].raw["population"] >= found[-1].raw["population"]


def test_it_answers_none_for_unknown_names(geocoder):
    assert geocoder.geocode("Qwxzville") is None
    assert geocoder.geocode("Qwxzville", exactly_one=False) is None


class StandInOnlineGeocoder:
    """Records calls like an online geopy geocoder would receive them."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float]] = []

    def geocode(self, query, exactly_one=True):
        self.calls.append((query, time.monotonic()))
        return Location(f"{query} (online)", (10.0, 20.0), {"source": "online"})


def test_the_fallback_is_rate_limited_and_cached():
    online = StandInOnlineGeocoder()
    lookup = online_fallback(online, min_delay_seconds=0.3)
    first = lookup("Smallville Hamlet")
    again = lookup("smallville  hamlet")
    other = lookup("Another Hamlet")
    assert first.raw["source"] == "online" and again is first and other is not None
    assert [q for q, _t in online.calls] == ["Smallville Hamlet", "Another Hamlet"]
    assert online.calls[1][1] - online.calls[0][1] >= 0.29


def test_the_gazetteer_answers_first_and_the_fallback_only_for_what_it_lacks(geocoder):
    online = StandInOnlineGeocoder()
    combined = FallbackGeocoder(geocoder, online_fallback(online, min_delay_seconds=0.0))
    assert combined.geocode("Damascus").raw["source"] == "gazetteer"
    assert online.calls == []
    assert combined.geocode("Qwxzville").raw["source"] == "online"
    assert [q for q, _t in online.calls] == ["Qwxzville"]


def test_without_a_fallback_it_stays_offline(geocoder):
    assert FallbackGeocoder(geocoder).geocode("Qwxzville") is None
