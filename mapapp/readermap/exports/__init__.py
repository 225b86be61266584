"""Exports of exactly what a reader's view selects: GeoJSON, CSV, KML (one record per
mention) and a standalone HTML map (one marker per place) that opens offline. The
formats are listed once, in mapapp.readermap.exports.formats."""
from mapapp.readermap.exports.formats import FORMATS, ExportFormat, UnknownExportFormat, export_format
from mapapp.readermap.exports.rows import ExportRow, export_rows

__all__ = ["FORMATS", "ExportFormat", "ExportRow", "UnknownExportFormat", "export_format",
           "export_rows"]
