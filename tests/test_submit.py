"""Starting processing (mapapp/processing/submit.py): what is queued, when, and in how
many tasks."""
import datetime as dt
import io
import os
import subprocess
import sys

import pytest
from celery import current_app
from django.db import connection, transaction
from django.utils import timezone

from mapapp import tasks
from mapapp.models import Article
from mapapp.processing import submit, sweep
from tests.conftest import REPO

pytestmark = pytest.mark.django_db


def submitted() -> list[int]:
    """The ids of the articles this (test's) transaction will hand to the workers when
    it commits, once per time they were submitted."""
    return [pk for _, callback, _ in connection.run_on_commit
            if isinstance(callback, submit.SubmitBatch) for pk in callback.article_ids]


def batches() -> list[list[int]]:
    return [c.article_ids for _, c, _ in connection.run_on_commit if isinstance(c, submit.SubmitBatch)]


@pytest.fixture
def sent(monkeypatch) -> list[list[int]]:
    """The batches handed to the broker, instead of sending them."""
    batches_sent = []
    monkeypatch.setattr(tasks.process_articles, "apply_async",
                        lambda args, kwargs=None, **options: batches_sent.append(args[0]))
    return batches_sent


def test_saving_new_text_queues_processing_after_commit():
    article = Article(title="One", body="Shelling in Idlib.")
    assert submit.article_save(article=article) is True
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING
    assert submitted() == [article.pk]


def test_editing_only_the_title_does_not_queue_processing():
    article = Article(title="One", body="Shelling in Idlib.")
    submit.article_save(article=article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    article.title = "Better title"
    assert submit.article_save(article=article) is False
    assert submitted() == [article.pk]  # queued once, when it was created
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE


def test_changing_the_text_queues_the_article_again():
    article = Article(title="One", body="Shelling in Idlib.")
    submit.article_save(article=article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    article = Article.objects.get(pk=article.pk)
    article.body = "Shelling in Hama."
    assert submit.article_save(article=article) is True
    assert submitted() == [article.pk, article.pk]
    assert Article.objects.get(pk=article.pk).status == Article.Status.PENDING


def test_articles_saved_in_one_transaction_are_queued_as_one_batch():
    first, second = Article(title="One", body="Shelling in Idlib."), Article(title="Two", body="Shelling in Hama.")
    submit.article_save(article=first)
    submit.article_save(article=second)
    submit.articles_submit(article_ids=[first.pk])  # a re-process in the same transaction joins it too
    assert batches() == [[first.pk, second.pk, first.pk]]


def test_a_rolled_back_save_is_not_queued_and_later_saves_still_are():
    with pytest.raises(RuntimeError), transaction.atomic():
        # The batch is started inside this savepoint, so it is dropped with it.
        submit.article_save(article=Article(title="Gone", body="Shelling in Homs."))
        raise RuntimeError("the import of this file failed")
    later = Article(title="Later", body="Shelling in Hama.")
    submit.article_save(article=later)
    assert submitted() == [later.pk]


def test_the_batch_goes_to_the_workers_when_the_transaction_commits(
    sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, second = Article(title="One", body="Shelling in Idlib."), Article(title="Two", body="Shelling in Hama.")
        submit.article_save(article=first)
        submit.article_save(article=second)
        assert sent == []
    assert sent == [[first.pk, second.pk]]


def test_articles_go_to_the_workers_in_batches_of_the_configured_size(sent, settings):
    settings.PROCESSING_BATCH_SIZE = 2
    assert submit.articles_send(article_ids=[5, 6, 7, 8, 9]) == 5
    assert sent == [[5, 6], [7, 8], [9]]


def test_the_task_is_sent_by_name_and_runs_inline_when_celery_is_eager():
    article = Article(title="Report", body="Shelling hit Aleppo and Homs.")
    article.save()
    current_app.conf.task_always_eager = True
    try:
        assert submit.articles_send(article_ids=[article.pk]) == 1
    finally:
        current_app.conf.task_always_eager = False
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert set(article.mentions.values_list("surface", flat=True)) >= {"Aleppo", "Homs"}


def test_an_article_the_broker_refuses_waits_pending_with_a_note(monkeypatch):
    article = Article(title="Report", body="Shelling hit Aleppo.")
    article.save()

    def broker_down(*args, **kwargs):
        raise ConnectionError("connection refused")

    monkeypatch.setattr(tasks.process_articles, "apply_async", broker_down)
    assert submit.articles_send(article_ids=[article.pk]) == 0
    article.refresh_from_db()
    assert (article.status, article.last_error) == (Article.Status.PENDING, submit.NOT_QUEUED_NOTE)


def test_an_article_saved_without_the_service_is_queued_by_the_sweep(sent, settings):
    settings.SWEEP_ASK_TIMEOUT_SECONDS = 0.2
    article = Article.objects.create(title="Raw", body="Shelling hit Aleppo.")  # no article_save
    assert submitted() == []
    later = timezone.now() + dt.timedelta(seconds=settings.PROCESSING_STALE_AFTER_SECONDS + 1)
    report = sweep.articles_requeue_orphaned(now=later)
    assert report.pending_requeued == 1
    assert sent == [[article.pk]]


def test_the_demo_articles_are_queued_as_they_are_loaded():
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    demo = set(Article.objects.values_list("pk", flat=True))
    assert demo and sorted(submitted()) == sorted(demo)


def test_every_django_process_knows_the_tasks_it_sends_by_name():
    # Not only workers: the web process must find the registered task, or sending by
    # name would bypass task_always_eager (and the task's own options).
    code = ("import django; django.setup(); from celery import current_app; "
            f"print({submit.PROCESS_TASK!r} in current_app.tasks)")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    answer = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=60, check=True)
    assert answer.stdout.strip().splitlines()[-1] == "True", answer.stderr[-2000:]


@pytest.mark.django_db(transaction=True)
def test_an_import_sends_its_articles_one_batch_a_chunk_as_each_chunk_commits(monkeypatch, sent):
    from mapapp.importing import service as importing
    from mapapp.importing.records import RawRecord

    monkeypatch.setattr(importing, "CHUNK", 2)
    records = [RawRecord(f"line {n}", {"title": f"Report {n}", "body": f"Shelling in Homs, report {n}."})
               for n in range(1, 4)]
    summary = importing.articles_import(records)
    assert summary.imported == 3
    assert sent == [summary.article_ids[:2], summary.article_ids[2:]]
