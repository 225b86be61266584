"""The OpenAPI 3.1 description of the reader's JSON API, written by hand. The test
suite walks it and checks that every documented parameter rejects bad values.
Export formats come from their registry (mapapp.readermap.exports.formats)."""
from mapapp.events.models import Event
from mapapp.events.taxonomy import TYPE_VALUES
from mapapp.readermap.exports import FORMATS
from mapapp.readermap.params import LAYERS

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
    {"name": "trust", "in": "query", "schema": {"type": "string", "example": "verified,sure"},
     "description": "Trust levels to keep, comma separated (default all): verified (an editor "
                    "confirmed or corrected it), sure (machine confidence at or above the "
                    "deployment's threshold), unsure (below it; never shown when the deployment "
                    "hides unsure mentions until reviewed)."},
    {"name": "areas", "in": "query", "schema": {"type": "string", "enum": ["hide", "show"]},
     "description": "Countries and world areas (continents, oceans, 'the Middle East'): hide "
                    "(the map's default) leaves them out of the features and lists them in "
                    "`areas`; show makes countries features with area: true. World areas are "
                    "never features. Exports default to show."},
    {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200},
     "description": "Words that must appear in the passage (case-insensitive)."},
]

PAGE = {"name": "page", "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100000}}

TRUST_COUNTS = {name: {"type": "integer", "description": f"Mentions in view that are {name}."}
                for name in ("verified", "sure", "unsure")}

PLACE = {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"},
    "kind": {"type": "string", "enum": ["country", "region", "city", "other"]},
    "country_code": {"type": "string"}, "admin1": {"type": "string"},
    "latitude": {"type": "number"}, "longitude": {"type": "number"},
    "mentions": {"type": "integer"}, **TRUST_COUNTS,
    "area": {"type": "boolean", "description": "A country or a world area."}}}

MEMBER = {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"type": "string"},
    "mentions": {"type": "integer"}}}

CLUSTER = {"type": "object", "properties": {
    "cluster": {"const": True}, "id": {"type": "string"}, "kind": {"type": "string"},
    "mentions": {"type": "integer"}, "places": {"type": "integer"},
    "bounds": {"type": "array", "items": {"type": "number"},
               "description": "west, south, east, north"},
    "members": {"type": "array", "items": MEMBER, "maxItems": 50,
                "description": "Present when all members share one point (or at zoom 18): "
                               "the places to spread apart, most mentioned first."}}}

AREA = {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "kind": {"type": "string"},
    "country_code": {"type": "string"}, "mentions": {"type": "integer"}}}

MENTION = {"type": "object", "properties": {
    "id": {"type": "integer"}, "surface": {"type": "string"}, "passage": {"type": "string"},
    "highlight": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
    "event_date": {"type": ["string", "null"], "format": "date"},
    "event_date_end": {"type": ["string", "null"], "format": "date"},
    "date_precision": {"type": "string", "description": "day, month, year, range..."},
    "date_source": {"type": "string"}, "date_expression": {"type": "string"},
    "review": {"type": "string"},
    "trust": {"type": "string", "enum": ["verified", "sure", "unsure"]},
    "confidence": {"type": "number", "description": "Probability of being right, 2 decimals."},
    "article": {"type": "object", "properties": {
        "id": {"type": "integer"}, "title": {"type": "string"}, "source": {"type": "string"},
        "url": {"type": "string"}, "published_at": {"type": ["string", "null"]}}}}}

FEED_MENTION = {"allOf": [MENTION, {"type": "object", "properties": {"place": {
    "type": "object", "properties": {k: PLACE["properties"][k] for k in (
        "id", "name", "kind", "country_code", "latitude", "longitude")}}}}]}

SPAN = {"type": "object", "properties": {"start": {"type": ["string", "null"], "format": "date"},
                                         "end": {"type": ["string", "null"], "format": "date"}}}
FOLD = {"type": "object", "properties": {
    "count": {"type": "integer"}, "first": {"type": ["string", "null"], "format": "date"},
    "last": {"type": ["string", "null"], "format": "date"}}}

# The view parameters the events layer applies (mapapp.events.selectors).
EVENT_VIEW_PARAMETERS = ("start", "end", "basis", "bbox", "source", "country", "kind", "q")

EVENT_FILTER_PARAMETERS = [
    {"name": "type", "in": "query",
     "schema": {"type": "string", "example": "battles,protests"},
     "description": "Event types, comma separated: " + ", ".join(TYPE_VALUES) + "."},
    {"name": "min_sources", "in": "query",
     "schema": {"type": "integer", "minimum": 1, "maximum": 1000},
     "description": "Only events reported by at least this many outlets (default 1)."},
]

