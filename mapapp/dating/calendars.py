"""Dates dateparser does not know: moveable feasts, seasons and a bare day of the month.

Easter comes from python-dateutil, Eid and Ramadan from the Umm al-Qura calendar
(hijridate); local moon sightings may differ by a day. Seasons are the northern
meteorological ones (spring is March to May, winter December to February).
"""

import calendar
import datetime
from collections.abc import Iterator

from dateutil.easter import easter
from hijridate import Gregorian, Hijri

ONE_DAY = datetime.timedelta(days=1)

# Feast -> (calendar, offset or (Hijri month, day), length in days; 0 for the whole Hijri month).
FEASTS: dict[str, tuple[str, int | tuple[int, int], int]] = {
    "easter_sunday": ("easter", 0, 1),
    "good_friday": ("easter", -2, 1),
    "easter_monday": ("easter", 1, 1),
    "palm_sunday": ("easter", -7, 1),
    "eid_al_fitr": ("hijri", (10, 1), 1),
    "eid_al_adha": ("hijri", (12, 10), 1),
    "ramadan": ("hijri", (9, 1), 0),
}
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def feast_span(
    feast: str, published: datetime.date, *, future: bool = False
) -> tuple[datetime.date, datetime.date] | None:
    """The latest occurrence of ``feast`` that began on or before ``published``,
    or with ``future`` the first that begins on or after it; None outside the
    years the calendars cover (Umm al-Qura: 1924 to 2077)."""
    try:
        occurrences = sorted(_feast_occurrences(feast, published))
    except (ValueError, OverflowError):
        return None
    if future:
        return next(span for span in occurrences if span[0] >= published)
    return [span for span in occurrences if span[0] <= published][-1]


def _feast_occurrences(feast: str, published: datetime.date) -> Iterator[tuple[datetime.date, datetime.date]]:
    kind, where, length = FEASTS[feast]
    if kind == "easter":
        for year in (published.year - 1, published.year, published.year + 1):
            day = easter(year) + datetime.timedelta(days=int(where))
            yield day, day + datetime.timedelta(days=length - 1)
        return
    month, day = where
    this_year = Gregorian(published.year, published.month, published.day).to_hijri().year
    for hijri_year in (this_year - 1, this_year, this_year + 1):
        first = _gregorian(hijri_year, month, day)
        if length:
            last = first + datetime.timedelta(days=length - 1)
        else:
            following = (hijri_year + 1, 1) if month == 12 else (hijri_year, month + 1)
            last = _gregorian(following[0], following[1], 1) - ONE_DAY
        yield first, last


def _gregorian(year: int, month: int, day: int) -> datetime.date:
    converted = Hijri(year, month, day).to_gregorian()
    return datetime.date(converted.year, converted.month, converted.day)


def season_span(season: str, year: int) -> tuple[datetime.date, datetime.date]:
    """The season of ``year``; winter is the one that ends in ``year``."""
    first_month = SEASON_MONTHS[season]
    start_year = year - 1 if season == "winter" else year
    start = datetime.date(start_year, first_month, 1)
    end_month = (first_month + 1) % 12 + 1
    end_year = start_year + (1 if end_month < first_month else 0)
    return start, datetime.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def season_relative(season: str, published: datetime.date, which: str) -> tuple[datetime.date, datetime.date]:
    """"last", "this" or "next" ``season`` as seen on ``published``."""
    spans = [season_span(season, year) for year in range(published.year - 2, published.year + 3)]
    if which == "last":
        return [span for span in spans if span[1] < published][-1]
    if which == "next":
        return next(span for span in spans if span[0] > published)
    # "This summer": the one under way, else the one of this calendar year.
    current = [span for span in spans if span[0] <= published <= span[1]]
    if current:
        return current[0]
    return next(span for span in spans if span[1].year == published.year and span[0].year == published.year)


def day_of_month(day: int, published: datetime.date, *, future: bool = False) -> datetime.date | None:
    """"On the 11th": the latest such day on or before ``published`` (the next
    one with ``future``), or None for a day no month has."""
    if not 1 <= day <= 31:
        return None
    year, month = published.year, published.month
    for _ in range(3):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = datetime.date(year, month, day)
            if (candidate >= published) if future else (candidate <= published):
                return candidate
        year, month = (year, month + 1) if future else (year, month - 1)
        if month == 13:
            year, month = year + 1, 1
        elif month == 0:
            year, month = year - 1, 12
    return None
