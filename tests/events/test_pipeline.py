"""Processing an article judges its place mentions and builds events; re-processing
gives the same events and keeps what an editor changed."""
import datetime as dt

import pytest
from django.utils import timezone

from mapapp.events.editing import event_retype
from mapapp.events.models import Event, EventPassage
from mapapp.models import Article
from mapapp.processing import service
from tests.review_support import make_editor

pytestmark = pytest.mark.django_db

STRIKE = (
    "Russian missiles hit an apartment block in Kharkiv on Tuesday morning, killing four "
    "people, regional officials said. Moscow said it had targeted military sites."
)
STRIKE_ELSEWHERE = (
    "A missile attack on Kharkiv on Tuesday destroyed part of a residential building, "
    "emergency services said. Kyiv condemned the strike."
)


def processed(body: str, *, source: str, day: int = 9) -> Article:
    article = Article.objects.create(
        title=body[:40], body=body, source=source, publication=Article.Publication.PUBLISHED,
        published_at=timezone.make_aware(dt.datetime(2024, 4, day, 12)),
    )
    outcome = service.article_process(article_id=article.pk)
    assert outcome.processed, outcome
    return article


def reprocess(article: Article) -> None:
    service.articles_reset_for_processing(article_ids=[article.pk])
    assert service.article_process(article_id=article.pk).processed


def test_an_article_about_a_strike_gives_an_event_at_the_town_and_none_at_the_capital():
    article = processed(STRIKE, source="Dnipro Daily")

    judged = {p.surface: p for p in EventPassage.objects.filter(article=article)}
    assert judged["Kharkiv"].is_event
    assert judged["Kharkiv"].event_type == "explosions_remote_violence"
    assert not judged["Moscow"].is_event
    event = Event.objects.get()
    assert event.place.name == "Kharkiv"
    assert event.start == dt.date(2024, 4, 9)
    assert (event.source_count, event.passage_count) == (1, 1)


def test_two_outlets_reporting_one_strike_make_one_event_with_two_sources():
    processed(STRIKE, source="Dnipro Daily")
    processed(STRIKE_ELSEWHERE, source="Black Sea Monitor", day=10)

    event = Event.objects.get()
    assert event.source_count == 2
    assert event.passages.count() == 2


def test_reprocessing_keeps_the_events_and_their_ids():
    article = processed(STRIKE, source="Dnipro Daily")
    before = list(Event.objects.values_list("pk", "event_type", "place_id"))

    reprocess(article)

    assert list(Event.objects.values_list("pk", "event_type", "place_id")) == before
    assert EventPassage.objects.filter(article=article, event__isnull=False).count() == 1


def test_reprocessing_keeps_the_editors_retype():
    article = processed(STRIKE, source="Dnipro Daily")
    event = Event.objects.get()
    event_retype(event=event, event_type="violence_against_civilians", user=make_editor())

    reprocess(article)

    event.refresh_from_db()
    assert event.event_type == "violence_against_civilians"
    assert event.edited
    assert event.passages.count() == 1
