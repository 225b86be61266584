"""Celery tasks: thin shells that take an article id and call the services."""
import datetime as dt
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from mapapp import services
from mapapp.models import Article

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(services.TemporaryProcessingError,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
)
def process_article(self, article_id: int) -> dict:
    """Process one article. Temporary errors are retried with backoff; anything else
    is recorded on the article as a permanent failure for an editor to see."""
    try:
        outcome = services.article_process(article_id=article_id)
    except services.TemporaryProcessingError as exc:
        services.article_release(article_id=article_id, error=f"Will retry: {exc}")
        raise
    except SoftTimeLimitExceeded:
        services.article_mark_failed(article_id=article_id, error="Processing took too long.")
        return {"article_id": article_id, "processed": False}
    except Exception as exc:  # noqa: BLE001 - every failure must reach the editor
        logger.exception("Processing article %s failed", article_id)
        services.article_mark_failed(article_id=article_id, error=f"{type(exc).__name__}: {exc}")
        return {"article_id": article_id, "processed": False}
    return {"article_id": article_id, "processed": outcome.processed, "mentions": outcome.mentions}


@shared_task
def requeue_stale_articles() -> int:
    """Queue again the articles that waited or were claimed too long: the broker was
    down when they were saved, or the worker holding them died."""
    cutoff = timezone.now() - dt.timedelta(seconds=settings.PROCESSING_STALE_AFTER_SECONDS)
    stale = Article.objects.filter(
        Q(status=Article.Status.PENDING, status_changed_at__lt=cutoff)
        | Q(status=Article.Status.PENDING, status_changed_at__isnull=True, updated_at__lt=cutoff)
        | Q(status=Article.Status.PROCESSING, processing_started_at__lt=cutoff)
    ).values_list("pk", flat=True)
    count = 0
    for article_id in stale.iterator():
        process_article.delay(article_id)
        count += 1
    if count:
        logger.info("Re-queued %d stale articles", count)
    return count
