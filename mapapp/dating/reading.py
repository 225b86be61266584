"""dateparser's reading of an expression against a day."""

import datetime
from functools import lru_cache

from dateparser.date import DateDataParser


@lru_cache(maxsize=16384)
def parse(
    core: str, language: str, base: datetime.date, prefer: str = "past"
) -> tuple[datetime.date, str] | None:
    """The date and dateparser's period ("day", "week", "month", "year") of ``core``
    read against ``base``, or None when dateparser cannot read it.

    Undated expressions prefer the past, as news reports do, unless ``prefer``
    is "future". Cached: an article's expressions recur in the next article of
    the same day.
    """
    settings = {
        # Midday keeps "10 days ago" on the right calendar day whatever the hour.
        "RELATIVE_BASE": datetime.datetime.combine(base, datetime.time(12)),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        # Timestamps and digit runs without separators are never dates in prose.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    try:
        parser = DateDataParser(languages=[language or "en"], settings=settings)
        data = parser.get_date_data(core)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
