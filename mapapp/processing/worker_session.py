"""How a worker process starts: gazetteer and date reader warmed up front, database
sessions tuned for the worker only (never the web's).

The gazetteer is loaded in the main worker process before the pool forks, so the first
article does not pay for it (about 1.5 s; a missing index is built, which could
otherwise exceed the first task's time limit) and the children share its memory. One
sample passage is dated there too: dateparser's own set-up and the compiling of our
date patterns (about 150 ms) are then paid once, not by the first articles.

On PostgreSQL a worker commits with `synchronous_commit = off`: it no longer waits for
the disk on each of its several commits per article (on this project's reference machine,
under a profiler, a one-sentence article went from 60 ms to 14 ms). It is safe here because everything a
worker writes is re-derived from the article text: if the server crashed and lost its
last half second of commits, those articles would read "pending" or "processing" again
and the sweep (sweep.py) would queue them again. Editors' saves, made by the
web process, keep full durability. WORKER_SYNCHRONOUS_COMMIT=true turns this off.

Connections are reused from task to task (CELERY_DB_REUSE_MAX in settings), each task
first dropping a connection that is too old or broken, as Django does per request."""
import datetime as dt
import logging

from celery.signals import task_prerun, worker_init
from django.db import close_old_connections
from django.db.backends.signals import connection_created

logger = logging.getLogger(__name__)


def _relax_commits(sender, connection, **kwargs) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
        logger.debug("Worker database session: synchronous_commit off")


@worker_init.connect(weak=False)
def worker_started(**kwargs) -> None:
    from django.conf import settings

    from mapapp.dating import date_passages
    from mapapp.geoparsing import get_geoparser

    get_geoparser()
    sample = "Shelling resumed on Monday, 10 days after talks in Geneva on 3 March 2016 failed."
    date_passages(sample, [(0, len(sample))], dt.date(2016, 3, 20))
    logger.info("Gazetteer loaded, date reader warmed up")
    if not settings.WORKER_SYNCHRONOUS_COMMIT:
        # Connected before the pool forks, so every child process inherits it.
        connection_created.connect(_relax_commits, weak=False, dispatch_uid="worker-commits")


@task_prerun.connect(weak=False)
def task_starting(task=None, **kwargs) -> None:
    # Celery keeps connections across tasks (CELERY_DB_REUSE_MAX); like a web request,
    # each task starts by dropping one that is too old or broken (a restarted server).
    # A task run eagerly shares its caller's connection, maybe mid-transaction: leave it.
    if task is not None and not getattr(task.request, "is_eager", False):
        close_old_connections()
