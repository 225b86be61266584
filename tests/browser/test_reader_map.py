"""A reader uses the map: the timeline (drag, keyboard, play), the passages panel, a
shared URL, an export of what is on screen, the offline basemap, a phone screen and
places that share one point."""
import csv
import datetime as dt
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from mapapp.models import Article, Mention, Place
from mapapp.processing.revision import revision_bump
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARABIC = "قصف عنيف استهدف إدلب الليلة الماضية بحسب السكان."


def add(place, day, *, passage=None, source="Deutsche Welle", end=None, precision="day"):
    n = [Article.objects.count() + 1]
    passage = passage or f"Shelling hit {place.name} overnight, residents said ({n[0]})."
    surface = "إدلب" if passage == ARABIC else place.name
    article = Article.objects.create(
        title=f"Report {n[0]} from {place.name}", source=source, url=f"https://example.org/r/{n[0]}",
        body=f"{passage} [{n[0]}]", publication=Article.Publication.PUBLISHED,
        published_at=dt.datetime.combine(day + dt.timedelta(days=2), dt.time(9), tzinfo=dt.UTC),
    )
    at = passage.index(surface)
    Mention.objects.create(
        article=article, place=place, surface=surface, start=at, end=at + len(surface),
        passage=passage, passage_start=0, event_date=day, event_date_end=end or day,
        date_precision=precision,
    )


@pytest.fixture
def reader_data(transactional_db):
    idlib = Place.objects.create(name="Idlib", latitude=35.93, longitude=36.63, kind="region",
                                 country_code="SY", admin1="Idlib")
    aleppo = Place.objects.create(name="Aleppo", latitude=36.2, longitude=37.16, kind="city",
                                  country_code="SY")
    homs = Place.objects.create(name="Homs", latitude=34.73, longitude=36.71, kind="city",
                                country_code="SY")
    syria = Place.objects.create(name="Syria", latitude=35.0, longitude=38.0, kind="country",
                                 country_code="SY")
    for i in range(24):  # two pages of passages about Idlib, one every week of 2015
        add(idlib, dt.date(2015, 1, 5) + dt.timedelta(days=7 * i))
    add(idlib, dt.date(2015, 7, 1), passage=ARABIC, source="الجزيرة")
    for month in range(1, 13):
        add(aleppo, dt.date(2015, month, 10), source="Reuters")
    add(homs, dt.date(2015, 11, 20), source="Reuters")
    add(syria, dt.date(2015, 1, 1), end=dt.date(2015, 12, 31), precision="year")
    return {"idlib": idlib, "aleppo": aleppo, "homs": homs, "syria": syria}


# The whole of 2015, the year the test data is about (the default window is narrower).
YEAR_2015 = "start=2015-01-01&end=2015-12-31"


def open_map(page, url):
    page.goto(url)
    expect(page.locator(".place-marker").first).to_be_attached(timeout=15_000)
    expect(page.locator("#window-summary")).to_contain_text("mentions")


def in_viewport(page, locator) -> bool:
    """True when the element's top lies on screen: seen without scrolling."""
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and 0 <= box["y"] < size["height"] - 20 and box["x"] < size["width"]


def mentions_on_screen(page) -> int:
    return int(re.search(r"(\d+) mentions", page.locator("#window-summary").inner_text()).group(1))


