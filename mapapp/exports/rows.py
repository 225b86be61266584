"""One flat record per mention, the common ground of every export format."""
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mapapp.models import Mention


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


def export_rows(mentions: Iterable[Mention]) -> Iterator[ExportRow]:
    """Rows for mentions loaded with their article and place."""
    for m in mentions:
        article, place = m.article, m.place
        yield ExportRow(
            mention_id=m.pk,
            event_date=m.event_date.isoformat() if m.event_date else "",
            event_date_end=m.event_date_end.isoformat() if m.event_date_end else "",
            precision=m.date_precision,
            date_source=m.date_source,
            place_id=place.pk,
            place=place.name,
            kind=place.kind,
            region=place.admin1,
            country=place.country_code,
            latitude=place.latitude,
            longitude=place.longitude,
            source=article.source,
            title=article.title,
            url=article.url or "",
            published=article.published_at.date().isoformat() if article.published_at else "",
            passage=m.passage,
            surface=m.surface,
        )
