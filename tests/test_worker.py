"""The pipeline with a real Celery worker process on the embedded broker."""
import datetime as dt

import pytest

from mapapp.models import Article
from mapapp.processing.submit import article_save
from tests.conftest import wait_until


@pytest.mark.django_db(transaction=True)
def test_a_saved_article_is_processed_by_a_real_worker(celery_worker_process):
    article = Article(
        title="Report", body="Shelling hit Aleppo and Homs on Monday.",
        published_at=dt.datetime(2016, 5, 2, tzinfo=dt.UTC),
    )
    assert article_save(article=article)
    wait_until(
        lambda: Article.objects.get(pk=article.pk).status == Article.Status.DONE,
        timeout=60, message="the worker did not process the article",
    )
    assert set(article.mentions.values_list("surface", flat=True)) >= {"Aleppo", "Homs"}
