"""Which articles live workers hold right now, asked over Celery's remote control.

The sweep uses the answer to tell a claim whose worker died (re-queue it at once) from
one a worker is still processing (leave it alone). Importing this module registers the
worker-side command, so config/celery.py imports it in every process. No Django here.
"""
from __future__ import annotations

import logging

from celery import Celery
from celery.worker import state as worker_state
from celery.worker.control import inspect_command

logger = logging.getLogger(__name__)

PROCESS_TASK = "mapapp.tasks.process_articles"
COMMAND = "articles_held"


@inspect_command(name=COMMAND, args=[("queue", str)])
def articles_held(state, queue: str | None = None, **kwargs) -> dict:
    """Worker side: ids of the articles this worker is processing, has prefetched, or
    holds for a retry with a countdown. A worker that does not consume `queue` (another
    deployment or test run on the same broker) says so and holds nothing of ours."""
    consumer = getattr(state.consumer, "task_consumer", None)
    consumed = {q.name for q in getattr(consumer, "queues", None) or []}
    if queue and queue not in consumed:
        return {"consumes": False, "held": []}
    requests = [
        *state.tset(worker_state.active_requests),
        *state.tset(worker_state.reserved_requests),
        *_scheduled_requests(state),
    ]
    held = set()
    for request in requests:
        if request.name == PROCESS_TASK and request.args:
            held.update(int(pk) for pk in request.args[0])
    return {"consumes": True, "held": sorted(held)}


def _scheduled_requests(state) -> list:
    timer = getattr(state.consumer, "timer", None)
    waiting = list(getattr(getattr(timer, "schedule", None), "queue", []) or [])
    found = []
    for entry in waiting:
        args = getattr(getattr(entry, "entry", None), "args", None) or ()
        if args and hasattr(args[0], "name") and hasattr(args[0], "args"):
            found.append(args[0])
    return found


def articles_held_by_live_workers(app: Celery, *, timeout: float = 1.0) -> set[int] | None:
    """Client side: the union of what every answering worker of our queue holds, or
    None when none answered (the broker cannot broadcast, or no worker is up): then
    nobody can be said to hold nothing, and the caller must fall back on age alone."""
    queue = app.conf.task_default_queue
    try:
        replies = app.control.broadcast(
            COMMAND, arguments={"queue": queue}, reply=True, timeout=timeout
        )
    except Exception:  # an unreachable broker means "unknown", not an error
        logger.warning("Could not ask the workers what they hold", exc_info=True)
        return None
    answers = [
        answer for reply in replies or [] for answer in reply.values()
        if isinstance(answer, dict) and answer.get("consumes")
    ]
    if not answers:
        return None
    return {int(article_id) for answer in answers for article_id in answer.get("held", [])}
