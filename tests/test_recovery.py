"""Retries, permanent failures and the sweep's fallback, in this process (the real-worker
versions are in test_fault_tolerance.py)."""
import datetime as dt

import pytest
from django.utils import timezone

from mapapp import tasks
from mapapp.models import Article
from mapapp.processing import service, sweep

pytestmark = pytest.mark.django_db


def test_a_temporary_error_is_retried_and_the_article_then_processed(monkeypatch):
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo.")
    real = service.findings_from_text
    calls = []

    def geocoder_times_out_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise service.TemporaryProcessingError("geocoder timed out")
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "findings_from_text", geocoder_times_out_once)
    tasks.process_articles.apply(args=([article.pk],))
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.attempts == 2
    assert article.last_error == ""


def test_a_temporary_error_that_never_clears_ends_as_a_recorded_failure(monkeypatch):
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo.")

    def geocoder_down(*args, **kwargs):
        raise service.TemporaryProcessingError("geocoder unreachable")

    monkeypatch.setattr(service, "findings_from_text", geocoder_down)
    tasks.process_articles.apply(args=([article.pk],))
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.last_error == "Gave up after 6 retries: geocoder unreachable"
    assert article.attempts == 7


def test_a_finished_claim_cannot_be_released_as_orphaned():
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo.")
    claimed_at = timezone.now()
    assert service.article_claim(article_id=article.pk, now=claimed_at)
    other_claim = claimed_at - dt.timedelta(seconds=1)
    assert not service.article_release_orphaned(article_id=article.pk, claimed_at=other_claim, note="x")
    assert service.article_release_orphaned(article_id=article.pk, claimed_at=claimed_at, note="gone")
    article.refresh_from_db()
    assert (article.status, article.last_error) == (Article.Status.PENDING, "gone")


def test_a_slow_holder_that_lost_its_claim_does_not_write(monkeypatch):
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo.")
    real = service.findings_from_text

    def sweep_strikes_meanwhile(*args, **kwargs):
        # While this worker reads the text, the sweep decides it is dead and hands the
        # article to another worker, which claims it.
        claimed_at = Article.objects.get(pk=article.pk).processing_started_at
        service.article_release_orphaned(article_id=article.pk, claimed_at=claimed_at, note="")
        service.article_claim(article_id=article.pk)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "findings_from_text", sweep_strikes_meanwhile)
    outcome = service.article_process(article_id=article.pk)
    assert outcome.outcome is service.Outcome.CLAIM_LOST
    article.refresh_from_db()
    assert article.status == Article.Status.PROCESSING
    assert article.mentions.count() == 0


def test_without_workers_to_ask_the_sweep_waits_for_the_stale_timeout(settings):
    settings.SWEEP_ASK_TIMEOUT_SECONDS = 0.2
    recent, old = (Article.objects.create(title=t, body=f"Shelling hit {t}.") for t in ("Homs", "Hama"))
    now = timezone.now()
    service.article_claim(article_id=recent.pk, now=now - dt.timedelta(seconds=60))
    service.article_claim(article_id=old.pk, now=now - dt.timedelta(hours=2))
    report = sweep.articles_requeue_orphaned(now=now)
    assert report.workers_answered is False
    assert report.claims_released == 1
    recent.refresh_from_db()
    old.refresh_from_db()
    assert recent.status == Article.Status.PROCESSING
    assert old.status == Article.Status.PENDING
    assert old.last_error == sweep.ORPHANED_CLAIM_NOTE


def test_a_temporary_error_is_retried_for_that_article_alone(monkeypatch):
    steady, flaky = (Article.objects.create(title=t, body=f"Shelling hit {t}.") for t in ("Homs", "Hama"))
    real = service.findings_from_text
    calls = []

    def hama_times_out_once(text, **kwargs):
        if "Hama" in text:
            calls.append(1)
            if len(calls) == 1:
                raise service.TemporaryProcessingError("geocoder timed out")
        return real(text, **kwargs)

    monkeypatch.setattr(service, "findings_from_text", hama_times_out_once)
    tasks.process_articles.apply(args=([steady.pk, flaky.pk],))
    steady.refresh_from_db()
    flaky.refresh_from_db()
    assert (steady.status, steady.attempts) == (Article.Status.DONE, 1)
    assert (flaky.status, flaky.attempts, flaky.last_error) == (Article.Status.DONE, 2, "")
