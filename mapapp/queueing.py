"""Hand articles to the background worker once the saving transaction commits, and ask
the broker how much work is waiting."""
from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)

# Shown in the admin beside "pending" when the broker refused the article.
NOT_QUEUED_NOTE = "Not queued yet: the task queue was unreachable. It is queued again automatically."


class EnqueueBatch:
    """The articles one transaction saved, queued together once it commits: a bulk
    import of a hundred articles becomes a few tasks of PROCESSING_BATCH_SIZE, not a
    hundred (see services.articles_process for why that matters)."""

    def __init__(self, article_ids: list[int]) -> None:
        self.article_ids = article_ids

    def __call__(self) -> None:
        articles_enqueue(article_ids=self.article_ids)


def article_enqueue_on_commit(*, article_id: int) -> None:
    """Queue processing after commit. If the broker is unreachable the article stays
    pending (with a note saying so) and the periodic sweep queues it later: saving
    never fails because of the broker."""
    articles_enqueue_on_commit(article_ids=[article_id])


def articles_enqueue_on_commit(*, article_ids: list[int]) -> None:
    """`article_enqueue_on_commit` for several articles: one batch per transaction."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        articles_enqueue(article_ids=article_ids)
        return
    # Join the batch this transaction already holds. Django drops a callback with the
    # savepoint it was registered in, so a batch found here is one that will still be
    # sent; articles saved after that savepoint rolled back start a new one.
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, EnqueueBatch):
            callback.article_ids.extend(article_ids)
            return
    transaction.on_commit(EnqueueBatch(list(article_ids)))


def article_enqueue(*, article_id: int) -> bool:
    """Send one article to the worker now. False (and a note on the article) when the
    broker could not take it."""
    return articles_enqueue(article_ids=[article_id]) == 1


def articles_enqueue(*, article_ids: list[int]) -> int:
    """Send articles to the workers now, PROCESSING_BATCH_SIZE to a task. How many the
    broker took; those it refused get a note and wait for the sweep."""
    from mapapp.tasks import process_articles

    size = max(1, settings.PROCESSING_BATCH_SIZE)
    queued = 0
    for start in range(0, len(article_ids), size):
        chunk = list(dict.fromkeys(article_ids[start : start + size]))
        try:
            process_articles.apply_async(
                (chunk,),
                retry=True,
                retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5},
            )
        except Exception:  # any broker failure leaves the articles for the sweep
            logger.warning("Could not queue articles %s; the sweep will retry", chunk, exc_info=True)
            _note_not_queued(chunk)
            continue
        queued += len(chunk)
    return queued


def queue_depth() -> int | None:
    """Messages waiting in the processing queue (not those a worker already took), or
    None when the broker cannot be asked."""
    from celery import current_app
    from kombu.exceptions import ChannelError

    queue = current_app.conf.task_default_queue
    try:
        with current_app.connection_for_read() as connection:
            connection.ensure_connection(max_retries=1)
            channel = connection.default_channel
            try:
                return int(channel.queue_declare(queue=queue, passive=True).message_count)
            except ChannelError as exc:
                # Redis keeps no key for an empty queue, and an AMQP queue nobody
                # declared holds nothing either: both answer "not found".
                if getattr(exc, "code", None) == 404 or "NOT_FOUND" in str(exc):
                    return 0
                raise
    except Exception:  # "unknown" is an answer the sweep handles
        logger.info("Could not read the depth of queue %r", queue, exc_info=True)
        return None


def _note_not_queued(article_ids: list[int]) -> None:
    from mapapp.models import Article

    try:
        Article.objects.filter(pk__in=article_ids, status=Article.Status.PENDING).update(
            last_error=NOT_QUEUED_NOTE
        )
    except Exception:  # the note is a courtesy; the sweep does not need it
        logger.warning("Could not note that articles %s are not queued", article_ids, exc_info=True)
