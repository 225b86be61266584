"""The map's questions answered on the in-memory index (mapapp.readermap.index): which
mentions a view selects, how many per place, clusters per zoom, and the timeline.

A *view* is everything a reader chose: time window (on event or publication dates),
map bounds, sources, countries, kinds of place, review states and free text."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mapapp.models import Place
from mapapp.readermap.index import KINDS, REVIEWS, MapIndex, day_date, day_number

# Below this many places in view every place is drawn on its own: clusters exist to
# keep dense maps readable, and a few dozen markers are readable as they are.
CLUSTER_MIN_PLACES = 150
# Places closer than this many screen pixels (at the requested zoom) share a cluster.
CLUSTER_CELL_PX = 64
MAX_TIMELINE_BINS = 400
MAX_TIMELINE_SPANS = 300
LONG_SPAN_DAYS = 400


@dataclass(frozen=True)
class BBox:
    """Map bounds in degrees; `west > east` means the box crosses the antimeridian."""

    south: float
    west: float
    north: float
    east: float


@dataclass(frozen=True)
class View:
    start: dt.date | None = None
    end: dt.date | None = None
    basis: str = "event"  # or "published"
    bbox: BBox | None = None
    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    reviews: tuple[str, ...] = ()
    text: str = ""
    # Mention ids matching `text`, looked up in the database by the caller.
    text_matches: np.ndarray | None = field(default=None, compare=False, repr=False)


def place_mask(index: MapIndex, view: View) -> np.ndarray:
    """Which places the view's place-level choices (bounds, country, kind) keep."""
    keep = np.ones(index.place_id.size, dtype=bool)
    box = view.bbox
    if box is not None:
        keep &= (index.place_lat >= box.south) & (index.place_lat <= box.north)
        if box.east - box.west < 360:
            if box.west <= box.east:
                keep &= (index.place_lon >= box.west) & (index.place_lon <= box.east)
            else:
                keep &= (index.place_lon >= box.west) | (index.place_lon <= box.east)
    if view.countries:
        wanted = [i for i, code in enumerate(index.countries) if code in view.countries]
        keep &= np.isin(index.place_country, wanted)
    if view.kinds:
        keep &= np.isin(index.place_kind, [KINDS.index(k) for k in view.kinds])
    return keep


def mention_mask(index: MapIndex, view: View, *, use_window: bool = True) -> np.ndarray:
    """Which mentions the view selects; `use_window=False` ignores the time window
    (the timeline shows all of time under the other choices)."""
    keep = place_mask(index, view)[index.place]
    if use_window and (view.start or view.end):
        low = day_number(view.start) if view.start else -(2**31)
        high = day_number(view.end) if view.end else 2**31 - 1
        if view.basis == "published":
            keep &= (index.day_published >= low) & (index.day_published <= high)
        else:
            # A span (month, year, "since 2011") belongs to every window it overlaps.
            keep &= (index.day_end >= low) & (index.day_start <= high)
    if view.sources:
        wanted = [i for i, name in enumerate(index.sources) if name in view.sources]
        keep &= np.isin(index.source, wanted)
    if view.reviews:
        keep &= np.isin(index.review, [REVIEWS.index(r) for r in view.reviews])
    if view.text_matches is not None:
        keep &= np.isin(index.mention_id, view.text_matches, assume_unique=True)
    return keep


def place_counts(index: MapIndex, mask: np.ndarray) -> np.ndarray:
    """Mentions per place (aligned with the index's place columns)."""
    return np.bincount(index.place[mask], minlength=index.place_id.size)


def place_row(index: MapIndex, at: int, mentions: int) -> dict:
    return {
        "id": int(index.place_id[at]),
        "name": index.place_name[at],
        "kind": KINDS[index.place_kind[at]],
        "country_code": index.countries[index.place_country[at]],
        "admin1": index.place_admin1[at],
        "latitude": float(index.place_lat[at]),
        "longitude": float(index.place_lon[at]),
        "mentions": int(mentions),
    }


def places_ranked(index: MapIndex, counts: np.ndarray, limit: int | None = None) -> list[dict]:
    """Places with at least one mention, most mentioned first, then by name."""
    present = np.nonzero(counts)[0]
    if limit is not None and present.size > limit:
        # Keep every place tied with the last one kept, so the name order below is fair.
        threshold = np.partition(counts[present], present.size - limit)[present.size - limit]
        present = present[counts[present] >= threshold]
    order = sorted(present.tolist(), key=lambda at: (-counts[at], index.place_name[at]))
    if limit is not None:
        order = order[:limit]
    return [place_row(index, at, counts[at]) for at in order]


