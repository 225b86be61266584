"""The timeline on the in-memory index: mentions over time under a view (all its choices
but the window), and the frame that fits the axis to the news (time_frame: the bulk of the
dates, the default window, and the mentions folded before and after)."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from mapapp.readermap.index import MapIndex, day_date, day_number
from mapapp.readermap.queries import View, mention_mask

MAX_TIMELINE_BINS = 400
MAX_TIMELINE_SPANS = 300
# A span longer than this ("since 2011") neither frames the axis nor places the bulk.
LONG_SPAN_DAYS = 400
# The timeline's frame (see time_frame).
BULK_SHARE = 0.95
DEFAULT_WINDOW_SHARE = 0.80
MIN_WINDOW_DAYS = 30


@dataclass(frozen=True)
class Fold:
    """Mentions folded out of the axis: how many, the first and last day they name."""

    count: int = 0
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True)
class TimeFrame:
    bulk_start: dt.date
    bulk_end: dt.date
    default_start: dt.date
    default_end: dt.date
    earlier: Fold
    later: Fold


def time_frame(starts: np.ndarray, ends: np.ndarray) -> TimeFrame | None:
    """Where the news is on the time axis, for mentions spanning `starts`..`ends` (day
    numbers). None when there are none.

    The rule, on each mention's middle day (mentions spanning more than LONG_SPAN_DAYS,
    "since 2011", are left out of it unless there is nothing else):
    - the *bulk* is the shortest span holding BULK_SHARE (95 %) of the mentions, widened
      on each side by half its length (at least MIN_WINDOW_DAYS), never beyond the first
      and last day named by the mentions within it. A passage about 1805 among 2020s news
      lies outside.
    - *earlier* and *later* count the mentions that lie wholly before or after the bulk
      (the timeline folds them into a bar instead of stretching its axis over them).
    - the *default window* is the shortest span holding DEFAULT_WINDOW_SHARE (80 %) of the
      mentions (the latest such span if several tie), widened around its middle to at least
      MIN_WINDOW_DAYS, inside the bulk.
    """
    if starts.size == 0:
        return None
    framing = (ends - starts) <= LONG_SPAN_DAYS
    if not framing.any():
        framing = np.ones_like(framing)
    first, last = starts[framing], ends[framing]
    middles = (first.astype(np.int64) + last) // 2

    core_low, core_high = _shortest_span(middles, BULK_SHARE)
    pad = max(MIN_WINDOW_DAYS, (core_high - core_low) // 2)
    inside = (middles >= core_low - pad) & (middles <= core_high + pad)
    bulk_low = max(core_low - pad, int(first[inside].min()))
    bulk_high = min(core_high + pad, int(last[inside].max()))

    low, high = _shortest_span(middles, DEFAULT_WINDOW_SHARE)
    if high - low + 1 < MIN_WINDOW_DAYS:
        low = (low + high) // 2 - MIN_WINDOW_DAYS // 2
        high = low + MIN_WINDOW_DAYS - 1
        # Slide the widened window back inside the bulk rather than cut it short.
        if high > bulk_high:
            low, high = low - (high - bulk_high), bulk_high
        if low < bulk_low:
            low, high = bulk_low, high + (bulk_low - low)
    low, high = max(low, bulk_low), min(high, bulk_high)

    return TimeFrame(
        bulk_start=day_date(bulk_low), bulk_end=day_date(bulk_high),
        default_start=day_date(low), default_end=day_date(high),
        earlier=_fold(starts, ends, ends < bulk_low),
        later=_fold(starts, ends, starts > bulk_high),
    )


def _shortest_span(days: np.ndarray, share: float) -> tuple[int, int]:
    """The first and last day of the shortest span holding at least `share` of `days`
    (the latest one when several are as short)."""
    base = int(days.min())
    per_day = np.bincount(days - base)
    below = np.concatenate(([0], np.cumsum(per_day)))  # below[i]: days before base + i
    needed = max(1, math.ceil(share * days.size))
    starts = np.nonzero(per_day)[0]
    # The first day index at which `needed` days have been reached from each start.
    stops = np.searchsorted(below, below[starts] + needed) - 1
    possible = stops < per_day.size
    starts, stops = starts[possible], stops[possible]
    lengths = stops - starts
    best = lengths.size - 1 - int(np.argmin(lengths[::-1]))
    return base + int(starts[best]), base + int(stops[best])


def _fold(starts: np.ndarray, ends: np.ndarray, outside: np.ndarray) -> Fold:
    if not outside.any():
        return Fold()
    return Fold(count=int(outside.sum()), first=day_date(int(starts[outside].min())),
                last=day_date(int(ends[outside].max())))


def view_days(index: MapIndex, mask: np.ndarray, basis: str) -> tuple[np.ndarray, np.ndarray]:
    """First and last day of each selected mention on the basis asked."""
    if basis == "published":
        days = index.day_published[mask]
        return days, days
    return index.day_start[mask], index.day_end[mask]


@dataclass(frozen=True)
class Timeline:
    start: dt.date
    end: dt.date
    bin_days: int
    counts: list[int]
    spans: list[dict]
    frame: TimeFrame


def timeline(
    index: MapIndex, view: View, *, axis_start: dt.date | None, axis_end: dt.date | None,
    bins: int,
) -> Timeline | None:
    """Mentions over time under the view's choices except its window. Mentions dated to
    a day are counted in bins; imprecise ones (a month, a year, a range) are returned
    as spans, grouped by identical extent, most frequent first. The axis runs from
    `axis_start` to `axis_end`, by default over the bulk of time_frame (what lies outside
    is counted in its `earlier` and `later` folds). None if nothing is dated."""
    mask = mention_mask(index, view, use_window=False)
    starts, ends = view_days(index, mask, view.basis)
    frame = time_frame(starts, ends)
    if frame is None:
        return None
    low = day_number(axis_start) if axis_start else day_number(frame.bulk_start)
    high = day_number(axis_end) if axis_end else day_number(frame.bulk_end)
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
        counts=counts.astype(int).tolist(), spans=spans, frame=frame,
    )
