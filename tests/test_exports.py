"""Exports hold exactly the view: GeoJSON (RFC 7946), CSV and KML a record per
mention, and a standalone HTML map that names no remote script or style."""
import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from mapapp.models import Article, Mention, Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def view_data():
    idlib = Place.objects.create(name="Idlib", latitude=35.93, longitude=36.63, kind=Place.Kind.REGION,
                                 country_code="SY", admin1="Idlib")
    aleppo = Place.objects.create(name="حلب", latitude=36.2, longitude=37.16, kind=Place.Kind.CITY,
                                  country_code="SY", admin1="Aleppo")
    for i, (where, day) in enumerate([(idlib, dt.date(2015, 9, 9)), (idlib, dt.date(2015, 9, 17)),
                                      (aleppo, dt.date(2015, 9, 18)), (idlib, dt.date(2016, 3, 1))]):
        passage = f"=SUM(1) Clashes in {where.name} were reported, item {i}."
        article = Article.objects.create(
            title=f"Report {i}", source="Deutsche Welle", url=f"https://example.org/{i}",
            body=passage, publication=Article.Publication.PUBLISHED,
            published_at=dt.datetime(2016, 4, 1, tzinfo=dt.UTC),
        )
        at = passage.index(where.name)
        Mention.objects.create(article=article, place=where, surface=where.name, start=at,
                               end=at + len(where.name), passage=passage, passage_start=0,
                               event_date=day, event_date_end=day)
    return idlib, aleppo


WINDOW = {"start": "2015-09-01", "end": "2015-09-30"}


def export(client, fmt, params):
    response = client.get(reverse("mapapp:api-export", args=[fmt]), params)
    assert response.status_code == 200
    return b"".join(response.streaming_content if response.streaming else [response.content]).decode()


