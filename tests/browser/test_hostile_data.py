"""Hostile data in a real browser: place names, article titles, sources, URLs and
passages written to run script are shown as text everywhere (map tooltips, the place
list, the passages panel and its highlight, filter lists, the admin's review queue and
point picker), nothing runs, and every page is served under a Content-Security-Policy
that the browser never has to enforce (zero violations), with the map still drawn."""
import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from mapapp.models import Article, Mention, Place
from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMG = "<img src=x onerror=window.__pwned=1>"
BREAKOUT = '"><script>window.__pwned=1</script>'
SCRIPT_END = "</script><svg onload=window.__pwned=1>"
TEMPLATE = "${window.__pwned=1}`+(window.__pwned=1)+`"
JS_URL = "javascript:window.__pwned=1"
# Arabic, a right-to-left mark and an override; then control characters other than NUL.
RTL_TEXT = "حلب\u200f <b onmouseover=window.__pwned=1>قصف</b> \u202e"
RTL = RTL_TEXT + "\x01\x07\x1b[31m\x7f"
QUOTES = "'-alert(1)-'\"-alert(2)-\" {{ 7|add:7 }} {% now 'Y' %}"

# A place of each kind, far enough apart never to be clustered or to hide one another.
PLACES = [
    {"name": IMG, "kind": "city", "latitude": 36.2, "longitude": 37.16, "country_code": "SY",
     "admin1": BREAKOUT},
    {"name": SCRIPT_END, "kind": "city", "latitude": 33.31, "longitude": 44.36,
     "country_code": "IQ", "admin1": RTL},
    {"name": TEMPLATE, "kind": "region", "latitude": 31.5, "longitude": 20.0,
     "country_code": "LY", "admin1": IMG},
    {"name": RTL, "kind": "other", "latitude": 48.5, "longitude": 35.0, "country_code": "UA",
     "admin1": TEMPLATE},
    {"name": JS_URL + " " + QUOTES, "kind": "country", "latitude": 15.9, "longitude": 47.5,
     "country_code": "YE", "admin1": ""},
]

# (title, source, url): javascript:, data: and disguised script URLs must never become links.
ARTICLES = [
    (IMG, BREAKOUT, JS_URL),
    (SCRIPT_END, TEMPLATE, " \tJaVaScRiPt:window.__pwned=1"),
    (RTL, SCRIPT_END, "data:text/html,<script>window.__pwned=1</script>"),
    # Sources without control characters: the API refuses those in a filter.
    (TEMPLATE, RTL_TEXT, 'https://example.org/story?a="><script>window.__pwned=1</script>'),
    (BREAKOUT + QUOTES, IMG, None),
]
SAFE_URL = ARTICLES[3][2]

# What a payload would leave in the DOM had it been parsed as HTML.
INJECTED = ("img[src=x], svg[onload], b[onmouseover], [onerror], [onload], "
            "script:not([src]):not([type='application/json'])")

WATCH_THE_PAGE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + event.blockedURI + " " + (event.sample || "")
    + " at " + event.sourceFile + ":" + event.lineNumber);
}, true);
"""


def passage_about(place_name: str, article_index: int) -> tuple[str, int]:
    """A passage with payloads around the place's name, and where the name starts."""
    before = f"{BREAKOUT} Shelling hit {IMG} near "
    after = f" on Monday, {SCRIPT_END} said {TEMPLATE} ({article_index}) {RTL}"
    return before + place_name + after, len(before)


