"""The one list of export formats. The export view, the OpenAPI schema and the map
page's links all read it: a new format is one entry here and its writers.

Each format writes both layers (mapapp.readermap.params.LAYERS): `mentions` (the default)
and `events`."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mapapp.readermap.exports.csv_rows import csv_chunks, event_csv_chunks
from mapapp.readermap.exports.folium_map import events_html, folium_html
from mapapp.readermap.exports.geojson import event_geojson_chunks, geojson_chunks
from mapapp.readermap.exports.kml import event_kml_chunks, kml_chunks


@dataclass(frozen=True, kw_only=True)
class LayerWriter:
    """How a format writes one layer. `per` says what a record stands for (a mention,
    a place, an event, an event's passage). A streaming writer takes the records and
    yields text pieces; a page writer (`page`) takes them with `title=` and
    `description=` and returns the whole page."""

    per: str
    summary: str  # what the file holds, for the API description
    write: Callable
    page: bool = False


@dataclass(frozen=True, kw_only=True)
class ExportFormat:
    """One way to download a view, for each layer (mentions: ExportRow records or, for
    a page, the places_ranked dicts; events: mapapp.readermap.event_reports.EventReport)."""

    name: str  # the URL's `export.<name>` and the file's suffix
    label: str  # the link text on the map page
    media_type: str
    mentions: LayerWriter
    events: LayerWriter


FORMATS: dict[str, ExportFormat] = {
    export_format.name: export_format
    for export_format in (
        ExportFormat(
            name="geojson", label="GeoJSON", media_type="application/geo+json",
            mentions=LayerWriter(per="mention", summary="RFC 7946 FeatureCollection, a Point "
                                 "per mention", write=geojson_chunks),
            events=LayerWriter(per="event", summary="a Point per event, its passages by source "
                               "with their provenance in `sources_detail`",
                               write=event_geojson_chunks),
        ),
        ExportFormat(
            name="csv", label="CSV", media_type="text/csv; charset=utf-8",
            mentions=LayerWriter(per="mention", summary="a row per mention", write=csv_chunks),
            events=LayerWriter(per="event passage", summary="a row per passage reporting an "
                               "event, the event's columns first", write=event_csv_chunks),
        ),
        ExportFormat(
            name="kml", label="KML", media_type="application/vnd.google-earth.kml+xml",
            mentions=LayerWriter(per="mention", summary="KML 2.2, a Placemark per mention",
                                 write=kml_chunks),
            events=LayerWriter(per="event", summary="a Placemark per event, its passages told "
                               "in the description", write=event_kml_chunks),
        ),
        ExportFormat(
            name="html", label="Offline HTML map", media_type="text/html; charset=utf-8",
            mentions=LayerWriter(per="place", summary="a standalone map that opens offline, "
                                 "a marker per place", write=folium_html, page=True),
            events=LayerWriter(per="event", summary="a marker per event (the best sourced "
                               "2,000 at most), its passages by source in the popup",
                               write=events_html, page=True),
        ),
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
