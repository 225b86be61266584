"""An accessibility audit with axe-core (the npm package, pinned in package-lock.json and
installed by `npm ci`): the reader's map, with a place's passages open, with the filter
drawer open, on a phone with the bottom sheet open, and the admin's review pages have no
serious or critical violations; a keyboard alone reaches every control and a place."""
import json
import re
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from mapapp.models import Mention
from tests.browser.reader_news import load_news
from tests.conftest import ARTIFACTS, REPO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# These tests are about places named (the mentions layer); the map opens on events
# when there are some (tests/browser/test_reader_events.py).
MENTIONS = "/?layer=mentions"

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}

RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""


@pytest.fixture
def news(transactional_db):
    return load_news()


def audit(page, where: str) -> list[dict]:
    """axe-core's violations on the page as it is now. The script is evaluated through
    the browser's debugging protocol, which the page's Content-Security-Policy (scripts
    from this site only) does not govern; a <script> tag would be refused."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: run `npm ci` (make test does)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")
    violations = page.evaluate(RUN_AXE)
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"\W+", "-", where).strip("-")
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(violations, indent=1), encoding="utf-8")
    print(f"axe {where}: {dict(Counter(v['impact'] for v in violations))}")
    return violations


def assert_no_serious(violations: list[dict], where: str) -> None:
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], (where, blocking)


def open_news_map(page, url):
    page.goto(url)
    expect(page.locator(".place-marker, .cluster-marker").first).to_be_attached(timeout=20_000)
    expect(page.locator("#feed-list .feed-item").first).to_be_visible(timeout=15_000)


def test_the_map_its_panel_and_drawer_have_no_serious_accessibility_violations(live_server, page, news):
    page.set_viewport_size({"width": 1440, "height": 900})
    open_news_map(page, live_server.url + MENTIONS)
    assert_no_serious(audit(page, "map with the feed"), "map with the feed")

    page.locator("#place-list .place-button").first.click()
    expect(page.locator("#passage-list .passage").first).to_be_visible()
    assert_no_serious(audit(page, "map with a place's passages"), "passages")

    page.get_by_role("button", name=re.compile("^Filters")).click()
    expect(page.locator("#filters-drawer")).to_be_in_viewport()
    assert_no_serious(audit(page, "map with the filter drawer"), "drawer")


def test_the_phone_map_and_its_bottom_sheet_have_no_serious_accessibility_violations(live_server, browser, news):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.route("https://*.openstreetmap.org/**", lambda route: route.abort())
    try:
        phone.goto(live_server.url + MENTIONS)
        expect(phone.locator(".place-marker, .cluster-marker").first).to_be_attached(timeout=20_000)
        assert_no_serious(audit(phone, "phone map"), "phone map")
        phone.get_by_role("button", name="Show passages").tap()
        phone.locator("#place-list .place-button").first.tap()
        expect(phone.locator("#passage-list .passage").first).to_be_visible()
        assert_no_serious(audit(phone, "phone sheet with passages"), "phone sheet")
    finally:
        context.close()


def test_a_keyboard_alone_reaches_the_controls_and_opens_a_place(live_server, page, news):
    open_news_map(page, live_server.url + MENTIONS)
    reached = set()
    for _ in range(600):  # every marker on the map is a tab stop on the way
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement.id || document.activeElement.getAttribute('class')"))
        if page.evaluate("() => document.activeElement.classList.contains('place-button')"):
            break
    assert {"filter-q", "filters-toggle", "play", "timeline-chart"} <= reached, reached
    page.keyboard.press("Enter")
    expect(page.locator("#passage-list .passage").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#feed")).to_be_visible()


def test_the_admin_review_pages_have_no_serious_accessibility_violations(live_server, page, news):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct-horse-9")
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct-horse-9")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_be_visible()
    unsure = Mention.objects.filter(place__isnull=False).order_by("confidence").first()
    pages = {
        "review queue": "/admin/mapapp/reviewqueueentry/",
        "article review": f"/admin/mapapp/article/{unsure.article_id}/review/",
        "audit trail": "/admin/mapapp/reviewqueueentry/audit/",
    }
    found = {}
    for where, path in pages.items():
        page.goto(live_server.url + path)
        expect(page.locator("#content")).to_be_visible()
        found[where] = [v for v in audit(page, "admin " + where) if v["impact"] in BLOCKING]
    assert found == {where: [] for where in pages}, found
