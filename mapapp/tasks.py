"""Celery tasks: thin shells that take article ids and call mapapp.processing.

Celery finds them here (autodiscovery of `<app>.tasks`) under the names
"mapapp.tasks.*", which the beat schedule and processing.submit send them by."""
import logging

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from mapapp.processing import service, submit, sweep
from mapapp.processing.service import Outcome

logger = logging.getLogger(__name__)

MAX_RETRIES = 6


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
)
def process_articles(self, article_ids: list[int]) -> dict:
    """Process a batch of articles (one, when an editor saves one). Failures stay with
    their article: a permanent error is recorded on it for an editor to see, a
    temporary one (an online geocoder timing out) is retried with backoff for that
    article alone."""
    ids = [int(pk) for pk in article_ids]
    outcomes = service.articles_process(article_ids=ids)
    processed = [o.article_id for o in outcomes if o.processed]
    for outcome in outcomes:
        if outcome.outcome is Outcome.DEFERRED:
            submit.articles_send(article_ids=[outcome.article_id])
    retry = [o for o in outcomes if o.outcome is Outcome.RETRY]
    if retry:
        _retry_later(self, retry)
    return {"article_ids": ids, "processed": processed, "mentions": sum(o.mentions for o in outcomes)}


def _retry_later(task, outcomes: list[service.ProcessingOutcome]) -> None:
    """Queue the temporarily failed articles again with exponential backoff, or record
    them as failed once the retries are spent."""
    if task.request.retries >= task.max_retries:
        for outcome in outcomes:
            service.article_mark_failed(
                article_id=outcome.article_id,
                error=f"Gave up after {task.request.retries} retries: {outcome.error}",
            )
        return
    countdown = get_exponential_backoff_interval(
        factor=5, retries=task.request.retries, maximum=600, full_jitter=True
    )
    raise task.retry(args=([o.article_id for o in outcomes],), countdown=countdown)


@shared_task
def requeue_stale_articles() -> dict:
    """Queue again the articles nobody is going to process: saved while the broker was
    down, or held by a worker that died. Runs every SWEEP_INTERVAL_SECONDS (beat)."""
    report = sweep.articles_requeue_orphaned()
    return {"claims_released": report.claims_released, "pending_requeued": report.pending_requeued}


# An import reads and saves a whole file: far longer than processing a batch may take.
IMPORT_SOFT_TIME_LIMIT = 3600


@shared_task(acks_late=True, reject_on_worker_lost=True,
             soft_time_limit=IMPORT_SOFT_TIME_LIMIT, time_limit=IMPORT_SOFT_TIME_LIMIT + 60)
def run_import_job(job_id: int) -> dict:
    """Run an editor's import in the background (mapapp/importing/jobs.py); re-delivered
    after a lost worker, it resumes where the last committed chunk ended."""
    from mapapp.importing.jobs import import_job_run

    job = import_job_run(job_id=int(job_id))
    return {"job_id": job_id, "status": job.status if job else None}
