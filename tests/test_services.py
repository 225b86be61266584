"""The processing service on the real gazetteer and the real database."""
import datetime as dt

import pytest
from django.utils import timezone

from mapapp.models import Article, Mention, Place
from mapapp.processing import service
from mapapp.processing.service import Outcome

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
    outcome = service.article_process(article_id=article.pk)
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
    service.article_process(article_id=article.pk)
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
    service.article_process(article_id=article.pk)
    first = list(Mention.objects.filter(article=article).values_list("start", "end", "place_id"))
    service.articles_reset_for_processing(article_ids=[article.pk])
    service.article_process(article_id=article.pk)
    second = list(Mention.objects.filter(article=article).values_list("start", "end", "place_id"))
    assert first == second
    assert len(second) == len(set(second))


def test_a_done_article_is_not_claimed_again(corpus_article_text):
    article = make_article(corpus_article_text)
    assert service.article_process(article_id=article.pk).processed
    assert not service.article_claim(article_id=article.pk)
    assert service.article_process(article_id=article.pk).outcome is Outcome.NOT_CLAIMABLE


def test_a_stale_claim_can_be_taken_over():
    article = make_article("Shelling in Aleppo.")
    long_ago = timezone.now() - dt.timedelta(hours=2)
    assert service.article_claim(article_id=article.pk, now=long_ago)
    assert service.article_claim(article_id=article.pk)
    assert not service.article_claim(article_id=article.pk)


def test_an_empty_article_is_processed_with_no_mentions():
    article = make_article("")
    assert service.article_process(article_id=article.pk).processed
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.mentions.count() == 0


def test_markup_and_scripts_in_the_text_are_not_read_as_places():
    body = '<p>Shelling hit <b>Aleppo</b> on Monday.</p><script>document.write("Damascus")</script>'
    article = make_article(body)
    service.article_process(article_id=article.pk)
    surfaces = set(Mention.objects.filter(article=article).values_list("surface", flat=True))
    assert "Aleppo" in surfaces
    assert "Damascus" not in surfaces


def test_arabic_and_cyrillic_articles_are_processed_without_error():
    for body in ("قصفت الطائرات مدينة حلب يوم الاثنين.", "Обстрел Донецка продолжался всю ночь."):
        article = make_article(body, title=body[:10])
        assert service.article_process(article_id=article.pk).processed
        article.refresh_from_db()
        assert article.status == Article.Status.DONE


def test_a_five_megabyte_article_is_processed():
    paragraph = "Fighting continued near Aleppo and Homs on Tuesday, residents said. " * 10 + "\n"
    body = paragraph * (5_000_000 // len(paragraph))
    article = make_article(body)
    assert service.article_process(article_id=article.pk).processed
    article.refresh_from_db()
    assert article.status == Article.Status.DONE
    assert article.mentions.filter(surface="Aleppo").count() > 1000


def test_a_failure_is_recorded_for_the_editor():
    article = make_article("Shelling in Aleppo.")
    service.article_claim(article_id=article.pk)
    service.article_mark_failed(article_id=article.pk, error="ValueError: broken")
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.last_error == "ValueError: broken"
    assert service.article_process(article_id=article.pk).processed  # a retry may claim it


def test_a_batch_is_processed_in_one_go_and_reports_each_article():
    done_already = make_article("Shelling in Hama.")
    service.article_process(article_id=done_already.pk)
    fresh = [make_article(f"Shelling in Aleppo and Homs, report {n}.") for n in range(3)]
    outcomes = service.articles_process(article_ids=[fresh[0].pk, done_already.pk, fresh[1].pk, fresh[2].pk])
    assert [(o.article_id, o.processed, o.outcome) for o in outcomes] == [
        (fresh[0].pk, True, Outcome.DONE), (done_already.pk, False, Outcome.NOT_CLAIMABLE),
        (fresh[1].pk, True, Outcome.DONE), (fresh[2].pk, True, Outcome.DONE),
    ]
    for article in fresh:
        assert set(article.mentions.values_list("surface", flat=True)) == {"Aleppo", "Homs"}
        article.refresh_from_db()
        assert (article.status, article.attempts) == (Article.Status.DONE, 1)


def test_an_article_that_breaks_the_parser_does_not_cost_its_batch_mates(monkeypatch):
    good, bad = make_article("Shelling in Aleppo."), make_article("Shelling in Homs.")
    real = service.findings_from_text

    def breaks_on_homs(text, **kwargs):
        if "Homs" in text:
            raise ValueError("the parser choked")
        return real(text, **kwargs)

    monkeypatch.setattr(service, "findings_from_text", breaks_on_homs)
    outcomes = service.articles_process(article_ids=[good.pk, bad.pk])
    assert [o.outcome for o in outcomes] == [Outcome.DONE, Outcome.FAILED]
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == Article.Status.DONE and good.mentions.count() == 1
    assert bad.status == Article.Status.FAILED and bad.last_error == "ValueError: the parser choked"


def test_an_article_the_database_refuses_fails_alone(monkeypatch):
    good, bad = make_article("Shelling in Aleppo."), make_article("Shelling in Homs.")
    real = service._mention

    def unstorable_for_homs(article_id, text, finding, place):
        mention = real(article_id, text, finding, place)
        if article_id == bad.pk:
            mention.date_precision = None  # NOT NULL: the whole batch's insert fails
        return mention

    monkeypatch.setattr(service, "_mention", unstorable_for_homs)
    outcomes = service.articles_process(article_ids=[good.pk, bad.pk])
    assert [o.outcome for o in outcomes] == [Outcome.DONE, Outcome.FAILED]
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == Article.Status.DONE and good.mentions.count() == 1
    assert bad.status == Article.Status.FAILED and "could not be stored" in bad.last_error
    assert bad.mentions.count() == 0


def test_a_batch_out_of_time_fails_the_slow_article_and_hands_back_the_rest(monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    first, slow, unread = (make_article(f"Shelling in {name}.") for name in ("Aleppo", "Homs", "Hama"))
    real = service.findings_from_text

    def homs_takes_forever(text, **kwargs):
        if "Homs" in text:
            raise SoftTimeLimitExceeded()
        return real(text, **kwargs)

    monkeypatch.setattr(service, "findings_from_text", homs_takes_forever)
    outcomes = service.articles_process(article_ids=[first.pk, slow.pk, unread.pk])
    assert [o.outcome for o in outcomes] == [Outcome.DONE, Outcome.FAILED, Outcome.DEFERRED]
    statuses = dict(Article.objects.filter(pk__in=[first.pk, slow.pk, unread.pk]).values_list("pk", "status"))
    assert statuses == {first.pk: Article.Status.DONE, slow.pk: Article.Status.FAILED,
                        unread.pk: Article.Status.PENDING}
    assert Article.objects.get(pk=slow.pk).last_error == service.TOOK_TOO_LONG


def test_a_place_without_a_geonames_id_is_stored_once_and_found_again():
    body = "Tension rose across the Middle East and the Sahel, and in the Donbas."
    first, second = make_article(body), make_article(body + " Again.")
    service.article_process(article_id=first.pk)
    service.articles_process(article_ids=[second.pk])
    for name in ("Middle East", "Sahel", "Donbas"):
        places = Place.objects.filter(name=name, geonameid__isnull=True)
        assert places.count() == 1, name
        assert Mention.objects.filter(place=places.get(), article__in=[first, second]).count() == 2