def date_bounds(index: MapIndex) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and latest event dates a reader can see."""
    dated = index.day_start > -(2**29)
    if not dated.any():
        return None, None
    return day_date(int(index.day_start[dated].min())), day_date(int(index.day_end[dated].max()))


def clusters(index: MapIndex, counts: np.ndarray, zoom: int) -> list[dict]:
    """Markers for a zoom level: countries always alone (they are drawn as outlines);
    regions and towns grouped on a screen grid when there are many, each group with
    its mention count, its number of places and its bounds (zooming in splits it)."""
    present = np.nonzero(counts)[0]
    is_country = index.place_kind[present] == KINDS.index(Place.Kind.COUNTRY)
    singles = present[is_country].tolist()
    rest = present[~is_country]
    if rest.size <= CLUSTER_MIN_PLACES:
        return [_single(index, at, counts[at]) for at in singles + rest.tolist()]

    scale = 256.0 * (2**zoom) / CLUSTER_CELL_PX
    cell_x = np.floor(index.place_x[rest] * scale).astype(np.int64)
    cell_y = np.floor(index.place_y[rest] * scale).astype(np.int64)
    is_area = (index.place_kind[rest] == KINDS.index(Place.Kind.REGION)).astype(np.int64)
    keys = ((cell_x << 22) | cell_y) << 1 | is_area
    unique, group = np.unique(keys, return_inverse=True)
    weights = counts[rest].astype(np.float64)
    total = np.bincount(group, weights=weights)
    members = np.bincount(group)
    lat = np.bincount(group, weights=weights * index.place_lat[rest]) / total
    lon = np.bincount(group, weights=weights * index.place_lon[rest]) / total
    south = _group_extreme(np.minimum, group, unique.size, index.place_lat[rest], np.inf)
    north = _group_extreme(np.maximum, group, unique.size, index.place_lat[rest], -np.inf)
    west = _group_extreme(np.minimum, group, unique.size, index.place_lon[rest], np.inf)
    east = _group_extreme(np.maximum, group, unique.size, index.place_lon[rest], -np.inf)
    first_member = np.full(unique.size, -1, dtype=np.int64)
    first_member[group[::-1]] = rest[::-1]

    markers = [_single(index, at, counts[at]) for at in singles]
    for g in range(unique.size):
        if members[g] == 1:
            at = int(first_member[g])
            markers.append(_single(index, at, counts[at]))
            continue
        markers.append({
            "cluster": True,
            "id": f"c{zoom}-{int(unique[g])}",
            "kind": "region" if unique[g] & 1 else "city",
            "latitude": float(lat[g]),
            "longitude": float(lon[g]),
            "mentions": int(total[g]),
            "places": int(members[g]),
            "bounds": [float(west[g]), float(south[g]), float(east[g]), float(north[g])],
        })
    return markers


def _group_extreme(
    ufunc: Callable, group: np.ndarray, size: int, values: np.ndarray, start: float
) -> np.ndarray:
    out = np.full(size, start)
    ufunc.at(out, group, values)
    return out


def _single(index: MapIndex, at: int, mentions: int) -> dict:
    return {"cluster": False, **place_row(index, at, mentions)}


@dataclass(frozen=True)
class Timeline:
    start: dt.date
    end: dt.date
    bin_days: int
    counts: list[int]
    spans: list[dict]


def timeline(
    index: MapIndex, view: View, *, axis_start: dt.date | None, axis_end: dt.date | None,
    bins: int,
) -> Timeline | None:
    """Mentions over time under the view's choices except its window. Mentions dated to
    a day are counted in bins; imprecise ones (a month, a year, a range) are returned
    as spans, grouped by identical extent, most frequent first. None if nothing is dated."""
    mask = mention_mask(index, view, use_window=False)
    if view.basis == "published":
        starts = ends = index.day_published[mask]
    else:
        starts, ends = index.day_start[mask], index.day_end[mask]
    if starts.size == 0:
        return None
    # By default the axis covers day-dated mentions and spans up to about a year; a long
    # range ("since 2011") would squeeze everything else into a sliver, so it is clipped.
    framing = (ends - starts) <= LONG_SPAN_DAYS
    if not framing.any():
        framing = np.ones_like(framing)
    low = day_number(axis_start) if axis_start else int(starts[framing].min())
    high = day_number(axis_end) if axis_end else int(ends[framing].max())
    high = max(high, low)
    bins = max(1, min(bins, MAX_TIMELINE_BINS))
    bin_days = max(1, math.ceil((high - low + 1) / bins))
    n_bins = math.ceil((high - low + 1) / bin_days)

    is_point = starts == ends
    points = starts[is_point]
    points = points[(points >= low) & (points <= high)]
    counts = np.bincount((points - low) // bin_days, minlength=n_bins)[:n_bins]

    span_start, span_end = starts[~is_point], ends[~is_point]
    overlaps = (span_end >= low) & (span_start <= high)
    span_start, span_end = span_start[overlaps].astype(np.int64), span_end[overlaps].astype(np.int64)
    spans: list[dict] = []
    if span_start.size:
        keys, span_counts = np.unique((span_start << 32) | (span_end - span_start), return_counts=True)
        order = np.argsort(-span_counts, kind="stable")[:MAX_TIMELINE_SPANS]
        for k in order:
            first = int(keys[k] >> 32)
            spans.append({
                "start": day_date(first).isoformat(),
                "end": day_date(first + int(keys[k] & 0xFFFFFFFF)).isoformat(),
                "mentions": int(span_counts[k]),
            })
    # The last bin may reach past the last day a date can name (an axis up to 9999-12-31).
    last_day = min(low + n_bins * bin_days - 1, day_number(dt.date.max))
    return Timeline(
        start=day_date(low), end=day_date(last_day), bin_days=bin_days,
        counts=counts.astype(int).tolist(), spans=spans,
    )
