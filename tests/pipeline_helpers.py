"""Real processes for the pipeline tests: Celery workers that can be SIGKILLed as a
whole, a private redis-server that can be stopped, pointing this test process at
another broker, and batches of distinct news-like articles from the demo texts."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from celery import current_app
from django.db import transaction

from mapapp.models import Article
from mapapp.processing.submit import article_save
from tests.conftest import REPO, database_url_for_workers

DEMO = REPO / "mapapp" / "demo" / "articles.json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unique_queue() -> str:
    """A queue name no other test run uses, so runs sharing a broker never steal tasks."""
    return f"conflictmap-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class Worker:
    """A `celery worker` (optionally with the beat sweep) in its own process group, so
    that kill() takes down the main process and its pool children at once, as a crash
    of the machine would."""

    def __init__(self, log_path: Path, *, env: dict | None = None, beat: bool = False,
                 concurrency: int = 1) -> None:
        self.log_path = log_path
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url_for_workers(),
            **(env or {}),
        }
        self.args = [
            sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel", "INFO",
            "--concurrency", str(concurrency), "--without-gossip", "--without-mingle",
            "--without-heartbeat", "--hostname", f"w{uuid.uuid4().hex[:6]}@%h",
        ]
        if beat:
            self.args += ["--beat", "--schedule", str(log_path.with_suffix(".beat"))]
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> Worker:
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.args, cwd=REPO, env=self.env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.log_path.open("rb") as handle:
                handle.seek(offset)
                if b" ready." in handle.read():
                    return self
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        raise RuntimeError(f"worker not ready:\n{self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole worker: main process, pool children and beat."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


class RedisServer:
    """A private redis-server on its own loopback port, without persistence: stopping
    it loses every queued message, the worst case for the pipeline."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.port = port or free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=(self.workdir / "redis.log").open("ab"), stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@contextmanager
def client_broker(url: str, queue: str):
    """Point this test process's Celery client at another broker and queue, as the
    settings would for that URL (no filesystem transport class, a visibility timeout)."""
    app = current_app._get_current_object()
    keys = ("broker_url", "broker_transport", "task_default_queue", "broker_transport_options")
    saved = {key: app.conf[key] for key in keys}
    app.conf.update(broker_url=url, broker_transport=None, task_default_queue=queue,
                    broker_transport_options={"visibility_timeout": 3600})
    _forget_connections(app)
    try:
        yield
    finally:
        app.conf.update(saved)
        _forget_connections(app)


def _forget_connections(app) -> None:
    from kombu import pools

    # Producers live in kombu's process-wide pools, keyed by connection: start afresh.
    pools.reset()
    app._pool = None
    # Queues, router and producers are built once from the configuration: rebuild them.
    app.__dict__.pop("amqp", None)


def worker_env(broker_url: str, queue: str, **extra: str) -> dict:
    return {"CELERY_BROKER_URL": broker_url, "CELERY_TASK_DEFAULT_QUEUE": queue, **extra}


def demo_bodies() -> list[dict]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def save_articles(count: int, *, tag: str = "", bulk: bool = False) -> list[int]:
    """Save `count` distinct articles (the demo texts, each with a numbered line, so no
    two share a content hash) the way an editor does: one commit, one queued task each;
    or with `bulk` as an import does: commits of 50, queued in batches."""
    if bulk:
        ids = []
        for start in range(0, count, 50):
            with transaction.atomic():
                ids += save_articles(min(50, count - start), tag=f"{tag}{start}-")
        return ids
    demos = demo_bodies()
    ids = []
    for number in range(count):
        demo = demos[number % len(demos)]
        article = Article(
            title=f"{demo['title']} ({tag}{number})",
            published_at=demo["published_at"],
            body=f"{demo['body']}\n\nDispatch {tag}{number}.",
        )
        article_save(article=article)
        ids.append(article.pk)
    return ids


def statuses(ids: list[int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for status in Article.objects.filter(pk__in=ids).values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def all_done(ids: list[int]) -> bool:
    return statuses(ids).get(Article.Status.DONE, 0) == len(ids)


def wait_for_all_done(ids: list[int], *, timeout: float = 120) -> float:
    """Wait until every article is done; fail with where they stand. Returns the wait."""
    import pytest

    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if all_done(ids):
            return time.monotonic() - started
        time.sleep(0.3)
    notes = set(Article.objects.filter(pk__in=ids).exclude(status=Article.Status.DONE)
                .values_list("last_error", flat=True)[:5])
    app = current_app._get_current_object()
    pytest.fail(f"not every article was processed within {timeout} s: {statuses(ids)}; "
                f"notes {notes}; broker {app.conf.broker_url} queue {app.conf.task_default_queue}")


def delete_queue(url: str, queue: str) -> None:
    """Remove a test run's queue from a shared broker."""
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=5) as connection:
            connection.default_channel.queue_delete(queue)
    except Exception as exc:  # cleaning up is best effort
        print(f"could not delete queue {queue}: {exc}")
