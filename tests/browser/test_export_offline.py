"""The offline HTML export, opened from disk in a real browser with no network: every
place is drawn, every tooltip and popup opens and shows its name as text, nothing
fails, and no script hidden in a place name, title, source or passage runs."""
import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Article, Mention, Place
from mapapp.readermap.exports.text import printable

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Each would set window.__pwned if it ever ran: closing the script element, leaving
# the template literal, a ${...} expression, HTML event handlers, a broken escape.
HOSTILE_NAMES = [
    '</script><script>window.__pwned="script-end"</script>',
    '</SCRIPT ><script>window.__pwned="script-end-upper"</script>',
    '`;window.__pwned="backtick";`',
    '${window.__pwned="template"}',
    '\\`;window.__pwned="escaped-backtick";//',
    "<img src=x onerror=\"window.__pwned='img'\">",
    "\"'><svg onload=window.__pwned='svg'>",
    "\\u{zz} \\x back\\slash $ ` {}",
    "&amp; &lt;b&gt; stays as typed",
    "Homs\x01\x0b with controls",
    "حلب",
]
HOSTILE_TEXT = '</script><script>window.__pwned="article"</script>`${window.__pwned="article2"}`'


@pytest.fixture
def hostile_places():
    """Seventeen published places (as in the report that found the export broken), eleven
    with hostile names, named by articles with hostile titles, sources and passages."""
    names = HOSTILE_NAMES + [f"Town {i}" for i in range(17 - len(HOSTILE_NAMES))]
    places = []
    for i, name in enumerate(names):
        place = Place.objects.create(name=name, latitude=30 + i * 0.7, longitude=30 + i * 0.9,
                                     kind=Place.Kind.CITY, country_code="SY")
        for n in range(1 + i % 3):
            passage = f"{HOSTILE_TEXT} Shelling hit {name} overnight."
            article = Article.objects.create(
                title=f"{HOSTILE_TEXT} {i}-{n}", source=HOSTILE_TEXT, url=f"https://example.org/{i}/{n}",
                body=f"{passage} #{i}-{n}", publication=Article.Publication.PUBLISHED,
                published_at=dt.datetime(2015, 9, 19, 9, tzinfo=dt.UTC),
            )
            at = passage.index(name)
            Mention.objects.create(article=article, place=place, surface=name, start=at,
                                   end=at + len(name), passage=passage, passage_start=0,
                                   event_date=dt.date(2015, 9, 17), event_date_end=dt.date(2015, 9, 17))
        places.append((printable(name), 1 + i % 3))
    return places


WALK_MARKERS = """() => {
  const map = Object.values(window).find((value) => value instanceof L.Map);
  const seen = [];
  map.eachLayer((layer) => {
    if (!(layer instanceof L.CircleMarker)) return;
    layer.openTooltip();
    const tooltip = layer.getTooltip() && layer.getTooltip().getElement();
    layer.openPopup();
    const popup = layer.getPopup() && layer.getPopup().getElement();
    seen.push({
      tooltip: tooltip ? tooltip.textContent.trim() : null,
      popup: popup ? popup.querySelector(".leaflet-popup-content").textContent.trim() : null,
    });
    layer.closePopup();
  });
  return seen;
}"""


def test_the_html_export_opened_from_disk_draws_every_marker_and_runs_no_injected_script(
    client, hostile_places, page, tmp_path
):
    response = client.get(reverse("mapapp:api-export", args=["html"]))
    assert response.status_code == 200
    exported = tmp_path / "conflict-map.html"
    exported.write_bytes(response.content)

    errors, remote = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("request", lambda request: request.url.startswith(("http:", "https:"))
            and remote.append(request.url))
    page.goto(exported.as_uri())  # waits for the load event: every inline script has run
    assert errors == []  # before: "$ is not defined", and a SyntaxError from a name
    assert page.evaluate("() => window.__pwned") is None

    markers = page.evaluate(WALK_MARKERS)
    assert errors == []
    assert len(markers) == len(hostile_places) == 17
    expected_popups = sorted(f"{name}: {mentions} mentions" for name, mentions in hostile_places)
    expected_tooltips = sorted(f"{name} ({mentions})" for name, mentions in hostile_places)
    assert sorted(m["popup"] for m in markers) == expected_popups
    assert sorted(m["tooltip"] for m in markers) == expected_tooltips
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.querySelectorAll('svg[onload], img[onerror]').length") == 0
    assert remote == []
