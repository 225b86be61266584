"""One flat record per mention, the common ground of every export format."""
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mapapp.models import Mention
from mapapp.readermap.exports.text import printable
from mapapp.readermap.trust import mention_trust


@dataclass(frozen=True)
class ExportRow:
    mention_id: int
    event_date: str
    event_date_end: str
    precision: str
    date_source: str
    place_id: int
    place: str
    kind: str
    region: str
    country: str
    latitude: float
    longitude: float
    source: str
    title: str
    url: str
    published: str
    passage: str
    surface: str
    trust: str  # verified, sure or unsure (mapapp.readermap.trust)
    confidence: float


def export_rows(mentions: Iterable[Mention]) -> Iterator[ExportRow]:
    """Rows for mentions loaded with their article and place; every text is printable
    (mapapp.readermap.exports.text), whatever the article held."""
    for m in mentions:
        article, place = m.article, m.place
        yield ExportRow(
            mention_id=m.pk,
            event_date=m.event_date.isoformat() if m.event_date else "",
            event_date_end=m.event_date_end.isoformat() if m.event_date_end else "",
            precision=printable(m.date_precision),
            date_source=printable(m.date_source),
            place_id=place.pk,
            place=printable(place.name),
            kind=printable(place.kind),
            region=printable(place.admin1),
            country=printable(place.country_code),
            latitude=place.latitude,
            longitude=place.longitude,
            source=printable(article.source),
            title=printable(article.title),
            url=printable(article.url or ""),
            published=article.published_at.date().isoformat() if article.published_at else "",
            passage=printable(m.passage),
            surface=printable(m.surface),
            trust=mention_trust(review=m.review, confidence=m.confidence),
            confidence=round(m.confidence, 2),
        )
