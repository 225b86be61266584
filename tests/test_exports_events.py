"""Exports of the events layer (`layer=events`): GeoJSON a feature per event with its
passages and their provenance, CSV a row per passage reporting an event, KML a
Placemark per event, the offline HTML map a marker per event. The same selection as
/api/events (view parameters, type, min_sources); an article's text stays text.
Events come from the real pipeline (tests.events.helpers)."""
import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from mapapp.models import Article
from mapapp.processing import service
from mapapp.readermap.exports import FORMATS
from mapapp.readermap.openapi import openapi_document
from tests.events.helpers import (
    PROTEST_KHARKIV_LATER,
    SHELLING_KHARKIV,
    SHELLING_KHARKIV_AGAIN,
    processed,
)

pytestmark = pytest.mark.django_db

KML = {"k": "http://www.opengis.net/kml/2.2"}
# Would run, or open a link, if an export let it out of its text.
HOSTILE = '</script><script>window.__pwned=1</script><a href="javascript:alert(1)">x</a> `${x}`'
HOSTILE_PROTEST = (
    f"Hundreds of residents rallied in Kharkiv on Saturday {HOSTILE} to demand more air "
    "defence, carrying banners and chanting slogans outside the regional administration."
)
STRIKE_ODESA = (
    "Russian drones struck the port of Odesa on Monday night, damaging grain warehouses "
    "and wounding two workers, the regional governor said."
)


def reported(body: str, *, source: str, title: str, url: str, day: int) -> Article:
    """A published article of April 2024 with its own title and address, processed."""
    article = Article.objects.create(
        title=title, body=body, source=source, url=url, publication=Article.Publication.PUBLISHED,
        published_at=timezone.make_aware(dt.datetime(2024, 4, day, 15)),
    )
    assert service.article_process(article_id=article.pk).processed
    return article


@pytest.fixture
def reported_events():
    """A strike on Kharkiv two outlets report, a protest in Kharkiv reported by one outlet
    and by another whose title, source and passage are hostile, a strike on Odesa."""
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14)
    reported(HOSTILE_PROTEST, source=f"=HYPERLINK(1) {HOSTILE}", title=f"@SUM {HOSTILE}",
             url="javascript:alert(1)", day=14)
    processed(STRIKE_ODESA, source="Black Sea Monitor", day=16)


def export(client, fmt: str, **params) -> str:
    response = client.get(reverse("mapapp:api-export", args=[fmt]), {"layer": "events", **params})
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"] == f'attachment; filename="conflict-map-events.{fmt}"'
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode()


def features_by_type(text: str) -> dict[str, dict]:
    return {f["properties"]["type"]: f for f in json.loads(text)["features"]}


def test_geojson_has_a_feature_per_event_with_its_passages_by_source_and_their_provenance(
    client, reported_events
):
    data = json.loads(export(client, "geojson"))

    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert sorted((f["properties"]["type"], f["properties"]["place"]["name"]) for f in data["features"]) == [
        ("explosions_remote_violence", "Kharkiv"), ("explosions_remote_violence", "Odesa"),
        ("protests", "Kharkiv")]
    strike = next(f for f in data["features"] if f["properties"]["place"]["name"] == "Kharkiv"
                  and f["properties"]["type"] == "explosions_remote_violence")
    properties = strike["properties"]
    assert strike["geometry"]["coordinates"] == [properties["place"]["longitude"],
                                                 properties["place"]["latitude"]]
    assert (properties["start"], properties["precision"], properties["sources"],
            properties["passages"]) == ("2024-04-09", "day", 2, 2)
    assert [s["source"] for s in properties["sources_detail"]] == ["Dnipro Daily", "Black Sea Monitor"]
    passage = properties["sources_detail"][1]["passages"][0]
    article = Article.objects.get(source="Black Sea Monitor", body=SHELLING_KHARKIV_AGAIN)
    assert passage["article"] == {"id": article.pk, "title": article.title, "source": "Black Sea Monitor",
                                  "url": None, "published_at": "2024-04-10T12:00:00+00:00"}
    assert article.body[passage["place_start"]:passage["place_end"]] == "Kharkiv"
    text, (start, end) = passage["passage"]["text"], passage["passage"]["highlight"]
    assert text[start:end] == "Kharkiv"
    assert article.body[passage["passage"]["start"]:passage["passage"]["end"]] == text
    assert passage["cues"]
    # The same event as the API gives it, one by one.
    one = client.get(reverse("mapapp:api-event", args=[strike["id"]])).json()
    assert one == properties


