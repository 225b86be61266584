"""The shortcuts taken for speed give the answers the plain way would.

``reading.parse`` carries dateparser's readings over from one day to others;
checked here against dateparser asked directly.
"""

import datetime
import random

from dateparser.date import DateDataParser

from mapapp.dating import reading
from mapapp.dating.resolution import period_dates

# -------------------------------------------------------------------- reading


def _direct_reading(core: str, language: str, base: datetime.date, prefer: str) -> tuple[datetime.date, str] | None:
    """dateparser's reading of ``core`` from ``base``, asked as the original ``parse`` asked it."""
    settings = {
        "RELATIVE_BASE": datetime.datetime.combine(base, datetime.time(12)),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "absolute-time"],
    }
    try:
        data = DateDataParser(languages=[language], settings=settings).get_date_data(core)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _sample_days(rng: random.Random) -> list[datetime.date]:
    """About 200 days from 1950 to 2090: random ones, month ends, leap days and year turns."""
    first, last = datetime.date(1950, 1, 1), datetime.date(2090, 12, 31)
    days = [first + datetime.timedelta(days=rng.randrange((last - first).days + 1)) for _ in range(150)]
    days += [datetime.date(year, month % 12 + 1, 1) - datetime.timedelta(days=1)
             for year, month in zip(rng.sample(range(1951, 2090), 24), range(1, 25), strict=True)]
    days += [datetime.date(year, 2, 29) for year in (1952, 1988, 2000, 2016, 2024, 2088)]
    days += [datetime.date(year, 1, 1) for year in (1950, 1999, 2000, 2038)]
    days += [datetime.date(year, 12, 31) for year in (1969, 1999, 2089, 2090)]
    return days


def _spelling(word: str, rng: random.Random) -> str:
    return rng.choice((word, word.lower(), word.upper(), word.capitalize()))


def _carried_over_expressions(rng: random.Random) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(language, expression) pairs read by shifting a reading, and those read as a
    whole month or year from a representative day: each listed word once, some
    in another spelling, and a few bare years."""
    tables = (reading._SAME_FROM_ANY_DAY, reading._SAME_FROM_ANY_SUCH_WEEKDAY)
    shifted = [(lang, _spelling(w, rng)) for table in tables for lang, words in table.items() for w in words]
    tables = (reading._SAME_MONTH_FROM_ANY_DAY_OF_A_MONTH, reading._SAME_YEAR_FROM_ANY_DAY_OF_A_YEAR)
    periods = [(lang, _spelling(w, rng)) for table in tables for lang, words in table.items() for w in words]
    periods += [(lang, str(rng.randrange(1800, 2100))) for lang in reading._SAME_FROM_ANY_DAY for _ in range(2)]
    return shifted, periods


def _sampled_cases(expressions: list[tuple[str, str]], days: list[datetime.date], per_expression: int, seed: int):
    """Each expression against a few of the days, spread so that all are used, either preference."""
    rng = random.Random(seed)
    order = days * (len(expressions) * per_expression // len(days) + 1)
    rng.shuffle(order)
    for i, (language, core) in enumerate(expressions):
        for base in order[i * per_expression : (i + 1) * per_expression]:
            yield language, core, base, rng.choice(("past", "future"))


def test_carried_over_readings_equal_direct_ones():
    rng = random.Random(2024)
    days = _sample_days(rng)
    shifted, periods = _carried_over_expressions(rng)
    assert ("en", "yesterday") in {(lang, core.lower()) for lang, core in shifted}
    mismatches = []
    for language, core, base, prefer in _sampled_cases(shifted, days, per_expression=12, seed=1):
        want = _direct_reading(core, language, base, prefer)
        if reading.parse(core, language, base, prefer) != want:
            mismatches.append((language, core, base, prefer))
    for language, core, base, prefer in _sampled_cases(periods, days, per_expression=12, seed=2):
        got = reading.parse(core, language, reading.period_base(core, language, base), prefer)
        want = _direct_reading(core, language, base, prefer)
        assert want is not None, (language, core, base)
        if (got and period_dates(*got)) != period_dates(*want):
            mismatches.append((language, core, base, prefer))
    assert not mismatches, mismatches[:5]
