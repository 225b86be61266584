"""The whole pipeline (save -> queue -> real worker -> mentions) on every engine the app
supports: the embedded defaults, Redis, RabbitMQ and PostgreSQL running on this machine."""
import os
import re
import subprocess
import sys
import uuid

import pytest
from celery import current_app
from django.db import connection

from mapapp.processing.liveness import articles_held_by_live_workers
from mapapp.processing.submit import queue_depth
from tests.conftest import REPO
from tests.pipeline_helpers import (
    Worker,
    client_broker,
    delete_queue,
    save_articles,
    unique_queue,
    wait_for_all_done,
    worker_env,
)

REDIS = "redis://127.0.0.1:6379/0"
RABBITMQ = "amqp://guest:guest@127.0.0.1:5672//"
POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def run_pipeline(tmp_path, workers: int = 2) -> None:
    """Two real workers take one batch; each article is processed once, and the sweep's
    questions (queue depth, what live workers hold) get answers on this broker."""
    if expected := os.environ.get("PIPELINE_TEST_DATABASE"):
        assert connection.vendor == expected  # the outer run asked for this engine
    env = {key: value for key, value in os.environ.items() if key.startswith("CELERY_")}
    crew = [Worker(tmp_path / f"worker{n}.log", env=env).start() for n in range(workers)]
    try:
        ids = save_articles(40)
        wait_for_all_done(ids, timeout=90)
        assert queue_depth() == 0
        # Generous: on a loaded 2-core machine a filesystem-broker reply can take seconds.
        assert articles_held_by_live_workers(current_app, timeout=5.0) == set()
    finally:
        for worker in crew:
            worker.stop()
    from mapapp.models import Article, Mention

    assert set(Article.objects.filter(pk__in=ids).values_list("attempts", flat=True)) == {1}
    spans = list(Mention.objects.filter(article_id__in=ids).values_list("article_id", "start", "end"))
    assert spans and len(spans) == len(set(spans))


@pytest.mark.django_db(transaction=True)
def test_the_pipeline_runs_on_the_embedded_defaults(tmp_path):
    run_pipeline(tmp_path)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("broker_url", [REDIS, RABBITMQ], ids=["redis", "rabbitmq"])
def test_the_pipeline_runs_on_a_real_broker(tmp_path, broker_url, monkeypatch):
    queue = unique_queue()
    for key, value in worker_env(broker_url, queue).items():
        monkeypatch.setenv(key, value)
    try:
        with client_broker(broker_url, queue):
            run_pipeline(tmp_path)
    finally:
        delete_queue(broker_url, queue)


@pytest.mark.services
def test_the_pipeline_runs_on_postgresql_with_redis(tmp_path):
    """The same test again in a pytest of its own whose settings point at PostgreSQL (the
    database is chosen when settings load, so it takes a fresh process), with the
    processing service's and the editors' tests: mentions are written with COPY there."""
    if connection.vendor == "postgresql":
        pytest.skip("this whole run is on PostgreSQL already")
    run = f"pg{uuid.uuid4().hex[:10]}"
    env = {**os.environ, "DATABASE_URL": POSTGRES, "CONFLICTMAP_TEST_RUN": run,
           "PIPELINE_TEST_DATABASE": "postgresql"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp",
         str(tmp_path / "inner"), f"{__file__}::test_the_pipeline_runs_on_a_real_broker[redis]",
         str(REPO / "tests" / "test_services.py"), str(REPO / "tests" / "test_review_decisions.py")],
        check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert re.search(r"\b\d\d+ passed", result.stdout) and "skipped" not in result.stdout, result.stdout[-2000:]
