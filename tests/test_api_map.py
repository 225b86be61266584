"""The reader map's JSON API: clusters per zoom, filters, the timeline and its spans,
and parameter validation driven by the OpenAPI document."""
import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Article, Mention, Place
from mapapp.readermap.openapi import openapi_document

pytestmark = pytest.mark.django_db


def place(name, lat, lon, kind=Place.Kind.CITY, country="SY"):
    return Place.objects.create(name=name, latitude=lat, longitude=lon, kind=kind, country_code=country)


def mention(place, day, *, end=None, source="Wire", passage=None, review=Mention.Review.MACHINE,
            precision=Mention.DatePrecision.DAY, published=None, confidence=0.0):
    passage = passage or f"Fighting was reported in {place.name}."
    article = Article.objects.create(
        title=f"On {place.name}", source=source, body=f"{passage} #{Article.objects.count()}",
        publication=Article.Publication.PUBLISHED,
        published_at=dt.datetime.combine(published or day, dt.time(9), tzinfo=dt.UTC),
    )
    at = passage.index(place.name)
    return Mention.objects.create(
        article=article, place=place, surface=place.name, start=at, end=at + len(place.name),
        passage=passage, passage_start=0, event_date=day, event_date_end=end or day,
        date_precision=precision, review=review, confidence=confidence,
    )


def places_api(client, **params):
    response = client.get(reverse("mapapp:api-places"), params)
    assert response.status_code == 200, response.content
    return response.json()


