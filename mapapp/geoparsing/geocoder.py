"""geopy geocoders: the embedded gazetteer as a geopy Geocoder, plus an optional online fallback.

``GazetteerGeocoder().geocode("Paris, Texas")`` answers from the local index, offline,
returning ``geopy.Location``s whose ``raw`` carries the GeoNames id, kind, country and
population. ``FallbackGeocoder`` asks the gazetteer first and, only for names it lacks, an
online geopy geocoder (e.g. Nominatim) that ``online_fallback`` wraps in geopy's
RateLimiter (one request per second, Nominatim's policy) and a cache. Nothing requires the
online part: without it the app stays fully offline.

``online_geocoder`` builds the one online geocoder a deployment configures (Nominatim, at
its public address or another one) as an ``OnlineGeocoder``: rate-limited for the whole
process and with geopy's errors sorted into temporary (worth asking again later) and
permanent. Processing (mapapp/processing/online_places.py) and the editors' point picker
both use it; neither caches here, processing keeps its answers in the database.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import urlsplit

from geopy.exc import (
    ConfigurationError,
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderNotFound,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from mapapp.geoparsing.disambiguation import WEIGHTS, prior
from mapapp.geoparsing.gazetteer import (
    DEMONYM,
    FLAG_BITS,
    KIND_CODE,
    KIND_NAMES,
    Gazetteer,
)
from mapapp.geoparsing.normalize import name_key

DEFAULT_LIMIT = 10


class GazetteerGeocoder(Geocoder):
    """A geopy Geocoder over the embedded GeoNames gazetteer; never touches the network.

    A query is a place name, optionally followed by what contains it, comma-separated:
    "Tripoli", "Tripoli, Lebanon", "Paris, Texas", "Idlib, Syria". Results are ranked by
    kind and population, as the geoparser's prior does, after keeping only those inside
    the named containers.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        super().__init__()
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from mapapp.geoparsing import get_geoparser

            self._gazetteer = get_geoparser().gazetteer
        return self._gazetteer

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: object = None,
                country_codes: str | list[str] | None = None, limit: int = DEFAULT_LIMIT,
                ) -> Location | list[Location] | None:
        """Locations for ``query``: the best one (or None) if ``exactly_one``, else a list (or None)."""
        g = self.gazetteer
        parts = [p.strip() for p in str(query).split(",") if p.strip()]
        if not parts:
            return None
        wanted = {c.upper() for c in ([country_codes] if isinstance(country_codes, str) else country_codes or [])}
        containers = [self._entries(part) for part in parts[1:]]
        ranked: list[tuple[float, int]] = []
        for posting in g.lookup(name_key(parts[0])):
            if posting & DEMONYM:
                continue
            e = posting >> FLAG_BITS
            if wanted and g.country[e] not in wanted:
                continue
            if not all(any(self._contains(c, e) for c in options) for options in containers):
                continue
            ranked.append((prior(g, e, posting & 3, WEIGHTS), e))
        ranked.sort(reverse=True)
        seen: set[int] = set()
        locations = []
        for _score, e in ranked:
            if e not in seen:
                seen.add(e)
                locations.append(self._location(e))
        if not locations:
            return None
        return locations[0] if exactly_one else locations[:limit]

    def reverse(self, query, *, exactly_one=True, timeout=None):
        raise NotImplementedError("the gazetteer geocoder does not reverse-geocode")

    def _entries(self, name: str) -> list[int]:
        return [p >> FLAG_BITS for p in self.gazetteer.lookup(name_key(name)) if not p & DEMONYM]

    def _contains(self, container: int, entry: int) -> bool:
        g = self.gazetteer
        if container == entry:
            return False
        if g.kind[container] == KIND_CODE["country"]:
            return g.country[entry] == g.country[container]
        if g.kind[container] == KIND_CODE["region"]:
            return g.region[entry] == container
        return False

    def _location(self, e: int) -> Location:
        g = self.gazetteer
        country_entry = g.country_entry.get(g.country[e])
        parts = [g.name[e]]
        if g.admin1[e] and g.admin1[e] != g.name[e]:
            parts.append(g.admin1[e])
        if country_entry is not None and country_entry != e:
            parts.append(g.name[country_entry])
        raw = {
            "geonameid": g.geonameid[e] or None, "name": g.name[e], "kind": KIND_NAMES[g.kind[e]],
            "country_code": g.country[e],
            "country": g.name[country_entry] if country_entry is not None else "",
            "admin1": g.admin1[e], "population": g.population[e],
            "latitude": g.latitude[e], "longitude": g.longitude[e], "source": "gazetteer",
        }
        return Location(", ".join(parts), (g.latitude[e], g.longitude[e]), raw)


