"""The offline HTML export of the events layer, opened from disk in a real browser with
no network: one marker per event, each popup telling type, place, dates, sources and
the passages grouped by source as text; no script hidden in an article runs."""
import pytest
from django.urls import reverse

from tests.browser.test_export_offline import HOSTILE_NAMES, HOSTILE_TEXT, WALK_MARKERS
from tests.events.helpers import (
    PROTEST_KHARKIV_LATER,
    SHELLING_KHARKIV,
    SHELLING_KHARKIV_AGAIN,
    processed,
)
from tests.test_exports_events import STRIKE_ODESA, reported

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def hostile_events():
    """Three events; the protest in Kharkiv is also reported by outlets whose titles,
    sources and passages try every way out of a popup."""
    processed(SHELLING_KHARKIV, source="Dnipro Daily")
    processed(SHELLING_KHARKIV_AGAIN, source="Black Sea Monitor", day=10)
    processed(PROTEST_KHARKIV_LATER, source="Dnipro Daily", day=14)
    processed(STRIKE_ODESA, source="Black Sea Monitor", day=16)
    for i, name in enumerate(HOSTILE_NAMES[:9]):
        body = (f"Hundreds of residents rallied in Kharkiv on Saturday {name} to demand more "
                "air defence, carrying banners outside the regional administration.")
        reported(body, source=f"{name} {i}", title=f"{HOSTILE_TEXT} {i}", url=f"javascript:alert({i})",
                 day=14)


def test_the_events_map_opened_from_disk_has_a_marker_per_event_and_runs_no_injected_script(
    client, hostile_events, page, tmp_path
):
    response = client.get(reverse("mapapp:api-export", args=["html"]), {"layer": "events"})
    assert response.status_code == 200
    exported = tmp_path / "conflict-map-events.html"
    exported.write_bytes(response.content)

    errors, remote = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("request", lambda request: request.url.startswith(("http:", "https:"))
            and remote.append(request.url))
    page.goto(exported.as_uri())
    assert errors == [] and page.evaluate("() => window.__pwned") is None

    markers = page.evaluate(WALK_MARKERS)

    assert errors == [] and remote == []
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate("() => document.querySelectorAll('svg[onload], img[onerror], "
                         "a[href^=\"javascript:\"]').length") == 0
    assert sorted(m["tooltip"] for m in markers) == [
        "Explosions and remote violence in Kharkiv (Reported by 2 sources, 2 passages)",
        "Explosions and remote violence in Odesa (Reported by 1 source, 1 passage)",
        "Protests in Kharkiv (Reported by 10 sources, 10 passages)",
    ]
    protest = next(m["popup"] for m in markers if m["popup"].startswith("Protests"))
    assert protest.startswith("Protests in Kharkiv2024-04-13 (day)Reported by 10 sources")
    assert "Dnipro Daily“Hundreds of residents rallied in Kharkiv" in protest
    for i, name in enumerate(HOSTILE_NAMES[:9]):
        shown = name.replace("\x01", "\ufffd").replace("\x0b", "\ufffd")
        assert f"{shown} {i}" in protest  # the outlet, as text
        assert f"{HOSTILE_TEXT} {i}" in protest  # the title, as text
    assert "javascript:" not in protest  # an address that is no web page is left out
