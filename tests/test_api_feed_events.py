"""The feed of events (`/api/feed?layer=events`): the events /api/events selects, newest
first, 20 a page, each with its type, place, dates, sources and the first passage that
reports it with its provenance. The mentions feed stays the default."""
import pytest
from django.urls import reverse

from mapapp.models import Article
from tests.events.helpers import (
    PROTEST_KHARKIV_LATER,
    SHELLING_KHARKIV,
    SHELLING_KHARKIV_AGAIN,
    processed,
)
from tests.test_exports_events import HOSTILE, HOSTILE_PROTEST, STRIKE_ODESA, reported

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_events():
    """A strike on Kharkiv (9 April, two outlets), a protest in Kharkiv (13 April), a
    strike on Odesa (15 April)."""
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14)
    processed(STRIKE_ODESA, source="Black Sea Monitor", day=16)


def feed(client, **params):
    response = client.get(reverse("mapapp:api-feed"), {"layer": "events", **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_the_events_feed_lists_events_newest_first_each_with_its_first_passage(client, three_events):
    data = feed(client)

    assert (data["count"], data["page"], data["pages"]) == (3, 1, 1)
    assert [(r["type"], r["place"]["name"], r["start"]) for r in data["results"]] == [
        ("explosions_remote_violence", "Odesa", "2024-04-15"),
        ("protests", "Kharkiv", "2024-04-13"),
        ("explosions_remote_violence", "Kharkiv", "2024-04-09")]
    strike = data["results"][2]
    assert (strike["label"], strike["icon"], strike["precision"], strike["sources"],
            strike["passages"]) == ("Explosions and remote violence", "explosion", "day", 2, 2)
    assert {"latitude", "longitude", "country_code"} <= set(strike["place"])
    first = strike["first_passage"]
    article = Article.objects.get(body=SHELLING_KHARKIV)
    assert first["article"]["id"] == article.pk and first["article"]["source"] == "Dnipro Daily"
    assert article.body[first["place_start"]:first["place_end"]] == "Kharkiv"
    start, end = first["passage"]["highlight"]
    assert first["passage"]["text"][start:end] == "Kharkiv"
    # Each event is the one /api/events gives.
    api = {f["id"]: f["properties"] for f in client.get(reverse("mapapp:api-events")).json()["features"]}
    assert {r["id"]: {k: v for k, v in r.items() if k != "first_passage"} for r in data["results"]} == api


def test_the_events_feed_follows_the_window_bounds_type_and_sources(client, three_events):
    def places(**params):
        return [(r["type"], r["place"]["name"]) for r in feed(client, **params)["results"]]

    assert places(type="protests") == [("protests", "Kharkiv")]
    assert places(min_sources=2) == [("explosions_remote_violence", "Kharkiv")]
    assert places(start="2024-04-10", end="2024-04-14") == [("protests", "Kharkiv")]
    assert places(bbox="30,45,32,47") == [("explosions_remote_violence", "Odesa")]
    assert places(source="Black Sea Monitor") == [("explosions_remote_violence", "Odesa"),
                                                  ("explosions_remote_violence", "Kharkiv")]
    assert feed(client, country="SY") == {"count": 0, "page": 1, "pages": 1, "results": []}


def test_the_events_feed_pages_and_keeps_to_the_last_page(client, three_events, monkeypatch):
    monkeypatch.setattr("mapapp.readermap.views.PAGE_SIZE", 2)

    second = feed(client, page=2)
    beyond = feed(client, page=9)

    assert (second["count"], second["page"], second["pages"]) == (3, 2, 2)
    assert [r["place"]["name"] for r in second["results"]] == ["Kharkiv"]
    assert second["results"][0]["start"] == "2024-04-09"
    assert beyond == second


def test_the_first_passage_is_the_first_published_one(client):
    processed(SHELLING_KHARKIV, source="Secret Wire", published=False)
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)

    (event,) = feed(client)["results"]

    assert event["first_passage"]["article"]["source"] == "Black Sea Monitor"
    assert (event["sources"], event["passages"]) == (1, 1)


def test_hostile_text_in_the_events_feed_is_data_not_markup(client):
    reported(HOSTILE_PROTEST, source=HOSTILE, title=HOSTILE, url="javascript:alert(1)", day=14)

    (event,) = feed(client)["results"]

    # JSON carries the text as written; the page inserts it as text (tests/browser).
    assert event["first_passage"]["article"]["title"] == HOSTILE
    assert HOSTILE in event["first_passage"]["passage"]["text"]


def test_the_mentions_feed_stays_the_default(client, three_events):
    default = client.get(reverse("mapapp:api-feed")).json()
    mentions = client.get(reverse("mapapp:api-feed"), {"layer": "mentions"}).json()

    assert default == mentions
    assert default["count"] >= 4 and {"surface", "trust", "place"} <= set(default["results"][0])


@pytest.mark.parametrize("params, name", [
    ({"layer": "places"}, "'layer'"),
    ({"type": "earthquakes"}, "'type'"),
    ({"min_sources": "0"}, "'min_sources'"),
    ({"page": "0"}, "'page'"),
    ({"bbox": "1,2,3"}, "'bbox'"),
])
def test_a_bad_events_feed_parameter_is_a_400_with_a_message(client, params, name):
    response = client.get(reverse("mapapp:api-feed"), {"layer": "events", **params})

    assert response.status_code == 400 and name in response.json()["error"]


def test_no_hostile_value_of_a_documented_parameter_breaks_the_events_layer(client, three_events):
    """The security fuzz sends `layer` hostile values, never `events` with the others
    hostile: here every documented parameter of the feed and the exports gets them
    with layer=events, on real events."""
    from tests.security.test_api_fuzz import HOSTILE_VALUES, documented_endpoints

    for path in ("/api/feed", "/api/export.{format}"):
        for fmt in ("geojson", "html") if "format" in path else ("",):
            url = path.replace("{format}", fmt)
            for name in documented_endpoints()[path]:
                if name == "layer":
                    continue
                for value in HOSTILE_VALUES[::4]:
                    response = client.get(f"{url}?layer=events&{name}={value}")
                    assert response.status_code in (200, 400), (url, name, value)
                    if response.status_code == 400:
                        assert response.json()["error"]
