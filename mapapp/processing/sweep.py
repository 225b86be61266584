"""The sweep: find articles nobody is going to process and queue them again.

An article can be orphaned two ways. Pending with no message anywhere: the broker was
down when it was saved, or lost its messages, or a worker died holding it prefetched.
Processing with a dead claim: the worker holding it was killed. The sweep asks the
broker how much is queued and the live workers what they hold (liveness.py), so
it re-queues such articles within one sweep instead of waiting out a long timeout, and
falls back on age alone when nobody can be asked. A wrong guess costs work, never
correctness: processing writes only under the claim it took (see service.articles_process).

It is also how an article saved without the processing service (a raw ORM write) gets
queued: the model marks it pending, and the sweep finds it pending with no message.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from celery import current_app
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from mapapp.models import Article
from mapapp.processing import service
from mapapp.processing.liveness import articles_held_by_live_workers
from mapapp.processing.submit import articles_send, queue_depth

logger = logging.getLogger(__name__)

# One sweep re-queues at most this many articles; the next sweep takes the rest.
SWEEP_BATCH = 5000
ORPHANED_CLAIM_NOTE = "The worker processing this article stopped; it was queued again."


@dataclass(frozen=True)
class SweepReport:
    claims_released: int
    pending_requeued: int
    workers_answered: bool
    queue_depth: int | None


def articles_requeue_orphaned(*, now: dt.datetime | None = None) -> SweepReport:
    """Queue again every article that is pending or claimed longer than the grace
    period and that no live worker holds. Idempotent: queueing an article twice makes
    the second task a no-op, because only one can claim it."""
    now = now or timezone.now()
    grace_cutoff = now - dt.timedelta(seconds=settings.SWEEP_GRACE_SECONDS)
    stale_cutoff = now - dt.timedelta(seconds=settings.PROCESSING_STALE_AFTER_SECONDS)

    claims = list(
        Article.objects.filter(status=Article.Status.PROCESSING, processing_started_at__lt=grace_cutoff)
        .order_by("processing_started_at")
        .values_list("pk", "processing_started_at")[:SWEEP_BATCH]
    )
    waiting = Article.objects.filter(status=Article.Status.PENDING).filter(
        Q(status_changed_at__lt=grace_cutoff)
        | Q(status_changed_at__isnull=True, updated_at__lt=grace_cutoff)
    )
    depth = queue_depth() if waiting.exists() else None
    # Asking the workers costs a broadcast round trip; do it only when it can help.
    must_ask = bool(claims) or depth == 0
    held = articles_held_by_live_workers(current_app, timeout=settings.SWEEP_ASK_TIMEOUT_SECONDS) \
        if must_ask else None

    released = []
    for article_id, claimed_at in claims:
        orphaned = article_id not in held if held is not None else claimed_at < stale_cutoff
        if orphaned and service.article_release_orphaned(
            article_id=article_id, claimed_at=claimed_at, note=ORPHANED_CLAIM_NOTE
        ):
            released.append(article_id)

    if depth == 0 and held is not None:
        # Nothing queued and nothing held: every waiting article lost its message.
        lost = waiting.exclude(pk__in=held)
    else:
        lost = waiting.filter(
            Q(status_changed_at__lt=stale_cutoff)
            | Q(status_changed_at__isnull=True, updated_at__lt=stale_cutoff)
        )
    lost_ids = list(lost.order_by("pk").values_list("pk", flat=True)[:SWEEP_BATCH])
    # Restart their clock so the next sweep does not queue them yet again.
    Article.objects.filter(pk__in=lost_ids, status=Article.Status.PENDING).update(
        status_changed_at=now
    )

    articles_send(article_ids=[*released, *lost_ids])
    report = SweepReport(len(released), len(lost_ids), held is not None, depth)
    if released or lost_ids:
        logger.info("Sweep: %s", report)
    return report
