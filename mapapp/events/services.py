"""Writes of the events engine: judging the mentions processing has just stored, and
regrouping the events at their places. Called by mapapp.processing.service inside the
transaction that replaces a batch's mentions, so events never lag behind mentions.

Idempotent: processing an article again gives the same judgements and events. What
an editor did (mapapp/events/editing.py) survives: a pinned passage stays in its event,
an edited event keeps its type and place."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from mapapp.events.classify import PlaceSpan, host_places, judge_passage
from mapapp.events.grouping import (
    EventGroup,
    FixedEvent,
    JudgedPassage,
    PlaceRef,
    group_passages,
    undated_window,
)
from mapapp.events.models import Event, EventPassage

# Passages this many days either side of a batch's events are regrouped with them.
REGROUP_MARGIN = dt.timedelta(days=10)


def events_after_processing(drafts_by_article: dict[int, list]) -> None:
    """Judge every placed mention of the articles just processed (drafts: anything with
    Mention's fields, as mapapp.processing.service builds them), store the judgements by
    span, and regroup the events of the places concerned."""
    if not drafts_by_article:
        return
    old = list(EventPassage.objects.filter(article_id__in=drafts_by_article)
               .values_list("pk", "article_id", "start", "end", "event_id", "pinned"))
    touched_events = {event_id for *_, event_id, _ in old if event_id}
    old_event = {(article_id, start, end): event_id for _, article_id, start, end, event_id, _ in old}
    pinned = {(article_id, start, end): pk for pk, article_id, start, end, _, is_pinned in old if is_pinned}
    fresh, kept = [], []
    for article_id, drafts in drafts_by_article.items():
        for row in _judged_rows(article_id, drafts):
            key = (article_id, row.start, row.end)
            if key in pinned:
                row.pk, row.pinned, row.event_id = pinned[key], True, old_event[key]
                kept.append(row)
            else:
                row.event_id = old_event.get(key)  # a start for regrouping, which keeps event ids
                fresh.append(row)
    kept_ids = [row.pk for row in kept]
    EventPassage.objects.filter(article_id__in=drafts_by_article).exclude(pk__in=kept_ids).delete()
    EventPassage.objects.bulk_create(fresh, batch_size=500)
    if kept:
        EventPassage.objects.bulk_update(kept, JUDGEMENT_FIELDS, batch_size=500)
    rows = [row for row in (*fresh, *kept) if row.is_event or row.event_id]
    events_regroup(
        countries={row.place.country_code for row in rows},
        start=min((row.event_date for row in rows), default=None),
        end=max((row.event_date_end for row in rows), default=None),
        event_ids=touched_events,
    )


JUDGEMENT_FIELDS = ["surface", "place", "host", "is_event", "score", "event_type", "cues", "event_date",
                    "event_date_end", "dated"]


def _judged_rows(article_id: int, drafts: list) -> list[EventPassage]:
    """An unsaved EventPassage per placed mention, judged passage by passage."""
    by_passage: dict[int, list] = defaultdict(list)
    for draft in drafts:
        if draft.place is not None:
            by_passage[draft.passage_start].append(draft)
    rows = []
    for passage_start, mentions in by_passage.items():
        spans = [PlaceSpan(start=m.start - passage_start, end=m.end - passage_start,
                           is_demonym=m.is_demonym, kind=m.place.kind) for m in mentions]
        hosts = host_places(mentions[0].passage, spans)
        judgements = judge_passage(mentions[0].passage, spans)
        for index, (mention, judgement) in enumerate(zip(mentions, judgements, strict=True)):
            # An undated passage carries the article's reference date: the report is
            # about the days before it.
            dated = mention.date_source != "published"
            start, end = ((mention.event_date, mention.event_date_end) if dated
                          else undated_window(mention.event_date))
            rows.append(EventPassage(
                article_id=article_id, start=mention.start, end=mention.end,
                surface=mention.surface[:300], place=mention.place,
                host=mentions[hosts[index]].place if index in hosts else None,
                is_event=judgement.is_event and mention.review != "rejected",
                score=judgement.score, event_type=judgement.event_type, cues=list(judgement.cues),
                event_date=start, event_date_end=end, dated=dated,
            ))
    return rows


def events_regroup(*, countries: Iterable[str], start: dt.date | None, end: dt.date | None,
                   event_ids: Iterable[int] = ()) -> None:
    """Group again the event passages of `countries` dated between `start` and `end`
    (with a margin), together with every passage of the events they or `event_ids`
    belong to, and write the events: ids kept where the passages stay together,
    editors' events kept as the editor left them, empty events deleted."""
    countries = sorted(c for c in set(countries) if c is not None)
    _lock_countries(countries)
    scope = Q(event_id__in=list(event_ids))
    if countries and start and end:
        scope |= Q(place__country_code__in=countries, event_date__lte=end + REGROUP_MARGIN,
                   event_date_end__gte=start - REGROUP_MARGIN) & (Q(is_event=True) | Q(event__isnull=False))
    first = list(EventPassage.objects.filter(scope).values_list("event_id", flat=True).distinct())
    events = {e.pk: e for e in Event.objects.filter(pk__in=[pk for pk in first if pk]).select_related("place")}
    rows = list(
        EventPassage.objects.filter(scope | Q(event_id__in=list(events)))
        .select_related("place", "article").only(
            "article__source", "article__published_at", "article__id", "start", "end", "surface",
            "is_event", "event_type", "event_date", "event_date_end", "dated", "event_id", "pinned", "host_id",
            "place__id", "place__name", "place__kind", "place__country_code", "place__admin1",
            "place__latitude", "place__longitude", "place__population",
        )
    )
    fixed = [FixedEvent(id=e.pk, event_type=e.event_type, place=place_ref(e.place))
             for e in events.values() if e.edited]
    groups = group_passages([judged_passage(row, events) for row in rows if _groupable(row, events)], fixed=fixed)
    _write_groups(groups, rows, events)


def _groupable(row: EventPassage, events: dict[int, Event]) -> bool:
    if row.place is None:
        return False
    if row.pinned:
        return row.event_id is not None  # pinned with no event: the editor said no
    return row.is_event


def judged_passage(row: EventPassage, events: dict[int, Event]) -> JudgedPassage:
    """A stored judgement as grouping reads it (`events`: the events by id, to tell
    whether an editor fixed its event)."""
    event = events.get(row.event_id)
    fixed = row.event_id if row.pinned and event is not None and event.edited else None
    return JudgedPassage(
        key=row.pk, event_type=row.event_type,
        place=place_ref(row.place, surface=row.surface, within=row.host_id),
        start=row.event_date, end=row.event_date_end or row.event_date,
        source=row.article.source or f"article {row.article_id}",
        published=row.article.published_at, dated=row.dated, fixed_event=fixed,
    )


def place_ref(place, *, surface: str = "", within: int | None = None) -> PlaceRef:
    """What grouping needs to know of a Place row (`surface`: the name as written;
    `within`: the id of a place the text says it lies in)."""
    return PlaceRef(id=place.pk, name=place.name, kind=place.kind, country_code=place.country_code,
                    admin1=place.admin1, latitude=place.latitude, longitude=place.longitude,
                    population=place.population, spellings=frozenset({surface} if surface else ()),
                    within=frozenset({within} if within else ()))


def _write_groups(groups: list[EventGroup], rows: list[EventPassage], events: dict[int, Event]) -> None:
    """Store the groups as events, reusing the ids of the events their passages were in."""
    current = {row.pk: row.event_id for row in rows}
    before = {pk: _summary(event) for pk, event in events.items()}
    claimed: set[int] = set()
    assignment: dict[int, Event] = {}
    to_create: list[tuple[Event, EventGroup]] = []
    for group in sorted(groups, key=lambda g: -len(g.passages)):
        if not group.passages:
            continue
        event = events.get(group.fixed_event) if group.fixed_event is not None else None
        if event is None:
            votes = Counter(current[p.key] for p in group.passages
                            if current[p.key] in events and current[p.key] not in claimed
                            and not events[current[p.key]].edited)
            event = events[votes.most_common(1)[0][0]] if votes else Event()
        _describe(event, group)
        if event.pk is None:
            to_create.append((event, group))
        else:
            claimed.add(event.pk)
        for passage in group.passages:
            assignment[passage.key] = event
    Event.objects.bulk_create([event for event, _ in to_create])
    changed = [event for event in events.values() if event.pk in claimed and _summary(event) != before[event.pk]]
    if changed:
        Event.objects.bulk_update(changed, SUMMARY_FIELDS)
    moved = []
    for row in rows:
        target = assignment.get(row.pk)
        target_id = target.pk if target is not None else (row.event_id if row.pinned else None)
        if target_id != row.event_id:
            row.event_id = target_id
            moved.append(row)
    if moved:
        EventPassage.objects.bulk_update(moved, ["event"], batch_size=500)
    emptied = [pk for pk in events if pk not in claimed]
    if emptied:
        Event.objects.filter(pk__in=emptied, passages__isnull=True).delete()


SUMMARY_FIELDS = ["event_type", "place", "start", "end", "precision", "first_reported", "source_count",
                  "passage_count"]


def _summary(event: Event) -> tuple:
    return tuple(getattr(event, "place_id" if name == "place" else name) for name in SUMMARY_FIELDS)


def _describe(event: Event, group: EventGroup) -> None:
    """Copy a group's summary onto its event (an editor's event keeps type and place)."""
    if not event.edited:
        event.event_type = group.event_type
        event.place_id = group.place.id
    start, end = group.window()
    event.start, event.end = start, end
    event.precision = group.precision
    first = group.first_reported
    event.first_reported = first if isinstance(first, dt.datetime) or first is None else \
        timezone.make_aware(dt.datetime.combine(first, dt.time()))
    event.source_count = len(group.sources)
    event.passage_count = len(group.passages)


def _lock_countries(countries: list[str]) -> None:
    """Two workers regrouping one country at once would each build its events: take a
    transaction-long lock per country (PostgreSQL; SQLite serialises writers anyway),
    in one order so that they never deadlock."""
    if connection.vendor != "postgresql" or not countries:
        return
    keys = [int.from_bytes(hashlib.blake2b(f"events:{c}".encode(), digest_size=8).digest(), "big", signed=True)
            for c in countries]
    with connection.cursor() as cursor:
        for key in sorted(keys):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
