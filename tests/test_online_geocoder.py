"""The optional online geocoder (settings.ONLINE_GEOCODER): names the gazetteer could not
place are asked of Nominatim through geopy, once per deployment and no faster than the
configured pace; a temporary failure sends the article back to the queue; the editors'
point picker searches through the same geocoder.

Every request goes to a fake Nominatim: a small HTTP server on 127.0.0.1 in this process.
No test contacts a real online service."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from mapapp import tasks
from mapapp.geoparsing import Toponym, geoparse
from mapapp.models import Article, Mention, OnlineGeocoderAnswer, Place
from mapapp.processing import service
from tests.review_support import make_editor

pytestmark = pytest.mark.django_db

# Names no gazetteer holds. The geoparser only proposes names its gazetteer knows, so the
# tests stand in for a future recogniser that also proposes unknown ones: see
# `unknown_names_unresolved` below.
UNKNOWN_VILLAGE, UNKNOWN_HAMLET, NOWHERE = "Qwxzville", "Zyxwhamlet", "Nowhereburg"
FAKE_POINT = (35.123456, 36.654321)


class FakeNominatim:
    """Answers /search like Nominatim's JSON API: a village for the names in ``places``,
    an empty list for others; or ``status`` (e.g. 503) for every request when set. Records
    each request's query and arrival time."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, float, dict]] = []
        self.status = 200
        self.places = {
            UNKNOWN_VILLAGE: FAKE_POINT,
            UNKNOWN_HAMLET: (34.5, 37.25),
            "Damascus": (33.5138, 36.2765),
        }
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                fake.requests.append((params.get("q", ""), time.monotonic(), params))
                if url.path != "/search" or fake.status != 200:
                    self.send_response(404 if url.path != "/search" else fake.status)
                    self.end_headers()
                    return
                body = json.dumps(fake.answer(params.get("q", ""))).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep the test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, query: str) -> list[dict]:
        point = self.places.get(query)
        if point is None:
            return []
        return [{
            "place_id": 1, "lat": str(point[0]), "lon": str(point[1]), "name": query,
            "display_name": f"{query}, Idlib Governorate, Syria", "addresstype": "village",
            "address": {"village": query, "state": "Idlib Governorate", "country": "Syria", "country_code": "sy"},
        }]

    @property
    def queries(self) -> list[str]:
        return [q for q, _at, _params in self.requests]


@pytest.fixture
def nominatim():
    fake = FakeNominatim()
    fake.thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def online(settings, nominatim, monkeypatch):
    """The online geocoder switched on and pointed at the fake."""
    for proxy in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(proxy, raising=False)
    settings.ONLINE_GEOCODER = "nominatim"
    settings.ONLINE_GEOCODER_URL = nominatim.url
    settings.ONLINE_GEOCODER_USER_AGENT = "conflictmap-tests/1.0 (tests@example.org)"
    settings.ONLINE_GEOCODER_MIN_DELAY_SECONDS = 0.0
    settings.ONLINE_GEOCODER_TIMEOUT_SECONDS = 5.0
    return settings


@pytest.fixture
def unknown_names_unresolved(monkeypatch):
    """The geoparser as it is, plus each unknown name the text contains as an unresolved
    toponym (no point), the way the geoparser reports a name it cannot place."""

    def parse(text: str) -> list[Toponym]:
        found = list(geoparse(text))
        for name in (UNKNOWN_VILLAGE, UNKNOWN_HAMLET, NOWHERE):
            start = text.find(name)
            if start >= 0:
                found.append(Toponym(start=start, end=start + len(name), surface=name, name=name,
                                     geonameid=None, latitude=None, longitude=None, kind="other",
                                     country_code="", admin1="", population=0, confidence=0.0,
                                     is_demonym=False, candidates=()))
        return sorted(found, key=lambda t: t.start)

    monkeypatch.setattr(service, "geoparse", parse)


def processed(body: str) -> tuple[Article, service.ProcessingOutcome]:
    article = Article.objects.create(title="Report", body=body)
    outcome = service.article_process(article_id=article.pk)
    return Article.objects.get(pk=article.pk), outcome