def test_csv_has_a_row_per_passage_reporting_an_event_with_the_events_columns(client, reported_events):
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", type="explosions_remote_violence"))))

    assert len(rows) == 3  # two passages about Kharkiv, one about Odesa
    kharkiv = [r for r in rows if r["place"] == "Kharkiv"]
    assert {r["event_id"] for r in kharkiv} == {kharkiv[0]["event_id"]}
    assert [r["source"] for r in kharkiv] == ["Dnipro Daily", "Black Sea Monitor"]
    row = kharkiv[0]
    assert (row["event_type"], row["event_label"], row["event_start"], row["event_end"],
            row["precision"], row["sources"], row["passages"], row["country"]) == (
        "explosions_remote_violence", "Explosions and remote violence", "2024-04-09",
        "2024-04-09", "day", "2", "2", "UA")
    article = Article.objects.get(pk=row["article_id"])
    assert article.body[int(row["place_start"]):int(row["place_end"])] == "Kharkiv"
    assert row["passage"] in article.body and row["published"] == "2024-04-09"
    assert row["passage_date"] == "2024-04-09" and row["cues"]


def test_kml_has_a_placemark_per_event_its_passages_told_in_the_description(client, reported_events):
    root = ET.fromstring(export(client, "kml", min_sources=2))

    placemarks = root.findall(".//k:Placemark", KML)
    assert sorted(p.find("k:name", KML).text for p in placemarks) == [
        "Explosions and remote violence in Kharkiv", "Protests in Kharkiv"]
    strike = next(p for p in placemarks if p.find("k:name", KML).text.startswith("Explosions"))
    description = strike.find("k:description", KML).text
    assert "Reported by 2 sources, 2 passages" in description
    assert "Dnipro Daily:" in description and "Black Sea Monitor:" in description
    assert "Russian missiles hit an apartment block in Kharkiv" in description
    assert strike.find("k:TimeSpan/k:begin", KML).text == "2024-04-09"
    assert strike.find("k:ExtendedData/k:Data[@name='sources']/k:value", KML).text == "2"


