import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from mapapp.models import Article
from mapapp.processing import service
from tests.test_submit import submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-123456")
    client.force_login(user)
    return client


def test_an_editor_adds_an_article_and_it_waits_for_processing(editor_client):
    response = editor_client.post(
        reverse("admin:mapapp_article_add"),
        {
            "title": "Shelling in Aleppo", "source": "Wire", "url": "https://example.org/a",
            "published_at_0": "2015-09-19", "published_at_1": "12:00:00",
            "publication": "published", "body": "Shelling hit Aleppo on Monday.",
            "mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.status == Article.Status.PENDING
    assert article.created_by.username == "editor"
    assert submitted() == [article.pk]  # queued when the save commits


def test_an_editor_who_changes_only_the_title_queues_nothing(editor_client):
    article = Article.objects.create(title="Report", published_at=None, body="Shelling hit Aleppo.")
    service.article_process(article_id=article.pk)
    response = editor_client.post(
        reverse("admin:mapapp_article_change", args=[article.pk]),
        {"title": "A better title", "source": "", "url": "", "published_at_0": "", "published_at_1": "",
         "publication": "draft", "body": "Shelling hit Aleppo.",
         "mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert (article.title, article.status) == ("A better title", Article.Status.DONE)
    assert submitted() == []


def test_a_malformed_date_is_refused_with_a_message(editor_client):
    response = editor_client.post(
        reverse("admin:mapapp_article_add"),
        {"title": "T", "published_at_0": "19/19/2015", "published_at_1": "12:00",
         "publication": "draft", "body": "x", "mentions-TOTAL_FORMS": "0",
         "mentions-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    assert not Article.objects.exists()


def test_the_changelist_shows_a_failure_and_the_change_page_its_error(editor_client):
    article = Article.objects.create(title="Broken", body="Shelling hit Aleppo.")
    service.article_mark_failed(article_id=article.pk, error="ValueError: the parser choked")
    changelist = editor_client.get(reverse("admin:mapapp_article_changelist")).content.decode()
    assert "failed: ValueError: the parser choked" in changelist
    change = editor_client.get(reverse("admin:mapapp_article_change", args=[article.pk]))
    assert "ValueError: the parser choked" in change.content.decode()


def test_the_reprocess_action_puts_articles_back_in_the_queue(editor_client):
    article = Article.objects.create(title="Broken", body="Shelling hit Aleppo.")
    service.article_mark_failed(article_id=article.pk, error="boom")
    response = editor_client.post(
        reverse("admin:mapapp_article_changelist"),
        {"action": "reprocess", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING and article.last_error == ""
    assert submitted() == [article.pk]


def test_mentions_show_inline_on_the_article(editor_client):
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo on Monday.")
    service.article_process(article_id=article.pk)
    page = editor_client.get(reverse("admin:mapapp_article_change", args=[article.pk]))
    html = page.content.decode()
    assert "Shelling hit Aleppo on Monday." in html
    assert "Aleppo" in html


def test_script_in_an_article_is_escaped_in_the_admin(editor_client):
    article = Article.objects.create(title="<script>alert(1)</script>", body="<script>alert(2)</script>")
    html = editor_client.get(reverse("admin:mapapp_article_change", args=[article.pk])).content.decode()
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(" in html
