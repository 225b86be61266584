"""Exports of exactly what a reader's view selects: GeoJSON, CSV, KML (one record per
mention) and a standalone HTML map (one marker per place) that opens offline."""
from mapapp.exports.rows import ExportRow, export_rows

FORMATS = ("geojson", "csv", "kml", "html")

__all__ = ["FORMATS", "ExportRow", "export_rows"]
