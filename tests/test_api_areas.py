"""Weight by what happened where: towns and sites are the map's subject; countries and world
areas (continents, oceans, "the Middle East") are counted beside it, drawn (countries only,
as outlines) when asked, and never a point at sea. Places at one point share a marker that
lists them, so the page can spread them apart."""
import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Place
from tests.test_api_map import mention, place, places_api

pytestmark = pytest.mark.django_db
DAY = dt.date(2025, 3, 1)


@pytest.fixture
def news():
    aleppo = place("Aleppo", 36.2, 37.16)
    syria = place("Syria", 35.0, 38.0, Place.Kind.COUNTRY)
    africa = place("Africa", 7.19, 21.09, Place.Kind.OTHER, country="")
    indian_ocean = place("Indian Ocean", -10.0, 70.0, Place.Kind.OTHER, country="")
    mention(aleppo, DAY)
    for _ in range(3):
        mention(syria, DAY)
    mention(africa, DAY)
    mention(indian_ocean, DAY)
    return {"aleppo": aleppo, "syria": syria, "africa": africa}


def names(features):
    return sorted(f["properties"]["name"] for f in features)


def test_countries_and_world_areas_are_counted_beside_the_map_not_drawn_by_default(client, news):
    data = places_api(client, zoom=4)
    assert names(data["features"]) == ["Aleppo"]
    assert [p["name"] for p in data["places"]] == ["Aleppo"]
    assert data["areas"] == [
        {"id": news["syria"].pk, "name": "Syria", "kind": "country", "country_code": "SY",
         "mentions": 3},
        {"id": news["africa"].pk, "name": "Africa", "kind": "other", "country_code": "",
         "mentions": 1},
        {"id": Place.objects.get(name="Indian Ocean").pk, "name": "Indian Ocean", "kind": "other",
         "country_code": "", "mentions": 1},
    ]
    assert data["totals"] == {"mentions": 1, "places": 1, "area_mentions": 5}
    assert names(places_api(client)["features"]) == ["Aleppo"]


def test_areas_show_draws_countries_as_areas_but_never_a_world_area_at_sea(client, news):
    for params in ({"areas": "show"}, {"areas": "show", "zoom": 4}):
        data = places_api(client, **params)
        assert names(data["features"]) == ["Aleppo", "Syria"]
        area = {f["properties"]["name"]: f["properties"]["area"] for f in data["features"]}
        assert area == {"Aleppo": False, "Syria": True}
        assert data["totals"]["mentions"] == 4 and data["totals"]["area_mentions"] == 5
        assert [a["name"] for a in data["areas"]] == ["Syria", "Africa", "Indian Ocean"]


def test_the_areas_list_follows_the_view(client, news):
    data = places_api(client, start="2026-01-01")
    assert data["areas"] == [] and data["totals"]["area_mentions"] == 0
    assert [a["name"] for a in places_api(client, country="SY")["areas"]] == ["Syria"]


def test_a_country_picked_from_the_list_shows_its_passages(client, news):
    data = client.get(reverse("mapapp:api-place-mentions", args=[news["syria"].pk])).json()
    assert data["count"] == 3 and data["place"]["area"] is True
    data = client.get(reverse("mapapp:api-place-mentions", args=[news["africa"].pk])).json()
    assert data["count"] == 1


def test_a_first_level_region_named_like_a_sea_is_drawn(client):
    # "Red Sea" state of Sudan has a country: it is a region on land, not a world area.
    red_sea_state = place("Red Sea", 20.0, 36.0, Place.Kind.REGION, country="SD")
    mention(red_sea_state, DAY)
    assert names(places_api(client)["features"]) == ["Red Sea"]


def test_a_bad_areas_value_is_a_400_with_a_message(client, news):
    response = client.get(reverse("mapapp:api-places"), {"areas": "all"})
    assert response.status_code == 400 and "'areas'" in response.json()["error"]


def test_places_at_one_point_share_a_cluster_listing_its_members(client):
    for name, mentions in (("Old Town", 1), ("Citadel", 3), ("Souq", 2)):
        site = place(name, 36.2, 37.16, Place.Kind.OTHER)
        for _ in range(mentions):
            mention(site, DAY)
    mention(place("Homs", 34.73, 36.71), DAY)
    data = places_api(client, zoom=10)
    (shared,) = [f for f in data["features"] if f["properties"]["cluster"]]
    assert shared["geometry"]["coordinates"] == [37.16, 36.2]
    assert shared["properties"]["places"] == 3 and shared["properties"]["mentions"] == 6
    assert [(m["name"], m["mentions"], m["kind"]) for m in shared["properties"]["members"]] == [
        ("Citadel", 3, "other"), ("Souq", 2, "other"), ("Old Town", 1, "other")]
    assert set(shared["properties"]["members"][0]) == {"id", "name", "kind", "mentions"}
    assert names(f for f in data["features"] if not f["properties"]["cluster"]) == ["Homs"]


def test_at_the_greatest_zoom_only_places_at_one_point_share_a_marker(client):
    # 200 towns 0.0001 degrees apart would share grid cells; at zoom 18 each stands alone
    # except the two at one point.
    for i in range(200):
        mention(place(f"Town {i}", 36.0 + (i // 20) * 0.0001, 37.0 + (i % 20) * 0.0001), DAY)
    mention(place("Twin", 36.0, 37.0), DAY)
    data = places_api(client, zoom=18)
    clusters = [f for f in data["features"] if f["properties"]["cluster"]]
    assert len(clusters) == 1 and len(data["features"]) == 200
    assert sorted(m["name"] for m in clusters[0]["properties"]["members"]) == ["Town 0", "Twin"]
    grid = places_api(client, zoom=10)
    assert any(f["properties"]["cluster"] and "members" not in f["properties"]
               for f in grid["features"])
