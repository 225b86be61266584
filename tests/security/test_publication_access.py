"""Object-level access: every answer of the map, its API and its exports is computed
from published articles only. A place that only drafts or retracted articles name (an
editor's point on a draft included) does not exist for readers: its id is a 404 and
its name, coordinates and country appear nowhere."""
import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Article, Mention, Place
from mapapp.readermap.exports import FORMATS
from mapapp.readermap.selectors import mentions_by_ids

pytestmark = pytest.mark.django_db

SECRET = "Secret Forward Base"


def named_in(place, *, publication, passage=None, **extra):
    passage = passage or f"Troops gathered at {place.name} on Monday."
    article = Article.objects.create(
        title=f"About {place.name} ({publication})", source="Desk", publication=publication,
        body=f"{passage} #{Article.objects.count()}",
        published_at=dt.datetime(2015, 9, 19, 9, tzinfo=dt.UTC),
    )
    at = passage.index(place.name)
    return Mention.objects.create(
        article=article, place=place, surface=place.name, start=at, end=at + len(place.name),
        passage=passage, passage_start=0, event_date=dt.date(2015, 9, 14),
        event_date_end=dt.date(2015, 9, 14), **extra,
    )


@pytest.fixture
def public_place():
    homs = Place.objects.create(name="Homs", latitude=34.73, longitude=36.71, country_code="SY",
                                kind=Place.Kind.CITY)
    named_in(homs, publication=Article.Publication.PUBLISHED)
    return homs


@pytest.fixture(params=["draft", "retracted", "editor point on a draft", "rejected", "demonym",
                        "no mention"])
def hidden_place(request, public_place):
    """A place no published, visible mention names, in each way that can happen."""
    if request.param == "editor point on a draft":
        # What the review queue's "use a point on the map" choice creates: no GeoNames id.
        place = Place.objects.create(name=SECRET, latitude=12.3456, longitude=45.6789,
                                     country_code="YE", kind=Place.Kind.OTHER)
    else:
        place = Place.objects.create(name=SECRET, geonameid=7_000_001, latitude=12.3456,
                                     longitude=45.6789, country_code="YE", kind=Place.Kind.CITY)
    published = Article.Publication.PUBLISHED
    if request.param in ("draft", "editor point on a draft"):
        named_in(place, publication=Article.Publication.DRAFT)
    elif request.param == "retracted":
        mention = named_in(place, publication=published)
        mention.article.publication = Article.Publication.RETRACTED
        mention.article.save()
    elif request.param == "rejected":
        named_in(place, publication=published, review=Mention.Review.REJECTED)
    elif request.param == "demonym":
        named_in(place, publication=published, is_demonym=True)
    return place


def test_a_hidden_place_has_no_mentions_page(client, hidden_place):
    url = reverse("mapapp:api-place-mentions", args=[hidden_place.pk])
    response = client.get(url)
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert client.get(url, {"page": "2", "start": "2015-01-01"}).status_code == 404


def test_a_hidden_place_is_absent_from_places_clusters_facets_and_timeline(client, hidden_place):
    for params in ({}, {"zoom": "3"}, {"zoom": "12", "bbox": "40,10,50,15"}):
        body = client.get(reverse("mapapp:api-places"), params).content.decode()
        assert SECRET not in body and "45.6789" not in body
    facets = client.get(reverse("mapapp:api-facets")).json()
    assert "YE" not in facets["countries"]
    timeline = client.get(reverse("mapapp:api-timeline")).json()
    assert sum(timeline["counts"]) == 1  # Homs only


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_hidden_place_is_in_no_export(client, hidden_place, fmt):
    response = client.get(reverse("mapapp:api-export", args=[fmt]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    assert "Homs" in body
    assert SECRET not in body and "45.6789" not in body


def test_a_place_named_by_published_and_draft_articles_shows_only_published_passages(client, public_place):
    named_in(public_place, publication=Article.Publication.DRAFT, passage="Draft: Homs airport fell.")
    data = client.get(reverse("mapapp:api-place-mentions", args=[public_place.pk])).json()
    assert data["count"] == 1
    assert all("Draft" not in m["passage"] for m in data["results"])


def test_ids_that_name_no_row_are_404_not_errors(client, public_place):
    for place_id in ("0", "999999", "9223372036854775807", "9223372036854775808", "9" * 40):
        response = client.get(f"/api/places/{place_id}/mentions")
        assert response.status_code == 404, place_id


def test_mentions_of_an_article_retracted_after_the_index_was_built_are_not_read(public_place):
    mention = Mention.objects.get(place=public_place)
    Article.objects.filter(pk=mention.article_id).update(publication=Article.Publication.RETRACTED)
    assert list(mentions_by_ids([mention.pk])) == []
