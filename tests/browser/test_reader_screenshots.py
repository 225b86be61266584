"""Screenshots of the reader's map on realistic news: the mentions layer's desktop view,
its phone view with a place's passages in the bottom sheet, and its desktop view with a
place's passages open beside the timeline; and the events layer on a desktop with the
best sourced event open in the panel. Saved as test artifacts; with
MAP_DOCS_SCREENSHOTS=1 they replace docs/map-desktop.png, docs/map-phone.png,
docs/map-timeline.png and docs/map-events.png, the pictures the README shows."""
import os

import pytest
from playwright.sync_api import expect

from tests.browser.reader_news import load_news
from tests.conftest import ARTIFACTS, REPO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def picture(name: str):
    folder = REPO / "docs" if os.environ.get("MAP_DOCS_SCREENSHOTS") == "1" else ARTIFACTS
    folder.mkdir(exist_ok=True)
    return str(folder / f"map-{name}.png")


# The mentions layer (places named); the map opens on events when there are some.
MENTIONS = "/?layer=mentions"


def settled(page):
    expect(page.locator(".place-marker, .cluster-marker").first).to_be_attached(timeout=20_000)
    expect(page.locator("#feed-list .feed-item").first).to_be_attached(timeout=15_000)
    page.wait_for_timeout(800)  # let the markers and the timeline finish drawing


def test_screenshots_of_the_map_on_realistic_news(live_server, browser, transactional_db):
    load_news()
    desktop = browser.new_context(viewport={"width": 1440, "height": 900})
    page = desktop.new_page()
    page.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    page.goto(live_server.url + MENTIONS)
    settled(page)
    page.screenshot(path=picture("desktop"))
    page.locator("#place-list .place-button").first.click()
    expect(page.locator("#passage-list .passage").first).to_be_visible()
    page.mouse.move(5, 300)
    page.wait_for_timeout(300)
    page.screenshot(path=picture("timeline"))
    desktop.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    page.goto(live_server.url + MENTIONS)
    settled(page)
    page.get_by_role("button", name="Show passages").tap()
    page.locator("#place-list .place-button").first.tap()
    expect(page.locator("#passage-list .passage").first).to_be_visible()
    page.wait_for_timeout(300)
    page.screenshot(path=picture("phone"))
    phone.close()


BEST_SOURCED_EVENT = """() => {
  const markers = [...document.querySelectorAll(".event-marker")];
  markers.sort((a, b) => Number(b.dataset.sources) - Number(a.dataset.sources));
  return markers.length ? markers[0].dataset.eventId : null;
}"""


def test_screenshot_of_the_event_map_with_a_multi_source_event_open(live_server, browser, transactional_db):
    load_news()
    desktop = browser.new_context(viewport={"width": 1440, "height": 900})
    page = desktop.new_page()
    page.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    page.goto(live_server.url + "/")
    expect(page.locator(".event-marker").first).to_be_attached(timeout=20_000)
    expect(page.locator("#feed-list .event-feed-item").first).to_be_attached(timeout=15_000)
    best = page.evaluate(BEST_SOURCED_EVENT)
    marker = page.locator(f".event-marker.event-id-{best}")
    assert int(marker.get_attribute("data-sources")) >= 2
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#event .source-group").nth(1)).to_be_visible()
    page.mouse.move(5, 300)
    page.wait_for_timeout(800)  # let the markers and the timeline finish drawing
    page.screenshot(path=picture("events"))
    desktop.close()
