"""The realistic news corpus goes through the real pipeline (article_save, the
processing task, the gazetteer) and gives the map what a reader's map must cope
with: years of news, most of it recent, a few passages about long-past years, and
places in many countries, the right one for the name. One load serves every check
(about 3 s for 165 articles)."""
import datetime as dt
from collections import Counter

import pytest

from mapapp.models import Article, Mention
from mapapp.readermap.selectors import mentions_visible
from tests.realistic_news import load_realistic_news, realistic_news_records

pytestmark = pytest.mark.django_db(transaction=True)

# The countries the corpus reports from (and their neighbours in the stories).
CONFLICT_COUNTRIES = {
    "UA", "RU", "PS", "IL", "LB", "SY", "IQ", "YE", "SD", "SS", "TD", "CD", "ML", "BF", "NE",
    "NG", "SO", "ET", "ER", "LY", "MM", "AF", "PK", "HT", "CO", "MX", "MZ", "AM", "AZ",
}


def test_the_corpus_is_150_distinct_articles_from_many_outlets_over_years():
    records = realistic_news_records()
    assert len(records) >= 150
    assert len({record["url"] for record in records}) == len(records)
    assert len({record["source"] for record in records}) >= 8
    years = Counter(record["published_at"][:4] for record in records)
    assert {"2019", "2026"} <= set(years)
    recent = [r for r in records if r["published_at"] >= "2025-06"]
    assert len(recent) > 0.7 * len(records)  # dense in the last eighteen months
    assert [r["title"] for r in realistic_news_records(limit=3)] == [r["title"] for r in records[-3:]]


def test_the_whole_corpus_reaches_the_map_through_the_real_pipeline():
    articles = load_realistic_news()

    assert len(articles) >= 150
    assert [a.title for a in articles if a.status != Article.Status.DONE] == []
    assert {a.publication for a in articles} == {Article.Publication.PUBLISHED}
    published = [a.published_at.date() for a in articles]
    assert max(published) - min(published) >= dt.timedelta(days=5 * 365)

    on_map = mentions_visible().select_related("place", "article")
    # Measured: 1,168 mentions of 425 places; the margin is for geoparser changes.
    assert on_map.count() >= 1000
    assert on_map.values("place").distinct().count() >= 350
    assert not on_map.filter(event_date__isnull=True).exists()
    recent = on_map.filter(event_date__gte=dt.date(2025, 6, 1)).count()
    assert recent > 0.6 * on_map.count()  # the bulk of passages is recent news

    # A few passages are about long-past years: the timeline must fold them away.
    historical = on_map.filter(event_date__lt=dt.date(1990, 1, 1))
    assert historical.count() >= 3
    assert {m.event_date.year for m in historical} >= {1948, 1982}

    # The most mentioned towns and regions are the real ones, in the countries at war.
    places = Counter(m.place for m in on_map.exclude(place__kind="country"))
    top = [place for place, _ in places.most_common(10)]
    assert {(p.name, p.country_code) for p in top} >= {
        ("Kharkiv", "UA"), ("Kyiv", "UA"), ("El Fasher", "SD"), ("Khartoum", "SD"), ("Goma", "CD"),
    }
    assert {p.country_code for p in top} <= CONFLICT_COUNTRIES

    # Tripoli is the Lebanese city in stories about Lebanon, the Libyan capital in
    # stories about Libya.
    tripolis = {(m.article.url.split("/")[5], m.place.country_code)
                for m in on_map.filter(surface="Tripoli") if "/libya/" in m.article.url
                or "/lebanon/" in m.article.url}
    assert tripolis == {("lebanon", "LB"), ("libya", "LY")}
    assert Mention.objects.filter(surface="Kharkiv", place__country_code="UA").count() >= 10
