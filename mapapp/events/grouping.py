"""Passages that report the same thing become one event.

Plain Python, no Django. Two judged passages belong to one event when they report
the same type of event, at the same place or at a place inside the other's (a town
inside its region or country; two points a few kilometres apart), on overlapping
dates. Editors' events (fixed: an editor retyped, moved, merged or split them) keep
their type, place and passages; new passages may still join them."""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from mapapp.geoparsing.normalize import name_key, transliteration_key

# Dates a day apart still meet: "overnight" and "on Tuesday" name one strike.
DATE_TOLERANCE = dt.timedelta(days=1)
# A passage dated more loosely than this (a year, a long range) joins an event but
# never stretches its dates nor starts one of its own dates.
VAGUE_DAYS = 31
# A place this close to a town three times as populous is part of it (a district, a
# camp, a suburb): Saltivka is Kharkiv, while Matola, a city of its own, is not Maputo.
NEIGHBOURHOOD_KM = 16.0
NEIGHBOURHOOD_RATIO = 3
# A report that gives no date of its own is about the last few days before publication.
REPORT_LAG = dt.timedelta(days=5)
# One happening at one place on one day is one event even when reports type it
# differently: a raid with drone support, a massacre also called an attack (armed
# violence); a demonstration that some call a protest and others a riot (crowds).
KINDRED_TYPES = (
    frozenset({"battles", "explosions_remote_violence", "violence_against_civilians"}),
    frozenset({"protests", "riots"}),
)
# More specific places first: an event is placed at the most specific place reported.
KIND_RANK = {"city": 0, "other": 1, "region": 2, "country": 3}


@dataclass(frozen=True, kw_only=True)
class PlaceRef:
    """What grouping needs to know of a place."""

    id: Hashable
    name: str = ""
    kind: str = "city"
    country_code: str = ""
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    spellings: frozenset[str] = frozenset()  # other names it goes by (as written in the text)
    within: frozenset[PlaceRef] = frozenset()  # places a text says it lies in ("X district of Y")

    @cached_property
    def keys(self) -> frozenset[str]:
        """Its names with transliteration variants folded: al-Mawasi and Mawasi, Khan
        Yunis and Khan Younis, Pont-Sondé and Pont Sonde give one key."""
        return frozenset(map(_name_group_key, (self.name, *self.spellings)))


@lru_cache(maxsize=100_000)
def _name_group_key(name: str) -> str:
    """The key grouping compares names by. Remembered: regrouping a country's events
    meets the same few hundred names in thousands of passages."""
    return transliteration_key(name_key(name))


@dataclass(frozen=True, kw_only=True)
class JudgedPassage:
    """A passage judged to report an event at a place (mapapp.events.classify)."""

    key: Hashable  # identifies the passage: (article id, start, end) in the app
    event_type: str
    place: PlaceRef
    start: dt.date
    end: dt.date
    source: str  # the outlet; distinct sources are counted
    published: dt.datetime | dt.date | None = None
    dated: bool = True  # False: the passage gives no date; start..end is a guess
    fixed_event: Hashable | None = None  # an editor put it in this event


