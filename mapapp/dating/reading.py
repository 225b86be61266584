"""dateparser's reading of an expression against a day, read once for every day it holds for.

Asking dateparser costs about half a millisecond, and every article brings its own
publication date to read against. But many expressions read the same way from many
days: "yesterday" is the day before whichever day, "Saturday" the latest Saturday
before any day of the same weekday, "2011" all of 2011 from any day, "last month"
the same month from any day of a month. Those are read once from a representative
day and carried over.

Each carrying-over was checked against dateparser itself: for every spelling listed
here (as written, lower case, upper case, capitalised), both ways of preferring
dates, every third day of 2010 to 2020 and hundreds of days from 1900 to 2099.
Other expressions, spellings and days are read as they come.
"""

import datetime
import re
from functools import lru_cache

from dateparser.date import DateDataParser

# Read the same way from any day, counting from it.
_SAME_FROM_ANY_DAY = {
    "en": ("today", "yesterday", "tomorrow", "last night", "last week", "next week"),
    "de": ("heute", "gestern", "vorgestern", "morgen", "letzte Woche", "nächste Woche"),
    "fr": ("aujourd'hui", "aujourd’hui", "hier", "avant-hier", "demain", "la semaine dernière",
           "la semaine prochaine"),
    "es": ("hoy", "ayer", "anteayer", "antier", "mañana", "la semana pasada", "la próxima semana"),
    "ar": ("اليوم", "أمس", "الأمس", "غدا", "غدًا", "الأسبوع الماضي", "الأسبوع القادم"),
}
# Read the same way from any day of the same weekday.
_SAME_FROM_ANY_SUCH_WEEKDAY = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo"),
    "ar": ("الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاحد"),
}
# As a period (the whole month or year meant), read the same way from any day of a month.
_SAME_MONTH_FROM_ANY_DAY_OF_A_MONTH = {
    "en": ("last month", "next month"),
    "de": ("letzten Monat", "nächsten Monat"),
    "fr": ("le mois dernier", "le mois prochain"),
    "es": ("el mes pasado", "el próximo mes"),
    "ar": ("الشهر الماضي", "الشهر القادم"),
}
# As a period, read the same way from any day of a year.
_SAME_YEAR_FROM_ANY_DAY_OF_A_YEAR = {
    "en": ("last year", "next year"),
    "de": ("letztes Jahr", "nächstes Jahr"),
    "fr": ("l'année dernière", "l’année dernière", "l'année prochaine", "l’année prochaine"),
    "es": ("el año pasado", "el próximo año"),
    "ar": ("السنة الماضية", "السنة القادمة"),
}
# "2011": as a period, all of that year from any day.
_BARE_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# The days the checks covered.
CHECKED_FROM = datetime.date(1900, 1, 1)
CHECKED_TO = datetime.date(2099, 12, 31)
# Representative days are this Monday and the six days after it.
_REFERENCE_MONDAY = datetime.date(2015, 1, 5)


def _spellings(word: str) -> set[str]:
    return {word, word.lower(), word.upper(), word.title(), word.capitalize()}


def _by_spelling(table: dict[str, tuple[str, ...]], value: object) -> dict[tuple[str, str], object]:
    return {(language, s): value for language, words in table.items() for w in words for s in _spellings(w)}


# (language, expression) -> after how many days dateparser's reading repeats, shifted.
_REPEATS_EVERY = {**_by_spelling(_SAME_FROM_ANY_DAY, 1), **_by_spelling(_SAME_FROM_ANY_SUCH_WEEKDAY, 7)}
# (language, expression) -> the day of a month or year that stands for all its days.
_PERIOD_READ_FROM = {
    **_by_spelling(_SAME_MONTH_FROM_ANY_DAY_OF_A_MONTH, lambda day: day.replace(day=1)),
    **_by_spelling(_SAME_YEAR_FROM_ANY_DAY_OF_A_YEAR, lambda day: day.replace(month=1, day=1)),
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
    if every is None or not CHECKED_FROM <= base <= CHECKED_TO:
        return _dateparser_reading(core, language, base, prefer)
    reference = _REFERENCE_MONDAY + datetime.timedelta(days=(base - _REFERENCE_MONDAY).days % every)
    reading = _dateparser_reading(core, language, reference, prefer)
    return None if reading is None else (reading[0] + (base - reference), reading[1])


def period_base(core: str, language: str, base: datetime.date) -> datetime.date:
    """A day from which ``core``, taken as the whole period it names, reads as from
    ``base`` and as from many other days ("last month": the first of the month)."""
    if not CHECKED_FROM <= base <= CHECKED_TO:
        return base
    if _BARE_YEAR.fullmatch(core):
        return _REFERENCE_MONDAY
    representative = _PERIOD_READ_FROM.get((language or "en", core))
    return base if representative is None else representative(base)


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
