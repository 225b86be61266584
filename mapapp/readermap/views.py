"""The public map page and the JSON API behind it. Views parse parameters
(mapapp.readermap.params), ask selectors and the map index, and shape the answer."""
import json
import math
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from mapapp.events.selectors import events_published_exist
from mapapp.events.taxonomy import EVENT_TYPES
from mapapp.models import Mention, Place
from mapapp.readermap import basemap, event_reports, queries, selectors, timeline, trust
from mapapp.readermap.exports import FORMATS, UnknownExportFormat, export_format, export_rows
from mapapp.readermap.index import map_index
from mapapp.readermap.params import BadParameter, date_param, int_param, layer_param, view_param

PAGE_SIZE = 20
PLACE_LIST_SIZE = 100
AREA_LIST_SIZE = 50
MAX_ZOOM = 18
# The filters' names for kinds of place (the model's labels are the editors').
KIND_LABELS = {Place.Kind.CITY: "Towns and sites", Place.Kind.REGION: "Regions",
               Place.Kind.COUNTRY: "Countries", Place.Kind.OTHER: "Other"}


def api_endpoint(view_function):
    """A GET-only JSON endpoint whose BadParameter becomes a 400 with the message."""

    @require_GET
    @wraps(view_function)
    def wrapper(request: HttpRequest, *args, **kwargs):
        try:
            return view_function(request, *args, **kwargs)
        except BadParameter as error:
            return JsonResponse({"error": str(error)}, status=400)

    return wrapper


def _iso(day) -> str | None:
    return day.isoformat() if day else None


@require_GET
def map_page(request: HttpRequest):
    """The map page; its configuration carries the timeline's frame for the default view
    (dataStart/dataEnd: the bulk of the dates; defaultStart/defaultEnd: the default
    window; timeline.time_frame), so the first paint already shows where the news is,
    and whether any event is published (hasEvents: the events layer is the default)."""
    index = map_index()
    frame = timeline.time_frame(*timeline.view_days(
        index, queries.mention_mask(index, queries.View(), use_window=False), "event"))
    config = {
        "placesUrl": reverse("mapapp:api-places"),
        "mentionsUrl": reverse("mapapp:api-place-mentions", args=[0]),
        "feedUrl": reverse("mapapp:api-feed"),
        "timelineUrl": reverse("mapapp:api-timeline"),
        "facetsUrl": reverse("mapapp:api-facets"),
        "basemapUrl": reverse("mapapp:api-basemap"),
        "exportUrl": reverse("mapapp:api-export", args=["geojson"]),
        "exportUrls": {name: reverse("mapapp:api-export", args=[name]) for name in FORMATS},
        "tilesUrl": settings.MAP_TILES_URL,
        "tilesAttribution": settings.MAP_TILES_ATTRIBUTION,
        "dataStart": _iso(frame and frame.bulk_start),
        "dataEnd": _iso(frame and frame.bulk_end),
        "defaultStart": _iso(frame and frame.default_start),
        "defaultEnd": _iso(frame and frame.default_end),
        "showUnsure": trust.unsure_shown(),
        "eventsUrl": reverse("mapapp:api-events"),
        "eventUrl": reverse("mapapp:api-event", args=[0]),
        # The map opens on the events layer once there are events to show.
        "hasEvents": events_published_exist(),
    }
    return render(
        request,
        "mapapp/map.html",
        {
            "timeline_start": config["dataStart"] or "",
            "timeline_end": config["dataEnd"] or "",
            "map_config": config,
            "export_formats": list(FORMATS.values()),
            "event_types": list(EVENT_TYPES.values()),
            "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
        },
    )


def _feature(marker: dict) -> dict:
    properties = {k: v for k, v in marker.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": marker["id"],
        "geometry": {"type": "Point", "coordinates": [marker["longitude"], marker["latitude"]]},
        "properties": properties,
    }