LAYER = {"name": "layer", "in": "query", "schema": {"type": "string", "enum": list(LAYERS)},
         "description": "mentions (the default): passages naming places, under every view "
                        "parameter; events: events, under the view parameters the events "
                        "layer applies (" + ", ".join(EVENT_VIEW_PARAMETERS) + ") and `type` "
                        "and `min_sources` (checked with either layer, applied to events)."}

EVENT = {"type": "object", "properties": {
    "id": {"type": "integer"},
    "type": {"type": "string", "enum": list(TYPE_VALUES)},
    "label": {"type": "string"}, "icon": {"type": "string"},
    "place": {"type": "object", "properties": {k: PLACE["properties"][k] for k in (
        "id", "name", "kind", "country_code", "admin1", "latitude", "longitude")}},
    "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
    "precision": {"type": "string", "enum": list(Event.Precision.values)},
    "first_reported": {"type": ["string", "null"], "format": "date-time",
                       "description": "The earliest publication of a passage that reports it."},
    "sources": {"type": "integer", "description": "Distinct outlets reporting it (published)."},
    "passages": {"type": "integer", "description": "Published passages reporting it."},
    "edited": {"type": "boolean", "description": "An editor retyped, moved, merged or split it."}}}

EVENT_PASSAGE = {"type": "object", "description": "A passage reporting the event, with its provenance.",
                 "properties": {
    "id": {"type": "integer"}, "surface": {"type": "string"},
    "place_start": {"type": "integer", "description": "Offset of the place name in the article."},
    "place_end": {"type": "integer"},
    "passage": {"type": ["object", "null"], "properties": {
        "text": {"type": "string"},
        "start": {"type": "integer", "description": "Offset of the passage in the article."},
        "end": {"type": "integer"},
        "highlight": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2,
                      "description": "The place name's offsets within the passage text."}}},
    "score": {"type": "number"}, "type": {"type": "string"},
    "cues": {"type": "array", "items": {"type": "string"}, "description": "The words that decided."},
    "event_date": {"type": ["string", "null"], "format": "date"},
    "article": MENTION["properties"]["article"]}}

EVENT_DETAIL = {"allOf": [EVENT, {"type": "object", "properties": {"sources_detail": {
    "type": "array", "description": "Passages grouped by source, sources in the order they "
                                    "first reported it, each source's oldest first.",
    "items": {"type": "object", "properties": {
        "source": {"type": "string"}, "passages": {"type": "array", "items": EVENT_PASSAGE}}}}}}]}

FEED_EVENT = {"allOf": [EVENT, {"type": "object", "properties": {
    "first_passage": {"oneOf": [EVENT_PASSAGE, {"type": "null"}]}}}]}

