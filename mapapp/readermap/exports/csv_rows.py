"""CSV, one row per mention, in the column order the issue lists (event date, place,
region, country, coordinates, precision, source, URL, passage) plus provenance and trust;
for the events layer, one row per passage that reports an event, the event's columns first."""
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import astuple, fields

from mapapp.readermap.event_reports import EventReport
from mapapp.readermap.exports.event_rows import EventPassageRow, event_passage_rows
from mapapp.readermap.exports.rows import ExportRow
from mapapp.readermap.exports.text import spreadsheet_cell

HEADER = [
    "event_date", "event_date_end", "place", "region", "country", "latitude", "longitude",
    "precision", "source", "url", "passage", "title", "published", "date_source", "kind",
    "place_id", "mention_id", "trust", "confidence",
]


def csv_chunks(rows: Iterable[ExportRow]) -> Iterator[str]:
    """The CSV text, a line at a time; no text cell can run as a spreadsheet formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([
            _cell(value) for value in (
                row.event_date, row.event_date_end, row.place, row.region, row.country,
                row.latitude, row.longitude, row.precision, row.source, row.url, row.passage,
                row.title, row.published, row.date_source, row.kind, row.place_id,
                row.mention_id, row.trust, row.confidence,
            )
        ])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


EVENT_HEADER = [f.name for f in fields(EventPassageRow)]


def event_csv_chunks(reports: Iterable[EventReport]) -> Iterator[str]:
    """The events' CSV text, a row per passage (EventPassageRow's columns, in order)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EVENT_HEADER)
    for row in event_passage_rows(reports):
        writer.writerow([_cell(value) for value in astuple(row)])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _cell(value: str | float | int) -> str | float | int:
    # Numbers stay numbers (a negative longitude is no formula); every text is guarded.
    return spreadsheet_cell(value) if isinstance(value, str) else value
