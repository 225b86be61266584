"""Celery tasks: thin shells that take an article id and call the services."""
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from mapapp import recovery, services

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
        if self.request.retries >= self.max_retries:
            services.article_mark_failed(
                article_id=article_id, error=f"Gave up after {self.request.retries} retries: {exc}"
            )
            return {"article_id": article_id, "processed": False}
        services.article_release(article_id=article_id, error=f"Will retry: {exc}")
        raise
    except SoftTimeLimitExceeded:
        services.article_mark_failed(article_id=article_id, error="Processing took too long.")
        return {"article_id": article_id, "processed": False}
    except Exception as exc:  # every failure must reach the editor
        logger.exception("Processing article %s failed", article_id)
        services.article_mark_failed(article_id=article_id, error=f"{type(exc).__name__}: {exc}")
        return {"article_id": article_id, "processed": False}
    return {"article_id": article_id, "processed": outcome.processed, "mentions": outcome.mentions}


@shared_task
def requeue_stale_articles() -> dict:
    """Queue again the articles nobody is going to process: saved while the broker was
    down, or held by a worker that died. Runs every SWEEP_INTERVAL_SECONDS (beat)."""
    report = recovery.articles_requeue_orphaned()
    return {"claims_released": report.claims_released, "pending_requeued": report.pending_requeued}