@pytest.fixture
def hostile_data(transactional_db):
    """Five places and five published, processed articles made of hostile strings; every
    article names every place once, so each place has five passages to show."""
    places = [Place.objects.create(**fields) for fields in PLACES]
    articles = []
    for i, (title, source, url) in enumerate(ARTICLES):
        article = Article.objects.create(
            title=title, source=source, url=url, body=f"Body {i} {IMG}",
            publication=Article.Publication.PUBLISHED,
            published_at=dt.datetime(2015, 9, 10 + i, 9, tzinfo=dt.UTC),
        )
        articles.append(article)
        for k, place in enumerate(places):
            passage, at = passage_about(place.name, i)
            passage_start = 1000 * (k + 1)  # where the passage would lie in the body
            Mention.objects.create(
                article=article, place=place, surface=place.name, start=passage_start + at,
                end=passage_start + at + len(place.name), passage=passage,
                passage_start=passage_start,
                event_date=dt.date(2015, 9, 8 + i), event_date_end=dt.date(2015, 9, 8 + i),
                confidence=0.3, candidates=hostile_candidates(place),
            )
    # A name the machine could not place, for the review queue.
    Mention.objects.create(
        article=articles[0], place=None, surface=SCRIPT_END, start=10_005,
        end=10_005 + len(SCRIPT_END), passage="Near " + SCRIPT_END + " " + IMG, passage_start=10_000,
        candidates=[],
    )
    Article.objects.update(status=Article.Status.DONE)
    return {"places": places, "articles": Article.objects.order_by("pk")}


def hostile_candidates(place: Place) -> list[dict]:
    """Two strong candidates far apart, so the review queue shows the name as contested."""
    return [
        {"geonameid": None, "name": place.name, "kind": place.kind, "admin1": place.admin1,
         "country_code": place.country_code, "population": 1000, "latitude": place.latitude,
         "longitude": place.longitude, "score": 5.0},
        {"geonameid": None, "name": IMG + " (rival)", "kind": "city", "admin1": SCRIPT_END,
         "country_code": "LB", "population": 900, "latitude": 34.44, "longitude": 35.85,
         "score": 4.9},
    ]


