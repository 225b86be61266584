"""The shortcuts taken for speed give the answers the plain way would.

``find_expressions`` skips patterns whose needle words a passage lacks, and
``reading.parse`` carries dateparser's readings over from one day to others.
Both are checked here against the slow, obvious computation written out in
the test: every pattern run on every passage that holds a trigger word, and
dateparser asked directly.
"""

import datetime
import random
import re
from functools import cache

import pytest
from dateparser.date import DateDataParser

from mapapp.dating import reading
from mapapp.dating.evaluation import load_cases
from mapapp.dating.expressions import MAX_SCANNED_CHARS, find_expressions
from mapapp.dating.resolution import period_dates
from mapapp.dating.vocabularies import VOCABULARIES, vocabulary_for

LANGUAGES = [*VOCABULARIES, None]
RANDOM_TEXTS_PER_LANGUAGE = 600
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_TO_ASCII_DIGITS = str.maketrans(_ARABIC_INDIC + _PERSIAN, "0123456789" * 2)
# Characters that case-insensitive matching equates with ASCII letters although
# str.lower() does not: the ones a needle search could most easily miss.
_ODD_LETTERS = {"i": "İı", "I": "İı", "s": "ſ", "S": "ſ", "k": "K"}
_EXTRA_TOKENS = (
    "2015", "17", "3", "31st", "1er", "1990s", "1990er", "2011-2013", "17.09.2015", "9/17/2015", "2015-09-17",
    "٢٠١٥", "۱۷", "١٧/٠٩/٢٠١٥", ",", ".", "-", "–", "/", "'s", "’s", "(", "“", "\n", "the", "on", "of", "in",
    "am", "le", "el", "de", "في", "ago", "last", "next",
)


# ---------------------------------------------------------------- expressions


@cache
def _all_patterns(language: str | None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every pattern of the vocabulary, compiled here, in the vocabulary's order."""
    return tuple((kind, re.compile(source, re.IGNORECASE)) for kind, source, *_ in vocabulary_for(language).patterns)


@cache
def _triggers(language: str | None) -> re.Pattern[str]:
    return re.compile(vocabulary_for(language).triggers.lower())


def _reference_expressions(text: str, language: str | None) -> list[tuple]:
    """What ``find_expressions(text, 0, len(text), language)`` must give, found by
    running every pattern: the longest match wins, then the earlier pattern, then
    the earlier start; the survivors in reading order.

    The trigger-word test is kept (as it was before the needles): it is not a
    mere shortcut, since it looks in ``str.lower()``'s text, where "tonıght" and
    "Mİttwoch" lack the trigger words their patterns match case-insensitively.
    """
    passage = text[:MAX_SCANNED_CHARS].translate(_TO_ASCII_DIGITS)
    if not _triggers(language).search(passage.lower()):
        return []
    found = [
        (-(match.end() - match.start()), priority, match.start(), kind, match)
        for priority, (kind, pattern) in enumerate(_all_patterns(language))
        for match in pattern.finditer(passage)
    ]
    found.sort(key=lambda item: item[:3])
    taken: list[tuple[int, int]] = []
    chosen = []
    for *_, kind, match in found:
        lo, hi = match.span()
        if any(lo < t_hi and t_lo < hi for t_lo, t_hi in taken):
            continue
        taken.append((lo, hi))
        groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
        chosen.append((lo, hi, kind, match.group(0).strip(), groups))
    return sorted(chosen, key=lambda item: item[0])


def _found(text: str, language: str | None) -> list[tuple]:
    return [(e.start, e.end, e.kind, e.text, e.groups) for e in find_expressions(text, 0, len(text), language)]


def _vocabulary_words(language: str | None) -> list[str]:
    """Letter runs of the vocabulary's pattern and trigger sources: its month,
    weekday and unit words (and some harmless group names)."""
    vocabulary = vocabulary_for(language)
    sources = [source for _, source, *_ in vocabulary.patterns] + [vocabulary.triggers]
    return sorted({word for source in sources for word in re.findall(r"[^\W\d_]{2,}", source)})


def _misspelt(token: str, rng: random.Random) -> str:
    """``token`` in another case, with odd letters or Eastern digits now and then."""
    roll = rng.random()
    if roll < 0.15:
        token = token.upper()
    elif roll < 0.3:
        token = token.capitalize()
    elif roll < 0.4:
        token = token.lower()
    if rng.random() < 0.25:
        token = "".join(rng.choice(_ODD_LETTERS[c]) if c in _ODD_LETTERS and rng.random() < 0.5 else c for c in token)
    if rng.random() < 0.1:
        digits = rng.choice((_ARABIC_INDIC, _PERSIAN))
        token = "".join(digits[int(c)] if c.isdigit() and c.isascii() else c for c in token)
    return token


def _random_texts(language: str | None, count: int, seed: int) -> list[str]:
    """Word soup from the vocabulary's own words, numbers and punctuation,
    sometimes glued together, plus a few passages longer than the scanned part."""
    rng = random.Random(seed)
    tokens = _vocabulary_words(language) + list(_EXTRA_TOKENS)
    texts = []
    for _ in range(count):
        words = [_misspelt(rng.choice(tokens), rng) for _ in range(rng.randint(1, 14))]
        texts.append("".join(w + rng.choice((" ", " ", " ", "", ", ", "  ")) for w in words))
    for text in texts[:5]:
        # A date lying across (or just beyond) the end of what is scanned.
        padding = "x " * ((MAX_SCANNED_CHARS - rng.randint(0, 12)) // 2)
        texts.append(padding + text)
    return texts


@cache
def _evaluation_passages() -> dict[str | None, list[str]]:
    """The evaluation set's sentences by language, each also with dotless and
    dotted capital i's and long s's (which only the careful case fold sees as
    "i" and "s")."""
    by_language: dict[str | None, list[str]] = {}
    for case in load_cases():
        for sentence in (*case.context, case.passage):
            by_language.setdefault(case.language, []).extend(_with_odd_letters(sentence))
    return by_language


def _with_odd_letters(sentence: str) -> list[str]:
    dotless = sentence.translate(str.maketrans("is", "ıſ"))
    dotted = sentence.translate(str.maketrans("iI", "İİ"))
    return [sentence, dotless, dotted]


@pytest.mark.parametrize("language", LANGUAGES)
def test_skipping_patterns_never_hides_a_match(language):
    passages = _evaluation_passages().get(language, []) + _evaluation_passages()["en"][:50]
    texts = passages + _random_texts(language, RANDOM_TEXTS_PER_LANGUAGE, seed=LANGUAGES.index(language))
    expected = [_reference_expressions(text, language) for text in texts]
    differing = [(text, want) for text, want in zip(texts, expected, strict=True) if _found(text, language) != want]
    assert not differing, differing[:3]
    # The comparison means something only if many of the texts hold dates.
    assert sum(map(bool, expected)) > len(texts) // 5


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