def query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_dragging_on_the_timeline_selects_a_window_and_the_map_follows(live_server, page, reader_data):
    open_map(page, live_server.url + "/?areas=show&" + YEAR_2015)
    assert mentions_on_screen(page) == 39
    expect(page.locator(".timeline-bars rect").first).to_be_attached()
    expect(page.locator(".timeline-span")).to_have_count(1)  # Syria's "2015" is a span
    box = page.locator("#timeline-chart svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.05, box["y"] + 50)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.30, box["y"] + 50, steps=5)
    page.mouse.up()
    expect(page.locator("#window-summary")).not_to_contain_text("39 mentions")
    params = query(page)
    assert params["start"] < params["end"] < "2015-05-01"
    assert page.locator("#window-start").input_value() == params["start"]
    in_window = mentions_on_screen(page)
    assert 0 < in_window < 39
    # The keyboard moves the window too.
    page.locator("#timeline-chart").focus()
    page.keyboard.press("ArrowRight")
    expect(page).not_to_have_url(re.compile("start=" + params["start"]))
    # Zooming in time narrows the axis to the window.
    page.get_by_role("button", name="Zoom in time").click()
    expect(page).to_have_url(re.compile(r"from=\d{4}-\d\d-\d\d"))


def test_play_runs_over_the_window_at_the_chosen_speed_and_stops_at_its_end(live_server, page, reader_data):
    open_map(page, live_server.url + "/?" + YEAR_2015)
    page.get_by_label("Speed").select_option(label="Fast")
    play = page.get_by_role("button", name="Play")
    play.click()
    expect(page.locator("#play")).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(re.compile(r"start=2015-0[3-9]"), timeout=10_000)
    page.locator("#play").click()  # pause
    expect(page.locator("#play")).to_have_attribute("aria-pressed", "false")
    paused_at = query(page)["start"]
    page.wait_for_timeout(600)
    assert query(page)["start"] == paused_at
    assert mentions_on_screen(page) > 0
    # Played to the end, it stops there and gives the whole window back.
    page.locator("#play").click()
    expect(page).to_have_url(re.compile(r"start=2015-(0[6-9]|1[0-2])"), timeout=10_000)
    expect(page.locator("#play")).to_have_attribute("aria-pressed", "false", timeout=15_000)
    expect(page).to_have_url(re.compile(r"start=2015-01-01&end=2015-12-31"))


def test_the_passages_panel_pages_newest_first_with_both_dates(live_server, page, reader_data):
    open_map(page, live_server.url + "/?" + YEAR_2015)
    page.locator("#place-list").get_by_role("button", name=re.compile(r"^Idlib")).click()
    panel = page.locator("#passages")
    expect(panel).to_be_visible()
    expect(page.locator("#passages-count")).to_have_text("25 passages in this window, page 1 of 2")
    items = panel.locator(".passage")
    expect(items).to_have_count(20)
    assert in_viewport(page, items.first), "the first passage is seen without scrolling"
    expect(panel.locator("#passages-heading")).to_be_in_viewport()
    expect(items.first.locator(".passage-date")).to_have_text("2015-07-01 (day)")
    expect(items.first.locator(".passage-published")).to_have_text("2015-07-03")
    expect(items.nth(1).locator(".passage-date")).to_have_text("2015-06-15 (day)")
    expect(items.nth(1).locator("mark")).to_have_text("Idlib")
    expect(page.locator(f"path.place-id-{reader_data['idlib'].pk}.selected")).to_be_attached()
    # Right-to-left text is laid out right to left.
    arabic = panel.locator(".passage-text", has_text="قصف")
    expect(arabic).to_have_attribute("dir", "auto")
    assert arabic.evaluate("node => getComputedStyle(node).direction") == "rtl"
    expect(arabic.locator("mark")).to_have_text("إدلب")
    page.get_by_role("button", name="Older").click()
    expect(page.locator("#passages-count")).to_contain_text("page 2 of 2")
    expect(items).to_have_count(5)
    expect(items.last.locator(".passage-date")).to_have_text("2015-01-05 (day)")
    assert query(page)["page"] == "2"


def test_a_shared_url_restores_the_view(live_server, page, reader_data):
    idlib = reader_data["idlib"]
    url = (f"{live_server.url}/?lat=35.5&lng=37.2&z=7&start=2015-03-01&end=2015-06-30"
           f"&kind=region,city&source=Deutsche+Welle&place={idlib.pk}")
    open_map(page, url)
    expect(page.locator("#passages-heading")).to_have_text("Idlib")
    expect(page.locator("#passages-count")).to_contain_text("16 passages")
    assert page.locator("#window-start").input_value() == "2015-03-01"
    assert page.locator("#window-end").input_value() == "2015-06-30"
    expect(page.locator("#filters-active")).to_have_text("2")  # the closed drawer says so
    page.get_by_role("button", name=re.compile("^Filters")).click()
    expect(page.get_by_label("Regions")).to_be_checked()
    expect(page.get_by_label("Countries", exact=True)).not_to_be_checked()
    expect(page.locator("#filter-source option:checked")).to_have_text(["Deutsche Welle"])
    assert mentions_on_screen(page) == 16  # Idlib only: Aleppo is Reuters, Syria a country
    restored = query(page)
    assert (restored["lat"], restored["lng"], restored["z"]) == ("35.5000", "37.2000", "7")


def test_the_csv_export_holds_exactly_the_mentions_on_screen(live_server, page, reader_data):
    open_map(page, live_server.url + "/?start=2015-05-01&end=2015-08-31&lat=35.5&lng=37&z=6")
    on_screen = mentions_on_screen(page)
    marker_ids = {
        int(re.search(r"place-id-(\d+)", c).group(1))
        for c in page.locator(".place-marker").evaluate_all("nodes => nodes.map(n => n.getAttribute('class'))")
    }
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    with open(download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read())))
    assert len(rows) == on_screen > 0
    assert {int(r["place_id"]) for r in rows} == marker_ids
    assert all(r["event_date_end"] >= "2015-05-01" and r["event_date"] <= "2015-08-31" for r in rows)


