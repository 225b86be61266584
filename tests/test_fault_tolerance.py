"""Nothing lost, nothing doubled: real worker processes killed, a real Redis stopped,
two workers racing for one batch, and SQLite written by web and worker at once."""
import re
import threading
import time
from collections import Counter, defaultdict

import pytest
from django.db import OperationalError, close_old_connections, connection

from mapapp.models import Article, Mention
from mapapp.processing.submit import NOT_QUEUED_NOTE, article_save
from tests.conftest import wait_until
from tests.pipeline_helpers import (
    RedisServer,
    Worker,
    client_broker,
    demo_bodies,
    save_articles,
    statuses,
    unique_queue,
    wait_for_all_done,
    worker_env,
)

# A sweep every second, and a short grace, so recovery shows up within the test.
FAST_SWEEP = {"SWEEP_INTERVAL_SECONDS": "1", "SWEEP_GRACE_SECONDS": "2"}
# Far above what any test waits: an article recovered in time was recovered by the
# liveness check, not by the age fallback.
SLOW_FALLBACK = {"PROCESSING_STALE_AFTER_SECONDS": "3600"}


def assert_each_text_has_one_set_of_mentions(ids: list[int]) -> None:
    """Articles with the same demo text must carry identical mentions, none twice."""
    by_text: dict[str, set] = defaultdict(set)
    for article in Article.objects.filter(pk__in=ids):
        spans = list(Mention.objects.filter(article=article).values_list("start", "end", "place_id"))
        assert len(spans) == len(set(spans)), f"article {article.pk} has a duplicated mention"
        assert spans, f"article {article.pk} has no mentions"
        template = article.body.rsplit("\n\nDispatch", 1)[0]
        by_text[template].add(tuple(sorted(spans)))
    for template, variants in by_text.items():
        assert len(variants) == 1, f"{template[:40]!r} was processed into {len(variants)} variants"


def processed_ids_in(*logs) -> Counter:
    """How many times each article was processed to the end, from the workers' logs."""
    found: Counter = Counter()
    pattern = re.compile(r"'processed': \[([\d, ]*)\]")
    for log in logs:
        for listed in pattern.findall(log.read_text(errors="replace")):
            found.update(int(pk) for pk in listed.split(",") if pk.strip())
    return found


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_loses_no_article_and_doubles_no_mention(tmp_path):
    env = {**FAST_SWEEP, **SLOW_FALLBACK}
    first = Worker(tmp_path / "first.log", env=env, beat=True).start()
    second = Worker(tmp_path / "second.log", env=env, beat=True)
    try:
        ids = save_articles(150, tag="a")
        # A long article in the middle of the batch: the worker is surely holding it
        # when it is killed, so recovery of a claim is exercised, not only of queued work.
        long_demo = demo_bodies()[0]
        slow = Article(title="A long dispatch", published_at=long_demo["published_at"],
                       body="\n\n".join([long_demo["body"]] * 150))
        article_save(article=slow)
        ids += [slow.pk, *save_articles(349, tag="b", bulk=True)]
        wait_until(lambda: Article.objects.get(pk=slow.pk).status == Article.Status.PROCESSING,
                   timeout=120, interval=0.02, message="the long article was never claimed")
        first.kill()
        at_kill = statuses(ids)
        assert at_kill.get(Article.Status.PROCESSING) == 1, at_kill
        assert at_kill.get(Article.Status.DONE, 0) < len(ids), at_kill

        restarted = time.monotonic()
        second.start()
        wait_for_all_done(ids)
        recovery = time.monotonic() - restarted
    finally:
        first.kill()
        second.stop()
    assert recovery < 120
    slow.refresh_from_db()
    assert slow.attempts == 2  # claimed by the killed worker, then once more after the restart
    assert len(ids) == 500
    assert_each_text_has_one_set_of_mentions(ids)


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_articles_saved_while_redis_is_down_are_processed_when_it_returns(tmp_path):
    redis = RedisServer(tmp_path / "redis").start()
    queue = unique_queue()
    worker = Worker(tmp_path / "worker.log", env=worker_env(redis.url, queue, **FAST_SWEEP,
                                                            **SLOW_FALLBACK), beat=True)
    try:
        with client_broker(redis.url, queue):
            worker.start()
            before = save_articles(30, tag="before")
            redis.stop()  # without persistence: whatever was still queued is gone too
            during = save_articles(8, tag="during")
            waiting = Article.objects.filter(pk__in=during)
            assert set(waiting.values_list("status", flat=True)) == {Article.Status.PENDING}
            assert set(waiting.values_list("last_error", flat=True)) == {NOT_QUEUED_NOTE}
            time.sleep(2)
            redis.start()
            ids = before + during
            wait_for_all_done(ids)
    finally:
        worker.stop()
        redis.stop()
    assert_each_text_has_one_set_of_mentions(ids)
    assert not Article.objects.filter(pk__in=ids).exclude(last_error="").exists()


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_one_batch_process_each_article_once(tmp_path):
    logs = [tmp_path / "one.log", tmp_path / "two.log"]
    workers = [Worker(log).start() for log in logs]
    try:
        ids = save_articles(200, bulk=True)
        wait_for_all_done(ids)
    finally:
        for worker in workers:
            worker.stop()
    processed = processed_ids_in(*logs)
    assert set(processed) == set(ids)
    assert set(processed.values()) == {1}
    assert all(processed_ids_in(log) for log in logs), "one worker did all the work"
    assert set(Article.objects.filter(pk__in=ids).values_list("attempts", flat=True)) == {1}
    assert_each_text_has_one_set_of_mentions(ids)


@pytest.mark.django_db(transaction=True)
def test_sqlite_takes_writes_from_web_and_worker_at_once(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("about the embedded SQLite database")
    worker = Worker(tmp_path / "worker.log").start()
    errors: list[Exception] = []
    edits: list[int] = []
    stop = threading.Event()

    def editor_at_work() -> None:
        """The web side: editors keep retitling articles while the worker writes."""
        try:
            while not stop.is_set():
                for article in Article.objects.order_by("?")[:20]:
                    article.title = f"{article.title[:80]} (edited)"
                    article.save(update_fields=["title", "updated_at"])
                    edits.append(article.pk)
        except OperationalError as exc:
            errors.append(exc)
        finally:
            close_old_connections()

    editor = threading.Thread(target=editor_at_work)
    try:
        ids = save_articles(120)
        editor.start()
        ids += save_articles(120, tag="more")
        wait_for_all_done(ids)
    finally:
        stop.set()
        editor.join(timeout=60)
        worker.stop()
    assert errors == []
    assert len(edits) > 100, "the editor hardly wrote while the worker did"
    assert "database is locked" not in (tmp_path / "worker.log").read_text(errors="replace")
    assert_each_text_has_one_set_of_mentions(ids)
