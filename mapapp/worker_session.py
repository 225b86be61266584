"""Database session settings for worker processes only (never the web's).

On PostgreSQL a worker commits with `synchronous_commit = off`: it no longer waits for
the disk on each of its several commits per article, which on this project's reference
machine cut a short article from 60 ms to 14 ms. It is safe here because everything a
worker writes is re-derived from the article text: if the server crashed and lost its
last half second of commits, those articles would read "pending" or "processing" again
and the sweep (mapapp/recovery.py) would queue them again. Editors' saves, made by the
web process, keep full durability. WORKER_SYNCHRONOUS_COMMIT=true turns this off."""
from celery.signals import worker_init
from django.db.backends.signals import connection_created


def _relax_commits(sender, connection, **kwargs) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")


@worker_init.connect(weak=False)
def worker_started(**kwargs) -> None:
    from django.conf import settings

    if not settings.WORKER_SYNCHRONOUS_COMMIT:
        # Connected before the pool forks, so every child process inherits it.
        connection_created.connect(_relax_commits, weak=False, dispatch_uid="worker-commits")