@api_endpoint
def api_places(request: HttpRequest) -> JsonResponse:
    """GeoJSON FeatureCollection of the places the view selects, each with its number
    of mentions (in all and by trust). With `zoom`, nearby places are grouped into
    clusters for that zoom and the answer also lists the most mentioned places in view
    (`places`). Countries and world areas are features only as `areas` allows
    (queries.drawn_places); `areas` always lists them with their counts."""
    view = view_param(request.GET)
    zoom = int_param(request.GET, "zoom", -1, low=0, high=MAX_ZOOM)
    index = map_index()
    view = selectors.view_resolved(view, index)
    # One pass over the mentions, areas included; the areas rule is per place.
    every = queries.place_counts(index, queries.mention_mask(index, view, areas=False))
    counts = every.only(queries.drawn_places(index, view))
    body: dict = {"type": "FeatureCollection"}
    if zoom < 0:
        body["features"] = [_feature(p) for p in queries.places_ranked(index, counts)]
    else:
        markers = queries.clusters(index, counts, zoom, max_zoom=MAX_ZOOM)
        body["features"] = [_feature(m) for m in markers]
        body["places"] = queries.places_ranked(index, counts, limit=PLACE_LIST_SIZE)
    body["areas"] = queries.areas_ranked(index, every, limit=AREA_LIST_SIZE)
    body["totals"] = {"mentions": int(counts.total.sum()), "places": int((counts.total > 0).sum()),
                      "area_mentions": queries.area_mentions(index, every)}
    return JsonResponse(body)


@api_endpoint
def api_place_mentions(request: HttpRequest, place_id: int) -> JsonResponse:
    """The passages that mention one place under the view, newest first, paged."""
    view = view_param(request.GET)
    page_number = int_param(request.GET, "page", 1, low=1, high=100_000)
    # Only a place that a published article names exists for readers: any other id
    # (a draft's place, an editor's point on a draft, no place at all) is a 404.
    index = map_index()
    at = index.place_index(place_id)
    if at is None:
        raise Http404("No such place on the map.")
    place = get_object_or_404(Place, pk=place_id)
    # The index picks the page's mentions (the same ones the map counts); only those
    # twenty rows are read from the database.
    ids, count = selectors.view_mention_ids(
        view, index, place_id=place.pk, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE
    )
    pages = max(1, math.ceil(count / PAGE_SIZE))
    if page_number > pages:
        page_number = pages
        ids, count = selectors.view_mention_ids(
            view, index, place_id=place.pk, limit=PAGE_SIZE, offset=(pages - 1) * PAGE_SIZE
        )
    return JsonResponse(
        {
            "place": {**_place_json(place), "admin1": place.admin1,
                      "area": bool(index.place_area[at])},
            "count": count,
            "page": page_number,
            "pages": pages,
            "results": [_mention_json(m) for m in selectors.mentions_by_ids(ids)],
        }
    )