def test_geojson_is_rfc_7946_with_one_point_per_mention_in_the_view(client, view_data):
    data = json.loads(export(client, "geojson", WINDOW))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len(data["features"]) == 3
    lons = [f["geometry"]["coordinates"][0] for f in data["features"]]
    assert data["bbox"] == [min(lons), 35.93, max(lons), 36.2]
    first = data["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [37.16, 36.2]}  # newest first
    assert first["properties"]["place"] == "حلب" and first["properties"]["event_date"] == "2015-09-18"


def test_csv_has_a_row_per_mention_with_the_listed_columns(client, view_data):
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", {**WINDOW, "kind": "region"}))))
    assert [r["event_date"] for r in rows] == ["2015-09-17", "2015-09-09"]
    row = rows[0]
    assert (row["place"], row["region"], row["country"], row["precision"]) == ("Idlib", "Idlib", "SY", "day")
    assert (row["latitude"], row["longitude"]) == ("35.93", "36.63")
    assert row["source"] == "Deutsche Welle" and row["url"] == "https://example.org/1"
    assert row["passage"].startswith("'=SUM(1)")  # not a formula in a spreadsheet


def test_kml_is_well_formed_with_a_placemark_per_mention(client, view_data):
    root = ET.fromstring(export(client, "kml", WINDOW))
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    placemarks = root.findall(".//k:Placemark", ns)
    assert len(placemarks) == 3
    assert placemarks[0].find("k:Point/k:coordinates", ns).text == "37.16,36.2"
    assert placemarks[0].find("k:TimeSpan/k:begin", ns).text == "2015-09-18"


def test_the_html_map_opens_offline(client, view_data):
    html = export(client, "html", WINDOW)
    assert "L.map(" in html and "circle_marker" in html
    remote = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?:[^"]+)"', html)
    assert remote == []
    assert "3 mentions" in html


def test_exports_refuse_views_larger_than_the_limit(client, view_data, monkeypatch):
    monkeypatch.setattr("mapapp.readermap.views.MAX_EXPORT_MENTIONS", 2)
    response = client.get(reverse("mapapp:api-export", args=["csv"]), WINDOW)
    assert response.status_code == 400 and "Narrow" in response.json()["error"]


def test_every_registered_format_is_served_documented_and_offered_on_the_page(client, view_data):
    from mapapp.readermap.exports import FORMATS
    from mapapp.readermap.openapi import openapi_document

    for name, export_format in FORMATS.items():
        response = client.get(reverse("mapapp:api-export", args=[name]), WINDOW)
        assert response.status_code == 200 and response["Content-Type"] == export_format.media_type
        assert response["Content-Disposition"].endswith(f'conflict-map.{name}"')
    (format_parameter,) = [p for p in openapi_document()["paths"]["/api/export.{format}"]["get"]["parameters"]
                           if p["name"] == "format"]
    assert format_parameter["schema"]["enum"] == list(FORMATS)
    page = client.get(reverse("mapapp:map"))
    assert [f.name for f in page.context["export_formats"]] == list(FORMATS)
    assert set(page.context["map_config"]["exportUrls"]) == set(FORMATS)


CONTROL = "\x01\x08\x0b\x0c\x1b\x1f\ufffe"


@pytest.fixture
def control_characters():
    """One published mention whose place, article and passage carry control characters
    and texts a spreadsheet would run as formulas."""
    place = Place.objects.create(name=f"=HYPERLINK(\"http://evil\")Homs{CONTROL}", latitude=34.73,
                                 longitude=-36.71, kind=Place.Kind.CITY, country_code="SY",
                                 admin1="+Homs Governorate")
    passage = f"Shelling in Homs{CONTROL} was reported\x02 at dawn."
    article = Article.objects.create(
        title=f"@SUM(A1){CONTROL}", source="-2+3 Wire\x03", url="https://example.org/\x04",
        body=passage, publication=Article.Publication.PUBLISHED,
        published_at=dt.datetime(2015, 9, 19, tzinfo=dt.UTC),
    )
    Mention.objects.create(article=article, place=place, surface="Homs", start=12, end=16,
                           passage=passage, passage_start=0, event_date=dt.date(2015, 9, 17),
                           event_date_end=dt.date(2015, 9, 17))


def test_kml_stays_well_formed_xml_with_control_characters_in_articles(client, control_characters):
    root = ET.fromstring(export(client, "kml", {}))  # raised "not well-formed" before
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    (placemark,) = root.findall(".//k:Placemark", ns)
    description = placemark.find("k:description", ns).text
    assert "Shelling in Homs" in description and "\x01" not in description
    assert "\ufffd" in description  # the reader sees that something was there


def test_geojson_stays_valid_json_with_control_characters_in_articles(client, control_characters):
    (feature,) = json.loads(export(client, "geojson", {}))["features"]
    properties = feature["properties"]
    assert not any(c in properties["passage"] + properties["title"] for c in CONTROL)
    assert properties["passage"].startswith("Shelling in Homs")


def test_no_csv_text_cell_can_run_as_a_spreadsheet_formula(client, control_characters):
    (row,) = list(csv.DictReader(io.StringIO(export(client, "csv", {}))))
    assert row["place"].startswith("'=HYPERLINK")
    assert row["region"] == "'+Homs Governorate"
    assert row["title"].startswith("'@SUM") and row["source"].startswith("'-2+3")
    assert row["longitude"] == "-36.71"  # a number, not a formula
    assert not any(c in "".join(row.values()) for c in CONTROL)


def test_text_that_xml_cannot_hold_is_replaced():
    from mapapp.readermap.exports.text import printable

    assert printable("a\x00b\ud800c\tline\r\n") == "a\ufffdb\ufffdc\tline\r\n"


def test_the_map_page_links_every_registered_format(client):
    from mapapp.readermap.exports import FORMATS

    html = client.get(reverse("mapapp:map")).content.decode()
    offered = re.findall(r'<a id="export-(\w+)" data-format="\1" href="#">([^<]+)</a>', html)
    assert offered == [(f.name, f.label) for f in FORMATS.values()]


@pytest.fixture
def areas_data(view_data):
    """Besides the view's towns and region: Syria (a country) and the Middle East (a world
    area), each named once in September 2015."""
    syria = Place.objects.create(name="Syria", latitude=35.0, longitude=38.0,
                                 kind=Place.Kind.COUNTRY, country_code="SY")
    middle_east = Place.objects.create(name="Middle East", latitude=29.0, longitude=41.0,
                                       kind=Place.Kind.OTHER, country_code="")
    for i, where in enumerate((syria, middle_east)):
        passage = f"Talks on {where.name} resumed, item {i}."
        article = Article.objects.create(
            title=f"Talks {i}", source="Wire", url=f"https://example.org/talks-{i}", body=passage,
            publication=Article.Publication.PUBLISHED, published_at=dt.datetime(2016, 4, 1, tzinfo=dt.UTC))
        at = passage.index(where.name)
        Mention.objects.create(article=article, place=where, surface=where.name, start=at,
                               end=at + len(where.name), passage=passage, passage_start=0,
                               event_date=dt.date(2015, 9, 20), event_date_end=dt.date(2015, 9, 20),
                               confidence=0.9)


def test_exports_keep_countries_by_default_but_never_a_world_area(client, areas_data):
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", WINDOW))))
    assert sorted(r["place"] for r in rows) == ["Idlib", "Idlib", "Syria", "حلب"]
    hidden = list(csv.DictReader(io.StringIO(export(client, "csv", {**WINDOW, "areas": "hide"}))))
    assert sorted(r["place"] for r in hidden) == ["Idlib", "Idlib", "حلب"]
    assert "4 mentions" in export(client, "html", WINDOW)


def test_exported_records_carry_their_trust(client, areas_data):
    rows = list(csv.DictReader(io.StringIO(export(client, "csv", WINDOW))))
    trust = {r["place"]: (r["trust"], r["confidence"]) for r in rows}
    assert trust["Syria"] == ("sure", "0.9") and trust["Idlib"] == ("unsure", "0.0")
    data = json.loads(export(client, "geojson", {**WINDOW, "trust": "sure"}))
    assert [f["properties"]["place"] for f in data["features"]] == ["Syria"]
    assert data["features"][0]["properties"]["trust"] == "sure"
    assert "<value>sure</value>" in export(client, "kml", {**WINDOW, "trust": "sure"})
