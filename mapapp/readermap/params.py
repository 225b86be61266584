"""Parse and validate query parameters; bad input raises BadParameter with a message
that the API returns as a 400."""
import datetime as dt
import math
import re

from django.http import QueryDict


class BadParameter(ValueError):
    pass


def date_param(query: QueryDict, name: str) -> dt.date | None:
    raw = query.get(name, "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a date as YYYY-MM-DD, not {raw[:40]!r}.") from None


def int_param(query: QueryDict, name: str, default: int, *, low: int, high: int) -> int:
    raw = query.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a whole number, not {raw[:40]!r}.") from None
    if not low <= value <= high:
        raise BadParameter(f"'{name}' must be between {low} and {high}, not {value}.")
    return value


def choice_param(query: QueryDict, name: str, choices: list[str], default: str) -> str:
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if raw not in choices:
        raise BadParameter(f"'{name}' must be one of {', '.join(choices)}, not {raw[:40]!r}.")
    return raw


def list_param(query: QueryDict, name: str, *, allowed: list[str] | None = None,
               pattern: str | None = None, upper: bool = False) -> tuple[str, ...]:
    """Values given as repeated parameters and/or comma-separated, each checked."""
    values: list[str] = []
    for raw in query.getlist(name):
        values.extend(part.strip() for part in raw.split(","))
    values = [v.upper() if upper else v for v in values if v]
    for value in values:
        if allowed is not None and value not in allowed:
            raise BadParameter(
                f"'{name}' values must be among {', '.join(allowed)}, not {value[:40]!r}."
            )
        if pattern is not None and not re.fullmatch(pattern, value):
            raise BadParameter(f"'{name}' has a malformed value {value[:40]!r}.")
    return tuple(dict.fromkeys(values))


# Control characters (NUL above all: PostgreSQL refuses it in any query) are never
# part of a name, a source or words to look for.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _checked_text(name: str, value: str, max_length: int) -> str:
    if len(value) > max_length:
        raise BadParameter(f"'{name}' must be at most {max_length} characters.")
    if CONTROL_CHARACTERS.search(value):
        raise BadParameter(f"'{name}' must not hold control characters.")
    return value


def text_list_param(query: QueryDict, name: str, *, max_length: int = 200) -> tuple[str, ...]:
    """Free-form values (source names may hold commas, so only repeated parameters)."""
    values = [raw.strip() for raw in query.getlist(name) if raw.strip()]
    return tuple(dict.fromkeys(_checked_text(name, value, max_length) for value in values))


def text_param(query: QueryDict, name: str, *, max_length: int = 200) -> str:
    """Words, with runs of white space made one space."""
    return _checked_text(name, " ".join(query.get(name, "").split()), max_length)


def bbox_param(query: QueryDict, name: str) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees (the order of GeoJSON's bbox member)."""
    raw = query.get(name, "").strip()
    if not raw:
        return None
    parts = raw.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadParameter(
            f"'{name}' must be four numbers west,south,east,north, not {raw[:60]!r}."
        ) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise BadParameter(f"'{name}' must hold finite numbers.")
    if not (-90 <= south <= north <= 90):
        raise BadParameter(f"'{name}' latitudes must satisfy -90 <= south <= north <= 90.")
    if not (-540 <= west <= 540 and -540 <= east <= 540):
        raise BadParameter(f"'{name}' longitudes must be between -540 and 540.")
    return west, south, east, north


BASES = ["event", "published"]
KINDS = ["country", "region", "city", "other"]
REVIEWS = ["machine", "confirmed", "corrected"]
# What the feed and the exports list: passages naming places (the default) or events.
LAYERS = ["mentions", "events"]


def layer_param(query: QueryDict) -> str:
    return choice_param(query, "layer", LAYERS, "mentions")


def view_param(query: QueryDict, *, areas_default: str = "hide"):
    """Every choice a reader makes on the map, from the query string, as a View.
    `areas` defaults to `areas_default` (the map hides countries; exports keep them)."""
    from mapapp.readermap.queries import AREAS, BBox, View
    from mapapp.readermap.trust import TRUSTS

    start, end = date_param(query, "start"), date_param(query, "end")
    if start and end and start > end:
        raise BadParameter("'start' must not be after 'end'.")
    box = bbox_param(query, "bbox")
    bbox = None
    if box is not None:
        west, south, east, north = box
        if east - west >= 360:
            west, east = -180.0, 180.0
        elif east < west:
            raise BadParameter("'bbox' east must not be less than west (add 360 to cross 180°).")
        else:
            # Leaflet reports longitudes past ±180 after panning around the world.
            west, east = _wrap(west), _wrap(east)
        bbox = BBox(south=south, west=west, north=north, east=east)
    return View(
        start=start,
        end=end,
        basis=choice_param(query, "basis", BASES, "event"),
        bbox=bbox,
        sources=text_list_param(query, "source"),
        countries=list_param(query, "country", pattern=r"[A-Z]{2}", upper=True),
        kinds=list_param(query, "kind", allowed=KINDS),
        reviews=list_param(query, "review", allowed=REVIEWS),
        trusts=list_param(query, "trust", allowed=TRUSTS),
        areas=choice_param(query, "areas", AREAS, areas_default),
        text=text_param(query, "q"),
    )


def _wrap(longitude: float) -> float:
    if longitude == 180:
        return 180.0
    return (longitude + 180.0) % 360.0 - 180.0
