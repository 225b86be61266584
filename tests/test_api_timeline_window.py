"""A timeline that fits the news: the axis covers the bulk of the dates, a passage about
1805 in 2020s news is folded into an "earlier" count instead of stretching it, and the
default window is where most passages are, on event or publication dates."""
import datetime as dt

import pytest
from django.urls import reverse

from mapapp.models import Mention
from tests.test_api_map import mention, place

pytestmark = pytest.mark.django_db


def timeline(client, **params):
    response = client.get(reverse("mapapp:api-timeline"), params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def news_with_1805():
    """60 passages of 2024-2025 news, 50 of them in March 2025, and one about 1805."""
    homs = place("Homs", 34.73, 36.71)
    for i in range(50):
        day = dt.date(2025, 3, 1) + dt.timedelta(days=i % 28)
        mention(homs, day, published=day + dt.timedelta(days=1))
    for i in range(10):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=40 * i)
        mention(homs, day, published=day)
    austerlitz = place("Austerlitz", 49.15, 16.76)
    mention(austerlitz, dt.date(1805, 1, 1), end=dt.date(1805, 12, 31),
            precision=Mention.DatePrecision.YEAR, published=dt.date(2025, 3, 10))
    return homs


def test_a_passage_about_1805_is_folded_out_of_the_axis_and_the_default_window(client, news_with_1805):
    data = timeline(client)
    assert data["bulk"] == {"start": "2024-01-01", "end": "2025-03-28"}
    assert (data["start"], data["end"][:7]) == ("2024-01-01", "2025-03")  # whole bins
    # March's 28 days widened to 30, kept inside the bulk.
    assert data["default_window"] == {"start": "2025-02-27", "end": "2025-03-28"}
    assert data["earlier"] == {"count": 1, "first": "1805-01-01", "last": "1805-12-31"}
    assert data["later"] == {"count": 0, "first": None, "last": None}
    assert all(span["start"] > "1900" for span in data["spans"])


def test_the_default_window_holds_most_passages_and_at_least_30_days(client, news_with_1805):
    window = timeline(client)["default_window"]
    start, end = (dt.date.fromisoformat(window[k]) for k in ("start", "end"))
    assert (end - start).days + 1 >= 30
    places = client.get(reverse("mapapp:api-places"), window).json()
    assert places["totals"]["mentions"] >= 0.8 * 61


def test_the_axis_reaches_1805_when_asked(client, news_with_1805):
    data = timeline(client, **{"from": "1800-01-01", "to": "2025-12-31"})
    assert data["start"] == "1800-01-01"
    assert {"start": "1805-01-01", "end": "1805-12-31", "mentions": 1} in data["spans"]
    assert data["earlier"]["count"] == 1  # the folds do not depend on the axis asked


def test_publication_dates_have_their_own_frame_with_data_in_it(client, news_with_1805):
    data = timeline(client, basis="published")
    # The passage about 1805 was published in March 2025, with the rest of the news.
    assert data["earlier"]["count"] == 0 and data["later"]["count"] == 0
    window = data["default_window"]
    assert window["start"] >= "2025-02-01" and window["end"] <= "2025-04-30"
    places = client.get(reverse("mapapp:api-places"), {**window, "basis": "published"}).json()
    assert places["totals"]["mentions"] >= 0.8 * 61
    assert sum(data["counts"]) == 61  # every publication date is a day on the axis


def test_the_default_window_of_a_few_days_of_news_is_widened_to_30_days_within_the_data(client):
    homs = place("Homs", 34.73, 36.71)
    for day in (1, 2, 3):
        mention(homs, dt.date(2025, 3, day))
    data = timeline(client)
    # Never outside the data: the three days are all there is.
    assert data["default_window"] == {"start": "2025-03-01", "end": "2025-03-03"}
    assert data["bulk"] == {"start": "2025-03-01", "end": "2025-03-03"}
    for day in (1, 2, 3) * 3:
        mention(homs, dt.date(2025, 3, day))
    mention(homs, dt.date(2025, 1, 1))
    mention(homs, dt.date(2025, 4, 30))
    window = timeline(client)["default_window"]
    start, end = (dt.date.fromisoformat(window[k]) for k in ("start", "end"))
    assert (end - start).days + 1 == 30 and start <= dt.date(2025, 3, 1) and end >= dt.date(2025, 3, 3)


def test_no_dates_give_an_empty_frame(client):
    data = timeline(client)
    assert data["default_window"] == {"start": None, "end": None} == data["bulk"]
    assert data["earlier"]["count"] == 0 and data["later"]["count"] == 0


def test_the_map_page_starts_on_the_default_window_within_the_bulk(client, news_with_1805):
    config = client.get(reverse("mapapp:map")).context["map_config"]
    data = timeline(client)
    assert (config["dataStart"], config["dataEnd"]) == (data["bulk"]["start"], data["bulk"]["end"])
    assert (config["defaultStart"], config["defaultEnd"]) == (
        data["default_window"]["start"], data["default_window"]["end"])