def test_the_map_shows_land_and_borders_without_tiles(live_server, page, reader_data):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    open_map(page, live_server.url + "/?lat=35&lng=38&z=5&areas=show&" + YEAR_2015)
    expect(page.locator("path.basemap-country").first).to_be_attached()
    assert page.locator("path.basemap-country").count() > 150
    assert any("tile.openstreetmap.org" in url for url in failed)  # tiles really were unreachable
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("OpenStreetMap")
    # Asked for, Syria is drawn as its light outline, a town as a circle, a region as a
    # dashed ring.
    expect(page.locator(f"path.place-country.place-area.place-id-{reader_data['syria'].pk}")).to_be_attached()
    expect(page.locator(f"path.place-region.place-id-{reader_data['idlib'].pk}")).to_be_attached()
    # By default countries are not drawn: counted in the panel instead.
    open_map(page, live_server.url + "/?lat=35&lng=38&z=5&" + YEAR_2015)
    expect(page.locator(f"path.place-id-{reader_data['aleppo'].pk}")).to_be_attached()
    expect(page.locator(f"path.place-id-{reader_data['syria'].pk}")).to_have_count(0)
    expect(page.locator("#areas-summary")).to_have_text("1 mention of countries and regions")


def test_a_phone_sized_screen_keeps_timeline_and_panel_usable(live_server, browser, reader_data, request):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    try:
        open_map(phone, live_server.url + "/?" + YEAR_2015)
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
        expect(phone.locator("#filters-drawer")).not_to_be_in_viewport()
        expect(phone.locator("#timeline-chart svg")).to_be_visible()
        play = phone.get_by_role("button", name="Play")
        expect(play).to_be_visible()
        assert play.bounding_box()["height"] >= 36
        # The bottom sheet opens and closes; the map stays in view above it.
        sheet = phone.locator("#panel-body")
        expect(sheet).to_be_hidden()
        phone.get_by_role("button", name="Show passages").tap()
        expect(sheet).to_be_visible()
        phone.locator("#place-list").get_by_role("button", name=re.compile(r"^Aleppo")).tap()
        expect(phone.locator("#passages")).to_be_visible()
        expect(phone.locator("#passages-count")).to_contain_text("12 passages")
        assert in_viewport(phone, phone.locator(".passage").first)
        phone.get_by_role("button", name="Close").first.tap()
        expect(phone.locator("#feed")).to_be_visible()
        phone.get_by_role("button", name="Hide passages").tap()
        expect(sheet).to_be_hidden()
        expect(phone.locator("#map")).to_be_in_viewport()
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        context.close()


def test_clusters_split_as_the_reader_zooms_in_from_the_keyboard(live_server, page, transactional_db):
    for i in range(200):  # a dense grid of towns around Aleppo
        town = Place.objects.create(name=f"Town {i}", latitude=36.0 + (i // 20) * 0.05,
                                    longitude=37.0 + (i % 20) * 0.05, kind="city", country_code="SY")
        add(town, dt.date(2015, 9, 1) + dt.timedelta(days=i % 20))
    open_map_clusters = live_server.url + "/?lat=36&lng=37&z=4"
    page.goto(open_map_clusters)
    cluster = page.locator(".cluster-marker").first
    expect(cluster).to_be_visible(timeout=15_000)
    assert page.locator(".place-marker").count() == 0
    assert "200" in cluster.inner_text() or page.locator(".cluster-marker").count() > 1
    cluster.focus()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"z=4\b"))
    # Arrow functions, not bare expressions: Playwright evals a bare expression, which the
    # page's Content-Security-Policy forbids.
    page.wait_for_function("() => Number(new URLSearchParams(location.search).get('z')) >= 6")
    # Zoomed in, the group splits: more, smaller groups or the towns themselves.
    page.wait_for_function(
        "() => document.querySelectorAll('.cluster-marker').length"
        " + document.querySelectorAll('.place-marker').length > 1"
    )


