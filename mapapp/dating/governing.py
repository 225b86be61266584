"""Which date expression governs which passage.

Rules, in order, for each passage (a sentence):
1. Its own expressions, resolved against the publication date. When several
   resolve, the first of the best rank wins:
   a. events in the main clause ("rebels took the airport 10 days ago, monitors
      said on Saturday": the airport fell 10 days ago);
   b. events in a relative clause (", which began last year,") and years used
      as adjectives ("the 2011 uprising");
   c. dates of a statement ("said on Saturday", "On Thursday, the firm said");
   d. dates after publication ("talks will continue next month"): a plan is
      dated by when it was announced if the passage says so.
   Anchored expressions ("a week earlier", "the next day") count from the
   passage's own previous date, or else from the previous passage's.
2. Otherwise the date of the previous passage in the same paragraph, if that
   date came from the text ("inferred"): a sentence continuing a story keeps its
   date, for at most ``MAX_INHERITED_PASSAGES`` sentences in a row.
3. Otherwise the publication date ("published").
"""

import dataclasses
import datetime
from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from mapapp.dating.anchoring import resolve_anchored
from mapapp.dating.event_date import EventDate
from mapapp.dating.expressions import (
    Expression,
    find_expressions,
    in_future_clause,
    in_relative_clause,
    reporting_spans,
)
from mapapp.dating.language import detect_language
from mapapp.dating.resolution import resolve
from mapapp.passages import split_passages

# How far a reporting verb may sit from the expression that dates it:
# "said on Saturday", "told reporters on Friday" / "sources on Friday said".
REPORTING_BEFORE_CHARS = 30
REPORTING_BEFORE_WORDS = 3
REPORTING_AFTER_CHARS = 80
# A story drifts: past this many undated sentences after a dated one, text
# without paragraph breaks (as some scrapers give) falls back to publication.
MAX_INHERITED_PASSAGES = 3
# How far back in a paragraph skipped sentences are read for context.
MAX_CATCH_UP_CHARS = 4000


def date_passages(
    text: str,
    passages: Sequence[tuple[int, int]],
    published: datetime.date,
    *,
    language: str | None = None,
) -> list[EventDate]:
    """One EventDate per passage span (start, end offsets into text), in order.

    Never raises for any text or span: a passage that cannot be dated gets the
    publication date. ``language`` ("en", "de", "fr", "es", "ar") is guessed
    from the text when not given; other languages get numeric dates only.
    The spans may skip sentences (only those naming a place, say): skipped
    sentences of the same paragraph are still read for what later ones inherit.
    """
    if isinstance(published, datetime.datetime):
        published = published.date()
    text = text if isinstance(text, str) else ""
    try:
        # "en-GB" and "EN" are English; the vocabularies are keyed by two letters.
        language = language[:2].lower() if isinstance(language, str) and language else detect_language(text)
    except Exception:  # guessing a language must never stop dating
        language = None
    reader = _Reader(text, published, language)
    return [reader.read(span) for span in passages]


class _Reader:
    """Reads passages in order, remembering what the next one may inherit."""

    def __init__(self, text: str, published: datetime.date, language: str | None) -> None:
        self.text = text
        self.published = published
        self.language = language
        self.fallback = EventDate(start=published, end=published, precision="day", source="published", expression="")
        self.previous: EventDate | None = None
        self.previous_end: int | None = None
        self.hops = 0

    def read(self, span: tuple[int, int]) -> EventDate:
        """The date of one passage; never raises."""
        try:
            start, end = _clamped(span, len(self.text))
            self._catch_up(start)
            return self._read(start, end)
        except Exception:  # one odd passage must not lose the article's dates
            self.previous, self.previous_end, self.hops = None, None, 0
            return self.fallback

    def _read(self, start: int, end: int) -> EventDate:
        continues = (
            self.previous_end is not None
            and self.previous_end <= start
            and self.hops < MAX_INHERITED_PASSAGES
            and "\n" not in self.text[self.previous_end : start]
        )
        context = self.previous if continues else None
        date = _date_passage(self.text, start, end, self.published, self.language, context) or self.fallback
        inherited = context is not None and date.source == "inferred" and date.expression == context.expression
        self.hops = self.hops + 1 if inherited else 0
        self.previous, self.previous_end = date, end
        return date

    def _catch_up(self, start: int) -> None:
        """Read the sentences of ``start``'s paragraph that no span covered."""
        paragraph = self.text.rfind("\n", 0, start) + 1
        if self.previous_end is not None and paragraph <= self.previous_end <= start:
            begin = self.previous_end
        else:
            self.previous, self.previous_end, self.hops = None, None, 0
            begin = paragraph
        begin = max(begin, start - MAX_CATCH_UP_CHARS)
        if not self.text[begin:start].strip():
            return
        for sub_start, sub_end in split_passages(self.text[begin:start]):
            self._read(begin + sub_start, begin + sub_end)


