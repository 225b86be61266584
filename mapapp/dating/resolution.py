"""Turning one found expression into an event date, with dateparser doing the parsing.

Each kind of expression (see ``vocabularies.grammar.KINDS``) has its own rule below;
``resolve`` picks it.
"""

import calendar
import datetime
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from mapapp.dating.calendars import (
    day_of_month,
    feast_span,
    season_relative,
    season_span,
)
from mapapp.dating.event_date import EventDate
from mapapp.dating.expressions import Expression, compiled
from mapapp.dating.reading import parse
from mapapp.dating.vocabularies import VOCABULARIES, vocabulary_for

ONE_DAY = datetime.timedelta(days=1)
_YEAR = re.compile(r"\d{4}")
# How far back "in recent days/weeks/months/years" reaches.
_RECENT = {"day": 7, "week": 3, "month": 3, "year": 3, "hour": 24}


class DateRange(NamedTuple):
    """First and last day an expression means, and how precise it is (see EventDate)."""

    start: datetime.date
    end: datetime.date
    precision: str


def resolve(
    expression: Expression, published: datetime.date, language: str | None, *, future: bool = False
) -> EventDate | None:
    """The event date ``expression`` states, or None if it is not a usable date.

    Past-tense relative expressions (weekdays, "ago", "last", "since", "earlier
    this") never end after ``published``. A weekday said to be "next"/"coming",
    or with ``future`` (the clause is in the future tense), is the first such
    day on or after publication; with ``future`` a date without a year is the
    coming one. Anchored expressions ("the next day") are resolved by
    ``anchoring.resolve_anchored``, which needs the date they count from.
    """
    rule = _RULES.get(expression.kind)
    if rule is None:
        return None
    # Languages without a vocabulary only have numeric dates, which read the same.
    dates = rule(expression, published, language if language in VOCABULARIES else "en", future)
    if dates is None:
        return None
    return EventDate(
        start=dates.start, end=dates.end, precision=dates.precision, source="stated", expression=expression.text
    )


def _core(expression: Expression) -> str:
    return expression.group("core") or ""


