"""An editor corrects "Tripoli" from the Libyan to the Lebanese city in the review
queue; the public map moves it, and re-processing by a real worker keeps it there."""
import re

import pytest
from playwright.sync_api import expect

from mapapp.models import Article
from mapapp.processing.submit import article_save
from tests.conftest import wait_until
from tests.review_support import TRIPOLI_STORY, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIBYAN_TRIPOLI = (32.89, 13.19)
LEBANESE_TRIPOLI = (34.44, 35.85)


def tripoli_on_the_map(page, base_url: str) -> tuple[int, float, float]:
    """(place id, lat, lon) of Tripoli in the public API, as a reader's browser gets it."""
    features = page.request.get(f"{base_url}/api/places").json()["features"]
    [tripoli] = [f for f in features if f["properties"]["name"] == "Tripoli"]
    lon, lat = tripoli["geometry"]["coordinates"]
    return tripoli["id"], lat, lon


def near(point: tuple[float, float], lat: float, lon: float) -> bool:
    return abs(point[0] - lat) < 0.1 and abs(point[1] - lon) < 0.1


def processed(article_id: int, after=None):
    article = Article.objects.get(pk=article_id)
    done = article.status == Article.Status.DONE
    return done and (after is None or article.processed_at > after)


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct-horse-9")
    page.get_by_role("button", name="Log in").click()


def test_an_editor_moves_tripoli_to_lebanon_and_it_stays_there(
    live_server, page, celery_worker_process
):
    make_editor()
    article = Article(title="Clashes in Tripoli", source="Test wire", body=TRIPOLI_STORY, publication="published")
    article_save(article=article)
    wait_until(lambda: processed(article.pk), timeout=60, message="not processed")

    # A reader sees the machine's guess: the Libyan capital (on the mentions layer: the
    # map opens on events, and the clashes are one).
    page.goto(live_server.url + "/?layer=mentions")
    libyan_id, lat, lon = tripoli_on_the_map(page, live_server.url)
    assert near(LIBYAN_TRIPOLI, lat, lon), (lat, lon)
    expect(page.locator(f"path.place-id-{libyan_id}")).to_have_count(1)

    # The editor: log in, open the review queue from the admin index, take the Lebanese city.
    log_in(page, live_server.url)
    page.get_by_role("link", name="Review queue").click()
    card = page.locator("section.review-item", has=page.get_by_role("heading", name=re.compile("Tripoli")))
    expect(card).to_contain_text("Clashes broke out in Tripoli on Monday")
    expect(card).to_contain_text("several strong candidates")
    card.get_by_role("button", name=re.compile(r"^Take Tripoli, .*, LB$")).click()
    expect(page.locator(".messagelist")).to_contain_text("in all 2 mention(s)")
    expect(page.locator(".messagelist")).to_contain_text("The public map shows it now.")

    # The reader's map has moved it: the API and the marker, and the clashes' event with it.
    page.goto(live_server.url + "/?layer=mentions")
    lebanese_id, lat, lon = tripoli_on_the_map(page, live_server.url)
    assert near(LEBANESE_TRIPOLI, lat, lon), (lat, lon)
    assert lebanese_id != libyan_id
    expect(page.locator(f"path.place-id-{lebanese_id}")).to_have_count(1)
    expect(page.locator(f"path.place-id-{libyan_id}")).to_have_count(0)
    expect(page.locator(f'.place-button[data-place-id="{lebanese_id}"]')).to_have_text("Tripoli")
    events = page.request.get(live_server.url + "/api/events").json()["features"]
    assert events and all(near(LEBANESE_TRIPOLI, *reversed(e["geometry"]["coordinates"])) for e in events), events

    # Re-processing through the admin and the real worker keeps the correction.
    before = Article.objects.get(pk=article.pk).processed_at
    page.goto(f"{live_server.url}/admin/mapapp/article/")
    page.locator(f'input[name="_selected_action"][value="{article.pk}"]').check()
    page.locator('select[name="action"]').select_option("reprocess")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("queued for processing")
    wait_until(lambda: processed(article.pk, after=before), timeout=60,
               message="not re-processed")
    assert tripoli_on_the_map(page, live_server.url)[0] == lebanese_id


def test_the_point_picker_writes_the_clicked_point_into_the_form(live_server, page):
    from tests.review_support import processed_article

    make_editor()
    article = processed_article(TRIPOLI_STORY)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/mapapp/article/{article.pk}/review/")
    card = page.locator("section.review-item", has=page.get_by_role("heading", name=re.compile("Tripoli")))
    card.get_by_text("Set the point on the map").click()
    map_box = card.locator(".leaflet-container")
    expect(map_box).to_be_visible()
    map_box.click(position={"x": 200, "y": 120})
    latitude = card.get_by_label("Latitude")
    expect(latitude).not_to_have_value("")
    card.get_by_label("Latitude").fill("34.4367")
    card.get_by_label("Longitude").fill("35.8497")
    card.get_by_role("button", name="Use this point").click()
    expect(page.locator(".messagelist")).to_contain_text("is now Tripoli")
    assert {m.place.origin for m in article.mentions.filter(surface="Tripoli")} == {"editor"}
