"""A rule or decision applies to every article it matches, those processed before it was
saved included: they are re-processed in the background (Celery), and the editor is told
how many (issue 13)."""
import re

import pytest
from celery import current_app
from django.urls import reverse

from mapapp.models import Article, Mention, Place, PlaceDecision, Rule
from mapapp.processing import service
from mapapp.review.decisions import decision_record
from mapapp.review.places import place_from_candidate
from mapapp.review.propagation import articles_naming, name_reapply
from mapapp.review.rules import rule_save
from tests.conftest import wait_until
from tests.review_support import (
    LEBANON,
    LIBYA,
    TRIPOLI_STORY,
    candidate_index,
    make_editor,
    mentions_of,
    processed_article,
)

# Real commits: the re-processing is sent to the workers when the editor's change commits.
pytestmark = pytest.mark.django_db(transaction=True)

FUEL_STORY = "Fuel prices rose in Tripoli this week, traders said."
REFUGEES_STORY = "Syrian refugees in Tripoli said the road home was closed."
ALEPPO_STORY = "Shelling hit Aleppo on Monday, Syrian state media said."


@pytest.fixture
def eager():
    """Celery runs each task inline when it is sent, as a worker would run it."""
    current_app.conf.task_always_eager = True
    yield
    current_app.conf.task_always_eager = False


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def earlier_articles():
    """Two articles processed before any rule: the machine takes the Libyan capital."""
    fuel = processed_article(FUEL_STORY, title="Fuel")
    refugees = processed_article(REFUGEES_STORY, title="Refugees")
    for article in (fuel, refugees):
        assert [m.place.country_code for m in mentions_of(article, "Tripoli")] == [LIBYA]
    return fuel, refugees


def lebanese_tripoli(article) -> Place:
    mention = mentions_of(article, "Tripoli")[0]
    return place_from_candidate(mention.candidates[candidate_index(mention, LEBANON)])


def tripoli_in(article) -> list[tuple[str, str]]:
    return [(m.place.country_code if m.place else "", m.review)
            for m in mentions_of(Article.objects.get(pk=article.pk), "Tripoli")]


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_a_rule_saved_in_the_queue_reaches_the_articles_processed_before_it(
    editor_client, earlier_articles, eager
):
    fuel, refugees = earlier_articles
    article = processed_article(TRIPOLI_STORY)
    index = candidate_index(mentions_of(article, "Tripoli")[0], LEBANON)

    response = editor_client.post(
        reverse("admin:mapapp_article_review", args=[article.pk]),
        {"name": "tripoli", "choice": f"candidate-{index}", "rule_scope": "*"}, follow=True)

    [note] = messages_of(response)
    assert "Saved as a rule for every story" in note
    assert "re-processing the 2 other articles already processed that name it" in note
    for earlier in (fuel, refugees):
        assert tripoli_in(earlier) == [(LEBANON, Mention.Review.CORRECTED)]


def test_a_rule_added_in_the_admin_is_applied_by_a_worker_with_the_count_shown(
    editor_client, earlier_articles, celery_worker_process
):
    fuel, refugees = earlier_articles
    aleppo = processed_article(ALEPPO_STORY, title="Aleppo")
    place = lebanese_tripoli(fuel)

    response = editor_client.post(reverse("admin:mapapp_rule_add"), {
        "name": "TRIPOLI", "context_country": "", "place": place.pk, "is_active": "on",
        "note": "the Lebanese city in our coverage"}, follow=True)

    assert any("Applying it to 2 articles in the background" in m for m in messages_of(response)), \
        messages_of(response)
    wait_until(lambda: all(tripoli_in(a) == [(LEBANON, Mention.Review.CORRECTED)]
                           for a in (fuel, refugees)),
               timeout=120, message="the worker did not apply the rule to the earlier articles")
    assert {a.status for a in Article.objects.filter(pk__in=[fuel.pk, refugees.pk])} == {"done"}
    assert Article.objects.get(pk=aleppo.pk).processed_at == aleppo.processed_at


