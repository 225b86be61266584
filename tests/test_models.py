import datetime as dt

import pytest
from django.db import IntegrityError

from mapapp.models import Article, content_hash
from tests.test_submit import submitted


def test_the_content_hash_ignores_case_and_spacing():
    assert content_hash("Shelling in  Idlib.\n") == content_hash("shelling in idlib.")
    assert content_hash("Shelling in Idlib.") != content_hash("Shelling in Hama.")


@pytest.mark.django_db
def test_the_same_text_is_not_stored_twice():
    Article.objects.create(title="One", body="Shelling in Idlib.")
    with pytest.raises(IntegrityError):
        Article.objects.create(title="Two", body="shelling in  IDLIB.")


@pytest.mark.django_db
def test_empty_articles_may_repeat_and_blank_urls_do_not_clash():
    Article.objects.create(title="One", body="", url="")
    Article.objects.create(title="Two", body="", url="")
    assert Article.objects.filter(url__isnull=True).count() == 2


@pytest.mark.django_db
def test_changing_the_text_or_the_date_marks_the_article_pending_again_and_queues_nothing():
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    assert article.status == Article.Status.PENDING
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    assert not article.processing_inputs_changed()
    article.body = "Shelling in Hama."
    assert article.processing_inputs_changed()
    article.save()
    assert not article.processing_inputs_changed()
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    article.published_at = dt.datetime(2016, 3, 1, tzinfo=dt.UTC)
    article.save()
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING
    # Only the processing service queues (tests/test_submit.py); a plain save waits for the sweep.
    assert submitted() == []


@pytest.mark.django_db
def test_editing_only_the_title_leaves_the_status_alone():
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    article.title = "Better title"
    article.body = "Shelling in  IDLIB."  # the same text, however spaced or cased
    assert not article.processing_inputs_changed()
    article.save()
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE


@pytest.mark.django_db
def test_a_new_draft_leaves_the_map_revision_alone_and_anything_visible_moves_it():
    from mapapp.processing.revision import revision_current

    before = revision_current()
    draft = Article.objects.create(title="Draft", body="Shelling in Idlib.")
    assert revision_current() == before  # an import must not hold the revision row
    Article.objects.create(title="Out", body="Shelling in Hama.", publication=Article.Publication.PUBLISHED)
    after_published = revision_current()
    assert after_published != before
    draft.title = "Draft, retitled"
    draft.save()
    assert revision_current() != after_published