@dataclass(kw_only=True)
class EventGroup:
    """One event: its type, place, dates and the passages that report it."""

    event_type: str
    place: PlaceRef
    passages: list[JudgedPassage] = field(default_factory=list)
    fixed_event: Hashable | None = None  # the editor's event this group is
    start: dt.date | None = None
    end: dt.date | None = None
    countries: set[str] = field(default_factory=set)  # where grouping looks it up
    # What meets() asks of the passages, kept up to date by add() (every new passage is
    # checked against every event of its country: reading all of an event's passages
    # each time made a busy week's regrouping quadratic).
    #
    # The first and last day of all its passages, vague and undated ones included.
    span: tuple[dt.date, dt.date] | None = field(default=None, init=False)
    # The places its passages name, and the places a text puts those in.
    named_ids: set[Hashable] = field(default_factory=set, init=False)
    # (country, name key) of the places its passages name: one name in one country as
    # transliterations write it is one place, whatever gazetteer entry each took.
    named_keys: set[tuple[str, str]] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        for passage in self.passages:
            self._remember(passage)

    @property
    def sources(self) -> set[str]:
        return {p.source for p in self.passages}

    @property
    def precision(self) -> str:
        """day when the event is one day, range for a few days, month or year when
        it is only known that loosely (from the passages' own dates)."""
        if self.start is None or self.end is None:
            return "year"
        days = (self.end - self.start).days
        if days == 0:
            return "day"
        if days <= VAGUE_DAYS - 1 and self.start.day == 1 and (self.end + dt.timedelta(days=1)).day == 1:
            return "month"
        if days >= 364:
            return "year"
        return "range"

    @property
    def first_reported(self) -> dt.datetime | dt.date | None:
        dates = [p.published for p in self.passages if p.published is not None]
        return min(dates, key=_as_datetime) if dates else None

    def meets(self, passage: JudgedPassage) -> bool:
        """Whether `passage` reports this event: same or kindred type, compatible place,
        dates that overlap (within DATE_TOLERANCE for the same type; a kindred type must
        meet on one day: a rally on Wednesday and a riot on Thursday are two happenings)."""
        start, end = self.window()
        tolerance = DATE_TOLERANCE if passage.event_type == self.event_type else dt.timedelta(0)
        if start is not None and end is not None and not (
                passage.start <= end + tolerance and passage.end >= start - tolerance):
            return False
        if not types_meet(passage.event_type, self.event_type):
            return False
        return places_compatible(passage.place, self.place) or self.names(passage.place)

    def names(self, place: PlaceRef) -> bool:
        """Whether one of its passages names `place` itself, or puts its place inside
        `place`: "Masala, Beni territory" and a later "Masala" meet even when the event
        took Beni's name; so does "Barsalogho (Centre-Nord)" and a report of Centre-Nord."""
        return place.id in self.named_ids or any((place.country_code, key) in self.named_keys
                                                 for key in place.keys)

    def window(self) -> tuple[dt.date | None, dt.date | None]:
        """The event's dates as far as known: those of its dated passages, else the
        span of all its passages' dates."""
        if self.start is not None or self.span is None:
            return self.start, self.end
        return self.span

    def add(self, passage: JudgedPassage) -> None:
        self.passages.append(passage)
        self._remember(passage)
        if self.fixed_event is None and _more_specific(passage.place, self.place):
            self.place = passage.place
        if passage.dated and not _vague(passage):
            self.start = passage.start if self.start is None else min(self.start, passage.start)
            self.end = passage.end if self.end is None else max(self.end, passage.end)

    def _remember(self, passage: JudgedPassage) -> None:
        """Keep span, named_ids and named_keys true of the passages."""
        low, high = (passage.start, passage.end) if self.span is None else self.span
        self.span = min(low, passage.start), max(high, passage.end)
        self.named_ids.add(passage.place.id)
        self.named_ids.update(host.id for host in passage.place.within)
        self.named_keys.update((passage.place.country_code, key) for key in passage.place.keys)

    def settle(self) -> None:
        """Take the type most passages report (an editor's event keeps its own), and
        give an event of vague or undated passages only their narrowest dates."""
        if self.fixed_event is None and self.passages:
            counts: dict[str, int] = {}
            for passage in self.passages:
                counts[passage.event_type] = counts.get(passage.event_type, 0) + 1
            self.event_type = max(counts, key=lambda t: (counts[t], t == self.passages[0].event_type))
        if self.start is None and self.passages:
            narrowest = min(self.passages, key=lambda p: (p.end - p.start, p.start))
            self.start, self.end = narrowest.start, narrowest.end


@dataclass(frozen=True, kw_only=True)
class FixedEvent:
    """An event an editor changed: its type and place are the editor's."""

    id: Hashable
    event_type: str
    place: PlaceRef


