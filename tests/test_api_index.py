"""The in-memory map index answers for the database's current revision: rebuilt
inline when small, in the background (serving the previous one) when large."""
import datetime as dt

import pytest

from mapapp.models import Article, Mention, Place
from mapapp.readermap import index as mapindex
from tests.conftest import wait_until


def add_mention(place: Place, n: int) -> None:
    passage = f"Shelling in {place.name} ({n})."
    article = Article.objects.create(title=f"r{n}", source="Wire", body=passage,
                                     publication=Article.Publication.PUBLISHED,
                                     published_at=dt.datetime(2015, 9, 19, tzinfo=dt.UTC))
    Mention.objects.create(article=article, place=place, surface=place.name, start=12,
                           end=12 + len(place.name), passage=passage, passage_start=0,
                           event_date=dt.date(2015, 9, 17), event_date_end=dt.date(2015, 9, 17))


@pytest.mark.django_db(transaction=True)
def test_a_large_index_is_rebuilt_in_the_background_while_the_old_one_answers(monkeypatch):
    homs = Place.objects.create(name="Homs", latitude=34.7, longitude=36.7, kind="city")
    add_mention(homs, 1)
    assert mapindex.map_index().size == 1
    monkeypatch.setattr(mapindex, "INLINE_REBUILD_SECONDS", -1.0)  # treat it as large
    add_mention(homs, 2)
    assert mapindex.map_index().size == 1  # the previous index, at once
    wait_until(lambda: mapindex.map_index().size == 2, timeout=30, message="no rebuild")


@pytest.mark.django_db
def test_drafts_demonyms_and_rejected_mentions_are_not_indexed():
    homs = Place.objects.create(name="Homs", latitude=34.7, longitude=36.7, kind="city")
    add_mention(homs, 1)
    add_mention(homs, 2)
    Mention.objects.filter(article__title="r2").update(review=Mention.Review.REJECTED)
    add_mention(homs, 3)
    Article.objects.filter(title="r3").update(publication=Article.Publication.DRAFT)
    Article.objects.get(title="r1").save()  # a save bumps the revision
    index = mapindex.map_index()
    assert index.size == 1
    assert mapindex.day_date(int(index.day_start[0])) == dt.date(2015, 9, 17)
