"""Names the offline gazetteer could not place, asked of an online geocoder where the
deployment allows it (settings.ONLINE_GEOCODER; off by default, and then this costs nothing).

Each name is asked once per deployment: the answer, a place or "not found", is kept as an
OnlineGeocoderAnswer row, and a place found becomes a Place whose origin names the service
("online:nominatim"). The service is asked no faster than ONLINE_GEOCODER_MIN_DELAY_SECONDS
by all the deployment's processes on this host together (a pace file under CONFLICTMAP_VAR_DIR,
mapapp.geoparsing.geocoder.SharedPace). A timeout or a 5xx answer is a
temporary failure: the article goes back to the queue and is retried later (tasks.py)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from geopy.location import Location

from mapapp.geoparsing import Toponym
from mapapp.geoparsing.geocoder import OnlineGeocoder, OnlineGeocoderError, online_geocoder
from mapapp.models import OnlineGeocoderAnswer, Place

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_current: tuple[tuple, OnlineGeocoder] | None = None
# Services that refused us (a banned User-Agent, a spent quota): not asked again until restart.
_refused: set[tuple] = set()

# Nominatim's "addresstype" -> Place.Kind
KIND_OF_ADDRESS_TYPE = {
    "country": Place.Kind.COUNTRY,
    **dict.fromkeys(("state", "region", "province"), Place.Kind.REGION),
    **dict.fromkeys(("city", "town", "village", "hamlet", "municipality", "suburb", "quarter",
                     "neighbourhood", "city_district", "borough"), Place.Kind.CITY),
}


def configured_online_geocoder() -> OnlineGeocoder | None:
    """The deployment's online geocoder, or None when ONLINE_GEOCODER is empty. One per
    process, rebuilt if the settings change; its pace is shared with the deployment's
    other processes through a file in VAR_DIR."""
    global _current
    if not settings.ONLINE_GEOCODER:
        return None
    config = (settings.ONLINE_GEOCODER, settings.ONLINE_GEOCODER_URL, settings.ONLINE_GEOCODER_USER_AGENT,
              settings.ONLINE_GEOCODER_MIN_DELAY_SECONDS, settings.ONLINE_GEOCODER_TIMEOUT_SECONDS)
    with _lock:
        if _current is None or _current[0] != config:
            service, url, user_agent, min_delay, timeout = config
            _current = (config, online_geocoder(service, url=url, user_agent=user_agent, timeout=timeout,
                                                min_delay_seconds=min_delay,
                                                pace_file=settings.VAR_DIR / f"online-geocoder-{service}.pace"))
        if config in _refused:
            return None
        return _current[1]


def query_key(name: str) -> str:
    """How a name is asked and remembered: case and spacing ignored."""
    return " ".join(name.casefold().split())


def online_places_for(toponyms: Iterable[Toponym]) -> dict[str, Place]:
    """Places for the toponyms the gazetteer left without a point, by ``query_key`` of
    their name: remembered answers first, the online geocoder for names never asked.
    Empty when no online geocoder is configured. Raises
    mapapp.processing.service.TemporaryProcessingError when the service is down or slow."""
    geocoder = configured_online_geocoder()
    if geocoder is None:
        return {}
    names: dict[str, str] = {}
    for toponym in toponyms:
        if toponym.latitude is None and not toponym.is_demonym and toponym.name.strip():
            names.setdefault(query_key(toponym.name)[:300], toponym.name)
    if not names:
        return {}
    answers = OnlineGeocoderAnswer.objects.filter(service=geocoder.service, query__in=names).select_related("place")
    known = {answer.query: answer.place for answer in answers}
    for key, name in names.items():
        if key not in known:
            known[key] = _ask(geocoder, key, name)
    return {key: place for key, place in known.items() if place is not None}


def _ask(geocoder: OnlineGeocoder, key: str, name: str) -> Place | None:
    """Ask the service about one name and remember its answer."""
    from mapapp.processing.service import TemporaryProcessingError

    try:
        location = geocoder.geocode(name, exactly_one=True)
    except OnlineGeocoderError as error:
        if error.temporary:
            raise TemporaryProcessingError(f"online geocoder: {error}") from error
        # Refused outright: asking again for every name would only repeat the refusal.
        logger.error("The online geocoder refused a request; not asking it again until restart: %s", error)
        with _lock:
            if _current is not None:
                _refused.add(_current[0])
        return None
    return _remember(geocoder, key, name, location)


def _remember(geocoder: OnlineGeocoder, key: str, name: str, location: Location | None) -> Place | None:
    """Store the answer (and its place); if another worker stored one first, keep that."""
    try:
        with transaction.atomic():
            place = _place(geocoder, name, location) if location is not None else None
            OnlineGeocoderAnswer.objects.create(service=geocoder.service, query=key, place=place)
        return place
    except IntegrityError:
        return OnlineGeocoderAnswer.objects.select_related("place").get(service=geocoder.service, query=key).place


def _place(geocoder: OnlineGeocoder, name: str, location: Location) -> Place:
    raw = location.raw if isinstance(location.raw, dict) else {}
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    return Place.objects.create(
        name=(str(raw.get("name") or "").strip() or name)[:200],
        latitude=location.latitude,
        longitude=location.longitude,
        country_code=str(address.get("country_code") or "")[:2].upper(),
        admin1=str(address.get("state") or "")[:200],
        kind=KIND_OF_ADDRESS_TYPE.get(raw.get("addresstype"), Place.Kind.OTHER),
        origin=geocoder.origin,
    )
