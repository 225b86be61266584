"""What every language's date vocabulary is made of: kinds, shared fragments, helpers.

These patterns only *find* candidate expressions cheaply; dateparser parses the
``core`` group of each match. Every pattern has a kind (see ``KINDS``) that tells
the resolver how to turn the parsed date into an event date, and named groups:

- ``core``: the text handed to dateparser (after ``rewrites``);
- ``wd``: a weekday named with a calendar date ("Monday, March 30");
- ``last``/``last2``: a weekday said to be "last"/"dernier"/"pasado" (strictly
  before publication rather than on or before);
- ``unit``/``unit2``: the period word of "earlier this year" and friends;
- ``a``/``b``: both ends of "from 2011 to 2013";
- ``after``/``before``/``same``, or ``n`` and ``unit`` with ``later``/``earlier``:
  a date anchored on an earlier one ("the next day", "a month later");
- ``n``/``unit``/``recent`` of "over the past two weeks", "in recent days";
- ``f_<feast>`` and ``s_<season>`` name which feast or season; ``y`` its year;
  ``this``/``next`` (with ``last``) which season relative to publication;
  ``since`` a season that runs on to publication ("since the summer").

NUMERIC holds the patterns every language shares (2015-09-17, 17.09.2015).
"""

from dataclasses import dataclass, field
from typing import NamedTuple

KINDS = (
    "explicit",  # a calendar date, month or month-year: parsed as is
    "weekday",  # "on Thursday": the latest such day on or before publication
    "relative",  # "yesterday", "10 days ago", "last month": never after publication
    "future",  # "next week", "tomorrow": may lie after publication
    "last_month",  # "last September", "August of last year": before the current month/year
    "year",  # "in 2011": the whole year
    "attributive_year",  # "the 2014 midterms": a year, outranked by any other date
    "since",  # "since 2011": from then to publication
    "span",  # "between 2011 and 2013"
    "this_period",  # "earlier this year": from the period's start to publication
    "anchored",  # "the next day", "a month later": relative to an earlier date
    "weekend",  # "over the weekend": the latest Saturday and Sunday
    "decade",  # "in the 1990s"
    "past_period",  # "over the past two weeks", "in recent days": up to publication
    "feast",  # "on Easter Sunday", "during Ramadan": see calendars.FEASTS
    "season",  # "last summer", "the winter of 2014"
    "day_of_month",  # "on the 11th": the latest such day
)



class DatePattern(NamedTuple):
    """One shape of date expression.

    ``words``, when given, are lower-case strings one of which every match
    holds: the pattern is not run on a passage holding none of them, which
    saves most of the time spent matching (tests/dating/test_pattern_words.py
    checks the words against the matches).
    """

    kind: str
    source: str
    words: tuple[str, ...] = ()


YEAR = r"(?:1[89]\d\d|20\d\d)"
# Every match of YEAR holds one of these.
YEAR_WORDS = ("18", "19", "20")
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
NUMERIC = (
    DatePattern("explicit", rf"\b(?P<core>{YEAR}-[01]\d-[0-3]\d)\b", YEAR_WORDS),
    DatePattern("explicit", rf"\b(?P<core>{DAY}[./][01]?\d[./]{YEAR})\b", YEAR_WORDS),
    DatePattern("explicit", rf"\b(?P<core>[01]?\d/{DAY}/{YEAR})\b", YEAR_WORDS),
)


def feast_pattern(
    feasts: dict[str, str], *, before: str = r"\b", after: str = r"\b", words: tuple[str, ...] = ()
) -> DatePattern:
    """One pattern naming each feast in a group ``f_<feast>`` (see calendars.FEASTS)."""
    names = "|".join(f"(?P<f_{key}>{source})" for key, source in feasts.items())
    source = rf"{before}(?:(?:on|at|during|over|am|an|zu|à|en|durante|في|خلال)\s+)?(?:{names}){after}"
    return DatePattern("feast", source, words)


def season_patterns(
    seasons: dict[str, str], templates: tuple[str, ...], *, words: tuple[str, ...] = ()
) -> tuple[DatePattern, ...]:
    """Season patterns: each template's ``{S}`` becomes the season group alternatives."""
    names = "|".join(f"(?P<s_{key}>{source})" for key, source in seasons.items())
    return tuple(DatePattern("season", template.replace("{S}", f"(?:{names})"), words) for template in templates)


@dataclass(frozen=True)
class Vocabulary:
    """What one language needs: words to recognise it by, patterns in priority
    order, reporting verbs, number words, rewrites that help dateparser, and
    period words."""

    language: str
    # DatePatterns, or (kind, source) pairs, compiled case-insensitively; an
    # earlier pattern wins over a later one matching as long a text.
    patterns: tuple[DatePattern | tuple[str, str], ...]
    # Frequent words of the language that the others mostly lack (to guess it).
    common_words: frozenset[str] = frozenset()
    # Words every date expression of the language holds one of: a passage whose
    # lower-cased text holds none is not searched. Written in lower case (\d and
    # \b only as escapes).
    triggers: str = r"\d"
    reporting: str = r"(?!x)x"
    number_words: dict[str, int] = field(default_factory=dict)
    rewrites: tuple[tuple[str, str], ...] = ()
    units: dict[str, str] = field(default_factory=dict)
    # Words that put a following weekday in the future ("will meet on Friday").
    future_cues: str = r"(?!x)x"
    # Words opening a relative clause after a comma (", which began last year,").
    subordinate: str = r"(?!x)x"


NUMERIC_ONLY = Vocabulary(language="", patterns=NUMERIC)
