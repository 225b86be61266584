"""Parse and validate query parameters; bad input raises BadParameter with a message
that the API returns as a 400."""
import datetime as dt

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
