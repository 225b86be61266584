"""Exports of exactly what a reader's view selects: GeoJSON, CSV, KML (one record per
mention, or per event for the events layer) and a standalone HTML map (one marker per
place or per event) that opens offline. The formats are listed once, in
mapapp.readermap.exports.formats."""
from mapapp.readermap.exports.formats import (
    FORMATS,
    ExportFormat,
    LayerWriter,
    UnknownExportFormat,
    export_format,
)
from mapapp.readermap.exports.rows import ExportRow, export_rows

__all__ = ["FORMATS", "ExportFormat", "ExportRow", "LayerWriter", "UnknownExportFormat",
           "export_format", "export_rows"]
