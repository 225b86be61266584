"""The API fuzz: every endpoint of the reader's API, every parameter it documents (and
some it does not), each given every hostile value below, alone, repeated and mixed.
No answer may be a 500: a bad value is a 400 with a JSON message, an unknown id a 404.

Runs on the database of the test run (SQLite by default); `test_the_fuzz_finds_no_500_on_
postgresql` runs it again in a pytest of its own pointed at PostgreSQL."""
import datetime as dt
import json
import os
import re
import subprocess
import sys
import uuid
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client

from mapapp.models import Article, Mention, Place
from mapapp.readermap.exports import FORMATS
from mapapp.readermap.openapi import openapi_document
from tests.conftest import ARTIFACTS, REPO

POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"

# Each value is a raw query-string value: already percent-encoded, so that invalid
# UTF-8 escapes and NUL reach the server exactly as an attacker would send them.
HOSTILE_TEXTS = [
    "", " ", "x" * 10_000, "\x00", "a\x00b", "\x01\x02\x1f\x7f", "\r\n", "\t", "\u202e\u200b",
    "𝔘𝔫𝔦", "\ufffe\uffff", "9" * 5_000, "9" * 30, "-1", "0", "-0", "1.5", "1e309", "-1e309",
    "NaN", "inf", "-9223372036854775809", "9223372036854775808", "2147483648",
    "9999-12-31", "0001-01-01", "0000-00-00", "10000-01-01", "2015-02-29", "2015-09-19T00:00",
    "' OR 1=1 --", "1; DROP TABLE mapapp_article", "%", "_", "\\", "\"'`${}",
    "<script>alert(1)</script>", "</script><svg onload=alert(1)>",
    "1,2,3", "1,2,3,4,5", ",,,", "-180,-90,180,90", "nan,nan,nan,nan", "1e308,0,1e308,0",
    "-541,0,0,0", "179,0,-179,1", "0,0,0,0", "-1e400,-90,1e400,90",
    "geojson", "csv", "kml", "html", "shp", "GEOJSON", "../../etc/passwd",
    "SY,IQ," * 500, "machine,confirmed,corrected,rejected", "event", "published",
]
RAW_ESCAPES = ["%FF%FE", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%", "%G0", "%00%00"]
HOSTILE_VALUES = [quote(text, safe="") for text in HOSTILE_TEXTS] + RAW_ESCAPES

# Path parts: ids and formats that name nothing, overflow or are not numbers at all.
HOSTILE_IDS = ["0", "1", "999999", "9223372036854775807", "9223372036854775808", "9" * 40,
               "9" * 5_000, "-1", "abc", "1.5", "%00", "%FF", "1%0A"]
HOSTILE_FORMATS = ["shp", "GEOJSON", "csv%00", "kml.", "html%0A", "%FF", "..%2F..%2Fetc",
                   "x" * 300, *FORMATS]

EXTRA_PARAMETERS = ["unknown", "format", "callback", "page", "zoom", "id", "%FF", "%00"]
FUZZ_COUNT_FILE = ARTIFACTS / "api-fuzz-count.json"


def documented_endpoints() -> dict[str, list[str]]:
    """Every API path of the OpenAPI document with its query parameters."""
    return {
        path: [p["name"] for p in item["get"]["parameters"] if p["in"] == "query"]
        for path, item in openapi_document()["paths"].items()
    }


def api_routes() -> set[str]:
    """The app's API routes written as OpenAPI paths."""
    from mapapp.readermap import urls

    routes = set()
    for pattern in urls.urlpatterns:
        route = str(pattern.pattern)
        if route.startswith("api/"):
            route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route).replace("{fmt}", "{format}")
            routes.add("/" + route)
    return routes


def test_every_api_route_is_documented_and_so_fuzzed():
    assert api_routes() - {"/api/openapi.json"} == set(documented_endpoints())


@pytest.fixture
def fuzz_data():
    """A little of everything the endpoints read: published mentions with day, month and
    long-range dates, a draft's place, hostile text in names, titles and passages."""
    hostile = "</script><b>`${x}`\x01 =cmd"
    homs = Place.objects.create(name="Homs", latitude=34.73, longitude=36.71, country_code="SY",
                                kind=Place.Kind.CITY)
    odd = Place.objects.create(name=f"Odd {hostile}", latitude=-89.9, longitude=179.99,
                               country_code="", kind=Place.Kind.OTHER)
    secret = Place.objects.create(name="Draft only", latitude=1, longitude=1, country_code="YE",
                                  kind=Place.Kind.OTHER)
    cases = [
        (homs, Article.Publication.PUBLISHED, dt.date(2015, 9, 17), dt.date(2015, 9, 17)),
        (homs, Article.Publication.PUBLISHED, dt.date(2015, 9, 1), dt.date(2015, 9, 30)),
        (odd, Article.Publication.PUBLISHED, dt.date(2011, 1, 1), dt.date(2015, 9, 19)),
        (odd, Article.Publication.PUBLISHED, None, None),
        (secret, Article.Publication.DRAFT, dt.date(2015, 9, 18), dt.date(2015, 9, 18)),
    ]
    for i, (place, publication, start, end) in enumerate(cases):
        passage = f"{hostile} Shelling in {place.name} was reported."
        article = Article.objects.create(
            title=f"{hostile} {i}", source=f"Wire {hostile}" if i % 2 else "Wire",
            url=f"https://example.org/{i}?q=<x>", body=f"{passage} #{i}", publication=publication,
            published_at=dt.datetime(2015, 9, 19, 9, tzinfo=dt.UTC),
        )
        at = passage.index(place.name)
        Mention.objects.create(article=article, place=place, surface=place.name, start=at,
                               end=at + len(place.name), passage=passage, passage_start=0,
                               event_date=start, event_date_end=end)
    return {"place_id": str(homs.pk), "secret_id": str(secret.pk)}


