"""The audit trail: who changed which mention, decision, rule or article, when, and
from what to what, visible in the admin."""
import pytest
from django.urls import reverse

from mapapp.models import PlaceDecision
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
def corrected(client):
    client.force_login(make_editor())
    article = processed_article(TRIPOLI_STORY)
    machine = mentions_of(article, "Tripoli")[0].place
    index = candidate_index(mentions_of(article, "Tripoli")[0], LEBANON)
    client.post(reverse("admin:mapapp_article_review", args=[article.pk]),
                {"name": "tripoli", "choice": f"candidate-{index}", "rule_scope": "SY"})
    return article, machine, mentions_of(article, "Tripoli")[0].place


def test_the_audit_trail_shows_who_moved_a_mention_from_where_to_where(client, corrected):
    _, machine, chosen = corrected
    assert machine.country_code != chosen.country_code == LEBANON
    html = client.get(reverse("admin:mapapp_audit")).content.decode()
    assert f"<strong>place</strong>: {machine} → {chosen}" in html
    assert "<td>editor</td>" in html
    assert "Rule #" in html and "Place decision #" in html


def test_a_decisions_history_page_names_the_editor(client, corrected):
    decision = PlaceDecision.objects.get()
    html = client.get(reverse("admin:mapapp_placedecision_history", args=[decision.pk]))
    assert html.status_code == 200
    assert "editor" in html.content.decode()


def test_a_mentions_history_page_shows_the_change(client, corrected):
    article, _, chosen = corrected
    mention = mentions_of(article, "Tripoli")[0]
    html = client.get(reverse("admin:mapapp_mention_history", args=[mention.pk])).content.decode()
    assert "as found by processing" in html
    assert str(chosen) in html
