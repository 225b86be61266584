import pytest

from mapapp import tasks
from mapapp.models import Article
from mapapp.processing import service

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

    monkeypatch.setattr(service, "findings_from_text", broken)
    result = tasks.process_articles.apply(args=([article.pk],)).get()
    assert result["processed"] == []
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "ValueError: the parser choked" in article.last_error


def test_a_missing_article_is_not_an_error():
    assert tasks.process_articles.apply(args=([987654],)).get()["processed"] == []


def test_articles_a_slow_batch_mate_left_unread_are_queued_again_each_on_its_own(monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    first, slow, *unread = (Article.objects.create(title=name, body=f"Shelling in {name}.")
                            for name in ("Aleppo", "Homs", "Hama", "Idlib"))
    real = service.findings_from_text

    def homs_takes_forever(text, **kwargs):
        if "Homs" in text:
            raise SoftTimeLimitExceeded()
        return real(text, **kwargs)

    monkeypatch.setattr(service, "findings_from_text", homs_takes_forever)
    sent = []
    monkeypatch.setattr(tasks.process_articles, "apply_async",
                        lambda args, kwargs=None, **options: sent.append(args[0]))
    result = tasks.process_articles.apply(args=([first.pk, slow.pk, *(a.pk for a in unread)],)).get()
    assert result["processed"] == [first.pk]
    assert sent == [[article.pk] for article in unread]
