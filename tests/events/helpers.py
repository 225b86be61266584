"""Articles about events, processed by the real pipeline, for the events tests."""
import datetime as dt

from django.utils import timezone

from mapapp.models import Article
from mapapp.processing import service

SHELLING_KHARKIV = (
    "Russian missiles hit an apartment block in Kharkiv on Tuesday morning, killing four "
    "people, regional officials said. Moscow said it had targeted military sites."
)
SHELLING_KHARKIV_AGAIN = (
    "A missile attack on Kharkiv on Tuesday destroyed part of a residential building, "
    "emergency services said. Kyiv condemned the strike."
)
PROTEST_KHARKIV_LATER = (
    "Hundreds of residents rallied in Kharkiv on Saturday to demand more air defence, "
    "carrying banners and chanting slogans outside the regional administration."
)


def processed(body: str, *, source: str, day: int = 9, published: bool = True) -> Article:
    """An article of April 2024 (`day`), processed as the worker would."""
    article = Article.objects.create(
        title=body[:40], body=body, source=source,
        publication=Article.Publication.PUBLISHED if published else Article.Publication.DRAFT,
        published_at=timezone.make_aware(dt.datetime(2024, 4, day, 12)),
    )
    outcome = service.article_process(article_id=article.pk)
    assert outcome.processed, outcome
    return article


def reprocess(article: Article) -> None:
    service.articles_reset_for_processing(article_ids=[article.pk])
    assert service.article_process(article_id=article.pk).processed
