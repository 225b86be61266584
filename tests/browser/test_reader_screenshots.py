"""Screenshots of the reader's map on realistic news: the desktop view, the phone view
with a place's passages in the bottom sheet, and the desktop view with a place's
passages open beside the timeline. Saved as test artifacts; with
MAP_DOCS_SCREENSHOTS=1 they replace docs/map-desktop.png, docs/map-phone.png and
docs/map-timeline.png, the pictures the README shows."""
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


def settled(page):
    expect(page.locator(".place-marker, .cluster-marker").first).to_be_attached(timeout=20_000)
    expect(page.locator("#feed-list .feed-item").first).to_be_attached(timeout=15_000)
    page.wait_for_timeout(800)  # let the markers and the timeline finish drawing


def test_screenshots_of_the_map_on_realistic_news(live_server, browser, transactional_db):
    load_news()
    desktop = browser.new_context(viewport={"width": 1440, "height": 900})
    page = desktop.new_page()
    page.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    page.goto(live_server.url + "/")
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
    page.goto(live_server.url + "/")
    settled(page)
    page.get_by_role("button", name="Show passages").tap()
    page.locator("#place-list .place-button").first.tap()
    expect(page.locator("#passage-list .passage").first).to_be_visible()
    page.wait_for_timeout(300)
    page.screenshot(path=picture("phone"))
    phone.close()
