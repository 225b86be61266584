"""The processing service on the real gazetteer and the real database."""
import datetime as dt

import pytest
from django.utils import timezone

from mapapp import services
from mapapp.models import Article, Mention

pytestmark = pytest.mark.django_db

PUBLISHED = dt.datetime(2015, 9, 19, 12, tzinfo=dt.UTC)


def make_article(body: str, **fields) -> Article:
    fields.setdefault("title", "A report")
    fields.setdefault("published_at", PUBLISHED)
    return Article.objects.create(body=body, **fields)


def mapped(article: Article) -> dict[str, Mention]:
    return {
        m.surface: m
        for m in Mention.objects.filter(article=article, place__isnull=False, is_demonym=False)
        .select_related("place")
    }


def test_it_maps_the_places_of_the_source_article(corpus_article_text):
    article = make_article(corpus_article_text)
    outcome = services.article_process(article_id=article.pk)
    assert outcome.processed
    places = mapped(article)
    expected = {  # surface -> (lat, lon) of the place a careful reader means
        "Latakia": (35.5, 35.8), "Tartus": (34.9, 35.9), "Idlib": (35.9, 36.6),
        "Damascus": (33.5, 36.3), "London": (51.5, -0.1), "Moscow": (55.8, 37.6),
    }
    for name, (lat, lon) in expected.items():
        assert name in places, f"{name} was not mapped"
        place = places[name].place
        assert abs(place.latitude - lat) < 1.0 and abs(place.longitude - lon) < 1.0, place
    for person in ("Kerry", "Hammond", "Lavrov", "John Kerry", "Philip Hammond", "Sergey Lavrov"):
        assert person not in places


def test_every_mention_quotes_its_passage_and_span(corpus_article_text):
    article = make_article(corpus_article_text)
    services.article_process(article_id=article.pk)
    mentions = list(Mention.objects.filter(article=article))
    assert mentions
    for m in mentions:
        assert corpus_article_text[m.start : m.end] == m.surface
        assert corpus_article_text[m.passage_start : m.passage_start + len(m.passage)] == m.passage
        start, end = m.highlight
        assert m.passage[start:end] == m.surface
        assert m.event_date is not None and m.event_date <= dt.date(2015, 9, 19)


def test_processing_twice_gives_the_same_rows(corpus_article_text):
    article = make_article(corpus_article_text)
    services.article_process(article_id=article.pk)
    first = list(Mention.objects.filter(article=article).values_list("start", "end", "place_id"))
    services.articles_reset_for_processing(article_ids=[article.pk])
    services.article_process(article_id=article.pk)
    second = list(Mention.objects.filter(article=article).values_list("start", "end", "place_id"))
    assert first == second
    assert len(second) == len(set(second))


def test_a_done_article_is_not_claimed_again(corpus_article_text):
    article = make_article(corpus_article_text)
    assert services.article_process(article_id=article.pk).processed
    assert not services.article_claim(article_id=article.pk)
    assert services.article_process(article_id=article.pk).reason == "not claimable"


def test_a_stale_claim_can_be_taken_over():
    article = make_article("Shelling in Aleppo.")
    long_ago = timezone.now() - dt.timedelta(hours=2)
    assert services.article_claim(article_id=article.pk, now=long_ago)
    assert services.article_claim(article_id=article.pk)
    assert not services.article_claim(article_id=article.pk)


def test_an_empty_article_is_processed_with_no_mentions():
    article = make_article("")
    assert services.article_process(article_id=article.pk).processed
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.mentions.count() == 0


def test_markup_and_scripts_in_the_text_are_not_read_as_places():
    body = '<p>Shelling hit <b>Aleppo</b> on Monday.</p><script>document.write("Damascus")</script>'
    article = make_article(body)
    services.article_process(article_id=article.pk)
    surfaces = set(Mention.objects.filter(article=article).values_list("surface", flat=True))
    assert "Aleppo" in surfaces
    assert "Damascus" not in surfaces


def test_arabic_and_cyrillic_articles_are_processed_without_error():
    for body in ("قصفت الطائرات مدينة حلب يوم الاثنين.", "Обстрел Донецка продолжался всю ночь."):
        article = make_article(body, title=body[:10])
        assert services.article_process(article_id=article.pk).processed
        article.refresh_from_db()
        assert article.status == Article.Status.DONE


def test_a_five_megabyte_article_is_processed():
    paragraph = "Fighting continued near Aleppo and Homs on Tuesday, residents said. " * 10 + "\n"
    body = paragraph * (5_000_000 // len(paragraph))
    article = make_article(body)
    assert services.article_process(article_id=article.pk).processed
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.mentions.filter(surface="Aleppo").count() > 1000


def test_a_failure_is_recorded_for_the_editor():
    article = make_article("Shelling in Aleppo.")
    services.article_claim(article_id=article.pk)
    services.article_mark_failed(article_id=article.pk, error="ValueError: broken")
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.last_error == "ValueError: broken"
    assert services.article_process(article_id=article.pk).processed  # a retry may claim it
