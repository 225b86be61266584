"""The map's questions answered on the in-memory index (mapapp.readermap.index): which
mentions a view selects, how many per place (and per trust), and clusters per zoom; the
timeline is mapapp.readermap.timeline's.

A *view* is everything a reader chose: time window (on event or publication dates),
map bounds, sources, countries, kinds of place, review states, trust, whether countries
are drawn, and free text."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from mapapp.models import Place
from mapapp.readermap.index import KINDS, REVIEWS, MapIndex, day_number
from mapapp.readermap.trust import TRUSTS

# Below this many places in view every place is drawn on its own: clusters exist to
# keep dense maps readable, and a few dozen markers are readable as they are.
CLUSTER_MIN_PLACES = 150
# Places closer than this many screen pixels (at the requested zoom) share a cluster.
CLUSTER_CELL_PX = 64


@dataclass(frozen=True)
class BBox:
    """Map bounds in degrees; `west > east` means the box crosses the antimeridian."""

    south: float
    west: float
    north: float
    east: float


AREAS = ["hide", "show"]


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
    trusts: tuple[str, ...] = ()  # mapapp.readermap.trust.TRUSTS; empty: all
    # "hide": countries and world areas are counted beside the map, not drawn; "show":
    # countries are drawn (as outlines); world areas never are (see drawn_places).
    areas: str = "hide"
    text: str = ""
    # Mention ids matching `text`, looked up in the database by the caller.
    text_matches: np.ndarray | None = field(default=None, compare=False, repr=False)


def drawn_places(index: MapIndex, view: View) -> np.ndarray:
    """Which places may stand on the map as a marker under the view's `areas`: towns,
    sites and regions always; countries only with areas=show; world areas (continents,
    oceans, "the Middle East", recognizer.is_world_area) never, since their nominal point
    would put a marker at sea."""
    if view.areas == "show":
        return ~index.place_world
    return ~index.place_area


def place_mask(index: MapIndex, view: View, *, areas: bool = True) -> np.ndarray:
    """Which places the view's place-level choices (bounds, country, kind and, unless
    `areas` is false, the areas rule of drawn_places) keep."""
    keep = drawn_places(index, view) if areas else np.ones(index.place_id.size, dtype=bool)
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


def mention_mask(
    index: MapIndex, view: View, *, use_window: bool = True, areas: bool = True
) -> np.ndarray:
    """Which mentions the view selects; `use_window=False` ignores the time window
    (the timeline shows all of time under the other choices); `areas=False` keeps the
    mentions of countries and world areas whatever the view's `areas`."""
    keep = place_mask(index, view, areas=areas)[index.place]
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
    if view.trusts:
        wanted = np.zeros(len(TRUSTS), dtype=bool)
        wanted[[TRUSTS.index(t) for t in view.trusts]] = True
        keep &= wanted[index.trust]
    if view.text_matches is not None:
        keep &= np.isin(index.mention_id, view.text_matches, assume_unique=True)
    return keep


@dataclass(frozen=True)
class PlaceCounts:
    """Mentions per place (aligned with the index's place columns), in all and by trust."""

    total: np.ndarray
    by_trust: np.ndarray  # (places, len(TRUSTS))

    def only(self, keep: np.ndarray) -> PlaceCounts:
        """The counts of the places `keep` marks; the others count zero."""
        return PlaceCounts(total=np.where(keep, self.total, 0),
                           by_trust=np.where(keep[:, None], self.by_trust, 0))


def place_counts(index: MapIndex, mask: np.ndarray) -> PlaceCounts:
    """Mentions per place and per trust under a mention mask (one bincount)."""
    width = len(TRUSTS)
    by_trust = np.bincount(index.place_trust[mask], minlength=index.place_id.size * width)
    by_trust = by_trust.reshape(index.place_id.size, width)
    return PlaceCounts(total=by_trust.sum(axis=1), by_trust=by_trust)


def place_row(index: MapIndex, at: int, counts: PlaceCounts) -> dict:
    """A place as the API shows it, with its mentions in the view by trust."""
    return {
        "id": int(index.place_id[at]),
        "name": index.place_name[at],
        "kind": KINDS[index.place_kind[at]],
        "country_code": index.countries[index.place_country[at]],
        "admin1": index.place_admin1[at],
        "latitude": float(index.place_lat[at]),
        "longitude": float(index.place_lon[at]),
        "mentions": int(counts.total[at]),
        **{name: int(counts.by_trust[at, i]) for i, name in enumerate(TRUSTS)},
        "area": bool(index.place_area[at]),
    }


def _ranked(index: MapIndex, totals: np.ndarray, limit: int | None) -> list[int]:
    """Places with at least one mention, most mentioned first, then by name."""
    present = np.nonzero(totals)[0]
    if limit is not None and present.size > limit:
        # Keep every place tied with the last one kept, so the name order below is fair.
        threshold = np.partition(totals[present], present.size - limit)[present.size - limit]
        present = present[totals[present] >= threshold]
    order = sorted(present.tolist(), key=lambda at: (-totals[at], index.place_name[at]))
    return order if limit is None else order[:limit]