def test_dense_places_cluster_at_low_zoom_and_split_when_zoomed_in(client):
    # 200 towns on a 20 x 10 grid 0.05 degrees apart, near Aleppo.
    for i in range(200):
        mention(place(f"Town {i}", 36.0 + (i // 20) * 0.05, 37.0 + (i % 20) * 0.05), dt.date(2015, 9, 1))
    far = place("Far away", -30.0, 150.0)
    mention(far, dt.date(2015, 9, 1))
    low = places_api(client, zoom=3)
    clusters = [f for f in low["features"] if f["properties"]["cluster"]]
    assert clusters and sum(f["properties"]["places"] for f in clusters) == 200
    assert sum(f["properties"]["mentions"] for f in low["features"]) == 201
    assert low["totals"] == {"mentions": 201, "places": 201, "area_mentions": 0}
    high = places_api(client, zoom=12, bbox="36.9,35.9,38.1,36.6")
    assert not any(f["properties"]["cluster"] for f in high["features"])
    assert len(high["features"]) == 200


def test_clusters_follow_the_time_window(client):
    for i in range(200):
        day = dt.date(2015, 1, 1) if i < 150 else dt.date(2016, 1, 1)
        mention(place(f"Town {i}", 36.0 + (i // 20) * 0.05, 37.0 + (i % 20) * 0.05), day)
    data = places_api(client, zoom=3, start="2016-01-01", end="2016-12-31")
    assert data["totals"]["mentions"] == 50
    # Fewer places in view than the clustering threshold: each drawn on its own.
    assert len(data["features"]) == 50


def test_filters_by_source_country_kind_review_and_words(client):
    idlib = place("Idlib", 35.93, 36.63, Place.Kind.REGION)
    mosul = place("Mosul", 36.34, 43.13, country="IQ")
    mention(idlib, dt.date(2015, 9, 9), source="Deutsche Welle", review=Mention.Review.CONFIRMED)
    mention(idlib, dt.date(2015, 9, 10), source="Reuters", passage="An airport near Idlib fell.")
    mention(mosul, dt.date(2015, 9, 11), source="Reuters")

    def names(**params):
        return {f["properties"]["name"] for f in places_api(client, **params)["features"]}

    assert names(source="Deutsche Welle") == {"Idlib"}
    assert names(country="iq") == {"Mosul"}
    assert names(kind="region") == {"Idlib"}
    assert names(review="confirmed") == {"Idlib"}
    assert names(q="AIRPORT") == {"Idlib"}
    counted = places_api(client, q="airport")
    assert counted["totals"]["mentions"] == 1


def test_the_window_can_apply_to_publication_dates(client):
    aleppo = place("Aleppo", 36.2, 37.16)
    mention(aleppo, dt.date(2015, 9, 17), published=dt.date(2015, 10, 2))
    assert places_api(client, start="2015-10-01", end="2015-10-31")["features"] == []
    published = places_api(client, start="2015-10-01", end="2015-10-31", basis="published")
    assert published["totals"]["mentions"] == 1


def test_a_span_belongs_to_every_window_it_overlaps(client):
    syria = place("Syria", 35.0, 38.0, Place.Kind.COUNTRY)
    mention(syria, dt.date(2011, 1, 1), end=dt.date(2015, 9, 19), precision=Mention.DatePrecision.RANGE)
    # A country is drawn only with areas=show (by default it is counted in area_mentions).
    assert places_api(client, start="2013-05-01", end="2013-05-31", areas="show")["totals"]["mentions"] == 1
    assert places_api(client, start="2016-01-01", areas="show")["totals"]["mentions"] == 0


def test_the_timeline_counts_days_and_draws_imprecise_dates_as_spans(client):
    homs = place("Homs", 34.73, 36.71)
    mention(homs, dt.date(2015, 9, 17))
    mention(homs, dt.date(2015, 9, 17))
    mention(homs, dt.date(2015, 9, 1), end=dt.date(2015, 9, 30), precision=Mention.DatePrecision.MONTH)
    data = client.get(reverse("mapapp:api-timeline"), {"bins": 30}).json()
    assert data["start"] == "2015-09-01" and data["bin_days"] == 1
    assert sum(data["counts"]) == 2 and data["counts"][16] == 2
    assert data["spans"] == [{"start": "2015-09-01", "end": "2015-09-30", "mentions": 1}]
    # A long range is drawn clipped rather than stretching the axis over years.
    mention(homs, dt.date(2011, 1, 1), end=dt.date(2015, 9, 19), precision=Mention.DatePrecision.RANGE)
    data = client.get(reverse("mapapp:api-timeline"), {"bins": 30}).json()
    assert data["start"] == "2015-09-01"
    assert {"start": "2011-01-01", "end": "2015-09-19", "mentions": 1} in data["spans"]
    published = client.get(reverse("mapapp:api-timeline"), {"basis": "published"}).json()
    assert published["spans"] == [] and sum(published["counts"]) == 4


def test_the_map_follows_changes_to_the_data(client):
    homs = place("Homs", 34.73, 36.71)
    first = mention(homs, dt.date(2015, 9, 17))
    assert places_api(client)["totals"]["mentions"] == 1
    mention(homs, dt.date(2015, 9, 18))
    assert places_api(client)["totals"]["mentions"] == 2
    first.article.publication = Article.Publication.RETRACTED
    first.article.save()
    assert places_api(client)["totals"]["mentions"] == 1


def test_passages_follow_the_filters_and_show_both_dates(client):
    idlib = place("Idlib", 35.93, 36.63, Place.Kind.REGION)
    mention(idlib, dt.date(2015, 9, 9), source="Deutsche Welle", published=dt.date(2015, 9, 19))
    mention(idlib, dt.date(2015, 9, 10), source="Reuters")
    url = reverse("mapapp:api-place-mentions", args=[idlib.pk])
    data = client.get(url, {"source": "Deutsche Welle"}).json()
    assert data["count"] == 1
    (only,) = data["results"]
    assert only["event_date"] == "2015-09-09"
    assert only["article"]["published_at"].startswith("2015-09-19")


BAD_VALUES = {
    "start": "2015-02-30", "end": "tomorrow", "from": "15/09/2015", "to": "2015-9",
    "basis": "modified", "bbox": "1,2,north,4", "source": "x" * 201, "country": "Syria",
    "kind": "village", "review": "rejected", "trust": "certain", "areas": "maybe",
    "q": "w" * 201, "zoom": "19", "page": "0",
    "bins": "0", "format": None, "place_id": None, "type": "picnic", "min_sources": "0",
    "layer": "places",
}


def _documented_parameters():
    for path, item in openapi_document()["paths"].items():
        for parameter in item["get"]["parameters"]:
            if parameter["in"] == "query":
                yield path, parameter["name"]


@pytest.mark.parametrize("path, name", list(_documented_parameters()))
def test_every_documented_parameter_rejects_a_bad_value_with_a_message(client, path, name):
    idlib = place("Idlib", 35.93, 36.63, Place.Kind.REGION)
    url = path.replace("{place_id}", str(idlib.pk)).replace("{format}", "csv")
    response = client.get(url, {name: BAD_VALUES[name]})
    assert response.status_code == 400
    assert name in response.json()["error"]


def test_an_unknown_export_format_is_a_400(client):
    response = client.get(reverse("mapapp:api-export", args=["shp"]))
    assert response.status_code == 400 and "format" in response.json()["error"]


def test_the_openapi_document_is_served(client):
    data = client.get("/api/openapi.json").json()
    assert data["openapi"].startswith("3.") and "/api/places" in data["paths"]
