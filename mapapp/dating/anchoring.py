"""Dates counted from another date: "the next day", "a month later", "a week earlier"."""

import calendar
import datetime

from mapapp.dating.event_date import EventDate
from mapapp.dating.expressions import Expression
from mapapp.dating.resolution import DateRange, count_of, period_dates, unit_of


def resolve_anchored(
    expression: Expression, anchor: EventDate, language: str | None, *, source: str
) -> EventDate | None:
    """The date an anchored expression ("the next day", "a month later") means
    counted from ``anchor``, or None if the anchor is too coarse for it.

    Days and weeks need a day to count from; months keep month precision and
    years year precision.
    """
    step = _anchored_step(expression, language)
    if step is None:
        return None
    count, unit = step
    if unit in ("day", "week"):
        if anchor.precision != "day":
            return None
        day = anchor.start + datetime.timedelta(days=count * (7 if unit == "week" else 1))
        dates = DateRange(day, day, "day")
    elif unit == "month" and anchor.precision in ("day", "month"):
        dates = period_dates(shift_months(anchor.start, count), "month")
    elif unit == "year":
        dates = period_dates(datetime.date(anchor.start.year + count, 1, 1), "year")
    else:
        return None
    return EventDate(
        start=dates.start, end=dates.end, precision=dates.precision, source=source, expression=expression.text
    )


def shift_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by whole months, on the same day of the month where it exists."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def _anchored_step(expression: Expression, language: str | None) -> tuple[int, str] | None:
    if expression.group("after") is not None:
        return 1, "day"
    if expression.group("before") is not None:
        return -1, "day"
    if expression.group("same") is not None:
        return 0, "day"
    count = count_of(expression.group("n"), language)
    unit = unit_of(expression.group("unit"), language)
    if count is None or unit is None:
        return None
    return (-count if expression.group("earlier") is not None else count), unit
