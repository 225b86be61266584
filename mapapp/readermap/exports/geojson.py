"""GeoJSON (RFC 7946): one Point feature per mention, longitude before latitude,
WGS 84 without a `crs` member, and a `bbox` of the features."""
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from mapapp.readermap.exports.rows import ExportRow


def geojson_chunks(rows: Iterable[ExportRow]) -> Iterator[str]:
    """The FeatureCollection as text pieces, so large exports stream."""
    rows = list(rows)
    yield '{"type":"FeatureCollection"'
    if rows:
        west = min(r.longitude for r in rows)
        east = max(r.longitude for r in rows)
        south = min(r.latitude for r in rows)
        north = max(r.latitude for r in rows)
        yield ',"bbox":' + json.dumps([west, south, east, north])
    yield ',"features":['
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