def test_a_rule_for_stories_about_a_country_changes_only_those_stories(
    earlier_articles, eager
):
    fuel, refugees = earlier_articles
    rule = rule_save(name="Tripoli", context_country="SY", place=lebanese_tripoli(fuel),
                     user=make_editor())
    name_reapply(names=[rule.name])
    assert tripoli_in(refugees) == [(LEBANON, Mention.Review.CORRECTED)]  # names Syria
    assert tripoli_in(fuel) == [(LIBYA, Mention.Review.MACHINE)]


def test_switching_a_rule_off_hands_the_name_back_to_the_machine_everywhere(
    editor_client, earlier_articles, eager
):
    fuel, refugees = earlier_articles
    rule = rule_save(name="Tripoli", context_country="", place=None, user=make_editor("other"))
    name_reapply(names=[rule.name])
    assert tripoli_in(fuel) == [("", Mention.Review.REJECTED)]

    response = editor_client.post(reverse("admin:mapapp_rule_change", args=[rule.pk]), {
        "name": "tripoli", "context_country": "", "place": "", "note": ""}, follow=True)

    assert any("Applying it to 2 articles in the background" in m for m in messages_of(response))
    for earlier in (fuel, refugees):
        assert tripoli_in(earlier) == [(LIBYA, Mention.Review.MACHINE)]


def test_deleting_a_rule_hands_the_name_back_to_the_machine_everywhere(
    editor_client, earlier_articles, eager
):
    fuel, _ = earlier_articles
    rule = rule_save(name="Tripoli", context_country="", place=None, user=make_editor("other"))
    name_reapply(names=[rule.name])
    response = editor_client.post(reverse("admin:mapapp_rule_delete", args=[rule.pk]),
                                  {"post": "yes"}, follow=True)
    assert any("2 articles" in m and "background" in m for m in messages_of(response))
    assert tripoli_in(fuel) == [(LIBYA, Mention.Review.MACHINE)]


def test_renaming_a_rule_re_processes_the_articles_of_the_old_and_the_new_name(
    editor_client, earlier_articles, eager
):
    fuel, _ = earlier_articles
    aleppo = processed_article(ALEPPO_STORY, title="Aleppo")
    rule = rule_save(name="Tripoli", context_country="", place=None, user=make_editor("other"))
    name_reapply(names=[rule.name])

    response = editor_client.post(reverse("admin:mapapp_rule_change", args=[rule.pk]), {
        "name": "Aleppo", "context_country": "", "place": "", "is_active": "on", "note": ""},
        follow=True)

    assert any("Applying it to 3 articles in the background" in m for m in messages_of(response))
    assert tripoli_in(fuel) == [(LIBYA, Mention.Review.MACHINE)]
    assert [m.review for m in mentions_of(Article.objects.get(pk=aleppo.pk), "Aleppo")] == [
        Mention.Review.REJECTED]


def test_an_articles_own_decision_is_not_re_processed_for_a_rule(earlier_articles):
    fuel, refugees = earlier_articles
    decision_record(article=fuel, name="Tripoli", place=mentions_of(fuel, "Tripoli")[0].place,
                    user=make_editor())
    assert articles_naming(["tripoli"]) == [refugees.pk]
    assert articles_naming(["TRIPOLI"]) == [refugees.pk]


def test_a_note_alone_re_processes_nothing(editor_client, earlier_articles):
    rule = rule_save(name="Tripoli", context_country="", place=None, user=make_editor("other"))
    response = editor_client.post(reverse("admin:mapapp_rule_change", args=[rule.pk]), {
        "name": "tripoli", "context_country": "", "place": "", "is_active": "on",
        "note": "Hammond-style false friend"}, follow=True)
    assert response.status_code == 200
    assert not any("background" in m for m in messages_of(response))
    assert {a.status for a in Article.objects.filter(pk__in=[a.pk for a in earlier_articles])} == {"done"}


def test_applying_a_rule_twice_gives_the_same_rows(earlier_articles, eager):
    fuel, refugees = earlier_articles
    rule_save(name="Tripoli", context_country="", place=lebanese_tripoli(fuel), user=make_editor())

    def rows():
        return sorted(Mention.objects.filter(article__in=[fuel, refugees])
                      .values_list("article_id", "start", "end", "place_id", "review"))

    assert name_reapply(names=["tripoli"]) == 2
    once = rows()
    assert name_reapply(names=["tripoli"]) == 2
    assert name_reapply(names=["tripoli"]) == 2
    assert rows() == once
    assert Mention.objects.filter(article__in=[fuel, refugees]).count() == len(once)