def places_ranked(index: MapIndex, counts: PlaceCounts, limit: int | None = None) -> list[dict]:
    """Places with at least one mention, most mentioned first, then by name."""
    return [place_row(index, at, counts) for at in _ranked(index, counts.total, limit)]


def areas_ranked(index: MapIndex, counts: PlaceCounts, limit: int) -> list[dict]:
    """Countries and world areas with mentions, most mentioned first (the panel's
    count of what the map does not draw as a hotspot)."""
    totals = np.where(index.place_area, counts.total, 0)
    return [
        {"id": int(index.place_id[at]), "name": index.place_name[at],
         "kind": KINDS[index.place_kind[at]],
         "country_code": index.countries[index.place_country[at]],
         "mentions": int(totals[at])}
        for at in _ranked(index, totals, limit)
    ]


def area_mentions(index: MapIndex, counts: PlaceCounts) -> int:
    return int(counts.total[index.place_area].sum())


MAX_MEMBERS = 50


def clusters(index: MapIndex, counts: PlaceCounts, zoom: int, *, max_zoom: int) -> list[dict]:
    """Markers for a zoom level. Countries stand alone (they are drawn as outlines).
    Places sharing one point are always one cluster listing its `members`, so a reader
    can spread them apart. When many places are in view (and below `max_zoom`), regions
    and towns are also grouped on a screen grid, each group with its mention count, its
    number of places and its bounds (zooming in splits it); a group whose places all
    share one point lists its members too."""
    present = np.nonzero(counts.total)[0]
    is_country = index.place_kind[present] == KINDS.index(Place.Kind.COUNTRY)
    markers = [_single(index, at, counts) for at in present[is_country].tolist()]
    rest = present[~is_country]
    if rest.size == 0:
        return markers
    if rest.size <= CLUSTER_MIN_PLACES or zoom >= max_zoom:
        # Only places at exactly one point share a marker.
        lat_key = np.round(index.place_lat[rest] * 1e6).astype(np.int64)
        lon_key = np.round(index.place_lon[rest] * 1e6).astype(np.int64)
        keys = (lat_key + 90_000_000) * 400_000_000 + (lon_key + 200_000_000)
    else:
        scale = 256.0 * (2**zoom) / CLUSTER_CELL_PX
        cell_x = np.floor(index.place_x[rest] * scale).astype(np.int64)
        cell_y = np.floor(index.place_y[rest] * scale).astype(np.int64)
        is_area = (index.place_kind[rest] == KINDS.index(Place.Kind.REGION)).astype(np.int64)
        keys = ((cell_x << 22) | cell_y) << 1 | is_area
    unique, group = np.unique(keys, return_inverse=True)
    group = group.reshape(-1)
    weights = counts.total[rest].astype(np.float64)
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
    is_region = index.place_kind[first_member] == KINDS.index(Place.Kind.REGION)

    shared_point = [g for g in range(unique.size)
                    if members[g] > 1 and south[g] == north[g] and west[g] == east[g]]
    member_lists = _members(index, counts, rest, group, shared_point)
    for g in range(unique.size):
        if members[g] == 1:
            markers.append(_single(index, int(first_member[g]), counts))
            continue
        marker = {
            "cluster": True,
            "id": f"c{zoom}-{int(unique[g])}",
            "kind": "region" if is_region[g] else "city",
            "latitude": float(lat[g]),
            "longitude": float(lon[g]),
            "mentions": int(total[g]),
            "places": int(members[g]),
            "bounds": [float(west[g]), float(south[g]), float(east[g]), float(north[g])],
        }
        if g in member_lists:
            marker["members"] = member_lists[g]
        markers.append(marker)
    return markers


def _members(
    index: MapIndex, counts: PlaceCounts, rest: np.ndarray, group: np.ndarray, groups: list[int]
) -> dict[int, list[dict]]:
    """The places of each group in `groups`, most mentioned first (at most MAX_MEMBERS)."""
    found: dict[int, list[dict]] = {}
    order = np.argsort(group, kind="stable")
    sorted_groups = group[order]
    for g in groups:
        low, high = np.searchsorted(sorted_groups, [g, g + 1])
        places = sorted(rest[order[low:high]].tolist(),
                        key=lambda at: (-counts.total[at], index.place_name[at]))[:MAX_MEMBERS]
        found[g] = [{"id": int(index.place_id[at]), "name": index.place_name[at],
                     "kind": KINDS[index.place_kind[at]], "mentions": int(counts.total[at])}
                    for at in places]
    return found


def _group_extreme(
    ufunc: Callable, group: np.ndarray, size: int, values: np.ndarray, start: float
) -> np.ndarray:
    out = np.full(size, start)
    ufunc.at(out, group, values)
    return out


def _single(index: MapIndex, at: int, counts: PlaceCounts) -> dict:
    return {"cluster": False, **place_row(index, at, counts)}