@api_endpoint
def api_feed(request: HttpRequest) -> JsonResponse:
    """The passages the view selects (the map's mask: window, bounds if given, filters,
    areas), newest first by event date, then publication date; 20 a page, each with
    its place. With `layer=events`, the events instead (_events_feed)."""
    view = view_param(request.GET)
    page_number = int_param(request.GET, "page", 1, low=1, high=100_000)
    chosen = event_reports.event_filter_param(request.GET)
    if layer_param(request.GET) == "events":
        return _events_feed(view, chosen, page_number)
    index = map_index()
    ids, count = selectors.view_mention_ids(
        view, index, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
    pages = max(1, math.ceil(count / PAGE_SIZE))
    if page_number > pages:
        page_number = pages
        ids, count = selectors.view_mention_ids(
            view, index, limit=PAGE_SIZE, offset=(pages - 1) * PAGE_SIZE)
    return JsonResponse({
        "count": count,
        "page": page_number,
        "pages": pages,
        "results": [{**_mention_json(m), "place": _place_json(m.place)}
                    for m in selectors.mentions_by_ids(ids)],
    })


def _events_feed(view: queries.View, chosen, page_number: int) -> JsonResponse:
    """The events the view and `chosen` select (as /api/events does), newest first, 20 a
    page, each as /api/events gives it with `first_passage`: the first published
    passage that reports it, with its provenance."""
    events = event_reports.events_newest_first(view, chosen)
    count = events.count()
    pages = max(1, math.ceil(count / PAGE_SIZE))
    page_number = min(page_number, pages)
    shown = list(events[(page_number - 1) * PAGE_SIZE:page_number * PAGE_SIZE])
    first = event_reports.first_passages(shown)
    return JsonResponse({
        "count": count,
        "page": page_number,
        "pages": pages,
        "results": [{**event_reports.event_json(e),
                     "first_passage": (event_reports.passage_json(first[e.pk])
                                       if e.pk in first else None)}
                    for e in shown],
    })


def _place_json(place: Place) -> dict:
    return {"id": place.pk, "name": place.name, "kind": place.kind,
            "country_code": place.country_code, "latitude": place.latitude,
            "longitude": place.longitude}


@api_endpoint
def api_timeline(request: HttpRequest) -> JsonResponse:
    """Mentions over time for the view (all of its choices but the window): counts per
    bin for day-precise dates, and spans for months, years and ranges; with the frame of
    timeline.time_frame: the default window, the bulk (the axis when no from/to is given)
    and the mentions folded before and after it."""
    view = view_param(request.GET)
    axis_start, axis_end = date_param(request.GET, "from"), date_param(request.GET, "to")
    if axis_start and axis_end and axis_start > axis_end:
        raise BadParameter("'from' must not be after 'to'.")
    bins = int_param(request.GET, "bins", 120, low=1, high=timeline.MAX_TIMELINE_BINS)
    index = map_index()
    result = timeline.timeline(
        index, selectors.view_resolved(view, index),
        axis_start=axis_start, axis_end=axis_end, bins=bins,
    )
    if result is None:
        none = {"start": None, "end": None}
        return JsonResponse({"basis": view.basis, "start": None, "end": None,
                             "bin_days": 1, "counts": [], "spans": [],
                             "default_window": none, "bulk": none,
                             "earlier": _fold_json(timeline.Fold()),
                             "later": _fold_json(timeline.Fold())})
    frame = result.frame
    return JsonResponse({
        "basis": view.basis,
        "start": result.start.isoformat(),
        "end": result.end.isoformat(),
        "bin_days": result.bin_days,
        "counts": result.counts,
        "spans": result.spans,
        "default_window": {"start": _iso(frame.default_start), "end": _iso(frame.default_end)},
        "bulk": {"start": _iso(frame.bulk_start), "end": _iso(frame.bulk_end)},
        "earlier": _fold_json(frame.earlier),
        "later": _fold_json(frame.later),
    })


def _fold_json(fold: timeline.Fold) -> dict:
    return {"count": fold.count, "first": _iso(fold.first), "last": _iso(fold.last)}


@api_endpoint
def api_facets(request: HttpRequest) -> JsonResponse:
    """The values the filters offer: sources, countries (code and name, by name), kinds of
    place, review states and trust levels, each with a label for readers."""
    index = map_index()
    names = basemap.country_names()
    countries = [{"code": c, "name": names.get(c, c)} for c in index.countries if c]
    return JsonResponse({
        "sources": [s for s in index.sources if s],
        "countries": sorted(countries, key=lambda c: (c["name"].casefold(), c["code"])),
        "kinds": [{"value": v, "label": KIND_LABELS[v]} for v in KIND_LABELS],
        "trusts": [{"value": v, "label": trust.TRUST_LABELS[v]} for v in trust.trusts_shown()],
        "reviews": [{"value": v, "label": str(label)} for v, label in Mention.Review.choices
                    if v != Mention.Review.REJECTED],
    })


@api_endpoint
def api_basemap(request: HttpRequest) -> HttpResponse:
    """Country outlines as GeoJSON, from a package: the map shows land and borders
    even when no tile server can be reached."""
    response = HttpResponse(basemap.countries_geojson(), content_type="application/geo+json")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def api_openapi(request: HttpRequest) -> HttpResponse:
    """The OpenAPI 3.1 description of this API."""
    from mapapp.readermap.openapi import openapi_document

    return HttpResponse(json.dumps(openapi_document(), indent=1), content_type="application/json")


def _mention_json(mention: Mention) -> dict:
    article = mention.article
    start, end = mention.highlight
    return {
        "id": mention.pk,
        "surface": mention.surface,
        "passage": mention.passage,
        "highlight": [start, end],
        "event_date": mention.event_date.isoformat() if mention.event_date else None,
        "event_date_end": mention.event_date_end.isoformat() if mention.event_date_end else None,
        "date_precision": mention.date_precision,
        "date_source": mention.date_source,
        "date_expression": mention.date_expression,
        "review": mention.review,
        "trust": trust.mention_trust(review=mention.review, confidence=mention.confidence),
        "confidence": round(mention.confidence, 2),
        "article": {
            "id": article.pk,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published_at": article.published_at.isoformat() if article.published_at else None,
        },
    }


MAX_EXPORT_MENTIONS = 100_000
MAX_EXPORT_PLACES = 2_000
MAX_EXPORT_EVENTS = 20_000
# folium takes about 2 ms a marker: the offline map draws the best sourced events only.
MAX_EXPORT_EVENT_MARKERS = 2_000


@api_endpoint
def api_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Exactly what the view selects, in one of the formats of mapapp.readermap.exports.formats:
    a record per mention (streamed), or a standalone offline HTML map (a marker per place).
    Unlike the map, an export keeps countries unless asked `areas=hide` (areas=show by
    default): it holds every mention the map draws or counts as a country; world areas
    (a continent, an ocean) are never a point, on the map or in an export.
    With `layer=events`, the events the view selects instead (_events_export)."""
    try:
        chosen = export_format(fmt)
    except UnknownExportFormat as error:
        raise BadParameter(str(error)) from None
    view = view_param(request.GET, areas_default="show")
    event_filter = event_reports.event_filter_param(request.GET)
    if layer_param(request.GET) == "events":
        return _events_export(chosen, view, event_filter)
    writer = chosen.mentions
    index = map_index()
    if writer.page:
        resolved = selectors.view_resolved(view, index)
        counts = queries.place_counts(index, queries.mention_mask(index, resolved))
        places = queries.places_ranked(index, counts, limit=MAX_EXPORT_PLACES)
        page = writer.write(places, title="Conflict map export",
                            description=_describe(view, int(counts.total.sum())))
        response = HttpResponse(page, content_type=chosen.media_type)
    else:
        ids, total = selectors.view_mention_ids(view, index, limit=MAX_EXPORT_MENTIONS)
        if total > MAX_EXPORT_MENTIONS:
            raise BadParameter(
                f"This view holds {total} mentions; exports hold at most "
                f"{MAX_EXPORT_MENTIONS}. Narrow the time window, the map or the filters."
            )
        rows = export_rows(selectors.mentions_by_ids(ids))
        response = StreamingHttpResponse(writer.write(rows), content_type=chosen.media_type)
        response["X-Total-Count"] = str(total)
    response["Content-Disposition"] = f'attachment; filename="conflict-map.{chosen.name}"'
    return response


def _events_export(chosen, view: queries.View, event_filter) -> HttpResponse:
    """The events the view and `event_filter` select, as /api/events does (best sourced
    first), each with every published passage that reports it and its provenance."""
    events = event_reports.events_selected(view, event_filter, limit=MAX_EXPORT_EVENTS + 1)
    if len(events) > MAX_EXPORT_EVENTS:
        raise BadParameter(
            f"This view holds more than {MAX_EXPORT_EVENTS} events, the most an export holds. "
            f"Narrow the time window, the map or the filters."
        )
    writer = chosen.events
    if writer.page:
        reports = event_reports.event_reports(events[:MAX_EXPORT_EVENT_MARKERS])
        what = "events" if len(reports) == len(events) else f"best sourced of {len(events)} events"
        page = writer.write(reports, title="Conflict map export: events",
                            description=_describe(view, len(reports), what))
        response = HttpResponse(page, content_type=chosen.media_type)
    else:
        reports = event_reports.event_reports(events)
        response = StreamingHttpResponse(writer.write(reports), content_type=chosen.media_type)
    response["X-Total-Count"] = str(len(events))
    response["Content-Disposition"] = f'attachment; filename="conflict-map-events.{chosen.name}"'
    return response


def _describe(view: queries.View, count: int, what: str = "mentions") -> str:
    window = f"{view.start or 'the beginning'} to {view.end or 'today'}"
    return f"{count} {what}, {view.basis} dates from {window}"
