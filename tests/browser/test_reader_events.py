"""The events layer of the reader's map on realistic news processed by the real pipeline
(tests/realistic_news), plus two reports of one protest from outlets with hostile names,
titles and addresses: events by default, a marker per event with its type's glyph and
its number of sources, the "reported by at least N sources" filter, an event's passages
grouped by source, the feed and the export links following the layer, mentions one click
away, and nothing from an article ever running as script."""
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from mapapp.events.models import Event
from mapapp.events.taxonomy import TYPE_VALUES
from mapapp.models import Article
from mapapp.processing import service
from tests.browser.reader_news import load_news
from tests.browser.test_accessibility import assert_no_serious, audit
from tests.browser.test_reader_news import api, query

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1440, "height": 900}
# What a hostile outlet might put in its name, its titles and its addresses.
HOSTILE_SOURCE = '<img src=x onerror="window.__pwned=1">Wire'
HOSTILE_TITLES = ['</script><script>window.__pwned=2</script> Rally in the capital',
                  '<svg onload="window.__pwned=3"> Crowds march again']
HOSTILE_URL = "javascript:window.__pwned=4"
SAFE_URL = "https://example.org/rally-report"
# Two outlets, one protest: marchers in Valparaíso on one day, reported the next.
PROTEST_BODIES = [
    "Thousands of protesters marched through the centre of Valparaíso on Tuesday to demand "
    "higher pensions, chanting outside the regional government building until nightfall.",
    "In Valparaíso, protesters marched on Tuesday in a peaceful rally over pensions, "
    "organisers said, filling the streets around the port for several hours.",
]


def hostile_protest_reports() -> list[Article]:
    """Two published articles from hostile outlets reporting one protest, processed."""
    published = dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.UTC)  # a Wednesday
    articles = [
        Article.objects.create(
            title=title, source=source, url=url, body=body, published_at=published,
            publication=Article.Publication.PUBLISHED,
        )
        for title, source, url, body in zip(
            HOSTILE_TITLES, [HOSTILE_SOURCE, HOSTILE_SOURCE + " 2"], [HOSTILE_URL, SAFE_URL],
            PROTEST_BODIES, strict=True)
    ]
    service.articles_process(article_ids=[a.pk for a in articles])
    return articles


@pytest.fixture
def news(transactional_db):
    load_news()
    hostile = hostile_protest_reports()
    return {"hostile": hostile}


WATCH_THE_PAGE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(e.violatedDirective));
"""


@pytest.fixture
def desk(browser):
    """A desktop tab that records every dialog and script error."""
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    tab.add_init_script(WATCH_THE_PAGE)
    tab.dialogs, tab.errors = [], []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def assert_nothing_ran(page, where: str) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined", where
    assert page.dialogs == [] and page.errors == [], (where, page.dialogs, page.errors)
    assert page.evaluate("window.__cspViolations") == [], where


def open_events(page, url):
    page.goto(url)
    expect(page.locator(".event-marker").first).to_be_attached(timeout=20_000)
    expect(page.locator("#window-summary")).to_contain_text(re.compile(r"\d+ events?\b"))
    expect(page.locator("#feed-list .feed-item").first).to_be_attached(timeout=15_000)


def marker_facts(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll(".event-marker")].map((m) => ({
      id: Number(m.dataset.eventId), type: m.dataset.type, sources: Number(m.dataset.sources),
      badge: m.querySelector(".source-badge") ? m.querySelector(".source-badge").textContent : null,
      glyph: m.querySelectorAll("svg.glyph").length, label: m.getAttribute("aria-label"),
    }))""")


