import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Article, Mention, Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def idlib():
    return Place.objects.create(name="Idlib", geonameid=169388, latitude=35.93, longitude=36.63,
                                country_code="SY", kind=Place.Kind.REGION)


def add_mention(place, *, day, publication=Article.Publication.PUBLISHED, passage=None,
                source="Wire", **extra):
    passage = passage or f"Shelling in {place.name} was reported."
    article = Article.objects.create(
        # Each article's text is unique (the same text is never ingested twice).
        title=f"Report {day}", source=source, body=f"{passage}\n\nReport {Article.objects.count()}.",
        publication=publication,
        url=f"https://example.org/{day}-{publication}-{Article.objects.count()}",
        published_at=dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC),
    )
    start = passage.index(place.name)
    return Mention.objects.create(
        article=article, place=place, surface=place.name, start=start,
        end=start + len(place.name), passage=passage, passage_start=0,
        event_date=day, event_date_end=day, **extra,
    )


def test_places_are_geojson_with_mention_counts(client, idlib):
    add_mention(idlib, day=dt.date(2015, 9, 9))
    add_mention(idlib, day=dt.date(2015, 9, 17))
    data = client.get(reverse("mapapp:api-places")).json()
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert feature["properties"]["mentions"] == 2
    assert feature["properties"]["name"] == "Idlib"


def test_the_time_window_filters_places(client, idlib):
    add_mention(idlib, day=dt.date(2015, 9, 9))
    add_mention(idlib, day=dt.date(2016, 1, 1))
    url = reverse("mapapp:api-places")
    data = client.get(url, {"start": "2015-01-01", "end": "2015-12-31"}).json()
    assert data["features"][0]["properties"]["mentions"] == 1
    assert client.get(url, {"start": "2017-01-01"}).json()["features"] == []


def test_drafts_rejected_mentions_and_demonyms_stay_off_the_map(client, idlib):
    add_mention(idlib, day=dt.date(2015, 9, 9), publication=Article.Publication.DRAFT)
    add_mention(idlib, day=dt.date(2015, 9, 10), review=Mention.Review.REJECTED)
    add_mention(idlib, day=dt.date(2015, 9, 11), is_demonym=True)
    assert client.get(reverse("mapapp:api-places")).json()["features"] == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "yesterday"}, "'start' must be a date"),
        ({"end": "2015-13-45"}, "'end' must be a date"),
        ({"start": "2016-01-01", "end": "2015-01-01"}, "must not be after"),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, params, message):
    response = client.get(reverse("mapapp:api-places"), params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_passages_come_newest_first_with_the_name_highlighted(client, idlib):
    add_mention(idlib, day=dt.date(2015, 9, 9), passage="An airport in the province of Idlib fell.")
    add_mention(idlib, day=dt.date(2015, 9, 17))
    url = reverse("mapapp:api-place-mentions", args=[idlib.pk])
    data = client.get(url).json()
    assert data["count"] == 2
    first, second = data["results"]
    assert first["event_date"] == "2015-09-17"
    start, end = second["highlight"]
    assert second["passage"][start:end] == "Idlib"
    assert second["article"]["source"] == "Wire"


def test_passages_reject_a_bad_page_and_unknown_places(client, idlib):
    url = reverse("mapapp:api-place-mentions", args=[idlib.pk])
    assert client.get(url, {"page": "two"}).status_code == 400
    assert client.get(url, {"page": "0"}).status_code == 400
    assert client.get(reverse("mapapp:api-place-mentions", args=[999999])).status_code == 404


def test_the_map_page_renders_with_leaflet(client):
    response = client.get(reverse("mapapp:map"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "leaflet.js" in html and 'id="place-list"' in html


def test_the_timeline_reaches_the_last_day_a_date_can_name(client, idlib):
    add_mention(idlib, day=dt.date(2015, 9, 9))
    url = reverse("mapapp:api-timeline")
    for params in ({"to": "9999-12-31"}, {"from": "0001-01-01", "to": "9999-12-31"},
                   {"from": "9999-12-31"}, {"from": "0001-01-01", "to": "0001-01-01"}):
        response = client.get(url, {**params, "bins": "400"})
        assert response.status_code == 200, params
        assert response.json()["end"] <= "9999-12-31"


@pytest.mark.parametrize("name", ["q", "source"])
@pytest.mark.parametrize("value", ["a\x00b", "\x00", "x\x1by", "\x7f"])
def test_control_characters_in_text_parameters_get_a_400_with_a_message(client, idlib, name, value):
    add_mention(idlib, day=dt.date(2015, 9, 9))
    for url in (reverse("mapapp:api-places"), reverse("mapapp:api-export", args=["csv"]),
                reverse("mapapp:api-place-mentions", args=[idlib.pk])):
        response = client.get(url, {name: value})
        assert response.status_code == 400
        assert "control characters" in response.json()["error"]
