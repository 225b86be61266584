"""The OpenAPI 3.1 description of the reader's JSON API, written by hand. The test
suite walks it and checks that every documented parameter rejects bad values.
Export formats come from their registry (mapapp.readermap.exports.formats)."""
from mapapp.readermap.exports import FORMATS

VIEW_PARAMETERS = [
    {"name": "start", "in": "query", "schema": {"type": "string", "format": "date"},
     "description": "First day of the time window (YYYY-MM-DD)."},
    {"name": "end", "in": "query", "schema": {"type": "string", "format": "date"},
     "description": "Last day of the time window (YYYY-MM-DD); not before start."},
    {"name": "basis", "in": "query", "schema": {"type": "string", "enum": ["event", "published"]},
     "description": "Whether the window applies to the date a passage is about (event, the "
                    "default; spans overlap the window) or to the article's publication date."},
    {"name": "bbox", "in": "query", "schema": {"type": "string", "example": "30,30,45,40"},
     "description": "Map bounds west,south,east,north in degrees."},
    {"name": "source", "in": "query", "schema": {"type": "array", "items": {"type": "string",
                                                                           "maxLength": 200}},
     "style": "form", "explode": True, "description": "Outlets to keep (repeat the parameter)."},
    {"name": "country", "in": "query", "schema": {"type": "string", "example": "SY,IQ"},
     "description": "ISO 3166-1 alpha-2 country codes, comma separated."},
    {"name": "kind", "in": "query",
     "schema": {"type": "string", "example": "city,region"},
     "description": "Kinds of place: country, region, city, other; comma separated."},
    {"name": "review", "in": "query", "schema": {"type": "string", "example": "confirmed"},
     "description": "Review states: machine, confirmed, corrected; comma separated."},
    {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200},
     "description": "Words that must appear in the passage (case-insensitive)."},
]

ERROR = {"description": "A parameter is malformed; `error` says which and why.",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _get(summary: str, parameters: list, content_type: str = "application/json") -> dict:
    return {"get": {"summary": summary, "parameters": parameters, "responses": {
        "200": {"description": "OK", "content": {content_type: {}}}, "400": ERROR}}}


def _export() -> dict:
    formats = "; ".join(f"{f.name}: {f.summary}" for f in FORMATS.values())
    item = _get(
        f"Exactly what the view selects (records per mention: at most 100,000). {formats}.",
        [{"name": "format", "in": "path", "required": True,
          "schema": {"type": "string", "enum": list(FORMATS)}},
         *VIEW_PARAMETERS],
    )
    item["get"]["responses"]["200"]["content"] = {f.media_type: {} for f in FORMATS.values()}
    return item


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Conflict map API", "version": "1",
                 "description": "Places named in news reports, the passages behind them and "
                                "the dates those passages are about."},
        "paths": {
            "/api/places": _get(
                "Places the view selects with mention counts (GeoJSON). With zoom: clusters "
                "for that zoom, plus `places` (the most mentioned in view) and `totals`.",
                [*VIEW_PARAMETERS,
                 {"name": "zoom", "in": "query",
                  "schema": {"type": "integer", "minimum": 0, "maximum": 18}}],
                "application/geo+json",
            ),
            "/api/places/{place_id}/mentions": _get(
                "Passages about one place under the view, newest event first, 20 a page.",
                [{"name": "place_id", "in": "path", "required": True,
                  "schema": {"type": "integer"}},
                 *VIEW_PARAMETERS,
                 {"name": "page", "in": "query",
                  "schema": {"type": "integer", "minimum": 1, "maximum": 100000}}],
            ),
            "/api/timeline": _get(
                "Mentions over time under the view (ignoring its window): counts per bin for "
                "day dates, spans for months, years and ranges.",
                [*VIEW_PARAMETERS,
                 {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                 {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                 {"name": "bins", "in": "query",
                  "schema": {"type": "integer", "minimum": 1, "maximum": 400}}],
            ),
            "/api/facets": _get("Values the filters offer.", []),
            "/api/basemap.geojson": _get("Country outlines (offline basemap).", [],
                                         "application/geo+json"),
            "/api/export.{format}": _export(),
        },
        "components": {"schemas": {"Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "string"}}}}},
    }
