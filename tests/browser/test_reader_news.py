"""The reader's map on realistic news (150+ articles over years, a few passages about
long-past dates), at a desktop's 1440x900 and a phone's 390x844: one click to the
passages, a timeline that opens where the news is and folds far dates away, Play, the
bottom sheet, and switching between event and publication dates."""
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.reader_news import load_news

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# These tests are about places named (the mentions layer); the map opens on events
# when there are some (tests/browser/test_reader_events.py).
MENTIONS = "/?layer=mentions"

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def news(transactional_db):
    return load_news()


@pytest.fixture(params=["desktop", "phone"])
def screen(request, browser):
    """A tab at a desktop's or a phone's size (the phone with touch)."""
    phone = request.param == "phone"
    context = browser.new_context(viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone)
    tab = context.new_page()
    tab.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    tab.phone = phone
    yield tab
    context.close()


def open_map(page, url):
    page.goto(url)
    expect(page.locator(".place-marker, .cluster-marker").first).to_be_attached(timeout=20_000)
    expect(page.locator("#window-summary")).to_contain_text("mentions")


def query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def api(page, path: str) -> dict:
    response = page.request.get(path)
    assert response.ok, (path, response.status)
    return json.loads(response.text())


def seen_without_scrolling(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 40 <= page.viewport_size["height"]


# The centre of the first place marker nothing else covers (at world zoom markers overlap).
UNCOVERED_MARKER = """() => {
  for (const path of document.querySelectorAll("path.place-marker")) {
    const box = path.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (box.width && document.elementFromPoint(x, y) === path) return [x, y];
  }
  return null;
}"""


def uncovered_marker_centre(page) -> tuple[float, float]:
    centre = page.evaluate(UNCOVERED_MARKER)
    assert centre, "no place marker can be clicked"
    return centre


def test_a_click_on_a_place_shows_its_first_passage_on_screen(live_server, screen, news):
    page = screen
    open_map(page, live_server.url + MENTIONS)
    if page.phone:
        page.get_by_role("button", name="Show passages").tap()
        name = page.locator("#place-list .place-button").first
        expected = name.inner_text()
        name.tap()
    else:
        page.mouse.click(*uncovered_marker_centre(page))
        expected = None
    passage = page.locator("#passage-list .passage").first
    expect(passage).to_be_visible()
    heading = page.locator("#passages-heading")
    if expected:
        expect(heading).to_have_text(expected)
    expect(passage.locator("mark")).not_to_be_empty()
    assert seen_without_scrolling(page, passage), passage.bounding_box()
    assert seen_without_scrolling(page, heading)
    # Its source, dates, their precision and how sure the place is are on the passage.
    expect(passage.locator(".passage-source")).not_to_be_empty()
    expect(passage.locator(".badge.precision")).to_contain_text(re.compile("day|month|year|range"))
    expect(passage.locator(".badge[class*=trust-]")).to_have_count(1)


def test_the_map_opens_on_the_window_that_holds_most_passages(live_server, page, news):
    page.set_viewport_size(DESKTOP)
    open_map(page, live_server.url + MENTIONS)
    opened = query(page)
    timeline = api(page, live_server.url + "/api/timeline")
    assert (opened["start"], opened["end"]) == (timeline["default_window"]["start"], timeline["default_window"]["end"])
    everything = api(page, live_server.url + "/api/places")["totals"]["mentions"]
    window = f"start={opened['start']}&end={opened['end']}"
    in_window = api(page, f"{live_server.url}/api/places?{window}")["totals"]["mentions"]
    assert in_window >= 0.75 * everything, (in_window, everything)
    # The axis is the bulk of the news; the long-past dates wait behind "earlier".
    earlier = page.locator("#time-earlier")
    expect(earlier).to_be_visible()
    expect(earlier).to_contain_text("earlier")
    first_tick = page.locator(".timeline-axis text").first.text_content()
    assert int(first_tick[:4]) >= int(timeline["earlier"]["last"][:4])
    # Unfolded, the far dates fill the window; "Where the news is" comes back.
    earlier.click()
    expect(page).to_have_url(re.compile(r"start=" + timeline["earlier"]["first"]))
    expect(page.locator("#window-summary")).not_to_contain_text(" 0 mentions")
    page.get_by_role("button", name="Where the news is").click()
    expect(page).to_have_url(re.compile("start=" + opened["start"] + "&end=" + opened["end"]))


def test_switching_to_publication_dates_keeps_a_window_with_passages(live_server, page, news):
    page.set_viewport_size(DESKTOP)
    open_map(page, live_server.url + MENTIONS)
    page.locator("#time-earlier").click()  # passages about long-past years: nothing was published then
    expect(page).to_have_url(re.compile(r"start=1\d\d\d-"))
    page.get_by_label("Publication dates").check()
    expect(page).to_have_url(re.compile(r"basis=published.*start=20\d\d-"))
    expect(page.locator("#window-summary")).not_to_contain_text(re.compile(r"^0 places"))
    expect(page.locator("#place-list .place-button").first).to_be_visible()


def test_play_advances_through_the_window(live_server, screen, news):
    page = screen
    open_map(page, live_server.url + MENTIONS)
    opened = query(page)
    page.get_by_role("button", name="Play").click()
    expect(page.locator("#play")).to_have_attribute("aria-pressed", "true")
    first = query(page)["start"]
    assert first == opened["start"] and query(page)["end"] < opened["end"]
    page.wait_for_function("start => new URLSearchParams(location.search).get('start') > start", arg=first,
                           timeout=10_000)
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("#play")).to_have_attribute("aria-pressed", "false")


def test_the_phone_bottom_sheet_opens_and_closes_over_the_map(live_server, browser, news):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    try:
        open_map(page, live_server.url + MENTIONS)
        sheet = page.locator("#panel-body")
        map_box = page.locator("#map").bounding_box()
        assert map_box["height"] >= 0.5 * PHONE["height"], map_box  # the map first
        expect(sheet).to_be_hidden()
        page.get_by_role("button", name="Show passages").tap()
        expect(sheet).to_be_visible()
        expect(page.locator("#feed-list .feed-item").first).to_be_in_viewport()
        page.keyboard.press("Escape")
        expect(sheet).to_be_hidden()
        page.get_by_role("button", name="Show passages").tap()
        page.get_by_role("button", name="Hide passages").tap()
        expect(sheet).to_be_hidden()
    finally:
        context.close()


def test_the_feed_shows_the_window_newest_first(live_server, page, news):
    page.set_viewport_size(DESKTOP)
    open_map(page, live_server.url + MENTIONS)
    dates = page.locator("#feed-list .feed-date")
    expect(dates.first).to_be_visible()
    shown = [d.split(" ")[0] for d in dates.all_inner_texts() if d != "unknown"]
    assert len(shown) >= 10 and shown == sorted(shown, reverse=True), shown
    # A passage dated to a month or a range may begin before the window, never after it.
    assert all(d <= query(page)["end"] for d in shown)
