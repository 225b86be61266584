import pytest

from mapapp import queueing, services, tasks
from mapapp.models import Article

pytestmark = pytest.mark.django_db


def test_the_task_processes_an_article_by_id():
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo and Homs.")
    result = tasks.process_articles.apply(args=([article.pk],)).get()
    assert result["processed"] == [article.pk]
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert set(article.mentions.values_list("surface", flat=True)) >= {"Aleppo", "Homs"}


def test_an_unexpected_error_is_recorded_on_the_article(monkeypatch):
    article = Article.objects.create(title="Report", body="Shelling hit Aleppo.")

    def broken(*args, **kwargs):
        raise ValueError("the parser choked")

    monkeypatch.setattr(services, "findings_from_text", broken)
    result = tasks.process_articles.apply(args=([article.pk],)).get()
    assert result["processed"] == []
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "ValueError: the parser choked" in article.last_error


def test_a_missing_article_is_not_an_error():
    assert tasks.process_articles.apply(args=([987654],)).get()["processed"] == []


def test_articles_go_to_the_workers_in_batches_of_the_configured_size(monkeypatch, settings):
    settings.PROCESSING_BATCH_SIZE = 2
    sent = []
    monkeypatch.setattr(tasks.process_articles, "apply_async", lambda args, **options: sent.append(args[0]))
    assert queueing.articles_enqueue(article_ids=[5, 6, 7, 8, 9]) == 5
    assert sent == [[5, 6], [7, 8], [9]]