def _clamped(span: tuple[int, int], length: int) -> tuple[int, int]:
    start, end = int(span[0]), int(span[1])
    start = min(max(start, 0), length)
    return start, min(max(end, start), length)


class Rank(IntEnum):
    """How strongly an expression dates its passage's event, best first (rules 1a to 1d)."""

    EVENT = 0  # in the main clause
    BACKGROUND = 1  # in a relative clause, or a year used as an adjective
    STATEMENT = 2  # dates a reporting verb
    PLAN = 3  # after publication


class _Candidate(NamedTuple):
    """A date one of the passage's expressions gives, and how strongly."""

    rank: Rank
    start: int  # the expression's offset: the first of a rank wins
    date: EventDate


def _date_passage(
    text: str,
    start: int,
    end: int,
    published: datetime.date,
    language: str | None,
    previous: EventDate | None,
) -> EventDate | None:
    """The governing date of one passage, or None for the publication date."""
    candidates: list[_Candidate] = []
    expressions = find_expressions(text, start, end, language)
    reports = reporting_spans(text, start, end, language) if expressions else []
    last_end = start
    for expression in expressions:
        statement = _dates_a_statement(expression, reports, text, start)
        if expression.kind == "anchored":
            # "A week earlier" counts from the passage's own last date, else
            # from the previous passage's ("The next day, ...").
            anchor = candidates[-1].date if candidates else previous
            if anchor is None or anchor.source == "published":
                continue
            source = "stated" if candidates else "inferred"
            date = resolve_anchored(expression, anchor, language, source=source)
            if date is not None and date.start > published:
                continue
        else:
            # "Kerry said on Saturday he will ...": a statement's date is past.
            future = not statement and in_future_clause(expression, text, start, language)
            date = resolve(expression, published, language, future=future)
        if date is None:
            continue
        if date.start > published:
            rank = Rank.PLAN
        elif statement:
            rank = Rank.STATEMENT
        elif expression.kind == "attributive_year" or in_relative_clause(expression, text, start, language):
            rank = Rank.BACKGROUND
        else:
            rank = Rank.EVENT
        if candidates and expression.kind == "explicit" and _in_apposition(text, last_end, expression.start):
            # "Yesterday, February 17, 2006,": the calendar date says the same, exactly.
            rank = min(rank, candidates.pop().rank)
        candidates.append(_Candidate(rank=rank, start=expression.start, date=date))
        last_end = expression.end
    if candidates:
        return min(candidates, key=lambda candidate: (candidate.rank, candidate.start)).date
    if previous is not None and previous.source != "published":
        return dataclasses.replace(previous, source="inferred")
    return None


def _in_apposition(text: str, previous_end: int, start: int) -> bool:
    """Whether only a comma or spaces separate two expressions."""
    return previous_end <= start and text[previous_end:start].strip(" ,") == ""


def _dates_a_statement(
    expression: Expression, reports: list[tuple[int, int]], text: str, passage_start: int
) -> bool:
    """Whether ``expression`` dates a reporting verb rather than an event.

    After the verb when at most a short object comes between ("said on
    Saturday", "told the BBC on Friday") but no new clause ("said the ship sank
    on Saturday"). Before the verb when nothing separates them ("sources on
    Friday said") or when the expression opens the sentence ("On Thursday, the
    firm said"); a comma otherwise marks a trailing attribution ("10 days ago,
    monitors said").
    """
    opens_sentence = len(text[passage_start : expression.start].split()) <= 1
    for verb_start, verb_end in reports:
        if verb_end <= expression.start:
            between = text[verb_end : expression.start]
            if (
                len(between) <= REPORTING_BEFORE_CHARS
                and len(between.split()) <= REPORTING_BEFORE_WORDS
                and not any(c in between for c in ",;:\"“”")
            ):
                return True
        elif verb_start >= expression.end:
            between = text[expression.end : verb_start]
            if len(between) <= REPORTING_AFTER_CHARS and (opens_sentence or not any(c in between for c in ",;:\"“”")):
                return True
    return False