ERROR = {"description": "A parameter is malformed; `error` says which and why.",
         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _get(summary: str, parameters: list, content_type: str = "application/json",
         schema: dict | None = None) -> dict:
    content = {"schema": schema} if schema else {}
    return {"get": {"summary": summary, "parameters": parameters, "responses": {
        "200": {"description": "OK", "content": {content_type: content}}, "400": ERROR}}}


def _paged(results: dict) -> dict:
    return {"type": "object", "properties": {
        "count": {"type": "integer"}, "page": {"type": "integer"}, "pages": {"type": "integer"},
        "results": {"type": "array", "items": results}}}


def _export() -> dict:
    mentions = "; ".join(f"{f.name}: {f.mentions.summary}" for f in FORMATS.values())
    events = "; ".join(f"{f.name}: {f.events.summary}" for f in FORMATS.values())
    item = _get(
        f"Exactly what the view selects. layer=mentions (the default; records per mention: at "
        f"most 100,000): {mentions}. layer=events (at most 20,000 events, best sourced first; "
        f"each passage with its article id, title, source, url, publication and the offsets "
        f"of the place): {events}.",
        [{"name": "format", "in": "path", "required": True,
          "schema": {"type": "string", "enum": list(FORMATS)}},
         *VIEW_PARAMETERS, LAYER, *EVENT_FILTER_PARAMETERS],
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
                "Places the view selects with mention counts, in all and by trust (GeoJSON; "
                "each feature's properties are a place, or with zoom a cluster). With zoom: "
                "clusters for that zoom (places at one point always share a cluster listing "
                "its `members`), plus `places` (the 100 most mentioned in view). Always "
                "`areas` (countries and world areas by mentions, at most 50) and `totals` "
                "(mentions and places drawn, area_mentions).",
                [*VIEW_PARAMETERS,
                 {"name": "zoom", "in": "query",
                  "schema": {"type": "integer", "minimum": 0, "maximum": 18}}],
                "application/geo+json",
                {"type": "object", "properties": {
                    "type": {"const": "FeatureCollection"},
                    "features": {"type": "array", "items": {"type": "object", "properties": {
                        "properties": {"oneOf": [PLACE, CLUSTER]}}}},
                    "places": {"type": "array", "items": PLACE},
                    "areas": {"type": "array", "items": AREA, "maxItems": 50},
                    "totals": {"type": "object", "properties": {
                        "mentions": {"type": "integer"}, "places": {"type": "integer"},
                        "area_mentions": {"type": "integer"}}}}},
            ),
            "/api/places/{place_id}/mentions": _get(
                "Passages about one place under the view (whatever `areas` says), newest "
                "event first, 20 a page.",
                [{"name": "place_id", "in": "path", "required": True,
                  "schema": {"type": "integer"}},
                 *VIEW_PARAMETERS, PAGE],
                schema={**_paged(MENTION), "properties": {
                    **_paged(MENTION)["properties"], "place": PLACE}},
            ),
            "/api/feed": _get(
                "The passages of the view (the map's selection: window, bbox if given, "
                "filters, areas), newest first by event date then publication date, 20 a "
                "page, each with its place. With layer=events: the events the view, `type` "
                "and `min_sources` select (as /api/events), newest first by start then first "
                "report, 20 a page, each with its first published passage and provenance.",
                [*VIEW_PARAMETERS, PAGE, LAYER, *EVENT_FILTER_PARAMETERS],
                schema={"oneOf": [_paged(FEED_MENTION), _paged(FEED_EVENT)]},
            ),
            "/api/timeline": _get(
                "Mentions over time under the view (ignoring its window): counts per bin for "
                "day dates, spans for months, years and ranges. `bulk` is the span without "
                "outliers (the shortest span holding 95 % of the mentions, widened by half "
                "its length, at least 30 days) and the axis when from/to are not given; "
                "`earlier`/`later` count the mentions wholly outside it; `default_window` is "
                "the shortest span holding 80 %, at least 30 days, inside the bulk.",
                [*VIEW_PARAMETERS,
                 {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                 {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                 {"name": "bins", "in": "query",
                  "schema": {"type": "integer", "minimum": 1, "maximum": 400}}],
                schema={"type": "object", "properties": {
                    "basis": {"type": "string"}, "start": SPAN["properties"]["start"],
                    "end": SPAN["properties"]["end"], "bin_days": {"type": "integer"},
                    "counts": {"type": "array", "items": {"type": "integer"}},
                    "spans": {"type": "array", "items": {"type": "object"}},
                    "default_window": SPAN, "bulk": SPAN, "earlier": FOLD, "later": FOLD}},
            ),
            "/api/events": _get(
                "Events the view selects (GeoJSON, a Point per event, best sourced first; "
                "mapapp/events/api.py), with `totals` and the event `types`.",
                [*(p for p in VIEW_PARAMETERS if p["name"] in EVENT_VIEW_PARAMETERS),
                 *EVENT_FILTER_PARAMETERS],
                "application/geo+json",
                {"type": "object", "properties": {
                    "type": {"const": "FeatureCollection"},
                    "features": {"type": "array", "items": {"type": "object", "properties": {
                        "properties": EVENT}}},
                    "totals": {"type": "object", "properties": {"events": {"type": "integer"}}},
                    "types": {"type": "array", "items": {"type": "object", "properties": {
                        "value": {"type": "string"}, "label": {"type": "string"},
                        "icon": {"type": "string"}, "description": {"type": "string"}}}}}},
            ),
            "/api/events/{event_id}": _get(
                "One event with its published passages grouped by source, each with its "
                "article and offsets.",
                [{"name": "event_id", "in": "path", "required": True,
                  "schema": {"type": "integer"}}],
                schema=EVENT_DETAIL,
            ),
            "/api/facets": _get(
                "Values the filters offer: sources (strings), countries ({code, name} by "
                "name), kinds, reviews and trusts ({value, label}).", []),
            "/api/basemap.geojson": _get("Country outlines (offline basemap).", [],
                                         "application/geo+json"),
            "/api/export.{format}": _export(),
        },
        "components": {"schemas": {"Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "string"}}}}},
    }
