"""Starting processing: save an article and hand it to the workers once the saving
transaction commits, send articles now, and ask the broker how much work is waiting.

Every product path that saves article text (the admin, the importer, `load_demo`) calls
`article_save`, and the re-process actions call `articles_submit`: processing starts by
this explicit call, never as a side effect of a save. An article saved some other way
(a raw ORM write, a shell) is marked pending by the model and simply waits for the
periodic sweep (sweep.py) to queue it.

Tasks are sent by name, so this module does not import mapapp.tasks (which imports it)."""
from __future__ import annotations

import logging

from celery import current_app
from django.conf import settings
from django.db import transaction
from kombu.exceptions import ChannelError

from mapapp.models import Article
from mapapp.processing.liveness import PROCESS_TASK

logger = logging.getLogger(__name__)

# Shown in the admin beside "pending" when the broker refused the article.
NOT_QUEUED_NOTE = "Not queued yet: the task queue was unreachable. It is queued again automatically."


def article_save(*, article: Article) -> bool:
    """Save `article`. When its text or publication date changed (or it is new) the
    model marks it pending, and it is submitted for processing once the current
    transaction commits. Whether it was submitted."""
    changed = article.processing_inputs_changed()
    article.save()
    if changed:
        articles_submit(article_ids=[article.pk])
    return changed


class SubmitBatch:
    """The articles one transaction submitted, sent together once it commits: a bulk
    import of a hundred articles becomes a few tasks of PROCESSING_BATCH_SIZE, not a
    hundred (see service.articles_process for why that matters)."""

    def __init__(self, article_ids: list[int]) -> None:
        self.article_ids = article_ids

    def __call__(self) -> None:
        articles_send(article_ids=self.article_ids)


def articles_submit(*, article_ids: list[int]) -> None:
    """Queue the articles for processing once the current transaction commits (at once
    outside a transaction), one batch per transaction; a rolled-back transaction queues
    nothing. If the broker is unreachable the articles stay pending (with a note saying
    so) and the periodic sweep queues them later: saving never fails because of the
    broker."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        articles_send(article_ids=article_ids)
        return
    # Join the batch this transaction already holds. Django drops a callback with the
    # savepoint it was registered in, so a batch found here is one that will still be
    # sent; articles submitted after that savepoint rolled back start a new one.
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, SubmitBatch):
            callback.article_ids.extend(article_ids)
            return
    transaction.on_commit(SubmitBatch(list(article_ids)))


def articles_send(*, article_ids: list[int]) -> int:
    """Send articles to the workers now, PROCESSING_BATCH_SIZE to a task. How many the
    broker took; those it refused get a note and wait for the sweep."""
    size = max(1, settings.PROCESSING_BATCH_SIZE)
    queued = 0
    for start in range(0, len(article_ids), size):
        chunk = list(dict.fromkeys(article_ids[start : start + size]))
        try:
            # By name: a registered task's signature is the task itself (so
            # task_always_eager runs it inline); mapapp.tasks need not be imported here.
            current_app.signature(PROCESS_TASK, args=(chunk,)).apply_async(
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
    try:
        Article.objects.filter(pk__in=article_ids, status=Article.Status.PENDING).update(
            last_error=NOT_QUEUED_NOTE
        )
    except Exception:  # the note is a courtesy; the sweep does not need it
        logger.warning("Could not note that articles %s are not queued", article_ids, exc_info=True)
