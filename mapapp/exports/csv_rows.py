"""CSV, one row per mention, in the column order the issue lists (event date, place,
region, country, coordinates, precision, source, URL, passage) plus provenance."""
import csv
import io
from collections.abc import Iterable, Iterator

from mapapp.exports.rows import ExportRow

HEADER = [
    "event_date", "event_date_end", "place", "region", "country", "latitude", "longitude",
    "precision", "source", "url", "passage", "title", "published", "date_source", "kind",
    "place_id", "mention_id",
]


def csv_chunks(rows: Iterable[ExportRow]) -> Iterator[str]:
    """The CSV text, a line at a time (formulas are neutralised for spreadsheets)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([
            row.event_date, row.event_date_end, _cell(row.place), _cell(row.region), row.country,
            row.latitude, row.longitude, row.precision, _cell(row.source), _cell(row.url),
            _cell(row.passage), _cell(row.title), row.published, row.date_source, row.kind,
            row.place_id, row.mention_id,
        ])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _cell(text: str) -> str:
    # A cell starting with = + - @ runs as a formula in spreadsheet programs.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