def test_an_article_a_worker_was_processing_when_the_rule_came_ends_with_the_rule(
    earlier_articles, eager
):
    fuel, _ = earlier_articles
    # A worker claims the article (an editor re-processed it) and reads its text...
    service.articles_reset_for_processing(article_ids=[fuel.pk])
    claimed = service.articles_claim(article_ids=[fuel.pk])
    assert claimed == {fuel.pk}
    held = Article.objects.get(pk=fuel.pk).processing_started_at
    text = Article.objects.get(pk=fuel.pk).body
    findings = service.findings_from_text(text, published=service.article_reference_date(fuel))

    # ...meanwhile an editor saves a rule, applied in the background at once.
    rule_save(name="Tripoli", context_country="", place=None, user=make_editor())
    assert name_reapply(names=["tripoli"]) == 2

    # The first worker's claim was handed on: its write, made without the rule, is refused.
    outcome = service._store({fuel.pk: (text, findings)}, held)
    assert outcome[fuel.pk].outcome is service.Outcome.CLAIM_LOST
    assert tripoli_in(fuel) == [("", Mention.Review.REJECTED)]


def test_a_decision_changed_in_the_admin_applies_to_its_articles_mentions(
    editor_client, eager
):
    article = processed_article(TRIPOLI_STORY)
    libyan = mentions_of(article, "Tripoli")[0].place
    decision = decision_record(article=article, name="Tripoli", place=libyan, user=make_editor("other"))
    lebanese = lebanese_tripoli(article)

    response = editor_client.post(
        reverse("admin:mapapp_placedecision_change", args=[decision.pk]),
        {"article": article.pk, "name": "tripoli", "place": lebanese.pk,
         "machine_place": libyan.pk, "rule": ""}, follow=True)

    assert response.status_code == 200
    assert any(re.search(r"Applying it to 1 article in the background", m)
               for m in messages_of(response)), messages_of(response)
    assert PlaceDecision.objects.get(pk=decision.pk).place == lebanese
    assert tripoli_in(article) == [(LEBANON, Mention.Review.CORRECTED)] * 2


def test_a_rule_is_not_counted_twice_for_an_article_naming_it_twice(earlier_articles):
    article = processed_article(TRIPOLI_STORY)  # names Tripoli twice
    assert len(mentions_of(article, "Tripoli")) == 2
    assert sorted(articles_naming(["tripoli"])) == sorted(
        [*[a.pk for a in earlier_articles], article.pk])
    assert Rule.objects.count() == 0


def test_a_rule_saved_while_the_broker_is_down_still_reaches_the_earlier_articles(
    earlier_articles, monkeypatch, settings
):
    import datetime as dt

    from django.utils import timezone

    from mapapp import tasks
    from mapapp.processing import submit, sweep

    def broker_down(*args, **kwargs):
        raise ConnectionError("connection refused")

    fuel, refugees = earlier_articles
    monkeypatch.setattr(tasks.process_articles, "apply_async", broker_down)
    rule_save(name="Tripoli", context_country="", place=None, user=make_editor())

    assert name_reapply(names=["tripoli"]) == 2

    # The work is not lost with the message: the articles wait, pending, for the sweep.
    waiting = Article.objects.filter(pk__in=[fuel.pk, refugees.pk])
    assert {(a.status, a.last_error) for a in waiting} == {("pending", submit.NOT_QUEUED_NOTE)}
    monkeypatch.undo()
    sent = []
    monkeypatch.setattr(submit, "articles_send", lambda *, article_ids: sent.extend(article_ids))
    monkeypatch.setattr(sweep, "articles_send", lambda *, article_ids: sent.extend(article_ids))
    settings.SWEEP_ASK_TIMEOUT_SECONDS = 0.2
    later = timezone.now() + dt.timedelta(seconds=settings.PROCESSING_STALE_AFTER_SECONDS + 1)
    sweep.articles_requeue_orphaned(now=later)
    assert sorted(sent) == sorted([fuel.pk, refugees.pk])
    service.articles_process(article_ids=sent)
    for earlier in (fuel, refugees):
        assert tripoli_in(earlier) == [("", Mention.Review.REJECTED)]