def test_events_are_the_default_layer_with_a_glyph_per_type_and_a_badge_per_source(live_server, desk, news):
    page = desk
    open_events(page, live_server.url + "/")
    assert query(page)["layer"] == "events"
    expect(page.get_by_role("button", name="Events", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Mentions", exact=True)).to_have_attribute("aria-pressed", "false")

    markers = marker_facts(page)
    assert len(markers) >= 20, len(markers)
    assert all(m["glyph"] == 1 and m["type"] in TYPE_VALUES for m in markers)
    assert len({m["type"] for m in markers}) >= 4, {m["type"] for m in markers}
    # A badge says how many outlets report it, from two on; its words say it too.
    for m in markers:
        assert m["badge"] == (str(m["sources"]) if m["sources"] > 1 else None), m
        assert m["label"].endswith(f"reported by {m['sources']} source" + ("s" if m["sources"] > 1 else ""))
    assert any(m["sources"] >= 2 for m in markers)
    # The markers are the events of the view, as the API selects them.
    opened = query(page)
    events = api(page, f"{live_server.url}/api/events?start={opened['start']}&end={opened['end']}")
    in_view = {f["id"] for f in events["features"]}
    assert {m["id"] for m in markers} <= in_view
    # Each type has a key: its glyph, its name and how many events of it are in view.
    legend = page.locator("#event-type-list li")
    expect(legend).to_have_count(len(TYPE_VALUES))
    expect(legend.locator("svg.glyph")).to_have_count(len(TYPE_VALUES))
    expect(page.locator("#event-type-list")).to_contain_text("Explosions and remote violence")
    assert_nothing_ran(page, "events layer")


def test_reported_by_at_least_n_sources_keeps_fewer_markers(live_server, desk, news):
    page = desk
    open_events(page, live_server.url + "/")
    everything = marker_facts(page)
    page.get_by_role("button", name=re.compile("^Filters")).click()
    drawer = page.locator("#filters-drawer")
    drawer.get_by_label("2 sources", exact=True).check()
    expect(page).to_have_url(re.compile(r"min_sources=2"))
    two = [m for m in everything if m["sources"] >= 2]
    expect(page.locator(".event-marker")).to_have_count(len(two))
    assert 0 < len(two) < len(everything), (len(two), len(everything))
    assert all(m["sources"] >= 2 for m in marker_facts(page))
    expect(page.locator("#filters-active")).to_have_text("1")
    drawer.get_by_label("3 sources", exact=True).check()
    expect(page.locator(".event-marker")).to_have_count(len([m for m in everything if m["sources"] >= 3]))
    # The feed lists the same events and the exports hold them.
    page.get_by_role("button", name="Done").click()
    expect(page.locator("#feed-count")).to_contain_text("events")
    href = page.locator("#export-geojson").get_attribute("href")
    assert "layer=events" in href and "min_sources=3" in href, href
    # A shared address brings the filter back.
    page.goto(page.url)
    expect(drawer.get_by_label("3 sources", exact=True)).to_be_checked()
    assert_nothing_ran(page, "min sources")


def test_an_event_lists_its_passages_by_source_and_escape_returns_to_the_feed(live_server, desk, news):
    page = desk
    open_events(page, live_server.url + "/")
    rally = set(Event.objects.filter(passages__article__in=news["hostile"]).values_list("pk", flat=True))
    best = max((m for m in marker_facts(page) if m["id"] not in rally), key=lambda m: m["sources"])
    assert best["sources"] >= 2
    marker = page.locator(f".event-marker.event-id-{best['id']}")
    marker.focus()
    page.keyboard.press("Enter")  # a marker is a button a keyboard reaches
    panel = page.locator("#event")
    expect(panel).to_be_visible()
    expect(page).to_have_url(re.compile(rf"event={best['id']}"))
    detail = api(page, f"{live_server.url}/api/events/{best['id']}")
    expect(page.locator("#event-heading")).to_have_text(f"{detail['label']} in {detail['place']['name']}")
    expect(panel.locator(".event-sources")).to_contain_text(f"Reported by {best['sources']} sources")
    expect(panel.locator(".event-dates")).to_contain_text(detail["start"])
    expect(panel.locator(".event-place")).to_contain_text(detail["place"]["name"])
    expect(panel.locator(".event-cues")).not_to_be_empty()  # the words that decided the type
    groups = panel.locator(".source-group")
    expect(groups).to_have_count(best["sources"])
    assert groups.locator(".source-name").all_inner_texts() == [g["source"] for g in detail["sources_detail"]]
    for group, expected in zip(groups.all(), detail["sources_detail"], strict=True):
        passages = group.locator(".passage")
        expect(passages).to_have_count(len(expected["passages"]))
        for passage, wanted in zip(passages.all(), expected["passages"], strict=True):
            expect(passage.locator("mark")).to_have_text(wanted["surface"])
            link = passage.locator("a")
            expect(link).to_have_attribute("href", wanted["article"]["url"])
            expect(link).to_have_text(wanted["article"]["title"])
    expect(marker).to_have_class(re.compile(r"\bselected\b"))
    page.keyboard.press("Escape")
    expect(page.locator("#feed")).to_be_visible()
    expect(panel).to_be_hidden()
    assert "event" not in query(page)
    # A feed entry opens its event too.
    entry = page.locator("#feed-list .event-feed-item").first
    entry.locator("button.feed-event").click()
    expect(panel).to_be_visible()
    expect(page.locator("#event-heading")).to_contain_text(" in ")
    assert_nothing_ran(page, "event panel")


def test_mentions_are_one_click_away_and_feed_and_exports_follow_the_layer(live_server, desk, news):
    page = desk
    open_events(page, live_server.url + "/")
    feed = page.locator("#feed-list .feed-item")
    expect(feed.first).to_have_class(re.compile("event-feed-item"))
    expect(page.locator("#feed-heading")).to_have_text("Latest events in this window")
    for link in page.locator(".exports a").all():
        assert "layer=events" in link.get_attribute("href")
    events_export = api(page, live_server.url + page.locator("#export-geojson").get_attribute("href"))
    assert events_export["features"] and all("sources_detail" in f["properties"] for f in events_export["features"])

    page.get_by_role("button", name="Mentions", exact=True).click()
    expect(page.get_by_role("button", name="Mentions", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(re.compile("layer=mentions"))
    expect(page.locator(".place-marker, .cluster-marker").first).to_be_attached()
    expect(page.locator(".event-marker")).to_have_count(0)
    expect(page.locator("#window-summary")).to_contain_text("mentions")
    expect(page.locator("#feed-heading")).to_have_text("Latest passages in this window")
    expect(page.locator("#feed-count")).to_contain_text("passages")
    expect(feed.first).not_to_have_class(re.compile("event-feed-item"))
    for link in page.locator(".exports a").all():
        assert "layer=mentions" in link.get_attribute("href")
    page.locator("#place-list .place-button").first.click()
    expect(page.locator("#passage-list .passage").first).to_be_visible()
    # The layer is part of the address: reloading keeps mentions.
    page.goto(page.url)
    expect(page.locator(".place-marker, .cluster-marker").first).to_be_attached(timeout=20_000)
    expect(page.get_by_role("button", name="Mentions", exact=True)).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Events", exact=True).click()
    expect(page.locator(".event-marker").first).to_be_attached()
    assert_nothing_ran(page, "layer switch")


def test_hostile_outlets_titles_and_addresses_stay_text(live_server, desk, news):
    page = desk
    hostile = news["hostile"]
    rally = Event.objects.filter(passages__article__in=hostile).distinct()
    assert rally.count() == 1, list(rally)
    event = rally.get()
    day = event.start.isoformat()
    valparaiso = "lat=-33.05&lng=-71.6&z=7&q=Valpara%C3%ADso"
    open_events(page, f"{live_server.url}/?layer=events&start={day}&end={day}&{valparaiso}")
    marker = page.locator(f".event-marker.event-id-{event.pk}")
    expect(marker.locator(".source-badge")).to_have_text("2")
    expect(page.locator(".event-marker")).to_have_count(1)  # the search selects events too
    for bad in ("q=%00", "min_sources=0", "type=%3Cscript%3E"):
        assert page.request.get(f"{live_server.url}/api/events?{bad}").status == 400, bad
    marker.click()
    groups = page.locator("#event .source-group")
    expect(groups).to_have_count(2)
    names = groups.locator(".source-name")
    assert [n.evaluate("node => node.textContent") for n in names.all()] == [HOSTILE_SOURCE, HOSTILE_SOURCE + " 2"]
    assert names.locator("img, script, svg").count() == 0
    # Only the http(s) address is a link; each title is its text, nothing more.
    links = page.locator("#event .passage a")
    assert [a.get_attribute("href") for a in links.all()] == [SAFE_URL]
    titles = page.locator("#event .passage-meta dd:first-of-type")
    assert sorted(t.evaluate("node => node.textContent") for t in titles.all()) == sorted(HOSTILE_TITLES)
    assert page.locator("#event .passage-meta img, #event .passage-meta svg, #event .passage-meta script").count() == 0
    expect(page.locator("#event mark").first).to_have_text("Valparaíso")
    page.keyboard.press("Escape")
    feed_titles = page.locator("#feed-list .event-feed-item .passage-meta dd:first-of-type")
    expect(feed_titles.first).to_be_attached()
    assert page.locator("#feed-list img, #feed-list script").count() == 0
    assert_nothing_ran(page, "hostile event")


def test_the_events_layer_is_accessible_on_a_desktop_and_a_phone(live_server, desk, browser, news):
    page = desk
    open_events(page, live_server.url + "/")
    assert_no_serious(audit(page, "events layer with the feed"), "events feed")
    page.locator("#feed-list button.feed-event").first.click()
    expect(page.locator("#event .passage").first).to_be_visible()
    assert_no_serious(audit(page, "events layer with an event open"), "event panel")
    page.get_by_role("button", name=re.compile("^Filters")).click()
    expect(page.locator("#filters-drawer")).to_be_in_viewport()
    assert_no_serious(audit(page, "events layer with the filter drawer"), "events drawer")

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    try:
        open_events(phone, live_server.url + "/")
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
        expect(phone.get_by_role("button", name="Events", exact=True)).to_be_in_viewport()
        phone.get_by_role("button", name="Show passages").tap()
        phone.locator("#feed-list button.feed-event").first.tap()
        expect(phone.locator("#event .passage").first).to_be_in_viewport()
        assert_no_serious(audit(phone, "phone sheet with an event"), "phone event")
        phone.keyboard.press("Escape")
        expect(phone.locator("#feed")).to_be_visible()
    finally:
        context.close()