def group_passages(passages: Iterable[JudgedPassage], *,
                   fixed: Iterable[FixedEvent] = ()) -> list[EventGroup]:
    """Group passages into events. Passages an editor placed go to their fixed event;
    the others, in date order (precise dates first), join the best event they meet (a
    fixed one first, then the same place, then the closest dates) or start a new one.
    Deterministic: the same passages give the same groups."""
    groups = [EventGroup(event_type=f.event_type, place=f.place, fixed_event=f.id) for f in fixed]
    by_fixed = {g.fixed_event: g for g in groups}
    # Places of different countries meet only through the text: look among the
    # country's events.
    by_country: dict[str, list[EventGroup]] = defaultdict(list)
    for group in groups:
        group.countries.add(group.place.country_code)
        by_country[group.place.country_code].append(group)
    free: list[JudgedPassage] = []
    for passage in passages:
        group = by_fixed.get(passage.fixed_event) if passage.fixed_event is not None else None
        if group is not None:
            group.add(passage)
        else:
            free.append(passage)
    free.sort(key=lambda p: (not p.dated or _vague(p), p.start, p.end, str(p.key)))
    for passage in free:
        meeting = [g for country in _countries(passage.place) for g in by_country[country] if g.meets(passage)]
        if meeting:
            group = min(meeting, key=lambda g: _preference(g, passage))
        else:
            group = EventGroup(event_type=passage.event_type, place=passage.place)
            groups.append(group)
        group.add(passage)
        # A passage placed abroad by the gazetteer ("Masala" taken for a town in
        # Azerbaijan) lets later reports of that name find its event.
        for country in _countries(passage.place):
            if country not in group.countries:
                group.countries.add(country)
                by_country[country].append(group)
    for group in groups:
        group.settle()
    return [g for g in groups if g.passages or g.fixed_event is not None]


def types_meet(a: str, b: str) -> bool:
    """Whether passages of types `a` and `b` may report one event."""
    return a == b or any(a in kindred and b in kindred for kindred in KINDRED_TYPES)


def undated_window(published: dt.date) -> tuple[dt.date, dt.date]:
    """The days an undated report may be about: up to REPORT_LAG before publication."""
    return published - REPORT_LAG, published


def _countries(place: PlaceRef) -> list[str]:
    """The place's country and those of the places a text puts it in (which may differ
    when the gazetteer took the name for a place abroad)."""
    return list(dict.fromkeys([place.country_code, *(host.country_code for host in place.within)]))


def places_compatible(a: PlaceRef, b: PlaceRef) -> bool:
    """The same place, one inside the other, or two points a few kilometres apart."""
    return place_within(a, b) or place_within(b, a)


def place_within(inner: PlaceRef, outer: PlaceRef) -> bool:
    """Whether `inner` is `outer` or lies inside it (by country and region codes, or
    as a point within SAME_POINT_KM of a town)."""
    if inner.id == outer.id or any(host.id == outer.id for host in inner.within):
        return True
    if inner.country_code != outer.country_code or not outer.country_code:
        return False
    if inner.keys & outer.keys:
        return True
    if outer.kind == "country":
        return True
    if outer.kind == "region":
        return inner.kind != "country" and bool(inner.admin1) and inner.admin1 in (outer.name, outer.admin1)
    if inner.kind in ("country", "region") or outer.latitude is None or inner.latitude is None:
        return False
    return (inner.population * NEIGHBOURHOOD_RATIO <= outer.population
            and distance_km(inner, outer) <= NEIGHBOURHOOD_KM)


def distance_km(a: PlaceRef, b: PlaceRef) -> float:
    """Great-circle distance between two places' points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _preference(group: EventGroup, passage: JudgedPassage) -> tuple:
    same_place = group.place.id == passage.place.id
    start, _ = group.window()
    gap = 0 if start is None else abs((start - passage.start).days)
    return (group.fixed_event is None, not same_place, group.start is None, gap)


def _more_specific(candidate: PlaceRef, current: PlaceRef) -> bool:
    """A town is more specific than its region, a district than its city."""
    if candidate.country_code != current.country_code:
        return False  # a name the text puts inside a town but the gazetteer abroad
    rank, current_rank = KIND_RANK.get(candidate.kind, 1), KIND_RANK.get(current.kind, 1)
    if rank != current_rank:
        return rank < current_rank
    return candidate.id != current.id and candidate.population < current.population \
        and place_within(candidate, current)


def _vague(passage: JudgedPassage) -> bool:
    return (passage.end - passage.start).days >= VAGUE_DAYS


def _as_datetime(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())
