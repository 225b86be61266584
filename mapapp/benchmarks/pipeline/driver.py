"""One benchmark configuration, run inside a process whose settings already point at
its database and broker: start real workers, warm them up, then time a burst (a bulk
import) and a paced stream (editors saving one article at a time)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from mapapp.benchmarks.pipeline.corpus import BenchArticle, news_articles, real_articles, short_articles
from mapapp.benchmarks.pipeline.figures import percentile
from mapapp.models import Article, Mention
from mapapp.processing.submit import article_save

SAVE_CHUNK = 50


def corpus_maker(corpus: str, corpus_dir: Path) -> Callable[..., list[BenchArticle]]:
    """The function making `count` articles of the named corpus (see corpus.py)."""
    if corpus == "real":
        return partial(real_articles, folder=corpus_dir)
    if corpus == "real-600":
        return partial(real_articles, folder=corpus_dir, words=600)
    return {"dense": news_articles, "short": short_articles}[corpus]


def run_configuration(*, workers: int, corpus: str, articles: int, paced: int, rate: float,
                      log_dir: Path, corpus_dir: Path) -> dict:
    """Figures for one configuration: burst throughput from the first save to the last
    article done, and save->done latencies of the burst and of the paced stream."""
    call_command("migrate", interactive=False, verbosity=0)
    make = corpus_maker(corpus, corpus_dir)
    crew = [_start_worker(log_dir / f"worker{n}.log", n) for n in range(workers)]
    try:
        _wait_done(_save(news_articles(3 * workers, tag="warm-", seed=99)), timeout=120)

        corpus_articles = make(articles, tag="burst-")
        started = timezone.now()
        burst = _save(corpus_articles)
        saved = (timezone.now() - started).total_seconds()
        _wait_done(burst, timeout=1800)
        words = sum(len(a.body.split()) for a in corpus_articles) / len(corpus_articles)
        mentions = Mention.objects.filter(article_id__in=burst).count() / len(burst)
        times = list(Article.objects.filter(pk__in=burst).values_list("created_at", "processed_at"))
        finished = max(done for _, done in times)
        burst_latency = [(done - saved).total_seconds() for saved, done in times]

        paced_ids = []
        for article in make(paced, tag="paced-"):
            tick = time.monotonic()
            paced_ids += _save([article])
            time.sleep(max(0.0, 1 / rate - (time.monotonic() - tick)))
        _wait_done(paced_ids, timeout=600)
        paced_latency = [(done - saved).total_seconds() for saved, done in
                         Article.objects.filter(pk__in=paced_ids).values_list("created_at", "processed_at")]
    finally:
        for worker in crew:
            _stop(worker)
    return {
        "workers": workers, "corpus": corpus, "articles": articles, "words": words, "mentions": mentions,
        "per_second": len(burst) / (finished - started).total_seconds(),
        "saves_per_second": len(burst) / saved,
        "burst_p50": percentile(burst_latency, 0.5), "burst_p95": percentile(burst_latency, 0.95),
        "paced_p50": percentile(paced_latency, 0.5), "paced_p95": percentile(paced_latency, 0.95),
    }


def _save(articles: list[BenchArticle]) -> list[int]:
    """Save as the importer does: chunks in one transaction each, queued on commit."""
    ids = []
    for start in range(0, len(articles), SAVE_CHUNK):
        with transaction.atomic():
            for item in articles[start : start + SAVE_CHUNK]:
                article = Article(title=item.title, body=item.body, published_at=item.published_at)
                article_save(article=article)
                ids.append(article.pk)
    return ids


def _wait_done(ids: list[int], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while Article.objects.filter(pk__in=ids, status=Article.Status.DONE).count() < len(ids):
        if time.monotonic() > deadline:
            raise RuntimeError(f"articles not processed within {timeout} s")
        time.sleep(0.05)


def _start_worker(log_path: Path, number: int) -> subprocess.Popen:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "1",
             "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--hostname", f"bench{number}-{os.getpid()}@%h"],
            cwd=settings.BASE_DIR, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 90
    while b" ready." not in log_path.read_bytes():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"worker did not start: {log_path.read_text()[-2000:]}")
        time.sleep(0.1)
    return process


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