def mention_of(article: Article, surface: str) -> Mention:
    return article.mentions.select_related("place").get(surface=surface)


@pytest.mark.usefixtures("online", "unknown_names_unresolved")
def test_an_unknown_name_is_placed_by_the_online_geocoder_and_asked_once(nominatim):
    first, outcome = processed(f"Shelling hit {UNKNOWN_VILLAGE} near Aleppo on Monday.")
    second, again = processed(f"Families fled {UNKNOWN_VILLAGE} on Tuesday.")
    assert outcome.processed and again.processed
    assert nominatim.queries == [UNKNOWN_VILLAGE]
    _query, _at, params = nominatim.requests[0]
    assert params["format"] == "json" and params["addressdetails"] == "1"
    places = {mention_of(article, UNKNOWN_VILLAGE).place for article in (first, second)}
    assert len(places) == 1
    place = places.pop()
    assert (place.latitude, place.longitude) == FAKE_POINT
    assert place.origin == Place.Origin.ONLINE_NOMINATIM == "online:nominatim"
    assert (place.name, place.country_code, place.admin1, place.kind) == (
        UNKNOWN_VILLAGE, "SY", "Idlib Governorate", Place.Kind.CITY)
    # The gazetteer's names are not asked, and keep their GeoNames places.
    assert mention_of(first, "Aleppo").place.origin == Place.Origin.GAZETTEER


@pytest.mark.usefixtures("online", "unknown_names_unresolved")
def test_a_name_the_geocoder_does_not_know_is_remembered_too(nominatim):
    for day in ("Monday", "Tuesday"):
        article, outcome = processed(f"Fighting near {NOWHERE} was reported on {day}.")
        assert outcome.processed
        assert mention_of(article, NOWHERE).place is None
    assert nominatim.queries == [NOWHERE]
    answer = OnlineGeocoderAnswer.objects.get()
    assert (answer.service, answer.query, answer.place) == ("nominatim", NOWHERE.lower(), None)


@pytest.mark.usefixtures("unknown_names_unresolved")
def test_two_lookups_keep_the_minimum_delay_apart(online, nominatim):
    online.ONLINE_GEOCODER_MIN_DELAY_SECONDS = 0.4
    _article, outcome = processed(f"Shelling hit {UNKNOWN_VILLAGE} and then {UNKNOWN_HAMLET}.")
    assert outcome.processed
    assert nominatim.queries == [UNKNOWN_VILLAGE, UNKNOWN_HAMLET]
    assert nominatim.requests[1][1] - nominatim.requests[0][1] >= 0.39


