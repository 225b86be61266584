"""A realistic news corpus for tests of the reader's map: 150+ invented articles
(articles.jsonl, written for this project) from ten invented outlets, about many
conflicts, published from 2019 to 2026 and densest in the last eighteen months,
with a few passages about long-past years (1805, 1948, 1982) and relative dates
("on Tuesday", "last month") for the date resolver to anchor.

`load_realistic_news()` puts them on the map the way the product does: each article
is saved with `article_save` (the admin's and importer's path), published, and the
batch the saving transaction submits is processed by the real Celery task, run
inline (eager) so no worker is needed, with the real gazetteer. It must be called
outside a transaction, so that the submit runs on commit as in production: use it
in tests marked `django_db(transaction=True)` (every browser test is).

From a browser test, with the `live_server` and `page` fixtures of tests/conftest.py,
import the `realistic_news` fixture below (or write your own around the loader)::

    import pytest
    from tests.realistic_news import realistic_news  # noqa: F401 (a fixture)

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

    def test_the_map_shows_the_news(live_server, page, realistic_news):  # noqa: F811
        page.goto(live_server.url + "/")
        ...

    @pytest.fixture
    def recent_news(transactional_db):
        return load_realistic_news(limit=40)  # the newest 40: a quicker, smaller map

Loading all 165 articles takes about 2 s on SQLite (a few more on PostgreSQL). The
live server shares the test database, so the map shows them at once.
`REALISTIC_NEWS` is the file, for tests that want the raw records."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from celery import current_app
from django.db import transaction
from django.utils.dateparse import parse_datetime

from mapapp.models import Article
from mapapp.processing.submit import article_save

REALISTIC_NEWS = Path(__file__).resolve().parent / "articles.jsonl"


def realistic_news_records(*, limit: int | None = None) -> list[dict]:
    """The corpus's records ({title, source, url, published_at, body}), oldest first;
    the newest `limit` of them when a limit is given, so a small load still looks like
    current news."""
    with REALISTIC_NEWS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    records.sort(key=lambda record: record["published_at"])
    return records[-limit:] if limit else records


def load_realistic_news(*, limit: int | None = None) -> list[Article]:
    """Save, publish and process the corpus (or its newest `limit` articles) through
    the app's submit path and processing task; the articles, refreshed, oldest first.
    Processing failures are recorded on the articles, as in production, not raised."""
    if transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            "load_realistic_news submits on commit: call it outside a transaction "
            "(in tests, django_db(transaction=True) or transactional_db)"
        )
    records = realistic_news_records(limit=limit)
    with _tasks_run_inline(), transaction.atomic():
        # One transaction, so the articles are sent as batches once it commits.
        articles = [
            Article(
                title=record["title"],
                source=record["source"],
                url=record["url"],
                published_at=parse_datetime(record["published_at"]),
                body=record["body"],
                publication=Article.Publication.PUBLISHED,
            )
            for record in records
        ]
        for article in articles:
            article_save(article=article)
    return list(Article.objects.filter(pk__in=[a.pk for a in articles]).order_by("published_at", "pk"))


@pytest.fixture
def realistic_news(transactional_db) -> list[Article]:
    """The whole corpus, published and processed, on the test database."""
    return load_realistic_news()


@contextmanager
def _tasks_run_inline():
    """Celery tasks sent meanwhile run in this process, as a worker would run them."""
    before = current_app.conf.task_always_eager
    current_app.conf.task_always_eager = True
    try:
        yield
    finally:
        current_app.conf.task_always_eager = before
