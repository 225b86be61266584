"""News on the map for the reader-map browser tests: the realistic corpus of
tests/realistic_news when it is there (150+ articles over years, a few long-past
dates), else the demo articles that ship with the app, processed the same way."""
from __future__ import annotations

import json

from django.utils.dateparse import parse_datetime

from mapapp.models import Article, Mention
from mapapp.processing import service
from tests.conftest import REPO

DEMO = REPO / "mapapp" / "demo" / "articles.json"


def load_news() -> int:
    """Put published, processed articles on the map; the number of mentions with a place."""
    try:
        from tests.realistic_news import load_realistic_news
    except ImportError:
        load_realistic_news = None
    if load_realistic_news is not None:
        load_realistic_news()
    else:
        ids = [
            Article.objects.create(
                title=item["title"], source=item["source"], url=item["url"], body=item["body"],
                published_at=parse_datetime(item["published_at"]),
                publication=Article.Publication.PUBLISHED,
            ).pk
            for item in json.loads(DEMO.read_text(encoding="utf-8"))
        ]
        service.articles_process(article_ids=ids)
    return Mention.objects.filter(place__isnull=False).count()
