import pytest
from django.db import IntegrityError, connection, transaction

from mapapp import queueing
from mapapp.models import Article, content_hash


def queued() -> list[int]:
    """The ids of the articles this (test's) transaction will hand to the workers when
    it commits, once per time they were queued."""
    return [pk for _, callback, _ in connection.run_on_commit
            if isinstance(callback, queueing.EnqueueBatch) for pk in callback.article_ids]


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
def test_saving_new_text_queues_processing_after_commit():
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    assert article.status == Article.Status.PENDING
    assert queued() == [article.pk]


@pytest.mark.django_db
def test_editing_only_the_title_does_not_queue_processing():
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    article.title = "Better title"
    article.save()
    assert queued() == [article.pk]  # queued once, when it was created
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE


@pytest.mark.django_db
def test_changing_the_text_marks_the_article_pending_again():
    article = Article.objects.create(title="One", body="Shelling in Idlib.")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    article.body = "Shelling in Hama."
    article.save()
    assert queued() == [article.pk, article.pk]
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING


@pytest.mark.django_db
def test_articles_saved_in_one_transaction_are_queued_as_one_batch():
    first = Article.objects.create(title="One", body="Shelling in Idlib.")
    second = Article.objects.create(title="Two", body="Shelling in Hama.")
    batches = [c for _, c, _ in connection.run_on_commit if isinstance(c, queueing.EnqueueBatch)]
    assert [b.article_ids for b in batches] == [[first.pk, second.pk]]


@pytest.mark.django_db
def test_a_rolled_back_save_is_not_queued_and_later_saves_still_are():
    with pytest.raises(RuntimeError), transaction.atomic():
        # The batch is started inside this savepoint, so it is dropped with it.
        Article.objects.create(title="Gone", body="Shelling in Homs.")
        raise RuntimeError("the import of this file failed")
    later = Article.objects.create(title="Later", body="Shelling in Hama.")
    assert queued() == [later.pk]


@pytest.mark.django_db
def test_a_new_draft_leaves_the_map_revision_alone_and_anything_visible_moves_it():
    from mapapp.revision import revision_current

    before = revision_current()
    draft = Article.objects.create(title="Draft", body="Shelling in Idlib.")
    assert revision_current() == before  # an import must not hold the revision row
    Article.objects.create(title="Out", body="Shelling in Hama.", publication=Article.Publication.PUBLISHED)
    after_published = revision_current()
    assert after_published != before
    draft.title = "Draft, retitled"
    draft.save()
    assert revision_current() != after_published