def test_the_html_map_has_a_marker_per_event_and_names_nothing_remote(client, reported_events):
    html = export(client, "html")

    assert "L.map(" in html and html.count("L.circleMarker(") == 3
    assert re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?:[^"]+)"', html) == []
    assert "3 events" in html
    assert "Reported by 2 sources, 2 passages" in html


def test_event_exports_select_what_the_events_api_selects(client, reported_events):
    def exported(**params) -> list[int]:
        return sorted(f["id"] for f in json.loads(export(client, "geojson", **params))["features"])

    def api(**params) -> list[int]:
        return sorted(f["id"] for f in client.get(reverse("mapapp:api-events"), params).json()["features"])

    for params in ({}, {"type": "protests"}, {"min_sources": "2"}, {"start": "2024-04-12"},
                   {"end": "2024-04-10"}, {"bbox": "30,45,32,47"}, {"source": "Black Sea Monitor"},
                   {"country": "UA", "type": "protests,explosions_remote_violence"},
                   {"start": "2024-04-15", "basis": "published"}):
        assert exported(**params) == api(**params), params
    assert len(exported(bbox="30,45,32,47")) == 1  # Odesa only
    assert exported(country="SY") == []
    csv_text = export(client, "csv", country="SY")
    assert csv_text.splitlines()[0].startswith("event_id,event_type")
    assert len(csv_text.splitlines()) == 1


def test_hostile_titles_sources_and_passages_stay_text_in_every_event_export(client, reported_events):
    geojson = features_by_type(export(client, "geojson"))
    detail = geojson["protests"]["properties"]["sources_detail"]
    hostile = next(s for s in detail if s["source"].startswith("=HYPERLINK"))
    passage = hostile["passages"][0]
    assert hostile["source"] == f"=HYPERLINK(1) {HOSTILE}"  # data, exactly as written
    assert passage["article"]["title"] == f"@SUM {HOSTILE}"
    assert HOSTILE in passage["passage"]["text"]

    rows = list(csv.DictReader(io.StringIO(export(client, "csv", type="protests"))))
    row = next(r for r in rows if HOSTILE in r["passage"])
    assert row["source"] == f"'=HYPERLINK(1) {HOSTILE}"  # never a formula
    assert row["title"] == f"'@SUM {HOSTILE}"

    root = ET.fromstring(export(client, "kml", type="protests"))
    assert not root.findall(".//script") and not root.findall(".//a")
    (description,) = [d.text for d in root.iterfind(".//k:description", KML)]
    # A KML reader renders the description as HTML: there it still reads as the text.
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1" in description
    assert "<script" not in description and "javascript:alert" in description
    assert ", 2024-04-14 javascript:" not in description  # an address that is no web page is left out

    html = export(client, "html", type="protests")
    assert "window.__pwned=1</script>" not in html and "<a href=\"javascript:" not in html
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_a_draft_passage_is_never_exported_nor_counted(client):
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Secret Wire", day=10, published=False)

    rows = list(csv.DictReader(io.StringIO(export(client, "csv"))))

    assert [(r["source"], r["sources"], r["passages"]) for r in rows] == [("Dnipro Daily", "1", "1")]
    assert "Secret Wire" not in export(client, "kml") + export(client, "html") + export(client, "geojson")


def test_the_html_map_draws_the_best_sourced_events_when_there_are_too_many(client, reported_events,
                                                                           monkeypatch):
    monkeypatch.setattr("mapapp.readermap.views.MAX_EXPORT_EVENT_MARKERS", 2)

    html = export(client, "html")

    assert html.count("L.circleMarker(") == 2
    assert "2 best sourced of 3 events" in html


def test_event_exports_refuse_views_larger_than_the_limit(client, reported_events, monkeypatch):
    monkeypatch.setattr("mapapp.readermap.views.MAX_EXPORT_EVENTS", 2)

    response = client.get(reverse("mapapp:api-export", args=["csv"]), {"layer": "events"})

    assert response.status_code == 400 and "Narrow" in response.json()["error"]
    assert len(json.loads(export(client, "geojson", min_sources=2))["features"]) == 2


@pytest.mark.parametrize("params, name", [
    ({"layer": "places"}, "'layer'"),
    ({"layer": "events", "type": "earthquakes"}, "'type'"),
    ({"layer": "events", "min_sources": "0"}, "'min_sources'"),
    ({"layer": "events", "min_sources": "many"}, "'min_sources'"),
    ({"layer": "events", "start": "2024-04-30", "end": "2024-04-01"}, "'start'"),
    ({"type": "earthquakes"}, "'type'"),  # checked with the mentions layer too
])
def test_a_bad_events_parameter_of_an_export_is_a_400_with_a_message(client, params, name):
    for fmt in FORMATS:
        response = client.get(reverse("mapapp:api-export", args=[fmt]), params)
        assert response.status_code == 400 and name in response.json()["error"]


def test_mentions_stay_the_default_layer_of_every_export(client, reported_events):
    data = json.loads(client.get(reverse("mapapp:api-export", args=["geojson"])).getvalue())
    assert {"mention_id", "trust"} <= set(data["features"][0]["properties"])
    assert data["features"] and all("sources_detail" not in f["properties"] for f in data["features"])


def test_every_format_writes_both_layers_and_the_schema_says_so(client, reported_events):
    operation = openapi_document()["paths"]["/api/export.{format}"]["get"]
    names = [p["name"] for p in operation["parameters"]]
    assert {"layer", "type", "min_sources"} <= set(names)
    (layer,) = [p for p in operation["parameters"] if p["name"] == "layer"]
    assert layer["schema"]["enum"] == ["mentions", "events"]
    for export_format in FORMATS.values():
        assert export_format.events.summary in operation["summary"]
        response = client.get(reverse("mapapp:api-export", args=[export_format.name]), {"layer": "events"})
        assert response.status_code == 200 and response["Content-Type"] == export_format.media_type
        assert response["X-Total-Count"] == "3"
