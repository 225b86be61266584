"""Turning one found expression into an event date, with dateparser doing the parsing."""

import calendar
import datetime
import re
from functools import lru_cache

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


@lru_cache(maxsize=16384)
def normalise(core: str, language: str | None) -> str:
    """``core`` with number words as digits and the vocabulary's rewrites applied."""
    number_words = vocabulary_for(language).number_words
    core = " ".join(str(number_words.get(word.lower(), word)) for word in core.split())
    for pattern, replacement in compiled(language).rewrites:
        core = pattern.sub(replacement, core)
    return core


def period_dates(day: datetime.date, period: str) -> tuple[datetime.date, datetime.date, str]:
    """The span and precision that dateparser's ``period`` around ``day`` stands for.

    A week becomes its Monday-to-Sunday range.
    """
    if period == "year":
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31), "year"
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), "month"
    if period == "week":
        monday = day - datetime.timedelta(days=day.weekday())
        return monday, monday + datetime.timedelta(days=6), "range"
    return day, day, "day"


def period_start(published: datetime.date, unit: str) -> datetime.date:
    """The first day of the year, month or (Monday-based) week holding ``published``."""
    if unit == "year":
        return published.replace(month=1, day=1)
    if unit == "month":
        return published.replace(day=1)
    return published - datetime.timedelta(days=published.weekday())


# How far back "in recent days/weeks/months/years" reaches.
_RECENT = {"day": 7, "week": 3, "month": 3, "year": 3, "hour": 24}


def _past_period(
    expression: Expression, published: datetime.date, language: str | None
) -> tuple[datetime.date, datetime.date, str] | None:
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
    return min(start[0], published), published, "range"


def _agreeing_with_weekday(
    core: str, weekday: str, language: str, published: datetime.date
) -> tuple[datetime.date, datetime.date, str] | None:
    """"Monday, March 30" without a year: the latest March 30 that was a Monday
    (within a few years), else the latest March 30."""
    dates = _parsed(core, language, published)
    named = parse(normalise(weekday, language), language, published)
    if dates is None or named is None or dates[0].weekday() == named[0].weekday():
        return dates
    for years_back in range(1, 12):
        try:
            earlier = dates[0].replace(year=dates[0].year - years_back)
        except ValueError:  # 29 February
            continue
        if earlier.weekday() == named[0].weekday():
            return earlier, earlier, "day"
    return dates


def _season(
    expression: Expression, published: datetime.date
) -> tuple[datetime.date, datetime.date, str] | None:
    """"Last summer", "this winter", "the spring of 2014" as a range."""
    season = expression.name_starting("s_")
    if season is None:
        return None
    year = expression.group("y")
    if year:
        start, end = season_span(season, int(year))
    else:
        which = "last" if expression.group("last") is not None else (
            "next" if expression.group("next") is not None else "this")
        start, end = season_relative(season, published, which)
    # A season under way has happened only up to publication; "since the
    # summer" runs from its start to publication.
    if start <= published < end or (expression.group("since") is not None and start <= published):
        end = published
    return start, end, "range"


def _parsed(
    core: str, language: str, base: datetime.date, prefer: str = "past"
) -> tuple[datetime.date, datetime.date, str] | None:
    normalised = normalise(core, language)
    result = parse(normalised, language, base, prefer)
    if result is None:
        return None
    return period_dates(*result)


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
    # Languages without a vocabulary only have numeric dates, which read the same.
    lang = language if language in VOCABULARIES else "en"
    kind = expression.kind
    core = expression.group("core") or ""
    dates: tuple[datetime.date, datetime.date, str] | None
    if kind == "weekday" and (future or expression.group_starting("next") is not None):
        # Read from the day before, so a Friday paper's "will meet on Friday" is that day.
        dates = _parsed(core, lang, published - ONE_DAY, prefer="future")
        if dates and dates[0] < published:
            return None
    elif kind == "weekday":
        # "On Saturday" in a Saturday paper is that day: read it from the next
        # day so dateparser's "latest such weekday before" includes publication.
        said_last = expression.group_starting("last") is not None
        dates = _parsed(core, lang, published if said_last else published + ONE_DAY)
        if dates and dates[0] > published:
            return None
    elif kind == "last_month":
        # Reading from the end of the previous month skips the current one;
        # "August of last year" reads from the end of last year.
        if expression.group("ly"):
            base = datetime.date(published.year - 1, 12, 31)
        else:
            base = published.replace(day=1) - ONE_DAY
        dates = _parsed(core, lang, base)
    elif kind == "explicit" and future and not _YEAR.search(core):
        # "The first day of school will be Aug. 17": the coming one (read from
        # the day before, so that a date equal to publication stays there).
        dates = _parsed(core, lang, published - ONE_DAY, prefer="future")
    elif kind == "explicit" and expression.group("wd") and not _YEAR.search(core):
        dates = _agreeing_with_weekday(core, expression.group("wd") or "", lang, published)
    elif kind in ("relative", "explicit", "year", "attributive_year", "future"):
        dates = _parsed(core, lang, published)
        if dates and kind == "relative":
            if dates[0] > published:
                return None
            dates = (dates[0], min(dates[1], published), dates[2])
        elif dates and kind == "explicit" and dates[1] > published and not _YEAR.search(core):
            # "In mid-September" in a September paper: the month so far.
            dates = (dates[0], published, "range") if dates[0] <= published else None
    elif kind == "since":
        inner = _parsed(core, lang, published)
        if inner is None or inner[0] > published:
            return None
        dates = (inner[0], published, "range")
    elif kind == "span":
        first = _parsed(expression.group("a") or "", lang, published)
        last = _parsed(expression.group("b") or "", lang, published)
        if first is None or last is None or last[1] < first[0]:
            return None
        dates = (first[0], last[1], "range")
    elif kind == "weekend":
        # The latest Saturday on or before publication (strictly before for "last").
        said_last = expression.group_starting("last") is not None
        saturday = parse("Saturday", "en", published if said_last else published + ONE_DAY)
        if saturday is None:
            return None
        dates = (saturday[0], min(saturday[0] + ONE_DAY, published), "range")
    elif kind == "decade":
        year = int(core)
        # "The 1800s" is a century; "the 2000s" the decade, as news uses them.
        length = 100 if year % 100 == 0 and year < 2000 else 10
        if year > published.year:
            return None
        dates = (datetime.date(year, 1, 1), min(datetime.date(year + length - 1, 12, 31), published), "range")
    elif kind == "past_period":
        dates = _past_period(expression, published, language)
    elif kind == "feast":
        span = feast_span(expression.name_starting("f_") or "", published, future=future)
        dates = None if span is None else (span[0], span[1], "day" if span[0] == span[1] else "range")
    elif kind == "season":
        dates = _season(expression, published)
    elif kind == "day_of_month":
        day = day_of_month(int(core), published, future=future) if core.isdigit() else None
        dates = None if day is None else (day, day, "day")
    elif kind == "this_period":
        unit_word = (expression.group_starting("unit") or "").lower()
        unit = vocabulary_for(language).units.get(unit_word, "year")
        dates = (period_start(published, unit), published, "range")
    else:
        return None
    if dates is None:
        return None
    start, end, precision = dates
    return EventDate(start, end, precision, "stated", expression.text)


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