def test_the_pace_holds_across_processes_sharing_the_pace_file(nominatim, tmp_path):
    """Two geocoders with their own in-process limiters, as in two worker processes: only
    the shared pace file keeps them apart."""
    from mapapp.geoparsing.geocoder import online_geocoder

    geocoders = [online_geocoder("nominatim", url=nominatim.url, user_agent="conflictmap-tests/1.0",
                                 min_delay_seconds=0.4, pace_file=tmp_path / "pace") for _ in range(2)]
    threads = [threading.Thread(target=g.geocode, args=(name,))
               for g, name in zip(geocoders, (UNKNOWN_VILLAGE, UNKNOWN_HAMLET), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first, second = sorted(at for _q, at, _params in nominatim.requests)
    assert second - first >= 0.39


@pytest.mark.usefixtures("unknown_names_unresolved")
def test_switched_off_it_asks_nobody(settings, nominatim):
    settings.ONLINE_GEOCODER = ""
    settings.ONLINE_GEOCODER_URL = nominatim.url  # even with an address configured
    article, outcome = processed(f"Shelling hit {UNKNOWN_VILLAGE} near Aleppo.")
    assert outcome.processed
    assert nominatim.requests == []
    assert mention_of(article, UNKNOWN_VILLAGE).place is None
    assert mention_of(article, "Aleppo").place is not None
    assert not OnlineGeocoderAnswer.objects.exists()


@pytest.mark.usefixtures("online", "unknown_names_unresolved")
def test_a_service_down_sends_the_article_back_to_the_queue_not_to_failed(nominatim):
    nominatim.status = 503
    article, outcome = processed(f"Shelling hit {UNKNOWN_VILLAGE}.")
    assert outcome.outcome is service.Outcome.RETRY
    assert article.status == Article.Status.PENDING
    assert article.last_error.startswith("Will retry: online geocoder: nominatim")
    assert not OnlineGeocoderAnswer.objects.exists()  # a failure is not remembered as "not found"


@pytest.mark.usefixtures("online", "unknown_names_unresolved")
def test_a_refusal_leaves_the_name_unplaced_and_stops_the_lookups(nominatim):
    nominatim.status = 403  # what Nominatim answers a User-Agent it has blocked
    first, outcome = processed(f"Shelling hit {UNKNOWN_VILLAGE}.")
    _second, again = processed(f"Families fled {UNKNOWN_HAMLET}.")
    assert outcome.processed and again.processed
    assert mention_of(first, UNKNOWN_VILLAGE).place is None
    assert nominatim.queries == [UNKNOWN_VILLAGE]  # not asked again until restart
    assert not OnlineGeocoderAnswer.objects.exists()  # nor remembered as "not found"


@pytest.mark.usefixtures("online", "unknown_names_unresolved")
def test_the_task_retries_after_a_503_and_then_places_the_name(nominatim, monkeypatch):
    nominatim.status = 503
    article = Article.objects.create(title="Report", body=f"Shelling hit {UNKNOWN_VILLAGE}.")
    original_process = service.articles_process

    def process_then_recover(**kwargs):
        outcomes = original_process(**kwargs)
        nominatim.status = 200  # the service is back for the retry
        return outcomes

    monkeypatch.setattr(service, "articles_process", process_then_recover)
    tasks.process_articles.apply(args=([article.pk],))
    article.refresh_from_db()
    assert article.status == Article.Status.DONE and article.attempts == 2
    assert nominatim.queries == [UNKNOWN_VILLAGE, UNKNOWN_VILLAGE]
    place = mention_of(article, UNKNOWN_VILLAGE).place
    assert (place.latitude, place.longitude) == FAKE_POINT


def test_an_unresolved_toponym_stays_without_a_place_when_switched_off():
    """Zero cost when off: the hook answers before touching the database or the network."""
    toponym = Toponym(start=0, end=3, surface="Foo", name="Foo", geonameid=None, latitude=None,
                      longitude=None, kind="other", country_code="", admin1="", population=0,
                      confidence=0.0, is_demonym=False, candidates=())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mapapp.processing.online_places import online_places_for

    with CaptureQueriesContext(connection) as queries:
        assert online_places_for([toponym, replace(toponym, name="Bar")]) == {}
    assert len(queries) == 0


# --- The point picker's search ---------------------------------------------------------

def search(client, query: str):
    return client.get(reverse("admin:mapapp_place_search"), {"q": query})


def test_the_search_answers_from_the_gazetteer_offline(client, settings, nominatim):
    settings.ONLINE_GEOCODER = ""
    settings.ONLINE_GEOCODER_URL = nominatim.url
    client.force_login(make_editor())
    response = search(client, "Damascus")
    assert response.status_code == 200
    answer = response.json()
    assert answer["online"] is False and answer["error"] == ""
    first = answer["results"][0]
    assert (first["source"], first["name"]) == ("gazetteer", "Damascus")
    assert abs(first["latitude"] - 33.51) < 0.1 and abs(first["longitude"] - 36.29) < 0.1
    assert nominatim.requests == []


@pytest.mark.usefixtures("online")
def test_the_search_adds_the_online_geocoders_answers(client, nominatim):
    client.force_login(make_editor())
    answer = search(client, "Damascus").json()
    sources = [r["source"] for r in answer["results"]]
    assert sources[0] == "gazetteer" and sources[-1] == "online:nominatim"
    assert answer["online"] is True
    online = answer["results"][-1]
    assert (online["name"], online["latitude"], online["longitude"]) == ("Damascus", 33.5138, 36.2765)
    assert online["label"] == "Damascus, Idlib Governorate, Syria"
    village = search(client, UNKNOWN_VILLAGE).json()["results"]
    assert [(r["source"], r["latitude"], r["longitude"]) for r in village] == [
        ("online:nominatim", *FAKE_POINT)]
    search(client, UNKNOWN_VILLAGE)  # asked again: answered from this process's cache
    assert nominatim.queries == ["Damascus", UNKNOWN_VILLAGE]


@pytest.mark.usefixtures("online")
def test_the_search_reports_a_service_that_is_down(client, nominatim):
    nominatim.status = 503
    client.force_login(make_editor())
    answer = search(client, "Damascus").json()
    assert [r["source"] for r in answer["results"]] == ["gazetteer"] * len(answer["results"])
    assert answer["results"] and "did not answer" in answer["error"]


@pytest.mark.usefixtures("online")
def test_the_search_is_for_editors_only(client, nominatim, django_user_model):
    anonymous = search(client, "Damascus")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    client.force_login(django_user_model.objects.create_user("staff", password="pw-staff-9", is_staff=True))
    assert search(client, "Damascus").status_code == 403
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader-9"))
    assert search(client, "Damascus").status_code == 302
    assert nominatim.requests == []


def test_the_review_page_offers_the_search_box(client):
    from tests.review_support import TRIPOLI_STORY, processed_article

    article = processed_article(TRIPOLI_STORY)
    client.force_login(make_editor())
    page = client.get(reverse("admin:mapapp_article_review", args=[article.pk])).content.decode()
    assert f'data-search-url="{reverse("admin:mapapp_place_search")}"' in page
    assert 'class="place-search-query"' in page


HOSTILE_NAME = '<img src=x onerror="document.title=1">Evilville'


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("online")
def test_an_editor_finds_a_place_by_name_and_takes_its_point(live_server, page, nominatim):
    """In the browser: the search box lists the gazetteer's and the online geocoder's
    answers as text (a name from outside is never markup) and a click fills in the point."""
    import re

    from playwright.sync_api import expect

    from tests.review_support import TRIPOLI_STORY, processed_article

    nominatim.places[HOSTILE_NAME] = FAKE_POINT
    make_editor()
    article = processed_article(TRIPOLI_STORY)
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct-horse-9")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/admin/mapapp/article/{article.pk}/review/")
    card = page.locator("section.review-item", has=page.get_by_role("heading", name=re.compile("Tripoli")))
    card.get_by_text("Set the point on the map").click()
    expect(card.locator(".leaflet-container")).to_be_visible()

    box = card.get_by_label("Find a place")
    box.fill(HOSTILE_NAME)
    box.press("Enter")  # searches; must not submit the choice form
    result = card.locator(".place-search-result")
    expect(result).to_have_count(1)
    expect(result).to_contain_text(HOSTILE_NAME)
    expect(card.locator(".place-search-results img")).to_have_count(0)
    assert page.title() != "1"

    box.fill("Tripoli")
    card.get_by_role("button", name="Search").click()
    expect(card.locator(".place-search-status")).to_contain_text("found")
    lebanese = card.locator(".place-search-result", has_text="Lebanon").first
    expect(lebanese).to_contain_text("GeoNames")
    lebanese.click()
    expect(card.get_by_label("Latitude")).to_have_value(re.compile(r"^34\.4"))
    expect(card.locator("path.picked-point")).to_have_count(1)
    card.get_by_role("button", name="Use this point").click()
    expect(page.locator(".messagelist")).to_contain_text("is now Tripoli")
    place = article.mentions.filter(surface="Tripoli").select_related("place").first().place
    assert place.origin == Place.Origin.EDITOR and abs(place.latitude - 34.44) < 0.05
    assert nominatim.queries == [HOSTILE_NAME, "Tripoli"]