def _weekday(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"On Saturday": the latest Saturday on or before publication (strictly
    before when said to be "last"); a coming one when "next" or in the future tense."""
    if future or expression.group_starting("next") is not None:
        # Read from the day before, so a Friday paper's "will meet on Friday" is that day.
        dates = _parsed(_core(expression), language, published - ONE_DAY, prefer="future")
        return None if dates and dates.start < published else dates
    # "On Saturday" in a Saturday paper is that day: read it from the next
    # day so dateparser's "latest such weekday before" includes publication.
    said_last = expression.group_starting("last") is not None
    dates = _parsed(_core(expression), language, published if said_last else published + ONE_DAY)
    return None if dates and dates.start > published else dates


def _last_month(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Last September": reading from the end of the previous month skips the
    current one; "August of last year" reads from the end of last year."""
    if expression.group("ly"):
        base = datetime.date(published.year - 1, 12, 31)
    else:
        base = published.replace(day=1) - ONE_DAY
    return _parsed(_core(expression), language, base)


def _explicit(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """A calendar date, month or month and year."""
    core = _core(expression)
    has_year = _YEAR.search(core) is not None
    if future and not has_year:
        # "The first day of school will be Aug. 17": the coming one (read from
        # the day before, so that a date equal to publication stays there).
        return _parsed(core, language, published - ONE_DAY, prefer="future")
    weekday = expression.group("wd")
    if weekday and not has_year:
        return _agreeing_with_weekday(core, weekday, language, published)
    dates = _parsed(core, language, published)
    if dates and dates.end > published and not has_year:
        # "In mid-September" in a September paper: the month so far.
        return DateRange(dates.start, published, "range") if dates.start <= published else None
    return dates


def _agreeing_with_weekday(core: str, weekday: str, language: str, published: datetime.date) -> DateRange | None:
    """"Monday, March 30" without a year: the latest March 30 that was a Monday
    (within a few years), else the latest March 30."""
    dates = _parsed(core, language, published)
    named = parse(normalise(weekday, language), language, published)
    if dates is None or named is None or dates.start.weekday() == named[0].weekday():
        return dates
    for years_back in range(1, 12):
        try:
            earlier = dates.start.replace(year=dates.start.year - years_back)
        except ValueError:  # 29 February
            continue
        if earlier.weekday() == named[0].weekday():
            return DateRange(earlier, earlier, "day")
    return dates


def _relative(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Yesterday", "10 days ago", "last month": never after publication."""
    dates = _parsed(_core(expression), language, published)
    if dates is None or dates.start > published:
        return None
    return dates._replace(end=min(dates.end, published))


def _as_read(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"In 2011", "next week": as dateparser reads it from publication."""
    return _parsed(_core(expression), language, published)


def _since(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Since 2011": from then to publication."""
    inner = _parsed(_core(expression), language, published)
    if inner is None or inner.start > published:
        return None
    return DateRange(inner.start, published, "range")


def _span(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Between 2011 and 2013": from the start of one to the end of the other."""
    first = _parsed(expression.group("a") or "", language, published)
    last = _parsed(expression.group("b") or "", language, published)
    if first is None or last is None or last.end < first.start:
        return None
    return DateRange(first.start, last.end, "range")


def _weekend(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """The latest Saturday on or before publication (strictly before for "last") and its Sunday."""
    said_last = expression.group_starting("last") is not None
    saturday = parse("Saturday", "en", published if said_last else published + ONE_DAY)
    if saturday is None:
        return None
    return DateRange(saturday[0], min(saturday[0] + ONE_DAY, published), "range")


def _decade(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"In the 1990s", up to publication; "the 1800s" is a century, "the 2000s" the
    decade, as news uses them."""
    year = int(_core(expression))
    length = 100 if year % 100 == 0 and year < 2000 else 10
    if year > published.year:
        return None
    last_day = datetime.date(year + length - 1, 12, 31)
    return DateRange(datetime.date(year, 1, 1), min(last_day, published), "range")


def _past_period(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Over the past two weeks": from that long ago to publication."""
    unit = unit_of(expression.group("unit"), language)
    if unit is None:
        return None
    number = expression.group("n")
    if number:
        count = count_of(number, language)
    else:
        # "In recent days" and the Arabic "الأيام الماضية" reach back a while; "the past week" one week.
        count = _RECENT[unit] if expression.group("recent") is not None else 1
    if count is None:
        return None
    start = parse(f"{count} {unit}s ago", "en", published)
    if start is None:
        return None
    return DateRange(min(start[0], published), published, "range")


def _feast(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"On Easter Sunday", "during Ramadan": the latest (or with ``future`` the next) one."""
    span = feast_span(expression.name_starting("f_") or "", published, future=future)
    if span is None:
        return None
    start, end = span
    return DateRange(start, end, "day" if start == end else "range")


def _season(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Last summer", "this winter", "the spring of 2014" as a range."""
    season = expression.name_starting("s_")
    if season is None:
        return None
    year = expression.group("y")
    if year:
        start, end = season_span(season, int(year))
    else:
        if expression.group("last") is not None:
            which = "last"
        elif expression.group("next") is not None:
            which = "next"
        else:
            which = "this"
        start, end = season_relative(season, published, which)
    # A season under way has happened only up to publication; "since the
    # summer" runs from its start to publication.
    if start <= published < end or (expression.group("since") is not None and start <= published):
        end = published
    return DateRange(start, end, "range")


def _day_of_month(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"On the 11th": the latest such day (the next one with ``future``)."""
    core = _core(expression)
    day = day_of_month(int(core), published, future=future) if core.isdigit() else None
    return None if day is None else DateRange(day, day, "day")


def _this_period(expression: Expression, published: datetime.date, language: str, future: bool) -> DateRange | None:
    """"Earlier this year": from the start of the period to publication."""
    unit_word = (expression.group_starting("unit") or "").lower()
    unit = vocabulary_for(language).units.get(unit_word, "year")
    return DateRange(period_start(published, unit), published, "range")


_Rule = Callable[[Expression, datetime.date, str, bool], DateRange | None]
_RULES: dict[str, _Rule] = {
    "explicit": _explicit,
    "weekday": _weekday,
    "relative": _relative,
    "future": _as_read,
    "last_month": _last_month,
    "year": _as_read,
    "attributive_year": _as_read,
    "since": _since,
    "span": _span,
    "this_period": _this_period,
    "weekend": _weekend,
    "decade": _decade,
    "past_period": _past_period,
    "feast": _feast,
    "season": _season,
    "day_of_month": _day_of_month,
}


@lru_cache(maxsize=16384)
def normalise(core: str, language: str | None) -> str:
    """``core`` with number words as digits and the vocabulary's rewrites applied."""
    number_words = vocabulary_for(language).number_words
    core = " ".join(str(number_words.get(word.lower(), word)) for word in core.split())
    for pattern, replacement in compiled(language).rewrites:
        core = pattern.sub(replacement, core)
    return core


def _parsed(core: str, language: str, base: datetime.date, prefer: str = "past") -> DateRange | None:
    """``core``, normalised, as dateparser reads it from ``base``, as a range."""
    result = parse(normalise(core, language), language, base, prefer)
    if result is None:
        return None
    day, period = result
    return period_dates(day, period)


def period_dates(day: datetime.date, period: str) -> DateRange:
    """The span and precision that dateparser's ``period`` around ``day`` stands for.

    A week becomes its Monday-to-Sunday range.
    """
    if period == "year":
        return DateRange(datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31), "year")
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return DateRange(day.replace(day=1), day.replace(day=last), "month")
    if period == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return DateRange(monday, monday + datetime.timedelta(days=6), "range")
    return DateRange(day, day, "day")


def period_start(published: datetime.date, unit: str) -> datetime.date:
    """The first day of the year, month or (Monday-based) week holding ``published``."""
    if unit == "year":
        return published.replace(month=1, day=1)
    if unit == "month":
        return published.replace(day=1)
    return published - datetime.timedelta(days=published.weekday())


def count_of(number: str | None, language: str | None) -> int | None:
    """The number a digit string or number word stands for; 1 when absent."""
    if number is None:
        return 1
    if number.isdigit():
        return int(number)
    return vocabulary_for(language).number_words.get(number.lower())


def unit_of(word: str | None, language: str | None) -> str | None:
    """"day", "week", "month", "year" or "hour" for a unit word of the language."""
    return vocabulary_for(language).units.get((word or "").lower()) if word else None
