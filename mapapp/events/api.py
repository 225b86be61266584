"""The events' JSON API (routed in mapapp/readermap/urls.py):

GET /api/events: GeoJSON, a Point per event the view selects. The map's view parameters
(start, end, basis, bbox, source, country, kind, q: words in a passage) and two of
its own: `type` (comma list
of event types) and `min_sources` (reported by at least N outlets, default 1).
GET /api/events/<id>: one event with its passages grouped by source, each with its
provenance (article, offsets). Bad parameters give a 400 with a message."""
from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from mapapp.events import selectors
from mapapp.events.taxonomy import EVENT_TYPES, TYPE_VALUES
from mapapp.readermap.params import int_param, list_param, view_param
from mapapp.readermap.views import api_endpoint

MAX_EVENTS = 5000
MAX_SOURCES = 1000


def event_filter_param(query) -> selectors.EventFilter:
    """The events layer's own choices from the query string."""
    return selectors.EventFilter(
        types=list_param(query, "type", allowed=list(TYPE_VALUES)),
        min_sources=int_param(query, "min_sources", 1, low=1, high=MAX_SOURCES),
    )


@api_endpoint
def api_events(request: HttpRequest) -> JsonResponse:
    """GeoJSON FeatureCollection of the events in view, best sourced first."""
    view = view_param(request.GET)
    chosen = event_filter_param(request.GET)
    events = list(selectors.events_in_view(view, chosen, limit=MAX_EVENTS))
    return JsonResponse({
        "type": "FeatureCollection",
        "features": [event_feature(e) for e in events],
        "totals": {"events": len(events)},
        "types": [{"value": t.value, "label": t.label, "icon": t.icon, "description": t.description}
                  for t in EVENT_TYPES.values()],
    })


@api_endpoint
def api_event(request: HttpRequest, event_id: int) -> JsonResponse:
    """One event and every published passage that reports it, grouped by source."""
    event = selectors.event_published(event_id)
    if event is None:
        raise Http404("No such event on the map.")
    by_source = selectors.event_passages_by_source(event)
    body = event_properties(event)
    body["id"] = event.pk
    body["sources_detail"] = [
        {"source": source, "passages": [passage_json(p) for p in passages]}
        for source, passages in by_source.items()
    ]
    return JsonResponse(body)


def event_properties(event) -> dict:
    """What a reader sees of an event (`event` annotated by the selectors)."""
    kind = EVENT_TYPES[event.event_type]
    place = event.place
    return {
        "type": event.event_type,
        "label": kind.label,
        "icon": kind.icon,
        "place": {"id": place.pk, "name": place.name, "kind": place.kind,
                  "country_code": place.country_code, "admin1": place.admin1,
                  "latitude": place.latitude, "longitude": place.longitude},
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "precision": event.precision,
        "first_reported": _iso(getattr(event, "published_first", None) or event.first_reported),
        "sources": event.sources,
        "passages": event.passages_shown,
        "edited": event.edited,
    }


def event_feature(event) -> dict:
    return {
        "type": "Feature",
        "id": event.pk,
        "geometry": {"type": "Point", "coordinates": [event.place.longitude, event.place.latitude]},
        "properties": {"id": event.pk, **event_properties(event)},
    }


def passage_json(reported: selectors.ReportedPassage) -> dict:
    """One passage with its provenance: the article and the exact offsets."""
    judgement, mention = reported.judgement, reported.mention
    article = judgement.article
    passage = {"text": mention.passage, "start": mention.passage_start,
               "end": mention.passage_start + len(mention.passage),
               "highlight": list(mention.highlight)} if mention is not None else None
    return {
        "id": judgement.pk,
        "surface": judgement.surface,
        "place_start": judgement.start,
        "place_end": judgement.end,
        "passage": passage,
        "score": judgement.score,
        "type": judgement.event_type,
        "cues": judgement.cues,
        "event_date": _iso(judgement.event_date) if judgement.dated else None,
        "article": {"id": article.pk, "title": article.title, "source": article.source,
                    "url": article.url, "published_at": _iso(article.published_at)},
    }


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