def test_places_at_one_point_spread_apart_and_each_opens_its_passages(live_server, page, transactional_db):
    names = ["Old City", "Citadel", "Souq al-Madina"]
    for name in names:  # three sites the gazetteer puts at one point
        site = Place.objects.create(name=name, latitude=36.199, longitude=37.163, kind="other", country_code="SY")
        add(site, dt.date(2015, 9, 1))
    page.goto(live_server.url + "/?lat=36.2&lng=37.16&z=9&" + YEAR_2015)
    cluster = page.locator(".cluster-marker")
    expect(cluster).to_have_count(1, timeout=15_000)
    cluster.focus()
    page.keyboard.press("Enter")
    members = page.locator("#member-list button")
    expect(members).to_have_count(3)
    expect(page.locator("#members-heading")).to_have_text("3 places at this point")
    # On the map they are drawn apart, one marker each.
    for name in names:
        pk = Place.objects.get(name=name).pk
        expect(page.locator(f"path.place-marker.place-id-{pk}")).to_have_count(1)
    second = members.nth(1).locator("span").first.inner_text()
    page.keyboard.press("Tab")  # the first member has the focus; the next one is reachable
    page.keyboard.press("Enter")
    expect(page.locator("#passages-heading")).to_have_text(second)
    expect(page.locator(".passage mark")).to_have_text(second)


def test_the_feed_lists_the_window_newest_first_and_escape_returns_to_it(live_server, page, reader_data):
    open_map(page, live_server.url + "/?" + YEAR_2015)
    feed = page.locator("#feed")
    expect(feed).to_be_visible()
    dates = page.locator("#feed-list .feed-date")
    expect(dates).to_have_count(20)
    shown = [d.split(" ")[0] for d in dates.all_inner_texts()]
    assert shown == sorted(shown, reverse=True) and shown[0] == "2015-12-10"
    # Hovering an entry lights up its marker.
    first = page.locator("#feed-list .feed-item").first
    place_id = first.get_attribute("data-place-id")
    first.hover()
    expect(page.locator(f"path.place-id-{place_id}.hovered")).to_have_count(1)
    # An entry's place opens its passages; Escape goes back to the feed.
    first.get_by_role("button").click()
    expect(page.locator("#passages")).to_be_visible()
    expect(feed).to_be_hidden()
    page.keyboard.press("Escape")
    expect(feed).to_be_visible()
    expect(page.locator("#passages")).to_be_hidden()
    assert "place" not in query(page)


def test_trust_shows_on_markers_and_passages_and_filters_the_map(live_server, page, reader_data):
    Mention.objects.filter(place=reader_data["aleppo"]).update(confidence=0.95)  # the machine is sure
    Mention.objects.filter(place=reader_data["homs"]).update(review=Mention.Review.CONFIRMED)
    revision_bump()  # Idlib's mentions stay unsure (confidence 0)
    open_map(page, live_server.url + "/?" + YEAR_2015)
    ids = {name: place.pk for name, place in reader_data.items()}
    expect(page.locator(f"path.place-id-{ids['idlib']}.trust-unsure")).to_have_count(1)
    expect(page.locator(f"path.place-id-{ids['aleppo']}.trust-sure")).to_have_count(1)
    expect(page.locator(f"path.place-id-{ids['homs']}.trust-verified")).to_have_count(1)
    expect(page.locator(".verified-badge")).to_have_count(1)
    page.locator("#place-list").get_by_role("button", name="Homs").click()
    expect(page.locator("#passage-list .badge.trust-verified")).to_have_text("Verified by an editor")
    page.locator("#place-list").get_by_role("button", name="Idlib").click()
    expect(page.locator("#passage-list .badge.trust-unsure").first).to_have_text("Machine, unsure")
    # The drawer's trust filter keeps only what the machine was unsure of.
    page.get_by_role("button", name=re.compile("^Filters")).click()
    page.get_by_label("Machine, unsure").check()
    expect(page.locator("#place-list .place-button")).to_have_count(1)
    expect(page.locator("#place-list .place-button")).to_have_text("Idlib")
    assert query(page)["trust"] == "unsure"


def test_countries_are_chosen_by_name_with_a_search_box(live_server, page, reader_data):
    kyiv = Place.objects.create(name="Kyiv", latitude=50.45, longitude=30.52, kind="city", country_code="UA")
    add(kyiv, dt.date(2015, 6, 1))
    open_map(page, live_server.url + "/?" + YEAR_2015)
    page.get_by_role("button", name=re.compile("^Filters")).click()
    expect(page.locator("#filter-country option")).to_have_text(["Syria", "Ukraine"])
    page.get_by_label("Find a country").fill("ukr")
    expect(page.locator("#filter-country option:not([hidden])")).to_have_text(["Ukraine"])
    page.locator("#filter-country").select_option(label="Ukraine")
    expect(page.locator("#place-list .place-button")).to_have_text(["Kyiv"])
    assert query(page)["country"] == "UA"
    page.keyboard.press("Escape")  # the drawer closes; the Filters button says one is on
    expect(page.locator("#filters-drawer")).not_to_be_in_viewport()
    expect(page.locator("#filters-active")).to_have_text("1")
