"""The one list of export formats. The export view, the OpenAPI schema and the map
page's links all read it: a new format is one entry here and its writer."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from mapapp.readermap.exports.csv_rows import csv_chunks
from mapapp.readermap.exports.folium_map import folium_html
from mapapp.readermap.exports.geojson import geojson_chunks
from mapapp.readermap.exports.kml import kml_chunks


@dataclass(frozen=True, kw_only=True)
class ExportFormat:
    """One way to download a view. `per` says what a record stands for: a mention
    (`write(rows)` yields text pieces that stream) or a place (`write(places, title=,
    description=)` returns a whole page)."""

    name: str  # the URL's `export.<name>` and the file's suffix
    label: str  # the link text on the map page
    media_type: str
    per: Literal["mention", "place"]
    summary: str  # what the file holds, for the API description
    write: Callable


FORMATS: dict[str, ExportFormat] = {
    export_format.name: export_format
    for export_format in (
        ExportFormat(name="geojson", label="GeoJSON", media_type="application/geo+json",
                     per="mention", summary="RFC 7946 FeatureCollection, a Point per mention",
                     write=geojson_chunks),
        ExportFormat(name="csv", label="CSV", media_type="text/csv; charset=utf-8",
                     per="mention", summary="a row per mention", write=csv_chunks),
        ExportFormat(name="kml", label="KML", media_type="application/vnd.google-earth.kml+xml",
                     per="mention", summary="KML 2.2, a Placemark per mention", write=kml_chunks),
        ExportFormat(name="html", label="Offline HTML map", media_type="text/html; charset=utf-8",
                     per="place", summary="a standalone map that opens offline, a marker per place",
                     write=folium_html),
    )
}


class UnknownExportFormat(ValueError):
    pass


def export_format(name: str) -> ExportFormat:
    """The format called `name`, or UnknownExportFormat naming the ones there are."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownExportFormat(
            f"The export format must be one of {', '.join(FORMATS)}."
        ) from None
