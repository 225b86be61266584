"""Hand articles to the background worker once the saving transaction commits, and ask
the broker how much work is waiting."""
from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)

# Shown in the admin beside "pending" when the broker refused the article.
NOT_QUEUED_NOTE = "Not queued yet: the task queue was unreachable. It is queued again automatically."


def article_enqueue_on_commit(*, article_id: int) -> None:
    """Queue processing after commit. If the broker is unreachable the article stays
    pending (with a note saying so) and the periodic sweep queues it later: saving
    never fails because of the broker."""
    transaction.on_commit(partial(article_enqueue, article_id=article_id))


def article_enqueue(*, article_id: int) -> bool:
    """Send one article to the worker now. False (and a note on the article) when the
    broker could not take it."""
    from mapapp.tasks import process_article

    try:
        process_article.apply_async(
            (article_id,),
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5},
        )
    except Exception:  # any broker failure leaves the article for the sweep
        logger.warning("Could not queue article %s; the sweep will retry", article_id, exc_info=True)
        _note_not_queued(article_id)
        return False
    return True


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


def _note_not_queued(article_id: int) -> None:
    from mapapp.models import Article

    try:
        Article.objects.filter(pk=article_id, status=Article.Status.PENDING).update(
            last_error=NOT_QUEUED_NOTE
        )
    except Exception:  # the note is a courtesy; the sweep does not need it
        logger.warning("Could not note that article %s is not queued", article_id, exc_info=True)
