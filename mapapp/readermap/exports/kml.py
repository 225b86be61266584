"""KML 2.2: one Placemark per mention with its passage, link and a TimeSpan."""
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from mapapp.readermap.exports.rows import ExportRow
from mapapp.readermap.exports.text import printable


def kml_chunks(rows: Iterable[ExportRow], *, name: str = "Conflict map export") -> Iterator[str]:
    """The KML document a Placemark at a time; the rows' texts are printable already
    (export_rows), so the document is well-formed XML whatever the articles held."""
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
           f"<name>{escape(printable(name))}</name>\n")
    for row in rows:
        span = ""
        if row.event_date:
            end = row.event_date_end or row.event_date
            span = f"<TimeSpan><begin>{row.event_date}</begin><end>{end}</end></TimeSpan>"
        description = f"{row.passage}\n\n{row.title} — {row.source}, {row.published}\n{row.url}"
        yield (
            f'<Placemark id="mention-{row.mention_id}"><name>{escape(row.place)}</name>'
            f"<description>{escape(description)}</description>{span}"
            f"<ExtendedData>"
            f'<Data name="precision"><value>{escape(row.precision)}</value></Data>'
            f'<Data name="country"><value>{escape(row.country)}</value></Data>'
            f'<Data name="region"><value>{escape(row.region)}</value></Data>'
            f'<Data name="source"><value>{escape(row.source)}</value></Data>'
            f'<Data name="url"><value>{escape(row.url)}</value></Data>'
            f'<Data name="trust"><value>{escape(row.trust)}</value></Data>'
            f"</ExtendedData>"
            f"<Point><coordinates>{row.longitude},{row.latitude}</coordinates></Point></Placemark>\n"
        )
    yield "</Document></kml>\n"
