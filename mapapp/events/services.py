"""Writes of the events engine: judging the mentions processing has just stored, and
regrouping the events at their places. Called by mapapp.processing.service inside the
transaction that replaces a batch's mentions, so events never lag behind mentions.

Idempotent: processing an article again gives the same judgements and events. What
an editor did (mapapp/events/editing.py) survives: a pinned passage stays in its event,
an edited event keeps its type and place."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
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
from mapapp.models import Article, Place
from mapapp.processing.copying import copy_rows

# Passages this many days either side of a batch's events are regrouped with them.
REGROUP_MARGIN = dt.timedelta(days=7)


def events_after_processing(drafts_by_article: dict[int, list]) -> None:
    """Judge every placed mention of the articles just processed (drafts: anything with
    Mention's fields, as mapapp.processing.service builds them), store the judgements by
    span, and regroup the events of the places concerned."""
    if not drafts_by_article:
        return
    old = list(EventPassage.objects.filter(article_id__in=drafts_by_article)
               .values_list("pk", "article_id", "start", "end", "event_id", "pinned", "place__country_code"))
    touched_events = {event_id for *_, event_id, _, _ in old if event_id}
    old_event = {(article_id, start, end): event_id for _, article_id, start, end, event_id, _, _ in old}
    pinned = {(article_id, start, end): pk for pk, article_id, start, end, _, is_pinned, _ in old if is_pinned}
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
    # Every country concerned is locked before a row is touched: a worker regrouping one
    # of them meanwhile could otherwise wait for rows deleted here while this waits for it.
    _lock_countries(sorted({row.place.country_code for row in (*fresh, *kept)}
                           | {country for *_, country in old if country is not None}))
    kept_ids = [row.pk for row in kept]
    EventPassage.objects.filter(article_id__in=drafts_by_article).exclude(pk__in=kept_ids).delete()
    if kept:
        EventPassage.objects.bulk_update(kept, JUDGEMENT_FIELDS, batch_size=500)
    # The new judgements are grouped before they are written, so each is written once,
    # already in its event.
    articles = Article.objects.only("source", "published_at").in_bulk(list(drafts_by_article))
    for row in fresh:
        row.article = articles[row.article_id]
    rows = [row for row in (*fresh, *kept) if row.is_event or row.event_id]
    events_regroup(windows=[(row.place.country_code, row.event_date, row.event_date_end) for row in rows],
                   event_ids=touched_events, fresh=fresh)


def passages_insert(rows: list[EventPassage]) -> None:
    """Write new judgements: through COPY on PostgreSQL (a batch holds hundreds; see
    mapapp/processing/copying.py), bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        EventPassage.objects.bulk_create(rows, batch_size=500)
        return
    fields = [f for f in EventPassage._meta.concrete_fields if not f.primary_key]

    def values(row: EventPassage) -> list:
        return [json.dumps(row.cues) if f.name == "cues" else getattr(row, f.attname) for f in fields]

    copy_rows(EventPassage._meta.db_table, [f.column for f in fields], map(values, rows))


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


def events_regroup(*, windows: Iterable[tuple[str, dt.date, dt.date]], event_ids: Iterable[int] = (),
                   fresh: list[EventPassage] = ()) -> None:
    """Group again the event passages of each (country, first day, last day) of
    `windows` (with REGROUP_MARGIN), together with every passage of the events they or
    `event_ids` belong to, and write the events: ids kept where the passages stay
    together, editors' events kept as the editor left them, empty events deleted.
    `fresh`: new judgements not written yet, grouped too and then written."""
    merged = merged_windows(windows, margin=REGROUP_MARGIN)
    event_ids = set(event_ids) | {row.event_id for row in fresh if row.event_id}
    stored: list[StoredJudgement] = []
    if merged or event_ids:
        _lock_countries(sorted({country for country, _, _ in merged}))  # held already when processing
        scope = Q(event_id__in=list(event_ids))
        for country, low, high in merged:
            scope |= Q(place__country_code=country, event_date__lte=high, event_date_end__gte=low) \
                & (Q(is_event=True) | Q(event__isnull=False))
        # Whole events take part: their passages outside the scope too (asked in one
        # query, so that a passage both in the scope and in such an event is read once).
        their_events = EventPassage.objects.filter(scope, event__isnull=False).values("event")
        stored = _passages_for_grouping(EventPassage.objects.filter(scope | Q(event__in=their_events)))
        event_ids |= {row.event_id for row in stored if row.event_id}
    events = {e.pk: e for e in Event.objects.filter(pk__in=event_ids).select_related("place")} if event_ids else {}
    rows: dict = {row.pk: row for row in stored}
    rows.update({("new", index): row for index, row in enumerate(fresh)})
    fixed = [FixedEvent(id=e.pk, event_type=e.event_type, place=place_ref(e.place))
             for e in events.values() if e.edited]
    places: dict = {}
    groups = group_passages([judged_passage(row, events, key=key, places=places) for key, row in rows.items()
                             if _groupable(row, events)], fixed=fixed)
    _write_groups(groups, rows, events)
    passages_insert(list(fresh))


def merged_windows(windows: Iterable[tuple[str, dt.date, dt.date]], *,
                   margin: dt.timedelta) -> list[tuple[str, dt.date, dt.date]]:
    """Per country, the days around `windows` (each widened by `margin`), overlapping
    ones merged: a batch about one week of one war is one window, not one per passage."""
    by_country: dict[str, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for country, low, high in windows:
        if low is not None:
            by_country[country or ""].append((low - margin, (high or low) + margin))
    merged = []
    for country, spans in sorted(by_country.items()):
        spans.sort()
        low, high = spans[0]
        for next_low, next_high in spans[1:]:
            if next_low > high:
                merged.append((country, low, high))
                low = next_low
            high = max(high, next_high)
        merged.append((country, low, high))
    return merged


@dataclasses.dataclass(kw_only=True, slots=True)
class StoredJudgement:
    """What regrouping reads of a stored EventPassage, named as on the model: values,
    not model instances, since regrouping a busy week reads tens of thousands of them
    and building a model instance costs several times reading its values."""

    pk: int
    article_id: int
    surface: str
    is_event: bool
    event_type: str
    event_date: dt.date | None
    event_date_end: dt.date | None
    dated: bool
    event_id: int | None
    pinned: bool
    place_id: int | None
    host_id: int | None
    # Attached after the read, one object per place and per article.
    place: Place | None = None
    host: Place | None = None
    article: Article | None = None


def _passages_for_grouping(passages) -> list[StoredJudgement]:
    """The passages with what grouping reads of them, their place, host and article
    attached: one object per place and per article, since a busy week's thousands of
    passages name a few hundred places in a few hundred articles."""
    fields = [f.name for f in dataclasses.fields(StoredJudgement) if f.name not in ("place", "host", "article")]
    rows = [StoredJudgement(**values) for values in passages.values(*fields)]
    places = Place.objects.only(*PLACE_FIELDS).in_bulk(
        {row.place_id for row in rows if row.place_id} | {row.host_id for row in rows if row.host_id})
    articles = Article.objects.only("source", "published_at").in_bulk({row.article_id for row in rows})
    for row in rows:
        row.place, row.host = places.get(row.place_id), places.get(row.host_id)
        row.article = articles[row.article_id]
    return rows


# What place_ref reads of a Place.
PLACE_FIELDS = ["name", "kind", "country_code", "admin1", "latitude", "longitude", "population"]


def _groupable(row: EventPassage | StoredJudgement, events: dict[int, Event]) -> bool:
    if row.place is None:
        return False
    if row.pinned:
        return row.event_id is not None  # pinned with no event: the editor said no
    return row.is_event


def judged_passage(row: EventPassage | StoredJudgement, events: dict[int, Event], *, key=None,
                   places: dict | None = None) -> JudgedPassage:
    """A judgement as grouping reads it (`events`: the events by id, to tell whether an
    editor fixed its event; `key`: how grouping names it, by default its id; `places`:
    the places made for the other judgements of one regrouping, shared so that grouping
    folds each name as written once, not once per passage)."""
    event = events.get(row.event_id)
    fixed = row.event_id if row.pinned and event is not None and event.edited else None
    places = {} if places is None else places
    written = (row.place_id, row.surface, row.host_id)
    if written not in places:
        places[written] = place_ref(row.place, surface=row.surface, within=row.host)
    return JudgedPassage(
        key=row.pk if key is None else key, event_type=row.event_type, place=places[written],
        start=row.event_date, end=row.event_date_end or row.event_date,
        source=row.article.source or f"article {row.article_id}",
        published=row.article.published_at, dated=row.dated, fixed_event=fixed,
    )


def place_ref(place, *, surface: str = "", within=None) -> PlaceRef:
    """What grouping needs to know of a Place row (`surface`: the name as written;
    `within`: a Place the text says it lies in)."""
    return PlaceRef(id=place.pk, name=place.name, kind=place.kind, country_code=place.country_code,
                    admin1=place.admin1, latitude=place.latitude, longitude=place.longitude,
                    population=place.population, spellings=frozenset({surface} if surface else ()),
                    within=frozenset({place_ref(within)} if within is not None else ()))


def _write_groups(groups: list[EventGroup], rows: dict, events: dict[int, Event]) -> None:
    """Store the groups as events, reusing the ids of the events their passages were in,
    and point each passage of `rows` (by grouping key) at its event: in memory, and in
    the database for the stored ones whose event changed."""
    current = {key: row.event_id for key, row in rows.items()}
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
    after = {pk: _summary(events[pk]) for pk in claimed}
    changed = sorted(pk for pk, summary in after.items() if summary != before[pk])
    if changed:
        # Only the fields that changed somewhere: a busy day's new reports change most
        # events' counts but few of their places, and each field is a CASE over every row.
        fields = [name for index, name in enumerate(SUMMARY_FIELDS)
                  if any(after[pk][index] != before[pk][index] for pk in changed)]
        Event.objects.bulk_update([events[pk] for pk in changed], fields)
    moved = []
    for key, row in rows.items():
        target = assignment.get(key)
        target_id = target.pk if target is not None else (row.event_id if row.pinned else None)
        if target_id != row.event_id:
            row.event_id = target_id
            if row.pk is not None:  # stored: read as values, written through an instance
                moved.append(EventPassage(pk=row.pk, event_id=target_id))
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