class Fuzzer:
    """Sends requests and keeps every answer that is a 500 (or not JSON when it should be)."""

    def __init__(self) -> None:
        self.client = Client(raise_request_exception=False)
        self.requests = 0
        self.failures: list[str] = []

    def get(self, url: str) -> None:
        self.requests += 1
        response = self.client.get(url)
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            self.failures.append(f"{response.status_code} {url[:200]}: {error and error[1]!r}"[:400])
        elif response.status_code == 400:
            try:
                message = json.loads(response.content)["error"]
            except (ValueError, KeyError):
                message = None
            if not message:
                self.failures.append(f"400 without a JSON message: {url[:200]}")


def fill(path: str, ids: dict[str, str]) -> str:
    return path.replace("{place_id}", ids["place_id"]).replace("{format}", "csv")


@pytest.mark.django_db
def test_no_hostile_value_in_any_parameter_of_any_endpoint_gives_a_500(fuzz_data):
    fuzzer = Fuzzer()
    for path, parameters in documented_endpoints().items():
        url = fill(path, fuzz_data)
        for name in [*parameters, *EXTRA_PARAMETERS]:
            for value in HOSTILE_VALUES:
                fuzzer.get(f"{url}?{name}={value}")
            # Arrays: the parameter repeated, with good and hostile values mixed.
            fuzzer.get(f"{url}?" + "&".join(f"{name}={v}" for v in HOSTILE_VALUES[:20]))
            fuzzer.get(f"{url}?" + "&".join(f"{name}=SY" for _ in range(200)))
            fuzzer.get(f"{url}?{name}[]=1&{name}[]=2")
        # Every parameter hostile at once.
        for value in HOSTILE_VALUES:
            fuzzer.get(f"{url}?" + "&".join(f"{name}={value}" for name in parameters))
    for place_id in [*HOSTILE_IDS, fuzz_data["secret_id"]]:
        for value in ["", "page=2", "page=99999", "start=9999-12-31", "q=%00"]:
            fuzzer.get(f"/api/places/{place_id}/mentions?{value}")
    for fmt in HOSTILE_FORMATS:
        for value in ["", "start=0001-01-01&end=9999-12-31", "q=%00", "bbox=179,0,-179,1"]:
            fuzzer.get(f"/api/export.{fmt}?{value}")
    # Every format with the view parameters that reach the writers.
    for fmt in FORMATS:
        for name in documented_endpoints()["/api/export.{format}"]:
            for value in HOSTILE_VALUES[::3]:
                fuzzer.get(f"/api/export.{fmt}?{name}={value}")
    # The page itself, and a query string that is nothing but garbage.
    for value in HOSTILE_VALUES[::2]:
        fuzzer.get(f"/?start={value}")
        fuzzer.get(f"/api/places?{value}")

    ARTIFACTS.mkdir(exist_ok=True)
    count_file = FUZZ_COUNT_FILE.with_name(f"api-fuzz-count-{connection.vendor}.json")
    count_file.write_text(json.dumps({"database": connection.vendor, "requests": fuzzer.requests,
                                      "failures": len(fuzzer.failures)}))
    print(f"API fuzz on {connection.vendor}: {fuzzer.requests} requests, "
          f"{len(fuzzer.failures)} failures")
    assert fuzzer.failures == [], "\n".join(fuzzer.failures[:40])


@pytest.mark.services
def test_the_fuzz_finds_no_500_on_postgresql(tmp_path):
    """The same fuzz in a pytest of its own whose settings point at PostgreSQL (the
    database is chosen when settings load, so it takes a fresh process): NUL bytes and
    overflowing numbers are refused there by the database itself."""
    if connection.vendor == "postgresql":
        pytest.skip("this whole run is on PostgreSQL already")
    env = {**os.environ, "DATABASE_URL": POSTGRES, "CONFLICTMAP_TEST_RUN": f"pg{uuid.uuid4().hex[:10]}"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "--basetemp",
         str(tmp_path / "inner"),
         f"{__file__}::test_no_hostile_value_in_any_parameter_of_any_endpoint_gives_a_500",
         str(REPO / "tests" / "security" / "test_publication_access.py")],
        check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "on postgresql" in result.stdout and "skipped" not in result.stdout, result.stdout[-2000:]
