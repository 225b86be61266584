"""The value every dated passage carries: when its event happened and how sure we are."""

import datetime
from dataclasses import dataclass

PRECISIONS = ("day", "month", "year", "range")
SOURCES = ("stated", "inferred", "published")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """The date a passage is about.

    ``end`` equals ``start`` for a single day and is the last day of the month,
    year or range otherwise. ``source`` says where the date came from: an
    expression in the passage ("stated"), the context of the article
    ("inferred"), or the publication date as a fallback ("published").
    ``expression`` is the governing text, "" for the fallback.
    """

    start: datetime.date
    end: datetime.date
    precision: str
    source: str
    expression: str
