"""GET /api/events and /api/events/<id>: one GeoJSON point per event, filters, and an
event's passages grouped by source with their provenance; bad parameters are 400s."""
import pytest
from django.urls import reverse

from mapapp.events.models import Event
from tests.events.helpers import (
    PROTEST_KHARKIV_LATER,
    SHELLING_KHARKIV,
    SHELLING_KHARKIV_AGAIN,
    processed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_events():
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14)


def events(client, **params):
    response = client.get(reverse("mapapp:api-events"), params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_map_gets_one_point_per_event_with_its_type_icon_and_sources(client, two_events):
    body = events(client)

    assert body["type"] == "FeatureCollection"
    by_type = {f["properties"]["type"]: f for f in body["features"]}
    assert set(by_type) == {"explosions_remote_violence", "protests"}
    strike = by_type["explosions_remote_violence"]
    assert strike["geometry"]["type"] == "Point"
    assert strike["properties"]["sources"] == 2
    assert strike["properties"]["passages"] == 2
    assert strike["properties"]["icon"] == "explosion"
    assert strike["properties"]["label"] == "Explosions and remote violence"
    assert strike["properties"]["start"] == "2024-04-09"
    assert strike["properties"]["precision"] == "day"
    assert strike["properties"]["place"]["name"] == "Kharkiv"


def test_filters_by_type_sources_and_window(client, two_events):
    assert [f["properties"]["type"] for f in events(client, type="protests")["features"]] == ["protests"]
    assert [f["properties"]["sources"] for f in events(client, min_sources=2)["features"]] == [2]
    assert [f["properties"]["type"] for f in events(client, start="2024-04-12")["features"]] == ["protests"]
    assert events(client, bbox="0,0,10,10")["features"] == []


def test_an_event_lists_its_passages_by_source_with_provenance(client, two_events):
    event = Event.objects.get(event_type="explosions_remote_violence")

    body = client.get(reverse("mapapp:api-event", args=[event.pk])).json()

    assert body["sources"] == 2
    assert [s["source"] for s in body["sources_detail"]] == ["Dnipro Daily", "Black Sea Monitor"]
    passage = body["sources_detail"][0]["passages"][0]
    start, end = passage["passage"]["highlight"]
    assert passage["passage"]["text"][start:end] == "Kharkiv"
    assert passage["article"]["source"] == "Dnipro Daily"
    assert passage["cues"]


def test_drafts_do_not_count_as_sources_and_an_event_only_drafts_report_is_hidden(client):
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10, published=False)
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14, published=False)

    features = events(client)["features"]

    assert [(f["properties"]["type"], f["properties"]["sources"]) for f in features] == \
        [("explosions_remote_violence", 1)]
    hidden = Event.objects.get(event_type="protests")
    assert client.get(reverse("mapapp:api-event", args=[hidden.pk])).status_code == 404


@pytest.mark.parametrize("params, message", [
    ({"type": "earthquakes"}, "'type'"),
    ({"min_sources": "many"}, "'min_sources'"),
    ({"min_sources": "0"}, "'min_sources'"),
    ({"start": "yesterday"}, "'start'"),
    ({"bbox": "1,2,3"}, "'bbox'"),
])
def test_bad_parameters_are_a_400_with_a_message(client, params, message):
    response = client.get(reverse("mapapp:api-events"), params)

    assert response.status_code == 400
    assert message in response.json()["error"]


def test_an_unknown_event_is_a_404(client):
    assert client.get(reverse("mapapp:api-event", args=[999999])).status_code == 404
