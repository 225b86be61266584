"""An editor's changes to events: retype, move, merge, split, and taking a passage out
of every event. Each marks the events edited and pins their passages, so that
re-processing (mapapp/events/services.py) keeps what the editor made."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from mapapp.events.grouping import EventGroup
from mapapp.events.models import Event, EventPassage
from mapapp.events.services import judged_passage, place_ref
from mapapp.events.taxonomy import EVENT_TYPES


class EventEditError(ValueError):
    """The change cannot be made (e.g. merging a single event)."""


def event_retype(*, event: Event, event_type: str, user) -> Event:
    """Make `event` of `event_type`, now and after any re-processing."""
    if event_type not in EVENT_TYPES:
        raise EventEditError(f"Unknown event type {event_type!r}.")
    with transaction.atomic():
        event.event_type = event_type
        _mark_edited([event], user)
    return event


def event_move(*, event: Event, place, user) -> Event:
    """Put `event` at `place` (a Place), now and after any re-processing."""
    with transaction.atomic():
        event.place = place
        _mark_edited([event], user)
    return event


def events_merge(*, events: list[Event], user) -> Event:
    """One event of several: the oldest keeps its id, type and place and takes every
    passage of the others, which are deleted."""
    if len(events) < 2:
        raise EventEditError("Choose at least two events to merge.")
    keeper, *others = sorted(events, key=lambda e: e.pk)
    with transaction.atomic():
        EventPassage.objects.filter(event__in=others).update(event=keeper)
        Event.objects.filter(pk__in=[e.pk for e in others]).delete()
        _mark_edited([keeper], user)
    return keeper


def event_split(*, event: Event, passages: list[EventPassage], user) -> Event:
    """Move `passages` of `event` into a new event of the same type and place; both
    are the editor's from now on."""
    chosen = [p.pk for p in passages if p.event_id == event.pk]
    if not chosen:
        raise EventEditError("Choose passages of this event to split off.")
    if len(chosen) == event.passages.count():
        raise EventEditError("Leave at least one passage in the event.")
    with transaction.atomic():
        split_off = Event(event_type=event.event_type, place_id=event.place_id, start=event.start,
                          end=event.end, precision=event.precision)
        split_off.save()
        EventPassage.objects.filter(pk__in=chosen).update(event=split_off)
        _mark_edited([event, split_off], user)
    return split_off


def passages_not_event(*, passages: list[EventPassage], user) -> int:
    """Take passages out of every event, now and after any re-processing."""
    with transaction.atomic():
        events = list(Event.objects.filter(passages__in=passages).distinct())
        count = EventPassage.objects.filter(pk__in=[p.pk for p in passages]).update(event=None, pinned=True)
        _mark_edited(events, user)
    return count


def _mark_edited(events: list[Event], user) -> None:
    """Record the editor's change, pin the events' passages and bring each event's
    dates and counts up to date with its passages; an event left empty is deleted."""
    now = timezone.now()
    for event in events:
        rows = list(event.passages.select_related("place", "article"))
        if not rows:
            event.delete()
            continue
        event.passages.update(pinned=True)
        group = EventGroup(event_type=event.event_type, place=place_ref(event.place), fixed_event=event.pk)
        for row in rows:
            group.add(judged_passage(row, {event.pk: event}))
        group.settle()
        event.start, event.end = group.window()
        event.precision = group.precision
        event.source_count = len(group.sources)
        event.passage_count = len(rows)
        event.edited, event.edited_by, event.edited_at = True, user, now
        event._history_user = user
        event.save()