class PageWatch:
    """Everything a page does that it must not: dialogs, CSP violations, script errors."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.console_csp: list[str] = []
        self.errors: list[str] = []
        page.add_init_script(WATCH_THE_PAGE)
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console_csp.append(message.text)

    def visit(self, url: str):
        """Open `url`; its answer must carry a strict policy: scripts from this site only."""
        response = self.page.goto(url)
        assert response.ok, (url, response.status)
        policy = response.headers.get("content-security-policy", "")
        directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
        assert directives.get("script-src") == ["'self'"], (url, policy)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, policy
        assert directives.get("object-src") == ["'none'"], policy
        return response

    def assert_nothing_ran(self, where: str) -> None:
        violations = self.page.evaluate("window.__cspViolations || []")
        assert self.page.evaluate("typeof window.__pwned") == "undefined", where
        assert self.dialogs == [], (where, self.dialogs)
        assert violations == [] and self.console_csp == [], (where, violations, self.console_csp)
        assert self.errors == [], (where, self.errors)


# True once the passages panel shows exactly one passage, from the source given.
ONLY_PASSAGE_FROM = """source => {
  const shown = [...document.querySelectorAll("#passage-list .passage-source")];
  return shown.length === 1 && shown[0].textContent === source;
}"""


def text_of(locator) -> str:
    """The DOM text exactly (no whitespace folding, control characters kept)."""
    return locator.evaluate("node => node.textContent")


def test_hostile_names_titles_sources_and_urls_stay_text_on_the_map(live_server, page, hostile_data):
    places = hostile_data["places"]
    watch = PageWatch(page)
    watch.visit(live_server.url + "/?areas=show")

    # The map draws every place under the policy.
    for place in places:
        expect(page.locator(f".place-marker.place-id-{place.pk}").first).to_be_attached(timeout=15_000)
    expect(page.locator("#window-summary")).to_contain_text("5 places")
    watch.assert_nothing_ran("map loaded")

    # Every marker's tooltip is the name as text, with its count.
    for place in places:
        page.mouse.move(5, 5)
        page.locator(f".place-marker.place-id-{place.pk}").first.hover()
        tooltip = page.locator(".leaflet-tooltip")
        expect(tooltip).to_have_count(1)
        assert text_of(tooltip) == f"{place.name} (5)"
        assert tooltip.locator("img, script, svg, b").count() == 0
    watch.assert_nothing_ran("tooltips")

    # The place list: names and regions as text.
    for place in places:
        button = page.locator(f'.place-button[data-place-id="{place.pk}"]')
        assert text_of(button) == place.name
        item = page.locator("#place-list li", has=button)
        assert item.get_attribute("title") == ", ".join(filter(None, [place.admin1, place.country_code]))
    assert page.locator(INJECTED).count() == 0

    # Each place's passages: heading, passage, highlight, title, source; safe links only.
    titles = {a.title for a in hostile_data["articles"]}
    sources = {a.source for a in hostile_data["articles"]}
    for place in places:
        page.locator(f'.place-button[data-place-id="{place.pk}"]').click()
        expect(page.locator("#passages")).to_be_visible()
        page.wait_for_function(  # this place's passages, not the last place's
            "name => [...document.querySelectorAll('#passage-list mark')].every(m => m.textContent === name)",
            arg=place.name)
        expect(page.locator(".passage")).to_have_count(5)
        assert text_of(page.locator("#passages-heading")) == place.name
        for passage in page.locator(".passage").all():
            quote = passage.locator(".passage-text")
            marks = quote.locator("mark")
            expect(marks).to_have_count(1)
            assert text_of(marks) == place.name
            assert text_of(quote).startswith(BREAKOUT + " Shelling hit " + IMG + " near " + place.name)
            assert quote.locator("*").count() == 1, "only the <mark> is an element"
            assert text_of(passage.locator(".passage-source")) in sources
            assert text_of(passage.locator(".passage-meta dd").first) in titles
        links = page.locator("#passage-list a")
        assert [a.get_attribute("href") for a in links.all()] == [SAFE_URL]
        watch.assert_nothing_ran(f"passages of place {place.pk}")
    # A marker click opens the panel too.
    page.locator(f".place-marker.place-id-{places[0].pk}").first.click()
    expect(page.locator("#passages-heading")).to_have_text(places[0].name)

    # Filter lists (in the drawer): every source as an option's text; choosing each one
    # redraws the map.
    page.get_by_role("button", name=re.compile("^Filters")).click()
    source_options = page.locator("#filter-source option")
    expect(source_options).to_have_count(len(sources))
    assert {text_of(o) for o in source_options.all()} == sources
    # Each source names every place once; the open panel shows that source's passage.
    counts = page.locator("#place-list .place-count")
    for source in sorted(sources):
        page.locator("#filter-source").select_option(value=source)
        expect(counts).to_have_text(["1"] * len(places))
        page.wait_for_function(ONLY_PASSAGE_FROM, arg=source)
        watch.assert_nothing_ran(f"source filter {source!r}")
        page.locator("#filter-source").select_option([])
        expect(counts).to_have_text(["5"] * len(places))
        expect(page.locator(".passage")).to_have_count(5)
    place_of_country = {p.country_code: p.pk for p in places}
    for code in [o.get_attribute("value") for o in page.locator("#filter-country option").all()]:
        page.locator("#filter-country").select_option(value=code)
        expect(page.locator(".place-button")).to_have_count(1)
        expect(page.locator(f'.place-button[data-place-id="{place_of_country[code]}"]')).to_have_count(1)
    page.locator("#filters-clear").click()
    page.locator("#filter-q").fill(IMG)
    expect(page.locator("#window-summary")).to_contain_text("5 places")
    watch.assert_nothing_ran("filters")

    # A shared URL that carries the hostile view back in.
    page.goto(page.url)
    for place in places:
        expect(page.locator(f".place-marker.place-id-{place.pk}").first).to_be_attached(timeout=15_000)
    watch.assert_nothing_ran("reloaded view")


def test_the_admin_review_queue_and_point_picker_show_hostile_data_as_text(live_server, page, hostile_data):
    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "correct-horse-9")
    article = hostile_data["articles"][0]
    place = hostile_data["places"][0]
    watch = PageWatch(page)

    watch.visit(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill("correct-horse-9")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_contain_text("boss")
    watch.assert_nothing_ran("login")

    admin = live_server.url + "/admin"
    for path in ["/", "/mapapp/article/", f"/mapapp/article/?q={quote(IMG)}",
                 "/mapapp/article/add/", f"/mapapp/article/{article.pk}/change/",
                 f"/mapapp/article/{article.pk}/history/",
                 f"/mapapp/article/{article.pk}/history/{article.history.first().history_id}/",
                 "/mapapp/place/",
                 f"/mapapp/place/{place.pk}/change/", "/mapapp/mention/",
                 f"/mapapp/mention/{place.mentions.first().pk}/change/", "/mapapp/rule/add/",
                 "/mapapp/placedecision/", "/mapapp/reviewqueueentry/audit/",
                 "/mapapp/article/import/", "/auth/user/", f"/auth/user/{boss.pk}/change/",
                 "/auth/group/add/", "/password_change/"]:
        watch.visit(admin + path)
        expect(page.locator("#content")).to_be_visible()
        assert page.locator(INJECTED).count() == 0, path
        watch.assert_nothing_ran(path)

    # The changelist shows titles as text.
    watch.visit(admin + "/mapapp/article/")
    for a in hostile_data["articles"]:
        expect(page.locator("#result_list")).to_contain_text(a.title.strip()[:20])

    # The review queue: every hostile name and candidate is text.
    watch.visit(admin + "/mapapp/reviewqueueentry/")
    items = page.locator("section.review-item")
    expect(items.first).to_be_visible()
    headings = [text_of(h) for h in page.locator("section.review-item h3").all()]
    for p in hostile_data["places"]:
        assert any(p.name in h for h in headings), p.name
    candidate_cells = {text_of(td) for td in page.locator("tr.candidate td:nth-child(2)").all()}
    assert IMG + " (rival)" in candidate_cells
    marks = {text_of(m) for m in page.locator("section.review-item blockquote.passage mark").all()}
    assert {p.name for p in hostile_data["places"]} <= marks
    assert page.locator(INJECTED).count() == 0
    watch.assert_nothing_ran("review queue")

    # The point picker: opens a working map under the policy; a click sets the point.
    watch.visit(f"{admin}/mapapp/article/{article.pk}/review/")
    card = page.locator("section.review-item", has=page.locator("h3", has_text=re.compile("svg")))
    picker = card.locator("details.point-picker").first
    picker.locator("summary").click()
    expect(picker.locator(".leaflet-container")).to_be_visible()
    expect(picker.locator(".leaflet-control-zoom-in")).to_be_visible()
    assert picker.locator("input[name=place_name]").input_value() == SCRIPT_END
    picker.locator(".leaflet-container").click(position={"x": 200, "y": 150})
    expect(picker.locator("input[name=latitude]")).not_to_have_value("")
    expect(picker.locator("path.picked-point")).to_have_count(1)
    watch.assert_nothing_ran("point picker")


# HTML sinks in our scripts: a string given to any of these is parsed as HTML.
SCRIPT_SINKS = re.compile(
    r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function"
    r"|\.(bindTooltip|bindPopup|setTooltipContent|setPopupContent|setContent)\((?!el\()"
    r"|\bhtml:\s*[\"'`]"
)
# What a strict policy would block in a template: inline script, handlers, style attributes.
TEMPLATE_INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)|\son[a-z]+\s*=|\sstyle\s*=|javascript:|\|safe\b|autoescape off"
)
TEMPLATE_COMMENTS = re.compile(r"{% comment %}.*?{% endcomment %}|{#.*?#}", re.S)


def test_our_scripts_and_templates_have_no_html_sinks_or_inline_code():
    """A quick guard over every file the browser walk relies on: new code that inserts
    strings as HTML, or that needs inline script or styles, fails here first."""
    found = []
    for script in sorted((REPO / "static").rglob("*.js")):
        for number, line in enumerate(script.read_text().splitlines(), 1):
            if SCRIPT_SINKS.search(line):
                found.append(f"{script.relative_to(REPO)}:{number}: {line.strip()}")
    for template in sorted((REPO / "templates").rglob("*.html")):
        text = TEMPLATE_COMMENTS.sub("", template.read_text())
        for match in TEMPLATE_INLINE_CODE.finditer(text):
            number = text.count("\n", 0, match.start()) + 1
            found.append(f"{Path(template).relative_to(REPO)}:{number}: {match.group()}")
    assert found == []
