"""Reads of events for readers: the events a map view selects, and one event with its
passages. Only what published articles report counts: an event's sources and passages
are counted over published articles, and an event none of them reports is not shown."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet

from mapapp.events.models import Event, EventPassage
from mapapp.models import Article, Mention

PUBLISHED = Q(passages__article__publication=Article.Publication.PUBLISHED)


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """What a reader chose for the events layer, beside the map's view."""

    types: tuple[str, ...] = ()
    min_sources: int = 1


def events_in_view(view, chosen: EventFilter, *, limit: int) -> QuerySet:
    """The events the view (mapapp.readermap.queries.View) and `chosen` select, each
    annotated with `sources`, `passages` (published ones) and `published_first`, the
    best sourced first."""
    events = Event.objects.select_related("place")
    if view.start or view.end:
        if view.basis == "published":
            if view.start:
                events = events.filter(first_reported__date__gte=view.start)
            if view.end:
                events = events.filter(first_reported__date__lte=view.end)
        else:
            if view.start:
                events = events.filter(end__gte=view.start)
            if view.end:
                events = events.filter(start__lte=view.end)
    if view.bbox is not None:
        box = view.bbox
        events = events.filter(place__latitude__gte=box.south, place__latitude__lte=box.north)
        if box.west <= box.east:
            events = events.filter(place__longitude__gte=box.west, place__longitude__lte=box.east)
        else:
            events = events.filter(Q(place__longitude__gte=box.west) | Q(place__longitude__lte=box.east))
    if view.countries:
        events = events.filter(place__country_code__in=view.countries)
    if view.kinds:
        events = events.filter(place__kind__in=view.kinds)
    if view.sources:
        events = events.filter(passages__article__source__in=view.sources,
                               passages__article__publication=Article.Publication.PUBLISHED)
    if chosen.types:
        events = events.filter(event_type__in=chosen.types)
    if view.text:
        events = events.filter(pk__in=_events_saying(view.text))
    events = events.annotate(
        sources=Count("passages__article__source", filter=PUBLISHED, distinct=True),
        passages_shown=Count("passages", filter=PUBLISHED, distinct=True),
        published_first=Min("passages__article__published_at", filter=PUBLISHED),
    ).filter(passages_shown__gt=0, sources__gte=chosen.min_sources)
    return events.order_by("-sources", "-start", "-pk")[:limit]


def _events_saying(text: str) -> QuerySet:
    """Ids of the events a published passage of which holds `text` (as the map's search
    matches a mention's passage, mapapp.readermap.selectors.view_resolved)."""
    # A judgement is kept by its span: its passage is the mention's at that span.
    saying = Mention.objects.filter(article_id=OuterRef("article_id"), start=OuterRef("start"),
                                    end=OuterRef("end"), passage__icontains=text)
    return (EventPassage.objects.filter(event__isnull=False,
                                        article__publication=Article.Publication.PUBLISHED)
            .filter(Exists(saying)).values("event_id"))


def events_published_exist() -> bool:
    """True when a published article reports at least one event."""
    return EventPassage.objects.filter(
        event__isnull=False, article__publication=Article.Publication.PUBLISHED).exists()


def event_published(event_id: int) -> Event | None:
    """The event, if a published article reports it."""
    return (Event.objects.select_related("place")
            .filter(pk=event_id)
            .annotate(sources=Count("passages__article__source", filter=PUBLISHED, distinct=True),
                      passages_shown=Count("passages", filter=PUBLISHED, distinct=True))
            .filter(passages_shown__gt=0).first())


@dataclass(frozen=True, kw_only=True)
class ReportedPassage:
    """One published passage of an event, with where it comes from."""

    judgement: EventPassage
    mention: Mention | None  # the mention at that span: its passage text and offsets


def event_passages_by_source(event: Event) -> dict[str, list[ReportedPassage]]:
    """The event's published passages grouped by source (outlet), each source's oldest
    first; sources in the order they first reported it."""
    judgements = list(
        EventPassage.objects.filter(event=event, article__publication=Article.Publication.PUBLISHED)
        .select_related("article").order_by("article__published_at", "article_id", "start")
    )
    spans = Q()
    for j in judgements:
        spans |= Q(article_id=j.article_id, start=j.start, end=j.end)
    mentions = {(m.article_id, m.start, m.end): m for m in Mention.objects.filter(spans)} if judgements else {}
    grouped: dict[str, list[ReportedPassage]] = defaultdict(list)
    for j in judgements:
        grouped[j.article.source].append(
            ReportedPassage(judgement=j, mention=mentions.get((j.article_id, j.start, j.end))))
    return dict(grouped)
