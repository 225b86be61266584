"""An editor reviews the DW article of 19 September 2015 from the admin index to
publication: every name the machine doubted is settled with one click, the world areas
it names ("the Middle East", "the Gulf") are listed apart with no point to confirm, a
photo caption's "Wien" is taken off the map, and the article goes live."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_editor_review import log_in
from tests.review_support import make_editor, processed_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Assad exit key to ending refugee crisis: Kerry"


class Clicks:
    """Counts the editor's clicks, so the walkthrough's cost is measured, not guessed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, locator) -> None:
        locator.click()
        self.count += 1


def names_on_the_map(page, base_url: str) -> set[str]:
    features = page.request.get(f"{base_url}/api/places").json()["features"]
    return {f["properties"]["name"] for f in features}


def test_an_editor_reviews_and_publishes_the_dw_article(live_server, page, corpus_article_text):
    make_editor()
    processed_article(corpus_article_text, title=TITLE)
    click = Clicks()
    assert names_on_the_map(page, live_server.url) == set(), "a draft must not be on the map"

    log_in(page, live_server.url)
    click.count += 1  # the "Log in" button
    click(page.get_by_role("link", name="Articles", exact=True).first)
    click(page.get_by_role("link", name=TITLE))
    review = page.get_by_role("link", name=re.compile(r"^Review names"))
    waiting = int(re.search(r"\((\d+) waiting\)", review.text_content()).group(1))
    click(review)

    # Each doubtful name: one click on the candidate the editor agrees with.
    for _ in range(waiting):
        card = page.locator("section.review-item.needs-review").first
        click(card.get_by_role("button", name=re.compile(r"^(Confirm|Take) ")).first)
        expect(page.locator(".messagelist")).to_contain_text("is now")
    expect(page.locator("section.review-item.needs-review")).to_have_count(0)
    expect(page.locator(".review-summary")).to_contain_text("0 names waiting")

    # Areas are no point to confirm: listed apart, and never among the names waiting.
    areas = page.locator("details.review-areas")
    expect(areas.locator("summary").first).to_contain_text("Areas named, not drawn on the map")
    areas.locator("summary").first.click()  # a look, not a step of the review: not counted
    for area in ("Middle East", "Gulf"):
        card = areas.locator("section.review-item.area", has=page.get_by_role("heading", name=re.compile(area)))
        expect(card).to_have_count(1)
        expect(card.locator(".reasons")).to_have_text("area, not drawn")

    # "Wien" comes from a German photo caption, not from the story.
    # Once nothing waits, the page opens the list of the names the machine was sure of.
    expect(page.locator("details.review-settled")).to_have_attribute("open", "")
    wien = page.locator("section.review-item", has=page.get_by_role("heading", name=re.compile("Wien")))
    has_wien = wien.count() == 1
    if has_wien:
        click(wien.get_by_role("button", name="Not a place"))
        expect(page.locator(".messagelist")).to_contain_text("is now not a place")

    click(page.get_by_role("button", name="Publish this article"))
    expect(page.locator(".messagelist")).to_contain_text("1 article(s) published")

    on_the_map = names_on_the_map(page, live_server.url)
    assert {"Idlib", "Damascus", "London"} <= on_the_map, on_the_map
    assert not {"Wien", "Vienna"} & on_the_map
    print(f"\nDW review: {waiting} doubtful name(s), Wien found: {has_wien}, "
          f"{click.count} clicks from login to publication")
    # Log in, Articles, the article, Review names; one per doubtful name; Wien; Publish.
    assert click.count == 4 + waiting + (1 if has_wien else 0) + 1
