"""The public map page and the JSON API behind it."""
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from mapapp import selectors
from mapapp.models import Mention, Place
from mapapp.params import BadParameter, date_param, int_param

PAGE_SIZE = 20


@require_GET
def map_page(request: HttpRequest):
    bounds = selectors.timeline_bounds()
    return render(
        request,
        "mapapp/map.html",
        {
            "timeline_start": bounds.start.isoformat() if bounds.start else "",
            "timeline_end": bounds.end.isoformat() if bounds.end else "",
            "tiles_url": settings.MAP_TILES_URL,
            "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
        },
    )


def _window(request: HttpRequest) -> selectors.Window:
    window = selectors.Window(
        start=date_param(request.GET, "start"), end=date_param(request.GET, "end")
    )
    if window.start and window.end and window.start > window.end:
        raise BadParameter("'start' must not be after 'end'.")
    return window


def _bad_request(error: BadParameter) -> JsonResponse:
    return JsonResponse({"error": str(error)}, status=400)


@require_GET
def api_places(request: HttpRequest) -> JsonResponse:
    """GeoJSON FeatureCollection of the places mentioned in the time window."""
    try:
        window = _window(request)
    except BadParameter as error:
        return _bad_request(error)
    features = [
        {
            "type": "Feature",
            "id": place["id"],
            "geometry": {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]},
            "properties": {k: v for k, v in place.items() if k not in ("latitude", "longitude")},
        }
        for place in selectors.places_with_counts(window)
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


@require_GET
def api_place_mentions(request: HttpRequest, place_id: int) -> JsonResponse:
    """The passages that mention one place in the window, newest first, paged."""
    try:
        window = _window(request)
        page_number = int_param(request.GET, "page", 1, low=1, high=100_000)
    except BadParameter as error:
        return _bad_request(error)
    place = get_object_or_404(Place, pk=place_id)
    paginator = Paginator(selectors.place_mentions(place.pk, window), PAGE_SIZE)
    page = paginator.get_page(page_number)
    return JsonResponse(
        {
            "place": {"id": place.pk, "name": place.name, "kind": place.kind,
                      "country_code": place.country_code, "admin1": place.admin1},
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "results": [_mention_json(m) for m in page.object_list],
        }
    )


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
        "article": {
            "id": article.pk,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published_at": article.published_at.isoformat() if article.published_at else None,
        },
    }
