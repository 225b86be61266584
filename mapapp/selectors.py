"""Reads for the public map: which places to draw for a time window, and the
passages behind each. Only published articles' mentions reach readers."""
import dataclasses
import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max, Min, QuerySet

from mapapp.mapindex import MapIndex
from mapapp.mapquery import View, mention_mask
from mapapp.models import Article, Mention, Place


@dataclass(frozen=True)
class Window:
    """A closed range of event dates; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None


def mentions_visible() -> QuerySet[Mention]:
    """Mentions a reader may see: from published articles, resolved to a place, not
    rejected by an editor, and not mere demonyms ("Syrian")."""
    return Mention.objects.filter(
        article__publication=Article.Publication.PUBLISHED,
        place__isnull=False,
        is_demonym=False,
    ).exclude(review=Mention.Review.REJECTED)


def mentions_in_window(window: Window) -> QuerySet[Mention]:
    mentions = mentions_visible()
    if window.start is not None:
        mentions = mentions.filter(event_date_end__gte=window.start)
    if window.end is not None:
        mentions = mentions.filter(event_date__lte=window.end)
    return mentions


def places_with_counts(window: Window) -> list[dict]:
    """Each place mentioned in the window with its number of mentions, most first."""
    rows = (
        mentions_in_window(window)
        .values("place_id")
        .annotate(mentions=Count("id"))
        .order_by("-mentions", "place_id")
    )
    counts = {row["place_id"]: row["mentions"] for row in rows}
    places = Place.objects.filter(pk__in=counts).only(
        "id", "name", "kind", "country_code", "admin1", "latitude", "longitude"
    )
    result = [
        {
            "id": place.pk,
            "name": place.name,
            "kind": place.kind,
            "country_code": place.country_code,
            "admin1": place.admin1,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "mentions": counts[place.pk],
        }
        for place in places
    ]
    result.sort(key=lambda p: (-p["mentions"], p["name"]))
    return result


def place_mentions(place_id: int, window: Window) -> QuerySet[Mention]:
    """The passages about one place in the window, newest event first."""
    return (
        mentions_in_window(window)
        .filter(place_id=place_id)
        .select_related("article")
        .order_by("-event_date", "-article__published_at", "article_id", "start")
    )


def timeline_bounds() -> Window:
    """The earliest and latest event dates a reader can see."""
    bounds = mentions_visible().aggregate(start=Min("event_date"), end=Max("event_date_end"))
    return Window(start=bounds["start"], end=bounds["end"])


# --- Views of the map (time window, bounds, filters) --------------------------------

_TEXT_CACHE_SIZE = 16
_text_cache: dict[tuple[str, str], np.ndarray] = {}


def view_resolved(view: View, index: MapIndex) -> View:
    """The view with its free-text search resolved to mention ids (from the database,
    remembered per map revision: typing the same words again costs nothing)."""
    if not view.text:
        return view
    key = (index.revision, view.text)
    matches = _text_cache.get(key)
    if matches is None:
        ids = mentions_visible().filter(passage__icontains=view.text).values_list("id", flat=True)
        matches = np.sort(np.fromiter(ids.iterator(chunk_size=10_000), dtype=np.int64))
        if len(_text_cache) >= _TEXT_CACHE_SIZE:
            _text_cache.pop(next(iter(_text_cache)))
        _text_cache[key] = matches
    return dataclasses.replace(view, text_matches=matches)


def view_mentions(view: View) -> QuerySet[Mention]:
    """The mentions a view's mention-level choices keep (window on the chosen dates,
    sources, review states, words in the passage), without the place-level ones."""
    mentions = mentions_visible()
    if view.basis == "published":
        if view.start is not None:
            mentions = mentions.filter(article__published_at__date__gte=view.start)
        if view.end is not None:
            mentions = mentions.filter(article__published_at__date__lte=view.end)
    else:
        mentions = mentions_in_window(Window(start=view.start, end=view.end))
    if view.sources:
        mentions = mentions.filter(article__source__in=view.sources)
    if view.reviews:
        mentions = mentions.filter(review__in=view.reviews)
    if view.text:
        mentions = mentions.filter(passage__icontains=view.text)
    return mentions


def place_mentions_in_view(place_id: int, view: View) -> QuerySet[Mention]:
    """Passages about one place under the view, newest event first."""
    return (
        view_mentions(view)
        .filter(place_id=place_id)
        .select_related("article")
        .order_by("-event_date", "-article__published_at", "-article_id", "start")
    )


def view_mention_ids(view: View, index: MapIndex, *, limit: int) -> tuple[list[int], int]:
    """Ids of the mentions the whole view selects (newest event first), at most
    `limit` of them, and how many there are in all."""
    mask = mention_mask(index, view_resolved(view, index))
    selected = np.nonzero(mask)[0]
    order = np.lexsort((-index.mention_id[selected], -index.day_start[selected]))
    chosen = index.mention_id[selected[order[:limit]]]
    return chosen.tolist(), int(selected.size)


def mentions_by_ids(ids: list[int], *, chunk: int = 500):
    """Mentions with their article and place, in the order of `ids`."""
    for offset in range(0, len(ids), chunk):
        part = ids[offset : offset + chunk]
        rows = Mention.objects.filter(pk__in=part).select_related("article", "place")
        found = {m.pk: m for m in rows}
        yield from (found[i] for i in part if i in found)
