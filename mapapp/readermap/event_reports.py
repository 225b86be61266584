"""Events as the feed and the exports give them: the events a view selects, newest first
for the feed, each with its published passages and their provenance, read in bulk (a few
queries for a page or a whole export, not two per event).

The selection itself (window, bounds, filters, type, min_sources, published only) is
mapapp.events.selectors.events_in_view; the JSON shapes are mapapp.events.api's, so an
event looks the same in /api/events/<id>, the feed and a GeoJSON export."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from mapapp.events import selectors as event_selectors
from mapapp.events.models import Event, EventPassage
from mapapp.events.selectors import ReportedPassage
from mapapp.models import Article, Mention


@dataclass(frozen=True, kw_only=True)
class EventReport:
    """An event (annotated by events_in_view: sources, passages_shown, published_first)
    and its published passages grouped by source, sources in the order they first
    reported it, each source's oldest passage first."""

    event: Event
    by_source: dict[str, list[ReportedPassage]]

    def as_json(self) -> dict:
        """The event as /api/events/<id> gives it: its properties and `sources_detail`."""
        return {**event_json(self.event), "sources_detail": [
            {"source": source, "passages": [passage_json(p) for p in passages]}
            for source, passages in self.by_source.items()]}


def event_filter_param(query) -> event_selectors.EventFilter:
    """The events layer's `type` and `min_sources` from the query string, checked as
    /api/events checks them (BadParameter otherwise)."""
    from mapapp.events import api as events_api  # it imports the views, which import this

    return events_api.event_filter_param(query)


def event_json(event: Event) -> dict:
    """The event's properties as /api/events gives them, with its id."""
    from mapapp.events import api as events_api

    return {"id": event.pk, **events_api.event_properties(event)}


def passage_json(reported: ReportedPassage) -> dict:
    """A passage with its provenance as /api/events/<id> gives it."""
    from mapapp.events import api as events_api

    return events_api.passage_json(reported)


def events_selected(view, chosen: event_selectors.EventFilter, *, limit: int) -> list[Event]:
    """At most `limit` events the view and `chosen` select, best sourced first (the
    order of /api/events)."""
    return list(event_selectors.events_in_view(view, chosen, limit=limit))


def events_newest_first(view, chosen: event_selectors.EventFilter) -> QuerySet[Event]:
    """Every event the view and `chosen` select, newest first: by start, then the first
    publication that reports it, then the newest event row."""
    # limit=None takes no slice, so the selection can be ordered again.
    selected = event_selectors.events_in_view(view, chosen, limit=None)
    return selected.order_by("-start", "-published_first", "-pk")


def event_reports(events: Iterable[Event]) -> list[EventReport]:
    """Each event with its published passages grouped by source (see EventReport)."""
    events = list(events)
    passages = _published_passages([e.pk for e in events])
    grouped: dict[int, dict[str, list[ReportedPassage]]] = defaultdict(lambda: defaultdict(list))
    for reported in passages:
        judgement = reported.judgement
        grouped[judgement.event_id][judgement.article.source].append(reported)
    return [EventReport(event=e, by_source=dict(grouped.get(e.pk, {}))) for e in events]


def first_passages(events: Iterable[Event]) -> dict[int, ReportedPassage]:
    """The first published passage that reports each event, by event id."""
    first: dict[int, ReportedPassage] = {}
    for reported in _published_passages([e.pk for e in events]):
        first.setdefault(reported.judgement.event_id, reported)
    return first


def _published_passages(event_ids: list[int]) -> list[ReportedPassage]:
    """The published passages of these events, each event's oldest first, with the
    mention at each span (its passage text and offsets)."""
    judgements: list[EventPassage] = []
    for ids in _batches(event_ids):
        judgements.extend(
            EventPassage.objects.filter(event_id__in=ids,
                                        article__publication=Article.Publication.PUBLISHED)
            .select_related("article")
            .order_by("event_id", "article__published_at", "article_id", "start")
        )
    # A judgement is kept by its span, not by a mention row (mapapp.events.models):
    # the articles' mentions are matched to it by (article, start, end).
    mentions: dict[tuple[int, int, int], Mention] = {}
    for ids in _batches(sorted({j.article_id for j in judgements})):
        mentions.update(((m.article_id, m.start, m.end), m)
                        for m in Mention.objects.filter(article_id__in=ids))
    return [ReportedPassage(judgement=j, mention=mentions.get((j.article_id, j.start, j.end)))
            for j in judgements]


def _batches(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    # SQLite limits the parameters of one query; a whole export may name thousands.
    for at in range(0, len(ids), size):
        yield ids[at:at + size]
