"""GeoJSON (RFC 7946): one Point feature per mention (or per event), longitude before
latitude, WGS 84 without a `crs` member, and a `bbox` of the features."""
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from mapapp.readermap.event_reports import EventReport
from mapapp.readermap.exports.rows import ExportRow
from mapapp.readermap.exports.text import printable_json


def geojson_chunks(rows: Iterable[ExportRow]) -> Iterator[str]:
    """The FeatureCollection as text pieces, so large exports stream."""
    rows = list(rows)
    yield from _opening([(r.longitude, r.latitude) for r in rows])
    for i, row in enumerate(rows):
        properties = {k: v for k, v in asdict(row).items() if k not in ("latitude", "longitude")}
        feature = {
            "type": "Feature",
            "id": row.mention_id,
            "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
            "properties": properties,
        }
        yield ("," if i else "") + json.dumps(feature, ensure_ascii=False)
    yield "]}"


def event_geojson_chunks(reports: Iterable[EventReport]) -> Iterator[str]:
    """A Point feature per event; its properties are the event as /api/events/<id> gives
    it: type, label, icon, place, dates and precision, counts, and `sources_detail`, the
    passages grouped by source with their provenance (article, offsets of the place)."""
    reports = list(reports)
    places = [r.event.place for r in reports]
    yield from _opening([(p.longitude, p.latitude) for p in places])
    for i, (report, place) in enumerate(zip(reports, places, strict=True)):
        feature = {
            "type": "Feature",
            "id": report.event.pk,
            "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
            "properties": printable_json(report.as_json()),
        }
        yield ("," if i else "") + json.dumps(feature, ensure_ascii=False)
    yield "]}"


def _opening(points: list[tuple[float, float]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection"'
    if points:
        west = min(lon for lon, _ in points)
        east = max(lon for lon, _ in points)
        south = min(lat for _, lat in points)
        north = max(lat for _, lat in points)
        yield ',"bbox":' + json.dumps([west, south, east, north])
    yield ',"features":['
