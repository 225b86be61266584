"""Turning one found expression into an event date, with dateparser doing the parsing."""

import calendar
import datetime
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from mapapp.dating.calendars import (
    day_of_month,
    feast_span,
    season_relative,
    season_span,
)
from mapapp.dating.event_date import EventDate
from mapapp.dating.expressions import Expression, compiled
from mapapp.dating.vocabularies import VOCABULARIES

ONE_DAY = datetime.timedelta(days=1)
_YEAR = re.compile(r"\d{4}")
_BARE_YEAR = re.compile(r"1[89]\d\d|20\d\d")


# Words dateparser reads the same way from any day, counting from it ("today",
# "yesterday"), and weekday names, read the same way from any day of the same
# weekday ("Saturday": the latest Saturday before). Each is parsed once from a
# reference day and shifted to the day asked for, not parsed anew for every
# publication date. Checked against dateparser for every third day of 2010 to
# 2020 and 400 others from 1900 to 2099, in each case shown here, both ways
# of preferring dates; other spellings are parsed as they come.
_SAME_FROM_ANY_DAY = {
    "en": ("today", "yesterday", "tomorrow", "last night"),
    "de": ("heute", "gestern", "vorgestern", "morgen"),
    "fr": ("aujourd'hui", "aujourd’hui", "hier", "avant-hier", "demain"),
    "es": ("hoy", "ayer", "anteayer", "antier", "mañana"),
    "ar": ("اليوم", "أمس", "الأمس", "غدا", "غدًا"),
}
_SAME_FROM_ANY_SUCH_WEEKDAY = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo"),
    "ar": ("الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاحد"),
}
# The days those checks covered.
SHIFTS_CHECKED_FROM = datetime.date(1900, 1, 1)
SHIFTS_CHECKED_TO = datetime.date(2099, 12, 31)
# Reference days are this Monday and the six days after it, one for each weekday.
_REFERENCE_MONDAY = datetime.date(2015, 1, 5)


def _spellings(word: str) -> set[str]:
    return {word, word.lower(), word.upper(), word.title(), word.capitalize()}


# (language, core) -> the number of days after which dateparser's reading repeats, shifted.
_REPEATS_EVERY = {
    (language, spelling): days
    for days, table in ((1, _SAME_FROM_ANY_DAY), (7, _SAME_FROM_ANY_SUCH_WEEKDAY))
    for language, words in table.items()
    for word in words
    for spelling in _spellings(word)
}


def parse(
    core: str, language: str, base: datetime.date, prefer: str = "past"
) -> tuple[datetime.date, str] | None:
    """The date and dateparser's period ("day", "week", "month", "year") of ``core``
    read against ``base``, or None when dateparser cannot read it.

    Undated expressions prefer the past, as news reports do, unless ``prefer``
    is "future".
    """
    language = language or "en"
    every = _REPEATS_EVERY.get((language, core))
    if every is None or not SHIFTS_CHECKED_FROM <= base <= SHIFTS_CHECKED_TO:
        return _dateparser_reading(core, language, base, prefer)
    reference = _REFERENCE_MONDAY + datetime.timedelta(days=(base - _REFERENCE_MONDAY).days % every)
    reading = _dateparser_reading(core, language, reference, prefer)
    return None if reading is None else (reading[0] + (base - reference), reading[1])


@lru_cache(maxsize=16384)
def _dateparser_reading(
    core: str, language: str, base: datetime.date, prefer: str
) -> tuple[datetime.date, str] | None:
    settings = {
        # Midday keeps "10 days ago" on the right calendar day whatever the hour.
        "RELATIVE_BASE": datetime.datetime.combine(base, datetime.time(12)),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        # Timestamps and digit runs without separators are never dates in prose.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    try:
        parser = DateDataParser(languages=[language], settings=settings)
        data = parser.get_date_data(core)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=16384)
def normalise(core: str, language: str | None) -> str:
    """``core`` with number words as digits and the vocabulary's rewrites applied."""
    vocabulary = compiled(language)
    words = core.split()
    core = " ".join(str(vocabulary.vocabulary.number_words.get(w.lower(), w)) for w in words)
    for pattern, replacement in vocabulary.rewrites:
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
    if _BARE_YEAR.fullmatch(normalised) and SHIFTS_CHECKED_FROM <= base <= SHIFTS_CHECKED_TO:
        # "2011" is all of 2011 read from any day (checked as the shifts are): parsed once.
        base = _REFERENCE_MONDAY
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
        unit = compiled(language).vocabulary.units.get(unit_word, "year")
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
    return compiled(language).vocabulary.number_words.get(number.lower())


def unit_of(word: str | None, language: str | None) -> str | None:
    """"day", "week", "month", "year" or "hour" for a unit word of the language."""
    return compiled(language).vocabulary.units.get((word or "").lower()) if word else None
