import pytest
from django.db import IntegrityError

from mapapp import queueing
from mapapp.models import Article, content_hash


def queued(callbacks) -> list:
    """The on-commit callbacks that hand an article to the worker."""
    return [c for c in callbacks if getattr(c, "func", None) is queueing.article_enqueue]


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
def test_saving_new_text_queues_processing_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        article = Article.objects.create(title="One", body="Shelling in Idlib.")
    assert article.status == Article.Status.PENDING
    assert len(queued(callbacks)) == 1


@pytest.mark.django_db
def test_editing_only_the_title_does_not_queue_processing(django_capture_on_commit_callbacks):
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        article.title = "Better title"
        article.save()
    assert queued(callbacks) == []
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE


@pytest.mark.django_db
def test_changing_the_text_marks_the_article_pending_again(django_capture_on_commit_callbacks):
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        article.body = "Shelling in Hama."
        article.save()
    assert len(queued(callbacks)) == 1
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING
