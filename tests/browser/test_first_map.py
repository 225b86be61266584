"""An editor adds the source article in the admin; a reader finds Idlib on the map."""
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from mapapp.models import Article
from tests.conftest import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_adds_the_article_and_a_reader_reads_idlib_on_the_map(
    live_server, page, celery_worker_process, corpus_article_text
):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "correct-horse-9")

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("correct-horse-9")
    page.get_by_role("button", name="Log in").click()

    page.goto(f"{live_server.url}/admin/mapapp/article/add/")
    page.get_by_label("Title").fill("Assad exit key to ending refugee crisis: Kerry")
    page.get_by_label("Source").fill("Deutsche Welle")
    page.get_by_label("Url").fill("https://www.dw.com/en/assad-exit-key-to-ending-refugee-crisis-kerry/a-18725331")
    page.locator("#id_published_at_0").fill("2015-09-19")
    page.locator("#id_published_at_1").fill("12:00:00")
    page.get_by_label("Publication").select_option("published")
    page.get_by_label("Body").fill(corpus_article_text)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get()
    wait_until(
        lambda: Article.objects.get(pk=article.pk).status == Article.Status.DONE,
        timeout=90, message="the article was not processed",
    )

    page.goto(live_server.url + "/?layer=mentions")  # places named; the map opens on events
    idlib = page.get_by_role("button", name=re.compile(r"^Idlib\b")).first
    expect(idlib).to_be_visible(timeout=15_000)
    idlib.focus()
    page.keyboard.press("Enter")

    panel = page.locator("#passages")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", level=2)).to_contain_text("Idlib")
    expect(panel.locator(".passage").first).to_be_in_viewport()  # read without scrolling
    expect(panel).to_contain_text("executed 71 of Assad's troops since capturing an airport")
    expect(panel.locator("mark").first).to_have_text("Idlib")
    expect(panel.get_by_role("link", name="Assad exit key to ending refugee crisis: Kerry").first).to_be_visible()
    expect(panel).to_contain_text("Deutsche Welle")
    # The marker opens the same panel as the button.
    assert page.locator("path.place-marker").count() >= 4
    page.get_by_role("button", name=re.compile(r"^Latakia\b")).first.click()
    expect(panel.get_by_role("heading", level=2)).to_contain_text("Latakia")
    # At world zoom Tartus's marker covers Idlib's: zoom in over Idlib as a reader would.
    marker = page.locator(f"path.place-id-{idlib.get_attribute('data-place-id')}")
    for _ in range(3):
        box = marker.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(500)
    marker.click()
    expect(panel.get_by_role("heading", level=2)).to_contain_text("Idlib")
    expect(panel).to_contain_text("executed 71 of Assad's troops")
