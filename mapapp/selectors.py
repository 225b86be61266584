"""Reads for the public map: which places to draw for a time window, and the
passages behind each. Only published articles' mentions reach readers."""
import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Min, QuerySet

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