class AnswerCache:
    """A small thread-safe least-recently-used cache of geocoding answers (None included)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bool, object]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
            return False, None

    def put(self, key: str, value: object) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def online_fallback(geocoder: Geocoder, *, min_delay_seconds: float = 1.0, cache_size: int = 4096,
                    max_retries: int = 2) -> Callable[[str], Location | None]:
    """Wrap an online geopy geocoder for occasional use: rate-limited and cached.

    ``geocoder`` is e.g. ``Nominatim(user_agent="conflictmap/1.0 (ops@example.org)")``; the
    caller must give it a real User-Agent. Each distinct query reaches the service at most
    once per process, and never faster than one request per ``min_delay_seconds``.
    """
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                          max_retries=max_retries, swallow_exceptions=True, return_value_on_exception=None)
    cache = AnswerCache(cache_size)

    def lookup(query: str) -> Location | None:
        key = " ".join(query.casefold().split())
        hit, value = cache.get(key)
        if hit:
            return value  # type: ignore[return-value]
        value = limited(query, exactly_one=True)
        cache.put(key, value)
        return value

    return lookup


class FallbackGeocoder:
    """The gazetteer first; an online fallback (see ``online_fallback``) only for what it lacks."""

    def __init__(self, primary: GazetteerGeocoder, fallback: Callable[[str], Location | None] | None = None) -> None:
        self.primary = primary
        self.fallback = fallback

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list[Location] | None:
        found = self.primary.geocode(query, exactly_one=exactly_one)
        if found is not None or self.fallback is None:
            return found
        location = self.fallback(query)
        if location is None:
            return None
        return location if exactly_one else [location]


# geopy errors that asking again later will not cure: a malformed query, a refused or
# exhausted account, a service that is not there. Every other geopy error (timeouts,
# 5xx answers, 429, an unreadable answer, an unreachable host) is temporary.
PERMANENT_ERRORS = (
    ConfigurationError, GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges,
    GeocoderNotFound, GeocoderQueryError, GeocoderQuotaExceeded,
)
ONLINE_SERVICES = ("nominatim",)


class OnlineGeocoderError(Exception):
    """The online geocoder could not answer. ``temporary`` says whether asking the same
    question later may succeed (a timeout, a 5xx) or not (a refused request)."""

    def __init__(self, message: str, *, temporary: bool) -> None:
        super().__init__(message)
        self.temporary = temporary


class SharedPace:
    """At most one call per ``min_delay_seconds`` across every process that shares
    ``path`` (web and worker processes of one deployment): the time of the last call is
    kept in that file, under an exclusive lock held while waiting for the next slot."""

    def __init__(self, path: str | os.PathLike, min_delay_seconds: float) -> None:
        self.path = os.fspath(path)
        self.min_delay_seconds = min_delay_seconds

    def wrap(self, call: Callable) -> Callable:
        def paced(*args, **kwargs):
            self.wait_for_slot()
            return call(*args, **kwargs)

        return paced

    def wait_for_slot(self) -> None:
        with open(self.path, "a+") as file:
            fcntl.flock(file, fcntl.LOCK_EX)
            try:
                file.seek(0)
                try:
                    last = float(file.read().strip() or 0.0)
                except ValueError:
                    last = 0.0
                wait = last + self.min_delay_seconds - time.time()
                if wait > 0:
                    time.sleep(min(wait, self.min_delay_seconds))
                file.seek(0)
                file.truncate()
                file.write(repr(time.time()))
                file.flush()
            finally:
                fcntl.flock(file, fcntl.LOCK_UN)


class OnlineGeocoder:
    """An online geopy geocoder, asked no faster than once per ``min_delay_seconds`` by
    this process (geopy's RateLimiter) and, given ``pace_file``, by every process sharing
    that file; its failures surface as ``OnlineGeocoderError`` (never swallowed, never
    retried here: the caller decides when to ask again)."""

    def __init__(self, geocoder: Geocoder, *, service: str, min_delay_seconds: float = 1.0,
                 pace_file: str | os.PathLike | None = None) -> None:
        self.service = service
        self.origin = f"online:{service}"
        # For callers that remember answers within this process (the point picker's
        # search); processing remembers its answers in the database instead.
        self.answers = AnswerCache(512)
        ask = geocoder.geocode
        if pace_file is not None and min_delay_seconds > 0:
            ask = SharedPace(pace_file, min_delay_seconds).wrap(ask)
        # geopy's RateLimiter holds a lock: threads of one process share the pace.
        self._limited = RateLimiter(ask, min_delay_seconds=min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)

    def geocode(self, query: str, *, exactly_one: bool = True, limit: int | None = None,
                ) -> Location | list[Location] | None:
        """What the service answers for ``query`` (geopy's ``geocode`` contract), with
        address details so a result carries its country and region."""
        options = {"exactly_one": exactly_one, "addressdetails": True}
        if limit is not None and not exactly_one:
            options["limit"] = limit
        try:
            return self._limited(query, **options)
        except GeocoderQueryError:
            return None  # a query the service will not take names nothing it knows
        except PERMANENT_ERRORS as error:
            raise OnlineGeocoderError(f"{self.service}: {error}", temporary=False) from error
        except GeopyError as error:
            raise OnlineGeocoderError(f"{self.service}: {type(error).__name__}: {error}",
                                      temporary=True) from error


def online_geocoder(service: str, *, url: str = "", user_agent: str, timeout: float = 10.0,
                    min_delay_seconds: float = 1.0, pace_file: str | os.PathLike | None = None,
                    ) -> OnlineGeocoder:
    """The online geocoder named ``service`` ("nominatim"), at ``url`` if given
    ("http://127.0.0.1:8080", "https://nominatim.example.org/base"), else at its public
    address. ``user_agent`` must identify the deployment (Nominatim's usage policy);
    ``pace_file`` makes the pace hold across processes (see SharedPace)."""
    if service not in ONLINE_SERVICES:
        raise ValueError(f"unknown online geocoder {service!r}: expected one of {ONLINE_SERVICES}")
    if not user_agent.strip():
        raise ValueError("an online geocoder needs a User-Agent naming this deployment")
    where = {}
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {url!r}")
        where = {"scheme": parts.scheme, "domain": parts.netloc + parts.path.rstrip("/")}
    geocoder = Nominatim(user_agent=user_agent, timeout=timeout, **where)
    return OnlineGeocoder(geocoder, service=service, min_delay_seconds=min_delay_seconds, pace_file=pace_file)
