"""An editor saves "Tripoli is the Lebanese city in every story" from the review queue;
the page says how many earlier articles that changes, a real worker re-processes them in
the background, and the public map moves their Tripoli too (issue 13)."""
import re

import pytest
from playwright.sync_api import expect

from mapapp.models import Article
from tests.browser.test_editor_review import LEBANESE_TRIPOLI, log_in, near, tripoli_on_the_map
from tests.conftest import wait_until
from tests.review_support import TRIPOLI_STORY, make_editor, processed_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EARLIER_STORY = "Fuel prices rose in Tripoli this week as the port stayed shut, traders said."


def tripolis_on_the_map(page, base_url: str) -> list[tuple[float, float]]:
    features = page.request.get(f"{base_url}/api/places").json()["features"]
    return [tuple(reversed(f["geometry"]["coordinates"])) for f in features
            if f["properties"]["name"] == "Tripoli"]


def test_a_rule_saved_in_the_queue_moves_tripoli_in_an_earlier_article_too(
    live_server, page, celery_worker_process
):
    make_editor()
    earlier = processed_article(EARLIER_STORY, title="Fuel prices in Tripoli", publication="published")
    story = processed_article(TRIPOLI_STORY, title="Clashes in Tripoli", publication="published")
    before = earlier.processed_at
    assert not any(near(LEBANESE_TRIPOLI, *point) for point in tripolis_on_the_map(page, live_server.url))

    log_in(page, live_server.url)
    page.get_by_role("link", name="Review queue").click()
    expect(page.locator(".queue-count")).to_contain_text("2 names waiting in 2 articles")
    card = page.locator(f'section.review-item[data-article="{story.pk}"][data-name="tripoli"]')
    card.get_by_label("Also for future articles:").select_option(label="Yes, in every story")
    card.get_by_role("button", name=re.compile(r"^Take Tripoli, .*, LB$")).click()

    expect(page.locator(".messagelist")).to_contain_text(
        "Saved as a rule for every story; re-processing the 1 other article already processed "
        "that names it, in the background.")
    wait_until(lambda: Article.objects.get(pk=earlier.pk).processed_at > before, timeout=60,
               message="the worker did not re-process the earlier article")

    _, lat, lon = tripoli_on_the_map(page, live_server.url)
    assert near(LEBANESE_TRIPOLI, lat, lon), (lat, lon)
    page.reload()
    expect(page.locator(".queue-count")).to_contain_text("0 names waiting in 0 articles")
    expect(page.locator('section.review-item[data-name="tripoli"]')).to_have_count(0)
