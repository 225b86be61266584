"""Trust on the reader's map: each mention is verified (an editor confirmed or corrected
it), sure (machine, confidence at or above MAP_SURE_CONFIDENCE) or unsure (below it);
readers can filter by it, and a deployment can hide unsure mentions until reviewed."""
import csv
import datetime as dt
import io

import pytest
from django.test import override_settings
from django.urls import reverse

from mapapp.models import Mention, Place
from tests.test_api_map import mention, place, places_api

pytestmark = pytest.mark.django_db
DAY = dt.date(2025, 3, 1)


@pytest.fixture
def aleppo_by_trust():
    aleppo = place("Aleppo", 36.2, 37.16)
    mention(aleppo, DAY, review=Mention.Review.CONFIRMED, confidence=0.1)
    mention(aleppo, DAY, confidence=0.9)
    mention(aleppo, DAY, confidence=0.2)
    return aleppo


def test_each_place_counts_its_mentions_by_trust(client, aleppo_by_trust):
    (feature,) = places_api(client)["features"]
    assert feature["properties"]["mentions"] == 3
    assert {k: feature["properties"][k] for k in ("verified", "sure", "unsure")} == {
        "verified": 1, "sure": 1, "unsure": 1}
    (listed,) = places_api(client, zoom=5)["places"]
    assert (listed["verified"], listed["sure"], listed["unsure"]) == (1, 1, 1)


def test_the_trust_filter_keeps_only_the_levels_asked(client, aleppo_by_trust):
    assert places_api(client, trust="verified,sure")["totals"]["mentions"] == 2
    (feature,) = places_api(client, trust="unsure")["features"]
    assert feature["properties"]["unsure"] == 1 and feature["properties"]["mentions"] == 1


def test_a_bad_trust_level_is_a_400_with_a_message(client, aleppo_by_trust):
    response = client.get(reverse("mapapp:api-places"), {"trust": "certain"})
    assert response.status_code == 400 and "'trust'" in response.json()["error"]


def test_passages_say_their_trust_and_confidence_to_two_decimals(client):
    homs = place("Homs", 34.73, 36.71)
    mention(homs, DAY, confidence=0.8666)
    mention(homs, dt.date(2025, 2, 1), review=Mention.Review.CORRECTED, confidence=0.3)
    data = client.get(reverse("mapapp:api-place-mentions", args=[homs.pk])).json()
    newest, older = data["results"]
    assert (newest["trust"], newest["confidence"]) == ("sure", 0.87)
    assert (older["trust"], older["confidence"]) == ("verified", 0.3)


@override_settings(MAP_SURE_CONFIDENCE=0.95)
def test_the_sure_threshold_follows_the_setting(client, aleppo_by_trust):
    (feature,) = places_api(client)["features"]
    assert (feature["properties"]["sure"], feature["properties"]["unsure"]) == (0, 2)


@override_settings(MAP_SHOW_UNSURE=False)
def test_hidden_unsure_mentions_reach_no_reader_anywhere(client, aleppo_by_trust):
    doubtful = place("Doubtful", 10.0, 10.0)
    mention(doubtful, DAY, confidence=0.1)
    data = places_api(client, zoom=5)
    assert [f["properties"]["name"] for f in data["features"]] == ["Aleppo"]
    assert data["totals"]["mentions"] == 2 and data["features"][0]["properties"]["unsure"] == 0
    assert client.get(reverse("mapapp:api-place-mentions", args=[doubtful.pk])).status_code == 404
    passages = client.get(reverse("mapapp:api-place-mentions", args=[aleppo_by_trust.pk])).json()
    assert {r["trust"] for r in passages["results"]} == {"verified", "sure"}
    assert client.get(reverse("mapapp:api-feed")).json()["count"] == 2
    assert client.get(reverse("mapapp:api-places"), {"trust": "unsure"}).json()["features"] == []
    facets = client.get(reverse("mapapp:api-facets")).json()
    assert [t["value"] for t in facets["trusts"]] == ["verified", "sure"]
    exported = client.get(reverse("mapapp:api-export", args=["csv"]))
    rows = list(csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert len(rows) == 2


def test_facets_offer_the_trust_levels_with_labels(client, aleppo_by_trust):
    facets = client.get(reverse("mapapp:api-facets")).json()
    assert [t["value"] for t in facets["trusts"]] == ["verified", "sure", "unsure"]
    assert all(t["label"] for t in facets["trusts"])


def test_the_map_page_says_whether_unsure_mentions_are_shown(client):
    assert client.get(reverse("mapapp:map")).context["map_config"]["showUnsure"] is True
    with override_settings(MAP_SHOW_UNSURE=False):
        assert client.get(reverse("mapapp:map")).context["map_config"]["showUnsure"] is False


def test_place_kinds_and_countries_read_well_in_the_facets(client):
    for name, code, lat in (("Aleppo", "SY", 36.2), ("Mosul", "IQ", 36.3), ("Dubai", "AE", 25.2)):
        mention(place(name, lat, 40.0, country=code), DAY)
    facets = client.get(reverse("mapapp:api-facets")).json()
    assert facets["countries"] == [{"code": "IQ", "name": "Iraq"}, {"code": "SY", "name": "Syria"},
                                   {"code": "AE", "name": "United Arab Emirates"}]
    labels = {k["value"]: k["label"] for k in facets["kinds"]}
    assert labels == {Place.Kind.CITY: "Towns and sites", Place.Kind.REGION: "Regions",
                      Place.Kind.COUNTRY: "Countries", Place.Kind.OTHER: "Other"}
    assert facets["sources"] == ["Wire"]
