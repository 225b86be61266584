"""The feed: with nothing selected, the panel lists the view's passages newest first,
each with its place, under exactly the map's choices (window, bounds, filters, areas)."""
import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Place
from tests.test_api_map import mention, place

pytestmark = pytest.mark.django_db


def feed(client, **params):
    response = client.get(reverse("mapapp:api-feed"), params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_feed_lists_passages_newest_first_each_with_its_place(client):
    aleppo, homs = place("Aleppo", 36.2, 37.16), place("Homs", 34.73, 36.71)
    mention(aleppo, dt.date(2025, 3, 1), published=dt.date(2025, 3, 2))
    mention(homs, dt.date(2025, 3, 1), published=dt.date(2025, 3, 5))
    mention(homs, dt.date(2025, 3, 9), confidence=0.9)
    data = feed(client)
    assert (data["count"], data["page"], data["pages"]) == (3, 1, 1)
    assert [(r["event_date"], r["place"]["name"]) for r in data["results"]] == [
        ("2025-03-09", "Homs"), ("2025-03-01", "Homs"), ("2025-03-01", "Aleppo")]
    first = data["results"][0]
    assert first["place"] == {"id": homs.pk, "name": "Homs", "kind": "city", "country_code": "SY",
                              "latitude": 34.73, "longitude": 36.71}
    assert first["trust"] == "sure" and first["confidence"] == 0.9
    start, end = first["highlight"]
    assert first["passage"][start:end] == "Homs"
    assert first["article"]["source"] == "Wire"


def test_the_feed_follows_the_window_bounds_filters_and_areas(client):
    aleppo, mosul = place("Aleppo", 36.2, 37.16), place("Mosul", 36.34, 43.13, country="IQ")
    syria = place("Syria", 35.0, 38.0, Place.Kind.COUNTRY)
    mention(aleppo, dt.date(2025, 3, 1))
    mention(aleppo, dt.date(2024, 3, 1))
    mention(mosul, dt.date(2025, 3, 2), source="Reuters")
    mention(syria, dt.date(2025, 3, 3))

    def places(**params):
        return [r["place"]["name"] for r in feed(client, **params)["results"]]

    assert places() == ["Mosul", "Aleppo", "Aleppo"]
    assert places(start="2025-01-01") == ["Mosul", "Aleppo"]
    assert places(bbox="36,35,40,37") == ["Aleppo", "Aleppo"]
    assert places(source="Reuters") == ["Mosul"]
    assert places(areas="show") == ["Syria", "Mosul", "Aleppo", "Aleppo"]
    assert places(q="syria") == []


def test_the_feed_pages_by_twenty_and_keeps_to_the_last_page(client):
    homs = place("Homs", 34.73, 36.71)
    for day in range(25):
        mention(homs, dt.date(2025, 3, 1) + dt.timedelta(days=day))
    second = feed(client, page=2)
    assert (second["count"], second["page"], second["pages"]) == (25, 2, 2)
    assert len(second["results"]) == 5 and second["results"][-1]["event_date"] == "2025-03-01"
    assert feed(client, page=99)["page"] == 2
    assert len(feed(client)["results"]) == 20


def test_an_empty_feed_is_one_empty_page(client):
    assert feed(client) == {"count": 0, "page": 1, "pages": 1, "results": []}


@pytest.mark.parametrize("params, name", [
    ({"page": "0"}, "page"), ({"page": "next"}, "page"), ({"start": "soon"}, "start"),
    ({"areas": "all"}, "areas"), ({"trust": "maybe"}, "trust"), ({"bbox": "1,2,3"}, "bbox"),
])
def test_a_bad_feed_parameter_is_a_400_with_a_message(client, params, name):
    response = client.get(reverse("mapapp:api-feed"), params)
    assert response.status_code == 400 and f"'{name}'" in response.json()["error"]


def test_pages_of_passages_on_one_day_follow_publication_then_the_newest_article(client):
    homs = place("Homs", 34.73, 36.71)
    for i in range(30):
        mention(homs, dt.date(2025, 3, 1), published=dt.date(2025, 3, 1) + dt.timedelta(days=i % 7))
    mention(homs, dt.date(2024, 3, 1))
    results = feed(client)["results"] + feed(client, page=2)["results"]
    assert len(results) == 31 and results[-1]["event_date"] == "2024-03-01"
    keys = [(r["article"]["published_at"], r["article"]["id"]) for r in results[:30]]
    assert keys == sorted(keys, reverse=True)
