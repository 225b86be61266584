"""`python manage.py load_demo`: add the demo articles that ship with the app
(written by the project; published, so the map has something to show)."""
import json
from pathlib import Path

from django.core.management import BaseCommand
from django.utils.dateparse import parse_datetime

from mapapp.models import Article
from mapapp.processing.submit import article_save

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "articles.json"


class Command(BaseCommand):
    help = "Load the demo articles (skips those already present)."

    def handle(self, *args, **options) -> None:
        added = 0
        for item in json.loads(DEMO_FILE.read_text(encoding="utf-8")):
            if Article.objects.filter(url=item["url"]).exists():
                continue
            article_save(article=Article(
                title=item["title"],
                source=item["source"],
                url=item["url"],
                published_at=parse_datetime(item["published_at"]),
                body=item["body"],
                publication=Article.Publication.PUBLISHED,
            ))
            added += 1
        self.stdout.write(f"Loaded {added} demo article(s); they are queued for processing.")
