"""An in-memory, column-wise copy of every mention a reader may see, so that the map's
questions (which places, how many mentions, when) are answered with vectorised
numpy operations instead of a GROUP BY over a million rows on every pan or drag.

Each process builds the index once and rebuilds it when the database's map revision
(mapapp.processing.revision) moves on; a request pays one tiny query to check that. Passages,
free-text search and exports still read the database."""
from __future__ import annotations

import datetime as dt
import math
import threading
import time
from dataclasses import dataclass

import numpy as np
from django.db import connection

from mapapp.geoparsing.recognizer import is_world_area
from mapapp.models import Article, Mention, Place
from mapapp.processing.revision import revision_current
from mapapp.readermap import trust

EPOCH = dt.date(1970, 1, 1)
# Days for mentions with no date at all: outside every bounded window.
NO_DAY = -(2**30)
KINDS = [value for value, _ in Place.Kind.choices]
REVIEWS = [value for value, _ in Mention.Review.choices]


def day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def day_date(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


@dataclass
class MapIndex:
    """Columns for mentions (one entry per mention) and for places (one per place)."""

    revision: str
    build_seconds: float
    mention_id: np.ndarray  # int64
    place: np.ndarray  # int32, index into the place columns
    article: np.ndarray  # int64 article ids
    day_start: np.ndarray  # int32 days since 1970-01-01 (event date)
    day_end: np.ndarray  # int32 (end of the event date's span)
    day_published: np.ndarray  # int32 (the article's publication date)
    source: np.ndarray  # int32, index into `sources`
    review: np.ndarray  # int8, index into REVIEWS
    trust: np.ndarray  # int8, index into trust.TRUSTS
    # place * len(TRUSTS) + trust: one bincount gives mentions per place and trust.
    place_trust: np.ndarray  # int32
    place_id: np.ndarray  # int64, sorted
    place_name: list[str]
    place_lat: np.ndarray  # float64
    place_lon: np.ndarray
    place_x: np.ndarray  # Web Mercator at zoom 0, 0..1
    place_y: np.ndarray
    place_kind: np.ndarray  # int8, index into KINDS
    place_country: np.ndarray  # int32, index into `countries`
    place_admin1: list[str]
    # A country or a world area (continent, ocean, "the Middle East"): counted beside the
    # map, not drawn as a hotspot by default.
    place_area: np.ndarray  # bool
    # A world area alone: no marker can stand for it (its point may be in an ocean).
    place_world: np.ndarray  # bool
    sources: list[str]
    countries: list[str]
    # The settings the index was built under (the trust rule and whether unsure is shown).
    settings_key: tuple = ()

    @property
    def size(self) -> int:
        return int(self.mention_id.size)

    def place_index(self, place_id: int) -> int | None:
        """Where the place's columns are, or None if no visible mention names it."""
        if not 0 < place_id < 2**63:  # no such row, and numpy cannot hold the number
            return None
        at = int(np.searchsorted(self.place_id, place_id))
        if at < self.place_id.size and self.place_id[at] == place_id:
            return at
        return None


# Rebuilding an index that took longer than this to build happens in a background
# thread while the previous index keeps answering (new articles appear a few seconds
# later instead of every reader waiting); smaller ones are rebuilt inline.
INLINE_REBUILD_SECONDS = 0.5

_lock = threading.Lock()
_cached: MapIndex | None = None
_rebuilding = threading.Event()


def _settings_key() -> tuple:
    return (trust.sure_threshold(), trust.unsure_shown())


def map_index() -> MapIndex:
    """The index for the database's current revision (or, while a large index is
    being rebuilt in the background, the previous one)."""
    global _cached
    revision = revision_current()
    cached = _cached
    if cached is not None and cached.revision == revision and cached.settings_key == _settings_key():
        return cached
    if cached is not None and cached.build_seconds > INLINE_REBUILD_SECONDS:
        _rebuild_in_background()
        return cached
    with _lock:
        if _cached is None or _cached.revision != revision or _cached.settings_key != _settings_key():
            _cached = build_index(revision)
        return _cached


def _rebuild_in_background() -> None:
    if _rebuilding.is_set():
        return
    _rebuilding.set()

    def rebuild() -> None:
        global _cached
        try:
            with _lock:
                _cached = build_index(revision_current())
        finally:
            _rebuilding.clear()
            connection.close()  # this thread's own connection

    threading.Thread(target=rebuild, name="map-index-rebuild", daemon=True).start()


def build_index(revision: str) -> MapIndex:
    """Read the visible mentions and the places they name into columns. A place no
    visible mention names (one used only by drafts or retracted articles, an editor's
    point on a draft) is left out: for readers it does not exist. So are unsure mentions
    when settings.MAP_SHOW_UNSURE is false."""
    began = time.perf_counter()
    articles = _read_articles()
    article_ids = np.array([row[0] for row in articles], dtype=np.int64)
    columns = _read_mentions(article_ids)
    named = set(np.unique(columns[1]).tolist())
    places = [row for row in _read_places() if row[0] in named]
    place_ids = np.array([row[0] for row in places], dtype=np.int64)
    countries = sorted({row[5] for row in places})
    country_at = {code: i for i, code in enumerate(countries)}
    # A place deleted between the two reads takes its mentions off the map with it.
    kept = np.isin(columns[1], place_ids)
    if not kept.all():
        columns = tuple(column[kept] for column in columns)
    lat = np.array([row[2] for row in places], dtype=np.float64)
    lon = np.array([row[3] for row in places], dtype=np.float64)
    x, y = mercator(lat, lon)

    sources = sorted({row[1] for row in articles})
    source_at = {name: i for i, name in enumerate(sources)}
    article_source = np.array([source_at[row[1]] for row in articles], dtype=np.int32)
    article_day = np.array([row[2] for row in articles], dtype=np.int32)

    mention_article = columns[2]
    # An article unpublished between the two reads cannot point past the end.
    at_article = np.minimum(np.searchsorted(article_ids, mention_article), max(article_ids.size - 1, 0))
    day_published = article_day[at_article] if at_article.size else np.zeros(0, np.int32)
    day_start = np.where(columns[3] == NO_DAY, day_published, columns[3]).astype(np.int32)
    day_end = np.where(columns[4] == NO_DAY, day_start, columns[4]).astype(np.int32)
    day_end = np.maximum(day_end, day_start)
    place = np.searchsorted(place_ids, columns[1]).astype(np.int32)
    return MapIndex(
        revision=revision,
        build_seconds=time.perf_counter() - began,
        mention_id=columns[0],
        place=place,
        article=mention_article,
        day_start=day_start,
        day_end=day_end,
        day_published=day_published.astype(np.int32),
        source=article_source[at_article] if at_article.size else np.zeros(0, np.int32),
        review=columns[5],
        trust=columns[6],
        place_trust=(place * len(trust.TRUSTS) + columns[6]).astype(np.int32),
        place_id=place_ids,
        place_name=[row[1] for row in places],
        place_lat=lat,
        place_lon=lon,
        place_x=x,
        place_y=y,
        place_kind=np.array([_kind_code(row[4]) for row in places], dtype=np.int8),
        place_country=np.array([country_at[row[5]] for row in places], dtype=np.int32),
        place_admin1=[row[6] for row in places],
        place_area=np.array([row[4] == Place.Kind.COUNTRY or is_world_area(row[1], row[4], row[5])
                             for row in places], dtype=bool),
        place_world=np.array([is_world_area(row[1], row[4], row[5]) for row in places], dtype=bool),
        sources=sources,
        countries=countries,
        settings_key=_settings_key(),
    )


def mercator(lat: np.ndarray, lon: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator coordinates in the unit square (what Leaflet multiplies by 256·2^z)."""
    clipped = np.clip(lat, -85.0511, 85.0511)
    x = (lon + 180.0) / 360.0
    radians = np.radians(clipped)
    y = (1.0 - np.log(np.tan(radians) + 1.0 / np.cos(radians)) / math.pi) / 2.0
    return x, y


def _kind_code(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else KINDS.index(Place.Kind.OTHER)


def _read_places() -> list[tuple]:
    return list(
        Place.objects.order_by("id").values_list(
            "id", "name", "latitude", "longitude", "kind", "country_code", "admin1"
        )
    )


def _day_sql(column: str, *, timestamp: bool = False) -> str:
    """SQL for a date (or timestamp) column as days since 1970-01-01, on either engine."""
    if connection.vendor == "postgresql":
        return f"(CAST({column} AS date) - DATE '1970-01-01')"
    if timestamp:
        column = f"date({column})"
    # A date is stored as 'YYYY-MM-DD', whose julian day is a whole number + .5.
    return f"CAST(julianday({column}) - 2440587.5 AS INTEGER)"


def _read_articles() -> list[tuple]:
    table = Article._meta.db_table
    published = _day_sql("published_at", timestamp=True)
    created = _day_sql("created_at", timestamp=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, source, COALESCE({published}, {created}) FROM {table} "
            "WHERE publication = %s ORDER BY id",
            [Article.Publication.PUBLISHED],
        )
        return cursor.fetchall()


def _read_mentions(article_ids: np.ndarray) -> tuple[np.ndarray, ...]:
    """(mention id, place id, article id, start day, end day, review code, trust code)
    columns for the visible mentions (same rule as selectors.mentions_visible). Whether
    the article is published is checked here against `article_ids` (sorted): a join in
    SQL costs several times more than the whole scan."""
    mention = Mention._meta.db_table
    review_case = " ".join(f"WHEN '{value}' THEN {i}" for i, value in enumerate(REVIEWS))
    trust_case, trust_params = trust.trust_sql(review_column="review", confidence_column="confidence")
    sql = (
        f"SELECT id, place_id, article_id, "
        f"COALESCE({_day_sql('event_date')}, {NO_DAY}), "
        f"COALESCE({_day_sql('event_date_end')}, {NO_DAY}), "
        f"CASE review {review_case} ELSE 0 END, {trust_case} "
        f"FROM {mention} WHERE place_id IS NOT NULL AND is_demonym = %s AND review <> %s"
    )
    hidden_trust = None if trust.unsure_shown() else trust.TRUSTS.index(trust.UNSURE)
    chunks: list[np.ndarray] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, [*trust_params, False, Mention.Review.REJECTED])
        while rows := cursor.fetchmany(200_000):
            chunk = np.array(rows, dtype=np.int64)
            at = np.searchsorted(article_ids, chunk[:, 2])
            published = (at < article_ids.size) & (
                article_ids[np.minimum(at, max(article_ids.size - 1, 0))] == chunk[:, 2]
            ) if article_ids.size else np.zeros(len(chunk), dtype=bool)
            if hidden_trust is not None:
                published &= chunk[:, 6] != hidden_trust
            chunks.append(chunk[published])
    table = np.concatenate(chunks) if chunks else np.zeros((0, 7), dtype=np.int64)
    return (
        table[:, 0].copy(),
        table[:, 1].copy(),
        table[:, 2].copy(),
        table[:, 3].astype(np.int32),
        table[:, 4].astype(np.int32),
        table[:, 5].astype(np.int8),
        table[:, 6].astype(np.int8),
    )
