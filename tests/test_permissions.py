"""Who may do what, enforced on the server: anonymous readers, editors (the Editors
group), staff without it, and superusers. CSRF protection stays on."""
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from django.urls import reverse

from mapapp.models import Article
from mapapp.review.roles import EDITOR_PERMISSIONS, EDITORS_GROUP
from tests.review_support import (
    LEBANON,
    TRIPOLI_STORY,
    candidate_index,
    make_editor,
    mentions_of,
    processed_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return processed_article(TRIPOLI_STORY)


def publication_url(article) -> str:
    return reverse("admin:mapapp_article_publication", args=[article.pk])


def publication(article) -> str:
    return Article.objects.get(pk=article.pk).publication


def places_on_map(client) -> set[str]:
    response = client.get(reverse("mapapp:api-places"))
    assert response.status_code == 200
    return {f["properties"]["name"] for f in response.json()["features"]}


def in_csv_export(client) -> bool:
    response = client.get(reverse("mapapp:api-export", args=["csv"]))
    assert response.status_code == 200
    return "Tripoli" in b"".join(response.streaming_content).decode()


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- The Editors group -------------------------------------------------------------

def test_the_editors_group_has_exactly_the_editing_permissions():
    group = Group.objects.get(name=EDITORS_GROUP)
    held = {f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")}
    assert held == set(EDITOR_PERMISSIONS)
    assert not [p for p in held if p.startswith("auth.")]


def test_an_editor_cannot_manage_users_or_groups():
    client = logged_in(make_editor())
    for name in ("admin:auth_user_changelist", "admin:auth_user_add",
                 "admin:auth_group_changelist"):
        assert client.get(reverse(name)).status_code == 403, name
    response = client.post(reverse("admin:auth_user_add"),
                           {"username": "mallory", "password1": "x-Very-long-9",
                            "password2": "x-Very-long-9"})
    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="mallory").exists()


def test_a_superuser_can_manage_users():
    boss = get_user_model().objects.create_superuser("boss", "b@example.org", "pw-123456")
    assert logged_in(boss).get(reverse("admin:auth_user_changelist")).status_code == 200


# --- Publishing ----------------------------------------------------------------------

def test_an_anonymous_reader_cannot_publish(client, article):
    response = client.post(publication_url(article), {"publication": "published"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(reverse("admin:mapapp_article_changelist"),
                           {"action": "publish", "_selected_action": [article.pk]})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert publication(article) == Article.Publication.DRAFT


def test_staff_without_the_publish_right_cannot_publish(article):
    user = get_user_model().objects.create_user("intern", password="pw-123456", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_article", "change_article"]))
    client = logged_in(user)

    assert client.post(publication_url(article),
                       {"publication": "published"}).status_code == 403
    client.post(reverse("admin:mapapp_article_changelist"),
                {"action": "publish", "_selected_action": [article.pk]})
    # Nor through the article form: the field is read-only for them.
    change = reverse("admin:mapapp_article_change", args=[article.pk])
    assert 'name="publication"' not in client.get(change).content.decode()
    assert publication(article) == Article.Publication.DRAFT


def test_a_draft_reaches_readers_only_once_an_editor_publishes_it(client, article):
    assert "Tripoli" not in places_on_map(client)
    editor = logged_in(make_editor())

    response = editor.post(reverse("admin:mapapp_article_changelist"),
                           {"action": "publish", "_selected_action": [article.pk]}, follow=True)

    assert "1 article(s) published" in response.content.decode()
    assert "Tripoli" in places_on_map(client)
    assert publication(article) == Article.Publication.PUBLISHED


def test_a_retracted_article_disappears_and_the_admin_says_so(client, article):
    editor = logged_in(make_editor())
    editor.post(publication_url(article), {"publication": "published"})
    assert "Tripoli" in places_on_map(client) and in_csv_export(client)

    response = editor.post(publication_url(article), {"publication": "retracted"}, follow=True)

    html = response.content.decode()
    assert "no longer appear on the public map" in html
    assert "Retracted: this article no longer appears on the public map" in html
    assert "Tripoli" not in places_on_map(client) and not in_csv_export(client)
    listing = editor.get(reverse("admin:mapapp_article_changelist")).content.decode()
    assert "Retracted: hidden from the map" in listing
    who = Article.history.filter(id=article.pk).latest()
    assert (who.publication, who.history_user.username) == ("retracted", "editor")


# --- The review queue ----------------------------------------------------------------

def test_an_anonymous_reader_cannot_see_or_use_the_review_queue(client, article):
    queue = client.get(reverse("admin:mapapp_reviewqueueentry_changelist"))
    assert queue.status_code == 302 and "/admin/login/" in queue["Location"]
    index = candidate_index(mentions_of(article, "Tripoli")[0], LEBANON)
    client.post(reverse("admin:mapapp_article_review", args=[article.pk]),
                {"name": "tripoli", "choice": f"candidate-{index}"})
    assert {m.place.country_code for m in mentions_of(article, "Tripoli")} != {LEBANON}


def test_staff_without_editing_rights_cannot_decide(article):
    viewer = get_user_model().objects.create_user("viewer", password="pw-123456", is_staff=True)
    client = logged_in(viewer)
    assert client.get(reverse("admin:mapapp_reviewqueueentry_changelist")).status_code == 403
    response = client.post(reverse("admin:mapapp_article_review", args=[article.pk]),
                           {"name": "tripoli", "choice": "not-place"})
    assert response.status_code == 403
    assert {m.review for m in mentions_of(article, "Tripoli")} == {"machine"}


def test_an_editor_sees_the_queue_on_the_admin_index():
    html = logged_in(make_editor()).get(reverse("admin:index")).content.decode()
    assert reverse("admin:mapapp_reviewqueueentry_changelist") in html
    assert "/admin/auth/user/" not in html


# --- CSRF ----------------------------------------------------------------------------

def test_csrf_protection_stays_on(article):
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_editor())
    assert client.post(publication_url(article),
                       {"publication": "published"}).status_code == 403
    response = client.post(reverse("admin:mapapp_article_review", args=[article.pk]),
                           {"name": "tripoli", "choice": "not-place"})
    assert response.status_code == 403
    assert publication(article) == Article.Publication.DRAFT
    assert {m.review for m in mentions_of(article, "Tripoli")} == {"machine"}


# --- A private map -------------------------------------------------------------------

def test_readers_need_no_account_by_default(client):
    assert client.get(reverse("mapapp:map")).status_code == 200
    assert client.get(reverse("mapapp:api-places")).status_code == 200


@override_settings(MAP_REQUIRE_LOGIN=True)
def test_a_private_map_asks_for_a_login(client):
    page = client.get(reverse("mapapp:map"), HTTP_ACCEPT="text/html")
    assert page.status_code == 302 and page["Location"].startswith("/admin/login/?next=/")
    api = client.get(reverse("mapapp:api-places"))
    assert api.status_code == 401 and "requires a login" in api.json()["error"]

    client.force_login(make_editor())
    assert client.get(reverse("mapapp:map")).status_code == 200
    assert client.get(reverse("mapapp:api-places")).status_code == 200


def test_add_editor_makes_a_staff_user_in_the_editors_group_and_nothing_more():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("add_editor", "ines", "--email", "ines@example.org", stdout=out)
    assert "changepassword ines" in out.getvalue()
    user = get_user_model().objects.get(username="ines")
    assert user.is_staff and not user.is_superuser and not user.has_usable_password()
    assert [g.name for g in user.groups.all()] == [EDITORS_GROUP]
    assert user.has_perm("mapapp.publish_article") and not user.has_perm("auth.add_user")


def test_a_malformed_article_id_is_a_404_not_a_crash():
    client = logged_in(make_editor())
    assert client.get("/admin/mapapp/article/abc/review/").status_code == 404
    assert client.post("/admin/mapapp/article/abc/publication/",
                       {"publication": "published"}).status_code == 404
