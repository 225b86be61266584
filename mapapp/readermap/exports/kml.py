"""KML 2.2: one Placemark per mention with its passage, link and a TimeSpan; for the
events layer, one Placemark per event whose description tells its passages as text.

KML readers such as Google Earth render a <description> as HTML once the XML is read,
so descriptions are HTML-escaped before the XML escaping (`description_text`): an
article's `<script>` stays text for a reader of the XML and for one of the HTML."""
import html
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

from mapapp.readermap.event_reports import EventReport
from mapapp.readermap.exports.event_rows import event_description, event_title
from mapapp.readermap.exports.rows import ExportRow
from mapapp.readermap.exports.text import printable


def kml_chunks(rows: Iterable[ExportRow], *, name: str = "Conflict map export") -> Iterator[str]:
    """The KML document a Placemark at a time; the rows' texts are printable already
    (export_rows), so the document is well-formed XML whatever the articles held."""
    yield _opening(name)
    for row in rows:
        span = ""
        if row.event_date:
            end = row.event_date_end or row.event_date
            span = f"<TimeSpan><begin>{row.event_date}</begin><end>{end}</end></TimeSpan>"
        description = f"{row.passage}\n\n{row.title} — {row.source}, {row.published}\n{row.url}"
        yield (
            f'<Placemark id="mention-{row.mention_id}"><name>{escape(row.place)}</name>'
            f"<description>{description_text(description)}</description>{span}"
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


def event_kml_chunks(reports: Iterable[EventReport], *,
                     name: str = "Conflict map export: events") -> Iterator[str]:
    """The events' KML document a Placemark at a time: the name says type and place, the
    description (plain text, escaped) the dates, sources and passages grouped by source."""
    yield _opening(name)
    for report in reports:
        event, place = report.event, report.event.place
        yield (
            f'<Placemark id="event-{event.pk}"><name>{escape(event_title(report))}</name>'
            f"<description>{description_text(event_description(report))}</description>"
            f"<TimeSpan><begin>{event.start}</begin><end>{event.end}</end></TimeSpan>"
            f"<ExtendedData>"
            f'<Data name="type"><value>{escape(event.event_type)}</value></Data>'
            f'<Data name="precision"><value>{escape(event.precision)}</value></Data>'
            f'<Data name="sources"><value>{event.sources}</value></Data>'
            f'<Data name="passages"><value>{event.passages_shown}</value></Data>'
            f'<Data name="country"><value>{escape(printable(place.country_code))}</value></Data>'
            f"</ExtendedData>"
            f"<Point><coordinates>{place.longitude},{place.latitude}</coordinates></Point>"
            f"</Placemark>\n"
        )
    yield "</Document></kml>\n"


def description_text(text: str) -> str:
    """The text for a <description>: HTML-escaped for the readers that render it as HTML
    (they show exactly the text), then XML-escaped for the document."""
    return escape(html.escape(printable(text), quote=False))


def _opening(name: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"<name>{escape(printable(name))}</name>\n")
